/**
 * The event's date: the nearest datable time expression in the trigger's clause,
 * else in its sentence, else the publication day (inferred). It lives in the ground
 * layer because two stages need it — the time stage states the rule, the events
 * stage applies it — and stages never import each other.
 */
import type { TimeExpr, TimeGrain } from './record.js';
import type { Span } from './span.js';
import { firstSpanStartingAt } from './span.js';

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

/** Per list of times, whether it is in order of start, and how long it was when checked. */
const ordered = new WeakMap<readonly TimeExpr[], { length: number; sorted: boolean }>();

/**
 * Index of the first time that may lie in a span starting at `start`: by binary search
 * when the list is in order of start (the time stage's is), which keeps an article
 * with thousands of events and times linear; else 0.
 */
function firstFrom(times: readonly TimeExpr[], start: number): number {
  let o = ordered.get(times);
  if (o === undefined || o.length !== times.length) {
    let sorted = true;
    for (let i = 1; i < times.length && sorted; i++) sorted = times[i - 1]!.start <= times[i]!.start;
    ordered.set(times, (o = { length: times.length, sorted }));
  }
  return o.sorted ? firstSpanStartingAt(times, start) : 0;
}

function nearest(times: readonly TimeExpr[], within: Span, trigger: Span | undefined, ok: (t: Span) => boolean): (TimeExpr & { value: string }) | null {
  let best: (TimeExpr & { value: string }) | null = null;
  const from = firstFrom(times, within.start);
  const sorted = ordered.get(times)!.sorted;
  for (let i = from; i < times.length; i++) {
    const t = times[i]!;
    // In a sorted list nothing after this can lie inside `within`.
    if (sorted && t.start > within.end) break;
    if (!datable(t) || t.start < within.start || t.end > within.end || !ok(t)) continue;
    // Without a trigger the first expression of the span governs.
    if (!best || (trigger && distance(t, trigger) < distance(best, trigger))) best = t;
  }
  return best;
}

/**
 * `sameVoice` keeps a time on the same side of a quotation as the trigger: "From Monday
 * they will move," Mirzoyan told reporters after the meeting — Monday is not the meeting's.
 */
export function eventDate(
  times: readonly TimeExpr[], clause: Span, sentence: Span, published: string | null, trigger?: Span,
  sameVoice: (t: Span) => boolean = () => true,
): EventDate | null {
  const found = nearest(times, clause, trigger, sameVoice) ?? nearest(times, sentence, trigger, sameVoice);
  if (found) return { value: found.value, grain: found.grain, inferred: false };
  const day = published ? /^\d{4}-\d{2}-\d{2}/.exec(published) : null;
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
