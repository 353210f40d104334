/**
 * A table for word-type caches (NER, parser): string keys, open addressing, our own hash of the key's
 * code units. Each token's word is a string just cut from the article text, and a Map
 * lookup with such a string first has the runtime compute and store its hash (a call
 * out of compiled code, most of the cost of the lookup); hashing the few code units
 * here takes nanoseconds, and comparing the one candidate key is a plain string compare.
 */
import { codeUnitHash as hashOf } from './fmix.js';

export class TypeTable<V> {
  private keys: string[] = [];
  private values: V[] = [];
  /** Entry index + 1 per slot, 0 when free; at most half full. */
  private slots = new Int32Array(1024);
  private mask = 1023;

  get size(): number {
    return this.keys.length;
  }

  get(key: string): V | undefined {
    const { slots, mask, keys } = this;
    for (let s = hashOf(key) & mask; ; s = (s + 1) & mask) {
      const e = slots[s]!;
      if (e === 0) return undefined;
      if (keys[e - 1] === key) return this.values[e - 1];
    }
  }

  /** Adds a key that get() did not find. */
  add(key: string, value: V): void {
    if (2 * (this.keys.length + 1) > this.slots.length) this.grow();
    this.keys.push(key);
    this.values.push(value);
    this.place(key, this.keys.length);
  }

  clear(): void {
    this.keys = [];
    this.values = [];
    this.slots.fill(0);
  }

  private place(key: string, entry: number): void {
    const { slots, mask } = this;
    let s = hashOf(key) & mask;
    while (slots[s] !== 0) s = (s + 1) & mask;
    slots[s] = entry;
  }

  private grow(): void {
    this.slots = new Int32Array(2 * this.slots.length);
    this.mask = this.slots.length - 1;
    this.keys.forEach((k, i) => this.place(k, i + 1));
  }
}
