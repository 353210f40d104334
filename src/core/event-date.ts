/**
 * The event's date: the nearest datable time expression in the trigger's clause,
 * else in its sentence, else the publication day (inferred). It lives in the ground
 * layer because two stages need it — the time stage states the rule, the events
 * stage applies it — and stages never import each other.
 */
import type { TimeExpr, TimeGrain } from './record.js';
import type { Span } from './span.js';
import { firstSpanStartingAt } from './span.js';
import { inTextOrder, SHORT_LIST } from './span-order.js';

export interface EventDate {
  value: string;
  grain: TimeGrain;
  inferred: boolean;
}

function datable(t: TimeExpr): t is TimeExpr & { value: string } {
  return t.value !== null && t.grain !== 'duration' && t.grain !== 'vague';
}

function distance(t: Span, to: Span): number {
  if (t.end <= to.start) return to.start - t.end;
  if (t.start >= to.end) return t.start - to.end;
  return 0;
}

function nearest(times: readonly TimeExpr[], within: Span, trigger: Span | undefined, ok: (t: Span) => boolean): (TimeExpr & { value: string }) | null {
  let best: (TimeExpr & { value: string }) | null = null;
  // Times in text order (the time stage's are) are found by bisection, which keeps an
  // article with thousands of events and times linear; any other list is scanned.
  const ordered = times.length > SHORT_LIST && inTextOrder(times);
  for (let i = ordered ? firstSpanStartingAt(times, within.start) : 0; i < times.length; i++) {
    const t = times[i]!;
    // In a list in text order nothing after this can lie inside `within`.
    if (ordered && t.start > within.end) break;
    if (!datable(t) || t.start < within.start || t.end > within.end || !ok(t)) continue;
    // Without a trigger the first expression of the span governs.
    if (!best || (trigger && distance(t, trigger) < distance(best, trigger))) best = t;
  }
  return best;
}

/**
 * `sameVoice` keeps a time on the same side of a quotation as the trigger: "From Monday
 * they will move," Mirzoyan told reporters after the meeting — Monday is not the meeting's.
 * `pastAct` says the trigger's verb tells of the past: a time after publication is then
 * another verb's ("officials meet tomorrow to cut short the tariffs Reagan has ordered
 * imposed" — tomorrow is the meeting's, not the tariffs'), even where the parse put both
 * in one clause, or was resolved forward by mistake; the act keeps the publication day.
 */
export function eventDate(
  times: readonly TimeExpr[], clause: Span, sentence: Span, published: string | null, trigger?: Span,
  sameVoice: (t: Span) => boolean = () => true, pastAct = false,
): EventDate | null {
  const day = published ? /^\d{4}-\d{2}-\d{2}/.exec(published) : null;
  const found = nearest(times, clause, trigger, sameVoice) ?? nearest(times, sentence, trigger, sameVoice);
  // Another time of the sentence is no better: "On Tuesday, Bondi sued Morgan Stanley over a
  // 2003 bond deal" with Tuesday resolved forward is not an act of 2003.
  const later = found !== null && pastAct && day !== null && found.value.slice(0, 10) > day[0];
  if (found && !later) return { value: found.value, grain: found.grain, inferred: false };
  return day ? { value: day[0], grain: 'day', inferred: true } : null;
}

/** Days from the event date's start to publication (positive: the event is earlier). */
export function daysBefore(value: string, published: string | null): number | null {
  if (!published) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value);
  const p = /^(\d{4})-(\d{2})-(\d{2})/.exec(published);
  if (!m || !p) return null;
  // Compare against the end of a month or year, so "in 2019" is only historical if all of 2019 is.
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : 12;
  const d = m[3] ? Number(m[3]) : new Date(Date.UTC(y, mo, 0)).getUTCDate();
  const ev = Date.UTC(y, mo - 1, d);
  const pub = Date.UTC(Number(p[1]), Number(p[2]) - 1, Number(p[3]));
  return Math.round((pub - ev) / 86_400_000);
}
