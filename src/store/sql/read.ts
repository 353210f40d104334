/**
 * Database rows → the contract's types. Both drivers select the same columns, so the
 * mapping is shared; it accepts what either database hands back (PostgreSQL returns
 * bigint counts as strings, SQLite booleans as 0/1).
 */
import type { Modality, PloverType, Range, TimeGrain } from '../../core/record.js';
import type {
  ArticleSummary, ClusterInputEvent, ClusterName, CorpusConflict, EventCluster, EventRow, Participant, QuoteRow, StoreStats,
} from '../types.js';

export type DbRow = Record<string, unknown>;

const str = (v: unknown): string => String(v);
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number => Number(v);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const bool = (v: unknown): boolean => v === true || v === 1 || v === '1' || v === 1n;
function parsed<T>(v: unknown, fallback: T): T {
  if (v === null || v === undefined) return fallback;
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}

/** Columns of `articles a` that an ArticleSummary needs. */
export const ARTICLE_SUMMARY_COLUMNS =
  'a.key, a.record_id, a.title, a.publisher, a.uri, a.origin, a.published, a.language, a.duplicate_of, a.event_count, a.quote_count, a.ingested_at';

export function toArticleSummary(r: DbRow): ArticleSummary {
  return {
    key: str(r.key),
    recordId: str(r.record_id),
    title: strOrNull(r.title),
    publisher: strOrNull(r.publisher),
    uri: strOrNull(r.uri),
    origin: str(r.origin),
    published: strOrNull(r.published),
    language: str(r.language),
    duplicateOf: strOrNull(r.duplicate_of),
    events: num(r.event_count),
    quotes: num(r.quote_count),
    ingestedAt: str(r.ingested_at),
  };
}

/** Columns of `events e JOIN articles a` that an EventRow needs (participants come separately). */
export const EVENT_COLUMNS_SELECT =
  'e.key, e.article_key, e.event_id, e.type, e.mode, e.context, e.modality, e.place_entity, e.place_name, e.place_country, '
  + 'e.place_lat, e.place_lon, e.date_value, e.date_grain, e.date_inferred, e.score, e.dead, e.injured, e.arrested, e.cameo, '
  + 'e.confidence, e.trigger_text, e.evidence_sentence, e.evidence_start, e.evidence_end, e.evidence_text, e.cluster, '
  + 'a.title AS article_title, a.publisher AS article_publisher, a.published AS article_published, a.duplicate_of AS article_duplicate_of';

/** Participants of a set of events, grouped by event key and role, in record order. */
export interface ParticipantsByEvent {
  actors: Map<string, Participant[]>;
  recipients: Map<string, Participant[]>;
  sources: Map<string, Participant>;
}

export function groupParticipants(rows: readonly DbRow[]): ParticipantsByEvent {
  const out: ParticipantsByEvent = { actors: new Map(), recipients: new Map(), sources: new Map() };
  const sorted = [...rows].sort((x, y) => num(x.pos) - num(y.pos));
  for (const r of sorted) {
    const p: Participant = { entity: str(r.entity_id), name: str(r.name), code: strOrNull(r.code), country: strOrNull(r.country), sector: strOrNull(r.sector) };
    const eventKey = str(r.event_key);
    if (r.role === 'source') out.sources.set(eventKey, p);
    else {
      const m = r.role === 'actor' ? out.actors : out.recipients;
      const list = m.get(eventKey);
      if (list) list.push(p);
      else m.set(eventKey, [p]);
    }
  }
  return out;
}

