/**
 * The date an exported event is filed under. The formats we write want a calendar day
 * (GDELT, ACLED) or a day range (PLOVER date/enddate), while the record keeps what the
 * text gave: a day, a time, a week (its Monday), a month, a year, or nothing usable. As
 * in the store's date filters, an event without a date of its own takes the article's
 * publication date.
 */
import type { TimeGrain } from '../core/record.js';
import type { EventRow } from '../store/types.js';

export interface EventDay {
  /** First day of the period, YYYY-MM-DD. */
  start: string;
  /** Last day of the period (equal to start for a day). */
  end: string;
  /** Time of day (HH:MM or HH:MM:SS, with an offset when the source gave one), when known. */
  time: string | null;
  /** The grain of the date the day came from. */
  grain: TimeGrain;
  /** True when the day is the publication date or the record marked the event date inferred. */
  inferred: boolean;
  /** True when the event has no date of its own and the publication date stands in. */
  fromPublished: boolean;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?))?$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const YEAR = /^(\d{4})$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function validDay(y: string, m: string, d: string): boolean {
  const month = Number(m);
  const day = Number(d);
  return month >= 1 && month <= 12 && day >= 1 && day <= lastDayOfMonth(Number(y), month);
}

/** Read an ISO value of the given grain into a day range; null when it is not a date. */
export function periodOf(value: string, grain: TimeGrain): Omit<EventDay, 'inferred' | 'fromPublished'> | null {
  const day = DAY.exec(value);
  if (day) {
    const [, y, m, d, time] = day as unknown as [string, string, string, string, string | undefined];
    if (!validDay(y, m, d)) return null;
    const start = `${y}-${m}-${d}`;
    // A week value is its Monday; any other dated grain is the day itself.
    const end = grain === 'week' ? addDays(start, 6) : start;
    return { start, end, time: time ?? null, grain: grain === 'week' ? 'week' : time ? 'time' : 'day' };
  }
  const month = MONTH.exec(value);
  if (month) {
    const y = Number(month[1]);
    const m = Number(month[2]);
    if (m < 1 || m > 12) return null;
    return { start: `${pad(y, 4)}-${pad(m)}-01`, end: `${pad(y, 4)}-${pad(m)}-${pad(lastDayOfMonth(y, m))}`, time: null, grain: 'month' };
  }
  const year = YEAR.exec(value);
  if (year) return { start: `${year[1]}-01-01`, end: `${year[1]}-12-31`, time: null, grain: 'year' };
  return null;
}

/** The event's day range, from its own date or else the publication date; null when neither reads as a date. */
export function eventDay(row: EventRow): EventDay | null {
  if (row.date) {
    const own = periodOf(row.date.value, row.date.grain);
    if (own) return { ...own, inferred: row.date.inferred, fromPublished: false };
  }
  const published = row.article.published === null ? null : periodOf(row.article.published, 'day');
  // The publication time is not the event's time, so only its day is kept.
  return published ? { ...published, time: null, grain: 'day', inferred: true, fromPublished: true } : null;
}

/** "2020-12-09T22:13:05.123Z" → "20201209221305" (UTC), as GDELT's DATEADDED. */
export function compactUtc(iso: string): string | null {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  const d = new Date(t);
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}
