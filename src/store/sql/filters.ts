/**
 * WHERE conditions for the store's queries, in SQL both drivers run. Tables are
 * aliased `e` (events), `a` (articles), `q` (quotes), `p` (participants); column
 * names are the schema's (docs/store.md). Every user value goes through SqlParams.
 */
import { NewsgraphError } from '../../core/errors.js';
import { PLOVER_TYPES, SECTORS } from '../../core/record.js';
import { dateSpan, fold } from '../rows.js';
import type { ArticleQuery, EventQuery, QuoteQuery } from '../types.js';
import type { SqlParams } from './params.js';

/** The first string after every string that starts with `prefix`, in code-point order. */
export function prefixEnd(prefix: string): string {
  const chars = [...prefix];
  const last = chars.pop();
  if (last === undefined) return '';
  return chars.join('') + String.fromCodePoint((last.codePointAt(0) ?? 0) + 1);
}

function given(v: string | undefined): string | null {
  const t = v?.trim();
  return t ? t : null;
}

/**
 * The actor rule (EventQuery): code equal to the value or starting with it, country
 * equal to it, or name equal to it ignoring case. Codes and countries are upper case
 * in the records, so the value is upper-cased for them. The prefix is a range
 * (code ≥ "IRN" and < "IRO") so an ordinary index serves it in both databases.
 */
export function participantMatch(cols: { code: string; country: string; name: string }, value: string, params: SqlParams): string {
  const upper = value.toUpperCase();
  return `((${cols.code} >= ${params.add(upper)} AND ${cols.code} < ${params.add(prefixEnd(upper))})`
    + ` OR ${cols.country} = ${params.add(upper)} OR ${cols.name} = ${params.add(fold(value))})`;
}

function participantIn(role: 'actor' | 'recipient', value: string, params: SqlParams): string {
  return `e.key IN (SELECT p.event_key FROM participants p WHERE p.role = ${params.add(role)} AND `
    + `${participantMatch({ code: 'p.code', country: 'p.country', name: 'p.name_lc' }, value, params)})`;
}

/** Events with a participant of the role whose sector is one of `sectors` (refused unless each is a sector of ours). */
function sectorIn(role: 'actor' | 'recipient', sectors: readonly string[], params: SqlParams): string {
  for (const s of sectors) {
    if (!(SECTORS as readonly string[]).includes(s)) {
      throw new NewsgraphError('E_USAGE', `"${s}" is not a sector (${SECTORS.join(', ')})`, { input: s });
    }
  }
  return `e.key IN (SELECT p.event_key FROM participants p WHERE p.role = ${params.add(role)} AND p.sector IN (${params.list(sectors)}))`;
}

/** A since/until bound as the day range it covers; "2024-03" as until means up to 2024-03-31. */
function bound(name: 'since' | 'until', value: string): { lo: string; hi: string } {
  const span = /^\d{4}(-\d{2}(-\d{2})?)?([T ].*)?$/.test(value) ? dateSpan(value) : null;
  if (!span) throw new NewsgraphError('E_USAGE', `${name} "${value}" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)`, { input: value });
  return span;
}

/** The ISO day `days` before `day`. */
function daysBefore(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

const SPAN_DAYS = { day: 0, month: 30, year: 365 } as const;

/**
 * An event's days [date_lo, date_hi] overlap [since, until]. For `since` the test is
 * split by grain: a span of at most N days that reaches `since` starts within N days
 * before it, so each grain is one bounded range of the (date_span, date_lo) index
 * instead of every later event.
 */
function dateConditions(since: string | null, until: string | null, params: SqlParams): string | null {
  const hi = until ? params.add(bound('until', until).hi) : null;
  if (!since) return hi ? `e.date_lo <= ${hi}` : null;
  const lo = bound('since', since).lo;
  const loP = params.add(lo);
  const branches = (Object.keys(SPAN_DAYS) as Array<keyof typeof SPAN_DAYS>).map((grain) => {
    const from = SPAN_DAYS[grain] === 0 ? loP : params.add(daysBefore(lo, SPAN_DAYS[grain]));
    const reach = SPAN_DAYS[grain] === 0 ? '' : ` AND e.date_hi >= ${loP}`;
    return `(e.date_span = '${grain}' AND e.date_lo >= ${from}${hi ? ` AND e.date_lo <= ${hi}` : ''}${reach})`;
  });
  return `(${branches.join(' OR ')})`;
}

export function checkType(type: string): void {
  if (!(PLOVER_TYPES as readonly string[]).includes(type)) {
    throw new NewsgraphError('E_USAGE', `"${type}" is not a PLOVER event type (${PLOVER_TYPES.join(', ')})`, { input: type });
  }
}

export function checkFraction(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new NewsgraphError('E_USAGE', `${name} must be a number from 0 to 1 (got ${value})`, { input: String(value) });
  }
}

