/**
 * Greedy left-to-right averaged-perceptron tagger over the compact model.
 * Greedy rather than Viterbi/beam: exact search over the two previous tags
 * would score 102² tag pairs per word for about 0.1 point, while greedy
 * decoding is one pass; the next words' ambiguity classes (features.ts) give
 * it the look to the right that search would otherwise provide.
 *
 * Speed: scores are exact integer sums of the Int16 weights, so they may be
 * summed in any grouping. Time goes into random reads of the multi-megabyte
 * weight table, so the design cuts lookups per token:
 *  - features of one word type in one role (its own features, and what it adds
 *    as the previous or next word) are summed once per type into class-score
 *    vectors kept on the type (type-cache.ts); a token adds three cached vectors;
 *  - features of tags alone (previous tag, previous two tags) are summed once per
 *    tag pair into a class-score vector; the previous tag with the word's mid
 *    cluster is a small table of rows; both are filled on first use;
 *  - the rest (word pairs, word with previous tag: 8 per token) are looked up
 *    in the row index (row-index.ts): a cache-resident bit set turns away most
 *    features the model lacks, the others cost one group of (hash, row) pairs
 *    and then the row itself.
 * All of a type's or a token's rows are found before any is read: the lookups
 * do not depend on each other, so their cache misses overlap. A new type's
 * vectors go into preallocated blocks (type-cache.ts), never a typed array of
 * their own, whose allocation outside V8's heap cost more than the scoring.
 */
import {
  MAX_STATIC, N_DYNAMIC, SENTENCE_END, SENTENCE_START, asNext2Features, asNextFeatures, asPrev2Features,
  asPrevFeatures, ownFeatures, pairFeatures, positionFeatures, prev2TagsHash, prevTagClMidHash, prevTagHash,
  wordInfo, wordTagFeatures, type Lexicon,
} from './features.js';
import type { PosModelData } from './model.js';
import { ROW_BITS, ROW_LEN, RowIndex } from './row-index.js';
import { sharedTable } from '../../core/shared-tables.js';
import { TypeCache, typeEntry, type TypeEntry } from './type-cache.js';

/** Types per generation of the type cache (see type-cache.ts); ~2 kB each with their facts and hashes. */
const GENERATION_TYPES = 16_000;

export class PosTagger {
  readonly classes: readonly string[];
  readonly upos: readonly string[];
  readonly xpos: readonly string[];
  private readonly index: RowIndex;
  /** Sparse rows, one Int32 per entry: weight (Int16) << 8 | class. */
  private readonly entries: Int32Array;
  private readonly tagdict = new Map<string, number>();
  /**
   * Scores of the features of the previous tag and the previous two tags, per class,
   * for the tag pair ((t1 + 1) × (C + 1) + t2 + 1) × C, filled on the pair's first use.
   */
  private readonly tagScores: Int32Array;
  private readonly tagScored: Uint8Array;
  /** Rows of the previous-tag-with-mid-cluster feature by (mid - MID_MIN) × (C + 1) + t1 + 1, UNSEEN until first used. */
  private readonly clMidRows: Uint32Array;
  private readonly midMax: number;
  private readonly scores: Int32Array;
  private readonly lexicon: Lexicon | null;
  private readonly types: TypeCache;
  private readonly makeEntry = (word: string): TypeEntry => typeEntry(wordInfo(word, this.lexicon), this.tagdict.get(word) ?? -1);
  private readonly start: TypeEntry;
  private readonly end: TypeEntry;
  private readonly feats = new Uint32Array(MAX_STATIC + N_DYNAMIC);
  /** Row references of this.feats (and of cached and tabulated rows), filled before any row is read. */
  private readonly rows = new Uint32Array(MAX_STATIC + N_DYNAMIC);
  private es: TypeEntry[] = [];

