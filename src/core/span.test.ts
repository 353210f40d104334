import { describe, expect, it } from 'vitest';
import { firstSpanStartingAt, sentenceTokenRanges } from './span.js';

const span = (start: number, end: number) => ({ start, end });

describe('firstSpanStartingAt', () => {
  const spans = [span(0, 4), span(2, 9), span(5, 6), span(10, 12)];

  it('finds the first span starting at or after an offset, overlapping spans included', () => {
    expect(firstSpanStartingAt(spans, 0)).toBe(0);
    expect(firstSpanStartingAt(spans, 1)).toBe(1);
    expect(firstSpanStartingAt(spans, 5)).toBe(2);
    // Inside a span, not at its start: the next one.
    expect(firstSpanStartingAt(spans, 11)).toBe(4);
    expect(firstSpanStartingAt([], 3)).toBe(0);
  });
});

describe('sentenceTokenRanges', () => {
  it('gives each sentence its tokens, and an empty range to one without', () => {
    const sentences = [span(0, 10), span(11, 12), span(13, 20)];
    const tokens = [span(0, 3), span(4, 9), span(9, 10), span(14, 16), span(17, 20)];
    expect(sentenceTokenRanges(sentences, tokens)).toEqual([[0, 3], [3, 3], [3, 5]]);
  });
});
