/**
 * Feature extraction shared by training and inference. Every feature is the 32-bit
 * FNV-1a hash of a template string such as `lw-1,0=the|foreign`; the model masks the
 * hash to its table size. The strings are never built per token: word-type parts are
 * hashed once per type and pairs continue the FNV state over the second word, which
 * gives the same values (speed.test.ts). Changing a template here changes the model's
 * meaning, so bump FEATURE_VERSION and retrain.
 */
import { ownString } from '../../core/own-string.js';
import { CAP_ROLES, capRole, capRoleCount, caseForm, computeDocStats, newDocWord, seenLower, type DocWord } from './doc-stats.js';
import { fnv1a } from './hash.js';
import type { Clusters, Gazetteer } from './resources.js';
import { hasLetter, hasLower, isCapitalised, shortShape, wordShape } from './shape.js';
import { TypeTable } from '../../core/type-table.js';

export const FEATURE_VERSION = 1;

export interface NerResources {
  clusters: Clusters | null;
  gazetteer: Gazetteer | null;
  /** The model's featureVersion; templates added later must be gated on it. */
  version?: number;
}

/** Hashed features of one sentence: token i owns hashes[offsets[i] .. offsets[i+1]). */
export interface SentenceFeatures {
  hashes: Uint32Array;
  offsets: Int32Array;
}

/** Role lists of a word type: its own features, as a neighbour, and its own flagged ones. */
export const ROLE = { own: 0, prev: 1, next: 2, prev2: 3, next2: 4, flags: 5 } as const;
/** 5 + (allCaps ? 2 : 0) + (first ? 1 : 0). */
export const NUM_ROLES = 9;

/**
 * A word type's hashes, in one array (one allocation per type): slots 0 .. K.size are
 * the keys below, then NUM_ROLES + 1 bounds (role r's hashes are
 * hashes[hashes[ROLE_AT + r] .. hashes[ROLE_AT + r + 1])), then the role lists.
 */
export interface WordType {
  hashes: Uint32Array;
  /** wordShape of the word (the shape templates hash it). */
  shape: string;
  /** Id of `shape`, valid in the type cache epoch its document reports (DocumentHashes.shapeEpoch). */
  shapeId: number;
  /** Where a DocumentDecoder keeps the type's summed role scores, valid while slotKey is that decoder's key. */
  slot: number;
  slotKey: number;
}

interface TokenInfo extends WordType {
  w: string;
  /** w.toLowerCase() (digits kept): the key of gazetteer and document lookups. */
  lower: string;
  lw: string;
  cm: string;
  letter: boolean;
  cap: boolean;
  hasLower: boolean;
  /** The document statistics of `lower`, shared with the other types that lowercase to it. */
  word: DocWord;
  /** Id of the word's short shape (TypeCache.forms). */
  form: number;
  /** Types of the gazetteer's one-word entries equal to `lower` as a bit set, or -1 if no entry starts with it. */
  gazBits: number;
  /** Whether `lower` is the second word of a gazetteer entry (only then can a two-word match end on it). */
  gazSecond: boolean;
  /**
   * Id of the word as given (before normaliseQuotes) lowercased, if it has a letter, else -1:
   * its prediction-history key (history.ts), numbered per type cache epoch.
   */
  histId: number;
}

/**
 * Slots of WordType.hashes before the role lists: the word's features in neighbour
 * roles (`lw-1=…`), its own features that take one of two flags (`ss=…|A`), and FNV
 * states after the left half of pair templates (`lw-1,0=<lw>|`) that the right
 * neighbour's string continues. Values are exactly fnv1a of the template strings, so
 * the models are unchanged.
 */
const K = {
  lwM1: 0, lwP1: 1, lwM2: 2, lwP2: 3, shM1: 4, shP1: 5, cfM1: 6, cfP1: 7, cmM1: 8, cmP1: 9, cmM2: 10, cmP2: 11,
  // FNV states after "template=<value>|", continued by a neighbour's string.
  sLwM10: 12, sLw0P1: 13, sShM10: 14, sSh0P1: 15, sShM10P1: 16, sLwM1Sh0: 17, sSh0LwP1: 18, sCmM10: 19, sCm0P1: 20,
  // Own features with a flag: [allCaps sentence 'A' | 'a'], [first | not], [case blind | shape].
  ssA: 21, ssa: 22, acLwA: 23, acLwa: 24, firstT: 25, firstF: 26, caseBlind: 27, caseSs: 28,
  size: 29,
} as const;
/** Where WordType.hashes keeps its role bounds. */
export const ROLE_AT = K.size;

