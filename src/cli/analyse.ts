/** `newsgraph analyse`: run the corpus analysis over a store, on its own. */
import { analyseCorpus } from '../corpus/analyse.js';
import { DEFAULT_MAX_DISTANCE } from '../corpus/duplicates.js';
import { analysisLine } from '../corpus/progress.js';
import { COMMON_OPTIONS, DB_HELP, parseCommand, parseCount, withStore } from './events.js';
import type { Line } from './output.js';

export const ANALYSE_HELP = `Usage: newsgraph analyse [--max-distance N] [--json]

Find near-duplicate articles, group the events that several articles report into
clusters, and find contradictions between articles, over everything the store holds;
the previous analysis is replaced as a whole. ingest runs this after every run unless
given --no-analyse: to build a large store in many runs, ingest with --no-analyse and
analyse once at the end.

  --max-distance N     SimHash bits two near-duplicates may differ by (0 to 63, default ${DEFAULT_MAX_DISTANCE})
  --json               print the summary as one JSON object
${DB_HELP}`;

export async function runAnalyse(argv: readonly string[], out: Line, _err: Line): Promise<number> {
  const { values } = parseCommand('analyse', argv, { ...COMMON_OPTIONS, 'max-distance': { type: 'string' }, json: { type: 'boolean', default: false } });
  if (values.help) {
    out(ANALYSE_HELP);
    return 0;
  }
  const maxDistance = parseCount('max-distance', values['max-distance'], 0, 63) ?? DEFAULT_MAX_DISTANCE;
  const result = await withStore(values.db, async (store) => ({ store: store.location, ...(await analyseCorpus(store, { maxDistance })) }));
  out(values.json ? JSON.stringify(result) : analysisLine(result));
  return 0;
}
