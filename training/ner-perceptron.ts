/**
 * Averaged structured perceptron (Collins 2002) over BILOU tags with exact Viterbi,
 * using the lazy averaging trick (w − u/c). Picks the epoch with the best dev F1.
 */
import { TRANS_SIZE, emissions, viterbi } from '../src/nlp/ner/decode.js';
import type { SentenceFeatures } from '../src/nlp/ner/features.js';
import { NUM_TAGS, spansFromBilou, type TokenSpan } from '../src/nlp/ner/tags.js';
import { rng, shuffle } from '../src/core/rng.js';
import { SpanScorer } from './ner-score.js';

export interface Example {
  feats: SentenceFeatures;
  gold: Int8Array;
  goldSpans: TokenSpan[];
}

export interface Trained {
  weights: Float32Array;
  trans: Float32Array;
  epoch: number;
  devF1: number;
}

const T = NUM_TAGS;
const W1 = T + 1;

export function predictSpans(ex: Example, weights: ArrayLike<number>, trans: ArrayLike<number>, mask: number): TokenSpan[] {
  return spansFromBilou(viterbi(emissions(ex.feats, weights, mask), trans, ex.gold.length));
}

export function scoreExamples(exs: Example[], weights: ArrayLike<number>, trans: ArrayLike<number>, mask: number): SpanScorer {
  const scorer = new SpanScorer();
  for (const ex of exs) scorer.add(ex.goldSpans, predictSpans(ex, weights, trans, mask));
  return scorer;
}

export function trainPerceptron(
  train: Example[],
  dev: Example[] | null,
  opts: { epochs: number; bits: number; seed: number; log: (m: string) => void },
): Trained {
  const size = (1 << opts.bits) * T;
  const mask = (1 << opts.bits) - 1;
  const w = new Float32Array(size);
  const u = new Float64Array(size);
  const tr = new Float32Array(TRANS_SIZE);
  const tu = new Float64Array(TRANS_SIZE);
  let c = 1;

  const updateToken = (ex: Example, i: number, tag: number, delta: number): void => {
    const { hashes, offsets } = ex.feats;
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
      const idx = (hashes[k]! & mask) * T + tag;
      w[idx]! += delta;
      u[idx]! += c * delta;
    }
  };
  const updateTrans = (a: number, b: number, delta: number): void => {
    tr[a * W1 + b]! += delta;
    tu[a * W1 + b]! += c * delta;
  };
  const step = (ex: Example): void => {
    const n = ex.gold.length;
    const pred = viterbi(emissions(ex.feats, w, mask), tr, n);
    for (let i = 0; i <= n; i++) {
      const gp = i > 0 ? ex.gold[i - 1]! : T;
      const pp = i > 0 ? pred[i - 1]! : T;
      const g = i < n ? ex.gold[i]! : T;
      const p = i < n ? pred[i]! : T;
      if (i < n && g !== p) {
        updateToken(ex, i, g, 1);
        updateToken(ex, i, p, -1);
      }
      if (gp !== pp || g !== p) {
        updateTrans(gp, g, 1);
        updateTrans(pp, p, -1);
      }
    }
    c++;
  };
  const averaged = (): { weights: Float32Array; trans: Float32Array } => {
    const weights = new Float32Array(size);
    for (let i = 0; i < size; i++) weights[i] = w[i]! - u[i]! / c;
    const trans = new Float32Array(TRANS_SIZE);
    for (let i = 0; i < TRANS_SIZE; i++) trans[i] = tr[i]! - tu[i]! / c;
    return { weights, trans };
  };

  const rand = rng(opts.seed);
  const order = train.map((_, i) => i);
  let best: Trained | null = null;
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    shuffle(order, rand);
    for (const i of order) step(train[i]!);
    if (!dev && epoch < opts.epochs) continue;
    const avg = averaged();
    const devF1 = dev ? scoreExamples(dev, avg.weights, avg.trans, mask).scores().overall.f1 : 0;
    opts.log(`epoch ${epoch}${dev ? `: dev F1 ${(100 * devF1).toFixed(2)}` : ''}`);
    if (!best || devF1 > best.devF1) best = { ...avg, epoch, devF1 };
  }
  if (!best) throw new Error('no epochs trained');
  return best;
}
