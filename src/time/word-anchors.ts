/**
 * Running a matcher's regex only where it can match. Most time patterns hold a word
 * that few articles use ("ago", "weekend", a month name) or that is rare within an
 * article ("later", "week"); a global scan still tries every position of the text, and
 * with ~30 patterns of 4–30 µs each that was most of the time stage. One pass over the
 * text indexes its word starts by their first three letters; a pattern's regex is then
 * tried (sticky) only at the few word starts a match holding one of its words can begin at.
 *
 * The matches are exactly those of a global scan (scan.ts `scan`), provided the
 * pattern's `Anchor` tells the truth: every match begins at a word start (an ASCII
 * letter or digit after a character that is no \w, or at offset 0), holds one of the
 * `words` at a word start, and has no more than `before` word starts ahead of that one.
 * word-anchors.test.ts checks each pattern against a global scan on generated texts.
 */
export interface Anchor {
  /**
   * Beginnings of words of which every match holds one ("centur" for century and
   * centuries), at least three characters and the first three letters or digits. Lower
   * case, matched without regard to ASCII case, unless `cased`.
   */
  words: readonly string[];
  /** Match the words' letters exactly, for patterns that only match those. */
  cased?: boolean;
  /** Most word starts a match has before the one where its anchor word begins. */
  before: number;
  /** What every match has right before its anchor word, when the pattern says (e.g. /\s/ for "\s+ago"). */
  after?: RegExp;
  /** A test every match's anchor word passes, given its offset: what the words before it must be. */
  gate?: (text: string, at: number) => boolean;
}

export interface AnchoredPattern {
  /** The pattern as a global scan runs it (the test compares against that). */
  readonly global: RegExp;
  readonly sticky: RegExp;
  readonly anchor: Anchor;
}

/** Every pattern made by `anchored`, so that the test can check each one. */
export const anchoredPatterns: AnchoredPattern[] = [];

export function anchored(global: RegExp, anchor: Anchor): AnchoredPattern {
  if (!global.global) throw new Error(`anchored needs a global regex: /${global.source}/${global.flags}`);
  // With u or v, the i flag folds "ſ" into "s" and "K" (Kelvin) into "k": ASCII folding would miss them.
  if (/[uv]/.test(global.flags)) throw new Error(`anchored cannot read a unicode regex: /${global.source}/${global.flags}`);
  for (const w of anchor.words) {
    if (w.length < 3 || !/^[A-Za-z0-9]{3}/.test(w)) throw new Error(`anchor word "${w}" does not start with three letters or digits`);
    if (!anchor.cased && w !== w.toLowerCase()) throw new Error(`anchor word "${w}" must be lower case unless cased`);
  }
  const p = { global, sticky: new RegExp(global.source, global.flags.replace('g', '') + 'y'), anchor };
  anchoredPatterns.push(p);
  return p;
}

/** Per ASCII code: 1 for a letter or digit, 2 for "_" (a \w that starts no word here), else 0. */
const WORD_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  WORD_CLASS[c] = /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : c === 95 ? 2 : 0;
}

function isAlnum(c: number): boolean {
  return c < 128 && WORD_CLASS[c] === 1;
}

/** ASCII upper to lower case; a regex's i flag (without u) folds no other character into ASCII. */
function fold(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** The first three characters of a word, folded, as one number (0 for those past its end). */
function keyAt(s: string, p: number): number {
  let key = 0;
  for (let i = 0; i < 3; i++) {
    const c = s.charCodeAt(p + i);
    if (!isAlnum(c)) return key << (8 * (3 - i));
    key = (key << 8) | fold(c);
  }
  return key;
}

const BUCKET_BITS = 8;

function bucket(key: number): number {
  return Math.imul(key, 0x9e3779b1) >>> (32 - BUCKET_BITS);
}

/** The text the matchers read, with its word starts indexed by their first three characters. */
export class AnchoredText {
  readonly text: string;
  // Plain arrays of small integers, not typed arrays: a typed array of this size lives
  // outside the heap, and allocating a few per article cost more than they saved.
  /** Word start offsets in text order. */
  private readonly starts: number[] = [];
  private readonly keys: number[] = [];
  /** Per word start: the next one with the same bucket, or -1. */
  private readonly next: number[] = [];
  private readonly heads: number[] = new Array<number>(1 << BUCKET_BITS).fill(-1);

  constructor(text: string) {
    this.text = text;
    const { starts, keys, next, heads } = this;
    // One pass: word starts, and the first three characters of each as keyAt reads them.
    let n = 0;
    let prev = 0;
    let key = 0;
    let taken = 0;
    let open = false;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const cls = c < 128 ? WORD_CLASS[c]! : 0;
      if (cls === 1) {
        if (prev === 0) {
          if (n > 0) keys.push(key << (8 * (3 - taken)));
          starts.push(i);
          n++;
          key = 0;
          taken = 0;
          open = true;
        }
        if (open && taken < 3) {
          key = (key << 8) | fold(c);
          taken++;
        }
      } else open = false;
      prev = cls;
    }
    if (n > 0) keys.push(key << (8 * (3 - taken)));
    const tails = new Array<number>(1 << BUCKET_BITS).fill(-1);
    for (let k = 0; k < n; k++) {
      next.push(-1);
      const b = bucket(keys[k]!);
      const t = tails[b]!;
      if (t < 0) heads[b] = k;
      else next[t] = k;
      tails[b] = k;
    }
  }

  /** Same calls to `fn`, in the same order, as `scan(p.global, text, fn)`. */
  scan(p: AnchoredPattern, fn: (m: RegExpExecArray) => void): void {
    const candidates = this.candidates(p.anchor);
    if (candidates.length === 0) return;
    candidates.sort((a, b) => a - b);
    const re = p.sticky;
    let cursor = 0;
    let tried = -1;
    for (const s of candidates) {
      if (s < cursor || s === tried) continue;
      tried = s;
      re.lastIndex = s;
      const m = re.exec(this.text);
      if (m === null || m[0].length === 0) continue;
      cursor = s + m[0].length;
      fn(m);
    }
  }

  /** Offsets a match can begin at: each anchor word's start and the `before` word starts ahead of it. */
  private candidates(anchor: Anchor): number[] {
    const out: number[] = [];
    const caseless = !anchor.cased;
    for (const w of anchor.words) {
      const key = keyAt(w, 0);
      for (let k = this.heads[bucket(key)]!; k >= 0; k = this.next[k]!) {
        if (this.keys[k] !== key || !this.holds(this.starts[k]!, w, caseless)) continue;
        if (anchor.after && !anchor.after.test(this.text.charAt(this.starts[k]! - 1))) continue;
        if (anchor.gate && !anchor.gate(this.text, this.starts[k]!)) continue;
        for (let j = Math.max(0, k - anchor.before); j <= k; j++) out.push(this.starts[j]!);
      }
    }
    return out;
  }

  private holds(at: number, word: string, caseless: boolean): boolean {
    const text = this.text;
    if (at + word.length > text.length) return false;
    for (let i = 0; i < word.length; i++) {
      const c = text.charCodeAt(at + i);
      if ((caseless ? fold(c) : c) !== word.charCodeAt(i)) return false;
    }
    return true;
  }
}
