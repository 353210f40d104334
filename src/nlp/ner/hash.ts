/**
 * 32-bit FNV-1a over UTF-16 code units. Features are hashed instead of kept in a
 * dictionary so the model file holds only weights and inference allocates no maps.
 * FNV-1a is a streaming hash, so a template's hash can be built in pieces (a fixed
 * prefix, then a word, then a neighbour's word) without building the string: the
 * helpers below give exactly fnv1a of the whole (speed.test.ts checks it).
 */
export function fnv1a(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// core/fmix.ts has the same offset and step (FNV_OFFSET, fnvStep). Building these helpers
// on it instead cost about 4% of the whole stack's CPU in paired in-process runs
// (bench/ab-stack.ts, 2026-11-29), so the hottest loops keep their own copies.
export const FNV_OFFSET = 0x811c9dc5;
/** The code unit of "|", which joins the parts of a pair template. */
export const PIPE = 0x7c;

/** Continues an FNV-1a state over the code units of `s` (fnv1a(a + b) = fnvOn(fnvOn(offset, a), b)). */
export function fnvOn(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

export function fnvChar(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

/** FNV state after a template's fixed prefix, so a word's part continues it without building the string. */
export const pre = (template: string): number => fnvOn(FNV_OFFSET, template);
/** fnv1a(template + s + suffix), given pre(template). */
export function cat(prefix: number, s: string, suffix = ''): number {
  return fnvOn(fnvOn(prefix, s), suffix) >>> 0;
}
/** FNV state after template + s + "|", given pre(template). */
export function half(prefix: number, s: string): number {
  return fnvChar(fnvOn(prefix, s), PIPE);
}

/** fnv1a(template + s.slice(start, end)), given pre(template). */
export function catRange(prefix: number, s: string, start: number, end: number): number {
  let h = prefix;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
