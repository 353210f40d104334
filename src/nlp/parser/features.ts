/**
 * Feature templates after Zhang & Nivre (2011), "Transition-based dependency
 * parsing with rich non-local features": words and tags of the stack top (s0),
 * the next buffer words (n0..n2) and s1; s0's head and grandhead; the leftmost /
 * rightmost children of s0 and n0 and their labels; distance; valency; label
 * sets. XPOS (PTB) plays the role of their POS; UPOS and a suffix add a little
 * for unknown words. Each feature is a hash (see hash.ts), so adding a template
 * changes the model file format: bump FEATURE_VERSION when editing this list
 * (and keep SLOT_ARITY in step with it; features.test.ts holds the reference).
 */
import type { ClusterTable } from './clusters.js';
import { combine, finish, hashString } from './hash.js';
import { WordCache } from './word-cache.js';
import type { ParseState } from './transitions.js';

export const FEATURE_VERSION = 2;
export const MAX_FEATURES = 112;

const NIL = 0x5bd1e995 | 0;

/** Per-sentence hashed token attributes; index n is the root token. */
export interface SentenceView {
  n: number;
  word: Int32Array;
  tag: Int32Array;
  upos: Int32Array;
  suffix: Int32Array;
  /** Coarse word class of each word's UPOS (uposClass), which group-and-class state labels record. */
  wordClass: Int32Array;
  /** Word cluster ids (fine / mid / coarse), set only for models trained with clusters. */
  clusters: { fine: Int32Array; mid: Int32Array; coarse: Int32Array } | null;
}

/**
 * The view of a sentence. `reuse`, a view an earlier call returned, is refilled when
 * its arrays are long enough (a decoder keeps one: nine typed arrays per sentence
 * were a visible share of parsing time); its arrays may then be longer than n + 1.
 */
export function makeView(
  words: readonly string[],
  upos: readonly string[],
  xpos: readonly string[],
  clusters: ClusterTable | null = null,
  cache: WordCache | null = null,
  reuse: SentenceView | null = null,
): SentenceView {
  if (cache && cache.clusters !== clusters) throw new Error('parser: word cache built for other clusters');
  const n = words.length;
  // Without a cache kept across sentences (training), a cache for this sentence alone:
  // one definition of a form's attributes either way.
  const forms = cache ?? new WordCache(clusters, Infinity, n);
  const fits = reuse !== null && reuse.word.length > n && (clusters === null || reuse.clusters !== null);
  const size = reuse ? Math.max(2 * (n + 1), 64) : n + 1;
  const view: SentenceView = fits
    ? reuse
    : {
        n,
        word: new Int32Array(size),
        tag: new Int32Array(size),
        upos: new Int32Array(size),
        suffix: new Int32Array(size),
        wordClass: new Int32Array(size),
        clusters: clusters ? { fine: new Int32Array(size), mid: new Int32Array(size), coarse: new Int32Array(size) } : null,
      };
  view.n = n;
  const c = clusters ? view.clusters : null;
  for (let i = 0; i < n; i++) {
    const k = forms.slot(words[i] ?? '');
    view.word[i] = forms.word[k]!;
    view.suffix[i] = forms.suffix[k]!;
    view.tag[i] = forms.tag('x', xpos[i] ?? '_');
    view.upos[i] = forms.tag('u', upos[i] ?? '_');
    view.wordClass[i] = uposClass(upos[i] ?? '_');
    if (c) {
      // Unknown words keep the id -1, apart from real clusters.
      const p = forms.cluster[k]!;
      c.fine[i] = p < 0 ? p : p >>> 16;
      c.mid[i] = p < 0 ? p : (p >>> 8) & 0xff;
      c.coarse[i] = p < 0 ? p : p & 0xff;
    }
  }
  view.word[n] = ROOT_WORD;
  view.tag[n] = ROOT_TAG;
  view.upos[n] = ROOT_UPOS;
  view.suffix[n] = ROOT_SUFFIX;
  // The root token has its own id, -2.
  if (c) c.fine[n] = c.mid[n] = c.coarse[n] = -2;
  view.clusters = c;
  return view;
}

/**
 * Coarse classes of UPOS tags, chosen so that an arc's label group and its
 * dependent's class tell most fine labels apart (function word: DET → det,
 * ADP → case, AUX → aux or cop; core: PRON or NOUN → nsubj or obj, VERB →
 * ccomp or xcomp; modifier: ADJ → amod, ADV → advmod, VERB → advcl or acl).
 */
