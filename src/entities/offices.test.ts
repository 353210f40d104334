import { describe, expect, it } from 'vitest';
import { lookupOffice } from './offices.js';

describe('lookupOffice', () => {
  it("reads a full name as a minister's on the article's date", () => {
    expect(lookupOffice('Gordon Brown', '2005-03-01')).toMatchObject({ country: 'GBR', role: 'chancellor of the exchequer' });
    expect(lookupOffice('Nigel Lawson', '2005-03-01')).toMatchObject({ role: 'former chancellor of the exchequer' });
  });

  it('reads a name out of its term only when it is the holder\'s own, not a namesake\'s', () => {
    expect(lookupOffice('Van Morrison', '2005-03-01')).toBeNull();
    expect(lookupOffice('J Kelly', '2005-03-01')).toBeNull();
  });

  it("reads a bare surname only as a leader's, never as a minister's", () => {
    // "Brown" or "Hill" alone may be anyone; "Blair" in 2005 is the prime minister.
    expect(lookupOffice('Brown', '2005-03-01')).toBeNull();
    expect(lookupOffice('Blair', '2005-03-01')).toMatchObject({ country: 'GBR', role: 'prime minister' });
  });

  it('gives an office held only after the date no role, and a monarch of several realms the one she lives in first', () => {
    // Joe Biden was president from 2021: in 2019 he is of the US, and no "future president".
    expect(lookupOffice('Joe Biden', '2019-11-12')).toMatchObject({ country: 'USA', role: null });
    const queen = lookupOffice('Elizabeth II', '2015-06-01');
    expect(queen).toMatchObject({ country: 'GBR', role: 'queen' });
    expect(queen!.alsoIn).toEqual(expect.arrayContaining(['AUS', 'CAN']));
  });
});
