/**
 * Inference for whole documents with the shipped one- or two-pass model, giving
 * exactly the tags of NerModel.decode on the full feature lists (reference.ts; the
 * scores are integer sums of the Int16 weights, so they may be summed in any grouping).
 * Time goes into random reads of the weight rows and into allocation, so:
 *  - the passes' models share one rank index and one row per bucket, pass 1's 17
 *    weights beside pass 2's, so a bucket is located once and read from adjacent
 *    memory for both, and the rows are packed to their non-zeros (sparse-rows.ts);
 *  - pass 2's emission scores from the features it shares with pass 1 are summed
 *    while pass 1 is scored; pass 2 then adds only the prediction-history features;
 *  - a word type's features in one role (its own, as each neighbour, and its flags
 *    in ordinary sentences) are summed once per type into one arena, not an array per
 *    type; the rarer flagged roles (sentence-initial, capitals-only) are read on the spot;
 *  - a sentence's types are looked up in the arena once, not once per role they play;
 *  - the three shape templates of a token are summed once per triple of shape ids
 *    (a few thousand triples cover most text, and those rows are the widest), and the
 *    capitalisation statistics once per code (features.ts's DocumentHashes);
 *  - buffers are reused from document to document.
 * A new word type costs most: its sums are written to arena memory never touched
 * before, and a first touch of a page is a page fault (~14 µs on the VMs this runs on),
 * so the arena keeps five sums per type, not six.
 */
import { registerScratch, roomFor, type ScratchHolder } from '../../core/scratch.js';
import { viterbiPath, type Transitions } from './decode.js';
import { DOC_CODES, docCodeHashes, documentHashes, shapeHashes } from './features.js';
import { historyHashesById, historyLabels } from './history.js';
import { indexOf, rankOf, rowAt, type NerModel } from './model.js';
import { addPass2, addRow, sparseRows, subRow, type SparseRows } from './sparse-rows.js';
import type { NerResources } from './resources.js';
import { NUM_TAGS, spansFromBilou, type TokenSpan } from './tags.js';
import { TripleMemo } from './triple-memo.js';
import { ROLE, ROLE_AT, type WordType } from './word-types.js';

const T = NUM_TAGS;
/**
 * Roles summed per type: ROLE.own to ROLE.next2. Role 0 holds the own features plus
 * the flags of a token neither first nor in capitals (most tokens, which so read one
 * sum fewer); the rarer flagged token subtracts those flags and adds its own. Keeping
 * a sixth sum of the own features alone for them cost every new type 17% more arena,
 * which is fresh memory, and first touches of pages are slow (a page fault costs
 * ~14 µs on the VMs this runs on).
 */
const KEPT_ROLES = ROLE.next2 + 1;
/** Flag role of a token neither first nor in a capitals-only sentence (see word-types.ts's NUM_ROLES). */
const ORDINARY_FLAGS = ROLE.flags;
/**
 * Types whose sums the arena holds before it starts again (0.7 MB per thousand with two
 * passes). It is allocated whole, once: grown as needed, each doubling copied it and
 * touched fresh pages, which cost more than all the sums written there. Starting again
 * costs one summing of the few hundred types an article uses (a few ms, every few
 * hundred articles).
 */
const MAX_ARENA_TYPES = 16_384;

/**
 * Shape triples whose sums are kept (0.55 MB with two passes). News text uses a few
 * thousand (2,400 in 280 BBC articles); when full, the memo starts again.
 */
const MAX_SHAPE_TRIPLES = 4096;

/** First size of the document buffers, in tokens; they grow with the document. */
const FIRST_TOKENS = 2048;

/** Arena keys: a type's slot is valid only while its slotKey is the decoder's current key. */
let nextKey = 0;

