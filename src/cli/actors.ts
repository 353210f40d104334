/** `newsgraph actors [--match TEXT]`: actors across the store with their event and article counts. */
import { MAX_LIMIT } from '../store/types.js';
import type { ActorQuery, ActorRow } from '../store/types.js';
import { COMMON_OPTIONS, DB_HELP, PAGE_OPTIONS, parseCommand, parseCount, withStore } from './events.js';
import { parseOutputFormat, printPage } from './output.js';
import type { Column, Line, OutputFormat } from './output.js';

export const ACTORS_HELP = `Usage: newsgraph actors [--match TEXT] [--format table|json|csv]

Actors in the store, grouped by code when they have one, else by name.

  --match TEXT         name or code containing TEXT
  --limit N            actors per page (1 to ${MAX_LIMIT}, default 50)
  --offset N           skip the first N
  --format F           table (default), json (the page) or csv
${DB_HELP}`;

export const ACTOR_COLUMNS: readonly Column<ActorRow>[] = [
  { header: 'id', value: (r) => r.id, keep: true },
  { header: 'name', value: (r) => r.name },
  { header: 'code', value: (r) => r.code },
  { header: 'country', value: (r) => r.country },
  { header: 'sector', value: (r) => r.sector },
  { header: 'as_actor', value: (r) => r.asActor, align: 'right' },
  { header: 'as_recipient', value: (r) => r.asRecipient, align: 'right' },
  { header: 'articles', value: (r) => r.articles, align: 'right' },
];

export async function runActors(argv: readonly string[], out: Line, _err: Line): Promise<number> {
  const { values } = parseCommand('actors', argv, { ...COMMON_OPTIONS, ...PAGE_OPTIONS, match: { type: 'string' }, format: { type: 'string' } });
  if (values.help) {
    out(ACTORS_HELP);
    return 0;
  }
  const format = parseOutputFormat(values.format) as OutputFormat;
  const query: ActorQuery = {};
  const match = values.match?.trim();
  if (match) query.match = match;
  const limit = parseCount('limit', values.limit, 1, MAX_LIMIT);
  const offset = parseCount('offset', values.offset, 0);
  if (limit !== undefined) query.limit = limit;
  if (offset !== undefined) query.offset = offset;
  const page = await withStore(values.db, (store) => store.actors(query));
  printPage(format, page, ACTOR_COLUMNS, out);
  return 0;
}