export const UPOS_CLASS_COUNT = 9;
const UPOS_CLASS: Record<string, number> = {
  NOUN: 0, PROPN: 0, NUM: 0, SYM: 0, X: 0,
  PRON: 1, VERB: 2, AUX: 3, ADJ: 4, ADV: 5, INTJ: 5, ADP: 6, DET: 7, PART: 7,
  CCONJ: 8, SCONJ: 8, PUNCT: 8,
};
export function uposClass(upos: string): number {
  return UPOS_CLASS[upos] ?? 0;
}

const ROOT_WORD = hashString('<ROOT>');
const ROOT_TAG = hashString('x<ROOT>');
const ROOT_UPOS = hashString('u<ROOT>');
const ROOT_SUFFIX = hashString('s<ROOT>');

/**
 * The definition of a feature hash: template t with values a, b, … is
 * finish-less murmur3 over (t·0x9e3779b1, a, b, …, arity). `extractFeatures`
 * computes exactly this, in bulk; features.test.ts checks it against the
 * original per-template code.
 */
export function featureHash(t: number, values: readonly number[]): number {
  let h = t * 0x9e3779b1;
  for (const x of values) h = combine(h, x);
  return combine(h, values.length);
}

/** Distance s0→n0 in coarse bins; the root token gets its own bin. */
function distanceBin(st: ParseState, s0: number, n0: number): number {
  if (s0 < 0) return 0;
  if (n0 === st.n) return 9;
  const d = n0 - s0;
  if (d <= 5) return d;
  if (d <= 7) return 6;
  if (d <= 10) return 7;
  return 8;
}

/** Template id of each feature slot (the order of `extractFeatures`), and its arity. */
const SLOT_TEMPLATE = [...Array.from({ length: 84 }, (_, t) => t), ...Array.from({ length: 14 }, (_, t) => 100 + t)];
const SLOT_ARITY = Int32Array.from([
  1, 1, 1, 2, 1, 1, 2, 1, 1, 2, 1, 1, 2, 3, 3, 3, 3, 3, 2, 2, 2, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 3, 3, 2, 2, 2, 2, 2, 2,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 1, 1, 2, 3, 2,
  2, 1, 1, 2, 3, 2, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 2, 3, 2, 2,
]);
/** The seed `t * 0x9e3779b1` of each slot, as the int32 that `combine` reduces it to. */
const SLOT_SEED = Int32Array.from(SLOT_TEMPLATE, (t) => Math.imul(t, 0x9e3779b1));
/**
 * Feature slots whose values depend only on the buffer front b (the words,
 * tags and clusters of n0..n2, and the bias), and those that depend only on
 * the pair (s0, b) besides (s0's own attributes, with n0/n1 and their
 * distance). A decoder may sum their rows once per b, or per (s0, b), and
 * reuse the sums in every state that has the same b or pair: states of a
 * beam share them often. features.test.ts checks both claims.
 */
export const BUFFER_SLOTS = Int32Array.from([0, 4, 5, 6, 7, 8, 9, 10, 11, 12, 20, 21, 79, 85, 86, 88, 94]);
export const PAIR_SLOTS = Int32Array.from([
  1, 2, 3, 13, 14, 15, 16, 17, 18, 19, 22, 27, 28, 29, 30, 31, 32, 78, 80, 84, 87, 89, 90, 91, 92, 95,
]);
/** The other slots (of a model with clusters; without, slots ≥ 84 do not exist). */
export const STATE_SLOTS = Int32Array.from(
  Array.from({ length: 98 }, (_, k) => k).filter((k) => !BUFFER_SLOTS.includes(k) && !PAIR_SLOTS.includes(k)),
);

/** Argument values of each slot, filled per state and hashed in one loop. */
const a0 = new Int32Array(MAX_FEATURES);
const a1 = new Int32Array(MAX_FEATURES);
const a2 = new Int32Array(MAX_FEATURES);

/**
 * Fills `out` with feature hashes for the current state; returns how many
 * slots the state has (nf). With `only` (ascending slot numbers), only those
 * slots are hashed and the others' entries in `out` are left as they were:
 * for a model whose tables read a subset (ParserModel.hashedSlots).
 * Feature k is f_arity(template, a0[k], a1[k], a2[k]) of the reference
 * definitions f1/f2/f3 above (the hash values are part of the model format):
 * the state's values are first stored into a0..a2, then hashed in one small
 * loop. Calling f1/f2/f3 a hundred times per state was slower by far: V8 stops
 * inlining them after a few dozen call sites, and every int32 hash passed to
 * or returned from a call that is not inlined is boxed as a heap number.
 */
