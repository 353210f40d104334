/**
 * Global training of the beam parser (src/nlp/parser/beam.ts): a structured
 * perceptron over move sequences with max-violation updates (Huang, Fayong &
 * Guo 2012), or early updates (Collins & Roark 2004) when asked.
 *
 * "Gold" is any move sequence that has lost no gold arc so far (zero cost
 * under the dynamic oracle, label groups included, fine labels not), so the
 * spurious ambiguity of arc-eager (when to REDUCE) costs nothing: the gold
 * hypothesis of a step is the best zero-cost one in the beam, and once none is
 * left, a sequence continued outside the beam by the best-scoring zero-cost
 * move. The update is made at the step where the beam's best hypothesis beats
 * that gold sequence by the most, on the two prefixes up to that step.
 *
 * Fine labels stay a local decision (as at run time) and are trained as the
 * greedy trainer trains them, along a gold sequence. A model whose states record
 * label groups (StateLabels) makes no label decision while it searches.
 */
import { Beam, Hypothesis } from '../src/nlp/parser/beam.js';
import { validMoves } from '../src/nlp/parser/decode.js';
import { bestLabel, labelChoiceOf } from '../src/nlp/parser/labelling.js';
import { classAction, classGroup } from '../src/nlp/parser/move-classes.js';
import { finishedFeatures, MAX_FEATURES } from '../src/nlp/parser/features.js';
import type { SentenceView } from '../src/nlp/parser/features.js';
import { LABEL_STRIDE, N_CLASSES } from '../src/nlp/parser/model.js';
import { LEFT, N_ACTIONS, ParseState, RIGHT } from '../src/nlp/parser/transitions.js';
import { classCosts, computeCosts } from './parser-oracle.js';
import type { OracleAnswer } from './parser-oracle.js';
import type { AveragedPerceptron } from './parser-perceptron.js';

export interface BeamSentence {
  view: SentenceView;
  gh: Int32Array;
  gl: Int32Array;
}

export type UpdateRule = 'max-violation' | 'early';

export class BeamTrainer {
  private readonly beam: Beam;
  private readonly gold = new Hypothesis();
  private readonly oracle: OracleAnswer = { costs: new Int32Array(N_ACTIONS), leftLabel: -1, rightLabel: -1 };
  private readonly classCost = new Int32Array(N_CLASSES);
  private onStack = new Uint8Array(256);
  private readonly st = new ParseState();
  private readonly fh = new Uint32Array(MAX_FEATURES);
  private readonly picked = new Uint32Array(MAX_FEATURES);
  private readonly count = { n: 0 };
  private readonly rows = new Int32Array(MAX_FEATURES);
  private readonly valid = new Uint8Array(N_ACTIONS);
  private readonly classes = new Uint8Array(N_CLASSES);
  private readonly lScores = new Float64Array(LABEL_STRIDE);
  /** Zero-cost flags of the candidates' moves, per candidate. */
  private readonly candZero: Uint8Array;
  /** Class costs of this step's zero-cost hypotheses: hypothesis i's at i * N_CLASSES. */
  private readonly itemCosts: Int32Array;
  /** Moves of the gold sequence after it left the beam. */
  private outCls: number[] = [];
  private outLabel: number[] = [];

  constructor(
    readonly p: AveragedPerceptron,
    readonly width: number,
    readonly rule: UpdateRule = 'max-violation',
  ) {
    if (!p.model.beamDecodable) throw new Error('parser: beam training needs a move table that reads every feature slot');
    this.beam = new Beam(width);
    this.candZero = new Uint8Array(width);
    this.itemCosts = new Int32Array(width * N_CLASSES);
  }

  /** Class costs of state st under the oracle (action cost, +1 for a wrong label group of a gold arc). */
  private costs(st: ParseState, s: BeamSentence): Int32Array {
    if (this.onStack.length <= s.view.n) this.onStack = new Uint8Array(2 * s.view.n + 2);
    const o = this.oracle;
    computeCosts(st, s.gh, s.gl, this.onStack, o);
    return classCosts(o, this.p.model, this.classCost);
  }

