import { describe, expect, it } from 'vitest';
import type { Range } from '../core/record.js';
import { rng } from '../core/rng.js';
import { clusterEvents, haversineKm } from './cluster.js';
import { disjoint, findCorpusConflicts, PlaceGroups, showRange } from './conflicts.js';
import type { ConflictInputEvent } from './conflicts.js';

let n = 0;
function ev(over: Partial<ConflictInputEvent> = {}): ConflictInputEvent {
  n++;
  const article = over.articleKey ?? `art${n}`;
  return {
    key: `${article}:E${n}`, articleKey: article, type: 'ASSAULT', mode: null, modality: 'asserted',
    actors: ['NGAREB'], recipients: ['NGA'], date: '2023-05-02', dateGrain: 'day', place: { name: 'Maiduguri', lat: 11.85, lon: 13.16 },
    publisher: null, published: '2023-05-02T12:00', dead: null, injured: null, arrested: null, names: [], evidence: '',
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

  it('compares each report of a seizure by its own date, not its side\'s first', () => {
    const lachin = { name: 'Lachin', lat: 39.64, lon: 46.55 };
    const seize = (actors: string[], date: string, publisher: string): ConflictInputEvent =>
      ev({ type: 'COERCE', mode: 'seize', actors, recipients: [], place: lachin, date, published: `${date}T12:00`, publisher });
    // Trend's first claim is weeks before Armenpress's; its second is the day before.
    const out = run([seize(['AZEMIL'], '2023-05-01', 'Trend'), seize(['AZEMIL'], '2023-05-20', 'Trend'), seize(['ARMMIL'], '2023-05-21', 'Armenpress')]);
    expect(out.map((c) => c.note)).toEqual(['who took Lachin: AZEMIL (Trend) vs ARMMIL (Armenpress)']);
    expect(out[0]!.events).toHaveLength(2);
  });

  it('keeps exactly the seizures that clash with another side\'s within two days, from another article', () => {
    const place = { name: 'Shusha', lat: 39.76, lon: 46.75 };
    let seen = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const r = rng(100 + seed);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
      const events = Array.from({ length: 2 + Math.floor(r() * 10) }, () => {
        const date = `2023-05-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}`;
        return ev({
          type: 'COERCE', mode: 'seize', actors: [pick(['AZEMIL', 'ARMMIL', 'AZE', 'name:militia'])], recipients: [], place,
          articleKey: pick(['a', 'b', 'c']), publisher: pick(['Trend', 'Armenpress', null]), date, published: `${date}T${pick(['09', '15'])}:00`,
        });
      });
      const side = (e: ConflictInputEvent): string => (/^[A-Z]{3}/.test(e.actors[0]!) ? e.actors[0]!.slice(0, 3) : e.actors[0]!);
      const day = (e: ConflictInputEvent): number => Date.parse(e.date!) / 86_400_000;
      const kept = events.filter((x) => events.some((y) => x.articleKey !== y.articleKey && side(x) !== side(y) && Math.abs(day(x) - day(y)) <= 2));
      const found = run(events).filter((c) => c.kind === 'actor');
      if (kept.length === 0) {
        expect(found).toEqual([]);
        continue;
      }
      seen++;
      expect(found).toHaveLength(1);
      expect([...found[0]!.events].sort()).toEqual(kept.map((e) => e.key).sort());
    }
    expect(seen).toBeGreaterThan(20);
  });

  it('counts only seizures for who took a place, not arrests there', () => {
    const place = { name: 'Kherson', lat: 46.64, lon: 32.61 };
    const out = run([
      ev({ type: 'COERCE', mode: 'seize', actors: ['UKRMIL'], place }),
      ev({ type: 'COERCE', mode: 'arrest', actors: ['RUSCOP'], place }),
    ]);
    expect(out).toEqual([]);
  });

  it('keeps exactly the reports whose toll clashes with one from another article', () => {
    // The rule, pair by pair: a report takes part when some report of another article
    // (after duplicates go to their originals) gives a disjoint range.
    const ranges: Array<Range | null> = [null, { min: 12, max: 12 }, { min: 10, max: 15 }, { min: 100, max: null }, { min: null, max: 5 }, { min: 20, max: 20 }];
    let seen = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const r = rng(seed);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
      const events = Array.from({ length: 2 + Math.floor(r() * 12) }, () => ev({
        articleKey: pick(['a', 'b', 'c', 'd']), publisher: pick(['Reuters', 'AFP', null]), dead: pick(ranges),
        published: `2023-05-02T${pick(['09', '10', '11'])}:00`,
      }));
      const dups = new Map(r() < 0.5 ? [['d', 'a']] : []);
      const original = (k: string): string => dups.get(k) ?? k;
      const sorted = events.filter((e) => e.dead).sort((x, y) => (x.published! < y.published! ? -1 : x.published! > y.published! ? 1 : x.key < y.key ? -1 : 1));
      const kept = sorted.filter((x) => sorted.some((y) => original(x.articleKey) !== original(y.articleKey) && disjoint(x.dead!, y.dead!)));
      const byValue = new Map<string, string[]>();
      for (const x of kept) byValue.set(showRange(x.dead!), [...(byValue.get(showRange(x.dead!)) ?? []), x.key]);
      const found = run(events, dups).filter((c) => c.kind === 'count');
      if (kept.length === 0) {
        expect(found).toEqual([]);
        continue;
      }
      seen++;
      expect(found).toHaveLength(1);
      expect(found[0]!.events).toEqual([...byValue.values()].flat());
      expect(found[0]!.note.startsWith(`dead: ${[...byValue.keys()][0]} (`)).toBe(true);
    }
    expect(seen).toBeGreaterThan(20);
  });

  it('compares the values of a cluster of 20,000 reports, not every pair of reports', () => {
    const events = Array.from({ length: 20_000 }, (_, i) => ev({ articleKey: `a${i % 50}`, dead: { min: 10 + (i % 2) * 10, max: 10 + (i % 2) * 10 } }));
    const out = run(events);
    expect(out.map((c) => c.note.replace(/\(.*?\)/g, '()'))).toEqual(['dead: 10 () vs 20 ()']);
    expect(out[0]!.events).toHaveLength(20_000);
  });

  it('shows ranges readably', () => {
    expect(showRange({ min: 3, max: 5 })).toBe('3–5');
    expect(showRange({ min: null, max: 20 })).toBe('at most 20');
  });
});