export function toEventRow(r: DbRow, parts: ParticipantsByEvent): EventRow {
  const key = str(r.key);
  return {
    key,
    articleKey: str(r.article_key),
    eventId: str(r.event_id),
    type: str(r.type) as PloverType,
    mode: strOrNull(r.mode),
    context: parsed<string[]>(r.context, []),
    modality: str(r.modality) as Modality,
    actors: parts.actors.get(key) ?? [],
    recipients: parts.recipients.get(key) ?? [],
    place: r.place_entity === null || r.place_entity === undefined
      ? null
      : { entity: str(r.place_entity), name: str(r.place_name), country: strOrNull(r.place_country), lat: numOrNull(r.place_lat), lon: numOrNull(r.place_lon) },
    date: r.date_value === null || r.date_value === undefined
      ? null
      : { value: str(r.date_value), grain: str(r.date_grain) as TimeGrain, inferred: bool(r.date_inferred) },
    source: parts.sources.get(key) ?? null,
    dead: parsed<Range | null>(r.dead, null),
    injured: parsed<Range | null>(r.injured, null),
    arrested: parsed<Range | null>(r.arrested, null),
    cameo: strOrNull(r.cameo),
    confidence: num(r.confidence),
    score: num(r.score),
    trigger: str(r.trigger_text),
    evidence: { sentence: num(r.evidence_sentence), start: num(r.evidence_start), end: num(r.evidence_end), text: str(r.evidence_text) },
    cluster: strOrNull(r.cluster),
    article: {
      title: strOrNull(r.article_title),
      publisher: strOrNull(r.article_publisher),
      published: strOrNull(r.article_published),
      duplicateOf: strOrNull(r.article_duplicate_of),
    },
  };
}

export const QUOTE_COLUMNS_SELECT =
  'q.key, q.article_key, q.quote_id, q.text, q.direct, q.cue, q.channel, q.speaker_entity, q.speaker_name, q.speaker_code, '
  + 'q.speaker_country, q.speaker_sector, q.start_offset, q.end_offset, '
  + 'a.title AS article_title, a.publisher AS article_publisher, a.published AS article_published';

export function toQuoteRow(r: DbRow): QuoteRow {
  return {
    key: str(r.key),
    articleKey: str(r.article_key),
    quoteId: str(r.quote_id),
    text: str(r.text),
    direct: bool(r.direct),
    cue: strOrNull(r.cue),
    channel: strOrNull(r.channel),
    speaker: r.speaker_entity === null || r.speaker_entity === undefined
      ? null
      : { entity: str(r.speaker_entity), name: str(r.speaker_name), code: strOrNull(r.speaker_code), country: strOrNull(r.speaker_country), sector: strOrNull(r.speaker_sector) },
    start: num(r.start_offset),
    end: num(r.end_offset),
    article: { title: strOrNull(r.article_title), publisher: strOrNull(r.article_publisher), published: strOrNull(r.article_published) },
  };
}

export function toCluster(r: DbRow): EventCluster {
  return {
    id: str(r.id),
    type: str(r.type) as PloverType,
    actors: parsed<string[]>(r.actors, []),
    recipients: parsed<string[]>(r.recipients, []),
    firstDate: strOrNull(r.first_date),
    lastDate: strOrNull(r.last_date),
    place: strOrNull(r.place),
    mentions: num(r.mentions),
    articles: num(r.articles),
    sources: num(r.sources),
    events: parsed<string[]>(r.events, []),
  };
}

export function toConflict(r: DbRow): CorpusConflict {
  return { cluster: str(r.cluster), kind: str(r.kind) as CorpusConflict['kind'], events: parsed<string[]>(r.events, []), note: str(r.note) };
}

/**
 * The corpus analysis's view of the events and of their sides (both dialects), all of
 * them or those of one type (`typed`, the type bound to the placeholder `p`): clusters
 * and conflicts never join events of different types, so the analysis reads the store
 * a type at a time and holds one type's events, not the whole store's.
 */