  /**
   * generationTypes: size of the type cache's young generation (small only in tests);
   * key: names the model file, so that threads may share its weights (core/shared-tables.ts).
   */
  constructor(m: PosModelData, generationTypes = GENERATION_TYPES, key?: string) {
    const { header } = m;
    this.classes = header.classes;
    this.upos = header.classes.map((c) => c.slice(0, c.indexOf('|')));
    this.xpos = header.classes.map((c) => c.slice(c.indexOf('|') + 1));
    const C = header.classes.length;
    if (C > 256) throw new Error('pos model: more than 256 classes');
    this.index = new RowIndex(m.hashes, m.rowLength, m.weights.length);
    this.entries = sharedTable(key && `${key}#entries`, () => packEntries(m.weights, m.classOf));
    const { words, classes } = header.tagdict;
    for (let i = 0; i < words.length; i++) this.tagdict.set(words[i]!, classes[i]!);
    this.scores = new Int32Array(C);
    this.lexicon = m.lexicon;

    this.tagScores = new Int32Array((C + 1) * (C + 1) * C);
    this.tagScored = new Uint8Array((C + 1) * (C + 1));
    let midMax = -1;
    if (m.lexicon) for (const c of m.lexicon.clusters.values()) midMax = Math.max(midMax, c[1]);
    this.midMax = midMax;
    this.clMidRows = new Uint32Array((midMax - MID_MIN + 1) * (C + 1)).fill(UNSEEN);
    this.types = new TypeCache(3 * C, generationTypes);
    // The sentence padding's vectors get storage of their own, which no generation drops.
    this.start = typeEntry(SENTENCE_START, -1);
    this.end = typeEntry(SENTENCE_END, -1);
    for (const e of [this.start, this.end]) {
      e.v = new Int32Array(3 * C);
      this.fillVectors(e);
    }
  }

  /** Class ids for a sentence's words. */
  predict(words: readonly string[]): number[] {
    const n = words.length;
    const es = this.es;
    es.length = n;
    for (let i = 0; i < n; i++) es[i] = this.types.get(words[i]!, this.makeEntry);
    const C = this.scores.length;
    const s = this.scores;
    const feats = this.feats;
    const out: number[] = new Array<number>(n);
    let t1 = -1;
    let t2 = -1;
    for (let i = 0; i < n; i++) {
      const e = es[i]!;
      let best = e.dict;
      if (best < 0) {
        const p1 = i > 0 ? es[i - 1]! : this.start;
        const p2 = i > 1 ? es[i - 2]! : this.start;
        const n1 = i + 1 < n ? es[i + 1]! : this.end;
        const n2 = i + 2 < n ? es[i + 2]! : this.end;
        // vectors() uses this.feats and this.rows as scratch: call it before filling them.
        const own = this.vectors(e);
        const prev = this.vectors(p1);
        const next = this.vectors(n1);
        this.vectors(p2);
        this.vectors(n2);
        const o = e.at;
        const p = p1.at + C;
        const x = n1.at + 2 * C;
        s.fill(0);
        if (i === 0) {
          // The own vector holds the not-initial position features: swap them.
          this.addFeatures(-1, positionFeatures(e.info, false, feats, 0));
          this.addFeatures(1, positionFeatures(e.info, true, feats, 0));
        }
        let k = wordTagFeatures(e.info, n1.info, t1, feats, pairFeatures(p1.info, e.info, n1.info, feats, 0));
        const rows = this.rows;
        // All rows are found before any is read: the probes do not depend on each other, so their cache misses overlap.
        for (let j = 0; j < k; j++) rows[j] = this.index.rowOf(feats[j]!);
        rows[k++] = p2.prev2;
        rows[k++] = n2.next2a;
        rows[k++] = n2.next2b;
        rows[k++] = this.clMidRow(e.info.mid, t1);
        this.sumRows(s, 0, 0, k);
        const tags = this.tagScores;
        const a = this.tagPair(t1, t2);
        let top = s[0]! + own[o]! + prev[p]! + next[x]! + tags[a]!;
        best = 0;
        for (let c = 1; c < C; c++) {
          const score = s[c]! + own[o + c]! + prev[p + c]! + next[x + c]! + tags[a + c]!;
          if (score > top) {
            top = score;
            best = c;
          }
        }
      }
      out[i] = best;
      t2 = t1;
      t1 = best;
    }
    es.length = 0;
    return out;
  }

