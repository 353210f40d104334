import { describe, expect, it } from 'vitest';
import type { PloverType } from '../core/record.js';
import { rng } from '../core/rng.js';
import type { ClusterInputEvent, CorpusAnalysis, CorpusConflict, EventCluster, Store } from '../store/types.js';
import { analyseCorpus } from './analyse.js';
import { clusterEvents, compareClusters } from './cluster.js';
import { findCorpusConflicts } from './conflicts.js';
import { DEFAULT_MAX_DISTANCE, findDuplicates } from './duplicates.js';
import { simhash } from './simhash.js';

const TEXT = `Protesters gathered outside the parliament in Yerevan on Monday to demand the resignation of the government after the
ceasefire agreement, police said. Several hundred people blocked the main avenue for hours, and officers detained dozens of them.
The interior ministry said 31 people had been arrested and that two officers were injured in scuffles near the building.`;

type Written = { duplicates: CorpusAnalysis['duplicates']; clusters: EventCluster[]; conflicts: CorpusConflict[]; batches: number };

/** What a store would write: the batches read in order, then the conflicts. */
async function materialise(a: CorpusAnalysis): Promise<Written> {
  const clusters: EventCluster[] = [];
  let batches = 0;
  if (Array.isArray(a.clusters)) clusters.push(...a.clusters);
  else {
    for await (const b of a.clusters) {
      batches++;
      clusters.push(...b);
    }
  }
  return { duplicates: a.duplicates, clusters, conflicts: typeof a.conflicts === 'function' ? a.conflicts() : a.conflicts, batches };
}

function fakeStore(): { store: Store; written: Written[] } {
  const written: Written[] = [];
  const fps = [
    { key: 'a1', simhash: simhash(TEXT), publisher: 'Armenpress', published: '2023-04-03T10:00', ingestedAt: '2024-01-01T00:00:00Z' },
    { key: 'a2', simhash: simhash('YEREVAN (AFP) - ' + TEXT + '\nAll rights reserved.'), publisher: 'Daily Post', published: '2023-04-03T15:00', ingestedAt: '2024-01-01T00:00:01Z' },
    { key: 'a3', simhash: simhash('A different story about tea prices at the Mombasa auction falling for a third week as Pakistani buyers held back.'), publisher: 'Nation', published: '2023-04-04', ingestedAt: '2024-01-01T00:00:02Z' },
  ];
  const event = (key: string, articleKey: string, publisher: string, arrested: number): ClusterInputEvent => ({
    key, articleKey, type: 'COERCE', mode: 'arrest', modality: 'asserted', actors: ['ARMCOP'], recipients: ['ARMOPP'], date: '2023-04-03', dateGrain: 'day',
    place: { name: 'Yerevan', lat: 40.18, lon: 44.51 }, publisher, published: '2023-04-03', dead: null, injured: null, arrested: { min: arrested, max: arrested },
    names: [], evidence: '',
  });
  const events = [event('a1:E1', 'a1', 'Armenpress', 31), event('a2:E1', 'a2', 'Daily Post', 40), event('a3:E1', 'a3', 'Nation', 5)];
  events[2]!.type = 'PROTEST';
  const store = {
    articleFingerprints: () => Promise.resolve(fps),
    clusterTypes: () => Promise.resolve([...new Set(events.map((e) => e.type))]),
    clusterInput: (type?: string) => Promise.resolve(events.filter((e) => type === undefined || e.type === type)),
    writeAnalysis: async (a: CorpusAnalysis) => written.push(await materialise(a)),
  };
  return { store: store as unknown as Store, written };
}

describe('analyseCorpus', () => {
  it('finds duplicates, clusters and conflicts and writes them in one call', async () => {
    const { store, written } = fakeStore();
    const r = await analyseCorpus(store);
    expect(r).toMatchObject({ articles: 3, duplicates: 1, clusters: 2, multiArticleClusters: 0, conflicts: 0 });
    expect(written).toHaveLength(1);
    const a = written[0]!;
    expect([...a.duplicates]).toEqual([['a2', 'a1']]);
    const coerce = a.clusters.find((c) => c.type === 'COERCE')!;
    // The copy's events join the cluster, its article counts once, its publisher is a source.
    expect(coerce).toMatchObject({ mentions: 2, articles: 1, sources: 2 });
    // 31 vs 40 arrested comes from an article and its copy: not a contradiction.
    expect(a.conflicts).toEqual([]);
    expect(r.ms).toBeGreaterThanOrEqual(0);
  });

  it('reports the contradiction once the copy is no longer within the distance', async () => {
    const { store, written } = fakeStore();
    const r = await analyseCorpus(store, { maxDistance: 0 });
    expect(r).toMatchObject({ duplicates: 0, multiArticleClusters: 1, conflicts: 1 });
    expect(written[0]!.conflicts[0]!.note).toBe('arrested: 31 (Armenpress) vs 40 (Daily Post)');
  });
});

