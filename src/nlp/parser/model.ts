/**
 * The weight tables and their file format. Features are never interned: a
 * feature is a 32-bit hash (features.ts) that picks one row in each of two
 * hashed tables, laid out so that a row is one contiguous run of memory:
 *
 *   actions: 2^actionBits rows of 16 weights: SHIFT, REDUCE, then LEFT-ARC
 *            and RIGHT-ARC for each of the 7 label groups (label-groups.ts),
 *            so scoring the moves reads one row per feature;
 *   labels:  2^labelBits rows of 64 weights (one per label, labels ordered by
 *            group), read only when an arc is made and then only the chosen
 *            group's run of labels. The arc's direction is folded into the
 *            row hash, so LEFT and RIGHT labels have their own (independently
 *            colliding) rows.
 *
 * The parser is bound by memory latency, not arithmetic, so the tables are
 * Int8 (a move row is 16 bytes, a label row one 64-byte line): random reads
 * into the ~16 MB the Int16 tables took cost ~3x those into the ~10 MB these
 * take (docs/decisions/0005). Each table has its own scale, since its
 * decision (move, or label) compares only its own sums.
 *
 * File: "NGDP", u32 header length, JSON header, then (when header.clusterBytes
 * is set) the raw-deflated word-cluster table, then the weights (action table,
 * then label table) as Int8 (scaled by header.scales), raw-deflated with
 * node:zlib.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { inflateRawWhole } from '../../core/inflate.js';
import { sharedTable } from '../../core/shared-tables.js';
import { ClusterTable } from './clusters.js';
import { FEATURE_VERSION, UPOS_CLASS_COUNT } from './features.js';

import { GROUP_COUNT, labelGroup } from './label-groups.js';
import { LEFT } from './transitions.js';

const MAGIC = 'NGDP';
const FORMAT = 3;
/** Classes of the move classifier: SHIFT, REDUCE, LEFT × group, RIGHT × group. */
export const N_CLASSES = 2 + 2 * GROUP_COUNT;
/** Weights per action row (N_CLASSES, padded to a power of two): 16 bytes. */
export const ACTION_STRIDE = 16;
/** Weights per label row: room for 64 labels, a row is one 64-byte line. */
export const LABEL_STRIDE = 64;
/** The largest Int8 weight (symmetric range, so that negating a weight never overflows). */
const Q_MAX = 127;
/** XORed into an Int32 word of four Int8 weights, adds 128 to each: bytes 0..255 (see addActionRows). */
const BYTE_BIAS = 0x80808080 | 0;
/** Bytes 0 and 2 of a word, each in a 16-bit half. */
const HALVES = 0x00ff00ff;
/** Rows one SWAR sum may hold: 257 × 255 < 2^16. */
const SWAR_MAX_ROWS = 257;
/** Per-direction salts of the label-row hash (LEFT, RIGHT). */
const DIR_SALT = [0x3c6ef372, 0x1f83d9ab] as const;

/** Int8 weights are the real weights times these (one scale per table). */
export interface TableScales {
  action: number;
  label: number;
}

/**
 * The feature slots (features.ts order) each table reads, when a model reads fewer
 * than all: each slot read is a random memory access per decision, so a model
 * trained on a subset decodes faster (training/parser-slot-usage.ts ranks slots).
 * null: every slot. A beam model may name only its label table's (its move scorer sums fixed
 * groups of all the slots, move-scorer.ts).
 */
export interface TableSlots {
  move: Int32Array | null;
  label: Int32Array | null;
}

export const ALL_SLOTS: TableSlots = { move: null, label: null };

/**
 * What a parse state records of an arc, and so what the features that read
 * arcs' labels (child labels, label sets) see: the fine label, or only its
 * label group (which the move class already decides), with the root arc
 * marked apart. With groups, a beam chooses no fine label while it searches:
 * each of its candidates' arcs would cost a label decision of ~100 table rows
 * (docs/decisions/0041), and the best parse's fine labels are chosen in one
 * pass after it (beam.ts).
 */
export type StateLabels = 'fine' | 'group' | 'group-class';

