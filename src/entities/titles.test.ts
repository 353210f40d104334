import { describe, expect, it } from 'vitest';
import { mayHaveRole } from '../knowledge/index.js';
import { phraseMayHaveRole, titleBefore } from './titles.js';

describe('phraseMayHaveRole', () => {
  it('answers as mayHaveRole of the joined phrase', () => {
    const phrases = [
      'Iranian foreign minister', 'the Azeri envoys', 'Minister of Foreign Affairs', 'Minister Of Defence',
      'of ministers', 'head of', 'OF the army', 'big red balloons', 'offer', 'chief', 'Turkish army general',
    ];
    for (const p of phrases) {
      const words = p.split(' ');
      for (let n = 1; n <= words.length; n++) {
        const phrase = words.slice(0, n).join(' ');
        expect([phrase, phraseMayHaveRole(words, n - 1, words[n - 1]!)]).toEqual([phrase, mayHaveRole(phrase)]);
      }
    }
  });
});

describe('titleBefore', () => {
  it('reads the title right before a name, however long the sentence before it', () => {
    const lead = 'In a long statement issued on Tuesday after many hours of talks in the capital, ';
    const text = `${lead}Iranian Foreign Minister Javad Zarif said.`;
    const name = { start: text.indexOf('Javad'), end: text.indexOf(' said') };
    const t = titleBefore(text, name, { start: 0, end: text.length });
    expect(t && text.slice(t.span.start, t.span.end)).toBe('Iranian Foreign Minister');
    expect(t?.reading.country).toBe('IRN');
  });

  it('stops at a verb when told where the verbs are, but not at a capitalised word tagged one', () => {
    const text = 'On Monday the Pakistani president met Prime Minister Tony Blair, and American Can Co chairman William Woodside spoke.';
    const blair = { start: text.indexOf('Tony'), end: text.indexOf(', and') };
    const verbs = new Set([text.indexOf('met'), text.indexOf('Can')]);
    const t = titleBefore(text, blair, { start: 0, end: text.length }, (at) => verbs.has(at));
    expect(t && text.slice(t.span.start, t.span.end)).toBe('Prime Minister');
    expect(t?.reading.country).toBeNull();
    const woodside = { start: text.indexOf('William'), end: text.indexOf(' spoke') };
    const w = titleBefore(text, woodside, { start: 0, end: text.length }, (at) => verbs.has(at));
    expect(w && text.slice(w.span.start, w.span.end)).toBe('American Can Co chairman');
  });

  it('reads a role before its portfolio when the whole title is no known role', () => {
    const text = 'Japanese vice-minister of finance for international affairs Toyoo Gyohten spoke.';
    const t = titleBefore(text, { start: text.indexOf('Toyoo'), end: text.indexOf(' spoke') }, { start: 0, end: text.length });
    expect(t && text.slice(t.span.start, t.span.end)).toBe('Japanese vice-minister of finance for international affairs');
    expect(t?.reading).toMatchObject({ country: 'JPN', sector: 'GOV' });
  });

  it('needs a space before the name and stops at a word no title holds', () => {
    const text = 'He said:Foreign Minister Javad Zarif, and then said Zarif.';
    expect(titleBefore(text, { start: 8, end: 15 }, { start: 0, end: text.length })).toBeNull();
    const at = text.lastIndexOf('Zarif');
    expect(titleBefore(text, { start: at, end: at + 5 }, { start: 0, end: text.length })).toBeNull();
  });
});
