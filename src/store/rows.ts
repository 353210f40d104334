/**
 * Article record → the flat rows the store queries: events with their participants
 * resolved to names and codes, quotes with their speaker, entities, and the article
 * row itself. Both drivers insert exactly these rows, so the derivation lives here,
 * free of any driver: re-deriving from a stored record gives the same rows.
 */
import type { ArticleRecord, Entity, EventRecord, Modality, PloverType, Range, TimeGrain } from '../core/record.js';
import { ploverScore, type QuadClass } from '../knowledge/plover-scores.js';
import type { ArticleInput, ArticleKey, Participant } from './types.js';

/** The grouping key of an actor across articles (ActorRow.id): its code, else "name:" + lower-cased name. */
export function actorId(p: { code: string | null; name: string }): string {
  return p.code ?? `name:${p.name.toLowerCase()}`;
}

/** Lower-casing done in JavaScript: SQLite's lower() only folds ASCII. */
export function fold(s: string): string {
  return s.trim().toLowerCase();
}

/**
 * The days an ISO date prefix covers, so that a month- or year-grain date can be
 * compared with a day: "2024-03" covers 2024-03-01…2024-03-31. `sort` is the prefix
 * itself (YYYY, YYYY-MM or YYYY-MM-DD); `month` and `day` are set only at that grain.
 */
export interface DateSpan {
  /** The grain of the prefix: how many days the span can cover (1, ≤31, ≤366). */
  grain: 'day' | 'month' | 'year';
  sort: string;
  lo: string;
  hi: string;
  month: string | null;
  day: string | null;
}

const DATE_PREFIX = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

export function dateSpan(value: string | null | undefined): DateSpan | null {
  if (!value) return null;
  const m = DATE_PREFIX.exec(value);
  if (!m) return null;
  const [, y, mo, d] = m as unknown as [string, string, string | undefined, string | undefined];
  if (mo !== undefined && (Number(mo) < 1 || Number(mo) > 12)) return null;
  const lastDay = (month: string): string => String(new Date(Date.UTC(Number(y), Number(month), 0)).getUTCDate()).padStart(2, '0');
  if (mo === undefined) return { grain: 'year', sort: y, lo: `${y}-01-01`, hi: `${y}-12-31`, month: null, day: null };
  if (d === undefined) return { grain: 'month', sort: `${y}-${mo}`, lo: `${y}-${mo}-01`, hi: `${y}-${mo}-${lastDay(mo)}`, month: `${y}-${mo}`, day: null };
  const day = `${y}-${mo}-${d}`;
  return { grain: 'day', sort: day, lo: day, hi: day, month: `${y}-${mo}`, day };
}

/** The article row (ArticleSummary's columns plus what only the store keeps). */
export interface ArticleFacts {
  key: ArticleKey;
  recordId: string;
  title: string | null;
  publisher: string | null;
  publisherFolded: string | null;
  uri: string | null;
  origin: string;
  published: string | null;
  /** First 10 characters of the publication date, for date filters and sorting. */
  publishedDay: string | null;
  language: string;
  simhash: string;
  events: number;
  quotes: number;
  ingestedAt: string;
  recordJson: string;
  text: string;
}

export type ParticipantRole = 'actor' | 'recipient' | 'source';

export interface ParticipantFacts extends Participant {
  eventKey: string;
  articleKey: ArticleKey;
  role: ParticipantRole;
  /** Order among the event's participants of this role. */
  position: number;
  nameFolded: string;
  actorId: string;
}

export interface PlaceFacts {
  entity: string;
  name: string;
  nameFolded: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
}

export interface EventFacts {
  key: string;
  articleKey: ArticleKey;
  eventId: string;
  /** Order of the event in its record. */
  seq: number;
  type: PloverType;
  mode: string | null;
  context: string[];
  modality: Modality;
  place: PlaceFacts | null;
  date: { value: string; grain: TimeGrain; inferred: boolean } | null;
  /** Event date, else publication date: what since/until, months and ordering use. */
  span: DateSpan | null;
  score: number;
  quad: QuadClass;
  dead: Range | null;
  injured: Range | null;
  arrested: Range | null;
  cameo: string | null;
  confidence: number;
  trigger: string;
  evidence: { sentence: number; start: number; end: number; text: string };
}

export interface QuoteFacts {
  key: string;
  articleKey: ArticleKey;
  quoteId: string;
  seq: number;
  text: string;
  direct: boolean;
  cue: string | null;
  channel: string | null;
  speaker: (Participant & { nameFolded: string; actorId: string }) | null;
  start: number;
  end: number;
}

