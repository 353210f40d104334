/**
 * Feature extraction shared by training and inference. Every feature is a string
 * hashed to 32 bits; the model masks the hash to its table size. Changing a template
 * here changes the model's meaning, so bump FEATURE_VERSION and retrain.
 */
import { computeDocStats } from './doc-stats.js';
import { fnv1a } from './hash.js';
import type { Clusters, Gazetteer } from './resources.js';
import { hasLetter, isCapitalised, shortShape, wordShape } from './shape.js';

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

interface TokenInfo {
  w: string;
  lw: string;
  shape: string;
  ss: string;
  cf: string;
  cm: string;
  cc: string;
  /** Hashes of the features that depend on the word alone. */
  own: Uint32Array;
}

const EMPTY = new Uint32Array(0);
const PAD: TokenInfo = { w: '<S>', lw: '<s>', shape: '<S>', ss: '<S>', cf: '<S>', cm: '<S>', cc: '<S>', own: EMPTY };
const PAD_END: TokenInfo = { w: '</S>', lw: '</s>', shape: '</S>', ss: '</S>', cf: '</S>', cm: '</S>', cc: '</S>', own: EMPTY };

/**
 * Word-type cache, per resource set: word-intrinsic features are most of the hashing
 * work and words repeat, so each type is analysed once. Cleared when it grows large.
 */
const infoCaches = new WeakMap<NerResources, Map<string, TokenInfo>>();
const MAX_CACHED_TYPES = 100_000;

function cachedTokenInfo(w: string, res: NerResources): TokenInfo {
  let cache = infoCaches.get(res);
  if (!cache) infoCaches.set(res, (cache = new Map()));
  let info = cache.get(w);
  if (!info) {
    if (cache.size >= MAX_CACHED_TYPES) cache.clear();
    info = tokenInfo(w, res);
    cache.set(w, info);
  }
  return info;
}

function normaliseDigits(s: string): string {
  return s.replace(/\p{Nd}/gu, '0');
}

function tokenInfo(w: string, res: NerResources): TokenInfo {
  const c = res.clusters?.lookup(w);
  const lw = normaliseDigits(w.toLowerCase());
  const shape = wordShape(w);
  const ss = shortShape(w);
  const cf = c ? String(c.fine) : '-';
  const own: number[] = [];
  const f = (s: string): void => {
    own.push(fnv1a(s));
  };
  f('b');
  f(`w=${w}`);
  f(`lw=${lw}`);
  f(`sh=${shape}`);
  f(`len=${Math.min(w.length, 8)}`);
  for (let k = 1; k <= 4 && k <= lw.length; k++) {
    f(`p${k}=${lw.slice(0, k)}`);
    f(`s${k}=${lw.slice(-k)}`);
  }
  const cm = c ? String(c.mid) : '-';
  const cc = c ? String(c.coarse) : '-';
  if (res.clusters) {
    f(`cf=${cf}`);
    f(`cm=${cm}`);
    f(`cc=${cc}`);
    f(`cf|sh=${cf}|${ss}`);
  }
  return { w, lw, shape, ss, cf, cm, cc, own: Uint32Array.from(own) };
}

/** Per-token gazetteer labels like "CITY-B" for each match covering the token. */
function gazetteerLabels(lower: readonly string[], gaz: Gazetteer | null): string[][] {
  const labels = lower.map(() => [] as string[]);
  if (!gaz) return labels;
  for (let i = 0; i < lower.length; i++) {
    for (const m of gaz.matchAt(lower, i)) {
      const name = gaz.typeNames[m.type] ?? '?';
      for (let k = 0; k < m.length; k++) {
        const p = m.length === 1 ? 'U' : k === 0 ? 'B' : k === m.length - 1 ? 'L' : 'I';
        labels[i + k]?.push(`${name}-${p}`);
      }
    }
  }
  return labels;
}

