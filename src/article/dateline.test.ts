import { describe, expect, it } from 'vitest';
import { agencyCredit, findDateline, firstDateline } from './dateline.js';

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

describe('firstDateline', () => {
  it('reads the first paragraph, or one after short leads a page left before it', () => {
    expect(firstDateline(['LONDON (AP) — Britain voted.'])?.place).toBe('LONDON');
    expect(firstDateline(['Caption', 'HANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper accused China.'])?.text).toBe('HANOI, Vietnam (AP) —');
    expect(firstDateline(['BREAKING NEWS', 'Caption', 'WASHINGTON (AP) — The Senate voted.'])?.place).toBe('WASHINGTON');
  });

  it('does not look past a paragraph of prose, or past two leads', () => {
    expect(firstDateline(['The Senate voted on Tuesday to pass the bill, after a long debate on it.', 'WASHINGTON — More followed.'])).toBeNull();
    expect(firstDateline(['A', 'B', 'C', 'WASHINGTON — More followed.'])).toBeNull();
  });
});

describe('agencyCredit', () => {
  it('reads an agency in parentheses opening a paragraph, with its dash or glued to the next word', () => {
    expect(agencyCredit('(Reuters) — The attorney general is investigating the firm.')).toBe('(Reuters) — ');
    expect(agencyCredit('(CNN)President Donald Trump made a trip.')).toBe('(CNN)');
  });

  it('reads nothing else', () => {
    expect(agencyCredit('(We never did settle on one.)')).toBeNull();
    expect(agencyCredit('Reuters reported the deal.')).toBeNull();
    expect(agencyCredit('(AP)')).toBeNull();
  });
});

