/**
 * Direct quotations by their marks (shared by the quotes stage and by coreference,
 * which must not take an antecedent from inside a quotation). Curly and guillemet marks pair by shape;
 * straight double quotes alternate open/close within a paragraph. A quote that opens and
 * never closes runs to the end of its paragraph; when the next paragraph opens with a mark
 * it is the continuation of a multi-paragraph quote (the news convention of reopening each
 * paragraph and closing only the last). Where a scraper joined those paragraphs into one,
 * the reopening mark stands after a finished sentence and before a capital: it ends the
 * quote before it unclosed and starts one that continues it.
 *
 * Single marks (‘…’ and '…') are the quote marks of British house style, with double marks
 * nested inside them; elsewhere they are the nested marks, and ’ and ' are far more often
 * apostrophes. So a document's first quotation decides: when it is single-marked, single
 * marks delimit quotations for the whole document; otherwise they stay inside their outer
 * quote and are never boundaries. A single mark opens only at a word's start and closes
 * only at a word's end (never "don't", "it’s"), and a close after "s" ("the workers’ union")
 * yields to a later close when there is one.
 */
import type { Span } from './span.js';

export interface QuoteMarks {
  /** The words inside the marks. */
  inner: Span;
  /** Including the marks that are present. */
  outer: Span;
  closed: boolean;
  /** Index of the paragraph the quote starts in. */
  paragraph: number;
  /** True when this quote continues an unclosed quote of the previous paragraph. */
  continues: boolean;
}

const OPEN: Record<string, string> = { '“': '”', '«': '»', '„': '“', '"': '"', '‘': '’', "'": "'" };
const LEFT_SQUOTE = 0x2018;
const APOSTROPHE = 0x27;

