/**
 * Spans are views into `Doc.text`: half-open [start, end) ranges in UTF-16 code
 * units, so `text.slice(start, end)` is the span (record.md). No stage copies text.
 */
import { bisect } from './bisect.js';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export function spanText(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

export function spanContains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

export function spansOverlap(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Shrink a span so it neither starts nor ends with whitespace. */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return { start, end };
}

/**
 * In a sorted, non-overlapping list: the index of the span that contains `offset`,
 * else of the first span that starts after it (the list's length when none does).
 */
export function spanIndexAtOrAfter(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return lo;
}

/**
 * In a list sorted by start (spans may overlap): the index of the first span starting at or
 * after `offset`, the list's length when none does.
 */
export function firstSpanStartingAt(spans: readonly Span[], offset: number): number {
  return bisect(spans.length, (i) => spans[i]!.start >= offset);
}

/**
 * Each sentence's tokens as a [first, end) range of indices into `tokens` (both lists in
 * text order); a sentence without tokens gets an empty range.
 */
export function sentenceTokenRanges(sentences: readonly Span[], tokens: readonly Span[]): [number, number][] {
  const out: [number, number][] = [];
  let t = 0;
  for (const s of sentences) {
    while (t < tokens.length && tokens[t]!.start < s.start) t++;
    const first = t;
    while (t < tokens.length && tokens[t]!.start < s.end) t++;
    out.push([first, t]);
  }
  return out;
}

/** Index of the span in a sorted, non-overlapping list that contains `offset`, or -1. */
export function findSpanAt(spans: readonly Span[], offset: number): number {
  const i = spanIndexAtOrAfter(spans, offset);
  const s = spans[i];
  return s !== undefined && s.start <= offset && offset < s.end ? i : -1;
}
