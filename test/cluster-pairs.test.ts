import { describe, expect, it } from 'vitest';
import { forEachPair, joined, joinedOutside, pairEvent, pairKey, relation, scoreLabels, splitOf } from '../bench/cluster-pairs.js';
import type { PairEvent, PairLabel } from '../bench/cluster-pairs.js';
import { rng } from '../src/core/rng.js';
import type { PloverType } from '../src/core/record.js';
import type { ClusterInputEvent, EventRow } from '../src/store/types.js';

let n = 0;
/** A sentence of words no other event's sentence has, unless a test gives it another's. */
const letters = (i: number): string => {
  const code = i.toString(20).replace(/./g, (c) => String.fromCharCode(104 + parseInt(c, 20)));
  return `${code}xa ${code}xb ${code}xc`;
};
/** An event of `doc`, with the fields the pairs read; `cluster` as the analysis stored it. */
function ev(doc: string, over: Partial<ClusterInputEvent> = {}, cluster: string | null = null, original = doc): PairEvent {
  n++;
  const input: ClusterInputEvent = {
    key: `${doc}:E${n}`, articleKey: doc, type: 'REQUEST', mode: null, modality: 'asserted', actors: ['USAGOV'], recipients: ['JPN'],
    names: [], evidence: letters(n), date: null, dateGrain: null, place: null, publisher: null,
    published: '1987-04-01', dead: null, injured: null, arrested: null, ...over,
  };
  const row = { evidence: { start: n * 10 }, trigger: 'asked', type: input.type, cluster } as unknown as EventRow;
  return pairEvent(input, row, `reuters:${doc}`, original);
}

describe('cluster pairs: the universe of plausible pairs', () => {
  it('takes pairs of one type, close days and shared codes, names, wording or towns; near when more than codes', () => {
    const a = ev('1');
    expect(relation(a, ev('2'))).toBe('far'); // codes only
    expect(relation(a, ev('3', { actors: ['USALEG'], names: [{ name: 'James Baker', type: 'PERSON', country: 'USA', sector: 'GOV' }] }))).toBe(null);
    const baker = [{ name: 'James Baker', type: 'PERSON', country: 'USA', sector: 'GOV' }];
    expect(relation(ev('4', { actors: ['USAGOV'], names: baker }), ev('5', { actors: ['GBR'], names: [{ ...baker[0]!, name: 'Baker' }] }))).toBe('near');
    expect(relation(a, ev('6', { actors: ['FRA'], evidence: a.input.evidence }))).toBe('near');
    const city = { name: 'Manila', lat: 14.6, lon: 121.0 };
    expect(relation(ev('7', { actors: ['PHL'], place: city }), ev('8', { actors: ['USA'], place: city }))).toBe('near');
  });

  it('leaves out one article, copies of one article, other types or modalities, and days beyond the tolerance', () => {
    const a = ev('1');
    expect(relation(a, ev('1'))).toBe(null);
    expect(relation(a, ev('9', {}, null, '1'))).toBe(null);
    expect(relation(a, ev('2', { type: 'ACCUSE' as PloverType }))).toBe(null);
    expect(relation(a, ev('2', { modality: 'hypothetical' }))).toBe(null);
    expect(relation(a, ev('2', { modality: 'alleged' }))).toBe('far');
    expect(relation(a, ev('2', { published: '1987-04-05' }))).toBe(null);
    expect(relation(a, ev('2', { date: '1987', dateGrain: 'year' }))).toBe(null);
  });

  it('visits every pair of the universe once, as a scan of all pairs would', () => {
    const random = rng(5);
    const events: PairEvent[] = [];
    for (let i = 0; i < 120; i++) {
      const day = 1 + Math.floor(random() * 12);
      events.push(
        ev(String(Math.floor(random() * 60)), {
          type: random() < 0.5 ? 'REQUEST' : 'ACCUSE',
          actors: [random() < 0.5 ? 'USAGOV' : 'JPNGOV'],
          published: `1987-04-${String(day).padStart(2, '0')}`,
        }),
      );
    }
    events.sort((x, y) => (x.key < y.key ? -1 : 1));
    const seen: string[] = [];
    forEachPair(events, (a, b, how) => {
      expect(a.key < b.key).toBe(true);
      seen.push(`${a.key} ${b.key} ${how}`);
    });
    const brute: string[] = [];
    for (let i = 0; i < events.length; i++) {
      for (let j = i + 1; j < events.length; j++) {
        const how = relation(events[i]!, events[j]!);
        if (how) brute.push(`${events[i]!.key} ${events[j]!.key} ${how}`);
      }
    }
    expect(seen.length).toBeGreaterThan(50);
    expect(seen.sort()).toEqual(brute.sort());
  });

  it('counts joined pairs outside the universe, and names pairs and splits the same whichever event comes first', () => {
    const a = ev('1', {}, 'C1');
    const b = ev('2', {}, 'C1');
    const c = ev('3', { type: 'ACCUSE' as PloverType }, 'C1');
    expect(joined(a, b)).toBe(true);
    expect(joined(a, ev('4'))).toBe(false);
    expect(joinedOutside([a, b, c])).toBe(2);
    expect(pairKey(a.ref, b.ref)).toBe(pairKey(b.ref, a.ref));
    const splits = new Set(Array.from({ length: 40 }, (_, i) => splitOf(`pair ${i}`)));
    expect(splits).toEqual(new Set(['dev', 'held']));
  });
});

describe('cluster pairs: scoring judged pairs', () => {
  it('weights each judged pair by its stratum, and counts pairs whose events are gone as lost', () => {
    const [a, b, c, d] = [ev('1', {}, 'C1'), ev('2', {}, 'C1'), ev('3'), ev('4')];
    const label = (x: PairEvent, y: PairEvent, same: 0 | 1, weight: number, split: 'dev' | 'held' = 'dev'): PairLabel =>
      ({ id: `${x.key}~${y.key}`, a: x.ref, b: y.ref, stratum: 'near', weight, split, same });
    const labels = [
      label(a, b, 1, 10), // joined, same: a true join of weight 10
      label(a, c, 0, 2), // apart, different: nothing
      label(c, d, 1, 30), // apart, same: a miss of weight 30
      label(b, { ...d, ref: { ...d.ref, start: 9999 } }, 1, 5, 'held'), // its event is gone
    ];
    const { tallies, errors } = scoreLabels(labels, [a, b, c, d], 'dev');
    const dev = tallies.get('dev')!;
    expect([dev.tp, dev.fp, dev.fn, dev.lost]).toEqual([10, 0, 30, 0]);
    expect(tallies.get('held')!.lost).toBe(1);
    expect(tallies.get('all')!.pairs).toBe(4);
    // Precision 10 / 10, recall 10 / 40: the far miss weighs three times the join.
    expect(dev.tp / (dev.tp + dev.fn)).toBeCloseTo(0.25);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/judged same, apart/);
  });
});