export interface ModelHeader {
  format: 3;
  featureVersion: number;
  actionBits: number;
  labelBits: number;
  labels: string[];
  scales: TableScales;
  /** Length of the deflated cluster table that follows the header, if any. */
  clusterBytes?: number;
  /** Slots read by each table, when not all (TableSlots). */
  slots?: { move?: number[]; label?: number[] };
  /** What parse states record of an arc, when not the fine label (StateLabels). */
  stateLabels?: 'group' | 'group-class';
  /** The beam's score margin (ParserModel.beamMargin), when set. */
  beamMargin?: number;
  /** Free-form facts about training (data, seed, epochs, dev scores). */
  trainedOn?: Record<string, unknown>;
}

/** Little-endian platforms (all that Node supports in practice) can read Int8 quads as Int32. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export class ParserModel {
  readonly labels: string[];
  readonly rootLabel: number;
  readonly nLabels: number;
  /** Group of each label, and each group's run of labels [groupStart[g], groupStart[g + 1]). */
  readonly groupOf: Int32Array;
  readonly groupStart: Int32Array;
  /** A group's one label other than root (nothing to score), or -1 when it has several. */
  readonly soleLabel: Int32Array;
  /** What a parse state records for the root arc: rootLabel, or with group state labels a mark of its own. */
  readonly stateRoot: number;
  /** Index of the first label row's first weight in `weights`. */
  readonly labelBase: number;
  private readonly actionMask: number;
  private readonly labelShift: number;
  /** The Int8 weights seen as Int32 quads (same memory), for the integer scorers. */
  private readonly w32: Int32Array | null;
  /** hashedSlots, computed on first use. */
  private usedSlots: Int32Array | null = null;
  /** Sink for the prefetching loads of labelScoresInt, so that they are not optimised away. */
  private sink = 0;

  constructor(
    labels: string[],
    readonly actionBits: number,
    readonly labelBits: number,
    readonly weights: Float32Array | Int8Array,
    readonly trainedOn: Record<string, unknown> = {},
    readonly clusters: ClusterTable | null = null,
    /** Int8 weights are the real weights times these. */
    readonly scales: TableScales = { action: 1, label: 1 },
    readonly slots: TableSlots = ALL_SLOTS,
    readonly stateLabels: StateLabels = 'fine',
    /**
     * For beam decoding: at each step, candidates scoring more than this below the best
     * are dropped (beam.ts), in real score units (Int8 sums divided by scales.action);
     * 0 keeps the whole beam. Measured for a model's recipe on dev (training/parser-margin.ts).
     */
    readonly beamMargin = 0,
  ) {
    if (!(beamMargin >= 0)) throw new Error(`parser: beam margin must be a number of at least 0, got ${beamMargin}`);
    if (labels.length > LABEL_STRIDE) throw new Error(`parser: at most ${LABEL_STRIDE} labels are supported`);
    if (actionBits < 1 || actionBits > 26 || labelBits < 1 || labelBits > 22) {
      throw new Error('parser: table sizes out of range');
    }
    // Groups are 0 .. GROUP_COUNT - 1 (times UPOS_CLASS_COUNT classes): the root arc's mark comes after.
    this.stateRoot = stateLabels === 'group' ? GROUP_COUNT
      : stateLabels === 'group-class' ? GROUP_COUNT * UPOS_CLASS_COUNT : labels.indexOf('root');
    this.labelBase = ACTION_STRIDE * 2 ** actionBits;
    if (weights.length !== this.labelBase + LABEL_STRIDE * 2 ** labelBits) {
      throw new Error('parser: weight table size does not match its header');
    }
    this.labels = labels;
    this.nLabels = labels.length;
    this.rootLabel = labels.indexOf('root');
    if (this.rootLabel < 0) throw new Error('parser: label set lacks "root"');
    this.groupOf = Int32Array.from(labels, labelGroup);
    this.groupStart = new Int32Array(GROUP_COUNT + 1);
    for (let l = 1; l < labels.length; l++) {
      if (this.groupOf[l]! < this.groupOf[l - 1]!) throw new Error('parser: labels must be ordered by group');
    }
    for (let g = 0; g <= GROUP_COUNT; g++) {
      let k = 0;
      while (k < labels.length && this.groupOf[k]! < g) k++;
      this.groupStart[g] = k;
    }
    this.soleLabel = Int32Array.from({ length: GROUP_COUNT }, (_, g) => {
      const ls: number[] = [];
      for (let l = this.groupStart[g]!; l < this.groupStart[g + 1]!; l++) if (l !== this.rootLabel) ls.push(l);
      return ls.length === 1 ? ls[0]! : -1;
    });
    this.actionMask = 2 ** actionBits - 1;
    this.labelShift = 32 - labelBits;
    this.w32 = weights instanceof Int8Array && LITTLE_ENDIAN && weights.byteOffset % 4 === 0
      ? new Int32Array(weights.buffer, weights.byteOffset, weights.length / 4)
      : null;
  }

  /** A zero model of the given shape (training starts from one). */
  static empty(
    labels: string[], actionBits: number, labelBits: number, clusters: ClusterTable | null, slots: TableSlots = ALL_SLOTS,
    stateLabels: StateLabels = 'fine',
  ): ParserModel {
    const size = ACTION_STRIDE * 2 ** actionBits + LABEL_STRIDE * 2 ** labelBits;
    return new ParserModel(labels, actionBits, labelBits, new Float32Array(size), {}, clusters, undefined, slots, stateLabels);
  }

  /**
   * What a state records of an arc of move class group g whose fine label is l,
   * to a dependent of word class k (StateLabels): l itself, g, or (g, k); the
   * root arc: stateRoot.
   */
  stateLabel(g: number, l: number, k: number): number {
    if (this.stateLabels === 'fine') return l;
    if (l === this.rootLabel) return this.stateRoot;
    return this.stateLabels === 'group' ? g : g * UPOS_CLASS_COUNT + k;
  }

  /**
   * The features table `which` reads, of the nf in fh: fh itself when it reads all,
   * else its slots' features copied into `out` (slots past nf, cluster slots of a
   * model without clusters, are skipped). Returns the array and sets `count.n`.
   */
  pick(which: 'move' | 'label', fh: Uint32Array, nf: number, out: Uint32Array, count: { n: number }): Uint32Array {
    const slots = this.slots[which];
    if (slots === null) {
      count.n = nf;
      return fh;
    }
    let k = 0;
    for (let i = 0; i < slots.length; i++) {
      const s = slots[i]!;
      if (s < nf) out[k++] = fh[s]!;
    }
    count.n = k;
    return out;
  }

  /**
   * The slots either table reads, ascending, or null when one reads every slot:
   * the only features a decoder needs to hash.
   */
  get hashedSlots(): Int32Array | null {
    const { move, label } = this.slots;
    if (move === null || label === null) return null;
    this.usedSlots ??= Int32Array.from(new Set([...move, ...label])).sort();
    return this.usedSlots;
  }

  /** Both tables read every feature slot (no `slots` subset): what beam search needs. */
  get readsEverySlot(): boolean {
    return this.slots.move === null && this.slots.label === null;
  }

  /** Int8 weights: inference can use the integer scorers. */
  get quantised(): boolean {
    return this.w32 !== null;
  }

  /** Weight i in real units (Int8 weights divided by their table's scale). */
  realWeight(i: number): number {
    return this.weights[i]! / (i < this.labelBase ? this.scales.action : this.scales.label);
  }

  /** Index of feature `fh`'s action row (fh = finish(feature hash), see hash.ts). */
  actionRow(fh: number): number {
    return (fh & this.actionMask) * ACTION_STRIDE;
  }

  /**
   * Index of feature `fh`'s label row for an arc in direction `action`. A
   * multiplicative hash of the salted value, so that the two directions'
   * rows, and the action row, collide independently.
   */
  labelRow(fh: number, action: number): number {
    const salt = action === LEFT ? DIR_SALT[0] : DIR_SALT[1];
    return this.labelBase + (Math.imul(fh ^ salt, 0x9e3779b1) >>> this.labelShift) * LABEL_STRIDE;
  }

  /**
   * Move scores (N_CLASSES) of the `nf` finished feature hashes `fh`: exact
   * sums of the weights (times the action scale for Int8 models). `rows` receives each
   * feature's row index, for a training update.
   */
  scoreActions(fh: Uint32Array, nf: number, out: Float64Array, rows: Int32Array): void {
    const w = this.weights;
    const mask = this.actionMask;
    out.fill(0, 0, N_CLASSES);
    for (let i = 0; i < nf; i++) {
      const r = (fh[i]! & mask) * ACTION_STRIDE;
      rows[i] = r;
      for (let c = 0; c < N_CLASSES; c++) out[c] = out[c]! + w[r + c]!;
    }
  }

  /** Scores of group g's labels, or of all (g < 0), written at their label index, for an arc in direction `action`. */
  scoreLabels(fh: Uint32Array, nf: number, action: number, g: number, out: Float64Array, rows: Int32Array): void {
    const w = this.weights;
    const lo = g < 0 ? 0 : this.groupStart[g]!;
    const hi = g < 0 ? this.nLabels : this.groupStart[g + 1]!;
    out.fill(0, lo, hi);
    for (let i = 0; i < nf; i++) {
      const r = this.labelRow(fh[i]!, action);
      rows[i] = r;
      for (let l = lo; l < hi; l++) out[l] = out[l]! + w[r + l]!;
    }
  }

  /**
   * Inference (Int8 models only): integer move scores. A row is four Int32
   * words holding the sixteen Int8 weights (lowest byte = first class).
   */
  actionScoresInt(fh: Uint32Array, nf: number, out: Int32Array, addr: Int32Array): void {
    const w32 = this.w32!;
    const mask = this.actionMask;
    // First pass: every row's address, touching it, so the misses overlap (see labelScoresInt).
    let touch = 0;
    for (let i = 0; i < nf; i++) {
      const r = (fh[i]! & mask) << 2;
      addr[i] = r;
      touch ^= w32[r]!;
    }
    this.sink ^= touch;
    out.fill(0, 0, ACTION_STRIDE);
    this.addActionRows(addr, nf, out);
  }

  /**
   * Inference (Int8 models only): adds to `out` the integer move scores of the
   * features fh[slots[0..ns)], as actionScoresInt does for all of them (integer
   * sums are exact, so subsets summed apart add up to the same scores).
   */
  addActionRowsInt(fh: Uint32Array, slots: Int32Array, ns: number, out: Int32Array, addr: Int32Array): void {
    const w32 = this.w32!;
    const mask = this.actionMask;
    let touch = 0;
    for (let i = 0; i < ns; i++) {
      const r = (fh[slots[i]!]! & mask) << 2;
      addr[i] = r;
      touch ^= w32[r]!;
    }
    this.sink ^= touch;
    this.addActionRows(addr, ns, out);
  }

  /**
   * Second pass of the move scorers: adds the rows at Int32 addresses addr[0..n) to out.
   * Two weights at a time (SWAR): a word's bytes, each biased by 128 to 0..255, are
   * masked into the 16-bit halves of two integers, so one add sums two classes. At most
   * 257 rows keep each half under 2^16 (no carry crosses into the next); the bias is
   * taken off at the end, so the sums are the exact ones.
   */
  private addActionRows(addr: Int32Array, n: number, out: Int32Array): void {
    if (n > SWAR_MAX_ROWS) throw new Error(`parser: ${n} rows exceed the ${SWAR_MAX_ROWS} one sum may hold`);
    const w32 = this.w32!;
    let a0 = 0, b0 = 0, a1 = 0, b1 = 0, a2 = 0, b2 = 0, a3 = 0, b3 = 0;
    for (let i = 0; i < n; i++) {
      const r = addr[i]!;
      const x0 = w32[r]! ^ BYTE_BIAS, x1 = w32[r + 1]! ^ BYTE_BIAS, x2 = w32[r + 2]! ^ BYTE_BIAS, x3 = w32[r + 3]! ^ BYTE_BIAS;
      a0 += x0 & HALVES; b0 += (x0 >>> 8) & HALVES;
      a1 += x1 & HALVES; b1 += (x1 >>> 8) & HALVES;
      a2 += x2 & HALVES; b2 += (x2 >>> 8) & HALVES;
      a3 += x3 & HALVES; b3 += (x3 >>> 8) & HALVES;
    }
    const off = 128 * n;
    out[0]! += (a0 & 0xffff) - off; out[1]! += (b0 & 0xffff) - off; out[2]! += (a0 >>> 16) - off; out[3]! += (b0 >>> 16) - off;
    out[4]! += (a1 & 0xffff) - off; out[5]! += (b1 & 0xffff) - off; out[6]! += (a1 >>> 16) - off; out[7]! += (b1 >>> 16) - off;
    out[8]! += (a2 & 0xffff) - off; out[9]! += (b2 & 0xffff) - off; out[10]! += (a2 >>> 16) - off; out[11]! += (b2 >>> 16) - off;
    out[12]! += (a3 & 0xffff) - off; out[13]! += (b3 & 0xffff) - off; out[14]! += (a3 >>> 16) - off; out[15]! += (b3 >>> 16) - off;
  }

  /**
   * Inference (Int8 models only): integer scores of group g's labels for an
   * arc in direction `action` (written at their label index, plus possibly
   * neighbours sharing an Int32 word), in two passes. The first computes every
   * feature's row and touches the group's words: a loop so small that the CPU
   * keeps many misses in flight, where the summing loop would stall on each.
   * The second sums four labels at a time in local integers. Integer sums are
   * exact in any order, so the result equals scoreLabels.
   */
  labelScoresInt(fh: Uint32Array, nf: number, action: number, g: number, out: Int32Array, addr: Int32Array): void {
    const w32 = this.w32!;
    const salt = action === LEFT ? DIR_SALT[0] : DIR_SALT[1];
    const shift = this.labelShift;
    const base = this.labelBase >> 2;
    const p0 = g < 0 ? 0 : this.groupStart[g]! >> 2;
    const p1 = ((g < 0 ? this.nLabels : this.groupStart[g + 1]!) + 3) >> 2;
    let touch = 0;
    for (let i = 0; i < nf; i++) {
      const r = base + ((Math.imul(fh[i]! ^ salt, 0x9e3779b1) >>> shift) << 4);
      addr[i] = r;
      touch ^= w32[r + p0]! ^ w32[r + p1 - 1]!;
    }
    this.sink ^= touch;
    if (nf > SWAR_MAX_ROWS) throw new Error(`parser: ${nf} rows exceed the ${SWAR_MAX_ROWS} one sum may hold`);
    const off = 128 * nf;
    for (let p = p0; p < p1; p++) {
      // Two labels per add, as in addActionRows.
      let a = 0, b = 0;
      for (let i = 0; i < nf; i++) {
        const x = w32[addr[i]! + p]! ^ BYTE_BIAS;
        a += x & HALVES;
        b += (x >>> 8) & HALVES;
      }
      out[4 * p] = (a & 0xffff) - off;
      out[4 * p + 1] = (b & 0xffff) - off;
      out[4 * p + 2] = (a >>> 16) - off;
      out[4 * p + 3] = (b >>> 16) - off;
    }
  }

  /** Serialise with weights quantised to Int8, per table (its |max| weight maps to 127). */
  toBuffer(): Buffer {
    let q: Int8Array;
    let scales = this.scales;
    if (this.weights instanceof Int8Array) {
      q = this.weights;
    } else {
      const f = this.weights;
      q = new Int8Array(f.length);
      const quantise = (lo: number, hi: number): number => {
        let max = 0;
        for (let i = lo; i < hi; i++) max = Math.max(max, Math.abs(f[i]!));
        const scale = max > 0 ? Q_MAX / max : 1;
        for (let i = lo; i < hi; i++) q[i] = Math.round(f[i]! * scale);
        return scale;
      };
      scales = { action: quantise(0, this.labelBase), label: quantise(this.labelBase, f.length) };
    }
    const clusters = this.clusters ? deflateRawSync(this.clusters.toBytes(), { level: 9 }) : null;
    const header: ModelHeader = {
      format: FORMAT,
      featureVersion: FEATURE_VERSION,
      actionBits: this.actionBits,
      labelBits: this.labelBits,
      labels: this.labels,
      scales,
      ...(clusters ? { clusterBytes: clusters.length } : {}),
      ...(!this.readsEverySlot ? {
        slots: {
          ...(this.slots.move ? { move: [...this.slots.move] } : {}),
          ...(this.slots.label ? { label: [...this.slots.label] } : {}),
        },
      } : {}),
      ...(this.stateLabels !== 'fine' ? { stateLabels: this.stateLabels } : {}),
      ...(this.beamMargin > 0 ? { beamMargin: this.beamMargin } : {}),
      trainedOn: this.trainedOn,
    };
    const json = Buffer.from(JSON.stringify(header), 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32LE(json.length, 0);
    const body = deflateRawSync(Buffer.from(q.buffer, q.byteOffset, q.byteLength), { level: 9 });
    return Buffer.concat([Buffer.from(MAGIC, 'ascii'), len, json, ...(clusters ? [clusters] : []), body]);
  }

  /** key: names the model file, so that threads may share its tables (core/shared-tables.ts). */
  static fromBuffer(buf: Uint8Array, key?: string): ParserModel {
    const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    if (b.length < 8 || b.toString('ascii', 0, 4) !== MAGIC) throw new Error('parser: not a parser model (bad magic)');
    const hlen = b.readUInt32LE(4);
    const header = JSON.parse(b.toString('utf8', 8, 8 + hlen)) as ModelHeader;
    if (header.format !== FORMAT) {
      throw new Error(`parser: model file format ${String(header.format)}, code reads format ${FORMAT}; retrain it`);
    }
    if (header.featureVersion !== FEATURE_VERSION) {
      throw new Error(`parser: model built for features v${header.featureVersion}, code has v${FEATURE_VERSION}`);
    }
    let at = 8 + hlen;
    let clusters: ClusterTable | null = null;
    if (header.clusterBytes) {
      clusters = ClusterTable.fromBytes(inflateRawSync(b.subarray(at, at + header.clusterBytes)));
      at += header.clusterBytes;
    }
    const tables = (): Int8Array => {
      const raw = inflateRawWhole(b.subarray(at), ACTION_STRIDE * 2 ** header.actionBits + LABEL_STRIDE * 2 ** header.labelBits);
      // A view when the inflated bytes sit 4-aligned (as a fresh large Buffer does): no
      // second copy of the tables at load. Otherwise copy into an aligned array.
      if (raw.byteOffset % 4 === 0) return new Int8Array(raw.buffer, raw.byteOffset, raw.byteLength);
      const q = new Int8Array(raw.byteLength);
      q.set(raw);
      return q;
    };
    // Ingest's threads share one copy of the tables (core/shared-tables.ts).
    const q = sharedTable(key && `${key}#tables`, tables);
    const slots: TableSlots = {
      move: header.slots?.move ? Int32Array.from(header.slots.move) : null,
      label: header.slots?.label ? Int32Array.from(header.slots.label) : null,
    };
    if (header.stateLabels !== undefined && header.stateLabels !== 'group' && header.stateLabels !== 'group-class') {
      throw new Error(`parser: unknown state labels "${String(header.stateLabels)}" in the model header`);
    }
    return new ParserModel(
      header.labels, header.actionBits, header.labelBits, q, header.trainedOn ?? {}, clusters, header.scales, slots,
      header.stateLabels ?? 'fine', header.beamMargin ?? 0,
    );
  }

  /**
   * Whether a beam can decode it: the beam's move scorer sums fixed groups of every slot
   * (move-scorer.ts), so its move table must read them all. Greedy models read fewer.
   */
  get beamDecodable(): boolean {
    return this.slots.move === null;
  }

  /** The same model (tables shared, not copied) decoded with another beam margin. */
  withBeamMargin(margin: number): ParserModel {
    return new ParserModel(
      this.labels, this.actionBits, this.labelBits, this.weights, this.trainedOn, this.clusters, this.scales, this.slots,
      this.stateLabels, margin,
    );
  }

  /** beamMargin in the units the decoder's sums are in: Int8 sums for a quantised model. */
  get beamMarginInSums(): number {
    return this.quantised ? this.beamMargin * this.scales.action : this.beamMargin;
  }
}