  /** Where the tag pair's scores start in this.tagScores. */
  private tagPair(t1: number, t2: number): number {
    const C = this.scores.length;
    const pair = (t1 + 1) * (C + 1) + t2 + 1;
    const at = pair * C;
    if (this.tagScored[pair] === 0) {
      const rows = this.rows;
      rows[0] = this.index.rowOf(prevTagHash(t1));
      rows[1] = this.index.rowOf(prev2TagsHash(t1, t2));
      this.sumRows(this.tagScores, at, 0, 2);
      this.tagScored[pair] = 1;
    }
    return at;
  }

  /** Row of the feature of the previous tag with the word's mid cluster. */
  private clMidRow(mid: number, t1: number): number {
    if (mid < MID_MIN || mid > this.midMax) return this.index.rowOf(prevTagClMidHash(mid, t1));
    const k = (mid - MID_MIN) * (this.scores.length + 1) + t1 + 1;
    let row = this.clMidRows[k]!;
    if (row === UNSEEN) row = this.clMidRows[k] = this.index.rowOf(prevTagClMidHash(mid, t1));
    return row;
  }

  /** Adds the rows this.rows[from .. to) to v[at .. at + classes). */
  private sumRows(v: Int32Array, at: number, from: number, to: number): void {
    const rows = this.rows;
    const entries = this.entries;
    for (let k = from; k < to; k++) {
      const row = rows[k]!;
      const start = row >>> ROW_BITS;
      const end = start + (row & ROW_LEN);
      for (let e = start; e < end; e++) {
        const x = entries[e]!;
        v[at + (x & 0xff)]! += x >> 8;
      }
    }
  }

  /** Adds (sign 1) or subtracts (-1) the rows of this.feats[0 .. n) to this.scores. */
  private addFeatures(sign: number, n: number): void {
    const s = this.scores;
    const entries = this.entries;
    const feats = this.feats;
    for (let k = 0; k < n; k++) {
      const row = this.index.rowOf(feats[k]!);
      const start = row >>> ROW_BITS;
      const end = start + (row & ROW_LEN);
      for (let e = start; e < end; e++) {
        const x = entries[e]!;
        s[x & 0xff]! += sign * (x >> 8);
      }
    }
  }

  /** The block holding the type's score vectors (at e.at), scored on first use. */
  private vectors(e: TypeEntry): Int32Array {
    if (!e.v) {
      this.types.place(e);
      this.fillVectors(e);
    }
    return e.v!;
  }

  /**
   * Sums the type's vectors into e.v from e.at (zeroed), and finds its prev2/next2 rows.
   * Uses this.feats and this.rows as scratch.
   */
  private fillVectors(e: TypeEntry): void {
    const C = this.scores.length;
    const feats = this.feats;
    const w = e.info;
    const own = w !== SENTENCE_START && w !== SENTENCE_END ? positionFeatures(w, false, feats, ownFeatures(w, feats, 0)) : 0;
    const prev = asPrevFeatures(w, feats, own);
    const next = asNextFeatures(w, feats, prev);
    const n = asNext2Features(w, feats, asPrev2Features(w, feats, next));
    const rows = this.rows;
    // All ~37 rows are found before any is read, so their cache misses overlap.
    for (let k = 0; k < n; k++) rows[k] = this.index.rowOf(feats[k]!);
    const v = e.v!;
    this.sumRows(v, e.at, 0, own);
    this.sumRows(v, e.at + C, own, prev);
    this.sumRows(v, e.at + 2 * C, prev, next);
    e.prev2 = rows[next]!;
    e.next2a = rows[next + 1]!;
    e.next2b = rows[next + 2]!;
  }
}

/** A row reference no row has (start + length would pass the 2^23 limit checked at load). */
const UNSEEN = 0xffffffff;

/** Smallest mid-cluster id a word can have (-3: sentence end padding; -1: not in the lexicon). */
const MID_MIN = -3;

/**
 * One Int32 per row entry, weight << 8 | class, so a row is read from one array.
 * A separate function with its arrays in locals: it runs once per process, over
 * 1.3M entries, mostly before the optimising compiler has looked at it.
 */
function packEntries(weights: Int16Array, classOf: Uint8Array): Int32Array {
  const n = weights.length;
  if (classOf.length !== n) throw new Error('pos model: entry classes do not match the weights');
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = (weights[i]! << 8) | classOf[i]!;
  return out;
}
