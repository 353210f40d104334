/**
 * Beam search over the parser's moves (Zhang & Clark 2008; Zhang & Nivre 2011).
 * A hypothesis is a parse state and the sum of the move scores that built it;
 * each step extends every hypothesis by each of its valid moves and keeps the
 * `width` best, less those far below the best (`margin`). The fine label of an
 * arc is still a local decision: the move classes carry the arc's label group,
 * and the label classifier picks within it, as in greedy decoding. A model
 * whose states record fine labels has it picked when the arc is built (the
 * next steps' features read it); one whose states record label groups
 * (StateLabels) has them picked for the best parse alone, once the search is
 * over. With width 1 this is exactly the greedy parser.
 *
 * Such a model must be trained for search (training/parser-beam-trainer.ts):
 * weights from greedy training give sums that mean nothing across states.
 */
import { finishTree, GreedyParser, moveTableOf, validMovesOf } from './decode.js';
import { LabelChooser, PathLabeller, presetLabel, stateLabelOf } from './labelling.js';
import { classAction, classGroup } from './move-classes.js';
import type { ParseResult } from './decode.js';
import { finishedFeatures, makeView, MAX_FEATURES, STATE_SLOTS } from './features.js';
import type { SentenceView } from './features.js';
import type { ParserModel } from './model.js';
import { ACTION_STRIDE, N_CLASSES } from './model.js';
import { GROUPED_FEATURES, MoveScorer } from './move-scorer.js';
import { LEFT, ParseState, RIGHT } from './transitions.js';
import { WordCache } from './word-cache.js';

/** One hypothesis. */
export class Hypothesis {
  readonly st = new ParseState();
  /** Sum of the move scores along the way (moves with no alternative add nothing). */
  score = 0;
  /** Finished feature hashes of `st`, once computed this step (nf < 0: not yet). */
  readonly fh = new Uint32Array(MAX_FEATURES);
  nf = -1;
  /** Whether fh holds only the STATE_SLOTS hashes (Beam.prepare). */
  lazy = false;
  /** Valid move classes of `st` this step, and their count. */
  readonly classes = new Uint8Array(N_CLASSES);
  nValid = 0;
  /** Move scores of `st` this step (valid when nValid > 1). */
  readonly moveScores = new Float64Array(ACTION_STRIDE);
  /** Free for the trainer: whether every move so far cost nothing. */
  zero = true;
}

/** Beam state for one sentence at a time; reused across sentences. */
export class Beam {
  items: Hypothesis[] = [];
  size = 0;
  private spare: Hypothesis[] = [];
  /** The selected (hypothesis, class) pairs of the current step, best first. */
  readonly candItem: Int32Array;
  readonly candCls: Int32Array;
  readonly candScore: Float64Array;
  nCand = 0;
  /** Steps searched and hypotheses extended in them, since the beam was made (for measuring margins). */
  stepsSearched = 0;
  hypothesesExtended = 0;
  /** advance's labels of the candidates, and each hypothesis' last candidate. */
  private readonly candLabel: Int32Array;
  private readonly lastUse: Int32Array;
  private readonly rows = new Int32Array(MAX_FEATURES);
  private readonly iActions = new Int32Array(ACTION_STRIDE);
  private readonly labels = new LabelChooser();

  /** The move table (decode.ts) of the model last decoded, and that model. */
  private moves: Uint8Array | null = null;
  private movesModel: ParserModel | null = null;
  /** Integer scorer of an Int8 model, made on first use. */
  private scorer: MoveScorer | null = null;
  /**
   * Steps taken this sentence, and where each step's items came from: the parent's index
   * in the step before, the move class and the label the state recorded (step t's item j
   * at t * width + j). Read by movesTo.
   */
  private steps = 0;
  private histParent = new Int32Array(0);
  private histCls = new Int32Array(0);
  private histLabel = new Int32Array(0);
  /** The best parse's moves, and what labels them (fineLabels). */
  private path = new Int32Array(0);
  private labeller: PathLabeller | null = null;

