/**
 * GDELT 2.0 event table rows: 61 tab-separated columns in the order of the GDELT 2.0
 * Event codebook, no header (as GDELT's own files), one event per line. Columns we have
 * no value for are empty; docs/exports.md says which and why.
 */
import { createHash } from 'node:crypto';
import { ploverScore } from '../knowledge/plover-scores.js';
import type { Participant } from '../store/types.js';
import { QUAD_NUMBER } from './context.js';
import type { ExportEvent } from './context.js';
import { compactUtc, eventDay } from './dates.js';

const ACTOR_FIELDS = ['Code', 'Name', 'CountryCode', 'KnownGroupCode', 'EthnicCode', 'Religion1Code', 'Religion2Code', 'Type1Code', 'Type2Code', 'Type3Code'];
const GEO_FIELDS = ['Type', 'FullName', 'CountryCode', 'ADM1Code', 'ADM2Code', 'Lat', 'Long', 'FeatureID'];

export const GDELT_COLUMNS: readonly string[] = [
  'GLOBALEVENTID', 'SQLDATE', 'MonthYear', 'Year', 'FractionDate',
  ...ACTOR_FIELDS.map((f) => `Actor1${f}`),
  ...ACTOR_FIELDS.map((f) => `Actor2${f}`),
  'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale',
  'NumMentions', 'NumSources', 'NumArticles', 'AvgTone',
  ...GEO_FIELDS.map((f) => `Actor1Geo_${f}`),
  ...GEO_FIELDS.map((f) => `Actor2Geo_${f}`),
  ...GEO_FIELDS.map((f) => `ActionGeo_${f}`),
  'DATEADDED', 'SOURCEURL',
];

type Field = string | number | null;

/** Roots of actor codes that are not countries (docs/knowledge.md "Code scheme"). */
const TRANSNATIONAL_TYPES = new Set(['IGO', 'NGO', 'IMG']);

/**
 * A numeric id, as GDELT's GLOBALEVENTID is an integer: the top 63 bits of
 * sha256("articleKey:eventId"), so it fits a signed 64-bit column, is the same in every
 * export, and collides with odds of about 1 in 2^64 / n² for n events.
 */
export function globalEventId(articleKey: string, eventId: string): string {
  const hex = createHash('sha256').update(`${articleKey}:${eventId}`).digest('hex');
  return (BigInt(`0x${hex.slice(0, 16)}`) >> 1n).toString();
}

/** The ten GDELT actor columns for one participant (empty when there is none). */
export function actorColumns(p: Participant | undefined): Field[] {
  if (!p) return Array<Field>(10).fill(null);
  const code = p.code;
  const root = code === null ? null : code.slice(0, 3);
  const rest = code === null ? '' : code.slice(3);
  const types: string[] = [];
  let country: string | null = p.country;
  let knownGroup: string | null = null;
  if (root !== null && TRANSNATIONAL_TYPES.has(root)) types.push(root);
  else if (root === 'UNO') knownGroup = 'UNO';
  else if (root !== null) country = root;
  for (let i = 0; i < rest.length; i += 3) types.push(rest.slice(i, i + 3));
  if (types.length === 0 && p.sector !== null) types.push(p.sector);
  return [code ?? country, p.name, country, knownGroup, null, null, null, types[0] ?? null, types[1] ?? null, types[2] ?? null];
}

/** GDELT geo type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1 or region). */
function geoType(precision: string | null, country: string | null): number | null {
  const us = country === 'USA';
  switch (precision) {
    case 'country': return 1;
    case 'region': return us ? 2 : 5;
    case 'city':
    case 'locality': return us ? 3 : 4;
    default: return null;
  }
}

function actionGeo(e: ExportEvent): Field[] {
  const place = e.row.place;
  if (!place) return Array<Field>(8).fill(null);
  const d = e.place;
  const parts: string[] = [place.name];
  for (const part of [d?.precision === 'country' ? null : d?.admin1, d?.precision === 'country' ? null : d?.countryName]) {
    if (part && !parts.includes(part)) parts.push(part);
  }
  // Geo country and ADM1 codes are FIPS 10-4 in GDELT, FeatureID a GNS/GNIS id: we hold
  // ISO codes and GeoNames ids, so these stay empty rather than hold foreign codes.
  return [geoType(d?.precision ?? null, place.country), parts.join(', '), null, null, null, place.lat, place.lon, null];
}

export function toGdelt(e: ExportEvent): Field[] {
  const { row, article, cluster } = e;
  const day = eventDay(row);
  const [y, m, d] = day === null ? [null, null, null] : day.start.split('-').map(Number) as [number, number, number];
  const cameo = row.cameo;
  const fields: Field[] = [
    globalEventId(row.articleKey, row.eventId),
    day === null ? null : day.start.replaceAll('-', ''),
    day === null ? null : day.start.slice(0, 7).replace('-', ''),
    y,
    // GDELT's own formula: YEAR + (MONTH × 30 + DAY) / 365, four decimals.
    y === null ? null : (y + (m! * 30 + d!) / 365).toFixed(4),
    ...actorColumns(row.actors[0]),
    ...actorColumns(row.recipients[0]),
    article === null ? null : row.evidence.start < article.leadEnd ? 1 : 0,
    cameo,
    cameo === null ? null : cameo.slice(0, 3),
    cameo === null ? null : cameo.slice(0, 2),
    QUAD_NUMBER[ploverScore(row.type).quad],
    row.score,
    // An event outside any cluster is known from its own article only.
    cluster?.mentions ?? 1,
    cluster?.sources ?? 1,
    cluster?.articles ?? 1,
    null,
    ...Array<Field>(8).fill(null),
    ...Array<Field>(8).fill(null),
    ...actionGeo(e),
    article === null ? null : compactUtc(article.ingestedAt),
    article?.uri ?? null,
  ];
  return fields;
}

/** A field without the tabs and line breaks that would break the row. */
function clean(value: Field): string {
  if (value === null) return '';
  return String(value).replace(/[\t\r\n]+/g, ' ');
}

export function gdeltLine(e: ExportEvent): string {
  return toGdelt(e).map(clean).join('\t');
}

export function gdeltHeader(): string {
  return GDELT_COLUMNS.join('\t');
}
