/**
 * Second-pass features from first-pass predictions across the document (Ratinov &
 * Roth 2009, "prediction history"): a name is usually labelled the same way each
 * time it occurs, so "Zarif" alone, or in a headline, borrows the label the first
 * pass gave "Javad Zarif" elsewhere. Training uses cross-validated first-pass output.
 */
import { registerScratch, roomFor } from '../../core/scratch.js';
import type { SentenceFeatures } from './features.js';
import { fnv1a } from './hash.js';
import { hasLetter } from './shape.js';
import { ENTITY_TYPES, type TokenSpan } from './tags.js';

/*
 * Labels are small integer codes, and every history feature string comes from a closed
 * set, so all their hashes are tabulated once. Type codes: 0 = O, 1 + index in
 * ENTITY_TYPES; position codes: 0 = O, then B, I, L, U. A count key is a type code
 * (0..4) or 5 + 5 × type + position (the "TYPE-P" keys).
 */
const TYPE_NAMES = ['O', ...ENTITY_TYPES];
const POS_NAMES = ['O', 'B', 'I', 'L', 'U'];
const NT = TYPE_NAMES.length;
const TYPE_CODE = new Map<string, number>(TYPE_NAMES.map((t, i) => [t, i]));
const label = (key: number): string => {
  const tp = key - NT;
  return `${TYPE_NAMES[Math.floor(tp / 5)]}-${POS_NAMES[tp % 5]}`;
};
const KEYS = NT + 5 * NT;
const H_SELF = new Uint32Array(KEYS);
const H_KEY = new Uint32Array(KEYS);
for (let key = 0; key < KEYS; key++) {
  if (key < NT) {
    H_KEY[key] = fnv1a(`htype=${TYPE_NAMES[key]}`);
  } else {
    H_KEY[key] = fnv1a(`hpos=${label(key)}`);
    H_SELF[key] = fnv1a(`hself=${label(key)}`);
  }
}
/** hmaj by best type code (NT: none), hmaj|self by NT × best + own type. */
const H_MAJ = Uint32Array.from([...TYPE_NAMES, 'none'], (t) => fnv1a(`hmaj=${t}`));
const H_MAJ_SELF = new Uint32Array((NT + 1) * NT);
[...TYPE_NAMES, 'none'].forEach((b, bi) => TYPE_NAMES.forEach((o, oi) => {
  H_MAJ_SELF[bi * NT + oi] = fnv1a(`hmaj|self=${b}|${o}`);
}));

/** Writes the count keys of a sentence's first-pass labels (5 + 5 × type + position) to out[at .. at + n). */
export function historyLabels(out: Uint8Array, at: number, n: number, spans: readonly TokenSpan[]): void {
  out.fill(NT, at, at + n);
  for (const s of spans) {
    const type = TYPE_CODE.get(s.type)!;
    for (let i = s.start; i < s.end; i++) {
      const pos = s.end - s.start === 1 ? 4 : i === s.start ? 1 : i === s.end - 1 ? 3 : 2;
      out[at + i] = NT + 5 * type + pos;
    }
  }
}

/** History features of a document's tokens: token t's are hashes[offsets[t] .. offsets[t + 1]). */
export interface HistoryHashes {
  hashes: Uint32Array;
  offsets: Int32Array;
}

/** First sizes of the reused buffers below, by tokens and by distinct words; they grow as needed. */
const FIRST_TOKENS = 1024;
const FIRST_WORDS = 256;

/** Reused by every call: the result is valid until the next one (sized by firstBuffers). */
const histOut: HistoryHashes = { hashes: new Uint32Array(0), offsets: new Int32Array(0) };

/**
 * Per-document label counts of the words, by word id, in reused typed arrays rather
 * than a map and an array per word: word id w belongs to the current document when
 * stampOf[w] is its stamp, and is then its local word localOf[w]; local word j's
 * counts are [key, count] pairs at pairs[2 × KEYS × j ..], pairCount[j] of them, in
 * the order the keys were first seen (which decides ties for the majority label).
 */
let stampOf = new Int32Array(1024).fill(-1);
let localOf = new Int32Array(1024);
let pairs!: Int32Array;
let pairCount!: Int32Array;
/** Each token's local word, or -1. */
let tokenWord!: Int32Array;
let nextStamp = 0;

/**
 * The buffers sized by a document's tokens and words at their first sizes: at load, and
 * after a long document (core/scratch.ts). stampOf and localOf are by word id, which the
 * type cache bounds, and stay.
 */
function firstBuffers(): void {
  pairs = new Int32Array(2 * KEYS * FIRST_WORDS);
  pairCount = new Int32Array(FIRST_WORDS);
  tokenWord = new Int32Array(FIRST_TOKENS);
  histOut.hashes = new Uint32Array(8 * FIRST_TOKENS);
  histOut.offsets = new Int32Array(FIRST_TOKENS);
}
firstBuffers();
registerScratch({
  bytes: () => pairs.byteLength + pairCount.byteLength + tokenWord.byteLength + histOut.hashes.byteLength + histOut.offsets.byteLength,
  trim: firstBuffers,
});

/** Doubles the room for words' label counts, keeping the current document's. */
function growWords(): void {
  const count = new Int32Array(2 * pairCount.length);
  count.set(pairCount);
  pairCount = count;
  const grown = new Int32Array(2 * pairs.length);
  grown.set(pairs);
  pairs = grown;
}

