/** Word-shape helpers: the orthographic cues NER leans on when the word itself is rare. */

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const DIGIT = /\p{Nd}/u;
const LETTER = /\p{L}/u;

function charClass(c: string): string {
  const code = c.charCodeAt(0);
  // ASCII fast path: the Unicode-property regexes dominate feature time otherwise.
  if (code < 128) {
    if (code >= 65 && code <= 90) return 'X';
    if (code >= 97 && code <= 122) return 'x';
    if (code >= 48 && code <= 57) return 'd';
    return c;
  }
  if (UPPER.test(c)) return 'X';
  if (LOWER.test(c)) return 'x';
  if (DIGIT.test(c)) return 'd';
  return c;
}

/** Full shape with runs longer than 2 squeezed: "McDonald's" → "XxXxx'x". */
export function wordShape(w: string): string {
  let out = '';
  let last = '';
  let run = 0;
  for (const c of w) {
    const k = charClass(c);
    if (k === last) {
      run++;
      if (run >= 2) continue;
    } else {
      run = 0;
    }
    out += k;
    last = k;
  }
  return out;
}

/** Shape with every run squeezed to one symbol: "Zarif" → "Xx", "1996-08-22" → "d-d-d". */
export function shortShape(w: string): string {
  let out = '';
  let last = '';
  for (const c of w) {
    const k = charClass(c);
    if (k !== last) out += k;
    last = k;
  }
  return out;
}

export function isCapitalised(w: string): boolean {
  return w.length > 0 && UPPER.test(w[0] ?? '');
}

export function hasLower(w: string): boolean {
  return LOWER.test(w);
}

export function hasLetter(w: string): boolean {
  return LETTER.test(w);
}

/** A sentence typed in capitals (CoNLL headlines, datelines) makes case useless as a cue. */
export function isAllCapsSentence(words: readonly string[]): boolean {
  let letters = 0;
  let caps = 0;
  for (const w of words) {
    if (!hasLetter(w)) continue;
    letters++;
    if (!hasLower(w)) caps++;
  }
  return letters >= 2 && caps >= 0.9 * letters;
}
