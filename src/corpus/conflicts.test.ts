import { describe, expect, it } from 'vitest';
import { clusterEvents } from './cluster.js';
import { findCorpusConflicts, showRange } from './conflicts.js';
import type { ConflictInputEvent } from './conflicts.js';

let n = 0;
function ev(over: Partial<ConflictInputEvent> = {}): ConflictInputEvent {
  n++;
  const article = over.articleKey ?? `art${n}`;
  return {
    key: `${article}:E${n}`, articleKey: article, type: 'ASSAULT', mode: null, modality: 'asserted',
    actors: ['NGAREB'], recipients: ['NGA'], date: '2023-05-02', dateGrain: 'day', place: { name: 'Maiduguri', lat: 11.85, lon: 13.16 },
    publisher: null, published: '2023-05-02T12:00', dead: null, injured: null, arrested: null,
    ...over,
  };
}

function run(events: ConflictInputEvent[], dups = new Map<string, string>()) {
  return findCorpusConflicts(events, clusterEvents(events, dups), dups);
}

describe('findCorpusConflicts', () => {
  it('reports death tolls that cannot both be true, naming the publishers', () => {
    const out = run([
      ev({ publisher: 'Reuters', dead: { min: 100, max: null }, published: '2023-05-02T09:00' }),
      ev({ publisher: 'AFP', dead: { min: 12, max: 12 }, published: '2023-05-02T11:00' }),
      ev({ publisher: 'BBC', dead: { min: 10, max: 15 }, published: '2023-05-02T13:00' }),
    ]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ kind: 'count' });
    expect(out[0]!.note).toBe('dead: at least 100 (Reuters) vs 12 (AFP) vs 10–15 (BBC)');
    expect(out[0]!.events).toHaveLength(3);
  });

  it('stays quiet about overlapping counts and about a duplicate repeating its source', () => {
    expect(run([ev({ dead: { min: 12, max: 12 } }), ev({ dead: { min: 10, max: 15 } })])).toEqual([]);
    const a = ev({ articleKey: 'orig', dead: { min: 12, max: 12 } });
    const b = ev({ articleKey: 'copy', dead: { min: 100, max: null } });
    expect(run([a, b], new Map([['copy', 'orig']]))).toEqual([]);
    expect(run([a, b])).toHaveLength(1);
  });

  it('reports day-grain dates that differ, not a month that holds the day', () => {
    const out = run([ev({ publisher: 'AP', date: '2023-05-01' }), ev({ publisher: 'AFP', date: '2023-05-02' }), ev({ date: '2023-05', dateGrain: 'month' })]);
    expect(out.map((c) => c.note)).toEqual(['date: 2023-05-01 (AP) vs 2023-05-02 (AFP)']);
  });

  it('reports a place said to be taken by different sides', () => {
    const lachin = { name: 'Lachin', lat: 39.64, lon: 46.55 };
    const out = run([
      ev({ type: 'COERCE', mode: 'seize', actors: ['AZEMIL'], recipients: [], place: lachin, publisher: 'Trend' }),
      ev({ type: 'COERCE', mode: 'seize', actors: ['ARMMIL'], recipients: [], place: lachin, publisher: 'Armenpress' }),
      ev({ type: 'COERCE', mode: 'seize', actors: ['ARMMIL'], recipients: [], place: lachin, publisher: 'Armenpress', modality: 'hypothetical' }),
    ]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ kind: 'actor', note: 'who took Lachin: AZEMIL (Trend) vs ARMMIL (Armenpress)' });
    expect(out[0]!.cluster).toMatch(/^C/);
  });

  it('counts only seizures for who took a place, not arrests there', () => {
    const place = { name: 'Kherson', lat: 46.64, lon: 32.61 };
    const out = run([
      ev({ type: 'COERCE', mode: 'seize', actors: ['UKRMIL'], place }),
      ev({ type: 'COERCE', mode: 'arrest', actors: ['RUSCOP'], place }),
    ]);
    expect(out).toEqual([]);
  });

  it('shows ranges readably', () => {
    expect(showRange({ min: 3, max: 5 })).toBe('3–5');
    expect(showRange({ min: null, max: 20 })).toBe('at most 20');
  });
});
