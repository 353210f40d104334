import { describe, expect, it } from 'vitest';
import { addDays, addMonths, formatDate, isValidDate, mondayOf, parseIsoDay, weekday } from './calendar.js';

describe('calendar', () => {
  it('knows leap years', () => {
    expect(isValidDate(2024, 2, 29)).toBe(true);
    expect(isValidDate(2023, 2, 29)).toBe(false);
    expect(isValidDate(1900, 2, 29)).toBe(false);
    expect(isValidDate(2000, 2, 29)).toBe(true);
    expect(isValidDate(2024, 2, 31)).toBe(false);
  });

  it('steps across month and year ends', () => {
    expect(formatDate(addDays({ y: 2023, m: 3, d: 1 }, -1))).toBe('2023-02-28');
    expect(formatDate(addDays({ y: 2020, m: 12, d: 31 }, 1))).toBe('2021-01-01');
    expect(addMonths(2020, 12, 1)).toEqual({ y: 2021, m: 1 });
    expect(addMonths(2021, 1, -1)).toEqual({ y: 2020, m: 12 });
  });

  it('finds weekdays and ISO week starts', () => {
    expect(weekday({ y: 2020, m: 12, d: 9 })).toBe(3);
    expect(formatDate(mondayOf({ y: 2021, m: 1, d: 3 }))).toBe('2020-12-28');
  });

  it('reads the day of an ISO publication value', () => {
    expect(parseIsoDay('2020-12-09T22:13')).toEqual({ y: 2020, m: 12, d: 9 });
    expect(parseIsoDay('2021-02-30')).toBeNull();
    expect(parseIsoDay(null)).toBeNull();
  });
});
