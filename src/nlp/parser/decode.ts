/**
 * Greedy decoding: per step, score the valid moves (SHIFT, REDUCE, or an arc
 * with its direction and label group), take the best, and for an arc score the
 * labels of its group; 2n steps per sentence. A beam would buy ~1 point of
 * accuracy for ~8x the time; trained with a dynamic oracle, the greedy parser
 * already learns to recover from its own mistakes (Goldberg & Nivre 2012),
 * which closes much of that gap, and news pipelines parse millions of
 * sentences, so linear time wins.
 */
import { finishedFeatures, makeView, MAX_FEATURES, type SentenceView } from './features.js';
import type { ParserModel } from './model.js';
import { ACTION_STRIDE, N_CLASSES } from './model.js';
import { GROUP_COUNT } from './label-groups.js';
import { LabelChooser, PathLabeller, presetLabel, stateLabelOf } from './labelling.js';
import { classAction, classGroup, FIRST_LEFT, FIRST_RIGHT } from './move-classes.js';
import { WordCache } from './word-cache.js';
import { LEFT, ParseState, REDUCE, RIGHT, SHIFT } from './transitions.js';

export interface ParseResult {
  /** 0-based head index within the sentence, -1 for the root. */
  head: number[];
  deprel: string[];
}

/** Bytes per state pattern in a move table: the classes, then their count. */
const ROW = N_CLASSES + 1;

/**
 * Flags the valid actions of `st` in `valid` (N_ACTIONS) and the valid move
 * classes in `classes` (N_CLASSES); returns how many classes are valid. A
 * LEFT-ARC that must take `root` allows only root's group.
 */
export function validMoves(st: ParseState, m: ParserModel, valid: Uint8Array, classes: Uint8Array): number {
  // Decoders keep their model's table; this is for the trainers and tools.
  return validMovesOf(st, moveTableOf(m), valid, classes);
}

const tables = new WeakMap<ParserModel, Uint8Array>();

/** The model's move table (moveTable), made once per model. */
export function moveTableOf(m: ParserModel): Uint8Array {
  let t = tables.get(m);
  if (!t) tables.set(m, (t = moveTable(m)));
  return t;
}

/**
 * The valid classes of every state pattern, for validMovesOf: a state's valid
 * moves depend on four facts only (the buffer holds a word, the stack one, the
 * stack top has a head, the next LEFT-ARC must be root's), and working them out
 * group by group was a visible share of a beam's time.
 */
function moveTable(m: ParserModel): Uint8Array {
  const t = new Uint8Array(16 * ROW);
  for (let p = 0; p < 16; p++) {
    const canShift = (p & 1) !== 0;
    const stacked = (p & 2) !== 0;
    const headed = (p & 4) !== 0;
    const forced = (p & 8) !== 0 ? m.rootLabel : -1;
    const left = stacked && !headed;
    const right = stacked && canShift;
    const row = p * ROW;
    t[row + SHIFT] = canShift ? 1 : 0;
    t[row + REDUCE] = stacked && headed ? 1 : 0;
    let count = t[row + SHIFT]! + t[row + REDUCE]!;
    for (let g = 0; g < GROUP_COUNT; g++) {
      const l = left && groupHasLabel(m, g, forced) ? 1 : 0;
      const r = right && groupHasLabel(m, g, -1) ? 1 : 0;
      t[row + FIRST_LEFT + g] = l;
      t[row + FIRST_RIGHT + g] = r;
      count += l + r;
    }
    // No valid action at all (the terminal state) counts as none.
    t[row + N_CLASSES] = canShift || stacked ? count : 0;
  }
  return t;
}

/** validMoves with the model's move table (moveTable); `valid` may be left out. */
export function validMovesOf(st: ParseState, table: Uint8Array, valid: Uint8Array | null, classes: Uint8Array): number {
  if (valid) validActions(st, valid);
  const p =
    (st.b < st.n ? 1 : 0) |
    (st.sp > 0 ? 2 : 0) |
    (st.sp > 0 && st.head[st.stack[st.sp - 1]!]! >= 0 ? 4 : 0) |
    (st.b === st.n && st.headless === 1 ? 8 : 0);
  const row = p * ROW;
  for (let c = 0; c < N_CLASSES; c++) classes[c] = table[row + c]!;
  return table[row + N_CLASSES]!;
}

/** Whether group g has a label an arc may take: `forced` if set, else any label but root. */
function groupHasLabel(m: ParserModel, g: number, forced: number): boolean {
  const lo = m.groupStart[g]!;
  const hi = m.groupStart[g + 1]!;
  if (forced >= 0) return forced >= lo && forced < hi;
  return hi - lo > (m.rootLabel >= lo && m.rootLabel < hi ? 1 : 0);
}

