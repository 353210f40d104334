import { describe, expect, it } from 'vitest';
import { StringIndex } from './string-index.js';

describe('StringIndex', () => {
  it('finds slices of its source by value, each key once', () => {
    const src = 'new york|york|new|são paulo|new york|';
    const ix = new StringIndex(src, 6);
    let at = 0;
    for (const piece of src.split('|').slice(0, -1)) {
      const e = ix.addSlice(at, at + piece.length);
      ix.orValue(e, piece.length);
      at += piece.length + 1;
    }
    expect(ix.size).toBe(4);
    expect(ix.get('new york')).toBe(8);
    expect(ix.get('são paulo')).toBe(9);
    expect(ix.get('york')).toBe(4);
    expect(ix.get('new yor')).toBeUndefined();
    expect(ix.get('')).toBeUndefined();
    ix.trim();
    expect(ix.get('new')).toBe(3);
  });

  it('agrees with a Map over many keys, colliding slots included', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `w${(i * 7919) % 1009}x${i % 13}`);
    const src = words.join(' ');
    const ix = new StringIndex(src, words.length);
    const map = new Map<string, number>();
    let at = 0;
    words.forEach((w, i) => {
      ix.orValue(ix.addSlice(at, at + w.length), 1 << (i % 5));
      map.set(w, (map.get(w) ?? 0) | (1 << (i % 5)));
      at += w.length + 1;
    });
    expect(ix.size).toBe(map.size);
    for (const [k, v] of map) expect(ix.get(k)).toBe(v);
    expect(ix.get('w1x1 ')).toBeUndefined();
  });

  it('refuses more keys than it was made for', () => {
    const ix = new StringIndex('a b', 1);
    ix.addSlice(0, 1);
    expect(ix.addSlice(0, 1)).toBe(0);
    expect(() => ix.addSlice(2, 3)).toThrow(/more than the 1 keys/);
  });
});
