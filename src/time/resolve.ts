/**
 * Turns a mention into a value and grain. Partial dates take their missing parts
 * from the publication date, in the direction the clause's tense points; narrative
 * offsets take the previous resolved time. Without a publication date anything
 * that needs one keeps its grain and anchor with value null.
 */
import type { TimeAnchor, TimeGrain } from '../core/record.js';
import {
  addDays, addMonths, formatDate, formatMonth, formatTime, formatYear, isValidDate, mondayOf,
  toDayNumber, weekday,
} from './calendar.js';
import type { Ymd } from './calendar.js';
import type { ClockTime, Mention, Shift, Unit } from './mention.js';
import type { Tense } from './tense.js';

export interface Resolved {
  value: string | null;
  grain: TimeGrain;
  anchor: TimeAnchor;
}

/** A resolved time that later expressions can count from. */
export interface Reference {
  grain: 'day' | 'week' | 'month' | 'year';
  date: Ymd;
}

export interface ResolveContext {
  published: Ymd | null;
  tense: () => Tense;
  previous: Reference | null;
}

const RANK = { day: 0, week: 1, month: 2, year: 3 } as const;

function dayValue(date: Ymd, time: ClockTime | null): Resolved & { value: string } {
  if (time) return { value: `${formatDate(date)}T${formatTime(time.h, time.min)}${time.zone ?? ''}`, grain: 'time', anchor: 'absolute' };
  return { value: formatDate(date), grain: 'day', anchor: 'absolute' };
}

function direction(shift: Shift, tense: () => Tense): -1 | 0 | 1 {
  if (shift === 'last') return -1;
  if (shift === 'next') return 1;
  if (shift === 'this') return 0;
  const t = tense();
  return t === 'past' ? -1 : t === 'future' ? 1 : 0;
}

/** Pick among dated options by distance from publication: -1 on or before, 1 on or after, 0 nearest. */
function choose<T>(options: { item: T; diff: number }[], dir: -1 | 0 | 1, strict: boolean): T | null {
  let best: { item: T; diff: number } | null = null;
  for (const o of options) {
    if (dir === -1 && (strict ? o.diff >= 0 : o.diff > 0)) continue;
    if (dir === 1 && (strict ? o.diff <= 0 : o.diff < 0)) continue;
    const better = best === null || Math.abs(o.diff) < Math.abs(best.diff) || (Math.abs(o.diff) === Math.abs(best.diff) && o.diff < best.diff);
    if (better) best = o;
  }
  return best?.item ?? null;
}

function weekdayDate(pub: Ymd, wd: number, shift: Shift, tense: () => Tense): Ymd | null {
  const options = [];
  for (let k = -7; k <= 7; k++) {
    const date = addDays(pub, k);
    if (weekday(date) === wd) options.push({ item: date, diff: k });
  }
  const dir = direction(shift, tense);
  return choose(options, dir, shift === 'last' || shift === 'next');
}

function monthDayDate(pub: Ymd, m: number, d: number, wd: number | null, tense: () => Tense): Ymd | null {
  const options: { item: Ymd; diff: number }[] = [];
  for (const y of [pub.y - 1, pub.y, pub.y + 1]) {
    if (!isValidDate(y, m, d)) continue;
    const item = { y, m, d };
    options.push({ item, diff: toDayNumber(item) - toDayNumber(pub) });
  }
  if (wd !== null) {
    // The weekday the text gives names the year better than any tense can.
    const match = options.filter((o) => weekday(o.item) === wd);
    if (match.length > 0) return choose(match, 0, false);
  }
  return choose(options, direction(null, tense), false);
}

function monthOf(pub: Ymd, m: number, shift: Shift, tense: () => Tense): { y: number; m: number } | null {
  if (shift === 'this') return { y: pub.y, m };
  const options = [pub.y - 1, pub.y, pub.y + 1].map((y) => ({ item: { y, m }, diff: (y - pub.y) * 12 + (m - pub.m) }));
  return choose(options, direction(shift, tense), shift === 'last' || shift === 'next');
}

