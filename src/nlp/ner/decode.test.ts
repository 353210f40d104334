/**
 * The BILOU Viterbi must pick exactly the path a plain Viterbi with back-pointers
 * picks, ties included (towards the lowest predecessor), since predictions may not
 * change when only its speed does.
 */
import { describe, expect, it } from 'vitest';
import { TRANS_SIZE, viterbi } from './decode.js';
import { allowedEnd, allowedStart, allowedTransition, NUM_TAGS } from './tags.js';

const T = NUM_TAGS;

/** Textbook Viterbi over every allowed transition, first maximum kept. */
function plainViterbi(scores: Float64Array, trans: Float64Array, n: number): number[] {
  const W = T + 1;
  let prev = Array.from({ length: T }, (_, t) => (allowedStart(t) ? scores[t]! + trans[T * W + t]! : -Infinity));
  const back: number[][] = [];
  for (let i = 1; i < n; i++) {
    const cur: number[] = [];
    const bp: number[] = [];
    for (let b = 0; b < T; b++) {
      let best = -Infinity;
      let arg = 0;
      for (let a = 0; a < T; a++) {
        if (!allowedTransition(a, b)) continue;
        const s = prev[a]! + trans[a * W + b]!;
        if (s > best) {
          best = s;
          arg = a;
        }
      }
      cur.push(best + scores[i * T + b]!);
      bp.push(arg);
    }
    back.push(bp);
    prev = cur;
  }
  let best = -Infinity;
  let arg = 0;
  for (let a = 0; a < T; a++) {
    const s = prev[a]! + (allowedEnd(a) ? trans[a * W + T]! : -Infinity);
    if (s > best) {
      best = s;
      arg = a;
    }
  }
  const path = [arg];
  for (let i = n - 1; i > 0; i--) path.unshift(back[i - 1]![path[0]!]!);
  return path;
}

/** Deterministic pseudo-random integers in [-range, range] (small ranges make many ties). */
function ints(seed: number, count: number, range: number): Float64Array {
  let x = seed;
  return Float64Array.from({ length: count }, () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return (x % (2 * range + 1)) - range;
  });
}

describe('BILOU Viterbi', () => {
  it('matches a plain Viterbi, ties and all', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const n = 1 + (seed % 23);
      const range = seed % 3 === 0 ? 1 : seed % 3 === 1 ? 3 : 1000;
      const scores = ints(seed, n * T, range);
      const trans = ints(seed * 7919, TRANS_SIZE, range);
      expect([...viterbi(scores, trans, n)], `seed ${seed}`).toEqual(plainViterbi(scores, trans, n));
    }
  });

  it('decodes well-formed spans when every score ties', () => {
    const path = [...viterbi(new Float64Array(5 * T), new Float64Array(TRANS_SIZE), 5)];
    expect(path).toEqual(plainViterbi(new Float64Array(5 * T), new Float64Array(TRANS_SIZE), 5));
    expect(path).toEqual([0, 0, 0, 0, 0]);
  });
});
