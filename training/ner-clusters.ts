/**
 * Induces word clusters for the NER features: spherical k-means over sparse PPMI
 * vectors of each word's left and right neighbours (a cheap stand-in for Brown
 * clusters), then k-means over the centroids for coarser levels. Also records how
 * often each lowercase word is capitalised mid-sentence, which tells a name from a
 * common word when case carries no signal (sentence starts, headlines).
 *
 * Input: ../shared/data/news-text (Reuters-21578 bodies, BBC articles) plus the words
 * of CoNLL eng.train. Output: models/clusters.tsv.gz. Usage:
 *   npx tsx training/ner-clusters.ts [--k 800] [--seed 17]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { hasLetter, hasLower, isCapitalised, shortShape } from '../src/nlp/ner/shape.js';
import { conllSentences, newsSentences, SHARED } from './ner-text.js';
import { rng } from '../src/core/rng.js';

const args = process.argv.slice(2);
const arg = (name: string, dflt: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const K_FINE = arg('k', 800);
const K_MID = arg('kmid', 120);
const K_COARSE = arg('kcoarse', 24);
const SEED = arg('seed', 17);
const MIN_COUNT = arg('min', 3);
const MAX_VOCAB = arg('vocab', 80000);
const CONTEXT_WORDS = 1500;
const TOP_FEATURES = 100;
const ITERATIONS = arg('iter', 10);

const t0 = Date.now();
const log = (msg: string): void => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);

const sentences: string[][] = [];
for (const s of newsSentences()) sentences.push(s);
const nNews = sentences.length;
for (const s of conllSentences(join(SHARED, 'conll2003', 'eng.train'))) sentences.push(s);
log(`${sentences.length} sentences (${nNews} news)`);

const wordCount = new Map<string, number>();
const lowerCount = new Map<string, number>();
for (const s of sentences) {
  for (const w of s) {
    wordCount.set(w, (wordCount.get(w) ?? 0) + 1);
    const lw = w.toLowerCase();
    lowerCount.set(lw, (lowerCount.get(lw) ?? 0) + 1);
  }
}
const vocab = [...wordCount]
  .filter(([w, n]) => n >= MIN_COUNT && hasLetter(w))
  .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  .slice(0, MAX_VOCAB)
  .map(([w]) => w);
const vocabId = new Map(vocab.map((w, i) => [w, i]));
log(`vocab ${vocab.length} of ${wordCount.size} types`);

// Contexts: frequent lowercase words; other neighbours collapse to their shape.
const ctxWords = [...lowerCount].sort((a, b) => b[1] - a[1]).slice(0, CONTEXT_WORDS).map(([w]) => w);
const ctxId = new Map<string, number>(ctxWords.map((w, i) => [w, i]));
const ctxOf = (w: string | undefined): number => {
  if (w === undefined) return ctxIdFor('<b>');
  return ctxId.get(w.toLowerCase()) ?? ctxIdFor(`#${shortShape(w).slice(0, 4)}`);
};
function ctxIdFor(key: string): number {
  let id = ctxId.get(key);
  if (id === undefined) {
    id = ctxId.size;
    ctxId.set(key, id);
  }
  return id;
}
for (const s of sentences) for (const w of s) ctxOf(w);
ctxOf(undefined);
const C = ctxId.size;
const D = 2 * C;

// Count (word, context) pairs by sorting packed keys: far lighter than nested maps.
let pairs = new Float64Array(1 << 22);
let nPairs = 0;
const push = (k: number): void => {
  if (nPairs === pairs.length) {
    const bigger = new Float64Array(pairs.length * 2);
    bigger.set(pairs);
    pairs = bigger;
  }
  pairs[nPairs++] = k;
};
for (const s of sentences) {
  for (let i = 0; i < s.length; i++) {
    const id = vocabId.get(s[i]!);
    if (id === undefined) continue;
    push(id * D + ctxOf(s[i - 1]));
    push(id * D + C + ctxOf(s[i + 1]));
  }
}
const sorted = pairs.subarray(0, nPairs).sort();
log(`${nPairs} context pairs, ${D} context dims`);

const ctxTotals = new Float64Array(D);
const wordTotals = new Float64Array(vocab.length);
const keys: number[] = [];
const counts: number[] = [];
for (let i = 0; i < nPairs; ) {
  const k = sorted[i]!;
  let j = i;
  while (j < nPairs && sorted[j] === k) j++;
  keys.push(k);
  counts.push(j - i);
  ctxTotals[k % D]! += j - i;
  wordTotals[Math.floor(k / D)]! += j - i;
  i = j;
}
let smoothTotal = 0;
const ctxSmooth = ctxTotals.map((c) => c ** 0.75);
for (const c of ctxSmooth) smoothTotal += c;

// Sparse PPMI vectors, top entries per word, L2-normalised.
const vecIdx: Int32Array[] = [];
const vecVal: Float32Array[] = [];
{
  let p = 0;
  for (let w = 0; w < vocab.length; w++) {
    const entries: [number, number][] = [];
    while (p < keys.length && Math.floor(keys[p]! / D) === w) {
      const c = keys[p]! % D;
      const pmi = Math.log((counts[p]! * smoothTotal) / (wordTotals[w]! * ctxSmooth[c]!));
      if (pmi > 0) entries.push([c, pmi]);
      p++;
    }
    entries.sort((a, b) => b[1] - a[1]);
    const top = entries.slice(0, TOP_FEATURES);
    let norm = 0;
    for (const [, v] of top) norm += v * v;
    norm = Math.sqrt(norm) || 1;
    vecIdx.push(Int32Array.from(top, ([c]) => c));
    vecVal.push(Float32Array.from(top, ([, v]) => v / norm));
  }
}
log('PPMI vectors built');

const rand = rng(SEED);

/** Spherical k-means over sparse unit vectors; returns assignments and dense centroids. */
function kmeansSparse(k: number): { assign: Int32Array; centroids: Float32Array } {
  const n = vocab.length;
  const centroids = new Float32Array(k * D);
  const seeds = new Set<number>();
  const pool = Math.min(n, 20000);
  while (seeds.size < k) seeds.add(Math.floor(rand() * pool));
  [...seeds].forEach((w, c) => {
    const idx = vecIdx[w]!;
    const val = vecVal[w]!;
    for (let j = 0; j < idx.length; j++) centroids[c * D + idx[j]!] = val[j]!;
  });
  const assign = new Int32Array(n);
  for (let it = 0; it < ITERATIONS; it++) {
    let moved = 0;
    let total = 0;
    for (let w = 0; w < n; w++) {
      const idx = vecIdx[w]!;
      const val = vecVal[w]!;
      let best = -Infinity;
      let arg = 0;
      for (let c = 0; c < k; c++) {
        const base = c * D;
        let dot = 0;
        for (let j = 0; j < idx.length; j++) dot += centroids[base + idx[j]!]! * val[j]!;
        if (dot > best) {
          best = dot;
          arg = c;
        }
      }
      if (assign[w] !== arg) moved++;
      assign[w] = arg;
      total += best;
    }
    centroids.fill(0);
    for (let w = 0; w < n; w++) {
      const base = assign[w]! * D;
      const idx = vecIdx[w]!;
      const val = vecVal[w]!;
      for (let j = 0; j < idx.length; j++) centroids[base + idx[j]!]! += val[j]!;
    }
    normaliseRows(centroids, k, D);
    log(`k=${k} iter ${it + 1}: moved ${moved}, mean cos ${(total / n).toFixed(4)}`);
  }
  return { assign, centroids };
}

