/**
 * The trained tagger: a hashed weight table (buckets × BILOU tags, Int16 after
 * quantisation) plus a transition matrix. On disk the non-zero weights are stored as
 * delta-coded positions and values, brotli-compressed, behind a small JSON header.
 */
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import { emissions, TRANS_SIZE, transitions, viterbiPath, type Transitions } from './decode.js';
import type { SentenceFeatures } from './features.js';
import { BILOU_TAGS, NUM_TAGS } from './tags.js';

const MAGIC = 'NERP';

export interface ModelHeader {
  featureVersion: number;
  hashBits: number;
  tags: string[];
  /** Real weight = stored Int16 × scale. */
  scale: number;
  nonZero: number;
  trainedOn: string;
  /** 1: local and document features; 2: adds features from pass 1's predictions. */
  pass: number;
  /** Which lookup tables the features were trained with ("clusters", "gazetteer"). */
  resources: string[];
}

/**
 * Inference layout: only buckets with a non-zero weight keep a row, and each row holds
 * the weights of all tags of that bucket side by side (a few megabytes instead of the
 * dense 2^bits × 17 table). Which buckets have a row is a rank bit set of 2^bits / 4
 * bytes (128 kB at 19 bits, cache-resident, where a bucket → row Int32 table took
 * 2 MB), so a lookup costs one random read: the row itself.
 */
export interface CompactWeights {
  /**
   * Per 32 buckets b..b+31, two words: bit k set when bucket b+k has a row, and the
   * number of rows before bucket b. A bucket's row is the rank of its bit.
   */
  index: Uint32Array;
  rows: Int16Array;
}

/** Offset in `rows` of a bucket's row, or -1 when every weight of the bucket is zero. */
export function rowAt(index: Uint32Array, bucket: number): number {
  const r = rankOf(index, bucket);
  return r < 0 ? -1 : r * NUM_TAGS;
}

/** The number of the bucket's row (its rank among the buckets with rows), or -1 when it has none. */
export function rankOf(index: Uint32Array, bucket: number): number {
  const w = bucket >>> 5;
  const bits = index[2 * w]!;
  const bit = bucket & 31;
  if (((bits >>> bit) & 1) === 0) return -1;
  let x = bits & ((1 << bit) - 1);
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return index[2 * w + 1]! + (Math.imul(x, 0x01010101) >>> 24);
}

/** The rank index of the buckets that have rows, given in increasing order. */
export function indexOf(buckets: number, withRows: ArrayLike<number>): Uint32Array {
  const index = new Uint32Array(2 * Math.ceil(buckets / 32));
  for (let j = 0; j < withRows.length; j++) {
    const b = withRows[j]!;
    index[2 * (b >>> 5)] = (index[2 * (b >>> 5)]! | (1 << (b & 31))) >>> 0;
  }
  let before = 0;
  for (let w = 0; 2 * w < index.length; w++) {
    index[2 * w + 1] = before;
    let x = index[2 * w]!;
    while (x !== 0) {
      x &= x - 1;
      before++;
    }
  }
  return index;
}

/** Emission scores of the sentence being decoded, reused (grown as needed). */
let scoreBuf = new Float64Array(NUM_TAGS * 256);

export class NerModel {
  readonly mask: number;
  private dense: Int16Array | Float32Array | null;
  private compact: CompactWeights | null;
  private tr: Transitions | null = null;

  constructor(
    readonly header: ModelHeader,
    weights: Int16Array | Float32Array | null,
    readonly trans: Int16Array | Float32Array,
    compact: CompactWeights | null = null,
  ) {
    this.mask = (1 << header.hashBits) - 1;
    this.dense = weights;
    this.compact = compact;
    if (header.tags.join() !== BILOU_TAGS.join()) throw new Error('ner model: tag set mismatch');
    if (weights && weights.length !== (1 << header.hashBits) * NUM_TAGS) throw new Error('ner model: weight table size');
    if (!weights && (!compact || compact.index.length !== 2 * Math.ceil((1 << header.hashBits) / 32))) {
      throw new Error('ner model: weight table size');
    }
    if (trans.length !== TRANS_SIZE) throw new Error('ner model: transition table size');
  }

