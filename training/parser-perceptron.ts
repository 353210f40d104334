/**
 * Averaged perceptron over the parser's hashed weight table. Averaging uses the
 * usual lazy trick: besides w, keep u = Σ step·Δ, so the average after c steps is
 * w − u/c without touching every weight at every step (Daumé's thesis, §2.1.2).
 */
import type { ClusterTable } from '../src/nlp/parser/clusters.js';
import { ParserModel } from '../src/nlp/parser/model.js';

export class AveragedPerceptron {
  readonly model: ParserModel;
  private readonly u: Float64Array;
  /** Steps seen so far (one per transition). */
  step = 1;

  constructor(labels: string[], bits: number, clusters: ClusterTable | null) {
    this.model = new ParserModel(labels, bits, new Float32Array(2 ** bits), {}, clusters);
    this.u = new Float64Array(2 ** bits);
  }

  /** Adds delta to class cls's weights for every feature whose block bases are in `bases`. */
  update(bases: Int32Array, nf: number, cls: number, delta: number): void {
    const G = this.model.nBlocks;
    const g = cls >> 3;
    const off = cls & 7;
    const w = this.model.weights;
    const cd = this.step * delta;
    for (let i = 0; i < nf; i++) {
      const slot = bases[i * G + g]! + off;
      w[slot] = w[slot]! + delta;
      this.u[slot] = this.u[slot]! + cd;
    }
  }

  averaged(trainedOn: Record<string, unknown> = {}): ParserModel {
    const w = this.model.weights;
    const avg = new Float32Array(w.length);
    const inv = 1 / this.step;
    for (let i = 0; i < w.length; i++) avg[i] = w[i]! - this.u[i]! * inv;
    return new ParserModel(this.model.labels, this.model.bits, avg, trainedOn, this.model.clusters);
  }
}
