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

/** The word right before `offset` (lower case), skipping spaces; '' at a start. */
export function wordBefore(text: string, offset: number, skip = 0): string {
  const before = text.slice(Math.max(0, offset - 80), offset);
  const words = before.match(/[A-Za-z'’-]+|[^\sA-Za-z]/g) ?? [];
  return (words[words.length - 1 - skip] ?? '').toLowerCase();
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
