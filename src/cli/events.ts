/**
 * `newsgraph events [filters] [--format table|json|csv]`: the coded events in the store.
 * Also home of what every query command shares: reading options (unknown or bad ones
 * are usage errors naming the option and what it allows), the event filters, and
 * opening the store named by --db.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { NewsgraphError } from '../core/errors.js';
import { MODALITIES, PLOVER_TYPES, SECTORS } from '../core/record.js';
import type { Modality, PloverType } from '../core/record.js';
import { EVENT_CSV_COLUMNS, eventCsvValues } from '../export/events-csv.js';
import { defaultStoreSpec, isPostgresUrl, openStore } from '../store/open.js';
import { MAX_LIMIT } from '../store/types.js';
import type { EventQuery, EventRow, Participant, Store } from '../store/types.js';
import { parseOutputFormat, printPage } from './output.js';
import type { Column, Line, OutputFormat } from './output.js';


type Options = NonNullable<ParseArgsConfig['options']>;

export const COMMON_OPTIONS = {
  db: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  debug: { type: 'boolean', default: false },
} as const satisfies Options;

export const PAGE_OPTIONS = {
  limit: { type: 'string' },
  offset: { type: 'string' },
} as const satisfies Options;

export const EVENT_FILTER_OPTIONS = {
  actor: { type: 'string' },
  recipient: { type: 'string' },
  'actor-sector': { type: 'string' },
  'recipient-sector': { type: 'string' },
  type: { type: 'string' },
  modality: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  place: { type: 'string' },
  article: { type: 'string' },
  cluster: { type: 'string' },
  unique: { type: 'boolean', default: false },
  'min-confidence': { type: 'string' },
  ...PAGE_OPTIONS,
} as const satisfies Options;

export const DB_HELP = `  --db PATH|URL        the store: a SQLite file (default ./newsgraph.db) or postgres://…`;

export const EVENT_FILTER_HELP = `  --actor CODE|NAME    actor's code or code prefix (IRN matches IRNGOV), country, or name
  --recipient CODE|NAME  the same for the recipient
  --actor-sector S[,S]   an actor of one of these sectors: ${SECTORS.join(', ')}
  --recipient-sector S[,S]  the same for the recipient
  --type TYPE          PLOVER type: ${PLOVER_TYPES.join(', ')}
  --modality M         ${MODALITIES.join(', ')}
  --since DATE         event date (publication date when it has none) on or after DATE (YYYY, YYYY-MM, YYYY-MM-DD)
  --until DATE         … on or before DATE
  --place NAME|CODE    place name or its country code (ISO alpha-3)
  --article KEY        events of one article
  --cluster ID         events of one cross-article cluster
  --unique             leave out articles that duplicate another
  --min-confidence P   confidence at least P (0 to 1): the chance, measured on judged events, that an event is real with the right actor`;

/** parseArgs with its errors turned into usage errors that say which command and what went wrong. */
export type ParsedCommand<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: boolean; strict: true }>>;

export function parseCommand<O extends Options>(command: string, argv: readonly string[], options: O, positionals = false): ParsedCommand<O> {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: positionals, strict: true });
  } catch (e) {
    const message = (e as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new NewsgraphError('E_USAGE', `${command}: ${message} (see newsgraph ${command} --help)`, { cause: e });
  }
}

/** A whole number in [min, max] given to `option`, or undefined when not given. */
export function parseCount(option: string, value: string | undefined, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()) || Number(value) < min || Number(value) > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `${min} or more` : `${min} to ${max}`;
    throw new NewsgraphError('E_USAGE', `--${option} must be a whole number, ${range} (got "${value}")`);
  }
  return Number(value);
}

/** A number from 0 to 1; a usage error naming `option` otherwise. */
export function parseFraction(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) {
    throw new NewsgraphError('E_USAGE', `--${option} must be a number from 0 to 1 (got "${value}")`);
  }
  return n;
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** An ISO date of year, month or day precision; a usage error naming `option` otherwise. */
export function parseDate(option: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const m = DATE.exec(value.trim());
  const month = m?.[2] === undefined ? 1 : Number(m[2]);
  const day = m?.[3] === undefined ? 1 : Number(m[3]);
  const valid = m !== null && month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
  if (!valid) throw new NewsgraphError('E_USAGE', `--${option} must be a date YYYY-MM-DD, YYYY-MM or YYYY (got "${value}")`);
  return value.trim();
}

export function parseType(value: string | undefined): PloverType | undefined {
  if (value === undefined) return undefined;
  const type = value.trim().toUpperCase();
  if (!(PLOVER_TYPES as readonly string[]).includes(type)) {
    throw new NewsgraphError('E_USAGE', `--type must be a PLOVER event type: ${PLOVER_TYPES.join(', ')} (got "${value}")`);
  }
  return type as PloverType;
}

export function parseModality(value: string | undefined): Modality | undefined {
  if (value === undefined) return undefined;
  const modality = value.trim().toLowerCase();
  if (!(MODALITIES as readonly string[]).includes(modality)) {
    throw new NewsgraphError('E_USAGE', `--modality must be one of ${MODALITIES.join(', ')} (got "${value}")`);
  }
  return modality as Modality;
}

/** Comma-separated sectors ("GOV,MIL"), upper-cased; a usage error naming `option` for one that is no sector. */
export function parseSectors(option: string, value: string | undefined): string[] | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const sectors = value.split(',').map((s) => s.trim().toUpperCase()).filter((s) => s !== '');
  for (const s of sectors) {
    if (!(SECTORS as readonly string[]).includes(s)) {
      throw new NewsgraphError('E_USAGE', `--${option}: "${s}" is not a sector (${SECTORS.join(', ')})`);
    }
  }
  return sectors;
}

