/**
 * Lookups in lists of spans that stages usually make in text order: each span starts
 * and ends no earlier than the one before, so none lies inside an earlier one. Such a
 * list is searched by bisection; any other list is scanned. The answer is the scan's
 * either way, so a caller need not know which it has. Per-item scans of whole-article
 * lists made long documents quadratic.
 */
import { bisect } from './bisect.js';
import type { Span } from './span.js';

/** Lists this short are scanned: bisection and the order check cost more than they save. */
export const SHORT_LIST = 32;

/** Per list: whether it was in text order, and its length when checked (a grown list is checked again). */
const checked = new WeakMap<readonly Span[], { length: number; ordered: boolean }>();

export function inTextOrder(spans: readonly Span[]): boolean {
  const c = checked.get(spans);
  if (c !== undefined && c.length === spans.length) return c.ordered;
  let ordered = true;
  for (let i = 1; i < spans.length && ordered; i++) {
    ordered = spans[i - 1]!.start <= spans[i]!.start && spans[i - 1]!.end <= spans[i]!.end;
  }
  checked.set(spans, { length: spans.length, ordered });
  return ordered;
}

/** In a list in text order: the index of the first span ending after `offset`. */
function firstEndingAfter(spans: readonly Span[], offset: number): number {
  return bisect(spans.length, (i) => spans[i]!.end > offset);
}

/** The first span in list order that contains `offset` (start ≤ offset < end), or null. */
export function firstContaining<T extends Span>(spans: readonly T[], offset: number): T | null {
  if (spans.length <= SHORT_LIST || !inTextOrder(spans)) {
    for (const s of spans) if (s.start <= offset && offset < s.end) return s;
    return null;
  }
  // Spans before i end at or before offset; from i on they start no earlier than spans[i].
  const s = spans[firstEndingAfter(spans, offset)];
  return s !== undefined && s.start <= offset ? s : null;
}

/** The spans that overlap `range` (start < range.end and range.start < end), in list order. */
export function overlapping<T extends Span>(spans: readonly T[], range: Span): T[] {
  if (spans.length <= SHORT_LIST || !inTextOrder(spans)) return spans.filter((s) => s.start < range.end && range.start < s.end);
  const out: T[] = [];
  for (let i = firstEndingAfter(spans, range.start); i < spans.length && spans[i]!.start < range.end; i++) out.push(spans[i]!);
  return out;
}
