/**
 * Feature extraction for the POS tagger, shared by training and inference so
 * the two can never drift apart. Features are 32-bit FNV-1a hashes of
 * (template, value) computed over string ranges, so no feature string is ever
 * built; the model stores only the hashes it kept.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Feature templates; the numbers seed the hash, so never renumber them. */
const T = {
  Bias: 1,
  Word: 2,
  Lower: 3,
  Suf1: 4,
  Suf2: 5,
  Suf3: 6,
  Suf4: 7,
  Pre1: 8,
  Pre2: 9,
  Pre3: 10,
  Pre4: 11,
  Shape: 12,
  Hyphen: 13,
  Digit: 14,
  Cap: 15,
  AllCaps: 16,
  CapInitial: 17,
  PrevW: 18,
  Prev2W: 19,
  NextW: 20,
  Next2W: 21,
  PrevSuf3: 22,
  NextSuf3: 23,
  NextShape: 24,
  LowerNext: 25,
  PrevLower: 26,
  PrevTag: 27,
  Prev2Tags: 28,
  PrevTagWord: 29,
  PrevTagNextW: 30,
  Len: 31,
  PrevShape: 32,
  ClFine: 33,
  ClMid: 34,
  ClCoarse: 35,
  PrevClMid: 36,
  NextClMid: 37,
  NextClFine: 38,
  CaseBucket: 39,
  CaseInitial: 40,
  PrevTagClMid: 41,
  PrevClFine: 42,
  AmbCur: 43,
  AmbNext: 44,
  AmbNext2: 45,
  AmbPrev: 46,
  AmbCurNext: 47,
  PrevTagAmbNext: 48,
  PrevTagSuf3: 49,
  WordAmbNext: 50,
  Suf5: 51,
} as const;

