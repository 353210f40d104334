import { describe, expect, it } from 'vitest';
import type { NerSpan } from '../core/doc.js';
import { cutCapitalisedCommonWords } from './capitalised-after-country.js';

// A case profile as models/clusters.tsv.gz gives it: 0 for words news writes in lower case.
const PROFILE: Record<string, number> = { leaders: 0, action: 0, imposed: 0, steel: 1, government: 1, open: 0 };
const caseOf = (w: string): number | undefined => PROFILE[w];

function spansOf(text: string, surfaces: string[]): NerSpan[] {
  return surfaces.map((s) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, label: 'ORG' }));
}

describe('a common word capitalised after "U.S."', () => {
  it('is cut from the name in a story that does it with two different words', () => {
    const text = 'U.S. Leaders said the U.S. Action was right.';
    const out = cutCapitalisedCommonWords(text, spansOf(text, ['U.S. Leaders', 'U.S. Action']), caseOf);
    expect(out.map((s) => [text.slice(s.start, s.end), s.label])).toEqual([['U.S.', 'LOC'], ['U.S.', 'LOC']]);
  });

  it('leaves a name alone in a story with one such pair, a state body, or without a case profile', () => {
    const steel = 'U.S. Steel said output rose.';
    expect(cutCapitalisedCommonWords(steel, spansOf(steel, ['U.S. Steel']), caseOf).map((s) => steel.slice(s.start, s.end))).toEqual(['U.S. Steel']);
    const body = 'U.S. Leaders said the U.S. Government was right.';
    expect(cutCapitalisedCommonWords(body, spansOf(body, ['U.S. Government']), caseOf).map((s) => body.slice(s.start, s.end))).toEqual(['U.S. Government']);
    const text = 'U.S. Leaders said the U.S. Action was right.';
    expect(cutCapitalisedCommonWords(text, spansOf(text, ['U.S. Leaders']), null).map((s) => text.slice(s.start, s.end))).toEqual(['U.S. Leaders']);
  });
});
