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
 *    vectors kept on the type; a token adds three cached vectors;
 *  - features of tags alone (previous tag, previous two tags, previous tag with
 *    the word's mid cluster) are looked up once at load into small tables;
 *  - the rest (word pairs, word with previous tag: 8 per token) are probed in
 *    one open-addressing table whose slot holds the feature hash and where its
 *    row lies, so a probe touches one cache line and then the row itself.
 */
import {
  MAX_STATIC, N_DYNAMIC, SENTENCE_END, SENTENCE_START, asNext2Features, asNextFeatures, asPrev2Features,
  asPrevFeatures, ownFeatures, pairFeatures, positionFeatures, prev2TagsHash, prevTagClMidHash, prevTagHash,
  wordInfo, wordTagFeatures, type Lexicon, type WordInfo,
} from './features.js';
import type { PosModelData } from './model.js';

/** What the tagger keeps per word type. */
interface TypeEntry {
  info: WordInfo;
  /** Class from the tag dictionary, or -1 when the word must be scored. */
  dict: number;
  /**
   * Per-class scores, 3 × classes, filled on first use: the word's own features
   * with its not-sentence-initial position features, then the features it adds
   * as the previous word, then as the next word.
   */
  v: Int32Array | null;
  /** Rows (see PosTagger.rowOf) of the one feature it adds as the word before the previous one… */
  prev2: number;
  /** …and of the two it adds as the word after next. */
  next2a: number;
  next2b: number;
}

/**
 * Word types kept: a young generation that fills up, then becomes the old one
 * (whose types are moved back to the young one when seen again) while the
 * previous old one is dropped. Frequent types thus survive; at most 2 × this
 * many types (~1.6 kB each) are held.
 */
const GENERATION_TYPES = 16_000;

/** Row reference: start << ROW_BITS | length; 0 is an empty row. */
const ROW_BITS = 9;
const ROW_LEN = (1 << ROW_BITS) - 1;

export class PosTagger {
  readonly classes: readonly string[];
  readonly upos: readonly string[];
  readonly xpos: readonly string[];
  /**
   * Open-addressing table, interleaved so one probe touches one cache line:
   * slots[2k] = feature hash, slots[2k+1] = its row reference (0 = empty slot).
   */
  private readonly slots: Uint32Array;
  private readonly mask: number;
  /** Sparse rows, one Int32 per entry: weight (Int16) << 8 | class. */
  private readonly entries: Int32Array;
  private readonly tagdict = new Map<string, number>();
  /** Rows of the tag-only features: by t1 + 1, by (t1 + 1) × (C + 1) + t2 + 1, by (mid - MID_MIN) × (C + 1) + t1 + 1. */
  private readonly prevTagRows: Uint32Array;
  private readonly prev2TagsRows: Uint32Array;
  private readonly clMidRows: Uint32Array;
  private readonly midMax: number;
  private readonly scores: Int32Array;
  private readonly lexicon: Lexicon | null;
  private young = new Map<string, TypeEntry>();
  private old = new Map<string, TypeEntry>();
  private readonly start: TypeEntry;
  private readonly end: TypeEntry;
  private readonly feats = new Uint32Array(MAX_STATIC + N_DYNAMIC);
  private es: TypeEntry[] = [];

  /** generationTypes: size of the type cache's young generation (small only in tests). */
  constructor(m: PosModelData, private readonly generationTypes = GENERATION_TYPES) {
    const { header } = m;
    this.classes = header.classes;
    this.upos = header.classes.map((c) => c.slice(0, c.indexOf('|')));
    this.xpos = header.classes.map((c) => c.slice(c.indexOf('|') + 1));
    const C = header.classes.length;
    if (C > 256) throw new Error('pos model: more than 256 classes');
    if (m.weights.length >= 2 ** (32 - ROW_BITS)) throw new Error('pos model: too many weights for 32-bit row references');
    const F = m.hashes.length;
    let size = 1024;
    while (size < F * 2) size *= 2;
    this.mask = size - 1;
    this.slots = new Uint32Array(2 * size);
    let at = 0;
    for (let i = 0; i < F; i++) {
      const len = m.rowLength[i]!;
      // An empty row scores nothing, and its slot would read as free: leave it out.
      if (len > 0) {
        const h = m.hashes[i]!;
        let k = mix(h) & this.mask;
        while (this.slots[2 * k + 1] !== 0) k = (k + 1) & this.mask;
        this.slots[2 * k] = h;
        this.slots[2 * k + 1] = ((at << ROW_BITS) | len) >>> 0;
      }
      at += len;
    }
    this.entries = new Int32Array(m.weights.length);
    for (let i = 0; i < m.weights.length; i++) this.entries[i] = (m.weights[i]! << 8) | m.classOf[i]!;
    const { words, classes } = header.tagdict;
    for (let i = 0; i < words.length; i++) this.tagdict.set(words[i]!, classes[i]!);
    this.scores = new Int32Array(C);
    this.lexicon = m.lexicon;

    this.prevTagRows = new Uint32Array(C + 1);
    this.prev2TagsRows = new Uint32Array((C + 1) * (C + 1));
    for (let t1 = -1; t1 < C; t1++) {
      this.prevTagRows[t1 + 1] = this.rowOf(prevTagHash(t1));
      for (let t2 = -1; t2 < C; t2++) this.prev2TagsRows[(t1 + 1) * (C + 1) + t2 + 1] = this.rowOf(prev2TagsHash(t1, t2));
    }
    let midMax = -1;
    if (m.lexicon) for (const c of m.lexicon.clusters.values()) midMax = Math.max(midMax, c[1]);
    this.midMax = midMax;
    this.clMidRows = new Uint32Array((midMax - MID_MIN + 1) * (C + 1));
    for (let mid = MID_MIN; mid <= midMax; mid++) {
      for (let t1 = -1; t1 < C; t1++) this.clMidRows[(mid - MID_MIN) * (C + 1) + t1 + 1] = this.rowOf(prevTagClMidHash(mid, t1));
    }
    this.start = this.typeEntry(SENTENCE_START, -1);
    this.end = this.typeEntry(SENTENCE_END, -1);
  }

  /** Class ids for a sentence's words. */
  predict(words: readonly string[]): number[] {
    const n = words.length;
    const es = this.es;
    es.length = n;
    for (let i = 0; i < n; i++) es[i] = this.entry(words[i]!);
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
        // vectors() uses this.scores and this.feats as scratch: call it before filling them.
        const own = this.vectors(e);
        const prev = this.vectors(p1);
        const next = this.vectors(n1);
        this.vectors(p2);
        this.vectors(n2);
        for (let c = 0; c < C; c++) s[c] = own[c]! + prev[C + c]! + next[2 * C + c]!;
        this.addRow(p2.prev2);
        this.addRow(n2.next2a);
        this.addRow(n2.next2b);
        if (i === 0) {
          // The own vector holds the not-initial position features: swap them.
          this.addFeatures(-1, positionFeatures(e.info, false, feats, 0));
          this.addFeatures(1, positionFeatures(e.info, true, feats, 0));
        }
        let k = pairFeatures(p1.info, e.info, n1.info, feats, 0);
        k = wordTagFeatures(e.info, n1.info, t1, feats, k);
        this.addFeatures(1, k);
        this.addRow(this.prevTagRows[t1 + 1]!);
        this.addRow(this.prev2TagsRows[(t1 + 1) * (C + 1) + t2 + 1]!);
        const mid = e.info.mid;
        this.addRow(mid >= MID_MIN && mid <= this.midMax
          ? this.clMidRows[(mid - MID_MIN) * (C + 1) + t1 + 1]!
          : this.rowOf(prevTagClMidHash(mid, t1)));
        best = 0;
        for (let c = 1; c < C; c++) if (s[c]! > s[best]!) best = c;
      }
      out[i] = best;
      t2 = t1;
      t1 = best;
    }
    es.length = 0;
    return out;
  }

  /** Row reference of a feature hash, 0 when the model has no weights for it. */
  private rowOf(h: number): number {
    let k = mix(h) & this.mask;
    const slots = this.slots;
    for (;;) {
      const r = slots[2 * k + 1]!;
      if (r === 0 || slots[2 * k] === h) return r;
      k = (k + 1) & this.mask;
    }
  }

  /** Adds a row to this.scores. */
  private addRow(row: number): void {
    const s = this.scores;
    const entries = this.entries;
    const start = row >>> ROW_BITS;
    const end = start + (row & ROW_LEN);
    for (let e = start; e < end; e++) {
      const x = entries[e]!;
      s[x & 0xff]! += x >> 8;
    }
  }

  /** Adds (sign 1) or subtracts (-1) the rows of this.feats[0 .. n) to this.scores. */
  private addFeatures(sign: number, n: number): void {
    const s = this.scores;
    const entries = this.entries;
    const feats = this.feats;
    for (let k = 0; k < n; k++) {
      const row = this.rowOf(feats[k]!);
      const start = row >>> ROW_BITS;
      const end = start + (row & ROW_LEN);
      for (let e = start; e < end; e++) {
        const x = entries[e]!;
        s[x & 0xff]! += sign * (x >> 8);
      }
    }
  }

  private entry(word: string): TypeEntry {
    let e = this.young.get(word);
    if (e) return e;
    e = this.old.get(word);
    if (!e) e = this.typeEntry(wordInfo(word, this.lexicon), this.tagdict.get(word) ?? -1);
    if (this.young.size >= this.generationTypes) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(word, e);
    return e;
  }

  private typeEntry(info: WordInfo, dict: number): TypeEntry {
    return { info, dict, v: null, prev2: 0, next2a: 0, next2b: 0 };
  }

  /**
   * The type's score vectors (see TypeEntry.v), and its prev2/next2 rows, on first use.
   * Uses this.scores and this.feats as scratch.
   */
  private vectors(e: TypeEntry): Int32Array {
    if (e.v) return e.v;
    const C = this.scores.length;
    const v = new Int32Array(3 * C);
    const s = this.scores;
    const feats = this.feats;
    const w = e.info;
    const fill = (at: number, n: number): void => {
      s.fill(0);
      this.addFeatures(1, n);
      v.set(s, at);
    };
    if (w !== SENTENCE_START && w !== SENTENCE_END) fill(0, positionFeatures(w, false, feats, ownFeatures(w, feats, 0)));
    fill(C, asPrevFeatures(w, feats, 0));
    fill(2 * C, asNextFeatures(w, feats, 0));
    asPrev2Features(w, feats, 0);
    e.prev2 = this.rowOf(feats[0]!);
    asNext2Features(w, feats, 0);
    e.next2a = this.rowOf(feats[0]!);
    e.next2b = this.rowOf(feats[1]!);
    e.v = v;
    return v;
  }
}

/** Smallest mid-cluster id a word can have (-3: sentence end padding; -1: not in the lexicon). */
const MID_MIN = -3;

/** The feature hashes are FNV outputs; a final avalanche spreads their low bits. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return (h ^ (h >>> 16)) >>> 0;
}
