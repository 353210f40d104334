import { describe, expect, it } from 'vitest';
import type { Mention } from '../core/record.js';
import { rng } from '../core/rng.js';
import { Cluster } from './cluster.js';
import { MentionIndex } from './mention-index.js';

const TEXT = 'x'.repeat(2000);

/** What a scan of every entity's every mention gives. */
function scanAround(clusters: readonly Cluster[], start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  clusters.forEach((c, ci) => c.mentions.forEach((m, mi) => {
    if (m.start <= end && m.end >= start) out.push([ci, mi]);
  }));
  return out;
}

describe('MentionIndex', () => {
  it('answers as a scan over entities and their mentions would, while both keep growing', () => {
    const r = rng(11);
    const clusters: Cluster[] = [];
    const index = new MentionIndex(false);
    const scan = new MentionIndex(true);
    for (let step = 0; step < 3000; step++) {
      const roll = r();
      if (roll < 0.05 || clusters.length === 0) {
        clusters.push(new Cluster('ORG', `e${clusters.length}`));
      } else if (roll < 0.6) {
        const start = Math.floor(r() * 1900);
        const len = r() < 0.1 ? Math.floor(r() * 80) : Math.floor(r() * 12);
        clusters[Math.floor(r() * clusters.length)]!.add(TEXT, { start, end: start + len }, 'name');
      } else {
        const start = Math.floor(r() * 1950);
        const end = start + Math.floor(r() * 30);
        const got = index.around(clusters, start, end).map((x) => [x.ci, x.mi]);
        expect(got).toEqual(scanAround(clusters, start, end));
        expect(scan.around(clusters, start, end).map((x) => [x.ci, x.mi])).toEqual(got);
        const covers = (m: Mention): boolean => m.start <= start && end <= m.end;
        expect(index.first(clusters, start, end, covers)).toBe(clusters.find((c) => c.mentions.some(covers)));
        expect(scan.first(clusters, start, end, covers)).toBe(clusters.find((c) => c.mentions.some(covers)));
      }
    }
  });

  it('sees mentions added to an entity it has indexed, and entities made after a question', () => {
    const index = new MentionIndex(false);
    const a = new Cluster('GPE', 'A');
    const clusters = [a];
    a.add(TEXT, { start: 10, end: 15 }, 'name');
    expect(index.around(clusters, 12, 12)).toHaveLength(1);
    a.add(TEXT, { start: 100, end: 105 }, 'name');
    const b = new Cluster('GPE', 'B');
    clusters.push(b);
    b.add(TEXT, { start: 101, end: 103 }, 'name');
    expect(index.around(clusters, 102, 102).map((x) => x.cluster)).toEqual([a, b]);
  });
});

describe('Cluster.add', () => {
  it('refuses a repeated mention, before and after it keeps a set of them', () => {
    const c = new Cluster('PERSON', 'A');
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 40; i++) c.add(TEXT, { start: 3 * i, end: 3 * i + 2 }, 'name');
    }
    expect(c.mentions).toHaveLength(40);
    c.add(TEXT, { start: 0, end: 1 }, 'name');
    expect(c.mentions).toHaveLength(41);
  });
});
