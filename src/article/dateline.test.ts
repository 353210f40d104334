import { describe, expect, it } from 'vitest';
import { findDateline } from './dateline.js';

describe('findDateline', () => {
  it.each([
    ['TEHRAN — Officials met on Monday.', 'TEHRAN', 'TEHRAN —'],
    ['MOSCOW, Nov 10 (Reuters) - Russia said on Tuesday.', 'MOSCOW', 'MOSCOW, Nov 10 (Reuters) -'],
    ['WASHINGTON (AP) — The Senate voted.', 'WASHINGTON', 'WASHINGTON (AP) —'],
    ['NEW YORK: Stocks fell.', 'NEW YORK', 'NEW YORK:'],
    ['Kabul (AFP) - Gunmen attacked.', 'Kabul', 'Kabul (AFP) -'],
  ])('%s', (paragraph, place, text) => {
    expect(findDateline(paragraph)).toEqual({ place, text });
  });

  it('ignores mixed-case prose that starts with a place', () => {
    expect(findDateline('Tehran, Iranian President Hassan Rouhani said in a statement.')).toBeNull();
    expect(findDateline('Jeyhun Bayramov, the foreign minister, arrived.')).toBeNull();
    expect(findDateline('US officials said on Monday.')).toBeNull();
  });
});
