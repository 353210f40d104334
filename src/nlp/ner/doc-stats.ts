/**
 * Document-level evidence. A name is usually written the same way throughout a
 * story, so how a word looks elsewhere in the document disambiguates positions where
 * case says nothing: the first word of a sentence and capitals-only headlines.
 *
 * The statistics are kept on one DocWord per lowercase word, shared by the word types
 * that lowercase to it and stamped with the document they describe, instead of maps
 * from strings built per document: a token then reads its statistics from its type
 * without a string lookup, and a document allocates nothing for them.
 */

/** Roles inside runs of capitalised words, in the order DROLE hashes them. */
export const CAP_ROLES = ['first', 'mid', 'last', 'single'] as const;

/** A lowercase word's statistics in the document numbered `stamp` (stale, so empty, in any other). */
export interface DocWord {
  stamp: number;
  /** Seen written in lower case somewhere in the document. */
  seenLower: boolean;
  /** CAP_ROLES indices seen elsewhere, 2 bits each in first-seen order (the feature order), and how many. */
  roleSeq: number;
  roleCount: number;
  /**
   * Short-shape ids seen where case is informative, in first-seen order, and their
   * counts: the first formCount entries (the arrays are reused, not truncated, from
   * document to document).
   */
  forms: number[];
  formCounts: number[];
  formCount: number;
}

export function newDocWord(): DocWord {
  return { stamp: -1, seenLower: false, roleSeq: 0, roleCount: 0, forms: [], formCounts: [], formCount: 0 };
}

/** What the statistics read of a word (computed once per word type by features.ts). */
export interface StatWord {
  word: DocWord;
  /** Id of the word's shortShape. */
  form: number;
  /** hasLetter, isCapitalised and hasLower of the word. */
  letter: boolean;
  cap: boolean;
  hasLower: boolean;
}

/** Identifies one computeDocStats call: DocWords with another stamp hold nothing for it. */
let nextStamp = 0;

/** isAllCapsSentence (shape.ts) over described words. */
function allCapsSentence(words: readonly StatWord[]): boolean {
  let letters = 0;
  let caps = 0;
  for (const w of words) {
    if (!w.letter) continue;
    letters++;
    if (!w.hasLower) caps++;
  }
  return letters >= 2 && caps >= 0.9 * letters;
}

/** The word's statistics for document `stamp`, emptied first if they describe another. */
function current(w: DocWord, stamp: number): DocWord {
  if (w.stamp !== stamp) {
    w.stamp = stamp;
    w.seenLower = false;
    w.roleSeq = 0;
    w.roleCount = 0;
    w.formCount = 0;
  }
  return w;
}

/**
 * Counts a document's words into their DocWords and returns the stamp to read them
 * with (valid until the next call), and which sentences are in capitals.
 */
export function computeDocStats(sentences: readonly (readonly StatWord[])[]): { stamp: number; allCaps: boolean[] } {
  const stamp = nextStamp++;
  const allCaps: boolean[] = [];
  for (const s of sentences) allCaps.push(allCapsSentence(s));
  for (let si = 0; si < sentences.length; si++) {
    if (allCaps[si]) continue;
    const words = sentences[si]!;
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (!w.letter) continue;
      const d = current(w.word, stamp);
      if (!w.cap) d.seenLower = true;
      if (i === 0) continue;
      let f = 0;
      while (f < d.formCount && d.forms[f] !== w.form) f++;
      if (f === d.formCount) {
        d.forms[f] = w.form;
        d.formCounts[f] = 1;
        d.formCount++;
      } else {
        d.formCounts[f]!++;
      }
      if (w.cap && w.hasLower) {
        const prevCap = words[i - 1]!.cap && i - 1 > 0;
        const nextCap = words[i + 1]?.cap ?? false;
        const role = prevCap ? (nextCap ? 1 : 2) : nextCap ? 0 : 3;
        let seen = false;
        for (let k = 0; k < d.roleCount; k++) if (((d.roleSeq >> (2 * k)) & 3) === role) seen = true;
        if (!seen) d.roleSeq |= role << (2 * d.roleCount++);
      }
    }
  }
  return { stamp, allCaps };
}

/** The word's most frequent form where case is informative (the first seen of equals), or -1 for none. */
export function caseForm(w: DocWord, stamp: number): number {
  if (w.stamp !== stamp) return -1;
  let best = -1;
  let bestN = 0;
  for (let f = 0; f < w.formCount; f++) {
    if (w.formCounts[f]! > bestN) {
      best = w.forms[f]!;
      bestN = w.formCounts[f]!;
    }
  }
  return best;
}

export function seenLower(w: DocWord, stamp: number): boolean {
  return w.stamp === stamp && w.seenLower;
}

/** How many capitalised-run roles the word has in the document; role k is capRole(w, k). */
export function capRoleCount(w: DocWord, stamp: number): number {
  return w.stamp === stamp ? w.roleCount : 0;
}

/** Index in CAP_ROLES of the k-th role seen. */
export function capRole(w: DocWord, k: number): number {
  return (w.roleSeq >> (2 * k)) & 3;
}
