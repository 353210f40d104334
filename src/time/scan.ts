/** Small helpers the matchers share. */
import type { Shift } from './mention.js';

/** Run a global regex over the text and hand each match to `fn`. */
export function scan(re: RegExp, text: string, fn: (m: RegExpExecArray) => void): void {
  if (!re.global) throw new Error('scan needs a global regex');
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    fn(m);
  }
}

/** Code units a regex's \s matches (ECMAScript WhiteSpace and LineTerminator). */
export function isRegexSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** [A-Za-z'’-]: the characters of a word for wordBefore. */
function isWordPart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 39 || c === 0x2019 || c === 45;
}

/**
 * The word right before `offset` (lower case), skipping spaces; '' at a start. Words are
 * read in the 80 characters before `offset`: runs of letters, apostrophes and hyphens, or
 * any other single character that is not a space. Read backwards, since it is called for
 * most matches and only ever wants the last word or two.
 */
export function wordBefore(text: string, offset: number, skip = 0): string {
  const floor = Math.max(0, offset - 80);
  let end = Math.min(offset, text.length);
  for (let k = 0; ; k++) {
    while (end > floor && isRegexSpace(text.charCodeAt(end - 1))) end--;
    if (end <= floor) return '';
    let start = end - 1;
    if (isWordPart(text.charCodeAt(start))) {
      while (start > floor && isWordPart(text.charCodeAt(start - 1))) start--;
    }
    if (k === skip) return text.slice(start, end).toLowerCase();
    end = start;
  }
}

/** The word right after `offset` (lower case), or a punctuation character. */
export function wordAfter(text: string, offset: number): string {
  const m = /^\s*([A-Za-z][A-Za-z'’-]*|\S)/.exec(text.slice(offset, offset + 60));
  return (m?.[1] ?? '').toLowerCase();
}

/** True when only spaces, quotes or brackets separate `offset` from a sentence start. */
export function atSentenceStart(text: string, offset: number): boolean {
  let i = offset - 1;
  while (i >= 0 && /[\s"“‘'(]/.test(text[i] ?? '')) {
    if (text[i] === '\n') return true;
    i--;
  }
  return i < 0 || /[.!?:;]/.test(text[i] ?? '');
}

/** "last/past" → last, "next/coming" → next, "this" → this; anything else none. */
export function shiftOf(word: string | undefined): Shift {
  const w = (word ?? '').toLowerCase();
  if (w === 'last' || w === 'past') return 'last';
  if (w === 'next' || w === 'coming') return 'next';
  if (w === 'this') return 'this';
  return null;
}