  constructor(
    readonly width: number,
    /**
     * Recombine: a hypothesis whose state reads as a better one's does (the same
     * buffer front, stack and feature hashes) is dropped before its moves are
     * scored, so that its place goes to a different parse. Both would make the
     * same moves from here, so the worse one could only ever follow the better
     * (Huang & Sagae 2010 merge such states exactly; with features reaching
     * below the stack top, as ours do, it is an approximation). For decoding;
     * training searches without it.
     */
    readonly recombine = false,
    /**
     * Drop, at each step, the candidates scoring more than this below the best one (in
     * the units of the move scores' sums; 0: none). Where the model is sure, most steps
     * then keep one or two hypotheses instead of `width`, and a parse costs less
     * (docs/decisions/0042). For decoding; training searches the whole beam.
     */
    readonly margin = 0,
  ) {
    if (!(width >= 1)) throw new Error(`parser: beam width must be at least 1, got ${width}`);
    this.candItem = new Int32Array(width);
    this.candCls = new Int32Array(width);
    this.candScore = new Float64Array(width);
    this.candLabel = new Int32Array(width);
    this.lastUse = new Int32Array(width);
    for (let i = 0; i < width; i++) {
      this.items.push(new Hypothesis());
      this.spare.push(new Hypothesis());
    }
  }

  /** One hypothesis: the initial state of an n-word sentence. */
  start(n: number): void {
    // Every pooled state starts from this sentence's initial state, so that
    // copies between them may skip the words nothing has touched yet.
    for (const x of this.items) x.st.reset(n);
    for (const x of this.spare) x.st.reset(n);
    const h = this.items[0]!;
    h.score = 0;
    h.zero = true;
    this.size = 1;
    this.scorer?.start(n);
    this.steps = 0;
    // Every move pushes or pops one word: 2n steps.
    const need = (2 * n + 1) * this.width;
    if (this.histParent.length < need) {
      this.histParent = new Int32Array(2 * need);
      this.histCls = new Int32Array(2 * need);
      this.histLabel = new Int32Array(2 * need);
    }
  }

  done(): boolean {
    // Every move pushes or pops one word, so all hypotheses end together.
    return this.items[0]!.st.terminal();
  }

  private movesOf(m: ParserModel): Uint8Array {
    if (this.movesModel !== m) {
      this.moves = moveTableOf(m);
      this.movesModel = m;
    }
    return this.moves!;
  }

  /** Features and move scores of hypothesis h (nothing to score when one move is valid). */
  score(h: Hypothesis, m: ParserModel, view: SentenceView): void {
    if (this.prepare(h, m, this.movesOf(m), view)) this.scoreMoves(h, m, view);
  }

  /**
   * The valid moves of hypothesis h, and its features when it has a choice; whether it has.
   * An Int8 model whose states record groups makes no label decision in the search, and its
   * move scorer keeps the sums of the slots that depend only on b or (s0, b): only the
   * other slots are hashed here (h.lazy), and those by the scorer when it needs them.
   */
  private prepare(h: Hypothesis, m: ParserModel, moves: Uint8Array, view: SentenceView): boolean {
    h.nValid = validMovesOf(h.st, moves, null, h.classes);
    h.nf = -1;
    if (h.nValid <= 1) return false;
    h.lazy = m.quantised && m.stateLabels !== 'fine' && view.clusters !== null;
    h.nf = finishedFeatures(h.st, view, h.fh, h.lazy ? STATE_SLOTS : null);
    return true;
  }

  /** Move scores of hypothesis h, whose features are known. */
  private scoreMoves(h: Hypothesis, m: ParserModel, view: SentenceView): void {
    if (m.quantised) {
      if (this.scorer?.model !== m) {
        this.scorer = new MoveScorer(m, this.width);
        this.scorer.start(view.n);
      }
      this.scorer.score(h.st.s0, h.st.b, h.fh, h.nf, this.iActions, h.lazy);
      for (let c = 0; c < N_CLASSES; c++) h.moveScores[c] = this.iActions[c]!;
    } else {
      m.scoreActions(h.fh, h.nf, h.moveScores, this.rows);
    }
  }

  features(h: Hypothesis, view: SentenceView): void {
    if (h.nf < 0 || h.lazy) {
      h.nf = finishedFeatures(h.st, view, h.fh);
      h.lazy = false;
    }
  }

