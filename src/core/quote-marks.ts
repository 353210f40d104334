/**
 * Direct quotations by their marks (shared by the quotes stage and by coreference,
 * which must not take an antecedent from inside a quotation). Curly and guillemet marks pair by shape;
 * straight double quotes alternate open/close within a paragraph. Single marks
 * are not quote boundaries (’ is far more often an apostrophe) and so nested
 * ‘…’ stays inside its outer quote. A quote that opens and never closes runs to
 * the end of its paragraph; when the next paragraph opens with a mark it is the
 * continuation of a multi-paragraph quote (the news convention of reopening
 * each paragraph and closing only the last).
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

const OPEN: Record<string, string> = { '“': '”', '«': '»', '„': '“', '"': '"' };

function trimInner(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

export function findQuoteMarks(text: string, paragraphs: readonly Span[]): QuoteMarks[] {
  const out: QuoteMarks[] = [];
  let previousUnclosed = false;
  paragraphs.forEach((para, p) => {
    let i = para.start;
    let first = true;
    let unclosedHere = false;
    while (i < para.end) {
      // Most characters open nothing: told by code before any string is made.
      const code = text.charCodeAt(i);
      if (code !== 0x201c && code !== 0xab && code !== 0x201e && code !== 0x22) {
        i++;
        continue;
      }
      const ch = text[i]!;
      const close = OPEN[ch]!;
      // A straight quote glued to a word on its left closes something or is an inch mark, not an opener.
      if (ch === '"' && i > para.start && /[\p{L}\p{N}]/u.test(text[i - 1]!)) {
        i++;
        continue;
      }
      // Scan to the matching close; a second opener of the same curly kind first means this one never closed.
      let j = i + 1;
      while (j < para.end && text[j] !== close && !(ch !== '"' && text[j] === ch)) j++;
      const closed = j < para.end && text[j] === close;
      const stop = j;
      const inner = trimInner(text, i + 1, stop);
      if (inner.end > inner.start) {
        out.push({
          inner,
          outer: { start: i, end: closed ? j + 1 : stop },
          closed,
          paragraph: p,
          continues: first && previousUnclosed && i === para.start,
        });
      }
      first = false;
      if (!closed) unclosedHere = true;
      i = closed ? j + 1 : stop;
    }
    previousUnclosed = unclosedHere;
  });
  return out;
}
