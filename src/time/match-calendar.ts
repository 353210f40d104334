/**
 * Matchers for calendar expressions: dates in news formats, months, weekdays,
 * fixed holidays and clock times (years and seasons: match-years.ts). They only read
 * the words; the publication date is applied later (resolve.ts).
 */
import { isValidDate } from './calendar.js';
import {
  FULL_MONTH_RE, HOLIDAYS, HOLIDAY_RE, MONTH_RE, WEEKDAY_ANY_RE, WEEKDAY_RE, ZONES, ZONE_RE,
  monthNumber, weekdayNumber,
} from './lexicon.js';
import type { Candidate, ClockTime } from './mention.js';
import { atSentenceStart, scan, shiftOf, wordAfter, wordBefore } from './scan.js';
import { yearCandidates } from './match-years.js';
import { anchored } from './word-anchors.js';
import type { AnchoredText } from './word-anchors.js';

export type NumericOrder = 'dmy' | 'mdy';

const ORD = '(?:st|nd|rd|th)?';
const FULL_MONTH = new RegExp(`^${FULL_MONTH_RE}$`);
const WD_PREFIX = `(?:(${WEEKDAY_ANY_RE})\\.?,?\\s+)?`;
const YEAR_TAIL = '(?:,?\\s+(\\d{4})(?![\\d,.:]\\d|\\d))?';

/**
 * Compiled once: matchers run for every article. The word patterns run only near the
 * names they need (word-anchors.ts); every month name and abbreviation starts with one
 * of MONTH_HEADS.
 */