/** Features for every sentence of one document (the unit of document-level features). */
export function documentFeatures(raw: readonly (readonly string[])[], res: NerResources): SentenceFeatures[] {
  const sentences = raw.map((s) => s.map(normaliseQuotes));
  const stats = computeDocStats(sentences);
  return sentences.map((words, si) => sentenceFeatures(words, stats.allCaps[si] ?? false, stats, res));
}

/** Web text uses typographic quotes where the Reuters training text has ASCII ones. */
function normaliseQuotes(w: string): string {
  return /[‘’“”]/.test(w) ? w.replace(/[‘’]/g, "'").replace(/[“”]/g, '"') : w;
}

function sentenceFeatures(
  words: readonly string[],
  allCaps: boolean,
  stats: ReturnType<typeof computeDocStats>,
  res: NerResources,
): SentenceFeatures {
  const n = words.length;
  const info = words.map((w) => cachedTokenInfo(w, res));
  const at = (i: number): TokenInfo => (i < 0 ? PAD : i >= n ? PAD_END : (info[i] ?? PAD));
  const gaz = gazetteerLabels(words.map((w) => w.toLowerCase()), res.gazetteer);
  const hashes: number[] = [];
  const offsets = new Int32Array(n + 1);
  const ac = allCaps ? 'A' : 'a';
  for (let i = 0; i < n; i++) {
    offsets[i] = hashes.length;
    const f = (s: string): void => {
      hashes.push(fnv1a(s));
    };
    const t = at(i);
    const p1 = at(i - 1);
    const p2 = at(i - 2);
    const n1 = at(i + 1);
    const n2 = at(i + 2);
    const ss = t.ss;
    const cap = isCapitalised(t.w);
    for (const h of t.own) hashes.push(h);
    f(`ss=${ss}|${ac}`);
    f(`ac|lw=${ac}${t.lw}`);
    f(`first=${i === 0}|${ss}`);
    f(`lw-1=${p1.lw}`);
    f(`lw+1=${n1.lw}`);
    f(`lw-2=${p2.lw}`);
    f(`lw+2=${n2.lw}`);
    f(`lw-1,0=${p1.lw}|${t.lw}`);
    f(`lw0,+1=${t.lw}|${n1.lw}`);
    f(`sh-1=${p1.shape}`);
    f(`sh+1=${n1.shape}`);
    f(`sh-1,0=${p1.shape}|${t.shape}`);
    f(`sh0,+1=${t.shape}|${n1.shape}`);
    f(`sh-1,0,+1=${p1.shape}|${t.shape}|${n1.shape}`);
    f(`lw-1|sh0=${p1.lw}|${t.shape}`);
    f(`sh0|lw+1=${t.shape}|${n1.lw}`);
    if (res.clusters) {
      f(`cf-1=${p1.cf}`);
      f(`cf+1=${n1.cf}`);
      f(`cm-1=${p1.cm}`);
      f(`cm+1=${n1.cm}`);
      f(`cm-2=${p2.cm}`);
      f(`cm+2=${n2.cm}`);
      f(`cm-1,0=${p1.cm}|${t.cm}`);
      f(`cm0,+1=${t.cm}|${n1.cm}`);
      const cb = res.clusters.caseBucket(t.lw);
      f(`case=${cb ?? '-'}|${i === 0 || allCaps ? 'blind' : ss}`);
    }
    for (const g of gaz[i] ?? []) {
      f(`g=${g}`);
      f(`g|cap=${g}|${cap}|${ac}`);
    }
    for (const g of gaz[i - 1] ?? []) f(`g-1=${g}`);
    for (const g of gaz[i + 1] ?? []) f(`g+1=${g}`);
    if (hasLetter(t.w)) {
      const key = t.w.toLowerCase();
      if (i === 0 || allCaps) f(`dform=${stats.caseForm.get(key) ?? 'none'}|${ac}`);
      if (cap) f(`dlower=${stats.seenLower.has(key)}`);
      const roles = stats.capRoles.get(key);
      if (roles) for (const r of roles) f(`drole=${r}`);
    }
  }
  offsets[n] = hashes.length;
  return { hashes: Uint32Array.from(hashes), offsets };
}
