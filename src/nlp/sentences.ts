/**
 * Rule-based sentence splitter for news text. It walks the tokenizer's output
 * (so abbreviations, numbers and URLs are already whole tokens) and decides at
 * each ". ! ? …" whether a sentence ends. A sentence never crosses a paragraph
 * break. Rules rather than a model: news is well edited, and the hard cases
 * (titles, initials, "U.S." before a capital) are few and nameable.
 */
import type { Doc, Token } from '../core/doc.js';
import type { Span } from '../core/span.js';
import type { Stage } from '../core/stage.js';
import { tokenize } from './tokenize.js';

export const SENTENCES_VERSION = '1.0.0';

/** Abbreviations that precede a name and so never end a sentence. */
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'messrs', 'mme', 'mlle', 'dr', 'prof', 'gen', 'col', 'lt', 'sgt', 'capt', 'cmdr',
  'adm', 'maj', 'brig', 'cpl', 'pvt', 'gov', 'sen', 'rep', 'reps', 'rev', 'hon', 'pres', 'supt', 'no',
  'nos', 'art', 'drs', 'p.s', 'ps', 'vs', 'cf', 'e.g', 'i.e', 'fig', 'vol', 'pp', 'op', 'ch', 'sec', 'para',
  'approx',
]);

/**
 * Capitalised words that, after an abbreviation such as "U.S." or "Inc.", mark
 * a new sentence rather than a name ("in the U.S. The ..." vs "U.S. Army").
 */
const STARTERS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'he', 'she', 'it', 'they', 'we', 'i', 'you',
  'his', 'her', 'its', 'their', 'our', 'my', 'but', 'and', 'or', 'so', 'yet', 'in', 'on', 'at', 'for',
  'from', 'with', 'after', 'before', 'when', 'while', 'if', 'as', 'however', 'meanwhile', 'there',
  'here', 'what', 'why', 'how', 'who', 'where', 'some', 'many', 'most', 'all', 'not', 'both', 'each',
  'such', 'since', 'although', 'though', 'also', 'still', 'then', 'now', 'earlier', 'later',
  'another', 'according', 'under', 'during', 'despite', 'by', 'to', 'is', 'was', 'are', 'were',
  'do', 'does', 'did', 'can', 'will', 'would', 'should', 'could', 'please', 'thanks', 'thank', 'yes',
  'former', 'last', 'next', 'every', 'several', 'other', 'only', 'even', 'because', 'instead', 'until',
  'among', 'nevertheless', 'moreover', 'furthermore', 'therefore', 'thus', 'today', 'yesterday',
  'speaking', 'asked', 'officials', 'analysts', 'police',
]);

const CLOSING = new Set(['”', '’', '"', '\'', ')', ']', '»', '}']);
const OPENING = new Set(['“', '‘', '"', '\'', '(', '[', '«']);
const NO_START = new Set(['.', ',', ';', ':', '?', '!', ')', ']', '}', '-', '–', '—', '…', '=', '\'', '’', '/', '%']);

export function splitSentences(text: string, paragraphs?: readonly Span[]): Span[] {
  const paras = paragraphs ?? findParagraphs(text);
  const out: Span[] = [];
  for (const p of paras) splitParagraph(text, tokenize(text, p.start, p.end), out);
  return out;
}

/** Paragraphs are separated by a blank line (possibly holding spaces). */
export function findParagraphs(text: string): Span[] {
  const out: Span[] = [];
  const re = /\n[^\S\n]*\n\s*/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  out.push({ start, end: text.length });
  return out;
}

/**
 * The most tokens a sentence may have. Longer runs (a scrape without punctuation, a
 * list, a table flattened to text) are cut into windows of at most this many tokens:
 * every later stage works per sentence, and some look across a whole clause for each
 * word they code, which costs the square of the length (a 20,000-token run took the
 * events coder 16 s). Edited news sentences stay far below it.
 */
export const MAX_SENTENCE_TOKENS = 250;
/** Tokens after which a window is best cut, nearest the limit first. */
const SOFT_BREAKS = new Set([',', ';', ':', '—', '–', '-', ')', ']', '…']);

/** Sentence spans over one paragraph's tokens, appended to `out`. */
export function splitParagraph(text: string, toks: readonly Token[], out: Span[]): void {
  let first = 0;
  for (let i = 0; i < toks.length; i++) {
    let end = sentenceEndAt(text, toks, i);
    if (end < 0 && i + 1 < toks.length && startsListItem(text, toks, i + 1)) end = i;
    if (end < 0) continue;
    pushBounded(text, toks, first, end, out);
    first = end + 1;
    i = end;
  }
  if (first < toks.length) pushBounded(text, toks, first, toks.length - 1, out);
}

/** Markers of a list item at the start of a line. */
const BULLETS = new Set(['-', '–', '—', '•', '*', '·', '▪', '‣']);

/**
 * Whether token j opens a list item: a bullet first on its line, then a space. Lists
 * whose items run on without a full stop ("- Best sound design - The Woman in White
 * ⏎ - Best new opera - …") would otherwise make one sentence of a whole list.
 */
