/**
 * Greedy left-to-right averaged-perceptron tagger over the compact model.
 * Greedy rather than Viterbi/beam: exact search over the two previous tags
 * would score 102² tag pairs per word for about 0.1 point, while greedy
 * decoding is one pass; the next words' ambiguity classes (features.ts) give
 * it the look to the right that search would otherwise provide.
 */
import {
  MAX_STATIC, N_DYNAMIC, dynamicFeatures, staticFeatures, wordInfo, type Lexicon, type WordInfo,
} from './features.js';
import type { PosModelData } from './model.js';

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
  private readonly weights: Float32Array;
  private readonly classOf: Uint8Array;
  private readonly tagdict = new Map<string, number>();
  private readonly scores: Float32Array;
  private readonly lexicon: Lexicon | null;
  /** Word → its features, reused across sentences (word types repeat a lot). */
  private readonly infoCache = new Map<string, WordInfo>();
  private readonly feats = new Uint32Array(MAX_STATIC + N_DYNAMIC);

  constructor(m: PosModelData) {
    const { header } = m;
    this.classes = header.classes;
    this.upos = header.classes.map((c) => c.slice(0, c.indexOf('|')));
    this.xpos = header.classes.map((c) => c.slice(c.indexOf('|') + 1));
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
    this.weights = new Float32Array(m.weights.length);
    for (let i = 0; i < m.weights.length; i++) this.weights[i] = m.weights[i]! * header.scale;
    this.classOf = m.classOf;
    const { words, classes } = header.tagdict;
    for (let i = 0; i < words.length; i++) this.tagdict.set(words[i]!, classes[i]!);
    this.scores = new Float32Array(header.classes.length);
    this.lexicon = m.lexicon;
  }

  /** Class ids for a sentence's words. */
  predict(words: readonly string[]): number[] {
    const ws = words.map((w) => this.info(w));
    const out: number[] = new Array<number>(words.length);
    let t1 = -1;
    let t2 = -1;
    for (let i = 0; i < ws.length; i++) {
      let best = this.tagdict.get(words[i]!);
      if (best === undefined) {
        let n = staticFeatures(ws, i, this.feats, 0);
        n = dynamicFeatures(ws, i, t1, t2, this.feats, n);
        best = this.argmax(n);
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

  private info(word: string): WordInfo {
    let w = this.infoCache.get(word);
    if (!w) {
      if (this.infoCache.size >= 100_000) this.infoCache.clear();
      w = wordInfo(word, this.lexicon);
      this.infoCache.set(word, w);
    }
    return w;
  }

  private argmax(n: number): number {
    const s = this.scores;
    s.fill(0);
    for (let k = 0; k < n; k++) {
      const r = this.row(this.feats[k]!);
      if (r < 0) continue;
      const end = this.rowStart[r + 1]!;
      for (let e = this.rowStart[r]!; e < end; e++) s[this.classOf[e]!]! += this.weights[e]!;
    }
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