  /**
   * The dense buckets × tags table (training and serialisation). A loaded model keeps only
   * the compact rows, so this builds a fresh 2^bits × 17 table on each call: not for decoding.
   */
  get weights(): Int16Array | Float32Array {
    if (this.dense) return this.dense;
    const { index, rows } = this.compact!;
    const buckets = this.mask + 1;
    const w = new Int16Array(buckets * NUM_TAGS);
    for (let b = 0; b < buckets; b++) {
      const r = rowAt(index, b);
      if (r >= 0) w.set(rows.subarray(r, r + NUM_TAGS), b * NUM_TAGS);
    }
    return w;
  }

  /** The quantised weights as rows of the buckets that have any (see CompactWeights). */
  compactWeights(): CompactWeights {
    if (this.dense instanceof Float32Array) throw new Error('ner model: quantise before decoding from compact rows');
    return (this.compact ??= compactOf(this.dense as Int16Array, this.mask + 1));
  }

  /** The transition weights laid out for viterbiPath (kept only for a quantised model, whose weights never change). */
  transitions(): Transitions {
    if (!(this.trans instanceof Int16Array)) return transitions(this.trans);
    return (this.tr ??= transitions(this.trans));
  }

  /** Best tags of one sentence from its full feature lists (DocumentDecoder is the fast path for whole documents). */
  decode(feats: SentenceFeatures): Int8Array {
    const n = feats.offsets.length - 1;
    const path = new Int8Array(n);
    const scores = this.dense instanceof Float32Array ? emissions(feats, this.dense, this.mask) : this.scores(feats);
    viterbiPath(scores, 0, n, this.transitions(), path, 0);
    return path;
  }

  /** Emission scores (exact integer sums of the Int16 weights) into the shared buffer. */
  private scores(feats: SentenceFeatures): Float64Array {
    const { index, rows } = this.compactWeights();
    const T = NUM_TAGS;
    const n = feats.offsets.length - 1;
    if (scoreBuf.length < n * T) scoreBuf = new Float64Array(2 * n * T);
    const s = scoreBuf;
    s.fill(0, 0, n * T);
    const { hashes, offsets } = feats;
    const mask = this.mask;
    for (let i = 0; i < n; i++) {
      const base = i * T;
      const end = offsets[i + 1]!;
      for (let k = offsets[i]!; k < end; k++) {
        const r = rowAt(index, hashes[k]! & mask);
        if (r < 0) continue;
        for (let t = 0; t < T; t++) s[base + t]! += rows[r + t]!;
      }
    }
    return s;
  }

  /** Quantise float weights to Int16 with one shared scale (weights and transitions). */
  static quantise(header: Omit<ModelHeader, 'scale' | 'nonZero'>, w: Float32Array, trans: Float32Array): NerModel {
    let max = 0;
    for (const v of w) max = Math.max(max, Math.abs(v));
    for (const v of trans) max = Math.max(max, Math.abs(v));
    const scale = max > 0 ? max / 32767 : 1;
    const qw = new Int16Array(w.length);
    let nonZero = 0;
    for (let i = 0; i < w.length; i++) {
      const q = Math.round(w[i]! / scale);
      qw[i] = q;
      if (q !== 0) nonZero++;
    }
    const qt = Int16Array.from(trans, (v) => Math.round(v / scale));
    return new NerModel({ ...header, scale, nonZero }, qw, qt);
  }

