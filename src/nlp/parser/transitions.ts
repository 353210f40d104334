/**
 * Arc-eager transition system with the root token placed at the END of the
 * buffer (Ballesteros & Nivre 2013). With the root last, a word is attached to
 * the root only once nothing to its right wants it, which avoids the premature
 * root attachments of the root-first variant, and every word is guaranteed a
 * head when the buffer holds only the root.
 *
 * Each step is two decisions: an action (SHIFT, REDUCE, LEFT-ARC, RIGHT-ARC),
 * then, for an arc, its label. Scoring the four actions first and the ~50
 * labels only when an arc is made reads a quarter of the weights a joint
 * (action, label) classifier would, and the parser is bound by those reads.
 */

export const SHIFT = 0;
export const REDUCE = 1;
export const LEFT = 2;
export const RIGHT = 3;
export const N_ACTIONS = 4;

export class ParseState {
  /** Sentence length; token index n is the artificial root. */
  n = 0;
  /** Buffer front; the buffer is [b, n]. */
  b = 0;
  stack = new Int32Array(0);
  sp = 0;
  head = new Int32Array(0);
  label = new Int32Array(0);
  /** Leftmost / second-leftmost / rightmost / second-rightmost child, -1 if none. */
  lc1 = new Int32Array(0);
  lc2 = new Int32Array(0);
  rc1 = new Int32Array(0);
  rc2 = new Int32Array(0);
  nLeft = new Int32Array(0);
  nRight = new Int32Array(0);
  /** Bit sets of child labels (labels < 64, split into two words). */
  leftLo = new Int32Array(0);
  leftHi = new Int32Array(0);
  rightLo = new Int32Array(0);
  rightHi = new Int32Array(0);
  /** Headless words on the stack, to keep exactly one word attached as `root`. */
  headless = 0;

  constructor(capacity = 64) {
    this.grow(capacity - 1);
  }

  reset(n: number): void {
    this.grow(n);
    this.n = n;
    this.b = 0;
    this.sp = 0;
    this.headless = 0;
    const m = n + 1;
    this.head.fill(-1, 0, m);
    this.label.fill(-1, 0, m);
    this.lc1.fill(-1, 0, m);
    this.lc2.fill(-1, 0, m);
    this.rc1.fill(-1, 0, m);
    this.rc2.fill(-1, 0, m);
    this.nLeft.fill(0, 0, m);
    this.nRight.fill(0, 0, m);
    this.leftLo.fill(0, 0, m);
    this.leftHi.fill(0, 0, m);
    this.rightLo.fill(0, 0, m);
    this.rightHi.fill(0, 0, m);
  }

  /** Room for a sentence of n words (and the root). */
  private grow(n: number): void {
    if (this.stack.length < n + 1) {
      const cap = Math.max(n + 1, this.stack.length * 2);
      this.stack = new Int32Array(cap);
      this.head = new Int32Array(cap);
      this.label = new Int32Array(cap);
      this.lc1 = new Int32Array(cap);
      this.lc2 = new Int32Array(cap);
      this.rc1 = new Int32Array(cap);
      this.rc2 = new Int32Array(cap);
      this.nLeft = new Int32Array(cap);
      this.nRight = new Int32Array(cap);
      this.leftLo = new Int32Array(cap);
      this.leftHi = new Int32Array(cap);
      this.rightLo = new Int32Array(cap);
      this.rightHi = new Int32Array(cap);
    }
  }

  /**
   * Makes this state a copy of `o`, a state of the same sentence: both were
   * reset for it and changed only by `apply` since. Words after the buffer
   * front are then untouched in both, so only words up to the larger front
   * are copied (the beam copies a hypothesis at every step).
   */
  copySameSentence(o: ParseState): void {
    const lim = Math.max(this.b, o.b) + 1;
    this.b = o.b;
    this.sp = o.sp;
    this.headless = o.headless;
    const { stack, head, label, lc1, lc2, rc1, rc2, nLeft, nRight, leftLo, leftHi, rightLo, rightHi } = this;
    for (let i = 0; i < o.sp; i++) stack[i] = o.stack[i]!;
    for (let i = 0; i < lim; i++) {
      head[i] = o.head[i]!;
      label[i] = o.label[i]!;
      lc1[i] = o.lc1[i]!;
      lc2[i] = o.lc2[i]!;
      rc1[i] = o.rc1[i]!;
      rc2[i] = o.rc2[i]!;
      nLeft[i] = o.nLeft[i]!;
      nRight[i] = o.nRight[i]!;
      leftLo[i] = o.leftLo[i]!;
      leftHi[i] = o.leftHi[i]!;
      rightLo[i] = o.rightLo[i]!;
      rightHi[i] = o.rightHi[i]!;
    }
  }

  get s0(): number {
    return this.sp > 0 ? this.stack[this.sp - 1]! : -1;
  }

  terminal(): boolean {
    return this.sp === 0 && this.b === this.n;
  }

  /** Whether action a may be applied now. */
  validAction(a: number): boolean {
    if (a === SHIFT) return this.b < this.n;
    if (this.sp === 0) return false;
    const s0 = this.stack[this.sp - 1]!;
    if (a === REDUCE) return this.head[s0]! >= 0;
    if (a === LEFT) return this.head[s0]! < 0;
    return this.b < this.n;
  }

  /**
   * The one label a LEFT-ARC must take now, or -1 when any label but `root`
   * may go. Only the last headless word may hang from the root as `root`; any
   * other word left headless at the end gets a real label and is re-attached
   * later (see finishTree).
   */
  forcedLeftLabel(rootLabel: number): number {
    return this.b === this.n && this.headless === 1 ? rootLabel : -1;
  }

  /** Whether label l may go with arc action a (LEFT or RIGHT) now. */
  validLabel(a: number, l: number, rootLabel: number): boolean {
    if (a === LEFT && this.forcedLeftLabel(rootLabel) >= 0) return l === rootLabel;
    return l !== rootLabel;
  }

  /** Applies action a; `label` is used by the arcs only. */
  apply(a: number, label: number): void {
    if (a === SHIFT) {
      this.stack[this.sp++] = this.b++;
      this.headless++;
    } else if (a === REDUCE) {
      this.sp--;
    } else if (a === LEFT) {
      const d = this.stack[--this.sp]!;
      this.headless--;
      this.addArc(this.b, d, label);
    } else {
      const d = this.b++;
      this.addArc(this.stack[this.sp - 1]!, d, label);
      this.stack[this.sp++] = d;
    }
  }

  private addArc(h: number, d: number, l: number): void {
    this.head[d] = h;
    this.label[d] = l;
    if (d < h) {
      // Left children arrive right to left, so the newest is the leftmost.
      this.lc2[h] = this.lc1[h]!;
      this.lc1[h] = d;
      this.nLeft[h]!++;
      if (l < 32) this.leftLo[h]! |= 1 << l;
      else this.leftHi[h]! |= 1 << (l - 32);
    } else {
      // Right children arrive left to right, so the newest is the rightmost.
      this.rc2[h] = this.rc1[h]!;
      this.rc1[h] = d;
      this.nRight[h]!++;
      if (l < 32) this.rightLo[h]! |= 1 << l;
      else this.rightHi[h]! |= 1 << (l - 32);
    }
  }
}