  /** Beam-searches one sentence and updates the move weights; returns whether it updated. */
  train(s: BeamSentence): boolean {
    const m = this.p.model;
    const n = s.view.n;
    const beam = this.beam;
    const total = 2 * n;
    beam.start(n);
    const gold = this.gold;
    gold.st.reset(n);
    gold.score = 0;
    this.outCls.length = 0;
    this.outLabel.length = 0;
    let goldStep = 0; // last step with the gold hypothesis in the beam
    let goldIndex = 0; // its index there
    let goldInsideScore = 0; // and its score
    let bestViolation = -Infinity;
    let vStep = -1; // the update's step
    let vGoldOut = 0; // how many outside moves the gold prefix has at vStep
    let vGoldIndex = -1; // or its index in the beam at vStep when inside

    for (let t = 1; t <= total; t++) {
      beam.select(m, s.view);
      const inside = goldStep === t - 1;
      // Which candidates keep every gold arc reachable (costs once per hypothesis).
      for (let i = 0; i < beam.size; i++) {
        const h = beam.items[i]!;
        if (h.zero) this.itemCosts.set(this.costs(h.st, s), i * N_CLASSES);
      }
      for (let j = 0; j < beam.nCand; j++) {
        const p = beam.candItem[j]!;
        this.candZero[j] = beam.items[p]!.zero && this.itemCosts[p * N_CLASSES + beam.candCls[j]!] === 0 ? 1 : 0;
      }
      if (!inside) this.extendGoldOutside(s);
      beam.advance(m, s.view);
      let gi = -1;
      for (let j = 0; j < beam.size; j++) {
        const h = beam.items[j]!;
        h.zero = this.candZero[j] === 1;
        if (gi < 0 && h.zero) gi = j;
      }
      if (inside && gi < 0) {
        // The gold sequence just fell off: continue it from its last place in the beam.
        this.restoreGold(goldStep, goldIndex, goldInsideScore, s);
        this.extendGoldOutside(s);
      }
      let goldScore: number;
      if (gi >= 0) {
        goldStep = t;
        goldIndex = gi;
        goldScore = goldInsideScore = beam.items[gi]!.score;
      } else {
        goldScore = gold.score;
      }
      const top = beam.items[0]!;
      if (!top.zero) {
        const v = top.score - goldScore;
        if (v >= bestViolation) {
          bestViolation = v;
          vStep = t;
          vGoldIndex = gi;
          vGoldOut = gi >= 0 ? 0 : this.outCls.length;
        }
      }
      if (gi < 0 && this.rule === 'early') break;
    }
    if (vStep < 0 || bestViolation < 0) return false;
    // Predicted prefix: the best hypothesis at vStep; gold prefix: inside or outside the beam.
    const pred = this.chain(vStep, 0);
    let goldMoves: Array<[number, number]>;
    if (vGoldIndex >= 0) {
      goldMoves = this.chain(vStep, vGoldIndex);
    } else {
      goldMoves = this.chain(goldStep, goldIndex);
      for (let i = 0; i < vGoldOut; i++) goldMoves.push([this.outCls[i]!, this.outLabel[i]!]);
    }
    this.replay(s, goldMoves, 1);
    this.replay(s, pred, -1);
    return true;
  }

  /** Rebuilds into this.gold the gold hypothesis at (step, index) of the history, whose score was `score`. */
  private restoreGold(step: number, index: number, score: number, s: BeamSentence): void {
    const g = this.gold;
    g.st.reset(s.view.n);
    g.score = score;
    for (const [c, l] of this.chain(step, index)) g.st.apply(classAction(c), l);
    this.outCls.length = 0;
    this.outLabel.length = 0;
  }

