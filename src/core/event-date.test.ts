import { describe, expect, it } from 'vitest';
import { eventDate } from './event-date.js';
import type { TimeExpr } from './record.js';
import { rng } from './rng.js';
import type { Span } from './span.js';

/** The rule read off a scan of every time, first found winning ties: what eventDate must equal. */
function byScan(times: readonly TimeExpr[], clause: Span, sentence: Span, published: string, trigger: Span, ok: (t: Span) => boolean): string | null {
  const dist = (t: Span): number => (t.end <= trigger.start ? trigger.start - t.end : t.start >= trigger.end ? t.start - trigger.end : 0);
  const near = (within: Span): TimeExpr | null => {
    let best: TimeExpr | null = null;
    for (const t of times) {
      if (t.value === null || t.grain === 'duration' || t.grain === 'vague') continue;
      if (t.start < within.start || t.end > within.end || !ok(t)) continue;
      if (!best || dist(t) < dist(best)) best = t;
    }
    return best;
  };
  const found = near(clause) ?? near(sentence);
  return found ? `${found.value}/${found.grain}/false` : `${published}/day/true`;
}

function randomTimes(r: () => number, sorted: boolean): TimeExpr[] {
  const times: TimeExpr[] = [];
  let at = 0;
  for (let i = 0; i < 80; i++) {
    // Not overlapping, as the time stage's are: the list is in text order unless shuffled.
    const len = 1 + Math.floor(r() * 6);
    at += Math.floor(r() * 12);
    times.push({
      start: at, end: at + len, text: 'x'.repeat(len),
      value: r() < 0.1 ? null : `2020-10-${String(1 + (i % 28)).padStart(2, '0')}`,
      grain: r() < 0.15 ? 'duration' : 'day', anchor: 'absolute',
    });
    at += len;
  }
  if (!sorted) times.sort(() => r() - 0.5);
  return times;
}

describe('eventDate', () => {
  it('picks the time a scan of every time picks, in sorted and unsorted lists', () => {
    const r = rng(5);
    for (const sorted of [true, false]) {
      for (let round = 0; round < 30; round++) {
        const times = randomTimes(r, sorted);
        for (let q = 0; q < 40; q++) {
          const s0 = Math.floor(r() * 400);
          const sentence = { start: s0, end: s0 + Math.floor(r() * 120) };
          const c0 = sentence.start + Math.floor(r() * (sentence.end - sentence.start + 1));
          const clause = { start: c0, end: c0 + Math.floor(r() * (sentence.end - c0 + 1)) };
          const tr = clause.start + Math.floor(r() * (clause.end - clause.start + 1));
          const trigger = { start: tr, end: tr + 3 };
          const ok = (t: Span): boolean => t.start % 7 !== 0;
          const d = eventDate(times, clause, sentence, '2020-11-04', trigger, ok);
          expect(d && `${d.value}/${d.grain}/${d.inferred}`).toBe(byScan(times, clause, sentence, '2020-11-04', trigger, ok));
        }
      }
    }
  });

  it('sees a time added to a list it has read before', () => {
    const times: TimeExpr[] = [{ start: 10, end: 15, text: 'x', value: '2020-10-01', grain: 'day', anchor: 'absolute' }];
    const within = { start: 0, end: 100 };
    expect(eventDate(times, within, within, null, { start: 50, end: 52 })?.value).toBe('2020-10-01');
    times.push({ start: 53, end: 60, text: 'y', value: '2020-10-02', grain: 'day', anchor: 'absolute' });
    expect(eventDate(times, within, within, null, { start: 50, end: 52 })?.value).toBe('2020-10-02');
  });

  it('does not date a past act by a time after publication, but by an earlier one', () => {
    // "Officials meet tomorrow to cut short the tariffs Reagan has ordered imposed", published 1987-04-03.
    const tomorrow: TimeExpr = { start: 15, end: 23, text: 'tomorrow', value: '1987-04-04', grain: 'day', anchor: 'published' };
    const sentence = { start: 0, end: 90 };
    const clause = { start: 40, end: 90 };
    const trigger = { start: 80, end: 87 };
    const past = eventDate([tomorrow], clause, sentence, '1987-04-03', trigger, () => true, true);
    expect(past).toEqual({ value: '1987-04-03', grain: 'day', inferred: true });
    expect(eventDate([tomorrow], clause, sentence, '1987-04-03', trigger, () => true, false)?.value).toBe('1987-04-04');
    // Nor by one its own clause holds, as the parse may put "meet tomorrow" in it, and then by
    // no farther time either; an earlier time nearest dates it.
    const own: TimeExpr = { ...tomorrow, start: 60, end: 68 };
    expect(eventDate([own], clause, sentence, '1987-04-03', trigger, () => true, true)?.inferred).toBe(true);
    const year: TimeExpr = { ...tomorrow, start: 2, end: 6, text: '1986', value: '1986', grain: 'year' };
    expect(eventDate([year, own], clause, sentence, '1987-04-03', trigger, () => true, true)?.inferred).toBe(true);
    const monday: TimeExpr = { ...own, start: 70, end: 76, text: 'Monday', value: '1987-03-30' };
    expect(eventDate([own, monday], clause, sentence, '1987-04-03', trigger, () => true, true)?.value).toBe('1987-03-30');
  });
});
