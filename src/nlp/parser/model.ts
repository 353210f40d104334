/**
 * The weight table and its file format. Weights live in one hashed table of
 * 2^bits floats; a feature's weights for 8 consecutive classes share one
 * 32-byte block, so scoring ~100 classes costs ~13 cache lines per feature
 * instead of ~100 scattered reads, while (feature, class-block) pairs still
 * spread over the whole table like a hash kernel.
 *
 * File: "NGDP", u32 header length, JSON header, then (when header.clusterBytes
 * is set) the raw-deflated word-cluster table, then the weights as Int16
 * (little-endian, scaled by header.scale), raw-deflated with node:zlib.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { ClusterTable } from './clusters.js';
import { combine, finish } from './hash.js';
import { FEATURE_VERSION } from './features.js';
import { classCount } from './transitions.js';

export const BLOCK = 8;
const MAGIC = 'NGDP';
/** Room for 64 labels: 2 + 2·64 classes in blocks of 8. */
const MAX_BLOCKS = 17;

/**
 * One hash per feature, XORed with a fixed random salt per class block: as good
 * as hashing (feature, block) pairs, since two features that collide in one
 * pair of blocks do not thereby collide in any other pair, at 1/13 the cost.
 */
const BLOCK_SALT = Int32Array.from({ length: MAX_BLOCKS }, (_, g) => finish(combine(0x2545f491, g)));

export interface ModelHeader {
  format: 1;
  featureVersion: number;
  bits: number;
  labels: string[];
  scale: number;
  /** Length of the deflated cluster table that follows the header, if any. */
  clusterBytes?: number;
  /** Free-form facts about training (data, seed, epochs, dev scores). */
  trainedOn?: Record<string, unknown>;
}

// Two copies of one loop, so that each stays monomorphic in its array type;
// unrolled by hand because V8 does not, and it halves parse time.
function addFloat32(
  w: Float32Array, G: number, mask: number, feats: Int32Array, nf: number, need: Uint8Array,
  scores: Float32Array, bases: Int32Array,
): void {
  for (let i = 0; i < nf; i++) {
    const h = finish(feats[i]!);
    for (let g = 0; g < G; g++) {
      if (need[g] === 0) continue;
      const b = ((h ^ BLOCK_SALT[g]!) & mask) * BLOCK;
      bases[i * G + g] = b;
      const o = g * BLOCK;
      scores[o] = scores[o]! + w[b]!;
      scores[o + 1] = scores[o + 1]! + w[b + 1]!;
      scores[o + 2] = scores[o + 2]! + w[b + 2]!;
      scores[o + 3] = scores[o + 3]! + w[b + 3]!;
      scores[o + 4] = scores[o + 4]! + w[b + 4]!;
      scores[o + 5] = scores[o + 5]! + w[b + 5]!;
      scores[o + 6] = scores[o + 6]! + w[b + 6]!;
      scores[o + 7] = scores[o + 7]! + w[b + 7]!;
    }
  }
}

function addInt16(
  w: Int16Array, G: number, mask: number, feats: Int32Array, nf: number, need: Uint8Array,
  scores: Float32Array, bases: Int32Array,
): void {
  for (let i = 0; i < nf; i++) {
    const h = finish(feats[i]!);
    for (let g = 0; g < G; g++) {
      if (need[g] === 0) continue;
      const b = ((h ^ BLOCK_SALT[g]!) & mask) * BLOCK;
      bases[i * G + g] = b;
      const o = g * BLOCK;
      scores[o] = scores[o]! + w[b]!;
      scores[o + 1] = scores[o + 1]! + w[b + 1]!;
      scores[o + 2] = scores[o + 2]! + w[b + 2]!;
      scores[o + 3] = scores[o + 3]! + w[b + 3]!;
      scores[o + 4] = scores[o + 4]! + w[b + 4]!;
      scores[o + 5] = scores[o + 5]! + w[b + 5]!;
      scores[o + 6] = scores[o + 6]! + w[b + 6]!;
      scores[o + 7] = scores[o + 7]! + w[b + 7]!;
    }
  }
}

/**
 * Inference scoring with Int16 weights, in two passes. The first computes every
 * (feature, needed block) address and touches one word there: that loop is so
 * small that the CPU keeps many cache misses in flight at once, where the
 * accumulating loop would stall on each. The second sums the (now cached) blocks
 * block by block in local integers, reading the Int16 pairs of a block as four
 * little-endian Int32 words `w32` (a view of the same memory; the low half is
 * the even class): half the loads and bounds checks. Int16 weights times
 * ≤ MAX_FEATURES features sum exactly in any order, so the scores equal the
 * Float32 sums of `score` bit for bit.
 */
