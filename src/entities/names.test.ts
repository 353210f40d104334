import { describe, expect, it } from 'vitest';
import { handleMatches, isShortFormOf, nameTokens } from './names.js';

describe('nameTokens', () => {
  it('splits ASCII names on anything but letters and digits, lower case', () => {
    expect(nameTokens('Javad Zarif')).toEqual(['javad', 'zarif']);
    expect(nameTokens("  al-Assad's  ")).toEqual(['al', 'assad', 's']);
    expect(nameTokens('@bayramov_jeyhun')).toEqual(['bayramov', 'jeyhun']);
    expect(nameTokens('G8')).toEqual(['g8']);
    expect(nameTokens('')).toEqual([]);
  });

  it('folds diacritics of other names to the same tokens', () => {
    expect(nameTokens('Pedro Sánchez Pérez-Castejón')).toEqual(['pedro', 'sanchez', 'perez', 'castejon']);
    expect(nameTokens('Erdoğan')).toEqual(nameTokens('Erdogan'));
  });
});

describe('short forms and handles', () => {
  it('reads a surname as a short form and a handle spelling the name', () => {
    expect(isShortFormOf(nameTokens('Zarif'), nameTokens('Javad Zarif'))).toBe(true);
    expect(isShortFormOf(nameTokens('Javad'), nameTokens('Javad Zarif'))).toBe(false);
    expect(handleMatches('@bayramov_jeyhun', nameTokens('Jeyhun Bayramov'))).toBe(true);
  });
});