  /**
   * Scores every hypothesis and selects the `width` best (hypothesis, move)
   * pairs into cand*, best first, less any more than `margin` below the first;
   * ties keep the earlier hypothesis and class.
   */
  select(m: ParserModel, view: SentenceView): void {
    const k = this.width;
    const { candItem, candCls, candScore } = this;
    let nc = 0;
    const moves = this.movesOf(m);
    this.stepsSearched++;
    this.hypothesesExtended += this.size;
    for (let i = 0; i < this.size; i++) {
      const h = this.items[i]!;
      if (this.prepare(h, m, moves, view)) {
        if (this.recombine && this.repeatsBetter(i)) {
          // No candidates from it (nor a state to compare with later ones).
          h.nValid = 0;
          continue;
        }
        this.scoreMoves(h, m, view);
      }
      for (let c = 0; c < N_CLASSES; c++) {
        if (h.classes[c] !== 1) continue;
        const s = h.nValid > 1 ? h.score + h.moveScores[c]! : h.score;
        if (nc === k && s <= candScore[k - 1]!) continue;
        // Insertion into the sorted candidate list.
        let j = nc < k ? nc++ : k - 1;
        while (j > 0 && candScore[j - 1]! < s) {
          candScore[j] = candScore[j - 1]!;
          candItem[j] = candItem[j - 1]!;
          candCls[j] = candCls[j - 1]!;
          j--;
        }
        candScore[j] = s;
        candItem[j] = i;
        candCls[j] = c;
      }
    }
    if (this.margin > 0) {
      const floor = candScore[0]! - this.margin;
      while (nc > 1 && candScore[nc - 1]! < floor) nc--;
    }
    this.nCand = nc;
  }

  /**
   * Whether hypothesis i's state reads as that of a better hypothesis kept
   * this step (the beam is ordered best first): the same buffer front, stack
   * and count of headless words, and the same feature hashes.
   */
  private repeatsBetter(i: number): boolean {
    const h = this.items[i]!;
    const a = h.st;
    for (let j = 0; j < i; j++) {
      const o = this.items[j]!;
      // Kept and with features: more than one valid move (a dropped one has none).
      if (o.nValid <= 1 || o.nf !== h.nf) continue;
      const b = o.st;
      if (a.b !== b.b || a.sp !== b.sp || a.headless !== b.headless) continue;
      let k = 0;
      while (k < a.sp && a.stack[k] === b.stack[k]) k++;
      if (k < a.sp) continue;
      // The same b and s0: then the same hashes in the slots that depend on them alone.
      const slots = h.nf === GROUPED_FEATURES ? STATE_SLOTS : null;
      const m = slots ? slots.length : h.nf;
      k = 0;
      while (k < m && h.fh[slots ? slots[k]! : k] === o.fh[slots ? slots[k]! : k]) k++;
      if (k === m) return true;
    }
    return false;
  }

  /** The label an arc of class c from hypothesis h takes: forced, the group's only one, or the best scoring. */
  labelFor(h: Hypothesis, c: number, m: ParserModel, view: SentenceView): number {
    const a = classAction(c);
    if (a !== LEFT && a !== RIGHT) return -1;
    const g = classGroup(c);
    const preset = presetLabel(h.st, m, a, g);
    if (preset >= 0) return preset;
    this.features(h, view);
    return this.labels.choose(m, h.fh, h.nf, a, g);
  }

  /**
   * What the state of hypothesis h records for a move of class c (StateLabels): for an
   * arc, its fine label (labelFor) or its group; -1 for any other move.
   */
  stateLabelFor(h: Hypothesis, c: number, m: ParserModel, view: SentenceView): number {
    return m.stateLabels === 'fine' ? this.labelFor(h, c, m, view) : stateLabelOf(h.st, c, m, view);
  }

  /**
   * The fine labels of the best hypothesis (items[0], the search over) of a model whose
   * states record label groups: its moves, read back through the history, labelled by
   * a PathLabeller.
   */
  fineLabels(m: ParserModel, view: SentenceView): Int32Array {
    const T = this.steps;
    if (this.path.length < T) this.path = new Int32Array(2 * T);
    this.movesTo(T, 0, this.path, null);
    this.labeller ??= new PathLabeller();
    return this.labeller.label(m, view, this.path, T);
  }

