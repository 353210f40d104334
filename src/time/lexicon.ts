/** Word lists the matchers share. Kept as data so a reviewer can read the coverage. */
import type { Unit } from './mention.js';

export const MONTHS: Readonly<Record<string, number>> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8,
  september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/** Title-case month names and abbreviations, longest first so alternation prefers them. */
export const MONTH_RE =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)';
export const FULL_MONTH_RE =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December)';

export const WEEKDAYS: Readonly<Record<string, number>> = {
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
  sun: 0, mon: 1, tue: 2, tues: 2, wed: 3, thu: 4, thur: 4, thurs: 4, fri: 5, sat: 6,
};
export const WEEKDAY_RE = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
export const WEEKDAY_ANY_RE =
  '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)';

export function monthNumber(word: string): number | null {
  return MONTHS[word.toLowerCase().replace(/\.$/, '')] ?? null;
}

export function weekdayNumber(word: string): number | null {
  return WEEKDAYS[word.toLowerCase().replace(/\.$/, '')] ?? null;
}

const SMALL: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50,
  sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, 'a hundred': 100,
  'a dozen': 12, dozen: 12, 'half a': 0.5,
};

/** Quantities that name no number: the duration is real but its length is not stated. */
export const VAGUE_QUANTITIES = [
  'a few', 'few', 'several', 'many', 'some', 'a couple of', 'a couple', 'a number of', 'dozens of',
  'hundreds of', 'the past few', 'countless', 'numerous',
];

export const NUMBER_WORD_RE =
  '(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|a hundred|hundred|a dozen|dozen|half a|an|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)';

/** Digits ("72", "1,000", "1.5") or number words; null when the words are not a number. */
export function parseQuantity(raw: string): number | null {
  const text = raw.trim().toLowerCase();
  if (/^\d[\d,]*(\.\d+)?$/.test(text)) return Number(text.replace(/,/g, ''));
  const direct = SMALL[text];
  if (direct !== undefined) return direct;
  const parts = text.split(/[- ]/);
  if (parts.length === 2) {
    const tens = SMALL[parts[0] ?? ''];
    const ones = SMALL[parts[1] ?? ''];
    if (tens !== undefined && ones !== undefined && tens >= 20 && ones < 10) return tens + ones;
  }
  return null;
}

export const UNIT_RE =
  '(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|years?|decades?|century|centuries)';

export function unitOf(word: string): { unit: Unit; factor: number } | null {
  const w = word.toLowerCase();
  if (w.startsWith('second')) return { unit: 'second', factor: 1 };
  if (w.startsWith('minute')) return { unit: 'minute', factor: 1 };
  if (w.startsWith('hour')) return { unit: 'hour', factor: 1 };
  if (w.startsWith('day') || w.startsWith('night')) return { unit: 'day', factor: 1 };
  if (w.startsWith('fortnight')) return { unit: 'week', factor: 2 };
  if (w.startsWith('week')) return { unit: 'week', factor: 1 };
  if (w.startsWith('month')) return { unit: 'month', factor: 1 };
  if (w.startsWith('year')) return { unit: 'year', factor: 1 };
  if (w.startsWith('decade')) return { unit: 'decade', factor: 1 };
  if (w.startsWith('centur')) return { unit: 'century', factor: 1 };
  return null;
}

/** Zones common in wire copy whose offset is fixed; others stay in the text only. */
export const ZONES: Readonly<Record<string, string>> = {
  GMT: 'Z', UTC: 'Z', Z: 'Z', BST: '+01:00', CET: '+01:00', CEST: '+02:00', EET: '+02:00',
  EEST: '+03:00', MSK: '+03:00', EST: '-05:00', EDT: '-04:00', CST: '-06:00', CDT: '-05:00',
  MST: '-07:00', MDT: '-06:00', PST: '-08:00', PDT: '-07:00', JST: '+09:00',
};
export const ZONE_RE = '(?:GMT|UTC|BST|CEST|CET|EEST|EET|MSK|EST|EDT|CST|CDT|MST|MDT|PST|PDT|JST)';

/** Fixed-date holidays only; movable feasts (Easter, Eid) need tables per year. */
export const HOLIDAYS: Readonly<Record<string, { m: number; d: number }>> = {
  "new year's eve": { m: 12, d: 31 }, "new year's day": { m: 1, d: 1 },
  'christmas eve': { m: 12, d: 24 }, 'christmas day': { m: 12, d: 25 }, christmas: { m: 12, d: 25 },
  'boxing day': { m: 12, d: 26 }, 'valentine\'s day': { m: 2, d: 14 }, 'halloween': { m: 10, d: 31 },
};
export const HOLIDAY_RE =
  "(?:New Year['’]s Eve|New Year['’]s Day|Christmas Eve|Christmas Day|Christmas|Boxing Day|Valentine['’]s Day|Halloween)";
