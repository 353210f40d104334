import { describe, expect, it } from 'vitest';
import type { TimeExpr } from '../core/record.js';
import { eventDate } from '../core/event-date.js';
import { findTimes } from './find.js';

const PUB = '2020-12-09T22:13';

describe('eventDate', () => {
  const text = 'The minister arrived on Monday after fighting for six weeks. Talks followed recently.';
  const times = findTimes(text, PUB);
  const s1 = { start: 0, end: text.indexOf('.') + 1 };
  const s2 = { start: s1.end + 1, end: text.length };

  it('takes the time expression inside the clause', () => {
    expect(eventDate(times, { start: 0, end: 31 }, s1, PUB)).toEqual({ value: '2020-12-07', grain: 'day', inferred: false });
  });

  it('falls back to the sentence, skipping durations and vague words', () => {
    expect(eventDate(times, { start: 32, end: s1.end }, s1, PUB)).toEqual({ value: '2020-12-07', grain: 'day', inferred: false });
  });

  it('falls back to the publication day, marked inferred', () => {
    expect(eventDate(times, s2, s2, PUB)).toEqual({ value: '2020-12-09', grain: 'day', inferred: true });
  });

  it('returns null with nothing to go on', () => {
    expect(eventDate(times, s2, s2, null)).toBeNull();
    expect(eventDate([], s2, s2, 'garbage')).toBeNull();
  });

  it('prefers the expression nearest the trigger', () => {
    const t2 = 'Troops left on Monday and returned on Tuesday.';
    const ts: TimeExpr[] = findTimes(t2, PUB);
    const all = { start: 0, end: t2.length };
    const trigger = { start: t2.indexOf('returned'), end: t2.indexOf('returned') + 8 };
    expect(eventDate(ts, all, all, PUB, trigger)?.value).toBe('2020-12-08');
  });

  it('ignores expressions without a value', () => {
    const t3 = 'The rebels withdrew yesterday.';
    const span = { start: 0, end: t3.length };
    expect(eventDate(findTimes(t3, null), span, span, null)).toBeNull();
  });
});