describe('analyseCorpus, a type at a time', () => {
  /** Articles and events drawn from small pools, so clusters, copies and conflicts abound. */
  function corpus(seed: number) {
    const rand = rng(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const places = [
      { name: 'Goma', lat: -1.68, lon: 29.22 }, { name: 'Bunia', lat: 1.56, lon: 30.25 },
      { name: 'Sake', lat: -1.57, lon: 29.04 }, { name: 'Beni', lat: 0.49, lon: 29.47 },
    ];
    const types: Array<[PloverType, string | null]> = [['ASSAULT', null], ['COERCE', 'seize'], ['COERCE', 'arrest'], ['PROTEST', null], ['CONSULT', null], ['AGREE', null]];
    const fps = [];
    const events: ClusterInputEvent[] = [];
    for (let a = 0; a < 80; a++) {
      const key = `art${String(a).padStart(3, '0')}`;
      // Every fifth article repeats an earlier one's text: a near-duplicate.
      const story = a % 5 === 4 ? a - 1 : a;
      const publisher = pick(['Reuters', 'AFP', 'Radio Okapi', null]);
      const day = 1 + Math.floor(rand() * 6);
      fps.push({ key, simhash: simhash(`Story ${story}: fighting and talks around the lakes, day ${story * 7} of a long account.`), publisher, published: `2024-03-0${day}T10:00`, ingestedAt: '2024-04-01T00:00:00Z' });
      for (let e = 0; e < 8; e++) {
        const [type, mode] = pick(types);
        const count = (): { min: number; max: number } | null => (rand() < 0.4 ? ((n) => ({ min: n, max: n }))(pick([3, 5, 12, 40])) : null);
        events.push({
          key: `${key}:E${e}`, articleKey: key, type, mode, modality: pick(['asserted', 'asserted', 'alleged', 'negated', 'future'] as const),
          actors: [pick(['COD', 'CODMIL', 'RWAREB', 'name:m23'])], recipients: rand() < 0.3 ? [] : [pick(['COD', 'CODGOV', 'UGA'])],
          date: rand() < 0.2 ? null : `2024-03-0${Math.max(1, day - Math.floor(rand() * 2))}`, dateGrain: 'day',
          place: rand() < 0.2 ? null : pick(places), publisher, published: `2024-03-0${day}T10:00`, dead: count(), injured: count(), arrested: null,
          names: [], evidence: `Story ${story}, report ${e}.`,
        });
      }
    }
    return { fps, events };
  }

  it('writes what one pass over every event gives, reading the store and writing clusters type by type', async () => {
    for (const seed of [1, 2, 3]) {
      const { fps, events } = corpus(seed);
      const reads: Array<string | undefined> = [];
      const written: Written[] = [];
      const store = {
        articleFingerprints: () => Promise.resolve(fps),
        clusterTypes: () => Promise.resolve([...new Set(events.map((e) => e.type))]),
        clusterInput: (type?: PloverType) => {
          reads.push(type);
          return Promise.resolve(events.filter((e) => e.type === type));
        },
        writeAnalysis: async (a: CorpusAnalysis) => written.push(await materialise(a)),
      } as unknown as Store;
      await analyseCorpus(store);

      const duplicates = findDuplicates(fps, DEFAULT_MAX_DISTANCE);
      const clusters = clusterEvents(events, duplicates);
      const conflicts = findCorpusConflicts(events, clusters, duplicates);
      expect(written).toHaveLength(1);
      expect(written[0]!.batches).toBe(5);
      // Batches come a type at a time; the queries order clusters, so only membership counts.
      expect([...written[0]!.clusters].sort(compareClusters)).toEqual(clusters);
      expect(written[0]!.conflicts).toEqual(conflicts);
      expect(reads.sort()).toEqual(['AGREE', 'ASSAULT', 'COERCE', 'CONSULT', 'PROTEST']);
      // The corpus exercises what the order across types rests on.
      expect(duplicates.size).toBeGreaterThan(0);
      expect(new Set(clusters.filter((c) => c.articles >= 2).map((c) => c.type)).size).toBeGreaterThanOrEqual(4);
      expect(new Set(conflicts.map((c) => c.kind)).size).toBeGreaterThanOrEqual(2);
      expect(conflicts.some((c) => c.note.startsWith('who took'))).toBe(true);
    }
  });
});
