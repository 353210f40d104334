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

/**
 * For each tag b, the tags a that may precede it, increasing (so ties break towards
 * the lowest tag): PRED[PRED_START[b] .. PRED_START[b + 1]). With BILOU that is 9 for
 * O, B- and U- tags and 2 for I- and L- tags.
 */
const PRED_START = new Int32Array(T + 1);
const PRED: number[] = [];
for (let b = 0; b < T; b++) {
  PRED_START[b] = PRED.length;
  for (let a = 0; a < T; a++) if (ALLOWED[a * (T + 1) + b]) PRED.push(a);
}
PRED_START[T] = PRED.length;
const PRED_TAGS = Int32Array.from(PRED);

/** A transition matrix laid out for viterbiPath; -Infinity where a transition is not allowed. */
export interface Transitions {
  /** Weight of PRED[k] → its b, for each k of PRED_START[b] .. PRED_START[b + 1]. */
  pred: Float64Array;
  start: Float64Array;
  end: Float64Array;
}

export function transitions(trans: ArrayLike<number>): Transitions {
  const W = T + 1;
  const pred = new Float64Array(PRED_TAGS.length);
  for (let b = 0; b < T; b++) {
    for (let k = PRED_START[b]!; k < PRED_START[b + 1]!; k++) pred[k] = trans[PRED_TAGS[k]! * W + b]!;
  }
  const start = new Float64Array(T);
  const end = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    start[t] = ALLOWED[T * W + t] ? trans[T * W + t]! : -Infinity;
    end[t] = ALLOWED[t * W + T] ? trans[t * W + T]! : -Infinity;
  }
  return { pred, start, end };
}

/**
 * The BILOU structure the decoder is written for: O, B- and U- tags all share one
 * predecessor set OPEN_PREDS (O, L-, U- of every type); I- and L- tags have two (B- and
 * I- of their own type). Checked here so a change to tags.ts cannot silently break it.
 */
const OPEN_PREDS = PRED_TAGS.slice(PRED_START[0]!, PRED_START[1]!);
/** The tags whose predecessors are OPEN_PREDS, increasing. */
const OPEN_TAGS: number[] = [];
for (let b = 0; b < T; b++) {
  const preds = PRED_TAGS.subarray(PRED_START[b]!, PRED_START[b + 1]!);
  if (preds.length === OPEN_PREDS.length && preds.every((a, k) => a === OPEN_PREDS[k])) OPEN_TAGS.push(b);
  else if (preds.length !== 2) throw new Error(`ner decode: tag ${b} has ${preds.length} predecessors, not BILOU's 9 or 2`);
}
const OPEN = Int32Array.from(OPEN_TAGS);
const CLOSED = Int32Array.from({ length: T }, (_, b) => b).filter((b) => !OPEN_TAGS.includes(b));
const NO = OPEN_PREDS.length;

/** Forward scores of the sentence being decoded (n × T), reused (grown as needed). */
let fwdBuf = new Float64Array(T * 256);
/** The previous position's scores of OPEN_PREDS, gathered once for the nine tags that read them. */
const openPrev = new Float64Array(NO);

/** Best tag sequence for one sentence from general (float) transition weights. */
export function viterbi(scores: Float64Array, trans: ArrayLike<number>, n: number): Int8Array {
  const path = new Int8Array(n);
  viterbiPath(scores, 0, n, transitions(trans), path, 0);
  return path;
}

/**
 * Best tag sequence of the n tokens whose emission scores start at scores[at] (n × T),
 * written to path[pathAt ..]. The forward pass keeps only the best scores (Math.max has
 * no data-dependent branch to mispredict, where keeping back-pointers needs one per
 * candidate); the back-pointers of the chosen path alone are found again while tracing
 * back, by the same sums in the same order, so ties break as before: towards the
 * lowest predecessor, the first of several equal scores.
 */
export function viterbiPath(
  scores: Float64Array, at: number, n: number, tr: Transitions, path: Int8Array, pathAt: number,
): void {
  if (n === 0) return;
  if (fwdBuf.length < n * T) fwdBuf = new Float64Array(2 * n * T);
  const v = fwdBuf;
  const { pred, start, end } = tr;
  for (let t = 0; t < T; t++) v[t] = scores[at + t]! + start[t]!;
  for (let i = 1; i < n; i++) {
    const p = (i - 1) * T;
    const c = i * T;
    const row = at + c;
    const q = openPrev;
    for (let m = 0; m < NO; m++) q[m] = v[p + OPEN_PREDS[m]!]!;
    for (let j = 0; j < OPEN.length; j++) {
      const b = OPEN[j]!;
      const k = PRED_START[b]!;
      let best = q[0]! + pred[k]!;
      for (let m = 1; m < NO; m++) best = Math.max(best, q[m]! + pred[k + m]!);
      v[c + b] = best + scores[row + b]!;
    }
    for (let j = 0; j < CLOSED.length; j++) {
      const b = CLOSED[j]!;
      const k = PRED_START[b]!;
      v[c + b] = Math.max(v[p + PRED_TAGS[k]!]! + pred[k]!, v[p + PRED_TAGS[k + 1]!]! + pred[k + 1]!) + scores[row + b]!;
    }
  }
  let best = -Infinity;
  let arg = 0;
  const last = (n - 1) * T;
  for (let a = 0; a < T; a++) {
    const s = v[last + a]! + end[a]!;
    if (s > best) {
      best = s;
      arg = a;
    }
  }
  path[pathAt + n - 1] = arg;
  for (let i = n - 1; i > 0; i--) {
    const b = path[pathAt + i]!;
    const p = (i - 1) * T;
    best = -Infinity;
    arg = 0;
    const kEnd = PRED_START[b + 1]!;
    for (let k = PRED_START[b]!; k < kEnd; k++) {
      const a = PRED_TAGS[k]!;
      const s = v[p + a]! + pred[k]!;
      if (s > best) {
        best = s;
        arg = a;
      }
    }
    path[pathAt + i - 1] = arg;
  }
}
