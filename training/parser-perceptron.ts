/**
 * Averaged perceptron over the parser's two hashed tables (one weight array).
 * Averaging uses the usual lazy trick: besides w, keep u = Σ step·Δ, so the
 * average after c steps is w − u/c without touching every weight at every step
 * (Daumé's thesis, §2.1.2).
 */
import type { ClusterTable } from '../src/nlp/parser/clusters.js';
import { ALL_SLOTS, ParserModel } from '../src/nlp/parser/model.js';
import type { StateLabels, TableSlots } from '../src/nlp/parser/model.js';

export class AveragedPerceptron {
  readonly model: ParserModel;
  private readonly u: Float64Array;
  /** Steps seen so far (one per transition). */
  step = 1;

  constructor(
    labels: string[], actionBits: number, labelBits: number, clusters: ClusterTable | null, slots: TableSlots = ALL_SLOTS,
    stateLabels: StateLabels = 'fine',
  ) {
    this.model = ParserModel.empty(labels, actionBits, labelBits, clusters, slots, stateLabels);
    this.u = new Float64Array(this.model.weights.length);
  }

  /** Adds delta to weight `offset` (an action or label index) of each of the nf rows. */
  update(rows: Int32Array, nf: number, offset: number, delta: number): void {
    const w = this.model.weights;
    const cd = this.step * delta;
    for (let i = 0; i < nf; i++) {
      const slot = rows[i]! + offset;
      w[slot] = w[slot]! + delta;
      this.u[slot] = this.u[slot]! + cd;
    }
  }

  averaged(trainedOn: Record<string, unknown> = {}): ParserModel {
    const m = this.model;
    const w = m.weights;
    const avg = new Float32Array(w.length);
    const inv = 1 / this.step;
    for (let i = 0; i < w.length; i++) avg[i] = w[i]! - this.u[i]! * inv;
    return new ParserModel(m.labels, m.actionBits, m.labelBits, avg, trainedOn, m.clusters, undefined, m.slots, m.stateLabels);
  }
}
