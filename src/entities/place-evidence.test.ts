import { describe, expect, it } from 'vitest';
import { endsInPlaceWord, inTitleCase, placePrepositionBefore, placeContext } from './place-evidence.js';

const KNOWN = new Set(['Leeds', 'Gateshead', 'Kinross', 'Nottingham']);
const known = (name: string): boolean => KNOWN.has(name);

/** The span of `name` in `text` (its first occurrence). */
function at(text: string, name: string): { start: number; end: number } {
  const start = text.indexOf(name);
  if (start < 0) throw new Error(`${name} not in ${text}`);
  return { start, end: start + name.length };
}

describe('place evidence', () => {
  it('reads a locative preposition, with one "the" between', () => {
    const text = 'Fighting went on in the Bekaa and near Qusayr, said an analyst at Nomura.';
    expect(placePrepositionBefore(text, at(text, 'Bekaa'))).toBe(true);
    expect(placePrepositionBefore(text, at(text, 'Qusayr'))).toBe(true);
    expect(placePrepositionBefore(text, at(text, 'Nomura'))).toBe(false);
  });

  it('takes "at" for a place unless a job or a feast says otherwise', () => {
    const text = 'The festival will be held at Balado. An analyst at Troika Dialog said sales at Christmas fell.';
    expect(placeContext(text, at(text, 'Balado'), known)).toBe(true);
    expect(placeContext(text, at(text, 'Troika Dialog'), known)).toBe(false);
    expect(placeContext(text, at(text, 'Christmas'), known)).toBe(false);
  });

  it('reads "the town of", a direction, a known place after a comma or before "\'s"', () => {
    const text = 'in the southern town of Hambantota; eastern Siberia; Peter Monkhouse, 50, of Headingley, Leeds; Gateshead\'s Sage Centre';
    expect(placeContext(text, at(text, 'Hambantota'), known)).toBe(true);
    expect(placeContext(text, at(text, 'Siberia'), known)).toBe(true);
    expect(placeContext(text, at(text, 'Headingley'), known)).toBe(true);
    expect(placeContext(text, at(text, 'Sage Centre'), known)).toBe(true);
  });

  it('reads "in" after a role or a performance as a work, not a place', () => {
    const text = 'She was nominated for her role in Hotel Rwanda and he appeared in Robocop, both filmed in Kigali.';
    expect(placePrepositionBefore(text, at(text, 'Hotel Rwanda'))).toBe(false);
    expect(placeContext(text, at(text, 'Robocop'), known)).toBe(false);
    expect(placePrepositionBefore(text, at(text, 'Kigali'))).toBe(true);
  });

  it('finds nothing around names of other kinds', () => {
    const text = 'Channel Tunnel operator Eurotunnel said; browsers such as Opera, Safari, Amaya and even Netscape. Leeds; Leslie Gray';
    expect(placeContext(text, at(text, 'Eurotunnel'), known)).toBe(false);
    expect(placeContext(text, at(text, 'Amaya'), known)).toBe(false);
    expect(placeContext(text, at(text, 'Netscape'), known)).toBe(false);
    expect(placeContext(text, at(text, 'Leslie Gray'), known)).toBe(false);
  });

  it('reads a place name inside a title-case run as part of a work, except in a title-case headline', () => {
    const text = 'He recorded the ballad Georgia On My Mind and starred in Gangs Of New York in the summer.';
    const whole = { start: 0, end: text.length };
    expect(inTitleCase(text, at(text, 'Georgia'), whole)).toBe(true);
    expect(inTitleCase(text, at(text, 'New York'), whole)).toBe(true);
    const headline = 'Russia Launches Strikes On Ukraine';
    expect(inTitleCase(headline, at(headline, 'Ukraine'), { start: 0, end: headline.length })).toBe(false);
    const plain = 'Troops moved on Kharkiv and shelled the city for a week.';
    expect(inTitleCase(plain, at(plain, 'Kharkiv'), { start: 0, end: plain.length })).toBe(false);
  });

  it('knows the last words of place names', () => {
    expect(endsInPlaceWord('Lansdowne Road')).toBe(true);
    expect(endsInPlaceWord('Tiananmen Square')).toBe(true);
    expect(endsInPlaceWord('Road')).toBe(false);
    expect(endsInPlaceWord('Comedy Central')).toBe(false);
  });
});
