import { describe, expect, it } from 'vitest';
import type { ClusterInputEvent, CorpusAnalysis, Store } from '../store/types.js';
import { analyseCorpus } from './analyse.js';
import { simhash } from './simhash.js';

const TEXT = `Protesters gathered outside the parliament in Yerevan on Monday to demand the resignation of the government after the
ceasefire agreement, police said. Several hundred people blocked the main avenue for hours, and officers detained dozens of them.
The interior ministry said 31 people had been arrested and that two officers were injured in scuffles near the building.`;

function fakeStore(): { store: Store; written: CorpusAnalysis[] } {
  const written: CorpusAnalysis[] = [];
  const fps = [
    { key: 'a1', simhash: simhash(TEXT), publisher: 'Armenpress', published: '2023-04-03T10:00', ingestedAt: '2024-01-01T00:00:00Z' },
    { key: 'a2', simhash: simhash('YEREVAN (AFP) - ' + TEXT + '\nAll rights reserved.'), publisher: 'Daily Post', published: '2023-04-03T15:00', ingestedAt: '2024-01-01T00:00:01Z' },
    { key: 'a3', simhash: simhash('A different story about tea prices at the Mombasa auction falling for a third week as Pakistani buyers held back.'), publisher: 'Nation', published: '2023-04-04', ingestedAt: '2024-01-01T00:00:02Z' },
  ];
  const event = (key: string, articleKey: string, publisher: string, arrested: number): ClusterInputEvent => ({
    key, articleKey, type: 'COERCE', mode: 'arrest', modality: 'asserted', actors: ['ARMCOP'], recipients: ['ARMOPP'], date: '2023-04-03', dateGrain: 'day',
    place: { name: 'Yerevan', lat: 40.18, lon: 44.51 }, publisher, published: '2023-04-03', dead: null, injured: null, arrested: { min: arrested, max: arrested },
  });
  const events = [event('a1:E1', 'a1', 'Armenpress', 31), event('a2:E1', 'a2', 'Daily Post', 40), event('a3:E1', 'a3', 'Nation', 5)];
  events[2]!.type = 'PROTEST';
  const store = {
    articleFingerprints: () => Promise.resolve(fps),
    clusterInput: () => Promise.resolve(events),
    writeAnalysis: (a: CorpusAnalysis) => {
      written.push(a);
      return Promise.resolve();
    },
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
