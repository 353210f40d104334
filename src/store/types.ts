/**
 * The store contract: one interface, two drivers (SQLite in src/store/sqlite/,
 * PostgreSQL in src/store/postgres/), one conformance suite (test/store/conformance.ts)
 * that both pass. Everything above the store (ingest, corpus analysis, exports, the
 * CLI queries, the HTTP API) talks to this interface only.
 *
 * The unit of storage is the article record (src/core/record.ts), kept whole as JSON,
 * plus flat rows derived from it (src/store/rows.ts) that the queries use: events with
 * their participants resolved to names and codes, entities, quotes. Rows are derived,
 * never edited: re-deriving them from the stored records gives the same rows.
 *
 * Every method is async so that callers do not care which driver they hold; the SQLite
 * driver is synchronous underneath.
 */
import type { ArticleRecord, Modality, PloverType, Range, TimeGrain } from '../core/record.js';

/** Which driver a store is. */
export type Dialect = 'sqlite' | 'postgres';

/**
 * Article key in the store: the first 16 hex digits of sha256 over the raw input
 * (kind + "\n" + decoded content). Ingesting the same input again finds the same key
 * and changes nothing; two different inputs with the same text are two articles,
 * linked as near-duplicates by the corpus analysis.
 */
export type ArticleKey = string;

/** What ingest hands the store for one article: written in one transaction or not at all. */
export interface ArticleInput {
  key: ArticleKey;
  record: ArticleRecord;
  /** Where it came from: path, URL, "FILE#id" for a JSONL line, WARC target URI. */
  origin: string;
  /** SimHash (64 bits as 16 hex digits) of the text, for near-duplicate search. */
  simhash: string;
}

/** Articles as lists show them. */
export interface ArticleSummary {
  key: ArticleKey;
  recordId: string;
  title: string | null;
  publisher: string | null;
  uri: string | null;
  origin: string;
  published: string | null;
  language: string;
  /** Key of the article this one duplicates (syndicated copy, near-identical text), else null. */
  duplicateOf: ArticleKey | null;
  events: number;
  quotes: number;
  /** ISO datetime (UTC) the article was stored. */
  ingestedAt: string;
}

export interface StoredArticle extends ArticleSummary {
  record: ArticleRecord;
  simhash: string;
}

/** One side of an event (actor or recipient), resolved from the record's entity ids. */
export interface Participant {
  /** Entity id inside the article record ("E3"). */
  entity: string;
  name: string;
  /** CAMEO-style actor code ("IRNGOV") or null. */
  code: string | null;
  /** ISO 3166 alpha-3 country, or null. */
  country: string | null;
  sector: string | null;
}

/** One coded event as the queries return it. */
export interface EventRow {
  /** Unique in the store: `${articleKey}:${record event id}`. */
  key: string;
  articleKey: ArticleKey;
  eventId: string;
  type: PloverType;
  mode: string | null;
  context: string[];
  modality: Modality;
  actors: Participant[];
  recipients: Participant[];
  /** Place name and coordinates, from the event's location entity. */
  place: { entity: string; name: string; country: string | null; lat: number | null; lon: number | null } | null;
  date: { value: string; grain: TimeGrain; inferred: boolean } | null;
  /** Entity the event is attributed to ("according to the ministry"), resolved. */
  source: Participant | null;
  dead: Range | null;
  injured: Range | null;
  arrested: Range | null;
  cameo: string | null;
  confidence: number;
  /** Cooperation (+) / conflict (−) score of the type, knowledge/events/plover-scores.tsv. */
  score: number;
  trigger: string;
  /** The evidence sentence's text and its offsets in the article text. */
  evidence: { sentence: number; start: number; end: number; text: string };
  /** Cross-article event cluster, once the corpus analysis has run; else null. */
  cluster: string | null;
  /** Article fields the lists show beside the event. */
  article: { title: string | null; publisher: string | null; published: string | null; duplicateOf: ArticleKey | null };
}

export interface QuoteRow {
  key: string;
  articleKey: ArticleKey;
  quoteId: string;
  text: string;
  direct: boolean;
  cue: string | null;
  channel: string | null;
  speaker: Participant | null;
  start: number;
  end: number;
  article: { title: string | null; publisher: string | null; published: string | null };
}

/** An actor across the store: grouped by code when it has one, else by name. */
export interface ActorRow {
  /** The grouping key: the code, or "name:" + lower-cased name. */
  id: string;
  name: string;
  code: string | null;
  country: string | null;
  sector: string | null;
  /** Events with this actor as actor / as recipient; articles mentioning it. */
  asActor: number;
  asRecipient: number;
  articles: number;
}

export interface DyadMonth {
  /** "YYYY-MM" of the event date (publication date when the event has none). */
  month: string;
  /** Events from a to b and from b to a. */
  events: number;
  aToB: number;
  bToA: number;
  /** Mean PLOVER score of the month's events (null when none), and counts by quad class. */
  meanScore: number | null;
  verbalCooperation: number;
  materialCooperation: number;
  verbalConflict: number;
  materialConflict: number;
}

