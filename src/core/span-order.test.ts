import { describe, expect, it } from 'vitest';
import { rng } from './rng.js';
import type { Span } from './span.js';
import { firstContaining, inTextOrder, overlapping } from './span-order.js';

function randomSpans(r: () => number, inOrder: boolean): Span[] {
  const spans: Span[] = [];
  let at = 0;
  for (let i = 0; i < 60; i++) {
    at += Math.floor(r() * 8);
    const end = at + Math.floor(r() * 10);
    // In text order a span may overlap the one before, but not end before it.
    spans.push({ start: at, end: inOrder ? Math.max(end, spans.at(-1)?.end ?? 0) : end });
  }
  if (!inOrder) spans.sort(() => r() - 0.5);
  return spans;
}

describe('span-order', () => {
  it('answers as a scan does, for lists in text order and not', () => {
    const r = rng(3);
    let ordered = 0;
    for (let round = 0; round < 200; round++) {
      const spans = randomSpans(r, round % 2 === 0);
      if (inTextOrder(spans)) ordered++;
      for (let q = 0; q < 30; q++) {
        const start = Math.floor(r() * 300);
        const range = { start, end: start + Math.floor(r() * 20) };
        expect(overlapping(spans, range)).toEqual(spans.filter((s) => s.start < range.end && range.start < s.end));
        expect(firstContaining(spans, start)).toBe(spans.find((s) => s.start <= start && start < s.end) ?? null);
      }
    }
    // Both paths were taken.
    expect(ordered).toBeGreaterThanOrEqual(100);
    expect(ordered).toBeLessThan(200);
  });

  it('checks a list again when it has grown', () => {
    const spans: Span[] = [{ start: 0, end: 5 }, { start: 10, end: 20 }];
    expect(inTextOrder(spans)).toBe(true);
    spans.push({ start: 12, end: 14 });
    expect(inTextOrder(spans)).toBe(false);
    expect(firstContaining(spans, 13)).toBe(spans[1]);
  });
});
