/**
 * The figures an event confidence is judged by, as table rows: how well it ranks real events
 * above junk (AUC), how near its numbers are to how often events are real (Brier, log loss,
 * a table by bins), and what a reader keeps when filtering at a threshold. Shared by the
 * training script (cross-validated) and bench/event-confidence-eval.ts (held test set).
 */
import { CONFIDENCE_FLOOR } from '../src/events/confidence.js';
import { auc, brier, logLoss } from './common/logistic.js';

export interface Scored {
  /** The model's probability. */
  p: number;
  /** The coder's own score. */
  coder: number;
  /** The coder's score with a fitted scale, when there is one. */
  scaled?: number;
  /** 1: judged a real event with the right actor. */
  y: number;
  set: string;
}

const row = (name: string, value: string): string => `${name.padEnd(62)}${value}`;
const f3 = (n: number): string => n.toFixed(3);

export function reportRows(scored: readonly Scored[]): string[] {
  const ys = scored.map((o) => o.y);
  const real = ys.filter((y) => y === 1).length;
  const lines: string[] = [];
  lines.push(row('real with the right actor (base rate)', `${real} of ${ys.length} (${f3(real / ys.length)})`));
  lines.push(row('AUC: coder score / model', `${f3(auc(scored.map((o) => o.coder), ys))} / ${f3(auc(scored.map((o) => o.p), ys))}`));
  for (const set of [...new Set(scored.map((o) => o.set))].sort()) {
    const sub = scored.filter((o) => o.set === set);
    const sy = sub.map((o) => o.y);
    lines.push(row(`  ${set} (${sub.length} events, ${sy.filter((y) => y === 1).length} real)`, `${f3(auc(sub.map((o) => o.coder), sy))} / ${f3(auc(sub.map((o) => o.p), sy))}`));
  }
  const scaled = scored.every((o) => o.scaled !== undefined) ? scored.map((o) => o.scaled!) : null;
  lines.push(row(`Brier: coder score${scaled ? ' / scaled (Platt)' : ''} / model`, [brier(scored.map((o) => o.coder), ys), ...(scaled ? [brier(scaled, ys)] : []), brier(scored.map((o) => o.p), ys)].map(f3).join(' / ')));
  lines.push(row(`log loss: ${scaled ? 'scaled coder score' : 'coder score'} / model`, `${f3(logLoss(scaled ?? scored.map((o) => o.coder), ys))} / ${f3(logLoss(scored.map((o) => o.p), ys))}`));
  const under = scored.filter((o) => o.p < CONFIDENCE_FLOOR);
  const lost = under.filter((o) => o.y === 1).length;
  lines.push(row(`model < ${CONFIDENCE_FLOOR} (not reported): events, real among them`, `${under.length} (${f3(under.length / scored.length)}), ${lost} (${f3(lost / Math.max(real, 1))} of all real)`));
  for (const t of [0.3, 0.5, 0.7]) {
    const keep = scored.filter((o) => o.p >= t);
    const right = keep.filter((o) => o.y === 1).length;
    lines.push(row(`model ≥ ${t}: events kept, precision, real events kept`, `${keep.length} (${f3(keep.length / scored.length)}), ${f3(right / Math.max(keep.length, 1))}, ${f3(right / Math.max(real, 1))}`));
  }
  const bins = [0, 0.2, 0.4, 0.6, 0.8, 1.0001];
  for (let b = 0; b + 1 < bins.length; b++) {
    const sub = scored.filter((o) => o.p >= bins[b]! && o.p < bins[b + 1]!);
    const mean = sub.reduce((s, o) => s + o.p, 0) / Math.max(sub.length, 1);
    const share = sub.filter((o) => o.y === 1).length / Math.max(sub.length, 1);
    lines.push(row(`  model in [${bins[b]}, ${Math.min(bins[b + 1]!, 1)}): events, mean model, share real`, `${sub.length}, ${f3(mean)}, ${f3(share)}`));
  }
  return lines;
}
