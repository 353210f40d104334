/**
 * Greedy left-to-right averaged-perceptron tagger over the compact model.
 * Greedy rather than Viterbi/beam: exact search over the two previous tags
 * would score 102² tag pairs per word for about 0.1 point, while greedy
 * decoding is one pass; the next words' ambiguity classes (features.ts) give
 * it the look to the right that search would otherwise provide.
 *
 * Speed: scores are exact integer sums of the Int16 weights; the features of a
 * word alone (about half of them) are scored once per word type and cached as a
 * class-score vector, so each token looks up only its context features.
 */
import {
  MAX_STATIC, N_DYNAMIC, contextFeatures, dynamicFeatures, ownFeatures, wordInfo, type Lexicon, type WordInfo,
} from './features.js';
import type { PosModelData } from './model.js';

/** What the tagger keeps per word type. */
interface TypeEntry {
  info: WordInfo;
  /** Class from the tag dictionary, or -1 when the word must be scored. */
  dict: number;
  /** Scores of the word's own features, per class; null until first scored. */
  own: Int32Array | null;
}

/** Word types kept; past this the cache starts over (bounds memory at ~50 MB). */
const MAX_CACHED_TYPES = 100_000;

export class PosTagger {
  readonly classes: readonly string[];
  readonly upos: readonly string[];
  readonly xpos: readonly string[];
  /**
   * Open-addressing table, interleaved so one probe touches one cache line:
   * slots[2k] = feature hash, slots[2k+1] = row + 1 (0 = empty).
   */
  private readonly slots: Uint32Array;
  private readonly mask: number;
  private readonly rowStart: Uint32Array;
  /** Sparse rows, one Int32 per entry: weight (Int16) << 8 | class. */
  private readonly entries: Int32Array;
  private readonly tagdict = new Map<string, number>();
  private readonly scores: Int32Array;
  private readonly lexicon: Lexicon | null;
  /** Word → its features and cached scores, reused across sentences (word types repeat a lot). */
  private readonly cache = new Map<string, TypeEntry>();
  private readonly feats = new Uint32Array(MAX_STATIC + N_DYNAMIC);
  private ws: WordInfo[] = [];
  private es: TypeEntry[] = [];

  constructor(m: PosModelData) {
    const { header } = m;
    this.classes = header.classes;
    this.upos = header.classes.map((c) => c.slice(0, c.indexOf('|')));
    this.xpos = header.classes.map((c) => c.slice(c.indexOf('|') + 1));
    if (header.classes.length > 256) throw new Error('pos model: more than 256 classes');
    const F = m.hashes.length;
    let size = 1024;
    while (size < F * 2) size *= 2;
    this.mask = size - 1;
    this.slots = new Uint32Array(2 * size);
    this.rowStart = new Uint32Array(F + 1);
    for (let i = 0; i < F; i++) {
      const h = m.hashes[i]!;
      let k = mix(h) & this.mask;
      while (this.slots[2 * k + 1] !== 0) k = (k + 1) & this.mask;
      this.slots[2 * k] = h;
      this.slots[2 * k + 1] = i + 1;
      this.rowStart[i + 1] = this.rowStart[i]! + m.rowLength[i]!;
    }
    this.entries = new Int32Array(m.weights.length);
    for (let i = 0; i < m.weights.length; i++) this.entries[i] = (m.weights[i]! << 8) | m.classOf[i]!;
    const { words, classes } = header.tagdict;
    for (let i = 0; i < words.length; i++) this.tagdict.set(words[i]!, classes[i]!);
    this.scores = new Int32Array(header.classes.length);
    this.lexicon = m.lexicon;
  }

  /** Class ids for a sentence's words. */
  predict(words: readonly string[]): number[] {
    const n = words.length;
    const ws = this.ws;
    const es = this.es;
    ws.length = n;
    es.length = n;
    for (let i = 0; i < n; i++) {
      const e = this.entry(words[i]!);
      es[i] = e;
      ws[i] = e.info;
    }
    const out: number[] = new Array<number>(n);
    let t1 = -1;
    let t2 = -1;
    for (let i = 0; i < n; i++) {
      const e = es[i]!;
      let best = e.dict;
      if (best < 0) {
        const own = this.ownScores(e); // uses this.feats as scratch: before the context features
        let k = contextFeatures(ws, i, this.feats, 0);
        k = dynamicFeatures(ws, i, t1, t2, this.feats, k);
        best = this.argmax(own, k);
      }
      out[i] = best;
      t2 = t1;
      t1 = best;
    }
    return out;
  }

  /** Row of a feature hash, or -1 when the model has no weights for it. */
  private row(h: number): number {
    let k = mix(h) & this.mask;
    const slots = this.slots;
    for (;;) {
      const r = slots[2 * k + 1]!;
      if (r === 0) return -1;
      if (slots[2 * k] === h) return r - 1;
      k = (k + 1) & this.mask;
    }
  }

  private entry(word: string): TypeEntry {
    let e = this.cache.get(word);
    if (!e) {
      if (this.cache.size >= MAX_CACHED_TYPES) this.cache.clear();
      e = { info: wordInfo(word, this.lexicon), dict: this.tagdict.get(word) ?? -1, own: null };
      this.cache.set(word, e);
    }
    return e;
  }

  private ownScores(e: TypeEntry): Int32Array {
    if (e.own) return e.own;
    const v = new Int32Array(this.scores.length);
    this.accumulate(v, ownFeatures(e.info, this.feats, 0));
    e.own = v;
    return v;
  }

  /** Adds the rows of this.feats[0 .. n) to `s`. */
  private accumulate(s: Int32Array, n: number): void {
    const rowStart = this.rowStart;
    const entries = this.entries;
    for (let k = 0; k < n; k++) {
      const r = this.row(this.feats[k]!);
      if (r < 0) continue;
      const end = rowStart[r + 1]!;
      for (let e = rowStart[r]!; e < end; e++) {
        const x = entries[e]!;
        s[x & 0xff]! += x >> 8;
      }
    }
  }

  private argmax(own: Int32Array, n: number): number {
    const s = this.scores;
    s.set(own);
    this.accumulate(s, n);
    let best = 0;
    for (let c = 1; c < s.length; c++) if (s[c]! > s[best]!) best = c;
    return best;
  }
}

/** The feature hashes are FNV outputs; a final avalanche spreads their low bits. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return (h ^ (h >>> 16)) >>> 0;
}
