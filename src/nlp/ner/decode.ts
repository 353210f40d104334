/**
 * First-order Viterbi over BILOU tags. Illegal transitions (O → I-PER, B-LOC → O …)
 * are excluded outright, so every path decodes to well-formed spans. Exact decoding
 * is cheap here: 17 tags, 17² transitions per token.
 */
import type { SentenceFeatures } from './features.js';
import { allowedEnd, allowedStart, allowedTransition, NUM_TAGS } from './tags.js';

const T = NUM_TAGS;
/** Transition matrix with an extra boundary state T for sentence start and end. */
export const TRANS_SIZE = (T + 1) * (T + 1);

const ALLOWED = new Uint8Array(TRANS_SIZE);
for (let a = 0; a <= T; a++) {
  for (let b = 0; b <= T; b++) {
    let ok: boolean;
    if (a === T && b === T) ok = false;
    else if (a === T) ok = allowedStart(b);
    else if (b === T) ok = allowedEnd(a);
    else ok = allowedTransition(a, b);
    ALLOWED[a * (T + 1) + b] = ok ? 1 : 0;
  }
}

/** Emission scores, n × T, from hashed features and a row-per-bucket weight table. */
export function emissions(feats: SentenceFeatures, weights: ArrayLike<number>, mask: number): Float64Array {
  const n = feats.offsets.length - 1;
  const scores = new Float64Array(n * T);
  const { hashes, offsets } = feats;
  for (let i = 0; i < n; i++) {
    const base = i * T;
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
      const row = (hashes[k]! & mask) * T;
      for (let t = 0; t < T; t++) scores[base + t]! += weights[row + t]!;
    }
  }
  return scores;
}

/** For each tag b, the tags a that may precede it (increasing, so ties break as before). */
const PREDECESSORS: Int8Array[] = [];
for (let b = 0; b < T; b++) {
  const from: number[] = [];
  for (let a = 0; a < T; a++) if (ALLOWED[a * (T + 1) + b]) from.push(a);
  PREDECESSORS.push(Int8Array.from(from));
}

let prevBuf = new Float64Array(T);
let curBuf = new Float64Array(T);

export function viterbi(scores: Float64Array, trans: ArrayLike<number>, n: number): Int8Array {
  const path = new Int8Array(n);
  if (n === 0) return path;
  const W = T + 1;
  let prev = prevBuf;
  let cur = curBuf;
  const back = new Int8Array(n * T);
  for (let t = 0; t < T; t++) {
    prev[t] = ALLOWED[T * W + t] ? scores[t]! + trans[T * W + t]! : -Infinity;
  }
  for (let i = 1; i < n; i++) {
    for (let b = 0; b < T; b++) {
      const from = PREDECESSORS[b]!;
      let best = -Infinity;
      let arg = 0;
      for (let j = 0; j < from.length; j++) {
        const a = from[j]!;
        const s = prev[a]! + trans[a * W + b]!;
        if (s > best) {
          best = s;
          arg = a;
        }
      }
      cur[b] = best + scores[i * T + b]!;
      back[i * T + b] = arg;
    }
    [prev, cur] = [cur, prev];
  }
  prevBuf = prev;
  curBuf = cur;
  let best = -Infinity;
  let arg = 0;
  for (let a = 0; a < T; a++) {
    if (!ALLOWED[a * W + T]) continue;
    const s = prev[a]! + trans[a * W + T]!;
    if (s > best) {
      best = s;
      arg = a;
    }
  }
  path[n - 1] = arg;
  for (let i = n - 1; i > 0; i--) path[i - 1] = back[i * T + path[i]!]!;
  return path;
}
