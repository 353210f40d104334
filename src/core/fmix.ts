/**
 * Murmur3's 32-bit finaliser: every input bit flips each output bit with probability
 * about one half. For hashes whose low bits pick a table slot or a signature bit (the
 * parser's weight rows, SimHash's shingle bits), so that nearby inputs spread out.
 */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units, a step at a time: h = fnvStep(h, code), from FNV_OFFSET. */
export const FNV_OFFSET = 0x811c9dc5;

export function fnvStep(h: number, code: number): number {
  return Math.imul(h ^ code, 0x01000193);
}

/** FNV-1a over the code units of s, mixed by fmix32 so that its low bits can pick a table slot. */
export function codeUnitHash(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = fnvStep(h, s.charCodeAt(i));
  return fmix32(h);
}