  serialise(): Buffer {
    const weights = this.weights;
    if (!(weights instanceof Int16Array) || !(this.trans instanceof Int16Array)) {
      throw new Error('ner model: quantise before saving');
    }
    const gaps: number[] = [];
    const values = new Int16Array(this.header.nonZero);
    let last = -1;
    let k = 0;
    for (let i = 0; i < weights.length; i++) {
      const v = weights[i]!;
      if (v === 0) continue;
      writeVarint(gaps, i - last - 1);
      values[k++] = v;
      last = i;
    }
    const gapBytes = Uint8Array.from(gaps);
    const body = Buffer.concat([
      u32(gapBytes.length),
      gapBytes,
      Buffer.from(values.buffer, values.byteOffset, k * 2),
      Buffer.from(this.trans.buffer, this.trans.byteOffset, this.trans.byteLength),
    ]);
    const packed = brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    });
    const head = Buffer.from(JSON.stringify(this.header), 'utf8');
    return Buffer.concat([Buffer.from(MAGIC, 'ascii'), u32(head.length), head, packed]);
  }

  static deserialise(buf: Buffer): NerModel {
    if (buf.toString('ascii', 0, 4) !== MAGIC) throw new Error('ner model: bad magic');
    const headLen = buf.readUInt32LE(4);
    const header = JSON.parse(buf.toString('utf8', 8, 8 + headLen)) as ModelHeader;
    const body = brotliDecompressSync(buf.subarray(8 + headLen));
    const gapLen = body.readUInt32LE(0);
    const gapEnd = 4 + gapLen;
    // Copy into fresh aligned arrays: the decompressed buffer's offsets may be odd.
    const values = new Int16Array(header.nonZero);
    new Uint8Array(values.buffer).set(body.subarray(gapEnd, gapEnd + 2 * header.nonZero));
    const positions = new Int32Array(header.nonZero);
    let pos = 4;
    let idx = -1;
    let k = 0;
    while (pos < gapEnd) {
      let gap = 0;
      let shift = 0;
      let byte: number;
      do {
        byte = body[pos++]!;
        gap += (byte & 0x7f) * 2 ** shift;
        shift += 7;
      } while (byte & 0x80);
      idx += gap + 1;
      positions[k++] = idx;
    }
    // Positions increase: one row for each bucket that has a non-zero weight, in bucket order.
    const withRows = new Int32Array(k);
    let nRows = 0;
    for (let j = 0; j < k; j++) {
      const b = Math.floor(positions[j]! / NUM_TAGS);
      if (nRows === 0 || withRows[nRows - 1] !== b) withRows[nRows++] = b;
    }
    const rows = new Int16Array(nRows * NUM_TAGS);
    for (let j = 0, r = -1, last = -1; j < k; j++) {
      const p = positions[j]!;
      const b = Math.floor(p / NUM_TAGS);
      if (b !== last) {
        r++;
        last = b;
      }
      rows[r * NUM_TAGS + (p % NUM_TAGS)] = values[j]!;
    }
    const index = indexOf(1 << header.hashBits, withRows.subarray(0, nRows));
    const trans = new Int16Array(TRANS_SIZE);
    const transStart = gapEnd + 2 * header.nonZero;
    new Uint8Array(trans.buffer).set(body.subarray(transStart, transStart + 2 * TRANS_SIZE));
    return new NerModel(header, null, trans, { index, rows });
  }
}

/** Compact rows of a dense Int16 table (a freshly quantised model). */
function compactOf(dense: Int16Array, buckets: number): CompactWeights {
  const withRows: number[] = [];
  for (let b = 0; b < buckets; b++) {
    for (let t = 0; t < NUM_TAGS; t++) {
      if (dense[b * NUM_TAGS + t] !== 0) {
        withRows.push(b);
        break;
      }
    }
  }
  const rows = new Int16Array(withRows.length * NUM_TAGS);
  withRows.forEach((b, r) => rows.set(dense.subarray(b * NUM_TAGS, (b + 1) * NUM_TAGS), r * NUM_TAGS));
  return { index: indexOf(buckets, withRows), rows };
}

const BUNDLE_MAGIC = 'NERB';

/** The shipped file: one model per pass, in order. */
export function serialiseBundle(models: readonly NerModel[]): Buffer {
  const parts: Buffer[] = [Buffer.from(BUNDLE_MAGIC, 'ascii'), u32(models.length)];
  for (const m of models) {
    const b = m.serialise();
    parts.push(u32(b.length), b);
  }
  return Buffer.concat(parts);
}

export function deserialiseBundle(buf: Buffer): NerModel[] {
  if (buf.toString('ascii', 0, 4) !== BUNDLE_MAGIC) return [NerModel.deserialise(buf)];
  const n = buf.readUInt32LE(4);
  const models: NerModel[] = [];
  let pos = 8;
  for (let i = 0; i < n; i++) {
    const len = buf.readUInt32LE(pos);
    models.push(NerModel.deserialise(buf.subarray(pos + 4, pos + 4 + len)));
    pos += 4 + len;
  }
  return models;
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

function writeVarint(out: number[], n: number): void {
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
}
