import { describe, expect, it } from 'vitest';
import { isRegexSpace, wordBefore } from './scan.js';

/** The reading wordBefore replaced: every word of the 80 characters before, by regex. */
function byRegex(text: string, offset: number, skip = 0): string {
  const words = text.slice(Math.max(0, offset - 80), offset).match(/[A-Za-z'’-]+|[^\sA-Za-z]/g) ?? [];
  return (words[words.length - 1 - skip] ?? '').toLowerCase();
}

describe('wordBefore', () => {
  it('reads the last word or character before an offset', () => {
    expect(wordBefore('It was in  May', 11)).toBe('in');
    expect(wordBefore('It was in  May', 11, 1)).toBe('was');
    expect(wordBefore('(2019', 1)).toBe('(');
    expect(wordBefore("rock'n’roll-era 7", 16)).toBe("rock'n’roll-era");
    expect(wordBefore('  ', 2)).toBe('');
    expect(wordBefore('one two', 7, 5)).toBe('');
  });

  it('reads what the regex over the 80 characters before reads, at every offset and skip', () => {
    const text = `Élan: the \u00a0 day-to-day,  in\u2028“1990”, X's O’Neil—${'long'.repeat(30)} -- £5 a\tb\n\nc 𝔸 d  `;
    const wrong: unknown[] = [];
    for (let o = 0; o <= text.length + 2; o++) {
      for (let skip = 0; skip < 3; skip++) {
        if (wordBefore(text, o, skip) !== byRegex(text, o, skip)) wrong.push([o, skip, wordBefore(text, o, skip), byRegex(text, o, skip)]);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('isRegexSpace agrees with \\s on every code unit', () => {
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isRegexSpace(c) !== /\s/.test(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
  });
});
