/**
 * A word type's NER features, hashed once per type and kept in a cache: its own
 * features (word, shape, affixes, clusters), what it adds as each neighbour, its
 * flagged features, and FNV states that a neighbour's string continues into a pair
 * feature. Most of the hashing work is here, and news repeats its words, so each
 * type is analysed once (features.ts then writes a token's features from its type
 * and its neighbours' types). Changing a template here changes the model's meaning:
 * bump features.ts's FEATURE_VERSION and retrain.
 */
import { ownString } from '../../core/own-string.js';
import { TypeTable } from '../../core/type-table.js';
import { newDocWord, type DocWord } from './doc-stats.js';
import { gazHashes, type GazHashes } from './gazetteer-labels.js';
import { cat, catRange, fnv1a, half, pre } from './hash.js';
import type { NerResources } from './resources.js';
import { hasLetter, hasLower, isCapitalised, shortShape, wordShape } from './shape.js';

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

export interface TokenInfo extends WordType {
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
export const K = {
  lwM1: 0, lwP1: 1, lwM2: 2, lwP2: 3, shM1: 4, shP1: 5, cfM1: 6, cfP1: 7, cmM1: 8, cmP1: 9, cmM2: 10, cmP2: 11,
  // FNV states after "template=<value>|", continued by a neighbour's string.
  sLwM10: 12, sLw0P1: 13, sShM10: 14, sSh0P1: 15, sShM10P1: 16, sLwM1Sh0: 17, sSh0LwP1: 18, sCmM10: 19, sCm0P1: 20,
  // Own features with a flag: [allCaps sentence 'A' | 'a'], [first | not], [case blind | shape].
  ssA: 21, ssa: 22, acLwA: 23, acLwa: 24, firstT: 25, firstF: 26, caseBlind: 27, caseSs: 28,
  size: 29,
} as const;
/** Where WordType.hashes keeps its role bounds. */
export const ROLE_AT = K.size;

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

export interface TypeCache {
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

/**
 * Word-type cache, per resource set: word-intrinsic features are most of the hashing
 * work and words repeat, so each type is analysed once. Cleared when it grows large: at
 * 30,000 types a long ingest peaks 17 MB lower than at 50,000, at the same speed and with
 * the same output (docs/decisions/0011).
 */
const infoCaches = new WeakMap<NerResources, TypeCache>();
const MAX_CACHED_TYPES = 30_000;

export function typeCache(res: NerResources): TypeCache {
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
export function trimCache(cache: TypeCache): void {
  if (cache.types.size < MAX_CACHED_TYPES) return;
  cache.types.clear();
  cache.words.clear();
  cache.forms.clear();
  cache.dform.length = 0;
  cache.hist.clear();
  resetShapes(cache);
}

export function cachedTokenInfo(word: string, cache: TypeCache, res: NerResources): TokenInfo {
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

/** Web text uses typographic quotes where the Reuters training text has ASCII ones. */
function normaliseQuotes(w: string): string {
  return /[‘’“”]/.test(w) ? w.replace(/[‘’]/g, "'").replace(/[“”]/g, '"') : w;
}
