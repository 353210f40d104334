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
