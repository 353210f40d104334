/**
 * Greedy decoding: one classifier call per transition, 2n transitions per
 * sentence. A beam would buy ~1 point of accuracy for ~8x the time; trained with
 * a dynamic oracle, the greedy parser already learns to recover from its own
 * mistakes (Goldberg & Nivre 2012), which closes much of that gap, and news
 * pipelines parse millions of sentences, so linear time wins.
 */
import { extractFeatures, makeView, MAX_FEATURES } from './features.js';
import type { ParserModel } from './model.js';
import { BLOCK } from './model.js';
import { FIRST_LEFT, ParseState, REDUCE, SHIFT } from './transitions.js';

export interface ParseResult {
  /** 0-based head index within the sentence, -1 for the root. */
  head: number[];
  deprel: string[];
}

export class GreedyParser {
  private readonly st = new ParseState();
  private readonly feats = new Int32Array(MAX_FEATURES);
  private readonly scores: Float32Array;
  private readonly bases: Int32Array;
  private readonly valid: Uint8Array;
  private readonly need: Uint8Array;
  /** Int16 inference: needed block ids, integer scores, weight addresses. */
  private readonly blocks: Int32Array;
  private readonly iscores: Int32Array;
  private readonly addr: Int32Array;

  constructor(readonly model: ParserModel) {
    this.scores = new Float32Array(model.nBlocks * BLOCK);
    this.valid = new Uint8Array(model.nBlocks * BLOCK);
    this.need = new Uint8Array(model.nBlocks);
    this.bases = new Int32Array(MAX_FEATURES * model.nBlocks);
    this.blocks = new Int32Array(model.nBlocks);
    this.iscores = new Int32Array(model.nBlocks * BLOCK);
    this.addr = new Int32Array(MAX_FEATURES * model.nBlocks);
  }

  parse(words: readonly string[], upos: readonly string[], xpos: readonly string[]): ParseResult {
    const n = words.length;
    if (n === 0) return { head: [], deprel: [] };
    const m = this.model;
    const nL = m.labels.length;
    const nC = m.nClasses;
    const st = this.st;
    const view = makeView(words, upos, xpos, m.clusters);
    st.reset(n);
    const { valid, need, feats } = this;
    if (!m.int16) {
      // Float weights (a model fresh from training): the reference loop, whose
      // Float32 sums depend on the order of the additions.
      const scores = this.scores;
      while (!st.terminal()) {
        validClasses(st, m, valid, need);
        const nf = extractFeatures(st, view, feats);
        m.score(feats, nf, need, scores, this.bases);
        st.apply(argmax(scores, valid, nC), nL);
      }
      return finishTree(st, m.labels, m.rootLabel);
    }
    const { blocks, iscores, addr } = this;
    const G = m.nBlocks;
    while (!st.terminal()) {
      validClasses(st, m, valid, need);
      let nb = 0;
      for (let g = 0; g < G; g++) if (need[g] !== 0) blocks[nb++] = g;
      const nf = extractFeatures(st, view, feats);
      m.scoreInt(feats, nf, blocks, nb, iscores, addr);
      st.apply(argmax(iscores, valid, nC), nL);
    }
    return finishTree(st, m.labels, m.rootLabel);
  }
}

/** The first valid class with the highest score (classes in index order, as always). */
function argmax(scores: Float32Array | Int32Array, valid: Uint8Array, nC: number): number {
  let best = -1;
  let bestScore = -Infinity;
  for (let c = 0; c < nC; c++) {
    const s = scores[c]!;
    if (valid[c] === 1 && s > bestScore) {
      best = c;
      bestScore = s;
    }
  }
  return best;
}

/**
 * Flags the classes valid in `st`, and the class blocks that hold any of them.
 * The closed form of ParseState.valid over all classes (same result, without
 * one call per class): SHIFT needs a buffer word, REDUCE a headed s0, LEFT-ARC a
 * headless s0 (only `root` when it is the last headless word and the buffer
 * holds just the root, never `root` otherwise), RIGHT-ARC a buffer word and a
 * label other than `root`.
 */
export function validClasses(st: ParseState, m: ParserModel, valid: Uint8Array, need: Uint8Array): void {
  const nL = m.labels.length;
  const root = m.rootLabel;
  valid.fill(0);
  need.fill(0);
  const canShift = st.b < st.n;
  if (canShift) valid[SHIFT] = 1;
  if (st.sp > 0) {
    const s0 = st.stack[st.sp - 1]!;
    if (st.head[s0]! >= 0) {
      valid[REDUCE] = 1;
    } else if (!canShift && st.headless === 1) {
      valid[FIRST_LEFT + root] = 1;
    } else {
      valid.fill(1, FIRST_LEFT, FIRST_LEFT + nL);
      valid[FIRST_LEFT + root] = 0;
    }
    if (canShift) {
      valid.fill(1, FIRST_LEFT + nL, FIRST_LEFT + 2 * nL);
      valid[FIRST_LEFT + nL + root] = 0;
    }
  }
  const nC = m.nClasses;
  for (let c = 0; c < nC; c++) if (valid[c] === 1) need[c >> 3] = 1;
}

/**
 * Reads the tree off a terminal state. Words that were left headless until the
 * end hang from the artificial root with a non-root label; they are re-attached
 * to the one word labelled `root`, so the result is always a single tree.
 */
export function finishTree(st: ParseState, labels: readonly string[], rootLabel: number): ParseResult {
  const n = st.n;
  let root = -1;
  for (let i = 0; i < n; i++) if (st.head[i] === n && st.label[i] === rootLabel) root = i;
  const head: number[] = new Array<number>(n);
  const deprel: string[] = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const h = st.head[i]!;
    head[i] = i === root ? -1 : h === n ? root : h;
    deprel[i] = labels[st.label[i]!] ?? 'dep';
  }
  return { head, deprel };
}