/**
 * The history features of every token of a document, in document order, given each
 * token's word id (a number per distinct lowercased form when it has a letter, else
 * -1: no features from elsewhere) and first-pass label (historyLabels).
 */
export function historyHashesById(ids: Int32Array, nDoc: number, labels: Uint8Array): HistoryHashes {
  const stamp = nextStamp++;
  if (tokenWord.length < nDoc) tokenWord = new Int32Array(roomFor(nDoc));
  let nWords = 0;
  for (let t = 0; t < nDoc; t++) {
    const id = ids[t]!;
    if (id < 0) {
      tokenWord[t] = -1;
      continue;
    }
    if (id >= stampOf.length) {
      const grown = new Int32Array(2 * (id + 1)).fill(-1);
      grown.set(stampOf);
      stampOf = grown;
      const local = new Int32Array(grown.length);
      local.set(localOf);
      localOf = local;
    }
    if (stampOf[id] !== stamp) {
      // Room by distinct words, not tokens: a long document repeats most of its words.
      if (nWords === pairCount.length) growWords();
      stampOf[id] = stamp;
      localOf[id] = nWords;
      pairCount[nWords++] = 0;
    }
    const j = localOf[id]!;
    tokenWord[t] = j;
    const l = labels[t]!;
    const base = 2 * KEYS * j;
    for (let pass = 0; pass < 2; pass++) {
      const k = pass === 0 ? Math.floor((l - NT) / 5) : l;
      const end = base + 2 * pairCount[j]!;
      let at = base;
      while (at < end && pairs[at] !== k) at += 2;
      if (at < end) {
        pairs[at + 1]!++;
      } else {
        pairs[at] = k;
        pairs[at + 1] = 1;
        pairCount[j]!++;
      }
    }
  }
  if (histOut.offsets.length < nDoc + 1) histOut.offsets = new Int32Array(roomFor(nDoc + 1));
  // Each token writes its own label's hash, and a word's keys and two majority hashes.
  let need = nDoc;
  for (let t = 0; t < nDoc; t++) {
    const j = tokenWord[t]!;
    if (j >= 0) need += pairCount[j]! + 2;
  }
  if (histOut.hashes.length < need) histOut.hashes = new Uint32Array(roomFor(need));
  const { hashes, offsets } = histOut;
  let m = 0;
  for (let t = 0; t < nDoc; t++) {
    offsets[t] = m;
    const ownPos = labels[t]!;
    const ownType = Math.floor((ownPos - NT) / 5);
    hashes[m++] = H_SELF[ownPos]!;
    const j = tokenWord[t]!;
    if (j < 0) continue;
    let bestType = NT;
    let bestN = 0;
    const base = 2 * KEYS * j;
    const end = base + 2 * pairCount[j]!;
    for (let at = base; at < end; at += 2) {
      const k = pairs[at]!;
      // The token's own first-pass label is not evidence from elsewhere.
      const others = pairs[at + 1]! - (k === ownType || k === ownPos ? 1 : 0);
      if (others <= 0) continue;
      hashes[m++] = H_KEY[k]!;
      if (k < NT && others > bestN) {
        bestN = others;
        bestType = k;
      }
    }
    hashes[m++] = H_MAJ[bestType]!;
    hashes[m++] = H_MAJ_SELF[bestType * NT + ownType]!;
  }
  offsets[nDoc] = m;
  return histOut;
}

/** historyHashesById with words given as strings (their lowercased form when they have a letter, else undefined). */
export function historyHashes(keys: readonly (string | undefined)[], labels: Uint8Array): HistoryHashes {
  const idOf = new Map<string, number>();
  const ids = new Int32Array(keys.length);
  keys.forEach((key, t) => {
    if (key === undefined) {
      ids[t] = -1;
      return;
    }
    let id = idOf.get(key);
    if (id === undefined) idOf.set(key, (id = idOf.size));
    ids[t] = id;
  });
  return historyHashesById(ids, keys.length, labels);
}

/** Each sentence's features followed, token by token, by its history features (training and reference decoding). */
export function addHistoryFeatures(
  sentences: readonly (readonly string[])[],
  base: readonly SentenceFeatures[],
  firstPass: readonly (readonly TokenSpan[])[],
): SentenceFeatures[] {
  const nDoc = sentences.reduce((n, s) => n + s.length, 0);
  const labels = new Uint8Array(nDoc);
  const keys = new Array<string | undefined>(nDoc);
  let t = 0;
  sentences.forEach((words, si) => {
    historyLabels(labels, t, words.length, firstPass[si] ?? []);
    for (const w of words) keys[t++] = hasLetter(w) ? w.toLowerCase() : undefined;
  });
  const hist = historyHashes(keys, labels);
  t = 0;
  return sentences.map((words, si) => {
    const feats = base[si]!;
    const n = words.length;
    const extra = hist.offsets[t + n]! - hist.offsets[t]!;
    const hashes = new Uint32Array(feats.hashes.length + extra);
    const offsets = new Int32Array(n + 1);
    let m = 0;
    for (let i = 0; i < n; i++, t++) {
      offsets[i] = m;
      hashes.set(feats.hashes.subarray(feats.offsets[i]!, feats.offsets[i + 1]!), m);
      m += feats.offsets[i + 1]! - feats.offsets[i]!;
      hashes.set(hist.hashes.subarray(hist.offsets[t]!, hist.offsets[t + 1]!), m);
      m += hist.offsets[t + 1]! - hist.offsets[t]!;
    }
    offsets[n] = m;
    return { hashes, offsets };
  });
}
