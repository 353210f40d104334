import { describe, expect, it } from 'vitest';
import { bisect } from './bisect.js';

describe('bisect', () => {
  it('finds the first index where a sorted list reaches a value, or the length', () => {
    const xs = [1, 3, 3, 3, 7, 9];
    const at = (v: number): number => bisect(xs.length, (i) => xs[i]! >= v);
    expect([0, 1, 2, 3, 4, 7, 8, 9, 10].map(at)).toEqual([0, 0, 1, 1, 4, 4, 5, 5, 6]);
    expect(bisect(0, () => true)).toBe(0);
  });
});
