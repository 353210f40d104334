/**
 * Second-pass features from first-pass predictions across the document (Ratinov &
 * Roth 2009, "prediction history"): a name is usually labelled the same way each
 * time it occurs, so "Zarif" alone, or in a headline, borrows the label the first
 * pass gave "Javad Zarif" elsewhere. Training uses cross-validated first-pass output.
 */
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

/** Count keys of each token's first-pass label: 5 + 5 × type + position. */
function labelsOf(n: number, spans: readonly TokenSpan[]): Uint8Array {
  const out = new Uint8Array(n).fill(NT);
  for (const s of spans) {
    const type = TYPE_CODE.get(s.type)!;
    for (let i = s.start; i < s.end; i++) {
      const pos = s.end - s.start === 1 ? 4 : i === s.start ? 1 : i === s.end - 1 ? 3 : 2;
      out[i] = NT + 5 * type + pos;
    }
  }
  return out;
}

export function addHistoryFeatures(
  sentences: readonly (readonly string[])[],
  base: readonly SentenceFeatures[],
  firstPass: readonly (readonly TokenSpan[])[],
): SentenceFeatures[] {
  const labels = sentences.map((w, i) => labelsOf(w.length, firstPass[i] ?? []));
  /**
   * Lowercased word → its label counts as [key, count, …] pairs in the order the keys
   * were first seen (iteration order decides ties for the majority label).
   */
  const byWord = new Map<string, number[]>();
  const countsOf = sentences.map((words, si) => words.map((w, i) => {
    if (!hasLetter(w)) return undefined;
    const key = w.toLowerCase();
    let m = byWord.get(key);
    if (!m) byWord.set(key, (m = []));
    const l = labels[si]![i]!;
    const type = Math.floor((l - NT) / 5);
    for (const k of [type, l]) {
      let j = 0;
      while (j < m.length && m[j] !== k) j += 2;
      if (j < m.length) m[j + 1]!++;
      else m.push(k, 1);
    }
    return m;
  }));
  return sentences.map((words, si) => {
    const feats = base[si]!;
    const n = words.length;
    // Base features, then at most 3 + 2 × labels-seen-elsewhere (≤ 10 keys) history features per token.
    const hashes = new Uint32Array(feats.hashes.length + 32 * n);
    const offsets = new Int32Array(n + 1);
    const own = labels[si]!;
    const counts = countsOf[si]!;
    let m = 0;
    for (let i = 0; i < n; i++) {
      offsets[i] = m;
      const from = feats.offsets[i]!;
      const to = feats.offsets[i + 1]!;
      hashes.set(feats.hashes.subarray(from, to), m);
      m += to - from;
      const ownPos = own[i]!;
      const ownType = Math.floor((ownPos - NT) / 5);
      hashes[m++] = H_SELF[ownPos]!;
      const c = counts[i];
      if (!c) continue;
      let bestType = NT;
      let bestN = 0;
      for (let j = 0; j < c.length; j += 2) {
        const k = c[j]!;
        // The token's own first-pass label is not evidence from elsewhere.
        const others = c[j + 1]! - (k === ownType || k === ownPos ? 1 : 0);
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
    offsets[n] = m;
    const out = hashes.slice(0, m);
    return feats.grouped ? { hashes: out, offsets, grouped: feats.grouped } : { hashes: out, offsets };
  });
}
