/**
 * Rule-based word tokenizer for news text, close to the UD EWT / Penn Treebank
 * conventions the tagger and parser are trained on, with a few choices that
 * suit news better:
 *
 * - Hyphenated words stay whole ("war-torn", "Nagorno-Karabakh"): entity and
 *   event code wants them as units; EWT splits them, so the tagger is trained
 *   on merged copies too.
 * - A slash between letters splits ("North/South" → North / South, as EWT
 *   does); between digits it does not ("9/11", "11/28/2000").
 * - Clitics split PTB-style: "Azerbaijan’s" → Azerbaijan ’s, "didn't" → did n't,
 *   "cannot" → can not; straight and curly apostrophes alike.
 * - Currency symbols and "%" split from numbers ("$5" → $ 5, "5%" → 5 %).
 * - URLs, e-mail addresses, @handles and #hashtags are single tokens.
 * - Dashes (—, –, --), ellipses (…, ...) and quotes are tokens of their own, and so
 *   are angle brackets, vertical bars and bullets: left over from markup, wire
 *   services or page layouts ("Ltd>", "<CP>", "News|Sport", "•Item"), they must
 *   not glue to the word beside them. A backtick opens a quote ("`burden'"), as in
 *   ASCII-era wire copy.
 * - A final period stays on known abbreviations ("Gen.", "U.S.", "a.m.") and
 *   initials ("J."); whether it also ends a sentence is the splitter's call.
 *
 * It works on offsets only (no substring per character) so it can run over a
 * whole article quickly.
 */
import type { Token } from '../core/doc.js';

/** Abbreviations that keep their final period (compared lowercased, without it). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'messrs', 'mme', 'mlle', 'dr', 'prof', 'gen', 'col', 'lt', 'sgt', 'capt', 'cmdr',
  'adm', 'maj', 'brig', 'cpl', 'pvt', 'gov', 'sen', 'rep', 'reps', 'rev', 'hon', 'pres', 'supt', 'st',
  'jr', 'sr', 'inc', 'corp', 'co', 'ltd', 'bros', 'plc', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul',
  'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'tues', 'wed', 'thu', 'thurs', 'fri', 'vs',
  'etc', 'approx', 'est', 'dept', 'univ', 'ave', 'blvd', 'rd', 'mt', 'ft', 'ala', 'ariz', 'ark',
  'calif', 'colo', 'conn', 'del', 'fla', 'ga', 'ill', 'ind', 'kan', 'kans', 'ky', 'la', 'md', 'mass',
  'mich', 'minn', 'miss', 'mo', 'mont', 'neb', 'nev', 'okla', 'ore', 'pa', 'tenn', 'tex', 'va', 'vt',
  'wash', 'wis', 'wyo', 'fig', 'figs', 'vol', 'vols', 'pp', 'cf', 'al', 'ca', 'gov', 'govt', 'assn',
  'intl', 'natl', 'drs', 'ref', 'tel', 'ext', 'min', 'max', 'sq',
]);

/** Abbreviations that keep their period only before a number ("No. 5", "Art. 3"). */
const NUMERIC_ABBREVIATIONS = new Set(['no', 'nos', 'art', 'arts', 'p', 'para', 'sec', 'ch', 'op']);

/** Words split into two tokens as EWT does: "cannot" → can not. */
const SPLIT_WORDS = new Map<string, number>([
  ['cannot', 3], ['gonna', 3], ['gotta', 3], ['wanna', 3],
]);

const OPENERS = new Set(['"', '\'', '`', '“', '‘', '«', '‹', '(', '[', '{', '¿', '¡', '„', '‚', '<', '•']);
const CLOSERS = new Set(['"', '\'', '”', '’', '»', '›', ')', ']', '}', ',', ';', ':', '!', '?', '.', '>']);
/** Always their own token, wherever they occur in a word. */
const ALWAYS_SPLIT = new Set(['"', '“', '”', '«', '»', '„', '(', ')', '[', ']', '{', '}', ';', '!', '?', '—', '–', '…', '<', '>', '|', '•']);
const CURRENCY = new Set(['$', '€', '£', '¥', '₹', '₽', '₺', '₩']);

const NON_ASCII_WORD = /[\p{L}\p{N}\p{M}]/u;

/**
 * A token with every field the later stages set (tags, head, label) present from the
 * start: objects of one shape, whose fields live in the object itself. Added one by one
 * later, each token grew a separate property store, twice (~20% of what the NLP stack
 * allocates), and went through four shapes.
 */
function tok(start: number, end: number): Token {
  return { start, end, upos: undefined, xpos: undefined, head: undefined, deprel: undefined };
}

