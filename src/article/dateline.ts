import type { Doc } from '../core/doc.js';

/**
 * Datelines: the place (and often date and agency) that opens a wire story —
 * "TEHRAN —", "MOSCOW, Nov 10 (Reuters) -", "WASHINGTON (AP) —", "Kabul (AFP) -",
 * "LONDON: ". The place must be in capitals, or be followed by an agency in
 * parentheses, because a mixed-case "Tehran, Iranian President …" is ordinary prose.
 * The dateline stays in the body text (it is part of the first sentence); the
 * record names it in `dateline`.
 */

export interface FoundDateline {
  /** The place as written: "MOSCOW". */
  place: string;
  /** The whole dateline prefix: "MOSCOW, Nov 10 (Reuters) -". */
  text: string;
}

const CAPS_PLACE = "[A-Z][A-Z.'’-]*(?:\\s+[A-Z][A-Z.'’-]*){0,3}";
const MIXED_PLACE = "[A-Z][\\p{L}.'’-]*(?:\\s+[A-Z][\\p{L}.'’-]*){0,3}";
const REGION = "(?:,\\s*[A-Z][\\p{L}.'’-]*(?:\\s+[A-Z][\\p{L}.'’-]*){0,2})?";
const MONTH = '(?:[Jj]an|[Ff]eb|[Mm]ar|[Aa]pr|[Mm]ay|[Jj]un|[Jj]ul|[Aa]ug|[Ss]ep|[Oo]ct|[Nn]ov|[Dd]ec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[a-zA-Z]*';
const DATE = `(?:,?\\s*${MONTH}\\.?\\s+\\d{1,2}(?:,\\s*\\d{4})?)?`;
const AGENCY = '\\s*\\((?:[A-Z][\\p{L}\\s.&/-]{1,30})\\)';
const DASH = '\\s*(?:[—–]|--?)\\s+';

const CAPS_FORM = new RegExp(`^(${CAPS_PLACE})${REGION}${DATE}(?:${AGENCY})?(?:${DASH}|:\\s+)`, 'u');
const AGENCY_FORM = new RegExp(`^(${MIXED_PLACE})${REGION}${DATE}${AGENCY}(?:${DASH}|:\\s+)?`, 'u');

const CREDIT_FORM = new RegExp(`^${AGENCY}(?:${DASH})?\\s*`, 'u');

/**
 * An agency's credit opening a paragraph without a place: "(Reuters) — The New York State
 * Attorney General …", "(CNN)President Donald Trump …"; the credit with its dash, or null.
 */
export function agencyCredit(paragraph: string): string | null {
  const m = CREDIT_FORM.exec(paragraph);
  return m && m[0].length < paragraph.length ? m[0] : null;
}

/**
 * What opens a sentence's text before the sentence itself: the article's dateline (its `place`
 * as the record names it) or an agency's credit; null when neither does. Such a prefix names
 * where and from whom the story is, never who acts in it.
 */
function openingPrefix(sentence: string, place: string | null): string | null {
  return (place && sentence.startsWith(place) ? findDateline(sentence)?.text : null) ?? agencyCredit(sentence);
}

export function findDateline(paragraph: string): FoundDateline | null {
  const caps = CAPS_FORM.exec(paragraph);
  // A capitalised place needs at least two letters and must not be an acronym that opens prose ("UN: …" is rare but "AP" alone isn't a place).
  if (caps && caps[1] && /[A-Z]{3,}|[A-Z]{2,}\s+[A-Z]{2,}/.test(caps[1])) {
    return { place: caps[1].replace(/[.,]+$/, ''), text: caps[0].trim() };
  }
  const agency = AGENCY_FORM.exec(paragraph);
  if (agency && agency[1]) return { place: agency[1], text: agency[0].trim() };
  return null;
}

/** Paragraphs shorter than this may stand before the dateline's: a caption, a credit, a kicker. */
const SHORT_LEAD = 60;
const MAX_LEADS = 2;

/**
 * Where the dateline's place opens the text: at its start, or at the start of a paragraph that
 * `firstDateline` may have found it in (after short leads such as "Caption"), give or take five
 * characters of quote marks; else -1.
 */
export function datelineOffset(text: string, place: string): number {
  let at = 0;
  for (let p = 0; p <= MAX_LEADS; p++) {
    const start = text.indexOf(place, at);
    if (start >= 0 && start <= at + 5) return start;
    const next = text.indexOf('\n', at);
    if (next < 0) return -1;
    at = next + 1;
    while (text[at] === '\n') at++;
  }
  return -1;
}

/**
 * The dateline of the first paragraph, or of a later one when only short leads stand before it
 * ("Caption", "Photo: AP" left by a page's layout before "HANOI, Vietnam (AP) — …").
 */
export function firstDateline(paragraphs: readonly string[]): FoundDateline | null {
  for (const [i, p] of paragraphs.entries()) {
    const found = findDateline(p);
    if (found || i >= MAX_LEADS || p.length >= SHORT_LEAD) return found;
  }
  return null;
}

/**
 * The first token after a dateline or an agency's credit that opens the sentence of tokens
 * [first, end) (`openingPrefix`), or null when none does or nothing follows it.
 */
export function prefixEnd(doc: Doc, first: number, end: number): number | null {
  const start = doc.tokens[first]!.start;
  const place = doc.meta.dateline?.text ?? null;
  // Most sentences open with neither: no copy of their text is made for them.
  if (doc.text[start] !== '(' && !(place && doc.text.startsWith(place, start))) return null;
  const prefix = openingPrefix(doc.text.slice(start, doc.tokens[end - 1]!.end), place);
  if (!prefix) return null;
  const cut = start + prefix.length;
  let k = first;
  while (k < end && doc.tokens[k]!.start < cut) k++;
  return k < end ? k : null;
}