const MONTH_AFTER = new RegExp(`^,?\\s+${MONTH_RE}`);
const MONTH_HEADS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY_MONTH = anchored(
  new RegExp(`\\b${WD_PREFIX}(?<![\\d.,:/])(\\d{1,2})${ORD}(?:\\s+of)?\\s+(${MONTH_RE})(?![a-z])\\.?${YEAR_TAIL}`, 'g'),
  { words: MONTH_HEADS, cased: true, before: 3 },
);
const MONTH_DAY = anchored(
  new RegExp(`\\b${WD_PREFIX}(${MONTH_RE})\\.?\\s+(\\d{1,2})${ORD}(?![\\d:,.]\\d|\\d|[a-z])${YEAR_TAIL}`, 'g'),
  { words: MONTH_HEADS, cased: true, before: 1 },
);
const MONTH_ONLY = anchored(
  new RegExp(`\\b(?:([Ee]arly|[Mm]id|[Ll]ate|[Ll]ast|[Nn]ext|[Tt]his)[-\\s]+)?(${MONTH_RE})(?![a-z])\\.?(?:\\s+(?:of\\s+)?(\\d{4})(?!\\d|[,.]\\d)|\\s+(last|this|next)\\s+year\\b)?`, 'g'),
  { words: MONTH_HEADS, cased: true, before: 1 },
);
const WEEKDAY_NAME = anchored(
  new RegExp(`\\b(?:([Ll]ast|[Nn]ext|[Tt]his|[Cc]oming|[Pp]ast)\\s+)?(${WEEKDAY_RE})(?![a-z])(?:\\s+(?:morning|afternoon|evening|night)\\b)?`, 'g'),
  { words: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'], cased: true, before: 1 },
);
const HOLIDAY_NAME = anchored(
  new RegExp(`\\b${HOLIDAY_RE}(?![a-z])(?:,?\\s+(\\d{4})(?!\\d))?`, 'g'),
  { words: ['New Year', 'Christmas', 'Boxing Day', 'Valentine', 'Halloween'], cased: true, before: 0 },
);


function date(start: number, end: number, y: number | null, m: number, d: number, wd: string | undefined): Candidate {
  // A day that no year can hold ("31 February") is no date at all; a day that only
  // some years hold ("29 February") is checked once the year is known.
  // It still claims its span, so "February" inside it is not read as a month.
  if (!isValidDate(y ?? 2000, m, d)) return { start, end, mention: { kind: 'invalid' } };
  const weekday = wd ? weekdayNumber(wd) : null;
  return { start, end, mention: { kind: 'date', y, m, d, weekday, shift: null, time: null } };
}

/** "9 December 2020", "09th Dec, 2020", "Wednesday 7 October", "the 9th of December". */
function dayMonth(at: AnchoredText, out: (Candidate | null)[]): void {
  const text = at.text;
  at.scan(DAY_MONTH, (m) => {
    const month = monthNumber(m[3] ?? '');
    if (month === null) return;
    let end = m.index + m[0].length;
    // A full month name before a full stop ends the sentence; only abbreviations own a dot.
    if (!m[4] && text[end - 1] === '.' && FULL_MONTH.test(m[3] ?? '')) end--;
    out.push(date(m.index, end, m[4] ? Number(m[4]) : null, month, Number(m[2]), m[1]));
  });
}

/** "Dec. 9", "December 9th, 2020", "Wednesday, October 7". */
function monthDay(at: AnchoredText, out: (Candidate | null)[]): void {
  at.scan(MONTH_DAY, (m) => {
    const month = monthNumber(m[2] ?? '');
    if (month === null) return;
    out.push(date(m.index, m.index + m[0].length, m[4] ? Number(m[4]) : null, month, Number(m[3]), m[1]));
  });
}

/** ISO 8601 dates and datetimes as written in feeds and reports. */
function isoDate(text: string, out: (Candidate | null)[]): void {
  scan(/(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?(?![\d])/g, text, (m) => {
    const c = date(m.index, m.index + m[0].length, Number(m[1]), Number(m[2]), Number(m[3]), undefined);
    if (c && c.mention.kind === 'date' && m[4] !== undefined) {
      const h = Number(m[4]);
      const min = Number(m[5]);
      if (h < 24 && min < 60) c.mention.time = { h, min, zone: m[6] ?? null };
    }
    out.push(c);
  });
}

/**
 * Numeric dates. Slashes: a part above 12 decides the order; otherwise the order
 * the document itself shows elsewhere, otherwise `order` (day first by default,
 * the convention of most English-language news outside the US). Dots are always
 * day.month.year; "2020/12/09" is year first.
 */
function numericDate(text: string, order: NumericOrder, out: (Candidate | null)[]): void {
  const found: { m: RegExpExecArray; a: number; b: number; y: number; dotted: boolean }[] = [];
  scan(/(?<![\d/.,])(\d{1,2})([/.])(\d{1,2})\2(\d{4}|\d{2})(?![\d/]|[.,]\d)/g, text, (m) => {
    const dotted = m[2] === '.';
    if (dotted && m[4]!.length !== 4) return;
    let y = Number(m[4]);
    if (m[4]!.length === 2) y += y < 70 ? 2000 : 1900;
    found.push({ m, a: Number(m[1]), b: Number(m[3]), y, dotted });
  });
  let docOrder: NumericOrder | null = null;
  for (const f of found) {
    if (f.dotted) continue;
    if (f.a > 12 && f.b <= 12) docOrder ??= 'dmy';
    else if (f.b > 12 && f.a <= 12) docOrder ??= 'mdy';
  }
  for (const f of found) {
    let dmy = f.dotted || (docOrder ?? order) === 'dmy';
    if (!f.dotted) {
      if (f.a > 12) dmy = true;
      else if (f.b > 12) dmy = false;
    }
    const [d, mo] = dmy ? [f.a, f.b] : [f.b, f.a];
    out.push(date(f.m.index, f.m.index + f.m[0].length, f.y, mo, d, undefined));
  }
  scan(/(?<![\d/])(\d{4})\/(\d{1,2})\/(\d{1,2})(?![\d/])/g, text, (m) => {
    out.push(date(m.index, m.index + m[0].length, Number(m[1]), Number(m[2]), Number(m[3]), undefined));
  });
}

const MONTH_PREPS = new Set([
  'in', 'since', 'by', 'until', 'till', 'from', 'to', 'through', 'during', 'before', 'after',
  'of', 'early', 'mid', 'late', 'last', 'next', 'this', 'and', 'or', 'between', 'throughout',
]);

/** "March", "March 2021", "last March", "mid-November", "early March". */
function month(at: AnchoredText, out: (Candidate | null)[]): void {
  const text = at.text;
  at.scan(MONTH_ONLY, (m) => {
    const name = m[2] ?? '';
    const mo = monthNumber(name);
    if (mo === null) return;
    let end = m.index + m[0].length;
    if (!m[3] && !m[4]) {
      if (!FULL_MONTH.test(name)) return;
      // "May" is far more often the modal verb; ask for a preposition or modifier.
      if (name === 'May' && !m[1] && !MONTH_PREPS.has(wordBefore(text, m.index))) return;
      if (!m[1] && atSentenceStart(text, m.index) && /^[a-z]/.test(wordAfter(text, end))) {
        if (name === 'May' || name === 'March') return;
      }
      if (text[end - 1] === '.') end--;
    }
    const shift = shiftOf(m[1]);
    const yearOffset = m[4] === 'last' ? -1 : m[4] === 'next' ? 1 : m[4] === 'this' ? 0 : undefined;
    out.push({ start: m.index, end, mention: { kind: 'date', y: m[3] ? Number(m[3]) : null, m: mo, d: null, weekday: null, shift, time: null, yearOffset } });
  });
}

/** "Wednesday", "last Friday", "Tuesday morning". Plurals ("on Wednesdays") are habits, not dates. */
function weekdayName(at: AnchoredText, out: (Candidate | null)[]): void {
  const text = at.text;
  at.scan(WEEKDAY_NAME, (m) => {
    const wd = weekdayNumber(m[2] ?? '');
    if (wd === null) return;
    const prev = wordBefore(text, m.index);
    // "on a Sunday", "every Friday" name no particular day.
    if (!m[1] && ['a', 'every', 'each', 'any'].includes(prev)) return;
    // "the Sunday Times": a weekday naming a paper or an event.
    if (!m[1] && prev === 'the' && /^\s+[A-Z]/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 2)) && !MONTH_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12))) return;
    out.push({ start: m.index, end: m.index + m[0].length, mention: { kind: 'date', y: null, m: null, d: null, weekday: wd, shift: shiftOf(m[1]), time: null } });
  });
}

