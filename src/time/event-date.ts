/**
 * The date of an event: the time expression that governs its clause, else its
 * sentence, else the publication day (inferred). Only expressions that name a
 * point or period on the calendar qualify; durations and vague words do not.
 */
import type { TimeExpr, TimeGrain } from '../core/record.js';
import { spanContains } from '../core/span.js';
import type { Span } from '../core/span.js';
import { parseIsoDay, formatDate } from './calendar.js';

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

function nearest(times: readonly (TimeExpr & { value: string })[], within: Span, trigger: Span | undefined): (TimeExpr & { value: string }) | null {
  const inside = times.filter((t) => spanContains(within, t));
  if (inside.length === 0) return null;
  if (!trigger) return inside[0]!;
  return inside.reduce((best, t) => (distance(t, trigger) < distance(best, trigger) ? t : best));
}

export function eventDate(
  times: readonly TimeExpr[],
  clause: Span,
  sentence: Span,
  published: string | null,
  trigger?: Span,
): EventDate | null {
  const usable = times.filter(datable);
  const found = nearest(usable, clause, trigger) ?? nearest(usable, sentence, trigger);
  if (found) return { value: found.value, grain: found.grain, inferred: false };
  const pub = parseIsoDay(published);
  return pub ? { value: formatDate(pub), grain: 'day', inferred: true } : null;
}
