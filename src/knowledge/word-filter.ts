/**
 * The tables' words, looked up by the characters of a word in the text. The linker asks
 * the knowledge tables about hundreds of words and phrases per article, most of them
 * ("weather", "said on") in no table. A table lookup hashes a freshly sliced string
 * (outside compiled code) and probes a large memo that sits outside the CPU cache while
 * the taggers run. Most of those questions are settled by the phrase's first or last
 * word, and that word is read here in place: its characters are hashed as `fold`
 * (normalize.ts) folds them, into a small open-addressed table of the tables' words.
 *
 * Only plain words are judged: ASCII letters and digits, which `fold` only lower-cases. For any other word the answer is "maybe", and the caller asks
 * the table as before, so answers never change.
 */

function step(h: number, c: number): number {
  return (Math.imul(h, 31) + c) | 0;
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** Lower-case code of an ASCII letter or digit, -1 for any other character. */
function plain(c: number): number {
  if (c >= 97 && c <= 122) return c;
  if (c >= 65 && c <= 90) return c + 32;
  if (c >= 48 && c <= 57) return c;
  return -1;
}

const [S, E, I, M, N, A, Y] = ['s', 'e', 'i', 'm', 'n', 'a', 'y'].map((c) => c.charCodeAt(0)) as [number, number, number, number, number, number, number];

/** Word → its hash, as `WordFilter` computes it from the text. */
function hashOf(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = step(h, word.charCodeAt(i));
  return h;
}

export class WordFilter {
  private readonly words: string[] = [];
  private readonly hashes: number[] = [];
  /** Open addressing, linear probing: 1 + the index of a word in `words`, 0 for a free slot. */
  private slots = new Int32Array(16);
  private mask = 15;

  /** Adds the first or the last word of a folded key (`fold` output: lower case, single spaces). */
  addKey(key: string, which: 'first' | 'last'): void {
    if (key === '') return;
    const space = which === 'first' ? key.indexOf(' ') : key.lastIndexOf(' ');
    this.addWord(which === 'first' ? (space < 0 ? key : key.slice(0, space)) : key.slice(space + 1));
  }

  private addWord(word: string): void {
    const h = hashOf(word);
    for (let i = h & this.mask; this.slots[i] !== 0; i = (i + 1) & this.mask) if (this.words[this.slots[i]! - 1] === word) return;
    this.words.push(word);
    this.hashes.push(h);
    // At most a quarter full: a probe for an absent word (the usual question) ends at once.
    if (this.words.length * 4 > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 4);
      this.mask = this.slots.length - 1;
      for (let n = 0; n < this.words.length; n++) this.place(n);
    } else this.place(this.words.length - 1);
  }

  private place(n: number): void {
    let i = this.hashes[n]! & this.mask;
    while (this.slots[i] !== 0) i = (i + 1) & this.mask;
    this.slots[i] = n + 1;
  }

  /** A word added spells text[start, start + keep) lower-cased, then `suffix`; `h` is its hash. */
  private has(h: number, text: string, start: number, keep: number, suffix: string): boolean {
    for (let i = h & this.mask; this.slots[i] !== 0; i = (i + 1) & this.mask) {
      const n = this.slots[i]! - 1;
      if (this.hashes[n] !== h) continue;
      const w = this.words[n]!;
      if (w.length !== keep + suffix.length) continue;
      let same = true;
      for (let j = 0; j < keep && same; j++) same = w.charCodeAt(j) === plain(text.charCodeAt(start + j));
      if (same && w.endsWith(suffix)) return true;
    }
    return false;
  }

  /**
   * Whether the last whitespace-separated word of `text`, or with `singulars` one of its
   * singular forms as roles.ts makes them ("policemen" → "policeman", "militias" →
   * "militia", "buses" → "bus"), folds to a word added: true or false for a plain word,
   * `undefined` (not known) for any other.
   */
  endsIn(text: string, singulars: boolean): boolean | undefined {
    let end = text.length;
    while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
    let start = end;
    while (start > 0) {
      const c = text.charCodeAt(start - 1);
      if (isSpace(c)) break;
      if (plain(c) < 0) return undefined;
      start--;
    }
    const len = end - start;
    if (len === 0) return undefined;
    // Hashes of the word and of the word without its last one, two and three letters.
    let h = 0;
    let p1 = 0;
    let p2 = 0;
    let p3 = 0;
    for (let i = start; i < end; i++) {
      const left = end - i;
      if (left === 3) p3 = h;
      if (left === 2) p2 = h;
      if (left === 1) p1 = h;
      h = step(h, plain(text.charCodeAt(i)));
    }
    if (this.has(h, text, start, len, '')) return true;
    if (!singulars) return false;
    const c1 = plain(text.charCodeAt(end - 1));
    const c2 = len >= 2 ? plain(text.charCodeAt(end - 2)) : -1;
    const c3 = len >= 3 ? plain(text.charCodeAt(end - 3)) : -1;
    // "s" and "es" have an empty singular, which roles.ts takes as a word that may end a role.
    if ((c1 === S && len === 1) || (c1 === S && c2 === E && len === 2)) return true;
    if (c1 === S) {
      if (this.has(p1, text, start, len - 1, '')) return true;
      if (c2 === E) {
        if (this.has(p2, text, start, len - 2, '')) return true;
        if (c3 === I && this.has(step(p3, Y), text, start, len - 3, 'y')) return true;
      }
    }
    return c1 === N && c2 === E && c3 === M && this.has(step(step(step(p3, M), A), N), text, start, len - 3, 'man');
  }

  /** False when the last word of `text` certainly is not added (see endsIn), true otherwise. */
  mayEnd(text: string, singulars: boolean): boolean {
    return this.endsIn(text, singulars) !== false;
  }

  /**
   * False when the first word of `text` (no leading space) is plain and was not added;
   * true otherwise. With `alone` false, a text of one word is not judged either (true):
   * for a caller whose table changes a last word (roles' singulars).
   */
  mayStart(text: string, alone = true): boolean {
    let h = 0;
    let len = 0;
    for (; len < text.length; len++) {
      const raw = text.charCodeAt(len);
      if (isSpace(raw)) break;
      const c = plain(raw);
      if (c < 0) return true;
      h = step(h, c);
    }
    if (len === 0) return true;
    if (!alone) {
      let more = len;
      while (more < text.length && isSpace(text.charCodeAt(more))) more++;
      if (more === text.length) return true;
    }
    return this.has(h, text, 0, len, '');
  }
}
