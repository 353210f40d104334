/**
 * The trained tagger: a hashed weight table (buckets × BILOU tags, Int16 after
 * quantisation) plus a transition matrix. On disk the non-zero weights are stored as
 * delta-coded positions and values, brotli-compressed, behind a small JSON header.
 */
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import { emissions, TRANS_SIZE, viterbi } from './decode.js';
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

export class NerModel {
  readonly mask: number;

  constructor(
    readonly header: ModelHeader,
    readonly weights: Int16Array | Float32Array,
    readonly trans: Int16Array | Float32Array,
  ) {
    this.mask = (1 << header.hashBits) - 1;
    if (header.tags.join() !== BILOU_TAGS.join()) throw new Error('ner model: tag set mismatch');
    if (weights.length !== (1 << header.hashBits) * NUM_TAGS) throw new Error('ner model: weight table size');
    if (trans.length !== TRANS_SIZE) throw new Error('ner model: transition table size');
  }

  decode(feats: SentenceFeatures): Int8Array {
    const n = feats.offsets.length - 1;
    return viterbi(emissions(feats, this.weights, this.mask), this.trans, n);
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
    if (!(this.weights instanceof Int16Array) || !(this.trans instanceof Int16Array)) {
      throw new Error('ner model: quantise before saving');
    }
    const gaps: number[] = [];
    const values = new Int16Array(this.header.nonZero);
    let last = -1;
    let k = 0;
    for (let i = 0; i < this.weights.length; i++) {
      const v = this.weights[i]!;
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
    let pos = 4;
    const gapEnd = 4 + gapLen;
    const weights = new Int16Array((1 << header.hashBits) * NUM_TAGS);
    // Copy into fresh aligned arrays: the decompressed buffer's offsets may be odd.
    const values = new Int16Array(header.nonZero);
    new Uint8Array(values.buffer).set(body.subarray(gapEnd, gapEnd + 2 * header.nonZero));
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
      weights[idx] = values[k++]!;
    }
    const trans = new Int16Array(TRANS_SIZE);
    const transStart = gapEnd + 2 * header.nonZero;
    new Uint8Array(trans.buffer).set(body.subarray(transStart, transStart + 2 * TRANS_SIZE));
    return new NerModel(header, weights, trans);
  }
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