const FNV_OFFSET = 0x811c9dc5;
const PIPE = 0x7c;

/** Continues an FNV-1a state over the code units of `s` (fnv1a(a + b) = fnvOn(fnvOn(offset, a), b)). */
function fnvOn(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

function fnvChar(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

/** FNV state after a template's fixed prefix, so a word's part continues it without building the string. */
const pre = (template: string): number => fnvOn(FNV_OFFSET, template);
/** fnv1a(template + s + suffix), given pre(template). */
function cat(prefix: number, s: string, suffix = ''): number {
  return fnvOn(fnvOn(prefix, s), suffix) >>> 0;
}
/** FNV state after template + s + "|", given pre(template). */
function half(prefix: number, s: string): number {
  return fnvChar(fnvOn(prefix, s), PIPE);
}

const P = {
  lwM1: pre('lw-1='), lwP1: pre('lw+1='), lwM2: pre('lw-2='), lwP2: pre('lw+2='), shM1: pre('sh-1='), shP1: pre('sh+1='),
  cfM1: pre('cf-1='), cfP1: pre('cf+1='), cmM1: pre('cm-1='), cmP1: pre('cm+1='), cmM2: pre('cm-2='), cmP2: pre('cm+2='),
  sLwM10: pre('lw-1,0='), sLw0P1: pre('lw0,+1='), sShM10: pre('sh-1,0='), sSh0P1: pre('sh0,+1='), sShM10P1: pre('sh-1,0,+1='),
  sLwM1Sh0: pre('lw-1|sh0='), sSh0LwP1: pre('sh0|lw+1='), sCmM10: pre('cm-1,0='), sCm0P1: pre('cm0,+1='),
  ss: pre('ss='), acLwA: pre('ac|lw=A'), acLwa: pre('ac|lw=a'), firstT: pre('first=true|'), firstF: pre('first=false|'),
  case: pre('case='), w: pre('w='), lw: pre('lw='), sh: pre('sh='), cf: pre('cf='), cm: pre('cm='), cc: pre('cc='), cfSh: pre('cf|sh='),
  /** By k - 1: "p<k>=" and "s<k>=". */
  p: [1, 2, 3, 4].map((k) => pre(`p${k}=`)), s: [1, 2, 3, 4].map((k) => pre(`s${k}=`)),
};
const BIAS = fnv1a('b');
/** By min(length, 8). */
const LEN = Array.from({ length: 9 }, (_, n) => fnv1a(`len=${n}`));

/** Writes the K slots of a type's hash array. */
function neighbourKeys(
  k: Uint32Array, lw: string, shape: string, ss: string, cf: string, cm: string, caseStr: string,
): void {
  k[K.lwM1] = cat(P.lwM1, lw);
  k[K.lwP1] = cat(P.lwP1, lw);
  k[K.lwM2] = cat(P.lwM2, lw);
  k[K.lwP2] = cat(P.lwP2, lw);
  k[K.shM1] = cat(P.shM1, shape);
  k[K.shP1] = cat(P.shP1, shape);
  k[K.cfM1] = cat(P.cfM1, cf);
  k[K.cfP1] = cat(P.cfP1, cf);
  k[K.cmM1] = cat(P.cmM1, cm);
  k[K.cmP1] = cat(P.cmP1, cm);
  k[K.cmM2] = cat(P.cmM2, cm);
  k[K.cmP2] = cat(P.cmP2, cm);
  k[K.sLwM10] = half(P.sLwM10, lw);
  k[K.sLw0P1] = half(P.sLw0P1, lw);
  k[K.sShM10] = half(P.sShM10, shape);
  k[K.sSh0P1] = half(P.sSh0P1, shape);
  k[K.sShM10P1] = half(P.sShM10P1, shape);
  k[K.sLwM1Sh0] = half(P.sLwM1Sh0, lw);
  k[K.sSh0LwP1] = half(P.sSh0LwP1, shape);
  k[K.sCmM10] = half(P.sCmM10, cm);
  k[K.sCm0P1] = half(P.sCm0P1, cm);
  k[K.ssA] = cat(P.ss, ss, '|A');
  k[K.ssa] = cat(P.ss, ss, '|a');
  k[K.acLwA] = cat(P.acLwA, lw);
  k[K.acLwa] = cat(P.acLwa, lw);
  k[K.firstT] = cat(P.firstT, ss);
  k[K.firstF] = cat(P.firstF, ss);
  k[K.caseBlind] = cat(P.case, caseStr, '|blind');
  k[K.caseSs] = cat(half(P.case, caseStr), ss);
}

/** K slots copied into each neighbour role (role 1 … 4), with clusters and without. */
const NEIGHBOUR_SLOTS: readonly (readonly number[])[][] = [
  [[K.lwM1, K.shM1], [K.lwP1, K.shP1], [K.lwM2], [K.lwP2]],
  [[K.lwM1, K.shM1, K.cfM1, K.cmM1], [K.lwP1, K.shP1, K.cfP1, K.cmP1], [K.lwM2, K.cmM2], [K.lwP2, K.cmP2]],
];

/**
 * Type arrays are cut from shared slabs: a typed array of its own of this size gets an
 * off-heap store, slow to make and to collect, and types made together sit apart.
 * A slab lives while any of its types does; the type cache drops them all at once.
 */
const SLAB_WORDS = 16_384;
let slab = new Uint32Array(0);
let slabUsed = 0;

/** A zero-filled Uint32Array of `n` words from the current slab. */
function slabArray(n: number): Uint32Array {
  if (slabUsed + n > slab.length) {
    slab = new Uint32Array(Math.max(SLAB_WORDS, n));
    slabUsed = 0;
  }
  const a = slab.subarray(slabUsed, slabUsed + n);
  slabUsed += n;
  return a;
}

/**
 * A type's hash array with room for `nOwn` own features, its role bounds set; the
 * caller writes the K slots and the own list (at h[ROLE_AT]), then calls fillRoles.
 */
function typeArray(nOwn: number, clusters: boolean): Uint32Array {
  const nb = NEIGHBOUR_SLOTS[clusters ? 1 : 0]!;
  const nFlags = clusters ? 4 : 3;
  const h = slabArray(K.size + NUM_ROLES + 1 + nOwn + nb.reduce((n, l) => n + l.length, 0) + 4 * nFlags);
  let at = K.size + NUM_ROLES + 1;
  h[ROLE_AT] = at;
  at += nOwn;
  for (let r = 0; r < 4; r++) {
    h[ROLE_AT + 1 + r] = at;
    at += nb[r]!.length;
  }
  for (let r = ROLE.flags; r < NUM_ROLES; r++) {
    h[ROLE_AT + r] = at;
    at += nFlags;
  }
  h[ROLE_AT + NUM_ROLES] = at;
  return h;
}

/** Writes the neighbour and flagged role lists from the K slots. */
function fillRoles(h: Uint32Array, clusters: boolean): void {
  const nb = NEIGHBOUR_SLOTS[clusters ? 1 : 0]!;
  for (let r = 0; r < 4; r++) {
    let at = h[ROLE_AT + 1 + r]!;
    for (const slot of nb[r]!) h[at++] = h[slot]!;
  }
  // Role 5 + 2 × allCaps + first.
  for (let f = 0; f < 4; f++) {
    const allCaps = f >= 2;
    const first = (f & 1) === 1;
    let at = h[ROLE_AT + ROLE.flags + f]!;
    h[at++] = h[allCaps ? K.ssA : K.ssa]!;
    h[at++] = h[allCaps ? K.acLwA : K.acLwa]!;
    h[at++] = h[first ? K.firstT : K.firstF]!;
    if (clusters) h[at++] = h[first || allCaps ? K.caseBlind : K.caseSs]!;
  }
}

function pad(w: string, lw: string, clusters: boolean): TokenInfo {
  // Padding is only ever a neighbour: its own and flagged roles are never used.
  const hashes = typeArray(0, clusters);
  neighbourKeys(hashes, lw, w, w, w, w, '-');
  fillRoles(hashes, clusters);
  return {
    w, lower: lw, lw, shape: w, shapeId: -1, cm: w, letter: false, cap: false, hasLower: false, word: newDocWord(), form: -1,
    gazBits: -1, gazSecond: false, histId: -1, hashes, slot: 0, slotKey: -1,
  };
}

interface TypeCache {
  /** Keyed by the word as given (before normaliseQuotes). */
  types: TypeTable<TokenInfo>;
  pad: TokenInfo;
  padEnd: TokenInfo;
  /** Gazetteer feature hashes by label code (see gazetteerLabels), or null without a gazetteer. */
  gaz: GazHashes | null;
  /**
   * Document statistics by lowercase word, shared by the types that lowercase to it.
   * These tables are TypeTables, not Maps, for the reason type-table.ts gives: every
   * key looked up here is a string just made for a new type.
   */
  words: TypeTable<DocWord>;
  /** Short shape → form id, and the `dform=<shape>|a` and `…|A` hashes of form f at 2f and 2f + 1. */
  forms: TypeTable<number>;
  dform: number[];
  /** Prediction-history key → id (TokenInfo.histId). */
  hist: TypeTable<number>;
  /** Long shape → id (WordType.shapeId), and the epoch those ids belong to. */
  shapes: TypeTable<number>;
  shapeEpoch: number;
}

/** Hashes of the gazetteer features of each label "TYPE-P", by its code 4 × type + P (B, I, L, U). */
interface GazHashes {
  g: Uint32Array;
  prev: Uint32Array;
  next: Uint32Array;
  /** By 4 × code + 2 × capitalised + all-caps sentence. */
  cap: Uint32Array;
}

const GAZ_POS = 'BILU';

function gazHashes(gaz: Gazetteer): GazHashes {
  const n = 4 * gaz.typeNames.length;
  const out = { g: new Uint32Array(n), prev: new Uint32Array(n), next: new Uint32Array(n), cap: new Uint32Array(4 * n) };
  for (let code = 0; code < n; code++) {
    const label = `${gaz.typeNames[code >> 2]}-${GAZ_POS[code & 3]}`;
    out.g[code] = fnv1a(`g=${label}`);
    out.prev[code] = fnv1a(`g-1=${label}`);
    out.next[code] = fnv1a(`g+1=${label}`);
    for (const cap of [false, true]) {
      for (const ac of ['a', 'A']) out.cap[4 * code + (cap ? 2 : 0) + (ac === 'A' ? 1 : 0)] = fnv1a(`g|cap=${label}|${cap}|${ac}`);
    }
  }
  return out;
}

/**
 * Word-type cache, per resource set: word-intrinsic features are most of the hashing
 * work and words repeat, so each type is analysed once. Cleared when it grows large: at
 * 30,000 types a long ingest peaks 17 MB lower than at 50,000, at the same speed and with
 * the same output (docs/decisions/0011).
 */
const infoCaches = new WeakMap<NerResources, TypeCache>();
const MAX_CACHED_TYPES = 30_000;

function typeCache(res: NerResources): TypeCache {
  let cache = infoCaches.get(res);
  if (!cache) {
    const c = res.clusters !== null;
    infoCaches.set(res, (cache = {
      types: new TypeTable(), pad: pad('<S>', '<s>', c), padEnd: pad('</S>', '</s>', c), gaz: res.gazetteer ? gazHashes(res.gazetteer) : null,
      words: new TypeTable(), forms: new TypeTable(), dform: [], hist: new TypeTable(), shapes: new TypeTable(), shapeEpoch: 0,
    }));
    resetShapes(cache);
  }
  return cache;
}

/** Numbers the shape-id epochs of all type caches, so that no two share one. */
let nextShapeEpoch = 0;

/** Forgets the shape ids (with the types that carry them) and numbers the pads' shapes in a new epoch. */
function resetShapes(cache: TypeCache): void {
  cache.shapes.clear();
  cache.shapeEpoch = nextShapeEpoch++;
  cache.pad.shapeId = idOf(cache.shapes, cache.pad.shape);
  cache.padEnd.shapeId = idOf(cache.shapes, cache.padEnd.shape);
}

/** The number of `key` in `ids` (0, 1, 2 … in order of first sight), numbering it if new. */
function idOf(ids: TypeTable<number>, key: string): number {
  let id = ids.get(key);
  if (id === undefined) ids.add(key, (id = ids.size));
  return id;
}

/**
 * Empties a full cache. Only between documents: the types of one document must share
 * their DocWords and form ids.
 */
function trimCache(cache: TypeCache): void {
  if (cache.types.size < MAX_CACHED_TYPES) return;
  cache.types.clear();
  cache.words.clear();
  cache.forms.clear();
  cache.dform.length = 0;
  cache.hist.clear();
  resetShapes(cache);
}

function cachedTokenInfo(word: string, cache: TypeCache, res: NerResources): TokenInfo {
  let info = cache.types.get(word);
  if (!info) {
    const w = ownString(word);
    info = tokenInfo(normaliseQuotes(w), res, cache);
    info.histId = hasLetter(w) ? idOf(cache.hist, w.toLowerCase()) : -1;
    cache.types.add(w, info);
  }
  return info;
}

function normaliseDigits(s: string): string {
  return s.replace(/\p{Nd}/gu, '0');
}

/** fnv1a(template + s.slice(start, end)), given pre(template). */
function catRange(prefix: number, s: string, start: number, end: number): number {
  let h = prefix;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function docWord(lower: string, cache: TypeCache): DocWord {
  let d = cache.words.get(lower);
  if (!d) cache.words.add(lower, (d = newDocWord()));
  return d;
}

function formId(ss: string, cache: TypeCache): number {
  let f = cache.forms.get(ss);
  if (f === undefined) {
    f = cache.forms.size;
    cache.forms.add(ss, f);
    cache.dform.push(fnv1a(`dform=${ss}|a`), fnv1a(`dform=${ss}|A`));
  }
  return f;
}

function tokenInfo(w: string, res: NerResources, cache: TypeCache): TokenInfo {
  const c = res.clusters?.lookup(w);
  const clusters = res.clusters !== null;
  const lower = w.toLowerCase();
  const lw = normaliseDigits(lower);
  const shape = wordShape(w);
  const ss = shortShape(w);
  const cf = c ? String(c.fine) : '-';
  const cm = c ? String(c.mid) : '-';
  const affixes = Math.min(4, lw.length);
  const h = typeArray(5 + 2 * affixes + (clusters ? 4 : 0), clusters);
  let at = h[ROLE_AT]!;
  h[at++] = BIAS;
  h[at++] = cat(P.w, w);
  h[at++] = cat(P.lw, lw);
  h[at++] = cat(P.sh, shape);
  h[at++] = LEN[Math.min(w.length, 8)]!;
  for (let k = 1; k <= affixes; k++) {
    h[at++] = catRange(P.p[k - 1]!, lw, 0, k);
    h[at++] = catRange(P.s[k - 1]!, lw, lw.length - k, lw.length);
  }
  if (clusters) {
    const cc = c ? String(c.coarse) : '-';
    h[at++] = cat(P.cf, cf);
    h[at++] = cat(P.cm, cm);
    h[at++] = cat(P.cc, cc);
    h[at++] = cat(half(P.cfSh, cf), ss);
  }
  const caseStr = String(res.clusters?.caseBucket(lw) ?? '-');
  neighbourKeys(h, lw, shape, ss, cf, cm, caseStr);
  fillRoles(h, clusters);
  const gaz = res.gazetteer;
  return {
    w, lower, lw, shape, shapeId: idOf(cache.shapes, shape), cm, letter: hasLetter(w), cap: isCapitalised(w), hasLower: hasLower(w),
    word: docWord(lower, cache), form: formId(ss, cache), gazBits: gaz?.wordTypes(lower) ?? -1,
    gazSecond: gaz?.isSecondWord(lower) ?? false, histId: -1, hashes: h, slot: 0, slotKey: -1,
  };
}

/**
 * Per-token gazetteer label codes (4 × type + B/I/L/U) for each match covering the
 * token (undefined: none). Only words that start an entry are tried, and only those
 * followed by a word that is the second of some entry can start a longer match: the
 * others take their one-word entries from their type (most tries of a two-word
 * phrase found nothing). The sentence's tokens are ctx[c0 + 2 .. c0 + 2 + n).
 */
function gazetteerLabels(ctx: readonly TokenInfo[], c0: number, n: number, gaz: Gazetteer | null): (number[] | undefined)[] {
  const labels = new Array<number[] | undefined>(n);
  if (!gaz) return labels;
  let lower: string[] | null = null;
  for (let i = 0; i < n; i++) {
    const t = ctx[c0 + i + 2]!;
    if (t.gazBits < 0) continue;
    if (i + 1 >= n || !ctx[c0 + i + 3]!.gazSecond) {
      // As matchAt lists one-word matches: by increasing type.
      for (let type = 0, b = t.gazBits; b !== 0; type++, b >>>= 1) if (b & 1) (labels[i] ??= []).push(4 * type + 3);
      continue;
    }
    if (!lower) {
      lower = new Array<string>(n);
      for (let j = 0; j < n; j++) lower[j] = ctx[c0 + j + 2]!.lower;
    }
    for (const m of gaz.matchAt(lower, i)) {
      for (let k = 0; k < m.length; k++) {
        const p = m.length === 1 ? 3 : k === 0 ? 0 : k === m.length - 1 ? 2 : 1;
        (labels[i + k] ??= []).push(4 * m.type + p);
      }
    }
  }
  return labels;
}

/** A document's word types and statistics, ready for the feature writer. */
interface Analysed {
  res: NerResources;
  cache: TypeCache;
  /** computeDocStats's stamp for this document's DocWords. */
  stamp: number;
  allCaps: boolean[];
  /** Each sentence's types between two pads on each side: sentence s's token i is ctx[ctxStart[s] + 2 + i]. */
  ctx: TokenInfo[];
  /** Buffers reused by the next document (longer than its sentences). */
  ctxStart: Int32Array;
  /** Sentence s's tokens are tokenStart[s] .. tokenStart[s + 1] in document order. */
  tokenStart: Int32Array;
}

let ctxStartBuf = new Int32Array(256);
let tokenStartBuf = new Int32Array(257);

function analyse(raw: readonly (readonly string[])[], res: NerResources): Analysed {
  const cache = typeCache(res);
  trimCache(cache);
  // Filled in loops, not mapped: see tagTokens (pos/load.ts).
  const types: TokenInfo[][] = [];
  for (const s of raw) {
    const ts = new Array<TokenInfo>(s.length);
    for (let i = 0; i < s.length; i++) ts[i] = cachedTokenInfo(s[i]!, cache, res);
    types.push(ts);
  }
  const { stamp, allCaps } = computeDocStats(types);
  const ctx: TokenInfo[] = [];
  // Reused: a typed array per document of more than 64 bytes gets an off-heap store, slow to make and to collect.
  if (tokenStartBuf.length < raw.length + 1) {
    ctxStartBuf = new Int32Array(2 * raw.length);
    tokenStartBuf = new Int32Array(2 * (raw.length + 1));
  }
  const ctxStart = ctxStartBuf;
  const tokenStart = tokenStartBuf;
  tokenStart[0] = 0;
  types.forEach((ts, si) => {
    ctxStart[si] = ctx.length;
    tokenStart[si + 1] = tokenStart[si]! + ts.length;
    // A loop, not a spread: a spread passes every token as an argument, and a "sentence"
    // of ~100k tokens (a scrape without punctuation) overflows the call stack.
    ctx.push(cache.pad, cache.pad);
    for (const t of ts) ctx.push(t);
    ctx.push(cache.padEnd, cache.padEnd);
  });
  return { res, cache, stamp, allCaps, ctx, ctxStart, tokenStart };
}

/** Features for every sentence of one document (the unit of document-level features): the full lists training uses. */
export function documentFeatures(raw: readonly (readonly string[])[], res: NerResources): SentenceFeatures[] {
  const doc = analyse(raw, res);
  return raw.map((s, si) => {
    const offsets = new Int32Array(s.length + 1);
    const m = writeSentence(doc, si, null, offsets, 0, 0);
    return { hashes: scratch.slice(0, m), offsets };
  });
}

/**
 * Inference's view of a document. The features that depend on one word type in one
 * role (its own word features, what it adds as a neighbour, its flagged ones) are left
 * to the types' role lists, which a decoder scores once per type; the three shape
 * templates of a token (sh-1,0, sh0,+1, sh-1,0,+1) to shapeHashes, which a decoder
 * scores once per triple of shape ids (a few thousand triples cover most text); the
 * capitalisation statistics (dlower, drole) to a code per token, scored once per code
 * (docCodeHashes). `hashes` holds only the rest (pairs of words, gazetteer, dform).
 */
export interface DocumentHashes {
  /** Word types, each sentence between two pads on each side: sentence s's token i is ctx[ctxStart[s] + 2 + i]. */
  ctx: readonly WordType[];
  /** Like all buffers here, reused by the next call, and longer than the document's sentences. */
  ctxStart: Int32Array;
  /** Sentence s's tokens are tokenStart[s] .. tokenStart[s + 1] in document order. */
  tokenStart: Int32Array;
  allCaps: readonly boolean[];
  /** Token t's features are hashes[offsets[t] .. offsets[t + 1]) (buffers reused by the next call). */
  hashes: Uint32Array;
  offsets: Int32Array;
  /** Each token's prediction-history word id (TokenInfo.histId), in document order. */
  histIds: Int32Array;
  /** Token t's capitalisation statistics as a code below DOC_CODES (docCodeHashes), in document order. */
  docCodes: Uint8Array;
  /** The epoch of the types' shape ids: ids of different epochs are unrelated. */
  shapeEpoch: number;
}

let docOffsets = new Int32Array(1024);
let docCodeBuf = new Uint8Array(1024);
let histIdBuf = new Int32Array(1024);

/**
 * Codes of a token's capitalisation statistics: 16 × (0 not capitalised, 1 capitalised
 * and never seen in lower case, 2 capitalised and seen so) + the set of its CAP_ROLES
 * as bits. The features are counted, not ordered, so the set is all a sum needs.
 */
export const DOC_CODES = 48;

/** The feature hashes a doc code stands for (dlower, then drole by CAP_ROLES index). */
export function docCodeHashes(code: number): number[] {
  const out: number[] = [];
  const cap = code >> 4;
  if (cap > 0) out.push(cap === 2 ? DLOWER_TRUE : DLOWER_FALSE);
  for (let r = 0; r < CAP_ROLES.length; r++) if (code & (1 << r)) out.push(DROLE[r]!);
  return out;
}

/** The hashes of sh-1,0, sh0,+1 and sh-1,0,+1 of token t between p1 and n1, to out[0 .. 3). */
export function shapeHashes(p1: WordType, t: WordType, n1: WordType, out: Uint32Array): void {
  const pk = p1.hashes;
  out[0] = fnvOn(pk[K.sShM10]!, t.shape);
  out[1] = fnvOn(t.hashes[K.sSh0P1]!, n1.shape);
  out[2] = fnvOn(fnvChar(fnvOn(pk[K.sShM10P1]!, t.shape), PIPE), n1.shape);
}

export function documentHashes(raw: readonly (readonly string[])[], res: NerResources): DocumentHashes {
  const doc = analyse(raw, res);
  const { tokenStart, ctx, ctxStart } = doc;
  const nDoc = tokenStart[raw.length]!;
  if (docOffsets.length < nDoc + 1) docOffsets = new Int32Array(2 * (nDoc + 1));
  if (docCodeBuf.length < nDoc) docCodeBuf = new Uint8Array(2 * nDoc);
  let m = 0;
  for (let si = 0; si < raw.length; si++) m = writeSentence(doc, si, docCodeBuf, docOffsets, tokenStart[si]!, m);
  docOffsets[nDoc] = m;
  if (histIdBuf.length < nDoc) histIdBuf = new Int32Array(2 * nDoc);
  const histIds = histIdBuf;
  for (let si = 0, t = 0; si < raw.length; si++) {
    const c0 = ctxStart[si]! + 2;
    for (let i = 0; i < raw[si]!.length; i++) histIds[t++] = ctx[c0 + i]!.histId;
  }
  return {
    ctx, ctxStart, tokenStart, allCaps: doc.allCaps, hashes: scratch, offsets: docOffsets, histIds, docCodes: docCodeBuf,
    shapeEpoch: doc.cache.shapeEpoch,
  };
}

/** Web text uses typographic quotes where the Reuters training text has ASCII ones. */
function normaliseQuotes(w: string): string {
  return /[‘’“”]/.test(w) ? w.replace(/[‘’]/g, "'").replace(/[“”]/g, '"') : w;
}

/** Output buffer shared by all sentences (grown as needed). */
let scratch = new Uint32Array(4096);

/** By CAP_ROLES index. */
const DROLE = CAP_ROLES.map((r) => fnv1a(`drole=${r}`));
/** `dform=none|a` and `…|A`: the word has no form where case is informative. */
const DFORM_NONE = [fnv1a('dform=none|a'), fnv1a('dform=none|A')];

/**
 * Writes sentence si's features into `scratch` from position m, token i's start at
 * offsets[oBase + i] (and the end at offsets[oBase + n]); returns the end. Grouped
 * (codes given): without the features left to the types' role lists and to shapeHashes,
 * and with the capitalisation statistics as codes[oBase + i] (see DocumentHashes).
 */
function writeSentence(
  doc: Analysed, si: number, codes: Uint8Array | null, offsets: Int32Array, oBase: number, m: number,
): number {
  const grouped = codes !== null;
  const { ctx, stamp, res, cache } = doc;
  const c0 = doc.ctxStart[si]!;
  const n = doc.tokenStart[si + 1]! - doc.tokenStart[si]!;
  const allCaps = doc.allCaps[si] ?? false;
  const gaz = gazetteerLabels(ctx, c0, n, res.gazetteer);
  const gh = cache.gaz;
  const acIndex = allCaps ? 1 : 0;
  const clusters = res.clusters !== null;
  for (let i = 0; i < n; i++) {
    offsets[oBase + i] = m;
    const t = ctx[c0 + i + 2]!;
    const p2 = ctx[c0 + i]!;
    const p1 = ctx[c0 + i + 1]!;
    const n1 = ctx[c0 + i + 3]!;
    const n2 = ctx[c0 + i + 4]!;
    const tk = t.hashes;
    const ownFrom = tk[ROLE_AT]!;
    const ownTo = tk[ROLE_AT + 1]!;
    // Bound for this token: own features, 25 fixed, 7 document, 2 per gazetteer label.
    // (A Uint32Array store wraps fnvOn's signed states to the unsigned hash.)
    const need = m + 64 + 2 * ((gaz[i]?.length ?? 0) + (gaz[i - 1]?.length ?? 0) + (gaz[i + 1]?.length ?? 0)) + ownTo - ownFrom;
    if (need > scratch.length) {
      const grown = new Uint32Array(Math.max(need, 2 * scratch.length));
      grown.set(scratch.subarray(0, m));
      scratch = grown;
    }
    const out = scratch;
    const pk = p1.hashes;
    const nk = n1.hashes;
    // Grouped: the own, neighbour and flagged features are left to the word types' roles.
    if (!grouped) {
      for (let j = ownFrom; j < ownTo; j++) out[m++] = tk[j]!;
      out[m++] = allCaps ? tk[K.ssA]! : tk[K.ssa]!;
      out[m++] = allCaps ? tk[K.acLwA]! : tk[K.acLwa]!;
      out[m++] = i === 0 ? tk[K.firstT]! : tk[K.firstF]!;
      out[m++] = pk[K.lwM1]!;
      out[m++] = nk[K.lwP1]!;
      out[m++] = p2.hashes[K.lwM2]!;
      out[m++] = n2.hashes[K.lwP2]!;
    }
    out[m++] = fnvOn(pk[K.sLwM10]!, t.lw);
    out[m++] = fnvOn(tk[K.sLw0P1]!, n1.lw);
    if (!grouped) {
      out[m++] = pk[K.shM1]!;
      out[m++] = nk[K.shP1]!;
    }
    if (!grouped) {
      out[m++] = fnvOn(pk[K.sShM10]!, t.shape);
      out[m++] = fnvOn(tk[K.sSh0P1]!, n1.shape);
      out[m++] = fnvOn(fnvChar(fnvOn(pk[K.sShM10P1]!, t.shape), PIPE), n1.shape);
    }
    out[m++] = fnvOn(pk[K.sLwM1Sh0]!, t.shape);
    out[m++] = fnvOn(tk[K.sSh0LwP1]!, n1.lw);
    if (clusters) {
      if (!grouped) {
        out[m++] = pk[K.cfM1]!;
        out[m++] = nk[K.cfP1]!;
        out[m++] = pk[K.cmM1]!;
        out[m++] = nk[K.cmP1]!;
        out[m++] = p2.hashes[K.cmM2]!;
        out[m++] = n2.hashes[K.cmP2]!;
      }
      out[m++] = fnvOn(pk[K.sCmM10]!, t.cm);
      out[m++] = fnvOn(tk[K.sCm0P1]!, n1.cm);
      if (!grouped) out[m++] = i === 0 || allCaps ? tk[K.caseBlind]! : tk[K.caseSs]!;
    }
    if (gh) {
      const gi = gaz[i];
      if (gi) {
        const flags = (t.cap ? 2 : 0) + (allCaps ? 1 : 0);
        for (const g of gi) {
          out[m++] = gh.g[g]!;
          out[m++] = gh.cap[4 * g + flags]!;
        }
      }
      const gp = gaz[i - 1];
      if (gp) for (const g of gp) out[m++] = gh.prev[g]!;
      const gn = gaz[i + 1];
      if (gn) for (const g of gn) out[m++] = gh.next[g]!;
    }
    if (t.letter) {
      const d = t.word;
      if (i === 0 || allCaps) {
        const f = caseForm(d, stamp);
        out[m++] = f < 0 ? DFORM_NONE[acIndex]! : cache.dform[2 * f + acIndex]!;
      }
      const nRoles = capRoleCount(d, stamp);
      if (grouped) {
        let code = t.cap ? (seenLower(d, stamp) ? 32 : 16) : 0;
        for (let k = 0; k < nRoles; k++) code |= 1 << capRole(d, k);
        codes[oBase + i] = code;
      } else {
        if (t.cap) out[m++] = seenLower(d, stamp) ? DLOWER_TRUE : DLOWER_FALSE;
        for (let k = 0; k < nRoles; k++) out[m++] = DROLE[capRole(d, k)]!;
      }
    } else if (grouped) {
      codes[oBase + i] = 0;
    }
  }
  offsets[oBase + n] = m;
  return m;
}

const DLOWER_TRUE = fnv1a('dlower=true');
const DLOWER_FALSE = fnv1a('dlower=false');
