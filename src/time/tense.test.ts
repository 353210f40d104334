import { describe, expect, it } from 'vitest';
import { clauseTense } from './tense.js';

function tenseOf(sentence: string, expr: string) {
  const start = sentence.indexOf(expr);
  return clauseTense(sentence, { start: 0, end: sentence.length }, { start, end: start + expr.length });
}

describe('clauseTense', () => {
  it('reads the nearest verb group', () => {
    expect(tenseOf('The minister has reached the capital on Wednesday.', 'Wednesday')).toBe('past');
    expect(tenseOf('He said he would visit on Friday.', 'Friday')).toBe('future');
    expect(tenseOf('He said on Friday that he would visit.', 'Friday')).toBe('past');
    expect(tenseOf('The summit is scheduled to open on Sunday.', 'Sunday')).toBe('future');
  });

  it('lets the auxiliary decide a passive participle', () => {
    expect(tenseOf('The tanker will be released on Friday, officials said.', 'Friday')).toBe('future');
    expect(tenseOf('The tanker was released on Friday.', 'Friday')).toBe('past');
  });

  it('does not read adjectives in -ed as past verbs', () => {
    expect(tenseOf('An armed group on Friday.', 'Friday')).toBeNull();
  });
});
