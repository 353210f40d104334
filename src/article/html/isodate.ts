/**
 * Machine-readable dates from meta tags and JSON-LD. These are almost always ISO
 * 8601 or the SQL-ish "YYYY-MM-DD HH:MM:SS"; they are normalised here without going
 * through Date, which would invent a time zone. Anything else goes to the shared
 * news-date parser.
 */
import { parseDate, parseDateLine } from '../dates.js';

const ISO =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

function valid(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  return y >= 1900 && y <= 2100 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h <= 24 && mi <= 59 && s <= 60;
}

/**
 * "2020-12-09T22:13:00+05:00" → "2020-12-09T22:13+05:00": minutes precision, seconds
 * only when nonzero, the offset only when the source states one (Z is kept as Z).
 */
export function normaliseIso(text: string): string | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, off] = m;
  if (!valid(+y!, +mo!, +d!, +(h ?? 0), +(mi ?? 0), +(s ?? 0))) return null;
  const date = `${y}-${mo}-${d}`;
  if (h === undefined) return date;
  let out = `${date}T${h}:${mi}`;
  if (s !== undefined && +s !== 0) out += `:${s}`;
  if (off !== undefined) {
    if (/^z$/i.test(off)) out += 'Z';
    else {
      const digits = off.replace(':', '');
      out += `${digits.slice(0, 3)}:${digits.slice(3, 5) || '00'}`;
    }
  }
  return out;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const RFC2822 = /^(?:[a-z]{3},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*(gmt|utc|z|[+-]\d{4})?$/i;

/** "Mon, 18 Nov 2019 16:07:38 -0600": the RSS/HTTP form some CMSs put in meta tags. */
export function normaliseRfc2822(text: string): string | null {
  const m = RFC2822.exec(text.trim());
  if (!m) return null;
  const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
  if (month === 0) return null;
  const zone = m[7] === undefined ? '' : /^[+-]/.test(m[7]) ? m[7] : 'Z';
  return normaliseIso(`${m[3]}-${String(month).padStart(2, '0')}-${m[1]!.padStart(2, '0')}T${m[4]}:${m[5]}:${m[6] ?? '00'}${zone}`);
}

/** A published date from any string: ISO first, then the news-date parser. */
export function readDate(text: string | null | undefined): { value: string; text: string } | null {
  if (!text) return null;
  const raw = text.trim();
  if (!raw) return null;
  // An ISO string with an impossible value ("0001-01-01T00:00:00Z", a CMS's empty
  // date) is no date at all, not something for the lenient parser to salvage.
  if (ISO.test(raw)) {
    const iso = normaliseIso(raw);
    return iso ? { value: iso, text: raw } : null;
  }
  const rfc = normaliseRfc2822(raw);
  if (rfc) return { value: rfc, text: raw };
  if (raw.length > 80) return null;
  const d = parseDate(raw);
  return d ? { value: d.value, text: raw } : null;
}

const LABEL = /^\W*(?:published|updated|posted|first published|last updated)(?:\s+on)?\s*:?\s*/i;
const LEADING_TIME = /^(\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s+[a-z]{2,4})?)\s*[,|–-]?\s+(.+)$/i;

/**
 * A visible date line. Besides what the shared parser reads, some CMSs put the
 * time first ("Published 10:02 AM EST Nov 19, 2019"): that is read with the time
 * moved after the date.
 */
export function readDateLine(line: string): { value: string; text: string } | null {
  const direct = parseDateLine(line);
  if (direct) return { value: direct.value, text: line };
  const m = LEADING_TIME.exec(line.replace(LABEL, ''));
  if (!m) return null;
  const swapped = parseDateLine(`${m[2]} ${m[1]}`);
  return swapped ? { value: swapped.value, text: line } : null;
}
