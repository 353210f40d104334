/**
 * The first index in [0, length) at which `reached` holds, or `length` when it never
 * does; `reached` must be false up to some index and true from there on (a sorted
 * list's "at or after x").
 */
export function bisect(length: number, reached: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (reached(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
