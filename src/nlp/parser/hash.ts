/**
 * Integer hashing for parser features. Features are never interned: a feature is
 * a 32-bit hash of its template id and values, so the model needs no vocabulary
 * and unseen words cost nothing. Murmur3's mixing steps keep the bits spread
 * well enough for a power-of-two weight table.
 */

/** FNV-1a over UTF-16 code units. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** Fold one more 32-bit value into a running hash (murmur3 body step). */
export function combine(h: number, v: number): number {
  let k = Math.imul(v, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** Murmur3 finaliser: avalanche before the bits are masked into a table index. */
export { fmix32 as finish } from '../../core/fmix.js';
