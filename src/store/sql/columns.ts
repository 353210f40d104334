/**
 * The columns each derived row is written to, in one place for both drivers: a
 * table's INSERT statement and the values for one row come from the same list, so
 * they cannot disagree. Booleans are stored as 0/1 integers and structured values
 * (lists, ranges) as JSON text, which both databases hold alike.
 */
import type { ArticleFacts, EntityFacts, EventFacts, ParticipantFacts, QuoteFacts } from '../rows.js';
import type { CorpusConflict, EventCluster } from '../types.js';
import type { Placeholder } from './params.js';

type Columns<T> = ReadonlyArray<readonly [column: string, value: (row: T) => unknown]>;

const json = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v));

export const ARTICLE_COLUMNS: Columns<ArticleFacts> = [
  ['key', (r) => r.key],
  ['record_id', (r) => r.recordId],
  ['title', (r) => r.title],
  ['publisher', (r) => r.publisher],
  ['publisher_lc', (r) => r.publisherFolded],
  ['uri', (r) => r.uri],
  ['origin', (r) => r.origin],
  ['published', (r) => r.published],
  ['published_day', (r) => r.publishedDay],
  ['language', (r) => r.language],
  ['simhash', (r) => r.simhash],
  ['event_count', (r) => r.events],
  ['quote_count', (r) => r.quotes],
  ['ingested_at', (r) => r.ingestedAt],
];

export const RECORD_COLUMNS: Columns<ArticleFacts> = [
  ['article_key', (r) => r.key],
  ['json', (r) => r.recordJson],
];

export const EVENT_COLUMNS: Columns<EventFacts> = [
  ['key', (r) => r.key],
  ['article_key', (r) => r.articleKey],
  ['event_id', (r) => r.eventId],
  ['seq', (r) => r.seq],
  ['type', (r) => r.type],
  ['mode', (r) => r.mode],
  ['context', (r) => json(r.context)],
  ['modality', (r) => r.modality],
  ['place_entity', (r) => r.place?.entity ?? null],
  ['place_name', (r) => r.place?.name ?? null],
  ['place_name_lc', (r) => r.place?.nameFolded ?? null],
  ['place_country', (r) => r.place?.country ?? null],
  ['place_lat', (r) => r.place?.lat ?? null],
  ['place_lon', (r) => r.place?.lon ?? null],
  ['date_value', (r) => r.date?.value ?? null],
  ['date_grain', (r) => r.date?.grain ?? null],
  ['date_inferred', (r) => (r.date === null ? null : r.date.inferred ? 1 : 0)],
  ['sort_date', (r) => r.span?.sort ?? null],
  ['date_span', (r) => r.span?.grain ?? null],
  ['date_lo', (r) => r.span?.lo ?? null],
  ['date_hi', (r) => r.span?.hi ?? null],
  ['month', (r) => r.span?.month ?? null],
  ['day', (r) => r.span?.day ?? null],
  ['score', (r) => r.score],
  ['quad', (r) => r.quad],
  ['dead', (r) => json(r.dead)],
  ['injured', (r) => json(r.injured)],
  ['arrested', (r) => json(r.arrested)],
  ['cameo', (r) => r.cameo],
  ['confidence', (r) => r.confidence],
  ['trigger_text', (r) => r.trigger],
  ['evidence_sentence', (r) => r.evidence.sentence],
  ['evidence_start', (r) => r.evidence.start],
  ['evidence_end', (r) => r.evidence.end],
  ['evidence_text', (r) => r.evidence.text],
];

export const PARTICIPANT_COLUMNS: Columns<ParticipantFacts> = [
  ['event_key', (r) => r.eventKey],
  ['article_key', (r) => r.articleKey],
  ['role', (r) => r.role],
  ['pos', (r) => r.position],
  ['entity_id', (r) => r.entity],
  ['name', (r) => r.name],
  ['name_lc', (r) => r.nameFolded],
  ['code', (r) => r.code],
  ['country', (r) => r.country],
  ['sector', (r) => r.sector],
  ['actor_id', (r) => r.actorId],
];

export const QUOTE_COLUMNS: Columns<QuoteFacts> = [
  ['key', (r) => r.key],
  ['article_key', (r) => r.articleKey],
  ['quote_id', (r) => r.quoteId],
  ['seq', (r) => r.seq],
  ['text', (r) => r.text],
  ['direct', (r) => (r.direct ? 1 : 0)],
  ['cue', (r) => r.cue],
  ['channel', (r) => r.channel],
  ['speaker_entity', (r) => r.speaker?.entity ?? null],
  ['speaker_name', (r) => r.speaker?.name ?? null],
  ['speaker_name_lc', (r) => r.speaker?.nameFolded ?? null],
  ['speaker_code', (r) => r.speaker?.code ?? null],
  ['speaker_country', (r) => r.speaker?.country ?? null],
  ['speaker_sector', (r) => r.speaker?.sector ?? null],
  ['speaker_actor_id', (r) => r.speaker?.actorId ?? null],
  ['start_offset', (r) => r.start],
  ['end_offset', (r) => r.end],
];

export const ENTITY_COLUMNS: Columns<EntityFacts> = [
  ['article_key', (r) => r.articleKey],
  ['entity_id', (r) => r.entityId],
  ['name', (r) => r.name],
  ['name_lc', (r) => r.nameFolded],
  ['type', (r) => r.type],
  ['code', (r) => r.code],
  ['country', (r) => r.country],
  ['sector', (r) => r.sector],
  ['role', (r) => r.role],
  ['lat', (r) => r.lat],
  ['lon', (r) => r.lon],
  ['mentions', (r) => r.mentions],
  ['actor_id', (r) => r.actorId],
];

/** A cluster or conflict as the corpus analysis writes it: seq is its place in the writing. */
export type ClusterRow = EventCluster & { seq: number };
export type ConflictRow = CorpusConflict & { seq: number };

export const CLUSTER_COLUMNS: Columns<ClusterRow> = [
  ['id', (c) => c.id],
  ['seq', (c) => c.seq],
  ['type', (c) => c.type],
  ['actors', (c) => json(c.actors)],
  ['recipients', (c) => json(c.recipients)],
  ['first_date', (c) => c.firstDate],
  ['last_date', (c) => c.lastDate],
  ['place', (c) => c.place],
  ['mentions', (c) => c.mentions],
  ['articles', (c) => c.articles],
  ['sources', (c) => c.sources],
  ['events', (c) => json(c.events)],
];

export const CONFLICT_COLUMNS: Columns<ConflictRow> = [
  ['seq', (c) => c.seq],
  ['cluster', (c) => c.cluster],
  ['kind', (c) => c.kind],
  ['events', (c) => json(c.events)],
  ['note', (c) => c.note],
];

export function insertSql<T>(table: string, columns: Columns<T>, placeholder: Placeholder): string {
  return `INSERT INTO ${table} (${columns.map(([c]) => c).join(', ')}) VALUES (${columns.map((_, i) => placeholder(i + 1)).join(', ')})`;
}

export function rowValues<T>(columns: Columns<T>, row: T): unknown[] {
  return columns.map(([, value]) => value(row));
}
