/**
 * Publication dates as news pages write them: ISO strings from metadata, and the
 * visible forms of date lines ("09th Dec, 2020. 10:13 pm", "December 9, 2020 at
 * 3:05 PM EST", "9 December 2020", "12/09/2020"). The value is ISO 8601 to the
 * precision the text gives; a UTC offset appears only when the text states one
 * (an offset or a zone abbreviation we know), never invented from the reader's clock.
 *
 * Numeric dates: with "/" the US order (month first) unless the first number
 * exceeds 12; with "." or "-" the day comes first (European and most other wire
 * styles). ISO "YYYY-MM-DD" is always year-month-day.
 */

export interface ParsedDate {
  /** ISO 8601: YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][offset]. */
  value: string;
  /** The text the date was read from. */
  text: string;
  /** Offset of `text` in the string given to parseDate. */
  index: number;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5,
  jun: 6, june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9,
  oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

// Zone abbreviations common in English-language news, with their fixed offsets.
// Ambiguous ones (IST: India/Ireland/Israel) take the most common news reading.
const ZONES: Record<string, string> = {
  utc: 'Z', gmt: 'Z', z: 'Z', est: '-05:00', edt: '-04:00', cst: '-06:00', cdt: '-05:00',
  mst: '-07:00', mdt: '-06:00', pst: '-08:00', pdt: '-07:00', bst: '+01:00', cet: '+01:00',
  cest: '+02:00', eet: '+02:00', eest: '+03:00', msk: '+03:00', ist: '+05:30', pkt: '+05:00',
  jst: '+09:00', kst: '+09:00', aest: '+10:00', aedt: '+11:00', sgt: '+08:00', hkt: '+08:00',
};

const MONTH_NAME = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(\\d{4})';
const WEEKDAY = '(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday|sday)?\\.?,?\\s+)?';
// Optional time after the date: ". 10:13 pm", " at 3:05 PM EST", ", 22:13 GMT+5".
const TIME = '(?:[\\s,.|–-]*(?:at\\s+)?(\\d{1,2})[:.](\\d{2})(?::(\\d{2}))?\\s*([ap]\\.?m\\.?)?(?:\\s*\\(?((?:utc|gmt)\\s*[+-]\\s*\\d{1,2}(?::?\\d{2})?|[a-z]{2,4})\\)?)?)?';

const FORMS: ReadonlyArray<{ re: RegExp; order: 'dmy' | 'mdy' | 'ymd' | 'ymd-time' | 'num' }> = [
  // 2020-12-09, 2020-12-09T22:13:00+05:00, 2020-12-09 22:13
  {
    re: /\b(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?/i,
    order: 'ymd',
  },
  // 2022-09-05 at 11:20 GMT+1 (an ISO date with a spelled-out time)
  { re: new RegExp(`\\b(\\d{4})-(\\d{2})-(\\d{2})${TIME}`, 'i'), order: 'ymd-time' },
  // 09th Dec, 2020 / 9 December 2020 / Wednesday 9 Dec. 2020
  { re: new RegExp(`\\b${WEEKDAY}${DAY}\\s+(?:of\\s+)?${MONTH_NAME},?\\s+${YEAR}${TIME}`, 'i'), order: 'dmy' },
  // December 9, 2020 / Dec. 9th 2020
  { re: new RegExp(`\\b${WEEKDAY}${MONTH_NAME}\\s+${DAY},?\\s+${YEAR}${TIME}`, 'i'), order: 'mdy' },
  // 12/09/2020, 09.12.2020, 9-12-2020
  { re: new RegExp(`\\b(\\d{1,2})([./-])(\\d{1,2})\\2${YEAR}${TIME}`, 'i'), order: 'num' },
];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function isValidDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= (days[m - 1] ?? 0);
}

function zoneOffset(zone: string | undefined): string | null {
  if (!zone) return null;
  const z = zone.toLowerCase().replace(/\s+/g, '');
  const m = /^(?:utc|gmt)([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(z);
  if (m) return `${m[1]}${pad(Number(m[2]))}:${m[3] ?? '00'}`;
  return ZONES[z] ?? null;
}

function isoOffset(raw: string | undefined): string {
  if (!raw) return '';
  if (raw.toUpperCase() === 'Z') return 'Z';
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(raw);
  return m ? `${m[1]}${m[2]}:${m[3]}` : '';
}

function buildValue(y: number, mo: number, d: number, h?: string, mi?: string, s?: string, ampm?: string, offset = ''): string | null {
  if (!isValidDate(y, mo, d)) return null;
  let date = `${y}-${pad(mo)}-${pad(d)}`;
  if (h === undefined || mi === undefined) return date;
  let hour = Number(h);
  const minute = Number(mi);
  if (ampm) {
    const pm = ampm.toLowerCase().startsWith('p');
    if (hour < 1 || hour > 12) return date;
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return date;
  date += `T${pad(hour)}:${pad(minute)}`;
  if (s !== undefined && Number(s) > 0 && Number(s) < 60) date += `:${pad(Number(s))}`;
  return date + offset;
}

/** Find the first date in `text` and return its ISO value, or null. */
export function parseDate(text: string): ParsedDate | null {
  let best: ParsedDate | null = null;
  for (const { re, order } of FORMS) {
    const m = re.exec(text);
    // The earliest date wins; at the same place, the longer reading (one that also has the time).
    if (!m || (best && (best.index < m.index || (best.index === m.index && best.text.length >= m[0].trim().length)))) continue;
    const g = (i: number): string | undefined => m[i];
    let value: string | null = null;
    if (order === 'ymd') {
      value = buildValue(Number(g(1)), Number(g(2)), Number(g(3)), g(4), g(5), g(6), undefined, isoOffset(g(7)));
    } else if (order === 'ymd-time') {
      value = buildValue(Number(g(1)), Number(g(2)), Number(g(3)), g(4), g(5), g(6), g(7), zoneOffset(g(8)) ?? '');
    } else if (order === 'dmy' || order === 'mdy') {
      const day = Number(order === 'dmy' ? g(1) : g(2));
      const month = MONTHS[(order === 'dmy' ? g(2) : g(1))!.toLowerCase().replace('.', '')] ?? 0;
      value = buildValue(Number(g(3)), month, day, g(4), g(5), g(6), g(7), zoneOffset(g(8)) ?? '');
    } else {
      const a = Number(g(1));
      const b = Number(g(3));
      const monthFirst = g(2) === '/' ? a <= 12 : b > 12 && a <= 12;
      const [mo, d] = monthFirst ? [a, b] : [b, a];
      value = buildValue(Number(g(4)), mo, d, g(5), g(6), g(7), g(8), zoneOffset(g(9)) ?? '');
    }
    if (value) best = { value, text: m[0].replace(/[\s,.|–-]+$/, ''), index: m.index };
  }
  return best;
}

// Words that may surround a date on a date line without making it prose.
const DATE_LINE_WORDS = /\b(?:published|posted|updated|last updated|modified|on|at|date|dated|first published|time|hrs|ist)\b|[:|,.()\-–—·•\s]/gi;

/**
 * If `line` is a date line (a date with at most a few label words around it),
 * return the parsed date; prose that contains a date is not a date line.
 */
export function parseDateLine(line: string): ParsedDate | null {
  const trimmed = line.trim();
  if (trimmed.length > 100) return null;
  const first = parseDate(trimmed);
  if (!first) return null;
  // "Published 14.06.2022 18:05 · Updated 14.06.2022 19:20": every date goes, the first is the publication.
  let rest = trimmed;
  for (let d: ParsedDate | null = first; d; d = parseDate(rest)) {
    rest = rest.slice(0, d.index) + ' ' + rest.slice(d.index + d.text.length);
  }
  return rest.replace(DATE_LINE_WORDS, '').length <= 3 ? first : null;
}
