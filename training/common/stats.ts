/**
 * Summaries of repeated measurements, for the benchmark and evaluation scripts (bench/,
 * training/). Speeds on a shared host drift from run to run, so the scripts report the
 * median of several runs rather than one.
 */

/** The median: the middle value, or the mean of the two middle ones; NaN for no values. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * The item whose key is the median (for an even count, the upper of the two middle ones),
 * so that a run's other figures can be shown with its median speed.
 */
export function medianOf<T>(xs: readonly T[], key: (x: T) => number): T {
  if (xs.length === 0) throw new Error('medianOf: no values');
  const sorted = [...xs].sort((a, b) => key(a) - key(b));
  return sorted[sorted.length >> 1]!;
}

/** The p-th percentile (0–100) by the nearest-rank method; NaN for no values. */
export function percentile(xs: readonly number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

/** The arithmetic mean; NaN for no values. */
export function mean(xs: readonly number[]): number {
  return xs.length === 0 ? NaN : xs.reduce((s, v) => s + v, 0) / xs.length;
}

/** Coefficient of variation: the (population) standard deviation over the mean. */
export function variation(xs: readonly number[]): number {
  const m = mean(xs);
  return Math.sqrt(mean(xs.map((v) => (v - m) ** 2))) / m;
}

/** Pearson correlation of two equally long series. */
export function correlation(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new Error('correlation: series of different lengths');
  const ma = mean(a);
  const mb = mean(b);
  let num = 0;
  let da = 0;
  let db = 0;
  a.forEach((v, i) => {
    num += (v - ma) * (b[i]! - mb);
    da += (v - ma) ** 2;
    db += (b[i]! - mb) ** 2;
  });
  return num / Math.sqrt(da * db);
}