export class DocumentDecoder implements ScratchHolder {
  private readonly passes: number;
  /** passes × tags: the length of a row and of a role's sums. */
  private readonly width: number;
  private readonly mask: number;
  private readonly index: Uint32Array;
  private readonly rows: SparseRows;
  private readonly trans: Transitions[];
  private arena: Int32Array;
  /** The arena's length when made, for MAX_ARENA_TYPES types; a long document may grow it. */
  private readonly firstArenaLength: number;
  private arenaTypes = 0;
  private key = nextKey++;
  private readonly acc: Int32Array;
  private e1 = new Float64Array(T * 256);
  /** Pass 2's emission scores of the whole document. */
  private e2 = new Float64Array(T * FIRST_TOKENS);
  private path = new Int8Array(FIRST_TOKENS);
  private labels = new Uint8Array(FIRST_TOKENS);
  /** Arena offsets of the sentence's context window (ctx[c0 .. c0 + n + 4)). */
  private slots = new Int32Array(256);
  /** Sums of the shape templates by shape triple (shapeSum), for ids of epoch shapeEpoch. */
  private readonly shapes = new TripleMemo(MAX_SHAPE_TRIPLES);
  private readonly shapeSums: Int32Array;
  private shapeEpoch = -1;
  private readonly three = new Uint32Array(3);
  /** Sums of the capitalisation statistics by doc code (DOC_CODES × width; code 0 has none). */
  private readonly docSums: Int32Array;

  constructor(models: readonly NerModel[]) {
    const bits = models[0]?.header.hashBits;
    if (bits === undefined || models.length > 2 || models.some((m) => m.header.hashBits !== bits)) {
      throw new Error('ner decoder: needs one or two models of the same hash size');
    }
    this.passes = models.length;
    this.width = this.passes * T;
    this.mask = (1 << bits) - 1;
    this.trans = models.map((m) => m.transitions());
    this.acc = new Int32Array(this.width);
    this.firstArenaLength = MAX_ARENA_TYPES * KEPT_ROLES * this.width;
    this.arena = new Int32Array(this.firstArenaLength);
    registerScratch(this, { weak: true });
    const compact = models.map((m) => m.compactWeights());
    const withRows: number[] = [];
    for (let w = 0; 32 * w <= this.mask; w++) {
      let x = 0;
      for (const c of compact) x |= c.index[2 * w]!;
      for (; x !== 0; x &= x - 1) withRows.push(32 * w + 31 - Math.clz32(x & -x));
    }
    this.index = indexOf(this.mask + 1, withRows);
    const rows = new Int16Array(withRows.length * this.width);
    compact.forEach((c, p) => {
      for (let u = 0; u < withRows.length; u++) {
        const r = rowAt(c.index, withRows[u]!);
        if (r < 0) continue;
        const to = u * this.width + p * T;
        for (let t = 0; t < T; t++) rows[to + t] = c.rows[r + t]!;
      }
    });
    this.rows = sparseRows(rows, this.passes, T);
    this.shapeSums = new Int32Array(MAX_SHAPE_TRIPLES * this.width);
    this.docSums = new Int32Array(DOC_CODES * this.width);
    for (let code = 0; code < DOC_CODES; code++) {
      this.acc.fill(0);
      for (const h of docCodeHashes(code)) this.add(h);
      this.docSums.set(this.acc, code * this.width);
    }
  }

  /** Bytes of the document-sized buffers (core/scratch.ts); the arena counts once grown. */
  bytes(): number {
    const grown = this.arena.length > this.firstArenaLength ? this.arena.byteLength : 0;
    return this.e2.byteLength + this.path.byteLength + this.labels.byteLength + grown;
  }

  /** Back to the first sizes after a long document; a new arena starts empty under a new key. */
  trim(): void {
    this.e2 = new Float64Array(T * FIRST_TOKENS);
    this.path = new Int8Array(FIRST_TOKENS);
    this.labels = new Uint8Array(FIRST_TOKENS);
    if (this.arena.length > this.firstArenaLength) {
      this.arena = new Int32Array(this.firstArenaLength);
      this.key = nextKey++;
      this.arenaTypes = 0;
    }
  }