function startsListItem(text: string, toks: readonly Token[], j: number): boolean {
  const t = toks[j]!;
  // Asked of almost every token: settled on its length and first character, no slice.
  if (t.end - t.start !== 1 || !BULLETS.has(text[t.start]!)) return false;
  const next = toks[j + 1];
  if (!next || next.start === t.end) return false;
  // First on its line: the space since the previous token holds a line break.
  for (let k = toks[j - 1]!.end; k < t.start; k++) if (text.charCodeAt(k) === 10) return true;
  return false;
}

/** Tokens first..last as one sentence, or as windows of at most MAX_SENTENCE_TOKENS cut at soft breaks where there are any. */
function pushBounded(text: string, toks: readonly Token[], first: number, last: number, out: Span[]): void {
  while (last - first + 1 > MAX_SENTENCE_TOKENS) {
    let cut = first + MAX_SENTENCE_TOKENS - 1;
    for (let k = cut; k >= first + MAX_SENTENCE_TOKENS / 2; k--) {
      const t = toks[k]!;
      if (SOFT_BREAKS.has(text.slice(t.start, t.end))) {
        cut = k;
        break;
      }
    }
    out.push({ start: toks[first]!.start, end: toks[cut]!.end });
    first = cut + 1;
  }
  out.push({ start: toks[first]!.start, end: toks[last]!.end });
}

// Words a sentence does not end with: an ellipsis after one marks words left out mid-sentence.
const NO_END = new Set(['the', 'a', 'an', 'of', 'by', 'to', 'in', 'on', 'at', 'for', 'with', 'from', 'against', 'and', 'or', 'but', 'that', 'than', 'as', 'his', 'her', 'its', 'their', 'our', 'my', 'your']);

function isDot(text: string, t: Token): boolean {
  return t.end - t.start === 1 && text.charCodeAt(t.start) === 46;
}

/**
 * When token i can end a sentence, the index of the sentence's last token
 * (after any closing quotes or brackets); otherwise -1.
 */
function sentenceEndAt(text: string, toks: readonly Token[], i: number): number {
  const t = toks[i]!;
  // Most tokens end in none of . ! ? …: decided without slicing the token out.
  const lastCode = text.charCodeAt(t.end - 1);
  if (lastCode !== 46 && lastCode !== 33 && lastCode !== 63 && lastCode !== 0x2026) return -1;
  const s = text.slice(t.start, t.end);
  const c = s[s.length - 1]!;
  // A spaced ellipsis (". . .") is three tokens; its last one trails off like "…".
  const spaced = s === '.' && i >= 2 && isDot(text, toks[i - 1]!) && isDot(text, toks[i - 2]!);
  const trailing = c === '…' || (s.length > 1 && /^\.+$/.test(s)) || spaced;
  // "attacks by . . . Iran": an ellipsis after a word no sentence ends with leaves out words within one.
  if (trailing) {
    const before = toks[i - (spaced ? 3 : 1)];
    if (before && NO_END.has(text.slice(before.start, before.end).toLowerCase())) return -1;
  }
  const isTerminal = trailing || c === '!' || c === '?' || s === '.';
  const isAbbrev = !isTerminal && c === '.';
  if (!isTerminal && !isAbbrev) return -1;
  // Closing quotes and brackets glued to the punctuation belong to this sentence.
  let last = i;
  while (last + 1 < toks.length) {
    const n = toks[last + 1]!;
    const ch = text.slice(n.start, n.end);
    if (!CLOSING.has(ch)) break;
    const glued = n.start === toks[last]!.end;
    if ((ch === '"' || ch === '\'') && !glued) break;
    last++;
  }
  const next = toks[last + 1];
  if (!next) return last;
  let word = text.slice(next.start, next.end);
  if (OPENING.has(word)) {
    const after = toks[last + 2];
    if (!after || word === '“' || word === '«') return last;
    word = text.slice(after.start, after.end);
  }
  const f = word[0]!;
  // More punctuation or an emoticon (". ." / "! :)") continues the sentence.
  if (NO_START.has(f)) return -1;
  const upper = f !== f.toLowerCase();
  const lower = f !== f.toUpperCase();
  if (isTerminal) {
    // "…" and "..." often trail off mid-sentence; only a capital ends them.
    if (trailing) return upper ? last : -1;
    if (!lower) return last;
    // A bare period before a lower-case word still ends a sentence (abbreviations
    // are whole tokens by now). "?" and "!" do not: news is full of titles such as
    // "Do They Know It's Christmas? has gone ..." and "?” he said".
    return s === '.' && last === i ? last : -1;
  }
  if (!upper) return -1;
  if (TITLES.has(s.slice(0, -1).toLowerCase())) return -1;
  // Other abbreviations and initials end a sentence only before a typical starter.
  return STARTERS.has(word.toLowerCase()) ? last : -1;
}

export const sentenceStage: Stage = {
  name: 'sentences',
  version: SENTENCES_VERSION,
  requires: ['text'],
  assigns: ['sentences'],
  run(doc: Doc): void {
    doc.sentences = splitSentences(doc.text, doc.paragraphs.length > 0 ? doc.paragraphs : undefined);
    doc.provenance.sentences = `sentences@${SENTENCES_VERSION} (rules)`;
  },
};