export function extractFeatures(st: ParseState, v: SentenceView, out: Int32Array, only: Int32Array | null = null): number {
  const nf = fillArguments(st, v);
  const m = only ? only.length : nf;
  for (let i = 0; i < m; i++) {
    const k = only ? only[i]! : i;
    if (k >= nf) break;
    out[k] = slotHash(k);
  }
  return nf;
}

/**
 * extractFeatures, each hash through the murmur finaliser, into `fh`: the form
 * the weight tables are addressed by (model.ts). Returns how many slots the
 * state has; with `only`, only those slots are computed (see extractFeatures).
 */
export function finishedFeatures(st: ParseState, v: SentenceView, fh: Uint32Array, only: Int32Array | null = null): number {
  const nf = fillArguments(st, v);
  const m = only ? only.length : nf;
  for (let i = 0; i < m; i++) {
    const k = only ? only[i]! : i;
    if (k >= nf) break;
    fh[k] = finish(slotHash(k));
  }
  return nf;
}

/**
 * Hashes, as finishedFeatures does, the slots `slots` of the state whose features were
 * computed last (finishedFeatures with `only` leaves the other slots unhashed): a
 * decoder that finds some slot groups' sums kept (move-scorer.ts) hashes the others
 * only when it needs them.
 */
export function finishMoreFeatures(fh: Uint32Array, nf: number, slots: Int32Array): void {
  for (let i = 0; i < slots.length; i++) {
    const k = slots[i]!;
    if (k < nf) fh[k] = finish(slotHash(k));
  }
}

/** The hash of slot k from its arguments in a0..a2. */
function slotHash(k: number): number {
  const ar = SLOT_ARITY[k]!;
  let h = combine(SLOT_SEED[k]!, a0[k]!);
  if (ar > 1) h = combine(h, a1[k]!);
  if (ar > 2) h = combine(h, a2[k]!);
  return combine(h, ar);
}

