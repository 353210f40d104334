/**
 * The scoring of scrapinghub/article-extraction-benchmark (evaluate.py), ported so
 * that our numbers are comparable with the published ones.
 *
 * Tokens: Python's `\w+` on str patterns is Unicode-aware: it matches characters for
 * which `str.isalnum()` is true (letters Lu/Ll/Lt/Lm/Lo and numerics Nd/Nl/No) plus
 * "_". Combining marks (Mn/Mc) are not word characters there, so `[\p{L}\p{N}_]+`
 * reproduces it; the remaining differences (a handful of CJK numerals that Python
 * counts as numeric but are letters anyway) cannot change a token boundary.
 */
import { rng } from '../src/core/rng.js';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
}

const TOKEN = /[\p{L}\p{N}_]+/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/**
 * Bag of 4-token shingles. A text shorter than n tokens is one shingle of all its
 * tokens; an empty text has none (evaluate.py skips the empty tuple).
 */
export function shingles(tokens: readonly string[], n = 4): Map<string, number> {
  const bag = new Map<string, number>();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const gram = tokens.slice(i, i + n);
    if (gram.length === 0) continue;
    // U+0001 cannot occur inside a \w token, so the join is unambiguous.
    const key = gram.join('\u0001');
    bag.set(key, (bag.get(key) ?? 0) + 1);
  }
  return bag;
}

/** Per-page TP/FP/FN over shingle multisets, normalised to sum to 1 (when nonzero). */
export function pageCounts(reference: string, prediction: string): Counts & { exact: boolean } {
  const refTokens = tokenize(reference);
  const predTokens = tokenize(prediction);
  const ref = shingles(refTokens);
  const pred = shingles(predTokens);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, r] of ref) {
    const p = pred.get(key) ?? 0;
    tp += Math.min(r, p);
    fn += Math.max(0, r - p);
    fp += Math.max(0, p - r);
  }
  for (const [key, p] of pred) if (!ref.has(key)) fp += p;
  const s = tp + fp + fn;
  if (s > 0) {
    tp /= s;
    fp /= s;
    fn /= s;
  }
  const exact = refTokens.length === predTokens.length && refTokens.every((t, i) => t === predTokens[i]);
  return { tp, fp, fn, exact };
}

function precisionScore({ tp, fp, fn }: Counts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

function recallScore({ tp, fp, fn }: Counts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

function mean(xs: readonly number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Precision over pages with predicted shingles, recall over pages with reference shingles. */
export function scores(pages: ReadonlyArray<Counts & { exact: boolean }>): Scores {
  const precision = mean(pages.filter((c) => c.tp + c.fp > 0).map(precisionScore));
  const recall = mean(pages.filter((c) => c.tp + c.fn > 0).map(recallScore));
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const accuracy = mean(pages.map((c) => (c.exact ? 1 : 0)));
  return { precision, recall, f1, accuracy };
}


function stdev(xs: readonly number[]): number {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / Math.max(1, xs.length - 1));
}

/**
 * Bootstrap error bars as evaluate.py reports them: 1.96 × the standard deviation of
 * each metric over resamples (with replacement) of the pages.
 */
export function bootstrap(
  pages: ReadonlyArray<Counts & { exact: boolean }>,
  samples = 1000,
  seed = 20191101,
): Scores {
  const next = rng(seed);
  const values: Record<keyof Scores, number[]> = { precision: [], recall: [], f1: [], accuracy: [] };
  const n = pages.length;
  if (n === 0) return { precision: 0, recall: 0, f1: 0, accuracy: 0 };
  for (let s = 0; s < samples; s++) {
    const sample = Array.from({ length: n }, () => pages[Math.floor(next() * n)]!);
    const sc = scores(sample);
    for (const k of Object.keys(values) as (keyof Scores)[]) values[k].push(sc[k]);
  }
  return {
    precision: 1.96 * stdev(values.precision),
    recall: 1.96 * stdev(values.recall),
    f1: 1.96 * stdev(values.f1),
    accuracy: 1.96 * stdev(values.accuracy),
  };
}