/** Flags the valid actions of `st` in `valid`; returns how many there are. */
export function validActions(st: ParseState, valid: Uint8Array): number {
  const canShift = st.b < st.n;
  valid[SHIFT] = canShift ? 1 : 0;
  valid[REDUCE] = 0;
  valid[LEFT] = 0;
  valid[RIGHT] = 0;
  if (st.sp > 0) {
    const headed = st.head[st.stack[st.sp - 1]!]! >= 0;
    valid[REDUCE] = headed ? 1 : 0;
    valid[LEFT] = headed ? 0 : 1;
    valid[RIGHT] = canShift ? 1 : 0;
  }
  return valid[SHIFT]! + valid[REDUCE]! + valid[LEFT]! + valid[RIGHT]!;
}

/** The first valid class with the highest score (classes in index order). */
export function bestClass(scores: Float64Array | Int32Array, valid: Uint8Array): number {
  let best = -1;
  let bestScore = -Infinity;
  for (let c = 0; c < N_CLASSES; c++) {
    if (valid[c] === 1 && scores[c]! > bestScore) {
      best = c;
      bestScore = scores[c]!;
    }
  }
  return best;
}

export class GreedyParser {
  private readonly st = new ParseState();
  private readonly fh = new Uint32Array(MAX_FEATURES);
  private readonly classes = new Uint8Array(N_CLASSES);
  private readonly rows = new Int32Array(MAX_FEATURES);
  private readonly fActions = new Float64Array(ACTION_STRIDE);
  private readonly iActions = new Int32Array(ACTION_STRIDE);
  private readonly labels = new LabelChooser();
  /** The features of a model that reads a subset of slots (model.pick). */
  private readonly picked = new Uint32Array(MAX_FEATURES);
  private readonly count = { n: 0 };

  /** Per-form attributes, kept across sentences and documents (word-cache.ts). */
  private readonly words: WordCache;
  /** The last sentence's view, refilled for the next one. */
  private view: SentenceView | null = null;

  /** The model's move table (moveTableOf). */
  private readonly moves: Uint8Array;

  constructor(readonly model: ParserModel) {
    this.words = new WordCache(model.clusters);
    this.moves = moveTableOf(model);
  }

  /** With StateLabels other than fine: the moves taken, labelled once the parse is done. */
  private path = new Int32Array(64);
  private labeller: PathLabeller | null = null;

  parse(words: readonly string[], upos: readonly string[], xpos: readonly string[]): ParseResult {
    const n = words.length;
    if (n === 0) return { head: [], deprel: [] };
    const m = this.model;
    const hashed = m.hashedSlots;
    const st = this.st;
    const view = (this.view = makeView(words, upos, xpos, m.clusters, this.words, this.view));
    st.reset(n);
    const { classes, fh, rows } = this;
    // States that record groups (StateLabels) take no fine label here: the path is labelled after.
    const deferred = m.stateLabels !== 'fine';
    if (deferred && this.path.length < 2 * n) this.path = new Int32Array(4 * n);
    let steps = 0;
    // Int8 models use exact integer sums; Float32 ones (fresh from training) the
    // reference loops. Both give the same argmax for the same weights.
    const int = m.quantised;
    const aScores = int ? this.iActions : this.fActions;
    while (!st.terminal()) {
      const nValid = validMovesOf(st, this.moves, null, classes);
      let nf = -1;
      let c: number;
      if (nValid === 1) {
        c = 0;
        while (classes[c] !== 1) c++;
      } else {
        nf = finishedFeatures(st, view, fh, hashed);
        const mf = m.pick('move', fh, nf, this.picked, this.count);
        if (int) m.actionScoresInt(mf, this.count.n, this.iActions, rows);
        else m.scoreActions(mf, this.count.n, this.fActions, rows);
        c = bestClass(aScores, classes);
      }
      const a = classAction(c);
      let label = -1;
      if (deferred) {
        this.path[steps++] = c;
        label = stateLabelOf(st, c, m, view);
      } else if (a === LEFT || a === RIGHT) {
        const g = classGroup(c);
        label = presetLabel(st, m, a, g);
        if (label < 0) {
          if (nf < 0) nf = finishedFeatures(st, view, fh, hashed);
          label = this.labels.choose(m, fh, nf, a, g);
        }
      }
      st.apply(a, label);
    }
    if (!deferred) return finishTree(st, m);
    this.labeller ??= new PathLabeller();
    return finishTree(st, m, this.labeller.label(m, view, this.path, steps));
  }
}

/**
 * Reads the tree off a terminal state. Words that were left headless until the
 * end hang from the artificial root with a non-root label; they are re-attached
 * to the one word labelled `root`, so the result is always a single tree.
 * `fine`: each word's fine label, when the state records only groups (StateLabels).
 */
export function finishTree(st: ParseState, m: ParserModel, fine: Int32Array | null = null): ParseResult {
  const n = st.n;
  const labels = fine ?? st.label;
  let root = -1;
  for (let i = 0; i < n; i++) if (st.head[i] === n && st.label[i] === m.stateRoot) root = i;
  const head: number[] = new Array<number>(n);
  const deprel: string[] = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const h = st.head[i]!;
    head[i] = i === root ? -1 : h === n ? root : h;
    deprel[i] = m.labels[labels[i]!] ?? 'dep';
  }
  return { head, deprel };
}