/** Stores the state's argument values of every slot into a0..a2; returns how many slots it has. */
function fillArguments(st: ParseState, v: SentenceView): number {
  const { word, tag, upos, suffix } = v;
  const label = st.label;
  const n = st.n;
  const s0 = st.sp > 0 ? st.stack[st.sp - 1]! : -1;
  const s1 = st.sp > 1 ? st.stack[st.sp - 2]! : -1;
  const n0 = st.b;
  const n1 = n0 + 1 <= n ? n0 + 1 : -1;
  const n2 = n0 + 2 <= n ? n0 + 2 : -1;

  const s0h = s0 >= 0 ? st.head[s0]! : -1;
  const s0h2 = s0h >= 0 ? st.head[s0h]! : -1;
  const s0l = s0 >= 0 ? st.lc1[s0]! : -1;
  const s0l2 = s0 >= 0 ? st.lc2[s0]! : -1;
  const s0r = s0 >= 0 ? st.rc1[s0]! : -1;
  const s0r2 = s0 >= 0 ? st.rc2[s0]! : -1;
  const n0l = st.lc1[n0]!;
  const n0l2 = st.lc2[n0]!;

  const s0w = s0 >= 0 ? word[s0]! : NIL;
  const s0p = s0 >= 0 ? tag[s0]! : NIL;
  const n0w = word[n0]!;
  const n0p = tag[n0]!;
  const n1w = n1 >= 0 ? word[n1]! : NIL;
  const n1p = n1 >= 0 ? tag[n1]! : NIL;
  const n2w = n2 >= 0 ? word[n2]! : NIL;
  const n2p = n2 >= 0 ? tag[n2]! : NIL;
  const s1w = s1 >= 0 ? word[s1]! : NIL;
  const s1p = s1 >= 0 ? tag[s1]! : NIL;
  const s0hp = s0h >= 0 ? tag[s0h]! : NIL;
  const s0lp = s0l >= 0 ? tag[s0l]! : NIL;
  const s0rp = s0r >= 0 ? tag[s0r]! : NIL;
  const n0lp = n0l >= 0 ? tag[n0l]! : NIL;
  const d = distanceBin(st, s0, n0);
  const vl0 = s0 >= 0 ? st.nLeft[s0]! : -1;
  const vr0 = s0 >= 0 ? st.nRight[s0]! : -1;
  const vln = st.nLeft[n0]!;
  const slS0 = s0 >= 0 ? combine(st.leftLo[s0]!, st.leftHi[s0]!) : NIL;
  const srS0 = s0 >= 0 ? combine(st.rightLo[s0]!, st.rightHi[s0]!) : NIL;
  const slN0 = combine(st.leftLo[n0]!, st.leftHi[n0]!);

  let nf = 84;
  a0[0] = 0; // f1(0, …)
  // single words
  a0[1] = s0w; // f1(1, …)
  a0[2] = s0p; // f1(2, …)
  a0[3] = s0w; a1[3] = s0p; // f2(3, …)
  a0[4] = n0w; // f1(4, …)
  a0[5] = n0p; // f1(5, …)
  a0[6] = n0w; a1[6] = n0p; // f2(6, …)
  a0[7] = n1w; // f1(7, …)
  a0[8] = n1p; // f1(8, …)
  a0[9] = n1w; a1[9] = n1p; // f2(9, …)
  a0[10] = n2w; // f1(10, …)
  a0[11] = n2p; // f1(11, …)
  a0[12] = n2w; a1[12] = n2p; // f2(12, …)
  // word pairs
  a0[13] = combine(s0w, s0p); a1[13] = n0w; a2[13] = n0p; // f3(13, …)
  a0[14] = s0w; a1[14] = s0p; a2[14] = n0w; // f3(14, …)
  a0[15] = s0w; a1[15] = n0w; a2[15] = n0p; // f3(15, …)
  a0[16] = s0w; a1[16] = s0p; a2[16] = n0p; // f3(16, …)
  a0[17] = s0p; a1[17] = n0w; a2[17] = n0p; // f3(17, …)
  a0[18] = s0w; a1[18] = n0w; // f2(18, …)
  a0[19] = s0p; a1[19] = n0p; // f2(19, …)
  a0[20] = n0p; a1[20] = n1p; // f2(20, …)
  // three tags
  a0[21] = n0p; a1[21] = n1p; a2[21] = n2p; // f3(21, …)
  a0[22] = s0p; a1[22] = n0p; a2[22] = n1p; // f3(22, …)
  a0[23] = s0hp; a1[23] = s0p; a2[23] = n0p; // f3(23, …)
  a0[24] = s0p; a1[24] = s0lp; a2[24] = n0p; // f3(24, …)
  a0[25] = s0p; a1[25] = s0rp; a2[25] = n0p; // f3(25, …)
  a0[26] = s0p; a1[26] = n0p; a2[26] = n0lp; // f3(26, …)
  // distance
  a0[27] = s0w; a1[27] = d; // f2(27, …)
  a0[28] = s0p; a1[28] = d; // f2(28, …)
  a0[29] = n0w; a1[29] = d; // f2(29, …)
  a0[30] = n0p; a1[30] = d; // f2(30, …)
  a0[31] = s0w; a1[31] = n0w; a2[31] = d; // f3(31, …)
  a0[32] = s0p; a1[32] = n0p; a2[32] = d; // f3(32, …)
  // valency
  a0[33] = s0w; a1[33] = vr0; // f2(33, …)
  a0[34] = s0p; a1[34] = vr0; // f2(34, …)
  a0[35] = s0w; a1[35] = vl0; // f2(35, …)
  a0[36] = s0p; a1[36] = vl0; // f2(36, …)
  a0[37] = n0w; a1[37] = vln; // f2(37, …)
  a0[38] = n0p; a1[38] = vln; // f2(38, …)
  // unigrams of heads and children
  a0[39] = (s0h >= 0 ? word[s0h]! : NIL); // f1(39, …)
  a0[40] = s0hp; // f1(40, …)
  a0[41] = (s0 >= 0 ? label[s0]! + 1 : -7); // f1(41, …)
  a0[42] = (s0l >= 0 ? word[s0l]! : NIL); // f1(42, …)
  a0[43] = s0lp; // f1(43, …)
  a0[44] = (s0l >= 0 ? label[s0l]! + 1 : -7); // f1(44, …)
  a0[45] = (s0r >= 0 ? word[s0r]! : NIL); // f1(45, …)
  a0[46] = s0rp; // f1(46, …)
  a0[47] = (s0r >= 0 ? label[s0r]! + 1 : -7); // f1(47, …)
  a0[48] = (n0l >= 0 ? word[n0l]! : NIL); // f1(48, …)
  a0[49] = n0lp; // f1(49, …)
  a0[50] = (n0l >= 0 ? label[n0l]! + 1 : -7); // f1(50, …)
  // third order
  a0[51] = (s0h2 >= 0 ? word[s0h2]! : NIL); // f1(51, …)
  a0[52] = (s0h2 >= 0 ? tag[s0h2]! : NIL); // f1(52, …)
  a0[53] = (s0h >= 0 ? label[s0h]! + 1 : -7); // f1(53, …)
  a0[54] = (s0l2 >= 0 ? word[s0l2]! : NIL); // f1(54, …)
  a0[55] = (s0l2 >= 0 ? tag[s0l2]! : NIL); // f1(55, …)
  a0[56] = (s0l2 >= 0 ? label[s0l2]! + 1 : -7); // f1(56, …)
  a0[57] = (s0r2 >= 0 ? word[s0r2]! : NIL); // f1(57, …)
  a0[58] = (s0r2 >= 0 ? tag[s0r2]! : NIL); // f1(58, …)
  a0[59] = (s0r2 >= 0 ? label[s0r2]! + 1 : -7); // f1(59, …)
  a0[60] = (n0l2 >= 0 ? word[n0l2]! : NIL); // f1(60, …)
  a0[61] = (n0l2 >= 0 ? tag[n0l2]! : NIL); // f1(61, …)
  a0[62] = (n0l2 >= 0 ? label[n0l2]! + 1 : -7); // f1(62, …)
  a0[63] = s0p; a1[63] = s0lp; a2[63] = (s0l2 >= 0 ? tag[s0l2]! : NIL); // f3(63, …)
  a0[64] = s0p; a1[64] = s0rp; a2[64] = (s0r2 >= 0 ? tag[s0r2]! : NIL); // f3(64, …)
  a0[65] = s0p; a1[65] = s0hp; a2[65] = (s0h2 >= 0 ? tag[s0h2]! : NIL); // f3(65, …)
  a0[66] = n0p; a1[66] = n0lp; a2[66] = (n0l2 >= 0 ? tag[n0l2]! : NIL); // f3(66, …)
  // label sets
  a0[67] = s0w; a1[67] = srS0; // f2(67, …)
  a0[68] = s0p; a1[68] = srS0; // f2(68, …)
  a0[69] = s0w; a1[69] = slS0; // f2(69, …)
  a0[70] = s0p; a1[70] = slS0; // f2(70, …)
  a0[71] = n0w; a1[71] = slN0; // f2(71, …)
  a0[72] = n0p; a1[72] = slN0; // f2(72, …)
  // s1 and extras
  a0[73] = s1w; // f1(73, …)
  a0[74] = s1p; // f1(74, …)
  a0[75] = s1p; a1[75] = s0p; // f2(75, …)
  a0[76] = s1p; a1[76] = s0p; a2[76] = n0p; // f3(76, …)
  a0[77] = s1w; a1[77] = s0w; // f2(77, …)
  a0[78] = s0 >= 0 ? upos[s0]! : NIL; a1[78] = upos[n0]!; // f2(78, …)
  a0[79] = n0 < n ? suffix[n0]! : NIL; // f1(79, …)
  a0[80] = s0 >= 0 ? suffix[s0]! : NIL; // f1(80, …)
  a0[81] = (s0 >= 0 ? label[s0]! + 1 : -7); a1[81] = n0p; // f2(81, …)
  a0[82] = (s0 >= 0 ? label[s0]! + 1 : -7); a1[82] = s0p; a2[82] = n0p; // f3(82, …)
  a0[83] = Math.min(st.headless, 3); a1[83] = n0 === n ? 1 : 0; // f2(83, …)
  const c = v.clusters;
  if (c) {
    // Koo et al. (2008)-style cluster features, in place of or beside words.
    const mid = c.mid;
    const s0m = s0 >= 0 ? mid[s0]! : -3;
    const n0m = mid[n0]!;
    const n1m = n1 >= 0 ? mid[n1]! : -3;
    a0[84] = s0m; // f1(100, …)
    a0[85] = n0m; // f1(101, …)
    a0[86] = n1m; // f1(102, …)
    a0[87] = s0 >= 0 ? c.fine[s0]! : -3; // f1(103, …)
    a0[88] = c.fine[n0]!; // f1(104, …)
    a0[89] = s0m; a1[89] = n0m; // f2(105, …)
    a0[90] = s0m; a1[90] = n0p; // f2(106, …)
    a0[91] = s0p; a1[91] = n0m; // f2(107, …)
    a0[92] = s0 >= 0 ? c.coarse[s0]! : -3; a1[92] = c.coarse[n0]!; a2[92] = n1 >= 0 ? c.coarse[n1]! : -3; // f3(108, …)
    a0[93] = (s0h >= 0 ? mid[s0h]! : -3); a1[93] = s0m; a2[93] = n0p; // f3(109, …)
    a0[94] = n0m; a1[94] = n1m; // f2(110, …)
    a0[95] = s0m; a1[95] = n0m; a2[95] = d; // f3(111, …)
    a0[96] = s0p; a1[96] = (s0l >= 0 ? mid[s0l]! : -3); // f2(112, …)
    a0[97] = n0p; a1[97] = (n0l >= 0 ? mid[n0l]! : -3); // f2(113, …)
    nf = 98;
  }

  return nf;
}
