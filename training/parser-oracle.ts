/**
 * Dynamic oracle for arc-eager (Goldberg & Nivre 2012, "A dynamic oracle for
 * arc-eager dependency parsing"): the cost of an action is the number of gold
 * arcs it makes unreachable. An arc's label costs one more when wrong, and only
 * a gold arc has a right label, so the label decision is trained only on gold
 * arcs. The oracle is exact for projective gold trees, which is why the trainer
 * skips non-projective sentences. Because cost is defined from ANY
 * configuration, the trainer can follow the model's own mistakes and still
 * know what is best next.
 */
import { FIRST_LEFT, FIRST_RIGHT } from '../src/nlp/parser/move-classes.js';
import { GROUP_COUNT } from '../src/nlp/parser/label-groups.js';
import type { ParserModel } from '../src/nlp/parser/model.js';
import { LEFT, REDUCE, RIGHT, SHIFT } from '../src/nlp/parser/transitions.js';
import type { ParseState } from '../src/nlp/parser/transitions.js';

/** What the oracle says about one configuration. */
export interface OracleAnswer {
  /** Cost of each action (invalid ones get a cost too but are never chosen). */
  costs: Int32Array;
  /** Gold label of the arc LEFT (RIGHT) would build, or -1 when that arc is not gold. */
  leftLabel: number;
  rightLabel: number;
}

export function computeCosts(
  st: ParseState,
  gh: Int32Array,
  gl: Int32Array,
  onStack: Uint8Array,
  out: OracleAnswer,
): void {
  const costs = out.costs;
  const n = st.n;
  const b = st.b;
  const sp = st.sp;
  onStack.fill(0, 0, n + 1);
  for (let i = 0; i < sp; i++) onStack[st.stack[i]!] = 1;
  const s0 = sp > 0 ? st.stack[sp - 1]! : -1;

  // Headless stack words whose gold head is b0: lost if b0 leaves the buffer.
  let bDepsOnStack = 0;
  if (b < n) {
    for (let i = 0; i < sp; i++) {
      const s = st.stack[i]!;
      if (st.head[s]! < 0 && gh[s] === b) bDepsOnStack++;
    }
  }
  const gb = b < n ? gh[b]! : -1;
  costs[SHIFT] = (gb >= 0 && onStack[gb] === 1 ? 1 : 0) + bDepsOnStack;

  // Buffer words whose gold head is s0: lost once s0 is popped.
  let s0DepsInBuffer = 0;
  if (s0 >= 0) for (let k = b; k < n; k++) if (gh[k] === s0) s0DepsInBuffer++;
  costs[REDUCE] = s0DepsInBuffer;

  const gs0 = s0 >= 0 ? gh[s0]! : -1;
  costs[LEFT] = (gs0 > b ? 1 : 0) + s0DepsInBuffer;
  out.leftLabel = s0 >= 0 && gs0 === b ? gl[s0]! : -1;

  costs[RIGHT] = (gb !== s0 && gb >= 0 && (onStack[gb] === 1 || gb > b) ? 1 : 0) + bDepsOnStack;
  out.rightLabel = s0 >= 0 && gb === s0 ? gl[b]! : -1;
}

/**
 * Move-class costs (N_CLASSES) from the oracle's action costs: the action's
 * cost, plus one for an arc class whose label group is not the gold label's
 * (on a gold arc), as a joint classifier would count a wrong label.
 */
export function classCosts(oracle: OracleAnswer, m: ParserModel, out: Int32Array): Int32Array {
  const oc = oracle.costs;
  out[0] = oc[0]!;
  out[1] = oc[1]!;
  const lg = oracle.leftLabel >= 0 ? m.groupOf[oracle.leftLabel]! : -1;
  const rg = oracle.rightLabel >= 0 ? m.groupOf[oracle.rightLabel]! : -1;
  for (let g = 0; g < GROUP_COUNT; g++) {
    out[FIRST_LEFT + g] = oc[LEFT]! + (lg >= 0 && lg !== g ? 1 : 0);
    out[FIRST_RIGHT + g] = oc[RIGHT]! + (rg >= 0 && rg !== g ? 1 : 0);
  }
  return out;
}
