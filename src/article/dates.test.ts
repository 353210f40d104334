import { describe, expect, it } from 'vitest';
import { isValidDate, parseDate, parseDateLine } from './dates.js';

describe('parseDate', () => {
  it.each([
    ['09th Dec, 2020. 10:13 pm', '2020-12-09T22:13', '09th Dec, 2020. 10:13 pm'],
    ['December 9, 2020', '2020-12-09', 'December 9, 2020'],
    ['Wednesday, Dec. 9, 2020 at 3:05 PM EST', '2020-12-09T15:05-05:00', 'Wednesday, Dec. 9, 2020 at 3:05 PM EST'],
    ['9 December 2020 12:00 am', '2020-12-09T00:00', '9 December 2020 12:00 am'],
    ['2020-12-09T22:13:00+05:00', '2020-12-09T22:13+05:00', '2020-12-09T22:13:00+05:00'],
    ['2020-12-09T22:13:45Z', '2020-12-09T22:13:45Z', '2020-12-09T22:13:45Z'],
    ['2020-12-09', '2020-12-09', '2020-12-09'],
    ['12/09/2020', '2020-12-09', '12/09/2020'],
    ['25/12/2020', '2020-12-25', '25/12/2020'],
    ['09.12.2020 14:30', '2020-12-09T14:30', '09.12.2020 14:30'],
    ['1st of March 2021', '2021-03-01', '1st of March 2021'],
  ])('%s → %s', (input, value, text) => {
    expect(parseDate(input)).toMatchObject({ value, text });
  });

  it('never emits an impossible date', () => {
    expect(parseDate('31 February 2021')).toBeNull();
    expect(parseDate('2021-02-29')).toBeNull();
    expect(parseDate('29 Feb 2024')?.value).toBe('2024-02-29');
  });

  it('finds the earliest date in a line', () => {
    expect(parseDate('Updated 10 Dec 2020, first published 9 Dec 2020')?.value).toBe('2020-12-10');
  });

  it('leaves numbers that are not dates alone', () => {
    expect(parseDate('Adsense 300 x 250')).toBeNull();
    expect(parseDate('more than 2,000 people')).toBeNull();
  });
});

describe('parseDateLine', () => {
  it('accepts date lines with labels', () => {
    expect(parseDateLine('Published: March 4, 2021 | 9:30 AM')?.value).toBe('2021-03-04T09:30');
    expect(parseDateLine('Updated on 9 December 2020')?.value).toBe('2020-12-09');
  });
  it('rejects prose that contains a date', () => {
    expect(parseDateLine('The talks were held on 9 December 2020 in Tehran.')).toBeNull();
  });
});

describe('isValidDate', () => {
  it('knows leap years', () => {
    expect(isValidDate(2000, 2, 29)).toBe(true);
    expect(isValidDate(1900, 2, 29)).toBe(false);
    expect(isValidDate(2023, 4, 31)).toBe(false);
  });
});
