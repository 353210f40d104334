/**
 * Numbers triples of small non-negative integers (the shape ids of a token and its two
 * neighbours) as entries 0, 1, 2 … of a fixed capacity, so a decoder can keep one sum
 * per triple in a flat array. Open addressing over typed arrays: a lookup is a hash and
 * a probe or two in memory that stays in cache, where a Map keyed by a number this
 * large would box it.
 */
export class TripleMemo {
  /** Per slot: the triple (a, b, c) at 3s .. 3s + 2, and its entry + 1 at entries[s] (0: free). */
  private readonly keys: Int32Array;
  private readonly entries: Int32Array;
  private readonly mask: number;
  private count = 0;

  /** `capacity` entries at most; the table is kept at most half full. */
  constructor(readonly capacity: number) {
    let slots = 2;
    while (slots < 2 * capacity) slots *= 2;
    this.keys = new Int32Array(3 * slots);
    this.entries = new Int32Array(slots);
    this.mask = slots - 1;
  }

  get size(): number {
    return this.count;
  }

  /** The entry of (a, b, c), or -1 if it has none. */
  find(a: number, b: number, c: number): number {
    const { keys, entries, mask } = this;
    for (let s = hash3(a, b, c) & mask; ; s = (s + 1) & mask) {
      const e = entries[s]!;
      if (e === 0) return -1;
      if (keys[3 * s] === a && keys[3 * s + 1] === b && keys[3 * s + 2] === c) return e - 1;
    }
  }

  /** Numbers a triple that find() did not find as the next entry (size must be below capacity). */
  add(a: number, b: number, c: number): number {
    if (this.count >= this.capacity) throw new Error(`triple memo: full at ${this.capacity} entries`);
    const { keys, entries, mask } = this;
    let s = hash3(a, b, c) & mask;
    while (entries[s] !== 0) s = (s + 1) & mask;
    keys[3 * s] = a;
    keys[3 * s + 1] = b;
    keys[3 * s + 2] = c;
    entries[s] = ++this.count;
    return this.count - 1;
  }

  clear(): void {
    this.entries.fill(0);
    this.count = 0;
  }
}

function hash3(a: number, b: number, c: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) ^ (h >>> 13);
}