function trimInner(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

const isDoubleOpener = (code: number): boolean => code === 0x201c || code === 0xab || code === 0x201e || code === 0x22;
// What may stand before an opening single mark: nothing, a space, a bracket, a dash or an outer double mark.
const BEFORE_SINGLE_OPEN = /[\s([{“"«„—–]/;
const WORD_CHAR = /[\p{L}\p{N}]/u;
// A close is certain when punctuation ends the words inside it or follows it.
const PUNCT_BEFORE_CLOSE = /[.,!?…;:—–-]/;
const PUNCT_AFTER_CLOSE = /[.,;:!?)\]—–]/;

// A mark at a word's start that stands for missing letters, not an opening: "the '90s", "rock 'n' roll", "'em".
const ELISION = /^(?:\d\ds?|n|em|til|tis|twas|cause|bout)(?![\p{L}\p{N}])/iu;

function singleOpensAt(text: string, i: number, para: Span): boolean {
  const next = text[i + 1];
  if (next === undefined || i + 1 >= para.end || /\s/.test(next) || next === text[i]) return false;
  if (i > para.start && !BEFORE_SINGLE_OPEN.test(text[i - 1]!)) return false;
  return !ELISION.test(text.slice(i + 1, Math.min(para.end, i + 7)));
}

/**
 * A straight double mark at `j` that opens a quote rather than closing the one before: it
 * follows a finished sentence and a space, and a capital or digit follows it ("… than that.
 * "So we …"). Paragraphs flattened into one reopen a multi-paragraph quote this way; a close
 * is glued to the words it ends.
 */
function straightReopens(text: string, j: number, para: Span): boolean {
  if (j + 1 >= para.end || !/[\p{Lu}\d]/u.test(text[j + 1]!)) return false;
  return /[.!?…]\s+$/u.test(text.slice(Math.max(para.start, j - 4), j));
}

/** End of the double-marked quote opening at `i` (after its close), or `i + 1` when it does not close in the paragraph. */
function skipDouble(text: string, i: number, para: Span): number {
  const close = OPEN[text[i]!]!;
  for (let j = i + 1; j < para.end; j++) if (text[j] === close) return j + 1;
  return i + 1;
}

/**
 * The close of the single-marked quote opening at `i`: its offset, or `para.end` when the
 * quote runs on into the next paragraph; null when the mark opens nothing (an apostrophe,
 * an elided "‘90s").
 */
function singleCloseFor(text: string, i: number, para: Span, nextOpensSingle: boolean): number | null {
  const mark = text[i]!;
  const close = OPEN[mark]!;
  let afterS: number | null = null;
  for (let j = i + 1; j < para.end; j++) {
    const ch = text[j]!;
    // Nested double quotes are skipped whole: an apostrophe inside them closes nothing.
    if (isDoubleOpener(ch.charCodeAt(0)) && !(ch === '"' && WORD_CHAR.test(text[j - 1]!))) {
      j = skipDouble(text, j, para) - 1;
      continue;
    }
    if (ch === close && j > i + 1 && !/\s/.test(text[j - 1]!)) {
      const after = j + 1 < para.end ? text[j + 1]! : '';
      if (after !== '' && WORD_CHAR.test(after)) continue; // an apostrophe inside a word
      if (after === '' || /^\s*$/.test(text.slice(j + 1, para.end)) || PUNCT_BEFORE_CLOSE.test(text[j - 1]!) || PUNCT_AFTER_CLOSE.test(after)) return j;
      if (!/[sS]/.test(text[j - 1]!)) return j;
      afterS ??= j;
      continue;
    }
    // A new opening mark of the same kind ends the search: a plural possessive may still have been the close.
    if (ch === mark && singleOpensAt(text, j, para)) return afterS;
  }
  if (afterS !== null) return afterS;
  // Unclosed: a multi-paragraph quote, only when it opens its paragraph (or follows a colon) and the next paragraph reopens.
  const lead = text.slice(para.start, i);
  return nextOpensSingle && /^\s*$|:\s*$/.test(lead) ? para.end : null;
}

export function findQuoteMarks(text: string, paragraphs: readonly Span[]): QuoteMarks[] {
  const out: QuoteMarks[] = [];
  let previousUnclosed = false;
  // Undecided until the first quotation: its marks are the document's house style.
  let singles: boolean | null = null;
  paragraphs.forEach((para, p) => {
    let i = para.start;
    let first = true;
    let unclosedHere = false;
    let reopenedAt = -1;
    const nextPara = paragraphs[p + 1];
    const nextOpensSingle = nextPara !== undefined && /^\s*[‘']/.test(text.slice(nextPara.start, Math.min(nextPara.end, nextPara.start + 4)));
    while (i < para.end) {
      // Most characters open nothing: told by code before any string is made.
      const code = text.charCodeAt(i);
      const single = code === LEFT_SQUOTE || code === APOSTROPHE;
      if (!isDoubleOpener(code) && !single) {
        i++;
        continue;
      }
      const ch = text[i]!;
      let stop: number;
      let closed: boolean;
      if (single) {
        if (singles === false || !singleOpensAt(text, i, para)) {
          i++;
          continue;
        }
        const j = singleCloseFor(text, i, para, nextOpensSingle);
        // "rock 'n' roll": a quotation holds at least a two-letter word.
        if (j === null || !/\p{L}{2}/u.test(text.slice(i + 1, j))) {
          i++;
          continue;
        }
        singles = true;
        closed = j < para.end;
        stop = j;
      } else {
        // A straight quote glued to a word on its left closes something or is an inch mark, not an opener.
        if (ch === '"' && i > para.start && WORD_CHAR.test(text[i - 1]!)) {
          i++;
          continue;
        }
        singles ??= false;
        const close = OPEN[ch]!;
        // Scan to the matching close; a second opener of the same curly kind first means this one never closed,
        // and so does a straight mark that reopens after a sentence (a flattened multi-paragraph quote).
        let j = i + 1;
        while (j < para.end && text[j] !== close && !(ch !== '"' && text[j] === ch)) j++;
        if (ch === '"' && j < para.end && straightReopens(text, j, para)) {
          closed = false;
        } else {
          closed = j < para.end && text[j] === close;
        }
        stop = j;
      }
      const inner = trimInner(text, i + 1, stop);
      if (inner.end > inner.start) {
        out.push({
          inner,
          outer: { start: i, end: closed ? stop + 1 : stop },
          closed,
          paragraph: p,
          continues: (first && previousUnclosed && i === para.start) || i === reopenedAt,
        });
      }
      first = false;
      // The paragraph's last quote decides whether the next paragraph may continue it.
      unclosedHere = !closed;
      // An unclosed quote cut short by a new opening mark in its paragraph is continued by it.
      reopenedAt = !closed && stop < para.end ? stop : -1;
      i = closed ? stop + 1 : stop;
    }
    previousUnclosed = unclosedHere;
  });
  return out;
}
