import { describe, expect, it } from 'vitest';
import { trimmed } from './stage.js';
import type { TokenSpan } from './tags.js';

/**
 * Words of a sentence and their offsets, as if written with single spaces; a "|" joins
 * two words with no space between ("Kerrang|!" is "Kerrang!", two words).
 */
function sentence(text: string): { words: string[]; starts: Int32Array; ends: Int32Array } {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  for (const chunk of text.split(' ')) {
    for (const w of chunk.split('|')) {
      words.push(w);
      starts.push(at);
      ends.push((at += w.length));
    }
    at++;
  }
  return { words, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

function trim(text: string, start: number, end: number): string | null {
  const { words, starts, ends } = sentence(text);
  const span: TokenSpan = { start, end, type: 'ORG' };
  const t = trimmed(words, span, starts, ends);
  return t ? words.slice(t.start, t.end).join(' ') : null;
}

describe('NER span edges', () => {
  it('drops punctuation, brackets, quotes and "&" at either edge', () => {
    expect(trim('sold to , Oil & Natural Gas Corp today', 2, 8)).toBe('Oil & Natural Gas Corp');
    expect(trim('( with ) John Smith', 2, 5)).toBe('John Smith');
    expect(trim('Rivaldo ( Barcelona )', 0, 2)).toBe('Rivaldo');
    expect(trim('Information Builders|\' chief', 0, 3)).toBe('Information Builders');
    expect(trim('" Radio Free Europe', 0, 4)).toBe('Radio Free Europe');
    expect(trim('Saatchi|> said', 0, 2)).toBe('Saatchi');
  });

  it('drops a possessive that starts a span, and keeps one that ends it', () => {
    expect(trim('Diana|\'s Ball', 1, 3)).toBe('Ball');
    expect(trim('McDonald|\'s Corp', 0, 2)).toBe('McDonald \'s');
  });

  it('keeps "!", "?" and "+" written against a name', () => {
    expect(trim('Kerrang|! magazine', 0, 2)).toBe('Kerrang !');
    expect(trim('Sky|+ box', 0, 2)).toBe('Sky +');
    expect(trim('won Kerrang !', 1, 3)).toBe('Kerrang');
  });

  it('leaves a clean span as it is and drops one of punctuation alone', () => {
    const { words, starts, ends } = sentence('the Red Cross said');
    const span: TokenSpan = { start: 1, end: 3, type: 'ORG' };
    expect(trimmed(words, span, starts, ends)).toBe(span);
    expect(trim('a , ( b', 1, 3)).toBeNull();
  });
});
