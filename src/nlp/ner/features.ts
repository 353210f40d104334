/**
 * Feature extraction shared by training and inference. Every feature is the 32-bit
 * FNV-1a hash of a template string such as `lw-1,0=the|foreign`; the model masks the
 * hash to its table size. The strings are never built per token: word-type parts are
 * hashed once per type and pairs continue the FNV state over the second word, which
 * gives the same values (speed.test.ts). Changing a template here changes the model's
 * meaning, so bump FEATURE_VERSION and retrain.
 */
import { computeDocStats, type DocStats } from './doc-stats.js';
import { fnv1a } from './hash.js';
import type { Clusters, Gazetteer } from './resources.js';
import { hasLetter, hasLower, isCapitalised, shortShape, wordShape } from './shape.js';

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
  /**
   * Set by `documentFeatures(…, grouped = true)` (inference): then `hashes` holds only the
   * features that combine words or come from the gazetteer and the document, and the
   * rest are the same for every occurrence of a word type in a role, so a model scores
   * them once per type (see NerModel.decode). Training uses the full lists.
   */
  grouped?: GroupedFeatures;
}

export interface GroupedFeatures {
  /** ctx[i + 2] is token i's word type; two padding types on each side. */
  ctx: readonly WordType[];
  allCaps: boolean;
}

/** Role lists of WordType.roles: the type's own features, as a neighbour, and own flagged ones. */
export const ROLE = { own: 0, prev: 1, next: 2, prev2: 3, next2: 4, flags: 5 } as const;
/** 5 + (allCaps ? 2 : 0) + (first ? 1 : 0). */
export const NUM_ROLES = 9;

/** A word type's hashes by role, with per-model score vectors cached on it. */
export interface WordType {
  /** Role r's hashes are roles[roles[r] .. roles[r + 1]). */
  roles: Uint32Array;
  /** Indexed by NerModel.id: NUM_ROLES × tags scores, filled on first use. */
  scored: (Int32Array | undefined)[];
}

interface TokenInfo extends WordType {
  w: string;
  /** w.toLowerCase() (digits kept): the key of gazetteer and document lookups. */
  lower: string;
  lw: string;
  shape: string;
  ss: string;
  cf: string;
  cm: string;
  cc: string;
  letter: boolean;
  cap: boolean;
  hasLower: boolean;
  /** Whether a gazetteer entry starts with this word (only then is a match looked for). */
  gazStart: boolean;
  /** Hashes of the features that depend on the word alone. */
  own: Uint32Array;
  /**
   * Per-type hashes: the word's features in neighbour roles (`lw-1=…`), its own
   * features that take one of two flags (`ss=…|A`), and FNV states after the left
   * half of pair templates (`lw-1,0=<lw>|`) that the right neighbour's string continues.
   * Values are exactly fnv1a of the template strings, so the models are unchanged.
   */
  k: Uint32Array;
}

/** Slots of TokenInfo.k. */
const K = {
  lwM1: 0, lwP1: 1, lwM2: 2, lwP2: 3, shM1: 4, shP1: 5, cfM1: 6, cfP1: 7, cmM1: 8, cmP1: 9, cmM2: 10, cmP2: 11,
  // FNV states after "template=<value>|", continued by a neighbour's string.
  sLwM10: 12, sLw0P1: 13, sShM10: 14, sSh0P1: 15, sShM10P1: 16, sLwM1Sh0: 17, sSh0LwP1: 18, sCmM10: 19, sCm0P1: 20,
  // Own features with a flag: [allCaps sentence 'A' | 'a'], [first | not], [case blind | shape].
  ssA: 21, ssa: 22, acLwA: 23, acLwa: 24, firstT: 25, firstF: 26, caseBlind: 27, caseSs: 28,
  size: 29,
} as const;

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

function neighbourKeys(lw: string, shape: string, ss: string, cf: string, cm: string, caseStr: string): Uint32Array {
  const k = new Uint32Array(K.size);
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
  return k;
}

