import { describe, expect, it } from 'vitest';
import { fitLogistic, fitMixedLogistic } from '../training/common/logistic.js';

/** A small seeded problem: a bias, two dense features and three 0/1 words. */
function problem(): { dense: Float64Array[]; words: Int32Array[]; ys: number[] } {
  let seed = 7;
  const next = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const dense: Float64Array[] = [];
  const words: Int32Array[] = [];
  const ys: number[] = [];
  for (let k = 0; k < 300; k++) {
    const a = next() * 2 - 1;
    const b = next();
    const on = [0, 1, 2].filter(() => next() < 0.3);
    const z = 1.5 * a - b + (on.includes(0) ? 2 : 0) - (on.includes(2) ? 1 : 0);
    dense.push(Float64Array.of(1, a, b));
    words.push(Int32Array.from(on));
    ys.push(next() < 1 / (1 + Math.exp(-z)) ? 1 : 0);
  }
  return { dense, words, ys };
}

describe('fitMixedLogistic (training/common/logistic.ts)', () => {
  it('fits what the dense Newton fit finds when the words are written out as dense columns', () => {
    const { dense, words, ys } = problem();
    const wide = dense.map((x, k) => Float64Array.from([...x, ...[0, 1, 2].map((j) => (words[k]!.includes(j) ? 1 : 0))]));
    const exact = fitLogistic(wide, ys, 2);
    const mixed = fitMixedLogistic({ dense, words, vocabulary: 3 }, ys, 2, 2);
    expect(mixed.length).toBe(6);
    for (let i = 0; i < 6; i++) expect(mixed[i]).toBeCloseTo(exact[i]!, 5);
    expect(mixed[3]).toBeGreaterThan(1);
  });

  it('shrinks the words alone when their strength is raised', () => {
    const { dense, words, ys } = problem();
    const loose = fitMixedLogistic({ dense, words, vocabulary: 3 }, ys, 2, 0.1);
    const tight = fitMixedLogistic({ dense, words, vocabulary: 3 }, ys, 2, 100);
    expect(Math.abs(tight[3]!)).toBeLessThan(Math.abs(loose[3]!) / 3);
    expect(Math.abs(tight[1]!)).toBeGreaterThan(0.5);
  });
});