function holiday(at: AnchoredText, out: (Candidate | null)[]): void {
  at.scan(HOLIDAY_NAME, (m) => {
    const name = m[0].replace(/,?\s+\d{4}$/, '').replace('’', "'").toLowerCase();
    const h = HOLIDAYS[name];
    if (!h) return;
    out.push({ start: m.index, end: m.index + m[0].length, mention: { kind: 'date', y: m[1] ? Number(m[1]) : null, m: h.m, d: h.d, weekday: null, shift: null, time: null } });
  });
}

const CLOCK = new RegExp(
  `(?<![\\w:.,])(?:(\\d{1,2})(?::(\\d{2}))?\\s?([aApP])(?:\\.[mM]\\.|[mM]\\b|\\.[mM]\\b)|(\\d{1,2}):(\\d{2})(?![\\d:]|[.,]\\d)|\\b(noon|midnight|midday))(?:\\s+(${ZONE_RE})\\b)?`,
  'g',
);

/** Wire style "0300 GMT": four digits count as a clock time only with a zone. */
const MILITARY = new RegExp(`(?<![\\w:.,])([01]\\d|2[0-3])([0-5]\\d)\\s?(${ZONE_RE})\\b`, 'g');

/** Clock times: "10:13 pm", "7 p.m.", "14:00 GMT", "noon", "0300 GMT". */
export function clockTimes(text: string): Candidate[] {
  const out: Candidate[] = [];
  scan(MILITARY, text, (m) => {
    const time: ClockTime = { h: Number(m[1]), min: Number(m[2]), zone: ZONES[m[3] ?? ''] ?? null };
    out.push({ start: m.index, end: m.index + m[0].length, mention: { kind: 'clock', time } });
  });
  scan(CLOCK, text, (m) => {
    let h: number;
    let min: number;
    if (m[1] !== undefined) {
      h = Number(m[1]);
      min = m[2] ? Number(m[2]) : 0;
      if (h < 1 || h > 12 || min > 59) return;
      const pm = (m[3] ?? '').toLowerCase() === 'p';
      h = (h % 12) + (pm ? 12 : 0);
    } else if (m[4] !== undefined) {
      h = Number(m[4]);
      min = Number(m[5]);
      if (h > 23 || min > 59) return;
    } else {
      h = m[6] === 'midnight' ? 0 : 12;
      min = 0;
    }
    const time: ClockTime = { h, min, zone: m[7] ? (ZONES[m[7]] ?? null) : null };
    out.push({ start: m.index, end: m.index + m[0].length, mention: { kind: 'clock', time } });
  });
  return out;
}

export function calendarCandidates(at: AnchoredText, order: NumericOrder, refYear: number): Candidate[] {
  const text = at.text;
  const out: (Candidate | null)[] = [];
  dayMonth(at, out);
  monthDay(at, out);
  isoDate(text, out);
  numericDate(text, order, out);
  month(at, out);
  yearCandidates(at, refYear, out);
  weekdayName(at, out);
  holiday(at, out);
  return out.filter((c): c is Candidate => c !== null);
}