function sumInt16(
  w32: Int32Array, salt: Int32Array, mask: number, feats: Int32Array, nf: number,
  blocks: Int32Array, nb: number, scores: Int32Array, addr: Int32Array,
): number {
  let touch = 0;
  for (let i = 0; i < nf; i++) {
    const h = finish(feats[i]!) & mask;
    for (let j = 0; j < nb; j++) {
      const b = (h ^ salt[blocks[j]!]!) << 2;
      addr[j * nf + i] = b;
      touch ^= w32[b]!;
    }
  }
  for (let j = 0; j < nb; j++) {
    let k = j * nf;
    const end = k + nf;
    let l0 = 0, h0 = 0, l1 = 0, h1 = 0, l2 = 0, h2 = 0, l3 = 0, h3 = 0;
    for (; k < end; k++) {
      const b = addr[k]!;
      const x0 = w32[b]!, x1 = w32[b + 1]!, x2 = w32[b + 2]!, x3 = w32[b + 3]!;
      l0 += (x0 << 16) >> 16;
      h0 += x0 >> 16;
      l1 += (x1 << 16) >> 16;
      h1 += x1 >> 16;
      l2 += (x2 << 16) >> 16;
      h2 += x2 >> 16;
      l3 += (x3 << 16) >> 16;
      h3 += x3 >> 16;
    }
    const o = blocks[j]! << 3;
    scores[o] = l0;
    scores[o + 1] = h0;
    scores[o + 2] = l1;
    scores[o + 3] = h1;
    scores[o + 4] = l2;
    scores[o + 5] = h2;
    scores[o + 6] = l3;
    scores[o + 7] = h3;
  }
  return touch;
}

/** Little-endian platforms (all that Node supports in practice) can read Int16 pairs as Int32. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Int16 scoring one value at a time: the fallback for big-endian platforms. */
function sumInt16Plain(
  w: Int16Array, salt: Int32Array, mask: number, feats: Int32Array, nf: number,
  blocks: Int32Array, nb: number, scores: Int32Array,
): void {
  for (let j = 0; j < nb; j++) scores.fill(0, blocks[j]! << 3, (blocks[j]! + 1) << 3);
  for (let i = 0; i < nf; i++) {
    const h = finish(feats[i]!) & mask;
    for (let j = 0; j < nb; j++) {
      const b = (h ^ salt[blocks[j]!]!) << 3;
      const o = blocks[j]! << 3;
      for (let c = 0; c < BLOCK; c++) scores[o + c] = scores[o + c]! + w[b + c]!;
    }
  }
}

export class ParserModel {
  readonly labels: string[];
  readonly rootLabel: number;
  readonly nClasses: number;
  readonly nBlocks: number;
  readonly blockMask: number;
  readonly bits: number;
  /** BLOCK_SALT masked to the block index range: (h ^ s) & m = (h & m) ^ (s & m). */
  private readonly saltMasked: Int32Array;
  /** Sink for the prefetching loads of sumInt16, so that they are not optimised away. */
  private touched = 0;
  /** The Int16 weights seen as Int32 pairs (same memory), for scoreInt. */
  private readonly w32: Int32Array | null;

  constructor(
    labels: string[],
    bits: number,
    readonly weights: Float32Array | Int16Array,
    readonly trainedOn: Record<string, unknown> = {},
    readonly clusters: ClusterTable | null = null,
    /** Int16 weights are the real weights times this. */
    readonly scale = 1,
  ) {
    if (labels.length > 64) throw new Error('parser: at most 64 labels are supported');
    if (weights.length !== 2 ** bits) throw new Error('parser: weight table size does not match bits');
    this.labels = labels;
    this.bits = bits;
    this.rootLabel = labels.indexOf('root');
    if (this.rootLabel < 0) throw new Error('parser: label set lacks "root"');
    this.nClasses = classCount(labels.length);
    this.nBlocks = Math.ceil(this.nClasses / BLOCK);
    if (this.nBlocks > MAX_BLOCKS) throw new Error('parser: too many classes');
    this.blockMask = (2 ** bits) / BLOCK - 1;
    this.saltMasked = BLOCK_SALT.map((x) => x & this.blockMask);
    this.w32 = weights instanceof Int16Array && LITTLE_ENDIAN && weights.byteOffset % 4 === 0
      ? new Int32Array(weights.buffer, weights.byteOffset, weights.length / 2)
      : null;
  }

