import { describe, expect, it } from 'vitest';
import { ownString } from './own-string.js';

describe('ownString', () => {
  it('gives an equal string, long or short', () => {
    const text = 'The internationalisation of Nagorno-Karabakh’s conflict. ' + 'x'.repeat(5000);
    for (const [s, e] of [[4, 21], [0, 3], [28, 45], [0, text.length]] as const) {
      const word = text.slice(s, e);
      expect(ownString(word)).toBe(word);
      expect(ownString(word).length).toBe(e - s);
    }
    expect(ownString('')).toBe('');
  });
});