export interface SearchHit {
  article: ArticleSummary;
  /** A piece of the text around the match, with the matched words marked «like this». */
  snippet: string;
  rank: number;
}

/** Common paging: `limit` (default 50, at most 1000) and `offset`. */
export interface PageQuery {
  limit?: number;
  offset?: number;
}

export interface Page<T> {
  items: T[];
  /** Total matching rows (for pagination); -1 on a page read with `after`, which does not count again. */
  total: number;
  limit: number;
  offset: number;
  /**
   * Events and articles only: the cursor to pass as `after` for the page that follows,
   * when this page is full; null when it is not (nothing follows).
   */
  next?: string | null;
}

/**
 * Keyset paging (events, articles): `after` is a page's `next`, and the page is the rows
 * that follow that page's last row in the list's order (`offset` then skips within
 * them). Unlike a growing `offset`, each page costs the same however deep it is, and
 * rows written or removed before the position between two reads do not shift the pages
 * after it (no row read twice or skipped). `total` is not counted on such a page (-1):
 * a count reads every matching row, which would make walking a whole list quadratic.
 */
export interface CursorQuery {
  after?: string;
}

/**
 * Event filters, shared by the CLI (`newsgraph events`), the API and exports.
 * An actor filter matches a participant whose code equals it, whose code starts with
 * it (IRN matches IRNGOV), whose country equals it, or whose name equals it
 * (case-insensitive).
 */
export interface EventQuery extends PageQuery, CursorQuery {
  actor?: string;
  recipient?: string;
  /** Only events with an actor (a recipient) of one of these sectors ("GOV", "BUS"; SECTORS). */
  actorSector?: readonly string[];
  recipientSector?: readonly string[];
  type?: PloverType;
  modality?: Modality;
  /** ISO date: event date (or publication date when the event has none) ≥ since / ≤ until. */
  since?: string;
  until?: string;
  /** Place name (case-insensitive) or country code of the event's place. */
  place?: string;
  article?: ArticleKey;
  cluster?: string;
  /** Leave out events of articles that duplicate another (default false: show all). */
  uniqueArticles?: boolean;
  /** Only events whose confidence (0–1, the chance the event is real with the right actor) is at least this. */
  minConfidence?: number;
}

export interface QuoteQuery extends PageQuery {
  speaker?: string;
  article?: ArticleKey;
  direct?: boolean;
}

export interface ActorQuery extends PageQuery {
  /** Name or code substring. */
  match?: string;
}

export interface ArticleQuery extends PageQuery, CursorQuery {
  since?: string;
  until?: string;
  publisher?: string;
}

/** A participant as the cross-article analysis matches it by name (cluster-anchors.ts). */
export interface ClusterName {
  /** The entity's name in its article ("Dilson Funaro"). */
  name: string;
  /** The entity type (PERSON, ORG, GPE, …); null when the store has no entity for it. */
  type: string | null;
  /** The state it belongs to (ISO alpha-3); null for bodies of no one state (the UN, the EC, a firm abroad). */
  country: string | null;
  sector: string | null;
}

/** The event fields the cross-article analysis needs, read in bulk. */
export interface ClusterInputEvent {
  key: string;
  articleKey: ArticleKey;
  type: PloverType;
  /** PLOVER mode ("seize" tells a taking of territory from other COERCE events). */
  mode: string | null;
  modality: Modality;
  actors: string[];
  recipients: string[];
  /** The actors' and recipients' names: what a report shares with another beyond codes. */
  names: ClusterName[];
  /** The evidence sentence, whose wording a copy or rewrite of the report shares. */
  evidence: string;
  /** The event's own date (null when it was only inferred from the publication day) and its grain. */
  date: string | null;
  dateGrain: TimeGrain | null;
  place: { name: string; lat: number | null; lon: number | null } | null;
  publisher: string | null;
  published: string | null;
  dead: Range | null;
  injured: Range | null;
  arrested: Range | null;
}

/** A cross-article event cluster, as the analysis writes it and the queries read it. */
export interface EventCluster {
  id: string;
  type: PloverType;
  actors: string[];
  recipients: string[];
  firstDate: string | null;
  lastDate: string | null;
  place: string | null;
  /** Events in the cluster, distinct articles (duplicates counted once), distinct publishers. */
  mentions: number;
  articles: number;
  sources: number;
  events: string[];
}

/** A contradiction between articles (kind as in the record's conflicts). */
export interface CorpusConflict {
  cluster: string;
  kind: 'actor' | 'date' | 'place' | 'count' | 'other';
  events: string[];
  note: string;
}

