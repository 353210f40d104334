import { describe, expect, it } from 'vitest';
import { prefixCountry } from './prefix-country.js';

describe('the country a name opens with', () => {
  it('reads a people\'s adjective or a country name of two words before the rest of a name', () => {
    expect(prefixCountry('Iranian Revolutionary Guards')).toBe('IRN');
    expect(prefixCountry('U.S. Leaders')).toBe('USA');
    expect(prefixCountry('United States-flag')).toBe('USA');
    expect(prefixCountry('South Korean Navy')).toBe('KOR');
  });

  it('leaves a name alone that is nothing but the adjective, or opens with a one-word country name', () => {
    expect(prefixCountry('Iranian')).toBeNull();
    expect(prefixCountry('Jordan Grand Prix')).toBeNull();
    expect(prefixCountry('Georgia Tech')).toBeNull();
    expect(prefixCountry('Sea Isle City')).toBeNull();
  });
});
