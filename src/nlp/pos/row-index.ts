/**
 * Where each feature's weights lie in the model: a feature hash → row
 * reference (start << ROW_BITS | length; 0 when the model has no weights for
 * it).
 *
 * Features are grouped by the top bits of their hash, each group's (hash, row)
 * pairs side by side; a directory gives where each group starts. The model
 * file lists its hashes in ascending order (training/train-pos.ts), so building
 * this is one sequential pass over the file's arrays, where an open-addressing
 * table took ~300k random writes into 8 MB at every process start; any other
 * order works too, only slower to build. A lookup reads the directory (256 kB)
 * and then one group of ~4.5 pairs, mostly one cache line.
 *
 * In front sits one bit per 2^22 values of the mixed hash (512 kB, mostly
 * cache-resident), set for every feature with weights: ~40% of a token's
 * probes are for features the model lacks, and most of those are answered
 * there without reading the pairs.
 */

/** Row reference layout: start << ROW_BITS | length. */
export const ROW_BITS = 9;
export const ROW_LEN = (1 << ROW_BITS) - 1;

const DIR_BITS = 16;
const DIR_SHIFT = 32 - DIR_BITS;

export class RowIndex {
  private readonly filter = new Uint32Array(1 << 17);
  /** Group g's pairs are pairs[2 × dir[g] .. 2 × dir[g + 1]). */
  private readonly dir = new Uint32Array((1 << DIR_BITS) + 1);
  /** Interleaved: pairs[2k] = feature hash, pairs[2k + 1] = its row reference. */
  private readonly pairs: Uint32Array;

  /** hashes[i] has the row of rowLength[i] entries that follows feature i - 1's row. */
  constructor(hashes: Uint32Array, rowLength: Uint8Array, entries: number) {
    if (entries >= 2 ** (32 - ROW_BITS)) throw new Error('pos model: too many weights for 32-bit row references');
    if (rowLength.length !== hashes.length) throw new Error('pos model: row lengths do not match the features');
    const F = hashes.length;
    const dir = this.dir;
    let kept = 0;
    for (let i = 0; i < F; i++) {
      // An empty row scores nothing: leave it out, as if the model lacked the feature.
      if (rowLength[i]! > 0) {
        dir[(hashes[i]! >>> DIR_SHIFT) + 1]!++;
        kept++;
      }
    }
    for (let g = 0; g < 1 << DIR_BITS; g++) dir[g + 1]! += dir[g]!;
    const pairs = new Uint32Array(2 * kept);
    // Next free pair per group; file order is kept within a group, so of two equal hashes the first wins.
    const next = dir.slice(0, 1 << DIR_BITS);
    const filter = this.filter;
    let at = 0;
    for (let i = 0; i < F; i++) {
      const len = rowLength[i]!;
      if (len > 0) {
        const h = hashes[i]!;
        const k = next[h >>> DIR_SHIFT]!++;
        pairs[2 * k] = h;
        pairs[2 * k + 1] = ((at << ROW_BITS) | len) >>> 0;
        const m = mix(h);
        filter[m >>> 15]! |= 1 << ((m >>> 10) & 31);
      }
      at += len;
    }
    if (at !== entries) throw new Error(`pos model: rows hold ${at} weights, the file ${entries}`);
    this.pairs = pairs;
  }

  /** Row reference of a feature hash, 0 when the model has no weights for it. */
  rowOf(h: number): number {
    const m = mix(h);
    if (((this.filter[m >>> 15]! >>> ((m >>> 10) & 31)) & 1) === 0) return 0;
    const g = h >>> DIR_SHIFT;
    const pairs = this.pairs;
    const end = 2 * this.dir[g + 1]!;
    for (let k = 2 * this.dir[g]!; k < end; k += 2) {
      if (pairs[k] === h) return pairs[k + 1]!;
    }
    return 0;
  }
}

/** The feature hashes are FNV outputs; a final avalanche spreads their bits for the filter. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return (h ^ (h >>> 16)) >>> 0;
}
