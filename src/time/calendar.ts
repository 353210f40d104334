/**
 * Proleptic Gregorian calendar arithmetic on plain year/month/day numbers. Dates
 * here are calendar days as the article names them, with no time zone: a
 * publication at 22:13 local time is still that local day, so nothing goes
 * through `Date` objects in local time.
 */

export interface Ymd {
  y: number;
  /** 1–12 */
  m: number;
  /** 1–31 */
  d: number;
}

export function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeap(y) ? 29 : (MONTH_DAYS[m - 1] ?? 0);
}

export function isValidDate(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Days since 1970-01-01; UTC is used only as a time-zone-free day counter. */
export function toDayNumber(date: Ymd): number {
  return Math.floor(Date.UTC(date.y, date.m - 1, date.d) / 86_400_000);
}

export function fromDayNumber(n: number): Ymd {
  const dt = new Date(n * 86_400_000);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function addDays(date: Ymd, days: number): Ymd {
  return fromDayNumber(toDayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday, as Date.getUTCDay. */
export function weekday(date: Ymd): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

/** The Monday that starts the ISO week containing `date`. */
export function mondayOf(date: Ymd): Ymd {
  return addDays(date, -((weekday(date) + 6) % 7));
}

/** Shift by whole months; returns year and month only. */
export function addMonths(y: number, m: number, months: number): { y: number; m: number } {
  const index = y * 12 + (m - 1) + months;
  return { y: Math.floor(index / 12), m: (index % 12 + 12) % 12 + 1 };
}

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0');

export function formatYear(y: number): string {
  return (y < 0 ? '-' : '') + pad(y, 4);
}

export function formatMonth(y: number, m: number): string {
  return `${formatYear(y)}-${pad(m)}`;
}

export function formatDate(date: Ymd): string {
  return `${formatMonth(date.y, date.m)}-${pad(date.d)}`;
}

export function formatTime(h: number, min: number): string {
  return `${pad(h)}:${pad(min)}`;
}

/** The calendar day at the start of an ISO date or datetime string, or null. */
export function parseIsoDay(value: string | null | undefined): Ymd | null {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return isValidDate(y, mo, d) ? { y, m: mo, d } : null;
}
