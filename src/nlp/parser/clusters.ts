/**
 * Word clusters induced from unlabelled news (the k-means clusters behind
 * models/clusters.tsv.gz, built by training/ner-clusters.ts). Clusters give the
 * parser statistics for words EWT has never seen ("ceasefire" behaves like
 * "truce"), which matters when a web-text treebank meets news. The parser copies
 * the table into its own model file when trained, so a later rebuild of the
 * shared cluster file cannot silently shift the parser's features.
 */
import { hashString } from './hash.js';

/** fine (≤ 16 bits), mid and coarse (≤ 8 bits each) packed into one number. */
export class ClusterTable {
  private readonly map = new Map<number, number>();

  constructor(
    readonly keys: Int32Array,
    readonly packed: Uint32Array,
  ) {
    for (let i = 0; i < keys.length; i++) this.map.set(keys[i]!, packed[i]!);
  }

  /** Parses the "#clusters" section: word TAB fine TAB mid TAB coarse. */
  static fromTsv(text: string): ClusterTable {
    const keys: number[] = [];
    const packed: number[] = [];
    let section = 'clusters';
    for (const line of text.split('\n')) {
      if (line.startsWith('#')) {
        section = line.slice(1).trim();
        continue;
      }
      if (section !== 'clusters') continue;
      const c = line.split('\t');
      if (!c[0] || c.length < 4) continue;
      keys.push(hashString(c[0]));
      packed.push(((Number(c[1]) & 0xffff) * 65536 + ((Number(c[2]) & 0xff) << 8) + (Number(c[3]) & 0xff)) >>> 0);
    }
    return new ClusterTable(Int32Array.from(keys), Uint32Array.from(packed));
  }

  /** Exact form, then Title case, then lower case, as the NER lexicon looks words up; -1 if unknown. */
  lookup(word: string): number {
    const exact = this.map.get(hashString(word));
    if (exact !== undefined) return exact;
    const lower = word.toLowerCase();
    if (lower === word) return -1;
    return this.map.get(hashString(word.charAt(0) + lower.slice(1))) ?? this.map.get(hashString(lower)) ?? -1;
  }

  toBytes(): Uint8Array {
    const out = new Uint8Array(this.keys.length * 8);
    out.set(new Uint8Array(this.keys.buffer, this.keys.byteOffset, this.keys.byteLength), 0);
    out.set(new Uint8Array(this.packed.buffer, this.packed.byteOffset, this.packed.byteLength), this.keys.byteLength);
    return out;
  }

  static fromBytes(b: Uint8Array): ClusterTable {
    const m = b.byteLength / 8;
    const copy = new Uint8Array(b);
    return new ClusterTable(new Int32Array(copy.buffer, 0, m), new Uint32Array(copy.buffer, m * 4, m));
  }
}
