/**
 * Integer move scores of parse states (Int8 models), with the sums of the
 * feature groups that depend only on the buffer front, or only on (s0, b),
 * kept per sentence and reused (features.ts's BUFFER_SLOTS / PAIR_SLOTS). A
 * beam meets each b and many (s0, b) pairs in several hypotheses (a greedy
 * parse meets each b in about two states, too few to pay for the bookkeeping:
 * GreedyParser sums all rows). Integer sums are exact, so the scores equal
 * actionScoresInt over all features.
 *
 * On EWT dev, 86% of the states a width-4 beam scores share their b with a state
 * scored before, 67% their (s0, b). 30–41% (width 4–8) even repeat every feature
 * of an earlier state, but keying sums by a signature of all their hashes cost
 * more than the reads it saved (measured: 10% slower).
 */
import { BUFFER_SLOTS, finishMoreFeatures, PAIR_SLOTS, STATE_SLOTS } from './features.js';
import type { ParserModel } from './model.js';
import { ACTION_STRIDE } from './model.js';

const W = ACTION_STRIDE;
/** Slots of a model with clusters (the groups are defined for it). */
export const GROUPED_FEATURES = 98;

export class MoveScorer {
  private n = 0;
  private bSums = new Int32Array(64 * W);
  /** bStamp[b] === stamp when bSums holds b's buffer sums this sentence. */
  private bStamp = new Int32Array(64);
  private stamp = 0;
  /** Open-addressing table of (s0, b) keys → pair sums (only for a beam). */
  private pairKeys = new Int32Array(0);
  private pairStamp = new Int32Array(0);
  private pairSums = new Int32Array(0);
  private pairMask = 0;
  private pairCount = 0;
  private readonly addr = new Int32Array(128);
  private readonly tmp = new Int32Array(W);

  constructor(
    readonly model: ParserModel,
    /** Beam width: above 1, (s0, b) sums are kept too (it sizes their table). */
    readonly width: number,
  ) {}

  /** Forget the last sentence's sums; n words. */
  start(n: number): void {
    this.n = n;
    this.stamp++;
    if (this.bStamp.length < n + 1) {
      this.bStamp = new Int32Array(2 * (n + 1));
      this.bSums = new Int32Array(2 * (n + 1) * W);
    }
    if (this.width > 1) {
      // Room for a pair per state a beam scores (2n steps × width) at a load below one half.
      let cap = 256;
      while (cap < 4 * (n + 1) * this.width) cap *= 2;
      if (this.pairKeys.length < cap) {
        this.pairKeys = new Int32Array(cap);
        this.pairStamp = new Int32Array(cap);
        this.pairSums = new Int32Array(cap * W);
      }
      this.pairMask = this.pairKeys.length - 1;
      this.pairCount = 0;
    }
  }

  /**
   * Scores of the state with stack top s0 (-1: none), buffer front b and finished hashes fh.
   * `lazy`: fh holds only the STATE_SLOTS hashes of the state whose features were computed
   * last, and the buffer and pair slots are hashed here when their sums are not kept.
   */
  score(s0: number, b: number, fh: Uint32Array, nf: number, out: Int32Array, lazy = false): void {
    const m = this.model;
    if (nf !== GROUPED_FEATURES) {
      m.actionScoresInt(fh, nf, out, this.addr);
      return;
    }
    out.fill(0, 0, W);
    m.addActionRowsInt(fh, STATE_SLOTS, STATE_SLOTS.length, out, this.addr);
    const bs = this.bSums;
    const bo = b * W;
    if (this.bStamp[b] !== this.stamp) {
      this.bStamp[b] = this.stamp;
      if (lazy) finishMoreFeatures(fh, nf, BUFFER_SLOTS);
      this.keep(fh, BUFFER_SLOTS, bs, bo);
    }
    for (let c = 0; c < W; c++) out[c]! += bs[bo + c]!;
    if (this.width <= 1 || this.pairCount * 2 >= this.pairMask) {
      if (lazy) finishMoreFeatures(fh, nf, PAIR_SLOTS);
      m.addActionRowsInt(fh, PAIR_SLOTS, PAIR_SLOTS.length, out, this.addr);
      return;
    }
    const key = (s0 + 1) * (this.n + 1) + b;
    let i = Math.imul(key, 0x9e3779b1) & this.pairMask;
    while (this.pairStamp[i] === this.stamp && this.pairKeys[i] !== key) i = (i + 1) & this.pairMask;
    const ps = this.pairSums;
    const po = i * W;
    if (this.pairStamp[i] !== this.stamp) {
      this.pairStamp[i] = this.stamp;
      this.pairKeys[i] = key;
      this.pairCount++;
      if (lazy) finishMoreFeatures(fh, nf, PAIR_SLOTS);
      this.keep(fh, PAIR_SLOTS, ps, po);
    }
    for (let c = 0; c < W; c++) out[c]! += ps[po + c]!;
  }

  /** Stores the move sums of the features fh[slots] at sums[at .. at + W). */
  private keep(fh: Uint32Array, slots: Int32Array, sums: Int32Array, at: number): void {
    const t = this.tmp;
    t.fill(0);
    this.model.addActionRowsInt(fh, slots, slots.length, t, this.addr);
    sums.set(t, at);
  }
}