export interface EventFilterValues {
  actor?: string;
  recipient?: string;
  'actor-sector'?: string;
  'recipient-sector'?: string;
  type?: string;
  modality?: string;
  since?: string;
  until?: string;
  place?: string;
  article?: string;
  cluster?: string;
  unique?: boolean;
  'min-confidence'?: string;
  limit?: string;
  offset?: string;
}

/** The EventQuery the options describe, checked. `maxLimit` caps --limit (a page for queries; none for exports). */
export function eventQueryFrom(values: EventFilterValues, maxLimit: number = MAX_LIMIT): EventQuery {
  const q: EventQuery = {};
  const text = (v: string | undefined): string | undefined => (v === undefined || v.trim() === '' ? undefined : v.trim());
  const actor = text(values.actor);
  const recipient = text(values.recipient);
  const place = text(values.place);
  const article = text(values.article);
  const cluster = text(values.cluster);
  const type = parseType(values.type);
  const modality = parseModality(values.modality);
  const since = parseDate('since', values.since);
  const until = parseDate('until', values.until);
  const limit = parseCount('limit', values.limit, 1, maxLimit);
  const offset = parseCount('offset', values.offset, 0);
  if (actor !== undefined) q.actor = actor;
  if (recipient !== undefined) q.recipient = recipient;
  const actorSector = parseSectors('actor-sector', values['actor-sector']);
  if (actorSector !== undefined) q.actorSector = actorSector;
  const recipientSector = parseSectors('recipient-sector', values['recipient-sector']);
  if (recipientSector !== undefined) q.recipientSector = recipientSector;
  if (type !== undefined) q.type = type;
  if (modality !== undefined) q.modality = modality;
  if (since !== undefined) q.since = since;
  if (until !== undefined) q.until = until;
  if (since !== undefined && until !== undefined && dayStart(since) > dayStart(until)) {
    throw new NewsgraphError('E_USAGE', `--since ${since} is after --until ${until}`);
  }
  if (place !== undefined) q.place = place;
  if (article !== undefined) q.article = article;
  if (cluster !== undefined) q.cluster = cluster;
  if (values.unique) q.uniqueArticles = true;
  const minConfidence = parseFraction('min-confidence', values['min-confidence']);
  if (minConfidence !== undefined) q.minConfidence = minConfidence;
  if (limit !== undefined) q.limit = limit;
  if (offset !== undefined) q.offset = offset;
  return q;
}

function dayStart(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

/**
 * Open the store --db names (default $NEWSGRAPH_DB, else ./newsgraph.db), run `fn`, and close it whatever
 * happens. Queries never create a store: a missing SQLite file is an error (opening
 * would otherwise leave an empty store behind a mistyped path).
 */
export async function withStore<T>(db: string | undefined, fn: (store: Store) => Promise<T>): Promise<T> {
  const spec = db === undefined || db.trim() === '' ? defaultStoreSpec() : db.trim();
  if (!isPostgresUrl(spec) && !existsSync(spec)) {
    throw new NewsgraphError('E_NOT_FOUND', 'no store here (newsgraph ingest creates one; --db names another)', { input: spec });
  }
  const store = await openStore(spec);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** "Iran (IRNGOV)", several joined with commas. */
export function participantsText(ps: readonly Participant[]): string {
  return ps.map((p) => (p.code === null ? p.name : `${p.name} (${p.code})`)).join(', ');
}

/** The event's date as the text gave it, or its article's publication day marked with ~. */
export function eventDateText(row: EventRow): string {
  if (row.date) return row.date.inferred ? `~${row.date.value}` : row.date.value;
  return row.article.published === null ? '' : `~${row.article.published.slice(0, 10)}`;
}

export const EVENT_COLUMNS: readonly Column<EventRow>[] = [
  { header: 'event', value: (r) => r.key, keep: true },
  { header: 'date', value: eventDateText, keep: true },
  { header: 'type', value: (r) => (r.mode === null ? r.type : `${r.type}/${r.mode}`), keep: true },
  { header: 'actor', value: (r) => participantsText(r.actors) },
  { header: 'recipient', value: (r) => participantsText(r.recipients) },
  { header: 'place', value: (r) => r.place?.name ?? null },
  // Blank when asserted, so the exceptions stand out.
  { header: 'modality', value: (r) => (r.modality === 'asserted' ? null : r.modality) },
  { header: 'evidence', value: (r) => r.evidence.text },
];

export const EVENTS_HELP = `Usage: newsgraph events [filters] [--format table|json|csv]

List the coded events in the store that match the filters.

${EVENT_FILTER_HELP}
  --limit N            events per page (1 to ${MAX_LIMIT}, default 50)
  --offset N           skip the first N
  --format F           table (default; TYPE/mode; ~date: taken from the publication date;
                       modality shown when not asserted),
                       json (the page: items, total, limit, offset) or csv (every field)
${DB_HELP}`;

export async function runEvents(argv: readonly string[], out: Line, _err: Line): Promise<number> {
  const { values } = parseCommand('events', argv, { ...COMMON_OPTIONS, ...EVENT_FILTER_OPTIONS, format: { type: 'string' } });
  if (values.help) {
    out(EVENTS_HELP);
    return 0;
  }
  const format = parseOutputFormat(values.format) as OutputFormat;
  const query = eventQueryFrom(values);
  const page = await withStore(values.db, (store) => store.events(query));
  printPage(format, page, EVENT_COLUMNS, out, { csv: { header: EVENT_CSV_COLUMNS, values: eventCsvValues } });
  return 0;
}
