import { describe, expect, it } from 'vitest';
import { addPass2, addRow, sparseRows } from './sparse-rows.js';

const T = 17;

/** Rows of two passes with 0 … 34 non-zeros, so both the inline and the wide layout are used. */
function denseRows(n: number): Int16Array {
  const rows = new Int16Array(n * 2 * T);
  let seed = 7;
  const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  for (let r = 0; r < n; r++) {
    const nz = r % (2 * T + 1);
    for (let k = 0; k < nz; k++) rows[r * 2 * T + (next() % (2 * T))] = (next() % 65535) - 32767;
  }
  return rows;
}

describe('sparse rows', () => {
  it('add exactly the dense weights, both passes and pass 2 alone', () => {
    const dense = denseRows(200);
    const sparse = sparseRows(dense, 2, T);
    for (let r = 0; r < 200; r++) {
      const acc = new Int32Array(2 * T).fill(5);
      addRow(sparse, r, acc, 2 * T, T);
      expect([...acc]).toEqual([...dense.subarray(r * 2 * T, (r + 1) * 2 * T)].map((v) => v + 5));
      const out = new Float64Array(3 * T);
      addPass2(sparse, r, out, T, T);
      expect([...out.subarray(T, 2 * T)]).toEqual([...dense.subarray(r * 2 * T + T, (r + 1) * 2 * T)]);
      expect(out[0]).toBe(0);
      expect(out[2 * T]).toBe(0);
    }
  });

  it('packs one pass alone', () => {
    const dense = denseRows(40).subarray(0, 40 * T);
    const sparse = sparseRows(dense, 1, T);
    for (let r = 0; r < 40; r++) {
      const acc = new Int32Array(T);
      addRow(sparse, r, acc, T, T);
      expect([...acc]).toEqual([...dense.subarray(r * T, (r + 1) * T)]);
    }
  });
});
