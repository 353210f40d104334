/**
 * The hashed attributes the parser's features read of a word form (its normalised
 * word hash, suffix hash and clusters), and of a tag, kept per form: building them
 * takes a lower-casing, three regular-expression passes, two string hashes and a
 * cluster lookup per token, and news repeats its words. `makeView` reads every
 * form through one (a fresh one per sentence when none is kept), so there is one
 * definition of these attributes.
 */
import { ownString } from '../../core/own-string.js';
import { TypeTable } from '../../core/type-table.js';
import type { ClusterTable } from './clusters.js';
import { hashString } from './hash.js';

/**
 * Lower-case, fold digits so that "1,200" and "3,500" share statistics, and
 * straighten curly quotes: news uses ’s where the web treebank mostly has 's.
 */
function normaliseWord(w: string): string {
  return w.toLowerCase().replace(/[0-9]/g, '0').replace(/[‘’‚‛]/g, "'").replace(/[“”„‟]/g, '"');
}

/** A word's cluster ids packed fine << 16 | mid << 8 | coarse, or -1 when unknown. */
function clusterOf(clusters: ClusterTable, word: string): number {
  return clusters.lookup(word.replace(/[‘’]/g, "'"));
}

export class WordCache {
  // Not a Map: the forms are strings just cut from the text (see core/type-table.ts).
  private readonly slots = new TypeTable<number>();
  private readonly xpos = new Map<string, number>();
  private readonly upos = new Map<string, number>();
  word: Int32Array;
  suffix: Int32Array;
  /** Packed cluster ids (up to 32 bits unsigned, so not an Int32Array), -1 when unknown. */
  cluster: Float64Array;

  constructor(
    readonly clusters: ClusterTable | null,
    /** Forms kept before the cache starts afresh (a long ingest meets ever new names). */
    private readonly limit = 30_000,
    capacity = 4096,
  ) {
    const size = Math.max(1, Math.min(capacity, limit));
    this.word = new Int32Array(size);
    this.suffix = new Int32Array(size);
    this.cluster = new Float64Array(size);
  }

  /** The slot of `form`'s attributes in word / suffix / cluster. */
  slot(token: string): number {
    const known = this.slots.get(token);
    if (known !== undefined) return known;
    const form = ownString(token);
    if (this.slots.size >= this.limit) this.slots.clear();
    const k = this.slots.size;
    if (k === this.word.length) this.grow();
    const w = normaliseWord(form);
    this.word[k] = hashString(w);
    this.suffix[k] = hashString('s' + w.slice(-3));
    this.cluster[k] = this.clusters ? clusterOf(this.clusters, form) : -1;
    this.slots.add(form, k);
    return k;
  }

  /**
   * hashString(prefix + tag), memoised per prefix: tags are few, and keyed by the tag
   * itself, whose string the tagger hands out again and again (its hash is kept on
   * the string), a lookup builds no new string.
   */
  tag(prefix: 'x' | 'u', tag: string): number {
    const memo = prefix === 'x' ? this.xpos : this.upos;
    let h = memo.get(tag);
    if (h === undefined) {
      h = hashString(prefix + tag);
      memo.set(tag, h);
    }
    return h;
  }

  private grow(): void {
    const n = Math.min(this.word.length * 2, this.limit);
    const word = new Int32Array(n);
    const suffix = new Int32Array(n);
    const cluster = new Float64Array(n);
    word.set(this.word);
    suffix.set(this.suffix);
    cluster.set(this.cluster);
    this.word = word;
    this.suffix = suffix;
    this.cluster = cluster;
  }
}
