/**
 * The corpus analysis as one step: near-duplicate articles, then event clusters (which
 * count a duplicate's article once), then contradictions between articles, written to
 * the store as a whole. Run after ingest; cheap enough to run again after every batch
 * (100k events in a few seconds), and it replaces the previous analysis entirely, so
 * its result depends only on what is stored.
 */
import type { Store } from '../store/types.js';
import { clusterEvents } from './cluster.js';
import { findCorpusConflicts } from './conflicts.js';
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
  const events = await store.clusterInput();
  const clusters = clusterEvents(events, duplicates);
  const conflicts = findCorpusConflicts(events, clusters, duplicates);
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
