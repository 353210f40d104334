/** Normalised string similarity used to spot repeated headlines. */

function normalise(s: string): string {
  return s.toLowerCase().normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** 1 − Levenshtein distance / longer length, over normalised text; 0..1. */
export function similarity(a: string, b: string): number {
  const x = normalise(a);
  const y = normalise(b);
  if (x === y) return 1;
  const longer = Math.max(x.length, y.length);
  if (longer === 0) return 1;
  // Lengths far apart cannot be near-duplicates; skip the quadratic work.
  if (Math.min(x.length, y.length) / longer < 0.7 || longer > 1000) return 0;
  let prev = new Uint16Array(y.length + 1).map((_, i) => i);
  let cur = new Uint16Array(y.length + 1);
  for (let i = 1; i <= x.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x.charCodeAt(i - 1) === y.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return 1 - prev[y.length]! / longer;
}

/** Threshold above which two headlines are the same headline re-rendered. */
export const NEAR_DUPLICATE = 0.85;
