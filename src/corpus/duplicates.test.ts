import { describe, expect, it } from 'vitest';
import { rng } from '../core/rng.js';
import { popcount32 } from './simhash.js';
import { findDuplicates, instant, MAX_PARTNERS } from './duplicates.js';
import type { Fingerprint } from './duplicates.js';

/** A fingerprint `bits` bits away from `base` (flipping the lowest bits of the low half, then the high half). */
function flip(base: string, bits: number[]): string {
  let hi = BigInt('0x' + base);
  for (const b of bits) hi ^= 1n << BigInt(b);
  return hi.toString(16).padStart(16, '0');
}

const A = '3c9a5f0e7b1d2468';
const FAR = flip(A, Array.from({ length: 32 }, (_, i) => i * 2));

function fp(key: string, simhash: string, published: string | null = '2023-03-14', ingestedAt = '2024-01-01T00:00:00Z'): Fingerprint {
  return { key, simhash, publisher: null, published, ingestedAt };
}

describe('findDuplicates', () => {
  it('links copies within the distance to the earliest-published article', () => {
    const fps = [fp('b', flip(A, [1, 9, 17]), '2023-03-15'), fp('a', A, '2023-03-14T08:00'), fp('c', flip(A, [40, 50]), '2023-03-16'), fp('z', FAR)];
    const d = findDuplicates(fps, 6);
    expect([...d]).toEqual([['b', 'a'], ['c', 'a']]);
  });

  it('does not depend on the input order', () => {
    const fps = [fp('k1', A, null), fp('k2', flip(A, [3]), '2023-03-14T10:00+02:00'), fp('k3', flip(A, [5, 60]), '2023-03-14T09:00Z'), fp('k4', FAR), fp('k5', flip(FAR, [7]))];
    const expected = [...findDuplicates(fps, 4)];
    expect(expected).toEqual([['k1', 'k2'], ['k3', 'k2'], ['k5', 'k4']]);
    for (let r = 0; r < 5; r++) {
      const shuffled = [...fps].sort(() => Math.random() - 0.5);
      expect([...findDuplicates(shuffled, 4)]).toEqual(expected);
    }
  });

  it('breaks ties by ingestion time, then key; undated articles are never earlier', () => {
    const fps = [fp('m', A, null, '2024-01-01T00:00:00Z'), fp('q', flip(A, [2]), '2023-01-01', '2024-01-03T00:00:00Z'), fp('p', flip(A, [4]), '2023-01-01', '2024-01-02T00:00:00Z')];
    expect(findDuplicates(fps, 3).get('q')).toBe('p');
    expect(findDuplicates(fps, 3).get('m')).toBe('p');
    const tie = [fp('y', A), fp('x', flip(A, [1]))];
    expect([...findDuplicates(tie, 3)]).toEqual([['y', 'x']]);
  });

  it('keeps groups star-shaped: a copy of a copy too far from the original stays apart', () => {
    const b = flip(A, [0, 1, 2, 3, 4, 5]);
    const c = flip(b, [10, 11, 12, 13, 14, 15]);
    const d = findDuplicates([fp('a', A, '2023-01-01'), fp('b', b, '2023-01-02'), fp('c', c, '2023-01-03')], 6);
    expect(d.get('b')).toBe('a');
    expect(d.has('c')).toBe(false);
  });

  it('respects maxDistance exactly', () => {
    const fps = [fp('a', A, '2023-01-01'), fp('b', flip(A, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]), '2023-01-02')];
    expect(findDuplicates(fps, 12).get('b')).toBe('a');
    expect(findDuplicates(fps, 11).size).toBe(0);
    expect(findDuplicates([fp('a', A), fp('b', A)], 0).get('b')).toBe('a');
  });

  it('groups a story syndicated to more outlets than a fingerprint keeps pairs', () => {
    const r = rng(5);
    const copies = Array.from({ length: 3 * MAX_PARTNERS }, (_, i) =>
      fp(`copy${i}`, flip(A, Array.from({ length: 5 }, () => Math.floor(r() * 64))), `2023-03-${String(15 + (i % 10)).padStart(2, '0')}`));
    const d = findDuplicates([fp('orig', A, '2023-03-14'), ...copies, fp('other', FAR)], 12);
    expect(d.size).toBe(copies.length);
    expect(new Set(d.values())).toEqual(new Set(['orig']));
  });

  it('stays linear on thousands of fingerprints all within the distance, and keeps groups star-shaped', () => {
    // Templated texts: 20,000 fingerprints that differ only in their 15 lowest bits.
    // Every pair is within 12 bits (almost): 200 million pairs, which used to overflow.
    const fps = Array.from({ length: 20_000 }, (_, i) => fp(`t${i}`, flip(A, Array.from({ length: 15 }, (_, b) => b).filter((b) => (i >> b) & 1)), null, `2024-01-01T00:00:${String(i % 60).padStart(2, '0')}Z`));
    const d = findDuplicates(fps, 12);
    expect(d.size).toBeGreaterThan(19_000);
    const hashOf = new Map(fps.map((f) => [f.key, f.simhash]));
    const bits = (x: string, y: string): number => popcount32(parseInt(x.slice(0, 8), 16) ^ parseInt(y.slice(0, 8), 16)) + popcount32(parseInt(x.slice(8), 16) ^ parseInt(y.slice(8), 16));
    for (const [copy, orig] of d) expect(bits(hashOf.get(copy)!, hashOf.get(orig)!)).toBeLessThanOrEqual(12);
  });

  it('ignores texts without words and names a malformed fingerprint', () => {
    expect(findDuplicates([fp('a', '0000000000000000'), fp('b', '0000000000000000')]).size).toBe(0);
    expect(() => findDuplicates([fp('bad', 'nothex')])).toThrow(/article bad has simhash "nothex"/);
    expect(() => findDuplicates([], 64)).toThrow(/maxDistance/);
  });
});

describe('instant', () => {
  it('reads datetimes without an offset as UTC', () => {
    expect(instant('2023-03-14T18:40')).toBe(Date.UTC(2023, 2, 14, 18, 40));
    expect(instant('2023-03-14T18:40+02:00')).toBe(Date.UTC(2023, 2, 14, 16, 40));
    expect(instant(null)).toBeNaN();
  });
});
