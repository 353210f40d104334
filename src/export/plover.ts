/**
 * PLOVER JSONL: one event per line with the field names of the PLOVER manual's "Data
 * Fields" chapter (id, date, time, enddate, actor, recipient, event, event_loc,
 * event_text, quad_code, event_scale, mode, context, link, text_info, cite_info, coder,
 * coded_date, coded_time) and its entity, text, size, citation and location objects.
 * The manual invites providers to add named fields; ours are listed in docs/exports.md
 * (modality, attribution, trigger, cameo, confidence, size ranges).
 */
import type { Modality, Range } from '../core/record.js';
import { VERSION } from '../core/version.js';
import { ploverScore } from '../knowledge/plover-scores.js';
import type { Participant } from '../store/types.js';
import { QUAD_NUMBER } from './context.js';
import type { ExportEvent } from './context.js';
import { eventDay } from './dates.js';

export interface PloverEntity {
  entity_text: string;
  /** Top-level (3-letter) code: the country, or IGO/UNO/NGO/IMG. */
  code: string | null;
  sector: string | null;
  /** newsgraph: the full CAMEO-style actor code ("IRNGOV") and the entity id in the article. */
  actor_code: string | null;
  entity_id: string;
}

export type PloverCount = number | { min: number | null; max: number | null };

export interface PloverEvent {
  id: string;
  has_event: true;
  date: string | null;
  time: string | null;
  enddate: string | null;
  actor: PloverEntity[];
  recipient: PloverEntity[];
  event: string[];
  event_loc: Record<string, string | number | null> | null;
  event_text: string[];
  quad_code: 1 | 2 | 3 | 4;
  event_scale: number;
  mode: string[];
  context: string[];
  link: string | null;
  size: { dead?: PloverCount; injured?: PloverCount; arrested?: PloverCount } | null;
  text_info: { sequence: number; start: number; end: number };
  cite_info: Record<string, string | null>;
  coder: string;
  coded_date: string | null;
  coded_time: string | null;
  // newsgraph fields
  date_grain: string | null;
  date_inferred: boolean | null;
  modality: Modality;
  attribution: PloverEntity | null;
  trigger: string;
  cameo: string | null;
  confidence: number;
}

/** The manual's auxiliary modes, which it puts in `context`; asserted and alleged have none. */
const AUXILIARY: Partial<Record<Modality, string>> = {
  negated: 'negation',
  hypothetical: 'hypothetical',
  future: 'future',
  historical: 'historical',
};

/** Location resolution as the manual's Mordecai fields: 5 sub-city, 4 city, 3 district, 2 province, 1 country. */
const RESOLUTION = { locality: 5, city: 4, region: 2, country: 1 } as const;

export function ploverEntity(p: Participant): PloverEntity {
  // Codes are root + sector ("IRNGOV", "UNODIP"); a bare root ("IRN") leaves the sector to the entity.
  const split = p.code !== null && p.code.length > 3;
  return {
    entity_text: p.name,
    code: p.code !== null ? p.code.slice(0, 3) : p.country,
    sector: split ? p.code!.slice(3) : p.sector,
    actor_code: p.code,
    entity_id: p.entity,
  };
}

function count(range: Range | null): PloverCount | undefined {
  if (range === null || (range.min === null && range.max === null)) return undefined;
  return range.min !== null && range.min === range.max ? range.min : { min: range.min, max: range.max };
}

function size(e: ExportEvent): PloverEvent['size'] {
  const out: NonNullable<PloverEvent['size']> = {};
  const dead = count(e.row.dead);
  const injured = count(e.row.injured);
  const arrested = count(e.row.arrested);
  if (dead !== undefined) out.dead = dead;
  if (injured !== undefined) out.injured = injured;
  if (arrested !== undefined) out.arrested = arrested;
  return Object.keys(out).length > 0 ? out : null;
}

function location(e: ExportEvent): PloverEvent['event_loc'] {
  const place = e.row.place;
  if (!place) return null;
  const detail = e.place;
  const precision = detail?.precision ?? null;
  return {
    extracted_place: place.name,
    resolved_place: place.name,
    geonameid: detail?.geonames ?? null,
    lat: place.lat,
    lon: place.lon,
    city: precision === 'city' || precision === 'locality' ? place.name : null,
    province: detail?.admin1 ?? null,
    country: detail?.countryName ?? null,
    country_code: place.country,
    resolution: precision === null ? null : RESOLUTION[precision],
  };
}

export function toPlover(e: ExportEvent): PloverEvent {
  const { row, article } = e;
  const day = eventDay(row);
  const aux = AUXILIARY[row.modality];
  const ingested = article?.ingestedAt ?? null;
  return {
    id: row.key,
    has_event: true,
    date: day?.start ?? null,
    time: day?.time ?? null,
    enddate: day !== null && day.end !== day.start ? day.end : null,
    actor: row.actors.map(ploverEntity),
    recipient: row.recipients.map(ploverEntity),
    event: [row.type],
    event_loc: location(e),
    event_text: [row.evidence.text],
    quad_code: QUAD_NUMBER[ploverScore(row.type).quad],
    event_scale: row.score,
    mode: row.mode === null ? [] : [row.mode],
    context: aux === undefined || row.context.includes(aux) ? [...row.context] : [...row.context, aux],
    link: row.cluster,
    size: size(e),
    text_info: { sequence: row.evidence.sentence, start: row.evidence.start, end: row.evidence.end },
    cite_info: {
      corpus: 'newsgraph',
      citation: row.articleKey,
      url: article?.uri ?? null,
      title: row.article.title,
      language: article?.language ?? null,
      publication: row.article.publisher,
      coder: `newsgraph ${VERSION}`,
      codebook: 'PLOVER 2.0 (draft)',
    },
    coder: `newsgraph ${VERSION}`,
    coded_date: ingested === null ? null : ingested.slice(0, 10),
    coded_time: ingested === null || ingested.length <= 11 ? null : ingested.slice(11),
    date_grain: day?.grain ?? null,
    date_inferred: day?.inferred ?? null,
    modality: row.modality,
    attribution: row.source === null ? null : ploverEntity(row.source),
    trigger: row.trigger,
    cameo: row.cameo,
    confidence: row.confidence,
  };
}

export function ploverLine(e: ExportEvent): string {
  return JSON.stringify(toPlover(e));
}