export function clusterSidesSql(typed: boolean, p: string): string {
  return 'SELECT p.event_key, p.role, p.actor_id, p.name, p.country, p.sector, n.type FROM participants p'
    + ' LEFT JOIN entities n ON n.article_key = p.article_key AND n.entity_id = p.entity_id'
    + (typed ? ` JOIN events e ON e.key = p.event_key WHERE e.type = ${p} AND` : ' WHERE')
    + " p.role IN ('actor', 'recipient') ORDER BY p.event_key, p.role, p.pos";
}
export function clusterEventsSql(typed: boolean, p: string): string {
  return 'SELECT e.key, e.article_key, e.type, e.mode, e.modality, e.date_value, e.date_grain, e.date_inferred, e.place_name, e.place_lat, e.place_lon, e.evidence_text, '
    + 'e.dead, e.injured, e.arrested, a.publisher, a.published FROM events e JOIN articles a ON a.key = e.article_key'
    + (typed ? ` WHERE e.type = ${p}` : '') + ' ORDER BY e.key';
}
export const CLUSTER_TYPES_SQL = 'SELECT DISTINCT type FROM events ORDER BY type';

/** The store's counts in one row (both dialects); toStats reads it. */
export const STATS_SQL =
  'SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL) AS duplicates, '
  + '(SELECT count(*) FROM events) AS events, (SELECT count(*) FROM quotes) AS quotes, (SELECT count(*) FROM entities) AS entities, '
  + '(SELECT count(*) FROM clusters) AS clusters, (SELECT count(*) FROM conflicts) AS conflicts, '
  + '(SELECT count(*) FROM events WHERE cluster IS NOT NULL) AS clustered';

/** A STATS_SQL row as StoreStats; the events in no cluster are those stored since the last analysis. */
export function toStats(r: DbRow | undefined, schemaVersion: number): StoreStats {
  return {
    articles: num(r?.articles), duplicates: num(r?.duplicates), events: num(r?.events), quotes: num(r?.quotes),
    entities: num(r?.entities), clusters: num(r?.clusters), conflicts: num(r?.conflicts), unanalysed: num(r?.events) - num(r?.clustered),
    schemaVersion,
  };
}

export function toClusterInput(sideRows: readonly DbRow[], eventRows: readonly DbRow[]): ClusterInputEvent[] {
  const sides = new Map<string, { actors: string[]; recipients: string[]; names: ClusterName[] }>();
  for (const r of sideRows) {
    const k = str(r.event_key);
    let s = sides.get(k);
    if (!s) sides.set(k, (s = { actors: [], recipients: [], names: [] }));
    (r.role === 'actor' ? s.actors : s.recipients).push(str(r.actor_id));
    s.names.push({ name: str(r.name), type: strOrNull(r.type), country: strOrNull(r.country), sector: strOrNull(r.sector) });
  }
  return eventRows.map((r): ClusterInputEvent => {
    const k = str(r.key);
    // An inferred date is only the publication day, which `published` already gives.
    const dated = r.date_value !== null && num(r.date_inferred) !== 1;
    return {
      key: k,
      articleKey: str(r.article_key),
      type: str(r.type) as PloverType,
      mode: strOrNull(r.mode),
      modality: str(r.modality) as ClusterInputEvent['modality'],
      actors: sides.get(k)?.actors ?? [],
      recipients: sides.get(k)?.recipients ?? [],
      names: sides.get(k)?.names ?? [],
      evidence: strOrNull(r.evidence_text) ?? '',
      date: dated ? str(r.date_value) : null,
      dateGrain: dated ? (strOrNull(r.date_grain) as TimeGrain | null) : null,
      place: r.place_name === null ? null : { name: str(r.place_name), lat: r.place_lat === null ? null : num(r.place_lat), lon: r.place_lon === null ? null : num(r.place_lon) },
      publisher: strOrNull(r.publisher),
      published: strOrNull(r.published),
      dead: parsed<Range | null>(r.dead, null),
      injured: parsed<Range | null>(r.injured, null),
      arrested: parsed<Range | null>(r.arrested, null),
    };
  });
}

export { num, numOrNull, str, strOrNull, parsed };