  /** Int16 weights: inference can use `scoreInt`. */
  get int16(): boolean {
    return this.weights instanceof Int16Array;
  }

  /**
   * Inference-only scoring for Int16 models: writes into `scores` the exact
   * (integer) sums of the `nf` features' weights for the `nb` class blocks listed
   * in `blocks`; other blocks are left as they were. `addr` needs nf·nb slots.
   */
  scoreInt(
    feats: Int32Array, nf: number, blocks: Int32Array, nb: number, scores: Int32Array, addr: Int32Array,
  ): void {
    const w = this.weights;
    if (!(w instanceof Int16Array)) throw new Error('parser: scoreInt needs Int16 weights');
    if (this.w32) {
      this.touched ^= sumInt16(this.w32, this.saltMasked, this.blockMask, feats, nf, blocks, nb, scores, addr);
    } else {
      sumInt16Plain(w, this.saltMasked, this.blockMask, feats, nf, blocks, nb, scores);
    }
  }

  /**
   * Adds the weights of `nf` features to `scores` (length ≥ nBlocks*BLOCK) for
   * the class blocks flagged in `need` (blocks holding no valid class are
   * skipped: reads from the table are the parser's main cost), and records each
   * feature's block bases in `bases` for a later update. Loaded models keep
   * their Int16 weights: scores are then scaled by `scale`, which changes no
   * argmax, and the table takes half the cache.
   */
  score(feats: Int32Array, nf: number, need: Uint8Array, scores: Float32Array, bases: Int32Array): void {
    scores.fill(0);
    if (this.weights instanceof Int16Array) {
      addInt16(this.weights, this.nBlocks, this.blockMask, feats, nf, need, scores, bases);
    } else {
      addFloat32(this.weights, this.nBlocks, this.blockMask, feats, nf, need, scores, bases);
    }
  }

  /** Serialise with weights quantised to Int16 (the |max| weight maps to 32767). */
  toBuffer(): Buffer {
    let q: Int16Array;
    let scale = this.scale;
    if (this.weights instanceof Int16Array) {
      q = this.weights;
    } else {
      let max = 0;
      for (let i = 0; i < this.weights.length; i++) {
        const a = Math.abs(this.weights[i]!);
        if (a > max) max = a;
      }
      scale = max > 0 ? 32767 / max : 1;
      q = new Int16Array(this.weights.length);
      for (let i = 0; i < q.length; i++) q[i] = Math.round(this.weights[i]! * scale);
    }
    const clusters = this.clusters ? deflateRawSync(this.clusters.toBytes(), { level: 9 }) : null;
    const header: ModelHeader = {
      format: 1,
      featureVersion: FEATURE_VERSION,
      bits: this.bits,
      labels: this.labels,
      scale,
      ...(clusters ? { clusterBytes: clusters.length } : {}),
      trainedOn: this.trainedOn,
    };
    const json = Buffer.from(JSON.stringify(header), 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32LE(json.length, 0);
    const body = deflateRawSync(Buffer.from(q.buffer, q.byteOffset, q.byteLength), { level: 9 });
    return Buffer.concat([Buffer.from(MAGIC, 'ascii'), len, json, ...(clusters ? [clusters] : []), body]);
  }

  static fromBuffer(buf: Uint8Array): ParserModel {
    const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    if (b.toString('ascii', 0, 4) !== MAGIC) throw new Error('parser: not a parser model (bad magic)');
    const hlen = b.readUInt32LE(4);
    const header = JSON.parse(b.toString('utf8', 8, 8 + hlen)) as ModelHeader;
    if (header.format !== 1) throw new Error(`parser: unsupported model format ${String(header.format)}`);
    if (header.featureVersion !== FEATURE_VERSION) {
      throw new Error(`parser: model built for features v${header.featureVersion}, code has v${FEATURE_VERSION}`);
    }
    let at = 8 + hlen;
    let clusters: ClusterTable | null = null;
    if (header.clusterBytes) {
      clusters = ClusterTable.fromBytes(inflateRawSync(b.subarray(at, at + header.clusterBytes)));
      at += header.clusterBytes;
    }
    const raw = inflateRawSync(b.subarray(at));
    // Copy into an aligned buffer: the inflated Buffer may sit at an odd offset.
    const q = new Int16Array(raw.byteLength / 2);
    new Uint8Array(q.buffer).set(raw);
    return new ParserModel(header.labels, header.bits, q, header.trainedOn ?? {}, clusters, header.scale);
  }
}
