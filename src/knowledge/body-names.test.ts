import { describe, expect, it } from 'vitest';
import { bodyName, bodyNoun } from './body-names.js';

describe('bodyName', () => {
  it('reads a firm from its legal form, in any case', () => {
    expect(bodyName('Flower Time Inc')?.sector).toBe('BUS');
    expect(bodyName('Harlow Widget Corp.')?.sector).toBe('BUS');
    expect(bodyName('LEVON RESOURCES')?.sector).toBe('BUS');
    expect(bodyName('Eridania SPA')?.sector).toBe('BUS');
  });

  it('reads public bodies from their head word, before "of" and its kin', () => {
    expect(bodyName('Food and Drug Administration')?.sector).toBe('GOV');
    expect(bodyName('Court of Appeal')?.sector).toBe('JUD');
    expect(bodyName('Essex County Council')?.sector).toBe('GOV');
    expect(bodyName('Metropolitan Police Service')?.sector).toBe('COP');
    // A farmers' federation is no state bureau.
    expect(bodyName('American Farm Bureau')?.sector).toBe('AGR');
    expect(bodyName('Census Bureau')?.sector).toBe('GOV');
    expect(bodyName('Senate Foreign Relations Committee')?.sector).toBe('LEG');
  });

  it('gives the state a name ends with', () => {
    expect(bodyName('Supreme Court of India')).toEqual({ sector: 'JUD', country: 'IND' });
  });

  it('tries specific rows first', () => {
    expect(bodyName('Kyodo News Agency')?.sector).toBe('MED');
    expect(bodyName('Chicago Board of Trade')?.sector).toBe('BUS');
    expect(bodyName('Transport and General Workers Union')?.sector).toBe('LAB');
  });

  it('does not read a title or a private owner\'s board as a state body', () => {
    expect(bodyName('The Office')).toBeNull();
    expect(bodyName("Shaw's Board")).toBeNull();
    expect(bodyName("Lord Chancellor's Department")?.sector).toBe('GOV');
    expect(bodyName('The Times')?.sector).toBe('MED');
  });

  it('leaves names that do not tell alone', () => {
    expect(bodyName('Xstrata')).toBeNull();
    expect(bodyName('Workers Party')).toBeNull();
    expect(bodyName('Association of Chief Police Officers')).toBeNull();
    expect(bodyName('Parents Television Council')).toBeNull();
    expect(bodyName('U.N. Economic and Social Commission')).toBeNull();
  });

  it("gives a known firm's unit the firm's sector, unless its own form says otherwise", () => {
    expect(bodyName('BBC World Service')?.sector).toBe('MED');
    expect(bodyName('Google News')?.sector).toBe('MED');
  });
});

describe('bodyNoun', () => {
  it('reads one- and two-word body nouns, and their plurals', () => {
    expect(bodyNoun(['telco'])).toBe('BUS');
    expect(bodyNoun(['news', 'agency'])).toBe('MED');
    expect(bodyNoun(['trade', 'body'])).toBe('BUS');
    expect(bodyNoun(['newspapers'])).toBe('MED');
    expect(bodyNoun(['companies'])).toBe('BUS');
    expect(bodyNoun(['club'])).toBeNull();
    expect(bodyNoun(['body'])).toBeUndefined();
    expect(bodyNoun(['minister'])).toBeUndefined();
  });
});
