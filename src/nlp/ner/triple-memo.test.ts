import { describe, expect, it } from 'vitest';
import { TripleMemo } from './triple-memo.js';

describe('TripleMemo', () => {
  it('numbers triples in order and finds them again, order of the three mattering', () => {
    const m = new TripleMemo(8);
    expect(m.find(1, 2, 3)).toBe(-1);
    expect(m.add(1, 2, 3)).toBe(0);
    expect(m.add(3, 2, 1)).toBe(1);
    expect(m.add(0, 0, 0)).toBe(2);
    expect([m.find(1, 2, 3), m.find(3, 2, 1), m.find(0, 0, 0), m.find(2, 1, 3)]).toEqual([0, 1, 2, -1]);
    expect(m.size).toBe(3);
  });

  it('holds its capacity of colliding and distinct triples, refuses more, and starts again when cleared', () => {
    const m = new TripleMemo(300);
    for (let k = 0; k < 300; k++) expect(m.add(k % 7, k, 1000 - k)).toBe(k);
    for (let k = 0; k < 300; k++) expect(m.find(k % 7, k, 1000 - k)).toBe(k);
    expect(() => m.add(5, 5, 5)).toThrow(/full at 300/);
    m.clear();
    expect(m.size).toBe(0);
    expect(m.find(0, 0, 1000)).toBe(-1);
    expect(m.add(9, 9, 9)).toBe(0);
  });
});
