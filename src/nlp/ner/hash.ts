/**
 * 32-bit FNV-1a over UTF-16 code units. Features are hashed instead of kept in a
 * dictionary so the model file holds only weights and inference allocates no maps.
 */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
