import { describe, expect, it } from 'vitest';
import { bare, fold } from './normalize.js';

describe('fold', () => {
  it('folds ASCII names: case, dots and apostrophes gone, other punctuation one space', () => {
    expect(fold('U.S.')).toBe('us');
    expect(fold('  The   Hague ')).toBe('the hague');
    expect(fold("al-Assad's")).toBe('al assads');
    expect(fold('(Hamas)')).toBe('hamas');
    expect(fold('rights group')).toBe('rights group');
    expect(fold('')).toBe('');
    expect(fold('...')).toBe('');
    expect(fold('a . b')).toBe('a b');
  });

  it('folds other scripts and diacritics the same way', () => {
    expect(fold('Ağbənd')).toBe('agbend');
    expect(fold('AGBEND')).toBe(fold('Ağbənd'));
    expect(fold('Iran’s')).toBe('irans');
    expect(fold('São  Paulo')).toBe('sao paulo');
  });
});

describe('bare', () => {
  it('drops a possessive and a leading "the"', () => {
    expect(bare("Iran's")).toBe('Iran');
    expect(bare('the US')).toBe('US');
  });
});