  /** How many word types the arena holds before it starts again. */
  get arenaCapacity(): number {
    return Math.floor(this.arena.length / (KEPT_ROLES * this.width));
  }

  /** Entity spans for each sentence of one document. */
  tag(sentences: readonly (readonly string[])[], res: NerResources): TokenSpan[][] {
    const doc = documentHashes(sentences, res);
    const { ctx, ctxStart, tokenStart, allCaps, hashes, offsets, docCodes } = doc;
    if (doc.shapeEpoch !== this.shapeEpoch) {
      this.shapes.clear();
      this.shapeEpoch = doc.shapeEpoch;
    }
    const { shapeSums, docSums } = this;
    const S = sentences.length;
    const nDoc = tokenStart[S]!;
    this.makeRoom(ctx, nDoc);
    const P = this.passes;
    const W = this.width;
    if (this.path.length < nDoc) {
      this.path = new Int8Array(roomFor(nDoc));
      this.labels = new Uint8Array(roomFor(nDoc));
    }
    if (P > 1 && this.e2.length < nDoc * T) this.e2 = new Float64Array(roomFor(nDoc) * T);
    const { index, rows, mask, acc, path, labels } = this;
    const e2 = this.e2;
    const out: TokenSpan[][] = [];
    for (let s = 0; s < S; s++) {
      const n = tokenStart[s + 1]! - tokenStart[s]!;
      const c0 = ctxStart[s]!;
      const t0 = tokenStart[s]!;
      if (this.e1.length < n * T) this.e1 = new Float64Array(2 * n * T);
      if (this.slots.length < n + 4) this.slots = new Int32Array(2 * (n + 4));
      const e1 = this.e1;
      const slot = this.slots;
      for (let c = 0; c < n + 4; c++) slot[c] = this.slotOf(ctx[c0 + c]!);
      const a = this.arena;
      const sentenceFlags = allCaps[s] ? 2 : 0;
      for (let i = 0; i < n; i++) {
        const cur = slot[i + 2]!;
        const p1 = slot[i + 1]! + ROLE.prev * W;
        const n1 = slot[i + 3]! + ROLE.next * W;
        const p2 = slot[i]! + ROLE.prev2 * W;
        const n2 = slot[i + 4]! + ROLE.next2 * W;
        const flags = sentenceFlags + (i === 0 ? 1 : 0);
        const sh = this.shapeSum(ctx[c0 + i + 1]!, ctx[c0 + i + 2]!, ctx[c0 + i + 3]!);
        const dc = docCodes[t0 + i]! * W;
        for (let w = 0; w < W; w++) {
          acc[w] = a[cur + w]! + a[p1 + w]! + a[n1 + w]! + a[p2 + w]! + a[n2 + w]! + shapeSums[sh + w]! + docSums[dc + w]!;
        }
        if (flags !== 0) {
          const h = ctx[c0 + i + 2]!.hashes;
          this.addRole(h, ORDINARY_FLAGS, -1);
          this.addRole(h, ROLE.flags + flags, 1);
        }
        const end = offsets[t0 + i + 1]!;
        for (let k = offsets[t0 + i]!; k < end; k++) {
          const r = rankOf(index, hashes[k]! & mask);
          if (r >= 0) addRow(rows, r, acc, W, T);
        }
        for (let t = 0; t < T; t++) e1[i * T + t] = acc[t]!;
        if (P > 1) for (let t = 0; t < T; t++) e2[(t0 + i) * T + t] = acc[T + t]!;
      }
      viterbiPath(e1, 0, n, this.trans[0]!, path, t0);
      const spans = spansFromBilou(path.subarray(t0, t0 + n));
      if (P > 1) historyLabels(labels, t0, n, spans);
      out.push(spans);
    }
    if (P === 1) return out;

    const hist = historyHashesById(doc.histIds, nDoc, labels);
    for (let t = 0; t < nDoc; t++) {
      const end = hist.offsets[t + 1]!;
      for (let k = hist.offsets[t]!; k < end; k++) {
        const r = rankOf(index, hist.hashes[k]! & mask);
        if (r >= 0) addPass2(rows, r, e2, t * T, T);
      }
    }
    for (let s = 0; s < S; s++) {
      const t0 = tokenStart[s]!;
      const n = tokenStart[s + 1]! - t0;
      viterbiPath(e2, t0 * T, n, this.trans[1]!, path, t0);
      out[s] = spansFromBilou(path.subarray(t0, t0 + n));
    }
    return out;
  }