/**
 * Conditions over `events e JOIN articles a`. Dates compare by the days they cover:
 * an event matches `since` when its date reaches it and `until` when it starts by it,
 * so a month-grain event counts for any day of its month. Events without any date
 * (no event date, no publication date) match no date bound.
 */
export function eventConditions(q: EventQuery | undefined, params: SqlParams): string[] {
  const out: string[] = [];
  if (!q) return out;
  const actor = given(q.actor);
  if (actor) out.push(participantIn('actor', actor, params));
  const recipient = given(q.recipient);
  if (recipient) out.push(participantIn('recipient', recipient, params));
  if (q.actorSector?.length) out.push(sectorIn('actor', q.actorSector, params));
  if (q.recipientSector?.length) out.push(sectorIn('recipient', q.recipientSector, params));
  if (q.type !== undefined) {
    checkType(q.type);
    out.push(`e.type = ${params.add(q.type)}`);
  }
  if (q.modality !== undefined) out.push(`e.modality = ${params.add(q.modality)}`);
  const dates = dateConditions(given(q.since), given(q.until), params);
  if (dates) out.push(dates);
  const place = given(q.place);
  if (place) out.push(`(e.place_name_lc = ${params.add(fold(place))} OR e.place_country = ${params.add(place.toUpperCase())})`);
  if (q.article !== undefined) out.push(`e.article_key = ${params.add(q.article)}`);
  if (q.cluster !== undefined) out.push(`e.cluster = ${params.add(q.cluster)}`);
  if (q.uniqueArticles) out.push('a.duplicate_of IS NULL');
  if (q.minConfidence !== undefined) {
    checkFraction('minConfidence', q.minConfidence);
    out.push(`e.confidence >= ${params.add(q.minConfidence)}`);
  }
  return out;
}

/** Conditions over `quotes q`; a speaker matches as an actor does. */
export function quoteConditions(query: QuoteQuery | undefined, params: SqlParams): string[] {
  const out: string[] = [];
  if (!query) return out;
  const speaker = given(query.speaker);
  if (speaker) out.push(participantMatch({ code: 'q.speaker_code', country: 'q.speaker_country', name: 'q.speaker_name_lc' }, speaker, params));
  if (query.article !== undefined) out.push(`q.article_key = ${params.add(query.article)}`);
  if (query.direct !== undefined) out.push(`q.direct = ${params.add(query.direct ? 1 : 0)}`);
  return out;
}

/** Conditions over `articles a`: publication day bounds and publisher (ignoring case). */
export function articleConditions(query: ArticleQuery | undefined, params: SqlParams): string[] {
  const out: string[] = [];
  if (!query) return out;
  const since = given(query.since);
  if (since) out.push(`a.published_day >= ${params.add(bound('since', since).lo)}`);
  const until = given(query.until);
  if (until) out.push(`a.published_day <= ${params.add(bound('until', until).hi)}`);
  const publisher = given(query.publisher);
  if (publisher) out.push(`a.publisher_lc = ${params.add(fold(publisher))}`);
  return out;
}

/** "WHERE c1 AND c2 …", or "" when there are none. */
export function where(conditions: readonly string[]): string {
  return conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
}
