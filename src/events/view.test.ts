import { describe, expect, it } from 'vitest';
import { rng } from '../core/rng.js';
import { firstSentenceAt, previousSentenceStart } from './view.js';

/** The scan the bisection replaced. */
function scanned(ranges: ReadonlyArray<readonly [number, number]>, tok: number): number {
  let si = 0;
  while (si + 1 < ranges.length && ranges[si + 1]![0] <= tok) si++;
  return ranges[Math.max(0, si - 1)]![0];
}

describe('previousSentenceStart', () => {
  it('finds the sentence before the token\'s, or its own when it is the first', () => {
    const ranges: [number, number][] = [[0, 5], [5, 9], [9, 14]];
    expect(previousSentenceStart(ranges, 0)).toBe(0);
    expect(previousSentenceStart(ranges, 4)).toBe(0);
    expect(previousSentenceStart(ranges, 5)).toBe(0);
    expect(previousSentenceStart(ranges, 9)).toBe(5);
    expect(previousSentenceStart(ranges, 13)).toBe(5);
  });

  it('answers as the scan did, empty sentences and tokens past the end included', () => {
    const rand = rng(11);
    for (let trial = 0; trial < 300; trial++) {
      const ranges: [number, number][] = [];
      let at = Math.floor(rand() * 3);
      const n = 1 + Math.floor(rand() * 40);
      for (let s = 0; s < n; s++) {
        const len = rand() < 0.2 ? 0 : 1 + Math.floor(rand() * 6);
        ranges.push([at, at + len]);
        at += len;
      }
      for (let tok = 0; tok <= at + 2; tok++) expect(previousSentenceStart(ranges, tok)).toBe(scanned(ranges, tok));
    }
  });
});

describe('firstSentenceAt', () => {
  it('finds the first sentence starting at a token, empty ones included, or -1', () => {
    const ranges: [number, number][] = [[0, 5], [5, 5], [5, 9], [9, 14]];
    expect(firstSentenceAt(ranges, 0)).toBe(0);
    expect(firstSentenceAt(ranges, 5)).toBe(1);
    expect(firstSentenceAt(ranges, 9)).toBe(3);
    expect(firstSentenceAt(ranges, 7)).toBe(-1);
    expect(firstSentenceAt(ranges, 14)).toBe(-1);
  });
});
