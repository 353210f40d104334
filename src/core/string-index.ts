/**
 * A fixed set of strings, each a slice of one source text, with an Int32 value each,
 * found by value. For tables read once from a file and then only looked up (the NER
 * gazetteer's 140,000 entries and prefixes): a Map held a string and an entry per key,
 * 13 MB of small objects that every full collection marks, and building it cost a
 * quarter of a second. Here the keys stay in the source string, the rest is typed
 * arrays, and building allocates nothing per key.
 *
 * Keys are hashed as TypeTable hashes its keys (FNV-1a over the UTF-16 code units,
 * then fmix32), so a builder can hash a slice as it scans the text and pass the state.
 */
import { codeUnitHash, FNV_OFFSET, fmix32, fnvStep } from './fmix.js';

export class StringIndex {
  private starts: Int32Array;
  private lengths: Int32Array;
  private values: Int32Array;
  /** Key index + 1 per slot, 0 when free; at most half full. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  private count = 0;

  /** capacity: the most keys it will be given. */
  constructor(
    private readonly source: string,
    capacity: number,
  ) {
    let size = 16;
    while (size < 2 * capacity) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    this.starts = new Int32Array(capacity);
    this.lengths = new Int32Array(capacity);
    this.values = new Int32Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** The value of `key`, or undefined when it is not in the set. */
  get(key: string): number | undefined {
    const n = key.length;
    const { slots, mask, starts, lengths, source } = this;
    for (let s = codeUnitHash(key) & mask; ; s = (s + 1) & mask) {
      const e = slots[s]!;
      if (e === 0) return undefined;
      if (lengths[e - 1] !== n) continue;
      const at = starts[e - 1]!;
      let i = 0;
      while (i < n && source.charCodeAt(at + i) === key.charCodeAt(i)) i++;
      if (i === n) return this.values[e - 1];
    }
  }

  /**
   * The index of the key source[start, start + length), added with the value 0 if it
   * is new. `state` is fnvStep over its code units from FNV_OFFSET, not yet mixed.
   */
  add(state: number, start: number, length: number): number {
    const { slots, mask, starts, lengths, source } = this;
    let s = fmix32(state) & mask;
    for (; ; s = (s + 1) & mask) {
      const e = slots[s]!;
      if (e === 0) break;
      if (lengths[e - 1] !== length) continue;
      const at = starts[e - 1]!;
      let i = 0;
      while (i < length && source.charCodeAt(at + i) === source.charCodeAt(start + i)) i++;
      if (i === length) return e - 1;
    }
    if (this.count === starts.length) throw new Error(`string index: more than the ${starts.length} keys it was made for`);
    const e = this.count++;
    starts[e] = start;
    lengths[e] = length;
    slots[s] = e + 1;
    return e;
  }

  /** add for a slice the caller has not hashed while scanning. */
  addSlice(start: number, end: number): number {
    let h = FNV_OFFSET;
    for (let k = start; k < end; k++) h = fnvStep(h, this.source.charCodeAt(k));
    return this.add(h, start, end - start);
  }

  /** Sets bits in the value of key number e (from add). */
  orValue(e: number, bits: number): void {
    this.values[e]! |= bits;
  }

  /** Sets the value of key number e (from add). */
  setValue(e: number, value: number): void {
    this.values[e] = value;
  }

  /** Gives back the room of the keys it was made for but not given. */
  trim(): void {
    this.starts = this.starts.slice(0, this.count);
    this.lengths = this.lengths.slice(0, this.count);
    this.values = this.values.slice(0, this.count);
  }
}