  /**
   * Room in the arena for the document's types that have no slot yet. Its tokens and two
   * pads bound them, which settles an ordinary article without counting; a long document
   * repeats most of its words, so it is counted rather than given room for every token
   * (a 4 MB text would otherwise reserve some 600 MB).
   */
  private makeRoom(ctx: readonly WordType[], nDoc: number): void {
    const size = KEPT_ROLES * this.width;
    const free = Math.floor(this.arena.length / size) - this.arenaTypes;
    if (nDoc + 2 <= free) return;
    const all = new Set<WordType>(ctx);
    let fresh = 0;
    for (const t of all) if (t.slotKey !== this.key) fresh++;
    if (fresh <= free) return;
    this.key = nextKey++;
    this.arenaTypes = 0;
    if (all.size * size > this.arena.length) this.arena = new Int32Array(all.size * size);
  }

  /** Adds a feature's row (all passes) to acc. */
  private add(hash: number): void {
    const r = rankOf(this.index, hash & this.mask);
    if (r >= 0) addRow(this.rows, r, this.acc, this.width, T);
  }

  /**
   * Offset in shapeSums of the summed shape templates of token t between p1 and n1,
   * summed on first use of the triple. Uses acc: call before summing a token there.
   */
  private shapeSum(p1: WordType, t: WordType, n1: WordType): number {
    const memo = this.shapes;
    let e = memo.find(p1.shapeId, t.shapeId, n1.shapeId);
    if (e >= 0) return e * this.width;
    if (memo.size === memo.capacity) memo.clear();
    e = memo.add(p1.shapeId, t.shapeId, n1.shapeId);
    const three = this.three;
    shapeHashes(p1, t, n1, three);
    this.acc.fill(0);
    for (let k = 0; k < 3; k++) this.add(three[k]!);
    this.shapeSums.set(this.acc, e * this.width);
    return e * this.width;
  }

  /** Adds (sign 1) or subtracts (-1) the rows (all passes) of the type's features in one role to acc. */
  private addRole(h: Uint32Array, role: number, sign: 1 | -1): void {
    const { index, rows, mask, acc } = this;
    const end = h[ROLE_AT + role + 1]!;
    for (let j = h[ROLE_AT + role]!; j < end; j++) {
      const r = rankOf(index, h[j]! & mask);
      if (r < 0) continue;
      if (sign > 0) addRow(rows, r, acc, this.width, T);
      else subRow(rows, r, acc, this.width, T);
    }
  }

  /** Where the arena holds the type's summed roles (KEPT_ROLES × width), summed on first use. */
  private slotOf(type: WordType): number {
    if (type.slotKey === this.key) return type.slot;
    const W = this.width;
    const size = KEPT_ROLES * W;
    const at = this.arenaTypes * size;
    const { acc } = this;
    const a = this.arena;
    const h = type.hashes;
    for (let role = 0; role < KEPT_ROLES; role++) {
      acc.fill(0);
      this.addRole(h, role, 1);
      if (role === ROLE.own) this.addRole(h, ORDINARY_FLAGS, 1);
      const to = at + role * W;
      for (let w = 0; w < W; w++) a[to + w] = acc[w]!;
    }
    type.slot = at;
    type.slotKey = this.key;
    this.arenaTypes++;
    return at;
  }
}