describe('PlaceGroups', () => {
  it('finds the group a scan over all groups in order of creation finds', () => {
    const rand = rng(11);
    for (let round = 0; round < 20; round++) {
      const index = new PlaceGroups<number>();
      const scanned: Array<{ name: string; lat: number | null; lon: number | null; events: number[] }> = [];
      for (let n = 0; n < 400; n++) {
        // Places clustered around a few centres, a few km apart, some without coordinates,
        // names shared across far-apart places; near the poles and the antimeridian too.
        const centre = [[48.5, 35.1], [-0.2, 179.99], [-0.2, -179.99], [89.99, 10], [12, 12]][Math.floor(rand() * 5)]!;
        const lat = rand() < 0.15 ? null : centre[0]! + (rand() - 0.5) * 0.2;
        const lon = lat === null ? null : centre[1]! + (rand() - 0.5) * 0.2;
        const name = `place ${Math.floor(rand() * 60)}`;
        const want = scanned.find((x) => x.name === name
          || (x.lat !== null && x.lon !== null && lat !== null && lon !== null && haversineKm(x.lat, x.lon, lat, lon) <= 5));
        const got = index.find(name, lat, lon);
        expect(got === undefined ? -1 : index.groups.indexOf(got)).toBe(want === undefined ? -1 : scanned.indexOf(want));
        if (want) {
          want.events.push(n);
          got!.events.push(n);
        } else {
          scanned.push({ name, lat, lon, events: [n] });
          index.add({ name, lat, lon, events: [n] });
        }
      }
      expect(index.groups).toEqual(scanned);
      expect(scanned.length).toBeGreaterThan(20);
      expect(scanned.some((g) => g.events.length > 3)).toBe(true);
    }
  });
});
