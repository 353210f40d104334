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

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Whether a stored cluster is the one just found, field for field. The PostgreSQL driver
 * rewrites only the clusters that are not (the SQLite driver makes the same comparison in
 * SQL): a second analysis of a store changes few of them, and rewriting all (800k
 * events' cluster ids) was most of the write.
 */
export function sameCluster(a: EventCluster, b: EventCluster): boolean {
  return a.id === b.id && a.type === b.type && a.firstDate === b.firstDate && a.lastDate === b.lastDate && a.place === b.place
    && a.mentions === b.mentions && a.articles === b.articles && a.sources === b.sources
    && sameList(a.actors, b.actors) && sameList(a.recipients, b.recipients) && sameList(a.events, b.events);
}
