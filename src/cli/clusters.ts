/** `newsgraph clusters [--min-articles N] [--type TYPE]`: cross-article event clusters from the corpus analysis. */
import { MAX_LIMIT } from '../store/types.js';
import type { EventCluster, PageQuery } from '../store/types.js';
import type { PloverType } from '../core/record.js';
import { COMMON_OPTIONS, DB_HELP, PAGE_OPTIONS, parseCommand, parseCount, parseType, withStore } from './events.js';
import { parseOutputFormat, printPage } from './output.js';
import type { Column, Line, OutputFormat } from './output.js';

export const CLUSTERS_HELP = `Usage: newsgraph clusters [--min-articles N] [--type TYPE] [--format table|json|csv]

Events reported by several articles, grouped by the corpus analysis (run after ingest).
Show one cluster's events with newsgraph events --cluster ID.

  --min-articles N     clusters reported by at least N distinct articles (duplicates counted once)
  --type TYPE          clusters of one PLOVER type
  --limit N            clusters per page (1 to ${MAX_LIMIT}, default 50)
  --offset N           skip the first N
  --format F           table (default), json (the page) or csv
${DB_HELP}`;

const list = (xs: readonly string[]): string => xs.join('; ');

export const CLUSTER_COLUMNS: readonly Column<EventCluster>[] = [
  { header: 'cluster', value: (c) => c.id, keep: true },
  { header: 'type', value: (c) => c.type, keep: true },
  { header: 'first', value: (c) => c.firstDate },
  { header: 'last', value: (c) => c.lastDate },
  { header: 'articles', value: (c) => c.articles, align: 'right' },
  { header: 'sources', value: (c) => c.sources, align: 'right' },
  { header: 'mentions', value: (c) => c.mentions, align: 'right' },
  { header: 'actors', value: (c) => list(c.actors) },
  { header: 'recipients', value: (c) => list(c.recipients) },
  { header: 'place', value: (c) => c.place },
];

const CLUSTER_CSV_HEADER = ['id', 'type', 'first_date', 'last_date', 'articles', 'sources', 'mentions', 'actors', 'recipients', 'place', 'events'];

export async function runClusters(argv: readonly string[], out: Line, _err: Line): Promise<number> {
  const { values } = parseCommand('clusters', argv, { ...COMMON_OPTIONS, ...PAGE_OPTIONS, 'min-articles': { type: 'string' }, type: { type: 'string' }, format: { type: 'string' } });
  if (values.help) {
    out(CLUSTERS_HELP);
    return 0;
  }
  const format = parseOutputFormat(values.format) as OutputFormat;
  const query: PageQuery & { type?: PloverType; minArticles?: number } = {};
  const minArticles = parseCount('min-articles', values['min-articles'], 1);
  const type = parseType(values.type);
  const limit = parseCount('limit', values.limit, 1, MAX_LIMIT);
  const offset = parseCount('offset', values.offset, 0);
  if (minArticles !== undefined) query.minArticles = minArticles;
  if (type !== undefined) query.type = type;
  if (limit !== undefined) query.limit = limit;
  if (offset !== undefined) query.offset = offset;
  const page = await withStore(values.db, (store) => store.clusters(query));
  printPage(format, page, CLUSTER_COLUMNS, out, {
    csv: {
      header: CLUSTER_CSV_HEADER,
      values: (c) => [c.id, c.type, c.firstDate, c.lastDate, c.articles, c.sources, c.mentions, list(c.actors), list(c.recipients), c.place, list(c.events)],
    },
  });
  return 0;
}
