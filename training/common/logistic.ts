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

/** Rows of dense features and of word features given as vocabulary indices (each worth 1). */
export interface MixedRows {
  dense: readonly Float64Array[];
  words: readonly Int32Array[];
  /** Size of the word vocabulary. */
  vocabulary: number;
}

/**
 * The same objective as fitLogistic, with a separate L2 strength for the word features, fitted
 * by Newton's method whose step is solved by conjugate gradients (thousands of words make the
 * Hessian too large to form), with a backtracking line search. Weights: dense ones first (the
 * bias, feature 0, not penalised), then one per vocabulary word.
 */
export function fitMixedLogistic(rows: MixedRows, ys: readonly number[], lambdaDense: number, lambdaWords: number, iterations = 40): Float64Array {
  const d = rows.dense[0]?.length ?? 0;
  const n = d + rows.vocabulary;
  const lambda = Float64Array.from({ length: n }, (_, i) => (i === 0 ? 0 : i < d ? lambdaDense : lambdaWords));
  const margins = (w: Float64Array): Float64Array => Float64Array.from(rows.dense, (x, k) => {
    let z = 0;
    for (let i = 0; i < d; i++) z += x[i]! * w[i]!;
    for (const j of rows.words[k]!) z += w[d + j]!;
    return z;
  });
  const addTransposed = (u: Float64Array, into: Float64Array): void => {
    rows.dense.forEach((x, k) => {
      const uk = u[k]!;
      if (uk === 0) return;
      for (let i = 0; i < d; i++) into[i]! += x[i]! * uk;
      for (const j of rows.words[k]!) into[d + j]! += uk;
    });
  };
  const objective = (w: Float64Array): number => {
    const z = margins(w);
    let f = 0;
    z.forEach((m, k) => (f += ys[k] === 1 ? Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m))));
    for (let i = 0; i < n; i++) f += 0.5 * lambda[i]! * w[i]! * w[i]!;
    return f;
  };
  const w = new Float64Array(n);
  let f = objective(w);
  for (let it = 0; it < iterations; it++) {
    const p = Float64Array.from(margins(w), sigmoid);
    const g = Float64Array.from(w, (wi, i) => lambda[i]! * wi);
    addTransposed(Float64Array.from(p, (pk, k) => pk - ys[k]!), g);
    const s = p.map((pk) => pk * (1 - pk) + 1e-12);
    const hessianTimes = (v: Float64Array): Float64Array => {
      const out = Float64Array.from(v, (vi, i) => lambda[i]! * vi + (i === 0 ? 1e-9 * vi : 0));
      addTransposed(margins(v).map((m, k) => m * s[k]!), out);
      return out;
    };
    const step = conjugateGradient(hessianTimes, g, 200);
    const slope = dot(g, step);
    let t = 1;
    let next = w.map((wi, i) => wi - step[i]!);
    let fNext = objective(next);
    while (fNext > f - 1e-4 * t * slope && t > 1e-6) {
      t /= 2;
      next = w.map((wi, i) => wi - t * step[i]!);
      fNext = objective(next);
    }
    let change = 0;
    for (let i = 0; i < n; i++) change = Math.max(change, Math.abs(next[i]! - w[i]!));
    w.set(next);
    f = fNext;
    if (change < 1e-7) break;
  }
  return w;
}

/** Solves A x = b for a symmetric positive definite A given only as a product. */
function conjugateGradient(times: (v: Float64Array) => Float64Array, b: Float64Array, maxSteps: number): Float64Array {
  const x = new Float64Array(b.length);
  const r = Float64Array.from(b);
  const p = Float64Array.from(b);
  let rr = dot(r, r);
  const tolerance = 1e-20 * Math.max(rr, 1);
  for (let step = 0; step < maxSteps && rr > tolerance; step++) {
    const ap = times(p);
    const alpha = rr / dot(p, ap);
    for (let i = 0; i < x.length; i++) {
      x[i]! += alpha * p[i]!;
      r[i]! -= alpha * ap[i]!;
    }
    const next = dot(r, r);
    const beta = next / rr;
    rr = next;
    for (let i = 0; i < p.length; i++) p[i] = r[i]! + beta * p[i]!;
  }
  return x;
}