export function hashRange(seed: number, s: string, start = 0, end = s.length): number {
  let h = (FNV_OFFSET ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
  for (let i = start; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** Mix a number (a tag id, a second hash) into a hash. */
export function hashMix(h: number, n: number): number {
  let x = (h ^ Math.imul(n + 0x632be5ab, 0x85ebca6b)) >>> 0;
  x = Math.imul(x ^ (x >>> 15), 0xc2b2ae35);
  return (x ^ (x >>> 13)) >>> 0;
}

/**
 * Word clusters and case profiles induced from unlabelled news (see
 * training/README.md): they tell the tagger about words the treebank lacks.
 */
export interface Lexicon {
  /** Word (case-sensitive) → [fine, mid, coarse] cluster ids. */
  clusters: Map<string, readonly [number, number, number]>;
  /** Lowercased word → how often it is capitalised mid-sentence, bucketed 0–4. */
  caseBucket: Map<string, number>;
  /**
   * Normalised word → its ambiguity class in the treebank ("DT,IN,WDT"): the
   * tags a following word can take, which greedy decoding cannot see yet.
   */
  ambiguity: Map<string, string>;
}

/** Per-word values used by several templates, computed once per word type. */
export interface WordInfo {
  form: string;
  /** Lowercased, with numbers folded to a few classes. */
  norm: string;
  shape: string;
  /** Cluster ids, -1 when the word is not in the lexicon. */
  fine: number;
  mid: number;
  coarse: number;
  /** Case bucket 0–4, or -1. */
  caseBucket: number;
  /** Ambiguity class, "" when unknown. */
  amb: string;
  /** Cached hashes (see `hashesOf`); filled on first use. */
  h?: number[];
}

/** Slots of WordInfo.h: the word's own features, then its hashes in neighbour roles. */
const SELF_MAX = 22;
const H = {
  count: SELF_MAX, prevW: SELF_MAX + 1, prev2W: SELF_MAX + 2, nextW: SELF_MAX + 3, next2W: SELF_MAX + 4,
  prevSuf3: SELF_MAX + 5, nextSuf3: SELF_MAX + 6, nextShape: SELF_MAX + 7, prevShape: SELF_MAX + 8,
  norm: SELF_MAX + 9, amb: SELF_MAX + 10, ambNext: SELF_MAX + 11, ambNext2: SELF_MAX + 12,
  ambPrev: SELF_MAX + 13, lowerNext: SELF_MAX + 14, prevLower: SELF_MAX + 15, ambCurNext: SELF_MAX + 16,
  wordAmbNext: SELF_MAX + 17, prevTagWord: SELF_MAX + 18, prevTagNextW: SELF_MAX + 19,
  prevTagAmbNext: SELF_MAX + 20, prevTagSuf3: SELF_MAX + 21, size: SELF_MAX + 22,
} as const;

function isNumberLike(form: string): boolean {
  const c = form.charCodeAt(0);
  const numStart = (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46;
  return numStart && /^[+-]?(\d[\d,.:/-]*|\.\d+)$/.test(form);
}

export function wordInfo(form: string, lex: Lexicon | null = null): WordInfo {
  const lower = form.toLowerCase();
  let norm = lower;
  if (isNumberLike(form)) {
    norm = /^\d{4}$/.test(form) ? '<year>' : /^\d+$/.test(form) ? `<d${Math.min(form.length, 3)}>` : '<num>';
  } else if (norm.length > 40) norm = '<long>';
  // Curly apostrophes and quotes behave as the straight ones the treebank mostly has.
  if (norm.includes('’')) norm = norm.replaceAll('’', '\'');
  const info: WordInfo = {
    form, norm, shape: wordShape(form), fine: -1, mid: -1, coarse: -1, caseBucket: -1, amb: '',
  };
  if (lex) {
    // The same lookups with none repeated: a lowercase word is its own lowercased form, and
    // a capitalised one its own capitalised form.
    const { clusters } = lex;
    let c = clusters.get(form);
    if (c === undefined && lower !== form) c = clusters.get(lower);
    if (c === undefined) {
      const cap = lower.charAt(0).toUpperCase() + lower.slice(1);
      if (cap !== form && cap !== lower) c = clusters.get(cap);
    }
    if (c) [info.fine, info.mid, info.coarse] = c;
    info.caseBucket = lex.caseBucket.get(lower) ?? -1;
    info.amb = lex.ambiguity.get(norm) ?? '';
  }
  return info;
}

/** "Nagorno-Karabakh" → "Xxxx-Xxxx": character classes, runs cut at 3. */
export function wordShape(w: string): string {
  let out = '';
  let last = '';
  let run = 0;
  for (let i = 0; i < w.length && i < 60; i++) {
    const code = w.charCodeAt(i);
    let k: string;
    if (code >= 48 && code <= 57) k = 'd';
    else if (code >= 65 && code <= 90) k = 'X';
    else if (code >= 97 && code <= 122) k = 'x';
    else {
      const ch = w[i]!;
      if (ch !== ch.toLowerCase()) k = 'X';
      else if (ch !== ch.toUpperCase()) k = 'x';
      else k = ch;
    }
    if (k === last) {
      if (++run > 3) continue;
    } else {
      last = k;
      run = 1;
    }
    out += k;
  }
  return out;
}

function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/**
 * A plain array of doubles rather than a Uint32Array: V8 keeps typed arrays
 * of more than 64 bytes outside its heap, and allocating one per word type
 * cost the tagger more than scoring it. Copies of this (packed double) array
 * are allocated in the heap, already of the right kind.
 */
const HASHES_TEMPLATE: readonly number[] = Array.from({ length: H.size }, () => 0.5);

/** The word's own features and its neighbour-role hashes, computed once. */
function hashesOf(w: WordInfo): number[] {
  if (w.h) return w.h;
  const h = HASHES_TEMPLATE.slice();
  const norm = w.norm;
  const len = norm.length;
  let n = 0;
  h[n++] = hashRange(T.Bias, '');
  h[n++] = hashRange(T.Word, w.form);
  h[n++] = hashRange(T.Lower, norm);
  if (norm[0] !== '<') {
    h[n++] = hashRange(T.Suf1, norm, Math.max(0, len - 1));
    if (len > 2) h[n++] = hashRange(T.Suf2, norm, len - 2);
    if (len > 3) h[n++] = hashRange(T.Suf3, norm, len - 3);
    if (len > 4) h[n++] = hashRange(T.Suf4, norm, len - 4);
    if (len > 5) h[n++] = hashRange(T.Suf5, norm, len - 5);
    h[n++] = hashRange(T.Pre1, norm, 0, 1);
    if (len > 2) h[n++] = hashRange(T.Pre2, norm, 0, 2);
    if (len > 3) h[n++] = hashRange(T.Pre3, norm, 0, 3);
    if (len > 4) h[n++] = hashRange(T.Pre4, norm, 0, 4);
  }
  h[n++] = hashRange(T.Shape, w.shape);
  h[n++] = hashMix(T.Len, Math.min(len, 12));
  const f = w.form;
  if (f.includes('-')) h[n++] = hashRange(T.Hyphen, '');
  if (hasDigit(f)) h[n++] = hashRange(T.Digit, '');
  const c0 = f[0] ?? '';
  if (c0 !== c0.toLowerCase() && f.length > 1 && f === f.toUpperCase()) h[n++] = hashRange(T.AllCaps, '');
  h[n++] = hashMix(T.ClFine, w.fine);
  h[n++] = hashMix(T.ClMid, w.mid);
  h[n++] = hashMix(T.ClCoarse, w.coarse);
  h[n++] = hashMix(T.CaseBucket, w.caseBucket);
  h[n++] = hashRange(T.AmbCur, w.amb);
  h[H.count] = n;
  h[H.prevW] = hashRange(T.PrevW, norm);
  h[H.prev2W] = hashRange(T.Prev2W, norm);
  h[H.nextW] = hashRange(T.NextW, norm);
  h[H.next2W] = hashRange(T.Next2W, norm);
  h[H.prevSuf3] = hashRange(T.PrevSuf3, norm, Math.max(0, len - 3));
  h[H.nextSuf3] = hashRange(T.NextSuf3, norm, Math.max(0, len - 3));
  h[H.nextShape] = hashRange(T.NextShape, w.shape);
  h[H.prevShape] = hashRange(T.PrevShape, w.shape);
  h[H.norm] = hashRange(0, norm);
  h[H.amb] = hashRange(0, w.amb);
  h[H.ambNext] = hashRange(T.AmbNext, w.amb);
  h[H.ambNext2] = hashRange(T.AmbNext2, w.amb);
  h[H.ambPrev] = hashRange(T.AmbPrev, w.amb);
  h[H.lowerNext] = hashRange(T.LowerNext, norm);
  h[H.prevLower] = hashRange(T.PrevLower, norm);
  h[H.ambCurNext] = hashRange(T.AmbCurNext, w.amb);
  h[H.wordAmbNext] = hashRange(T.WordAmbNext, norm);
  h[H.prevTagWord] = hashRange(T.PrevTagWord, norm);
  h[H.prevTagNextW] = hashRange(T.PrevTagNextW, norm);
  h[H.prevTagAmbNext] = hashRange(T.PrevTagAmbNext, w.amb);
  h[H.prevTagSuf3] = hashRange(T.PrevTagSuf3, norm, Math.max(0, len - 3));
  w.h = h;
  return h;
}

const BOS: WordInfo = {
  form: '<s>', norm: '<s>', shape: '<s>', fine: -2, mid: -2, coarse: -2, caseBucket: -2, amb: '<s>',
};
const EOS: WordInfo = {
  form: '</s>', norm: '</s>', shape: '</s>', fine: -3, mid: -3, coarse: -3, caseBucket: -3, amb: '</s>',
};

/**
 * Features of word i that do not depend on predicted tags, appended to `out`
 * starting at `n`; returns the new count.
 */
export function staticFeatures(ws: readonly WordInfo[], i: number, out: Uint32Array, n: number): number {
  return contextFeatures(ws, i, out, ownFeatures(ws[i]!, out, n));
}

/**
 * The part of `staticFeatures` that depends on the word alone (the same for every
 * occurrence of the word type, so a tagger can score it once per type).
 */
export function ownFeatures(w: WordInfo, out: Uint32Array, n: number): number {
  const h = hashesOf(w);
  const self = h[H.count]!;
  for (let k = 0; k < self; k++) out[n++] = h[k]!;
  return n;
}

/** The rest of `staticFeatures`: features of word i that look at its position and neighbours. */
export function contextFeatures(ws: readonly WordInfo[], i: number, out: Uint32Array, n: number): number {
  const w = ws[i]!;
  const p1 = ws[i - 1] ?? BOS;
  const p2 = i >= 2 ? ws[i - 2]! : BOS;
  const n1 = ws[i + 1] ?? EOS;
  const n2 = ws[i + 2] ?? EOS;
  const h = hashesOf(w);
  const hp1 = hashesOf(p1);
  const hn1 = hashesOf(n1);
  const c0 = w.form[0] ?? '';
  if (c0 !== c0.toLowerCase()) out[n++] = hashRange(i === 0 ? T.CapInitial : T.Cap, '');
  out[n++] = hp1[H.prevW]!;
  out[n++] = hashesOf(p2)[H.prev2W]!;
  out[n++] = hn1[H.nextW]!;
  out[n++] = hashesOf(n2)[H.next2W]!;
  out[n++] = hp1[H.prevSuf3]!;
  out[n++] = hn1[H.nextSuf3]!;
  out[n++] = hn1[H.nextShape]!;
  out[n++] = hp1[H.prevShape]!;
  out[n++] = hashMix(h[H.lowerNext]!, hn1[H.norm]!);
  out[n++] = hashMix(hp1[H.prevLower]!, h[H.norm]!);
  out[n++] = hashMix(T.PrevClMid, p1.mid);
  out[n++] = hashMix(T.NextClMid, n1.mid);
  out[n++] = hashMix(T.PrevClFine, p1.fine);
  out[n++] = hashMix(T.NextClFine, n1.fine);
  out[n++] = hashMix(hashMix(T.CaseInitial, w.caseBucket), i === 0 ? 1 : 0);
  out[n++] = hn1[H.ambNext]!;
  out[n++] = hashesOf(n2)[H.ambNext2]!;
  out[n++] = hp1[H.ambPrev]!;
  out[n++] = hashMix(h[H.ambCurNext]!, hn1[H.amb]!);
  out[n++] = hashMix(h[H.wordAmbNext]!, hn1[H.amb]!);
  return n;
}

/** Maximum number of static features per word (a bound for buffers). */
export const MAX_STATIC = 48;
/** Number of tag-dependent features per word. */
export const N_DYNAMIC = 7;

/** Tag-dependent features that look at no word, so a tagger can tabulate them per tag (pair). */
export function prevTagHash(t1: number): number {
  return hashMix(T.PrevTag, t1);
}
export function prev2TagsHash(t1: number, t2: number): number {
  return hashMix(hashMix(T.Prev2Tags, t1), t2);
}
/** Depends on the word's mid cluster (a few hundred values) and the previous tag only. */
export function prevTagClMidHash(mid: number, t1: number): number {
  return hashMix(hashMix(T.PrevTagClMid, mid), t1);
}

/**
 * Features that depend on the tags already predicted to the left (greedy
 * decoding); `t1`/`t2` are class ids of the previous two words, -1 for none.
 */
export function dynamicFeatures(
  ws: readonly WordInfo[], i: number, t1: number, t2: number, out: Uint32Array, n: number,
): number {
  const w = ws[i]!;
  const h = hashesOf(w);
  const hn1 = hashesOf(ws[i + 1] ?? EOS);
  out[n++] = prevTagHash(t1);
  out[n++] = prev2TagsHash(t1, t2);
  out[n++] = hashMix(h[H.prevTagWord]!, t1);
  out[n++] = hashMix(hn1[H.prevTagNextW]!, t1);
  out[n++] = prevTagClMidHash(w.mid, t1);
  out[n++] = hashMix(hn1[H.prevTagAmbNext]!, t1);
  out[n++] = hashMix(h[H.prevTagSuf3]!, t1);
  return n;
}

/**
 * The inference split of `contextFeatures` and `dynamicFeatures` (tagger.ts): the same
 * features, grouped by what they depend on, so that each group can be scored once per
 * word type or tabulated. pos.test.ts checks that the groups add up to the full lists.
 */

/** Features of the word at its position: whether it is sentence-initial. */
export function positionFeatures(w: WordInfo, first: boolean, out: Uint32Array, n: number): number {
  const c0 = w.form[0] ?? '';
  if (c0 !== c0.toLowerCase()) out[n++] = hashRange(first ? T.CapInitial : T.Cap, '');
  out[n++] = hashMix(hashMix(T.CaseInitial, w.caseBucket), first ? 1 : 0);
  return n;
}

/** Features the word contributes to the word after it. */
export function asPrevFeatures(p1: WordInfo, out: Uint32Array, n: number): number {
  const hp1 = hashesOf(p1);
  out[n++] = hp1[H.prevW]!;
  out[n++] = hp1[H.prevSuf3]!;
  out[n++] = hp1[H.prevShape]!;
  out[n++] = hashMix(T.PrevClMid, p1.mid);
  out[n++] = hashMix(T.PrevClFine, p1.fine);
  out[n++] = hp1[H.ambPrev]!;
  return n;
}

/** Features the word contributes to the word after next. */
export function asPrev2Features(p2: WordInfo, out: Uint32Array, n: number): number {
  out[n++] = hashesOf(p2)[H.prev2W]!;
  return n;
}

/** Features the word contributes to the word before it. */
export function asNextFeatures(n1: WordInfo, out: Uint32Array, n: number): number {
  const hn1 = hashesOf(n1);
  out[n++] = hn1[H.nextW]!;
  out[n++] = hn1[H.nextSuf3]!;
  out[n++] = hn1[H.nextShape]!;
  out[n++] = hashMix(T.NextClMid, n1.mid);
  out[n++] = hashMix(T.NextClFine, n1.fine);
  out[n++] = hn1[H.ambNext]!;
  return n;
}

/** Features the word contributes to the word before the previous one. */
export function asNext2Features(n2: WordInfo, out: Uint32Array, n: number): number {
  const hn2 = hashesOf(n2);
  out[n++] = hn2[H.next2W]!;
  out[n++] = hn2[H.ambNext2]!;
  return n;
}

/** Features of two adjacent words together (the previous, this one and the next). */
export function pairFeatures(p1: WordInfo, w: WordInfo, n1: WordInfo, out: Uint32Array, n: number): number {
  const h = hashesOf(w);
  const hn1 = hashesOf(n1);
  out[n++] = hashMix(h[H.lowerNext]!, hn1[H.norm]!);
  out[n++] = hashMix(hashesOf(p1)[H.prevLower]!, h[H.norm]!);
  out[n++] = hashMix(h[H.ambCurNext]!, hn1[H.amb]!);
  out[n++] = hashMix(h[H.wordAmbNext]!, hn1[H.amb]!);
  return n;
}

/** The tag-dependent features that also look at this word or the next one. */
export function wordTagFeatures(w: WordInfo, n1: WordInfo, t1: number, out: Uint32Array, n: number): number {
  const h = hashesOf(w);
  const hn1 = hashesOf(n1);
  out[n++] = hashMix(h[H.prevTagWord]!, t1);
  out[n++] = hashMix(hn1[H.prevTagNextW]!, t1);
  out[n++] = hashMix(hn1[H.prevTagAmbNext]!, t1);
  out[n++] = hashMix(h[H.prevTagSuf3]!, t1);
  return n;
}

/** Sentence padding, for callers that walk the neighbours themselves. */
export const SENTENCE_START: WordInfo = BOS;
export const SENTENCE_END: WordInfo = EOS;
