/**
 * The article record, version 1 (../shared/spec/record.md). Field names are the
 * contract: add, never rename. The JSON Schema in schema.ts describes the same shape
 * and the tests validate every record they make against it.
 */
export const RECORD_SCHEMA_ID = 'newsgraph.article/1';

export type EntityType = 'PERSON' | 'ORG' | 'GPE' | 'LOC' | 'NORP' | 'FAC' | 'MISC';
export type MentionKind = 'name' | 'title' | 'nominal' | 'pronoun' | 'handle';
export type TimeGrain = 'time' | 'day' | 'week' | 'month' | 'year' | 'duration' | 'vague';
export type TimeAnchor = 'absolute' | 'published' | 'context';
export type ConflictKind = 'actor' | 'date' | 'place' | 'count' | 'other';
export type GeoPrecision = 'country' | 'region' | 'city' | 'locality';

export const PLOVER_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;
export type PloverType = (typeof PLOVER_TYPES)[number];

export const MODALITIES = ['asserted', 'negated', 'hypothetical', 'future', 'alleged', 'historical'] as const;
export type Modality = (typeof MODALITIES)[number];

/**
 * The CAMEO-style sectors an entity's `sector` (and the last three letters of its `code`) may
 * hold (docs/knowledge.md): state bodies, then the rest of public life.
 */
export const SECTORS = [
  'GOV', 'MIL', 'COP', 'JUD', 'LEG', 'DIP', 'SPY',
  'OPP', 'REB', 'UAF', 'CRM', 'LAB', 'CVL', 'HRI', 'NGO', 'REF', 'REL', 'EDU', 'HLH', 'AGR', 'DEV', 'BUS', 'MED',
] as const;
export type Sector = (typeof SECTORS)[number];

/** The sectors of a state and its bodies: an actor of one of them acts for a state. */
export const STATE_SECTORS: ReadonlySet<string> = new Set<Sector>(['GOV', 'MIL', 'COP', 'JUD', 'LEG', 'DIP', 'SPY']);

export interface SourceInfo {
  uri: string | null;
  format: string;
  publisher: string | null;
}

export interface Author {
  name: string;
  role: string | null;
}

export interface Published {
  /** ISO 8601 date or datetime; a UTC offset only when the source states one. */
  value: string;
  /** The text it was read from (a visible date line, a meta tag value). */
  text: string;
}

export interface Dateline {
  /** Entity id of the place once entities are linked, else null. */
  place: string | null;
  text: string;
}

export interface Removed {
  text: string;
  reason: string;
}

export interface Mention {
  start: number;
  end: number;
  text: string;
  kind: MentionKind;
}

export interface Geo {
  lat: number;
  lon: number;
  precision: GeoPrecision;
}

export interface Entity {
  id: string;
  name: string;
  type: EntityType;
  mentions: Mention[];
  country: string | null;
  role: string | null;
  sector: string | null;
  code: string | null;
  geo: Geo | null;
  ids: Record<string, string | number>;
}

export interface TimeExpr {
  start: number;
  end: number;
  text: string;
  value: string | null;
  grain: TimeGrain;
  anchor: TimeAnchor;
}

export interface Quote {
  id: string;
  start: number;
  end: number;
  text: string;
  speaker: string | null;
  cue: string | null;
  channel: string | null;
  direct: boolean;
}

export interface Range {
  min: number | null;
  max: number | null;
}

export interface EventSize {
  dead: Range | null;
  injured: Range | null;
  arrested: Range | null;
}

export interface EventRecord {
  id: string;
  type: PloverType;
  mode: string | null;
  context: string[];
  actor: string[];
  recipient: string[];
  location: string | null;
  date: { value: string; grain: TimeGrain; inferred: boolean } | null;
  modality: Modality;
  source: string | null;
  size: EventSize | null;
  trigger: { start: number; end: number; text: string };
  evidence: { sentence: number; start: number; end: number };
  confidence: number;
  cameo: string | null;
}

export interface Conflict {
  kind: ConflictKind;
  events: string[];
  note: string;
}

export interface Provenance {
  pipeline: string;
  stages: Record<string, string>;
}

export interface ArticleRecord {
  schema: typeof RECORD_SCHEMA_ID;
  id: string;
  source: SourceInfo;
  language: string;
  title: string | null;
  authors: Author[];
  published: Published | null;
  dateline: Dateline | null;
  text: string;
  removed: Removed[];
  sentences: Array<[number, number]>;
  entities: Entity[];
  times: TimeExpr[];
  quotes: Quote[];
  events: EventRecord[];
  conflicts: Conflict[];
  provenance: Provenance;
}