export function tokenize(text: string, start = 0, end: number = text.length): Token[] {
  const out: Token[] = [];
  let i = start;
  while (i < end) {
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    if (i >= end) break;
    let j = i;
    while (j < end && !isSpace(text.charCodeAt(j))) j++;
    chunk(text, i, j, end, out);
    i = j;
  }
  return out;
}

export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029
    || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  return NON_ASCII_WORD.test(text[i]!);
}

function isDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

function isApostrophe(ch: string | undefined): boolean {
  return ch === '\'' || ch === '’';
}

/** One whitespace-delimited chunk: peel openers and closers, then split the core. */
function chunk(text: string, s: number, e: number, limit: number, out: Token[]): void {
  const tail: Token[] = [];
  // Peel leading punctuation.
  while (s < e) {
    const ch = text[s]!;
    if (ch === '\'' || ch === '‘' || ch === '’') {
      if (keepsLeadingApostrophe(text, s + 1, e)) break;
      out.push(tok(s, s + 1));
      s++;
    } else if (OPENERS.has(ch) || ch === '—' || ch === '–' || ch === '…') {
      out.push(tok(s, s + 1));
      s++;
    } else if ((ch === '-' || ch === '.') && text[s + 1] === ch) {
      const r = runEnd(text, s, e);
      out.push(tok(s, r));
      s = r;
    } else break;
  }
  // Peel trailing punctuation, innermost last.
  while (e > s) {
    const ch = text[e - 1]!;
    if (ch === '.') {
      if (e - 1 > s && text[e - 2] === '.') {
        const r = runStart(text, s, e);
        tail.push(tok(r, e));
        e = r;
        continue;
      }
      if (keepsPeriod(text, s, e - 1, limit)) break;
      tail.push(tok(e - 1, e));
      e--;
    } else if (ch === '-' && e - 1 > s && text[e - 2] === '-') {
      const r = runStart(text, s, e);
      tail.push(tok(r, e));
      e = r;
    } else if (CLOSERS.has(ch) || ch === '—' || ch === '–' || ch === '…') {
      if (isApostrophe(ch) && !isPossessivePlural(text, s, e - 1)) {
        // "rock 'n' roll", "'n'": leave a lone letter's quote alone.
        if (e - s <= 2) break;
      }
      // Repeated "!!!" / "?!" stay one token.
      let r = e - 1;
      if (ch === '!' || ch === '?') while (r > s && (text[r - 1] === '!' || text[r - 1] === '?')) r--;
      tail.push(tok(r, e));
      e = r;
    } else break;
  }
  if (e > s) core(text, s, e, out);
  for (let k = tail.length - 1; k >= 0; k--) out.push(tail[k]!);
}

/** "'90s", "'em", "'cause", "’tis" keep their leading apostrophe. */
function keepsLeadingApostrophe(text: string, s: number, e: number): boolean {
  if (s >= e) return false;
  if (isDigit(text, s)) return true;
  const w = text.slice(s, Math.min(e, s + 6)).toLowerCase();
  return w === 'em' || w === 'cause' || w === 'tis' || w === 'twas' || w === 'til' || w === 'n';
}

/** "countries'" — an apostrophe right after a word ending in s is a possessive. */
function isPossessivePlural(text: string, s: number, at: number): boolean {
  return at > s && (text[at - 1] === 's' || text[at - 1] === 'S');
}

function runEnd(text: string, s: number, e: number): number {
  const ch = text[s];
  let r = s;
  while (r < e && text[r] === ch) r++;
  return r;
}

function runStart(text: string, s: number, e: number): number {
  const ch = text[e - 1];
  let r = e - 1;
  while (r > s && text[r - 1] === ch) r--;
  return r;
}

/** Does the word text[s, dot) keep the period at `dot`? */
function keepsPeriod(text: string, s: number, dot: number, limit: number): boolean {
  const len = dot - s;
  if (len === 0) return false;
  if (len === 1) return isWordChar(text, s) && !isDigit(text, s);
  if (len > 12) return false;
  // "U.S", "a.m", "Ph.D", "e.g": short letter groups joined by periods.
  let hasDot = false;
  let seg = 0;
  let dotted = true;
  for (let k = s; k < dot; k++) {
    if (text[k] === '.') {
      hasDot = true;
      if (seg === 0) dotted = false;
      seg = 0;
    } else if (isWordChar(text, k) && !isDigit(text, k)) {
      if (++seg > 3) dotted = false;
    } else dotted = false;
  }
  if (hasDot && dotted) return true;
  const w = text.slice(s, dot).toLowerCase();
  if (ABBREVIATIONS.has(w)) return true;
  if (NUMERIC_ABBREVIATIONS.has(w)) {
    let k = dot + 1;
    while (k < limit && isSpace(text.charCodeAt(k))) k++;
    return k < limit && isDigit(text, k);
  }
  return false;
}