const SEASON_START = { spring: 3, summer: 6, autumn: 9, winter: 12 } as const;

/** A season is given as the year in which it starts (winter 2020 runs Dec 2020–Feb 2021). */
function seasonYear(pub: Ymd, season: keyof typeof SEASON_START, shift: Shift, tense: () => Tense): number {
  const now = pub.y * 12 + pub.m - 1;
  const occurrences = [pub.y - 2, pub.y - 1, pub.y, pub.y + 1].map((y) => ({ y, s: y * 12 + SEASON_START[season] - 1 }));
  const containing = occurrences.find((o) => o.s <= now && now <= o.s + 2);
  if (shift === 'this') return containing?.y ?? (season === 'winter' && pub.m <= 2 ? pub.y - 1 : pub.y);
  if (shift === 'last') return occurrences.filter((o) => o.s + 2 < now).pop()?.y ?? pub.y - 1;
  if (shift === 'next') return occurrences.find((o) => o.s > now)?.y ?? pub.y + 1;
  const t = tense();
  if (t === 'past') return occurrences.filter((o) => o.s <= now).pop()?.y ?? pub.y;
  if (t === 'future') return occurrences.find((o) => o.s + 2 >= now)?.y ?? pub.y;
  if (containing) return containing.y;
  let best = occurrences[0]!;
  for (const o of occurrences) if (Math.abs(o.s - now) < Math.abs(best.s - now)) best = o;
  return best.y;
}

/** The Monday of the ISO week whose Saturday and Sunday are meant. */
function weekendWeek(pub: Ymd, shift: Shift, tense: () => Tense): Ymd {
  const wd = weekday(pub);
  const inWeekend = wd === 0 || wd === 6;
  let offset: number;
  if (shift === 'last') offset = -1;
  else if (shift === 'this') offset = 0;
  else if (shift === 'next') offset = wd === 0 || wd >= 5 ? 1 : 0;
  else {
    const t = tense();
    if (t === 'past') offset = inWeekend ? 0 : -1;
    else if (t === 'future') offset = wd === 0 ? 1 : 0;
    else offset = wd >= 1 && wd <= 3 ? -1 : 0;
  }
  return addDays(mondayOf(pub), offset * 7);
}

/** Step from a reference by whole units; null when the reference is too coarse to say. */
export function step(ref: Reference, unit: 'day' | 'week' | 'month' | 'year', offset: number, exact: boolean): { value: string; grain: TimeGrain } | null {
  const grain: Reference['grain'] = exact && unit === 'week' ? 'day' : unit;
  if (RANK[ref.grain] > RANK[grain]) return null;
  switch (grain) {
    case 'day':
      return { value: formatDate(addDays(ref.date, unit === 'week' ? offset * 7 : offset)), grain: 'day' };
    case 'week':
      return { value: formatDate(addDays(mondayOf(ref.date), offset * 7)), grain: 'week' };
    case 'month': {
      const mm = addMonths(ref.date.y, ref.date.m, offset);
      return { value: formatMonth(mm.y, mm.m), grain: 'month' };
    }
    case 'year':
      return { value: formatYear(ref.date.y + offset), grain: 'year' };
  }
}

const DURATION_CODE: Record<Unit, [string, number]> = {
  second: ['TS', 1], minute: ['TM', 1], hour: ['TH', 1], day: ['D', 1], week: ['W', 1],
  month: ['M', 1], year: ['Y', 1], decade: ['Y', 10], century: ['Y', 100],
};

export function durationValue(amount: number, unit: Unit): string {
  const [code, factor] = DURATION_CODE[unit];
  const n = Number((amount * factor).toFixed(3));
  return code.startsWith('T') ? `PT${n}${code.slice(1)}` : `P${n}${code}`;
}