  /** Extends the outside gold sequence by its best-scoring zero-cost move. */
  private extendGoldOutside(s: BeamSentence): void {
    const m = this.p.model;
    const g = this.gold;
    this.beam.score(g, m, s.view);
    const cc = this.costs(g.st, s);
    let best = -1;
    for (let c = 0; c < N_CLASSES; c++) {
      if (g.classes[c] !== 1 || cc[c] !== 0) continue;
      if (best < 0 || (g.nValid > 1 && g.moveScores[c]! > g.moveScores[best]!)) best = c;
    }
    if (best < 0) throw new Error('parser training: no zero-cost move from a gold state (oracle bug)');
    if (g.nValid > 1) g.score += g.moveScores[best]!;
    const label = this.beam.stateLabelFor(g, best, m, s.view);
    this.outCls.push(best);
    this.outLabel.push(label);
    g.st.apply(classAction(best), label);
  }

  /** The moves (class, label) leading to item `index` of step `step`, from the beam's history. */
  private chain(step: number, index: number): Array<[number, number]> {
    const cls = new Int32Array(step);
    const labels = new Int32Array(step);
    this.beam.movesTo(step, index, cls, labels);
    return Array.from(cls, (c, t) => [c, labels[t]!] as [number, number]);
  }

  /** Adds delta to the weights of each scored move of a sequence. */
  private replay(s: BeamSentence, moves: Array<[number, number]>, delta: number): void {
    const m = this.p.model;
    const st = this.st;
    st.reset(s.view.n);
    for (const [c, l] of moves) {
      if (validMoves(st, m, this.valid, this.classes) > 1) {
        const nf = finishedFeatures(st, s.view, this.fh);
        for (let i = 0; i < nf; i++) this.rows[i] = m.actionRow(this.fh[i]!);
        this.p.update(this.rows, nf, c, delta);
      }
      st.apply(classAction(c), l);
    }
  }

  /**
   * Trains the label classifier along one gold sequence (zero-cost moves,
   * the first in class order), as the greedy trainer does without exploring.
   * Returns [label decisions, mistakes].
   */
  trainLabels(s: BeamSentence): [number, number] {
    const m = this.p.model;
    const root = m.rootLabel;
    const st = this.st;
    st.reset(s.view.n);
    let decisions = 0;
    let mistakes = 0;
    while (!st.terminal()) {
      validMoves(st, m, this.valid, this.classes);
      const cc = this.costs(st, s);
      // The first cheapest move: zero-cost on projective trees, but never loop on a bad one.
      let c = -1;
      for (let x = 0; x < N_CLASSES; x++) if (this.classes[x] === 1 && (c < 0 || cc[x]! < cc[c]!)) c = x;
      const a = classAction(c);
      let label = -1;
      if (a === LEFT || a === RIGHT) {
        label = a === LEFT ? st.forcedLeftLabel(root) : -1;
        if (label < 0) {
          const goldLabel = a === LEFT ? this.oracle.leftLabel : this.oracle.rightLabel;
          const g = classGroup(c);
          label = goldLabel >= 0 && m.groupOf[goldLabel] === g ? goldLabel : m.groupStart[g]!;
          // A model whose states record groups may leave the move's group (labelling.ts's labelChoiceOf).
          const among = m.stateLabels === 'fine' ? g : labelChoiceOf(g);
          if ((among < 0 || m.soleLabel[g]! < 0) && label === goldLabel) {
            const nf = finishedFeatures(st, s.view, this.fh);
            const lf = m.pick('label', this.fh, nf, this.picked, this.count);
            m.scoreLabels(lf, this.count.n, a, among, this.lScores, this.rows);
            const pred = bestLabel(this.lScores, m, among);
            decisions++;
            if (pred !== goldLabel) {
              mistakes++;
              this.p.update(this.rows, this.count.n, goldLabel, 1);
              this.p.update(this.rows, this.count.n, pred, -1);
            }
          }
        }
      }
      // Fine labels, whatever the search's states record (StateLabels): decoding labels a
      // finished path on such a state (labelling.ts's PathLabeller).
      st.apply(a, label);
    }
    return [decisions, mistakes];
  }
}
