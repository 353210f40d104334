import { describe, expect, it } from 'vitest';
import type { NerSpan } from '../core/doc.js';
import { splitCoordinatedNames } from './coordinated-names.js';

const split = (text: string): string[] => {
  const span: NerSpan = { start: 0, end: text.length, label: 'ORG' };
  return splitCoordinatedNames(text, [span]).map((s) => text.slice(s.start, s.end));
};

describe('splitCoordinatedNames', () => {
  it('splits a list of names of one kind that the tagger read as one name', () => {
    expect(split('Socialist Party, Democratic Renewal Party and Communist Party')).toEqual(['Socialist Party', 'Democratic Renewal Party', 'Communist Party']);
    expect(split('New York Shipping Association and International Longshoremen\'s Association')).toEqual(['New York Shipping Association', 'International Longshoremen\'s Association']);
    // A name the tables know, then one ending in a designator; "Both" is no part of either.
    expect(split('Both General Motors and Kellwood Co')).toEqual(['General Motors', 'Kellwood Co']);
  });

  it('keeps one firm\'s name whole', () => {
    for (const name of ['Merrill Lynch and Co Inc', 'Sears, Roebuck and Co.', 'Marks and Spencer', 'Procter and Gamble Co']) expect(split(name)).toEqual([name]);
  });
});
