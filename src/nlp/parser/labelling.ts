/**
 * Choosing an arc's fine label: the label table scores the labels of the group
 * the move chose (or more), from the features of the state the arc is made in.
 * Decoders whose states record fine labels choose as they go; those whose
 * states record groups (StateLabels in model.ts) label the finished path
 * (PathLabeller).
 */
import { finishedFeatures, MAX_FEATURES, type SentenceView } from './features.js';
import { isClosedGroup } from './label-groups.js';
import type { ParserModel } from './model.js';
import { LABEL_STRIDE } from './model.js';
import { classAction, classGroup } from './move-classes.js';
import { LEFT, ParseState, RIGHT } from './transitions.js';

/**
 * Pass as a label group to choose among the labels of every open group (label-groups.ts's
 * isClosedGroup). Negative, so the label scorers (model.ts) score every label for it.
 */
export const OPEN_LABELS = -2;

/**
 * Where a path labeller (group-state models, PathLabeller) chooses the label of an arc whose
 * move chose group g: within g when it is a closed group, else among every open group's labels.
 */
export function labelChoiceOf(g: number): number {
  return isClosedGroup(g) ? g : OPEN_LABELS;
}

/** The first label of group g (any label for a negative g; OPEN_LABELS: an open group's) other than `root` with the highest score. */
export function bestLabel(scores: Float64Array | Int32Array, m: ParserModel, g: number): number {
  let best = -1;
  let bestScore = -Infinity;
  const root = m.rootLabel;
  const hi = g < 0 ? m.nLabels : m.groupStart[g + 1]!;
  for (let l = g < 0 ? 0 : m.groupStart[g]!; l < hi; l++) {
    if (g === OPEN_LABELS && isClosedGroup(m.groupOf[l]!)) continue;
    if (l !== root && scores[l]! > bestScore) {
      best = l;
      bestScore = scores[l]!;
    }
  }
  return best;
}

/**
 * The label an arc in direction a takes without scoring: root where the state forces it,
 * else the only label of group g (a negative g, such as OPEN_LABELS, has none); -1 when
 * the label table must choose.
 */
export function presetLabel(st: ParseState, m: ParserModel, a: number, g: number): number {
  const forced = a === LEFT ? st.forcedLeftLabel(m.rootLabel) : -1;
  return forced >= 0 || g < 0 ? forced : m.soleLabel[g]!;
}

/** A label decision from finished features, with its scratch arrays; what every decoder labels with. */
export class LabelChooser {
  private readonly picked = new Uint32Array(MAX_FEATURES);
  private readonly count = { n: 0 };
  private readonly rows = new Int32Array(MAX_FEATURES);
  private readonly iLabels = new Int32Array(LABEL_STRIDE);
  private readonly fLabels = new Float64Array(LABEL_STRIDE);

  /**
   * The best label for an arc in direction a, among group g's labels (or OPEN_LABELS), from the state's finished feature hashes fh[0..nf). Int8 models sum
   * integers; Float32 ones (fresh from training) the reference loops: the same argmax.
   */
  choose(m: ParserModel, fh: Uint32Array, nf: number, a: number, g: number): number {
    const lf = m.pick('label', fh, nf, this.picked, this.count);
    if (m.quantised) {
      m.labelScoresInt(lf, this.count.n, a, g, this.iLabels, this.rows);
      return bestLabel(this.iLabels, m, g);
    }
    m.scoreLabels(lf, this.count.n, a, g, this.fLabels, this.rows);
    return bestLabel(this.fLabels, m, g);
  }
}

/**
 * What a state of a model whose states record label groups (StateLabels) records for a
 * move of class c: for an arc, the group (with the dependent's word class), or the root
 * mark for the root arc; -1 for any other move.
 */
export function stateLabelOf(st: ParseState, c: number, m: ParserModel, view: SentenceView): number {
  const a = classAction(c);
  if (a !== LEFT && a !== RIGHT) return -1;
  // The one label known before the path is labelled: root, where it is forced (stateLabel marks it).
  const forced = a === LEFT ? st.forcedLeftLabel(m.rootLabel) : -1;
  return m.stateLabel(classGroup(c), forced, view.wordClass[a === LEFT ? st.stack[st.sp - 1]! : st.b]!);
}

/**
 * The fine labels of a finished move sequence, for a model whose states record label
 * groups (StateLabels): the moves are replayed on a state that records fine labels, as
 * the label classifier was trained on (training/parser-beam-trainer.ts's trainLabels),
 * and the classifier is asked at each arc. One label decision per word, after the
 * search, where labelling during a beam search took one per candidate arc kept.
 *
 * The classifier may choose another group than the move did (labelChoiceOf): it
 * sees the fine labels of the arcs before, which the search's states lack, and on
 * EWT dev it corrects more groups than it spoils (docs/decisions/0041).
 */
export class PathLabeller {
  private readonly st = new ParseState();
  private readonly fh = new Uint32Array(MAX_FEATURES);
  private readonly labels = new LabelChooser();
  private fine = new Int32Array(64);

  /** Each word's fine label along the first `steps` move classes of `path`. */
  label(m: ParserModel, view: SentenceView, path: Int32Array, steps: number): Int32Array {
    const n = view.n;
    const st = this.st;
    st.reset(n);
    if (this.fine.length < n) this.fine = new Int32Array(2 * n);
    const fine = this.fine;
    fine.fill(-1, 0, n);
    for (let t = 0; t < steps; t++) {
      const c = path[t]!;
      const a = classAction(c);
      let label = -1;
      if (a === LEFT || a === RIGHT) {
        // Not only the move's group: labelChoiceOf.
        const g = labelChoiceOf(classGroup(c));
        label = presetLabel(st, m, a, g);
        if (label < 0) label = this.labels.choose(m, this.fh, finishedFeatures(st, view, this.fh), a, g);
        fine[a === LEFT ? st.stack[st.sp - 1]! : st.b] = label;
      }
      st.apply(a, label);
    }
    return fine;
  }
}
