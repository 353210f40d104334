import { describe, expect, it } from 'vitest';
import { compactUtc, eventDay, periodOf } from './dates.js';
import { eventRow } from './fixtures.js';

describe('event days', () => {
  it('reads each grain as a day range', () => {
    expect(periodOf('2020-12-09', 'day')).toEqual({ start: '2020-12-09', end: '2020-12-09', time: null, grain: 'day' });
    expect(periodOf('2020-12-09T14:30', 'time')).toEqual({ start: '2020-12-09', end: '2020-12-09', time: '14:30', grain: 'time' });
    expect(periodOf('2020-11-30', 'week')).toEqual({ start: '2020-11-30', end: '2020-12-06', time: null, grain: 'week' });
    expect(periodOf('2020-02', 'month')).toEqual({ start: '2020-02-01', end: '2020-02-29', time: null, grain: 'month' });
    expect(periodOf('1990', 'year')).toEqual({ start: '1990-01-01', end: '1990-12-31', time: null, grain: 'year' });
    expect(periodOf('P6W', 'duration')).toBeNull();
    expect(periodOf('2020-02-30', 'day')).toBeNull();
    expect(periodOf('2020-13', 'month')).toBeNull();
  });

  it('falls back to the publication day, without its time, and marks it', () => {
    const day = eventDay(eventRow({ date: null }));
    expect(day).toEqual({ start: '2020-12-10', end: '2020-12-10', time: null, grain: 'day', inferred: true, fromPublished: true });
    const duration = eventDay(eventRow({ date: { value: 'P3D', grain: 'duration', inferred: false } }));
    expect(duration?.fromPublished).toBe(true);
    expect(eventDay(eventRow({ date: null, article: { title: null, publisher: null, published: null, duplicateOf: null } }))).toBeNull();
  });

  it('keeps the inferred flag of an event date', () => {
    expect(eventDay(eventRow({ date: { value: '2020-12-08', grain: 'day', inferred: true } }))).toMatchObject({ start: '2020-12-08', inferred: true, fromPublished: false });
  });

  it('formats UTC timestamps as GDELT does', () => {
    expect(compactUtc('2021-01-02T03:04:05.000Z')).toBe('20210102030405');
    expect(compactUtc('2021-01-02T03:04:05+02:00')).toBe('20210102010405');
    expect(compactUtc('not a date')).toBeNull();
  });
});
