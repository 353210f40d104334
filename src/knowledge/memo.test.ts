import { describe, expect, it } from 'vitest';
import { memoize } from './memo.js';

describe('memoize', () => {
  it('asks once per key, undefined answers included', () => {
    let calls = 0;
    const f = memoize((k: string) => {
      calls++;
      return k.startsWith('x') ? k.length : undefined;
    });
    expect([f('xa'), f('xa'), f('b'), f('b')]).toEqual([2, 2, undefined, undefined]);
    expect(calls).toBe(2);
  });

  it('empties itself when full and still answers', () => {
    let calls = 0;
    const f = memoize((k: string) => {
      calls++;
      return k.toUpperCase();
    }, 2);
    expect([f('a'), f('b'), f('c'), f('a')]).toEqual(['A', 'B', 'C', 'A']);
    expect(calls).toBe(4);
  });
});
