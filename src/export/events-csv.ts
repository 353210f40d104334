/**
 * The flat event CSV: one row per event with every EventRow field. Nested values are
 * spread into columns (the place, the date, each count's min and max, the evidence);
 * lists (contexts, participants) are joined with "; ", and the participant columns are
 * parallel lists, so the n-th name, code, country and sector belong together.
 */
import type { Range } from '../core/record.js';
import type { EventRow, Participant } from '../store/types.js';
import type { CsvValue } from './csv.js';

export const LIST_SEPARATOR = '; ';

type Column = [name: string, value: (row: EventRow) => CsvValue];

function participants(prefix: string, pick: (row: EventRow) => Participant[]): Column[] {
  const join = (row: EventRow, f: (p: Participant) => string | null): string => pick(row).map((p) => f(p) ?? '').join(LIST_SEPARATOR);
  return [
    [`${prefix}_names`, (r) => join(r, (p) => p.name)],
    [`${prefix}_codes`, (r) => join(r, (p) => p.code)],
    [`${prefix}_countries`, (r) => join(r, (p) => p.country)],
    [`${prefix}_sectors`, (r) => join(r, (p) => p.sector)],
    [`${prefix}_entities`, (r) => join(r, (p) => p.entity)],
  ];
}

function range(name: string, pick: (row: EventRow) => Range | null): Column[] {
  return [
    [`${name}_min`, (r) => pick(r)?.min ?? null],
    [`${name}_max`, (r) => pick(r)?.max ?? null],
  ];
}

const COLUMNS: readonly Column[] = [
  ['key', (r) => r.key],
  ['article_key', (r) => r.articleKey],
  ['event_id', (r) => r.eventId],
  ['type', (r) => r.type],
  ['mode', (r) => r.mode],
  ['context', (r) => r.context.join(LIST_SEPARATOR)],
  ['modality', (r) => r.modality],
  ...participants('actor', (r) => r.actors),
  ...participants('recipient', (r) => r.recipients),
  ['place', (r) => r.place?.name ?? null],
  ['place_entity', (r) => r.place?.entity ?? null],
  ['place_country', (r) => r.place?.country ?? null],
  ['place_lat', (r) => r.place?.lat ?? null],
  ['place_lon', (r) => r.place?.lon ?? null],
  ['date', (r) => r.date?.value ?? null],
  ['date_grain', (r) => r.date?.grain ?? null],
  ['date_inferred', (r) => r.date?.inferred ?? null],
  ['source_name', (r) => r.source?.name ?? null],
  ['source_code', (r) => r.source?.code ?? null],
  ['source_country', (r) => r.source?.country ?? null],
  ['source_sector', (r) => r.source?.sector ?? null],
  ['source_entity', (r) => r.source?.entity ?? null],
  ...range('dead', (r) => r.dead),
  ...range('injured', (r) => r.injured),
  ...range('arrested', (r) => r.arrested),
  ['cameo', (r) => r.cameo],
  ['confidence', (r) => r.confidence],
  ['score', (r) => r.score],
  ['trigger', (r) => r.trigger],
  ['evidence_sentence', (r) => r.evidence.sentence],
  ['evidence_start', (r) => r.evidence.start],
  ['evidence_end', (r) => r.evidence.end],
  ['evidence_text', (r) => r.evidence.text],
  ['cluster', (r) => r.cluster],
  ['article_title', (r) => r.article.title],
  ['article_publisher', (r) => r.article.publisher],
  ['article_published', (r) => r.article.published],
  ['article_duplicate_of', (r) => r.article.duplicateOf],
];

export const EVENT_CSV_COLUMNS: readonly string[] = COLUMNS.map(([name]) => name);

export function eventCsvValues(row: EventRow): CsvValue[] {
  return COLUMNS.map(([, value]) => value(row));
}
