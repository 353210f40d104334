/**
 * What the exporters format: an event row plus the few facts the row itself does not
 * carry and some formats want (the article's URL and storage time, the place's
 * precision and admin names, the event's cluster counts). src/export/source.ts fills it
 * from the store; the formatters are pure functions over it, so tests build it by hand.
 */
import type { GeoPrecision } from '../core/record.js';
import type { EventRow } from '../store/types.js';

export interface ArticleDetail {
  uri: string | null;
  language: string;
  /** ISO datetime (UTC) the article was stored. */
  ingestedAt: string;
  /** Offset where the article's first paragraph ends (GDELT's IsRootEvent). */
  leadEnd: number;
}

export interface PlaceDetail {
  precision: GeoPrecision | null;
  geonames: number | null;
  /** Admin-1 name (province, state) of the place, or the place itself when it is one. */
  admin1: string | null;
  /** Country of the place: name, ISO alpha-2 and numeric code. */
  countryName: string | null;
  countryA2: string | null;
  countryNumeric: string | null;
}

export interface ClusterCounts {
  mentions: number;
  articles: number;
  sources: number;
}

export interface ExportEvent {
  row: EventRow;
  article: ArticleDetail | null;
  place: PlaceDetail | null;
  cluster: ClusterCounts | null;
}

/** PLOVER quad class number (1 verbal cooperation … 4 material conflict), as CAMEO's QuadClass. */
export const QUAD_NUMBER = {
  'verbal-cooperation': 1,
  'material-cooperation': 2,
  'verbal-conflict': 3,
  'material-conflict': 4,
} as const;