function normaliseRows(m: Float32Array, rows: number, dim: number): void {
  for (let r = 0; r < rows; r++) {
    let norm = 0;
    for (let j = 0; j < dim; j++) norm += m[r * dim + j]! ** 2;
    norm = Math.sqrt(norm);
    if (norm === 0) continue;
    for (let j = 0; j < dim; j++) m[r * dim + j]! /= norm;
  }
}

/** Dense spherical k-means over centroid rows, for the coarser cluster levels. */
function kmeansDense(m: Float32Array, rows: number, k: number): Int32Array {
  const cent = new Float32Array(k * D);
  const seeds = new Set<number>();
  while (seeds.size < k) seeds.add(Math.floor(rand() * rows));
  [...seeds].forEach((r, c) => cent.set(m.subarray(r * D, (r + 1) * D), c * D));
  const assign = new Int32Array(rows);
  for (let it = 0; it < 15; it++) {
    for (let r = 0; r < rows; r++) {
      let best = -Infinity;
      let arg = 0;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        for (let j = 0; j < D; j++) dot += cent[c * D + j]! * m[r * D + j]!;
        if (dot > best) {
          best = dot;
          arg = c;
        }
      }
      assign[r] = arg;
    }
    cent.fill(0);
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < D; j++) cent[assign[r]! * D + j]! += m[r * D + j]!;
    }
    normaliseRows(cent, k, D);
  }
  return assign;
}

const fine = kmeansSparse(K_FINE);
const mid = kmeansDense(fine.centroids, K_FINE, K_MID);
const coarse = kmeansDense(fine.centroids, K_FINE, K_COARSE);
log('clustering done');

// Case profile: share of mid-sentence occurrences written with a capital.
const capMid = new Map<string, [number, number]>();
for (let si = 0; si < sentences.length; si++) {
  const s = sentences[si]!;
  if (!s.some((w) => hasLower(w))) continue;
  for (let i = 1; i < s.length; i++) {
    const w = s[i]!;
    if (!hasLetter(w) || /^["'`(:;-]/.test(s[i - 1]!)) continue;
    const lw = w.toLowerCase();
    const e = capMid.get(lw) ?? [0, 0];
    if (isCapitalised(w)) e[0]++;
    e[1]++;
    capMid.set(lw, e);
  }
}
const bucket = (r: number): number => (r < 0.05 ? 0 : r < 0.3 ? 1 : r < 0.7 ? 2 : r < 0.95 ? 3 : 4);

const lines: string[] = ['#clusters'];
vocab.forEach((w, i) => {
  const f = fine.assign[i]!;
  lines.push(`${w}\t${f}\t${mid[f]}\t${coarse[f]}`);
});
lines.push('#case');
for (const [lw, [cap, n]] of [...capMid].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  if (n >= 3) lines.push(`${lw}\t${bucket(cap / n)}`);
}
const out = join(import.meta.dirname, '..', 'models', 'clusters.tsv.gz');
mkdirSync(join(import.meta.dirname, '..', 'models'), { recursive: true });
writeFileSync(out, gzipSync(`${lines.join('\n')}\n`, { level: 9 }));
log(`wrote ${out}`);

// A few clusters to eyeball quality.
for (const probe of ['Germany', 'Clinton', 'Monday', 'shares', 'Reuters', 'London', 'said']) {
  const id = vocabId.get(probe);
  if (id === undefined) continue;
  const c = fine.assign[id];
  const members = vocab.filter((_, i) => fine.assign[i] === c).slice(0, 12);
  console.log(`${probe}: ${members.join(' ')}`);
}