/**
 * Hashes of a word type by role, in one array: entries 0..NUM_ROLES are where each
 * role's list starts and ends (role r: roles[roles[r] .. roles[r + 1])), then the lists.
 */
function roleLists(own: Uint32Array, k: Uint32Array, clusters: boolean): Uint32Array {
  const c = clusters;
  const flags = (allCaps: boolean, first: boolean): number[] => [
    allCaps ? k[K.ssA]! : k[K.ssa]!,
    allCaps ? k[K.acLwA]! : k[K.acLwa]!,
    first ? k[K.firstT]! : k[K.firstF]!,
    ...(c ? [first || allCaps ? k[K.caseBlind]! : k[K.caseSs]!] : []),
  ];
  const lists: number[][] = [
    [...own],
    c ? [k[K.lwM1]!, k[K.shM1]!, k[K.cfM1]!, k[K.cmM1]!] : [k[K.lwM1]!, k[K.shM1]!],
    c ? [k[K.lwP1]!, k[K.shP1]!, k[K.cfP1]!, k[K.cmP1]!] : [k[K.lwP1]!, k[K.shP1]!],
    c ? [k[K.lwM2]!, k[K.cmM2]!] : [k[K.lwM2]!],
    c ? [k[K.lwP2]!, k[K.cmP2]!] : [k[K.lwP2]!],
    flags(false, false),
    flags(false, true),
    flags(true, false),
    flags(true, true),
  ];
  const out: number[] = [];
  let at = NUM_ROLES + 1;
  for (const l of lists) {
    out.push(at);
    at += l.length;
  }
  out.push(at);
  for (const l of lists) out.push(...l);
  return Uint32Array.from(out);
}

const EMPTY = new Uint32Array(0);
function pad(w: string, lw: string, clusters: boolean): TokenInfo {
  const k = neighbourKeys(lw, w, w, w, w, '-');
  return {
    w, lower: lw, lw, shape: w, ss: w, cf: w, cm: w, cc: w, letter: false, cap: false, hasLower: false, gazStart: false, own: EMPTY,
    // Padding is only ever a neighbour: its own and flagged roles are never used.
    roles: roleLists(EMPTY, k, clusters), scored: [], k,
  };
}

