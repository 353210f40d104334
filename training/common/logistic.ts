/**
 * L2-regularised logistic regression fitted by Newton's method (few features, few thousand
 * rows: the exact solve is cheaper than tuning a learning rate), and the scores a
 * probability is judged by: ranking (AUC), calibration (Brier score, log loss).
 */

/** Weights minimising log loss + lambda/2 · |w|² (the bias, feature 0, is not penalised). */
export function fitLogistic(xs: readonly Float64Array[], ys: readonly number[], lambda: number, iterations = 50): Float64Array {
  const d = xs[0]?.length ?? 0;
  const w = new Float64Array(d);
  for (let it = 0; it < iterations; it++) {
    const g = new Float64Array(d);
    const h = Array.from({ length: d }, () => new Float64Array(d));
    for (let k = 0; k < xs.length; k++) {
      const x = xs[k]!;
      const p = sigmoid(dot(w, x));
      const r = p - ys[k]!;
      const s = p * (1 - p);
      for (let i = 0; i < d; i++) {
        if (x[i] === 0) continue;
        g[i]! += r * x[i]!;
        const hi = h[i]!;
        for (let j = 0; j < d; j++) hi[j]! += s * x[i]! * x[j]!;
      }
    }
    for (let i = 1; i < d; i++) {
      g[i]! += lambda * w[i]!;
      h[i]![i]! += lambda;
    }
    h[0]![0]! += 1e-9;
    const step = solve(h, g);
    let change = 0;
    for (let i = 0; i < d; i++) {
      w[i]! -= step[i]!;
      change = Math.max(change, Math.abs(step[i]!));
    }
    if (change < 1e-8) break;
  }
  return w;
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

export function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Gaussian elimination with partial pivoting; `a` is copied. */
function solve(a: readonly Float64Array[], b: Float64Array): Float64Array {
  const n = b.length;
  const m = a.map((row, i) => {
    const r = new Float64Array(n + 1);
    r.set(row);
    r[n] = b[i]!;
    return r;
  });
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    const pivot = m[c]![c]!;
    if (Math.abs(pivot) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / pivot;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return Float64Array.from({ length: n }, (_, i) => (Math.abs(m[i]![i]!) < 1e-12 ? 0 : m[i]![n]! / m[i]![i]!));
}

/** Area under the ROC curve: the chance a random positive outranks a random negative (ties half). */
export function auc(scores: readonly number[], ys: readonly number[]): number {
  const order = scores.map((s, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && scores[order[j]!] === scores[order[i]!]) j++;
    const mid = (i + j + 1) / 2;
    for (let k = i; k < j; k++) if (ys[order[k]!] === 1) {
      rankSum += mid;
      positives++;
    }
    i = j;
  }
  const negatives = ys.length - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export function brier(ps: readonly number[], ys: readonly number[]): number {
  return ps.reduce((s, p, i) => s + (p - ys[i]!) ** 2, 0) / ps.length;
}

export function logLoss(ps: readonly number[], ys: readonly number[]): number {
  const eps = 1e-6;
  return -ps.reduce((s, p, i) => s + (ys[i] === 1 ? Math.log(Math.max(p, eps)) : Math.log(Math.max(1 - p, eps))), 0) / ps.length;
}
