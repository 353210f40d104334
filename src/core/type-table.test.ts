import { describe, expect, it } from 'vitest';
import { TypeTable } from './type-table.js';

describe('TypeTable', () => {
  it('finds what was added, by content, through growth and clearing', () => {
    const t = new TypeTable<number>();
    const text = Array.from({ length: 5000 }, (_, i) => `w${i}’s`).join(' ');
    const words = text.split(' ');
    words.forEach((w, i) => t.add(w, i));
    expect(t.size).toBe(5000);
    // Keys equal in content but different strings, as cut from a text.
    let at = 0;
    words.forEach((w, i) => {
      expect(t.get(text.slice(at, at + w.length))).toBe(i);
      at += w.length + 1;
    });
    expect(t.get('w5000’s')).toBeUndefined();
    expect(t.get('')).toBeUndefined();
    t.clear();
    expect(t.size).toBe(0);
    expect(t.get('w1’s')).toBeUndefined();
    t.add('w1’s', 7);
    expect(t.get('w1’s')).toBe(7);
  });
});