interface TypeCache {
  /** Keyed by the word as given (before normaliseQuotes). */
  types: Map<string, TokenInfo>;
  pad: TokenInfo;
  padEnd: TokenInfo;
  /** Gazetteer feature hashes by label code (see gazetteerLabels), or null without a gazetteer. */
  gaz: GazHashes | null;
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
 * work and words repeat, so each type is analysed once. Cleared when it grows large
 * (each type also carries its score vectors, about 1.3 kB for the two passes).
 */
const infoCaches = new WeakMap<NerResources, TypeCache>();
const MAX_CACHED_TYPES = 50_000;

function typeCache(res: NerResources): TypeCache {
  let cache = infoCaches.get(res);
  if (!cache) {
    const c = res.clusters !== null;
    infoCaches.set(res, (cache = {
      types: new Map(), pad: pad('<S>', '<s>', c), padEnd: pad('</S>', '</s>', c), gaz: res.gazetteer ? gazHashes(res.gazetteer) : null,
    }));
  }
  return cache;
}

function cachedTokenInfo(w: string, cache: TypeCache, res: NerResources): TokenInfo {
  let info = cache.types.get(w);
  if (!info) {
    if (cache.types.size >= MAX_CACHED_TYPES) cache.types.clear();
    info = tokenInfo(normaliseQuotes(w), res);
    cache.types.set(w, info);
  }
  return info;
}

function normaliseDigits(s: string): string {
  return s.replace(/\p{Nd}/gu, '0');
}

function tokenInfo(w: string, res: NerResources): TokenInfo {
  const c = res.clusters?.lookup(w);
  const lower = w.toLowerCase();
  const lw = normaliseDigits(lower);
  const shape = wordShape(w);
  const ss = shortShape(w);
  const cf = c ? String(c.fine) : '-';
  const cm = c ? String(c.mid) : '-';
  const cc = c ? String(c.coarse) : '-';
  const own: number[] = [BIAS, cat(P.w, w), cat(P.lw, lw), cat(P.sh, shape), LEN[Math.min(w.length, 8)]!];
  for (let k = 1; k <= 4 && k <= lw.length; k++) {
    own.push(cat(P.p[k - 1]!, lw.slice(0, k)), cat(P.s[k - 1]!, lw.slice(-k)));
  }
  if (res.clusters) own.push(cat(P.cf, cf), cat(P.cm, cm), cat(P.cc, cc), cat(half(P.cfSh, cf), ss));
  const caseStr = String(res.clusters?.caseBucket(lw) ?? '-');
  const ownHashes = Uint32Array.from(own);
  const k = neighbourKeys(lw, shape, ss, cf, cm, caseStr);
  return {
    w, lower, lw, shape, ss, cf, cm, cc, letter: hasLetter(w), cap: isCapitalised(w), hasLower: hasLower(w),
    gazStart: res.gazetteer?.startsPhrase(lower) ?? false,
    own: ownHashes, roles: roleLists(ownHashes, k, res.clusters !== null), scored: [], k,
  };
}

/** fnv1a of small, often repeated strings (gazetteer labels, document-feature values). */
const memo = new Map<string, number>();
function memoHash(s: string): number {
  let h = memo.get(s);
  if (h === undefined) {
    if (memo.size >= 10_000) memo.clear();
    memo.set(s, (h = fnv1a(s)));
  }
  return h;
}

/**
 * Per-token gazetteer label codes (4 × type + B/I/L/U) for each match covering the
 * token (undefined: none). Only words that start an entry are tried.
 */
function gazetteerLabels(ctx: readonly TokenInfo[], n: number, gaz: Gazetteer | null): (number[] | undefined)[] {
  const labels = new Array<number[] | undefined>(n);
  if (!gaz) return labels;
  let lower: string[] | null = null;
  for (let i = 0; i < n; i++) {
    if (!ctx[i + 2]!.gazStart) continue;
    if (!lower) {
      lower = new Array<string>(n);
      for (let j = 0; j < n; j++) lower[j] = ctx[j + 2]!.lower;
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

/** Features for every sentence of one document (the unit of document-level features). */
export function documentFeatures(
  raw: readonly (readonly string[])[],
  res: NerResources,
  grouped = false,
): SentenceFeatures[] {
  const cache = typeCache(res);
  const types = raw.map((s) => s.map((w) => cachedTokenInfo(w, cache, res)));
  const stats = computeDocStats(types);
  return types.map((ts, si) => sentenceFeatures(ts, stats.allCaps[si] ?? false, stats, res, grouped, cache));
}

/** Web text uses typographic quotes where the Reuters training text has ASCII ones. */
function normaliseQuotes(w: string): string {
  return /[‘’“”]/.test(w) ? w.replace(/[‘’]/g, "'").replace(/[“”]/g, '"') : w;
}

/** Output buffer shared by all sentences; each sentence gets its own copy. */
let scratch = new Uint32Array(4096);

const DROLE = new Map(['first', 'mid', 'last', 'single'].map((r) => [r, fnv1a(`drole=${r}`)]));

function sentenceFeatures(
  types: readonly TokenInfo[],
  allCaps: boolean,
  stats: DocStats,
  res: NerResources,
  grouped: boolean,
  cache: TypeCache,
): SentenceFeatures {
  const n = types.length;
  const PAD = cache.pad;
  const PAD_END = cache.padEnd;
  const ctx = new Array<TokenInfo>(n + 4);
  ctx[0] = PAD;
  ctx[1] = PAD;
  ctx[n + 2] = PAD_END;
  ctx[n + 3] = PAD_END;
  for (let i = 0; i < n; i++) ctx[i + 2] = types[i]!;
  const gaz = gazetteerLabels(ctx, n, res.gazetteer);
  const gh = cache.gaz;
  const offsets = new Int32Array(n + 1);
  const ac = allCaps ? 'A' : 'a';
  const clusters = res.clusters !== null;
  let m = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = m;
    const t = ctx[i + 2]!;
    const p2 = ctx[i]!;
    const p1 = ctx[i + 1]!;
    const n1 = ctx[i + 3]!;
    const n2 = ctx[i + 4]!;
    // Bound for this token: own features, 25 fixed, 7 document, 2 per gazetteer label.
    // (A Uint32Array store wraps fnvOn's signed states to the unsigned hash.)
    const need = m + 64 + 2 * ((gaz[i]?.length ?? 0) + (gaz[i - 1]?.length ?? 0) + (gaz[i + 1]?.length ?? 0)) + t.own.length;
    if (need > scratch.length) {
      const grown = new Uint32Array(Math.max(need, 2 * scratch.length));
      grown.set(scratch.subarray(0, m));
      scratch = grown;
    }
    const out = scratch;
    const tk = t.k;
    const pk = p1.k;
    const nk = n1.k;
    // Grouped: the own, neighbour and flagged features are left to the word types' roles.
    if (!grouped) {
      const own = t.own;
      for (let j = 0; j < own.length; j++) out[m++] = own[j]!;
      out[m++] = allCaps ? tk[K.ssA]! : tk[K.ssa]!;
      out[m++] = allCaps ? tk[K.acLwA]! : tk[K.acLwa]!;
      out[m++] = i === 0 ? tk[K.firstT]! : tk[K.firstF]!;
      out[m++] = pk[K.lwM1]!;
      out[m++] = nk[K.lwP1]!;
      out[m++] = p2.k[K.lwM2]!;
      out[m++] = n2.k[K.lwP2]!;
    }
    out[m++] = fnvOn(pk[K.sLwM10]!, t.lw);
    out[m++] = fnvOn(tk[K.sLw0P1]!, n1.lw);
    if (!grouped) {
      out[m++] = pk[K.shM1]!;
      out[m++] = nk[K.shP1]!;
    }
    out[m++] = fnvOn(pk[K.sShM10]!, t.shape);
    out[m++] = fnvOn(tk[K.sSh0P1]!, n1.shape);
    out[m++] = fnvOn(fnvChar(fnvOn(pk[K.sShM10P1]!, t.shape), PIPE), n1.shape);
    out[m++] = fnvOn(pk[K.sLwM1Sh0]!, t.shape);
    out[m++] = fnvOn(tk[K.sSh0LwP1]!, n1.lw);
    if (clusters) {
      if (!grouped) {
        out[m++] = pk[K.cfM1]!;
        out[m++] = nk[K.cfP1]!;
        out[m++] = pk[K.cmM1]!;
        out[m++] = nk[K.cmP1]!;
        out[m++] = p2.k[K.cmM2]!;
        out[m++] = n2.k[K.cmP2]!;
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
      const key = t.lower;
      if (i === 0 || allCaps) out[m++] = memoHash(`dform=${stats.caseForm.get(key) ?? 'none'}|${ac}`);
      if (t.cap) out[m++] = stats.seenLower.has(key) ? DLOWER_TRUE : DLOWER_FALSE;
      const roles = stats.capRoles.get(key);
      if (roles) for (const r of roles) out[m++] = DROLE.get(r)!;
    }
  }
  offsets[n] = m;
  const hashes = scratch.slice(0, m);
  return grouped ? { hashes, offsets, grouped: { ctx, allCaps } } : { hashes, offsets };
}

const DLOWER_TRUE = fnv1a('dlower=true');
const DLOWER_FALSE = fnv1a('dlower=false');
