/**
 * The corpus analysis as one step: near-duplicate articles, then event clusters (which
 * count a duplicate's article once), then contradictions between articles, written to
 * the store as a whole. Run after ingest; it replaces the previous analysis entirely,
 * so its result depends only on what is stored.
 *
 * Clusters and conflicts never join events of different types, so events are read and
 * analysed a type at a time: the analysis holds one type's events and the clusters found
 * so far, not every stored event (800k events needed 2.8 GB at once).
 */
import type { CorpusConflict, EventCluster, Store } from '../store/types.js';
import { clusterEvents, compareClusters } from './cluster.js';
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
  const clusters: EventCluster[] = [];
  const conflicts: CorpusConflict[] = [];
  for (const type of await store.clusterTypes()) {
    const events = await store.clusterInput(type);
    const found = clusterEvents(events, duplicates);
    for (const c of found) clusters.push(c);
    for (const c of findCorpusConflicts(events, found, duplicates)) conflicts.push(c);
  }
  // The order a single pass over all events gives (both sorts are total or stable).
  clusters.sort(compareClusters);
  conflicts.sort(compareConflicts);
  await store.writeAnalysis({ duplicates, clusters, conflicts });
  return {
    articles: fps.length,
    duplicates: duplicates.size,
    clusters: clusters.length,
    multiArticleClusters: clusters.filter((c) => c.articles >= 2).length,
    conflicts: conflicts.length,
    ms: Math.round(performance.now() - t0),
  };
}