/** Everything the corpus analysis derives, replaced as a whole in one transaction. */
export interface CorpusAnalysis {
  /** Article key → the key of the article it duplicates (absent or null: original). */
  duplicates: Map<ArticleKey, ArticleKey>;
  /**
   * The clusters: one list, or batches the store writes as they arrive (analyseCorpus
   * hands over one event type's at a time, so no process holds every cluster at once).
   */
  clusters: EventCluster[] | AsyncIterable<EventCluster[]>;
  /** The conflicts in their order, read once every cluster is written (a function when they are found with the clusters). */
  conflicts: CorpusConflict[] | (() => CorpusConflict[]);
}

/** Actor network: actors as nodes, events between them as edges (actor → recipient). */
export interface NetworkNode {
  /** As ActorRow.id: the code, or "name:" + lower-cased name. */
  id: string;
  name: string;
  code: string | null;
  country: string | null;
  events: number;
}
export interface NetworkEdge {
  source: string;
  target: string;
  count: number;
  /** Mean PLOVER score of the edge's events. */
  score: number;
  /** Event counts by PLOVER type. */
  types: Partial<Record<PloverType, number>>;
}
export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

/** Event counts by day or month, split by PLOVER type, for the timeline. */
export interface TimelineBucket {
  /** "YYYY-MM-DD" or "YYYY-MM". */
  period: string;
  events: number;
  types: Partial<Record<PloverType, number>>;
  meanScore: number | null;
}

/** Events per place with coordinates, for the map. */
export interface PlaceCount {
  name: string;
  country: string | null;
  lat: number;
  lon: number;
  events: number;
  types: Partial<Record<PloverType, number>>;
}

export interface StoreStats {
  articles: number;
  duplicates: number;
  events: number;
  quotes: number;
  entities: number;
  clusters: number;
  conflicts: number;
  /** Events in no cluster: stored since the last corpus analysis (`newsgraph analyse` takes them in). */
  unanalysed: number;
  schemaVersion: number;
}

export interface Store {
  readonly dialect: Dialect;
  /** Where the store is, for messages (file path, or the URL without its password). */
  readonly location: string;

  /** Bring the schema to the current version (versioned migrations, each in a transaction). */
  migrate(): Promise<void>;
  schemaVersion(): Promise<number>;

  /** Keys among `keys` that are already stored (ingest skips them without extracting). */
  existingKeys(keys: readonly ArticleKey[]): Promise<Set<ArticleKey>>;
  /**
   * Store one article with its derived rows in one transaction. Returns false (and
   * changes nothing) when the key is already stored.
   */
  putArticle(input: ArticleInput): Promise<boolean>;
  getArticle(key: ArticleKey): Promise<StoredArticle | null>;
  listArticles(query?: ArticleQuery): Promise<Page<ArticleSummary>>;
  /** Key, simhash, publisher and publication date of every article, for the duplicate search. */
  articleFingerprints(): Promise<Array<{ key: ArticleKey; simhash: string; publisher: string | null; published: string | null; ingestedAt: string }>>;

  events(query?: EventQuery): Promise<Page<EventRow>>;
  getEvent(key: string): Promise<EventRow | null>;
  quotes(query?: QuoteQuery): Promise<Page<QuoteRow>>;
  actors(query?: ActorQuery): Promise<Page<ActorRow>>;
  /** Events between two actors (matched as in EventQuery, either direction) by month. */
  dyad(a: string, b: string, query?: { since?: string; until?: string }): Promise<DyadMonth[]>;
  /** Edges of the actor network over the events the filters select (paging ignored; `limit` caps the nodes, default 100, the busiest kept). */
  network(query?: EventQuery): Promise<Network>;
  timeline(query?: EventQuery & { bucket?: 'day' | 'month' }): Promise<TimelineBucket[]>;
  /** Places with coordinates among the selected events (paging ignored). */
  places(query?: EventQuery): Promise<PlaceCount[]>;
  /** Full-text search over title and text (SQLite FTS5 / PostgreSQL tsvector). */
  search(text: string, query?: PageQuery): Promise<Page<SearchHit>>;

  /** The distinct PLOVER types of the stored events. */
  clusterTypes(): Promise<PloverType[]>;
  /**
   * The events the corpus analysis reads, in key order: all of them, or those of one
   * type (the analysis reads a type at a time, since no cluster or conflict spans two).
   */
  clusterInput(type?: PloverType): Promise<ClusterInputEvent[]>;
  /**
   * Replace the previous analysis as a whole, atomically: a failure anywhere, the
   * batches' producer included, leaves the previous analysis in place. Only clusters
   * that differ from the stored ones are written (docs/store.md).
   */
  writeAnalysis(analysis: CorpusAnalysis): Promise<void>;
  clusters(query?: PageQuery & { type?: PloverType; minArticles?: number }): Promise<Page<EventCluster>>;
  corpusConflicts(query?: PageQuery): Promise<Page<CorpusConflict>>;

  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 1000;