  /**
   * The moves that lead to item `index` of step `step` (at most the steps taken this
   * sentence), first to last: their classes into `cls` and, when given, the labels their
   * states recorded into `labels`. Returns how many (`step`).
   */
  movesTo(step: number, index: number, cls: Int32Array, labels: Int32Array | null): number {
    const k = this.width;
    for (let t = step, i = index; t > 0; t--) {
      const at = t * k + i;
      cls[t - 1] = this.histCls[at]!;
      if (labels) labels[t - 1] = this.histLabel[at]!;
      i = this.histParent[at]!;
    }
    return step;
  }

  /**
   * Replaces the beam by the selected candidates, each its parent extended by
   * its move, an arc with the label its state records (stateLabelFor). A parent's last
   * candidate takes the parent's own state instead of a copy of it (copies are
   * linear in the sentence's length, and most parents have one or two
   * candidates), so every label is chosen first, while the parents are intact.
   */
  advance(m: ParserModel, view: SentenceView): void {
    const nc = this.nCand;
    const { candItem, candCls, candLabel, lastUse } = this;
    for (let j = 0; j < nc; j++) {
      candLabel[j] = this.stateLabelFor(this.items[candItem[j]!]!, candCls[j]!, m, view);
      lastUse[candItem[j]!] = j;
    }
    const items = this.items;
    const next = this.spare;
    const at = ++this.steps * this.width;
    for (let j = 0; j < nc; j++) {
      const p = candItem[j]!;
      const c = candCls[j]!;
      const label = candLabel[j]!;
      this.histParent[at + j] = p;
      this.histCls[at + j] = c;
      this.histLabel[at + j] = label;
      const parent = items[p]!;
      let h: Hypothesis;
      if (lastUse[p] === j) {
        h = parent;
        items[p] = next[j]!;
        next[j] = h;
      } else {
        h = next[j]!;
        h.st.copySameSentence(parent.st);
        h.zero = parent.zero;
      }
      h.score = this.candScore[j]!;
      h.nf = -1;
      h.st.apply(classAction(c), label);
    }
    this.spare = items;
    this.items = next;
    this.size = nc;
  }
}

/**
 * Sentences longer than this are decoded by GreedyParser: each beam step copies a
 * hypothesis' state up to the buffer front, so a beam (even of width 1) costs time
 * quadratic in the length, and a "sentence" of thousands of words is a list or a
 * scrape without punctuation, where the beam buys nothing. The greedy parser
 * copies nothing and decodes as a width-1 beam does (beam.test.ts).
 */
export const MAX_BEAM_WORDS = 400;

/** A parser decoding with a beam; `width` 1 is greedy decoding. */
export class BeamParser {
  private readonly beam: Beam;
  private readonly words: WordCache;
  /** The last sentence's view, refilled for the next one. */
  private view: SentenceView | null = null;
  private readonly long: GreedyParser;

  constructor(
    readonly model: ParserModel,
    readonly width: number,
  ) {
    // The move scorer sums fixed slot groups of all features (move-scorer.ts).
    if (!model.beamDecodable) throw new Error('parser: beam decoding needs a model whose move table reads every feature slot');
    this.beam = new Beam(width, true, model.beamMarginInSums);
    this.long = new GreedyParser(model);
    this.words = new WordCache(model.clusters);
  }

  /** Hypotheses per step, on average over every sentence this parser's beam has searched. */
  get meanBeamSize(): number {
    return this.beam.stepsSearched > 0 ? this.beam.hypothesesExtended / this.beam.stepsSearched : 0;
  }

  parse(words: readonly string[], upos: readonly string[], xpos: readonly string[]): ParseResult {
    const n = words.length;
    if (n === 0) return { head: [], deprel: [] };
    if (n > MAX_BEAM_WORDS) return this.long.parse(words, upos, xpos);
    const m = this.model;
    const view = (this.view = makeView(words, upos, xpos, m.clusters, this.words, this.view));
    const beam = this.beam;
    beam.start(n);
    while (!beam.done()) {
      beam.select(m, view);
      beam.advance(m, view);
    }
    return finishTree(beam.items[0]!.st, m, m.stateLabels !== 'fine' ? beam.fineLabels(m, view) : null);
  }
}