/** Starts of text that make a chunk a URL or e-mail address, kept whole. */
function isUrlOrEmail(text: string, s: number, e: number): boolean {
  let marks = false;
  for (let k = s; k < e && !marks; k++) {
    const c = text.charCodeAt(k);
    marks = c === 46 || c === 47 || c === 58 || c === 64; // . / : @
  }
  if (!marks || e - s < 4) return false;
  const head = text.slice(s, Math.min(e, s + 8)).toLowerCase();
  if (head.startsWith('http://') || head.startsWith('https://') || head.startsWith('www.')) return true;
  const w = text.slice(s, e);
  if (w.includes('://')) return true;
  const at = w.indexOf('@');
  if (at > 0 && w.indexOf('.', at) > at + 1 && /^[\w.+-]+@[\w-]+(\.[\w-]+)+$/u.test(w)) return true;
  // Bare domains such as "reuters.com" or "bbc.co.uk/news".
  return /^[a-z0-9-]+(\.[a-z0-9-]+)*\.(com|org|net|gov|edu|int|io|co|uk|ru|az|ir|am|tr|de|fr|info)(\/\S*)?$/i
    .test(w);
}

/** The core of a chunk: split on inner punctuation, then clitics and symbols. */
function core(text: string, s: number, e: number, out: Token[]): void {
  const ch0 = text[s]!;
  if (isUrlOrEmail(text, s, e)) {
    out.push(tok(s, e));
    return;
  }
  if ((ch0 === '@' || ch0 === '#') && e - s > 1 && isWordChar(text, s + 1)) {
    let k = s + 1;
    while (k < e && isWordChar(text, k)) k++;
    out.push(tok(s, k));
    if (k < e) core(text, k, e, out);
    return;
  }
  let ts = s;
  let i = s;
  while (i < e) {
    // ASCII letters and digits, most of any word, never split: skip them without the set lookups.
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) {
      i++;
      continue;
    }
    const ch = text[i]!;
    let cut = 0;
    if (ALWAYS_SPLIT.has(ch)) {
      cut = ch === '!' || ch === '?' ? runEnd2(text, i, e) - i : 1;
    } else if ((ch === '-' || ch === '.') && text[i + 1] === ch) {
      cut = runEnd(text, i, e) - i;
    } else if (ch === ',' || ch === ':' || ch === '/') {
      const between = i > s && i + 1 < e && isDigit(text, i - 1) && isDigit(text, i + 1);
      if (!between) cut = 1;
    }
    if (cut > 0) {
      if (i > ts) word(text, ts, i, out);
      out.push(tok(i, i + cut));
      i += cut;
      ts = i;
    } else i++;
  }
  if (e > ts) word(text, ts, e, out);
}

function runEnd2(text: string, s: number, e: number): number {
  let r = s;
  while (r < e && (text[r] === '!' || text[r] === '?')) r++;
  return r;
}

/** A word piece: split currency, percent and clitics off. */
function word(text: string, s: number, e: number, out: Token[]): void {
  const c0 = text[s]!;
  if (CURRENCY.has(c0) && e - s > 1 && isDigit(text, s + 1)) {
    out.push(tok(s, s + 1));
    s++;
  }
  if (e - s > 1 && text[e - 1] === '%') {
    word(text, s, e - 1, out);
    out.push(tok(e - 1, e));
    return;
  }
  const cl = cliticStart(text, s, e);
  if (cl > s) {
    out.push(tok(s, cl));
    out.push(tok(cl, e));
    return;
  }
  if (e - s >= 5 && e - s <= 6) {
    const split = SPLIT_WORDS.get(text.slice(s, e).toLowerCase());
    if (split !== undefined) {
      out.push(tok(s, s + split));
      out.push(tok(s + split, e));
      return;
    }
  }
  out.push(tok(s, e));
}

/** Where a PTB clitic (’s 're 've 'll 'd 'm n't) begins, or s when there is none. */
function cliticStart(text: string, s: number, e: number): number {
  const n = e - s;
  if (n < 3) return s;
  const last = lower(text, e - 1);
  const prev = text[e - 2];
  // n't: did|n't, but "can't" → ca|n't as in PTB.
  if (n >= 4 && last === 't' && isApostrophe(prev) && lower(text, e - 3) === 'n') return e - 3;
  if (isApostrophe(prev) && (last === 's' || last === 'd' || last === 'm')) return e - 2;
  if (n >= 4 && isApostrophe(text[e - 3])) {
    const two = lower(text, e - 2) + last;
    if (two === 're' || two === 've' || two === 'll') return e - 3;
  }
  return s;
}

function lower(text: string, i: number): string {
  return (text[i] ?? '').toLowerCase();
}
