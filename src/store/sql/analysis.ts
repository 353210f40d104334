/**
 * The two shapes a CorpusAnalysis may hand its clusters and conflicts in (a list, or
 * batches as the analysis finds them), read alike by both drivers.
 */
import type { CorpusAnalysis, CorpusConflict, EventCluster } from '../types.js';

/** The clusters batch by batch; a list is one batch. */
export async function* clusterBatches(analysis: CorpusAnalysis): AsyncGenerator<EventCluster[]> {
  const c = analysis.clusters;
  if (Array.isArray(c)) yield c;
  else for await (const batch of c) yield batch;
}

/** The conflicts, once every batch of clusters has been read. */
export function conflictList(analysis: CorpusAnalysis): CorpusConflict[] {
  const c = analysis.conflicts;
  return typeof c === 'function' ? c() : c;
}