export interface EntityFacts {
  articleKey: ArticleKey;
  entityId: string;
  name: string;
  nameFolded: string;
  type: string;
  code: string | null;
  country: string | null;
  sector: string | null;
  role: string | null;
  lat: number | null;
  lon: number | null;
  mentions: number;
  actorId: string;
}

export interface ArticleRows {
  article: ArticleFacts;
  events: EventFacts[];
  participants: ParticipantFacts[];
  quotes: QuoteFacts[];
  entities: EntityFacts[];
}

function participant(e: Entity): Participant {
  return { entity: e.id, name: e.name, code: e.code, country: e.country, sector: e.sector };
}

/** The evidence sentence's text: by the record's sentence spans, else by the evidence offsets. */
function evidenceText(record: ArticleRecord, ev: EventRecord): string {
  const span = record.sentences[ev.evidence.sentence];
  const [start, end] = span ?? [ev.evidence.start, ev.evidence.end];
  return record.text.slice(start, end);
}

export function deriveRows(input: ArticleInput, ingestedAt: string): ArticleRows {
  const { key, record } = input;
  const byId = new Map(record.entities.map((e) => [e.id, e]));
  const publishedSpan = dateSpan(record.published?.value.slice(0, 10));

  const participants: ParticipantFacts[] = [];
  const resolve = (eventKey: string, role: ParticipantRole, ids: readonly string[]): void => {
    let position = 0;
    for (const id of ids) {
      const e = byId.get(id);
      // A record whose event names an entity it does not hold is malformed; the
      // participant is left out rather than invented.
      if (!e) continue;
      participants.push({
        ...participant(e), eventKey, articleKey: key, role, position: position++,
        nameFolded: fold(e.name), actorId: actorId(e),
      });
    }
  };

  const events = record.events.map((ev, seq): EventFacts => {
    const eventKey = `${key}:${ev.id}`;
    resolve(eventKey, 'actor', ev.actor);
    resolve(eventKey, 'recipient', ev.recipient);
    if (ev.source !== null) resolve(eventKey, 'source', [ev.source]);
    const loc = ev.location === null ? undefined : byId.get(ev.location);
    const { score, quad } = ploverScore(ev.type);
    return {
      key: eventKey,
      articleKey: key,
      eventId: ev.id,
      seq,
      type: ev.type,
      mode: ev.mode,
      context: ev.context,
      modality: ev.modality,
      place: loc
        ? { entity: loc.id, name: loc.name, nameFolded: fold(loc.name), country: loc.country, lat: loc.geo?.lat ?? null, lon: loc.geo?.lon ?? null }
        : null,
      date: ev.date,
      span: dateSpan(ev.date?.value) ?? publishedSpan,
      score,
      quad,
      dead: ev.size?.dead ?? null,
      injured: ev.size?.injured ?? null,
      arrested: ev.size?.arrested ?? null,
      cameo: ev.cameo,
      confidence: ev.confidence,
      trigger: ev.trigger.text,
      evidence: { ...ev.evidence, text: evidenceText(record, ev) },
    };
  });

  const quotes = record.quotes.map((q, seq): QuoteFacts => {
    const s = q.speaker === null ? undefined : byId.get(q.speaker);
    return {
      key: `${key}:${q.id}`,
      articleKey: key,
      quoteId: q.id,
      seq,
      text: q.text,
      direct: q.direct,
      cue: q.cue,
      channel: q.channel,
      speaker: s ? { ...participant(s), nameFolded: fold(s.name), actorId: actorId(s) } : null,
      start: q.start,
      end: q.end,
    };
  });

  const entities = record.entities.map((e): EntityFacts => ({
    articleKey: key,
    entityId: e.id,
    name: e.name,
    nameFolded: fold(e.name),
    type: e.type,
    code: e.code,
    country: e.country,
    sector: e.sector,
    role: e.role,
    lat: e.geo?.lat ?? null,
    lon: e.geo?.lon ?? null,
    mentions: e.mentions.length,
    actorId: actorId(e),
  }));

  const publisher = record.source.publisher;
  return {
    article: {
      key,
      recordId: record.id,
      title: record.title,
      publisher,
      publisherFolded: publisher === null ? null : fold(publisher),
      uri: record.source.uri,
      origin: input.origin,
      published: record.published?.value ?? null,
      publishedDay: publishedSpan?.day ?? record.published?.value.slice(0, 10) ?? null,
      language: record.language,
      simhash: input.simhash,
      events: events.length,
      quotes: quotes.length,
      ingestedAt,
      recordJson: JSON.stringify(record),
      text: record.text,
    },
    events,
    participants,
    quotes,
    entities,
  };
}