function resolveDate(m: Extract<Mention, { kind: 'date' }>, ctx: ResolveContext): Resolved {
  const pub = ctx.published;
  if (m.y !== null && m.m !== null && m.d !== null) return dayValue({ y: m.y, m: m.m, d: m.d }, m.time);
  if (m.y !== null && m.m !== null) return { value: formatMonth(m.y, m.m), grain: 'month', anchor: 'absolute' };
  const dayLevel = m.d !== null || m.weekday !== null;
  const grain: TimeGrain = dayLevel ? (m.time ? 'time' : 'day') : 'month';
  if (pub === null) return { value: null, grain, anchor: 'published' };
  if (m.yearOffset !== undefined && m.m !== null && m.d === null) {
    return { value: formatMonth(pub.y + m.yearOffset, m.m), grain: 'month', anchor: 'published' };
  }
  let date: Ymd | null = null;
  if (m.m !== null && m.d !== null) date = monthDayDate(pub, m.m, m.d, m.weekday, ctx.tense);
  else if (m.weekday !== null) date = weekdayDate(pub, m.weekday, m.shift, ctx.tense);
  else if (m.m !== null) {
    const mm = monthOf(pub, m.m, m.shift, ctx.tense);
    return { value: mm ? formatMonth(mm.y, mm.m) : null, grain: 'month', anchor: 'published' };
  }
  if (date === null) return { value: null, grain, anchor: 'published' };
  return { ...dayValue(date, m.time), anchor: 'published' };
}

export function resolveMention(m: Mention, ctx: ResolveContext): Resolved | null {
  const pub = ctx.published;
  switch (m.kind) {
    case 'invalid':
      return null;
    case 'date':
      return resolveDate(m, ctx);
    case 'year':
    case 'decade':
      return { value: formatYear(m.y), grain: 'year', anchor: 'absolute' };
    case 'season':
      if (m.y !== null) return { value: formatYear(m.y), grain: 'year', anchor: 'absolute' };
      return { value: pub ? formatYear(seasonYear(pub, m.season, m.shift, ctx.tense)) : null, grain: 'year', anchor: 'published' };
    case 'weekend':
      return { value: pub ? formatDate(weekendWeek(pub, m.shift, ctx.tense)) : null, grain: 'week', anchor: 'published' };
    case 'clock':
      if (!pub) return { value: null, grain: 'time', anchor: 'published' };
      return { ...dayValue(pub, m.time), anchor: 'published' };
    case 'relative': {
      const ref: Reference | null = m.anchor === 'context' ? ctx.previous : pub && { grain: 'day', date: pub };
      const fallbackGrain: TimeGrain = m.time ? 'time' : m.exact && m.unit === 'week' ? 'day' : m.unit;
      if (!ref) return { value: null, grain: fallbackGrain, anchor: m.anchor };
      const r = step(ref, m.unit, m.offset, m.exact);
      if (!r) return { value: null, grain: fallbackGrain, anchor: m.anchor };
      if (m.time && r.grain === 'day') return { value: `${r.value}T${formatTime(m.time.h, m.time.min)}${m.time.zone ?? ''}`, grain: 'time', anchor: m.anchor };
      return { ...r, anchor: m.anchor };
    }
    case 'duration':
      return { value: m.amount === null ? null : durationValue(m.amount, m.unit), grain: 'duration', anchor: m.anchored ? 'published' : 'absolute' };
    case 'vague':
      return { value: null, grain: 'vague', anchor: m.anchor };
  }
}

/** The reference a resolved value offers to the expressions after it. */
export function referenceOf(r: Resolved): Reference | null {
  if (r.value === null) return null;
  const v = r.value;
  let m: RegExpExecArray | null;
  if ((r.grain === 'day' || r.grain === 'time' || r.grain === 'week') && (m = /^(-?\d{4})-(\d{2})-(\d{2})/.exec(v))) {
    return { grain: r.grain === 'week' ? 'week' : 'day', date: { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } };
  }
  if (r.grain === 'month' && (m = /^(-?\d{4})-(\d{2})$/.exec(v))) return { grain: 'month', date: { y: Number(m[1]), m: Number(m[2]), d: 1 } };
  if (r.grain === 'year' && (m = /^(-?\d{4})$/.exec(v))) return { grain: 'year', date: { y: Number(m[1]), m: 1, d: 1 } };
  return null;
}
