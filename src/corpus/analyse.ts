/**
 * The corpus analysis as one step: near-duplicate articles, then event clusters (which
 * count a duplicate's article once), then contradictions between articles, written to
 * the store as a whole. Run after ingest; it replaces the previous analysis entirely,
 * so its result depends only on what is stored.
 *
 * Clusters and conflicts never join events of different types, so events are read and
 * analysed a type at a time, and each type's clusters go to the store as they are found:
 * the analysis holds one type's events and clusters and the conflicts so far, not every
 * stored event (800k events needed 2.8 GB at once; docs/decisions/0018).
 */
import type { CorpusConflict, EventCluster, Store } from '../store/types.js';
import { clusterEvents } from './cluster.js';
import { compareConflicts, findCorpusConflicts } from './conflicts.js';
import { DEFAULT_MAX_DISTANCE, findDuplicates } from './duplicates.js';

export interface AnalysisResult {
  articles: number;
  /** Articles that duplicate another. */
  duplicates: number;
  clusters: number;
  /** Clusters whose events come from two or more distinct articles. */
  multiArticleClusters: number;
  conflicts: number;
  ms: number;
}

export interface AnalyseOptions {
  /** SimHash distance for near-duplicates (default DEFAULT_MAX_DISTANCE). */
  maxDistance?: number;
}

export async function analyseCorpus(store: Store, options: AnalyseOptions = {}): Promise<AnalysisResult> {
  const t0 = performance.now();
  const fps = await store.articleFingerprints();
  const duplicates = findDuplicates(fps, options.maxDistance ?? DEFAULT_MAX_DISTANCE);
  const conflicts: CorpusConflict[] = [];
  let clusters = 0;
  let multiArticleClusters = 0;
  // The store writes each type's clusters as they come; only the conflicts are kept.
  async function* byType(): AsyncGenerator<EventCluster[]> {
    for (const type of await store.clusterTypes()) {
      const events = await store.clusterInput(type);
      const found = clusterEvents(events, duplicates);
      clusters += found.length;
      for (const c of found) if (c.articles >= 2) multiArticleClusters++;
      for (const c of findCorpusConflicts(events, found, duplicates)) conflicts.push(c);
      yield found;
    }
  }
  // The conflicts' order is the one a single pass over every event gives (a stable sort
  // of conflicts that tie only within one cluster, hence one type).
  await store.writeAnalysis({ duplicates, clusters: byType(), conflicts: () => conflicts.sort(compareConflicts) });
  return {
    articles: fps.length,
    duplicates: duplicates.size,
    clusters,
    multiArticleClusters,
    conflicts: conflicts.length,
    ms: Math.round(performance.now() - t0),
  };
}
