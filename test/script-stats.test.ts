import { describe, expect, it } from 'vitest';
import { median, medianOf, percentile } from '../training/common/stats.js';

describe('stats', () => {
  it('median: the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('medianOf: the item with the median key, the upper middle for an even count', () => {
    const runs = [{ speed: 50, rss: 300 }, { speed: 40, rss: 310 }, { speed: 60, rss: 290 }];
    expect(medianOf(runs, (r) => r.speed)).toEqual({ speed: 50, rss: 300 });
    expect(medianOf([1, 4, 2, 3], (x) => x)).toBe(3);
    expect(() => medianOf([], (x: number) => x)).toThrow(/no values/);
  });

  it('percentile: nearest rank', () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 95)).toBe(95);
    expect(percentile(xs, 100)).toBe(100);
    expect(percentile(xs, 0)).toBe(1);
    expect(percentile([], 50)).toBeNaN();
  });
});
