/**
 * The tagger's word types with their per-type score vectors, kept in two
 * generations: a young one that fills up, then becomes the old one (whose
 * types move back to the young one when seen again) while the previous old
 * one is dropped. Frequent types thus survive, and at most 2 × `generationTypes`
 * types are held.
 *
 * Vectors live in fixed-size blocks of Int32 that belong to a generation, not
 * in a typed array per type: V8 allocates each typed array of more than 64
 * bytes outside its heap (several µs, and external memory that brings on
 * garbage collections), which cost more than scoring a new type. A type moving
 * back to the young generation has its vectors copied there, so a dropped
 * generation's blocks hold nothing live and are reused whole: no block ever
 * grows, and memory stays mapped.
 */
import { ownString } from '../../core/own-string.js';
import type { WordInfo } from './features.js';

export interface TypeEntry {
  info: WordInfo;
  /** Class from the tag dictionary, or -1 when the word must be scored. */
  dict: number;
  /**
   * The block holding the type's score vectors from `at` on, null until first
   * use: 3 × classes Int32, the word's own features with its not-sentence-initial
   * position features, then the features it adds as the previous word, then as
   * the next word.
   */
  v: Int32Array | null;
  at: number;
  /** The generation whose block holds `v` (0: storage of its own, never dropped). */
  gen: number;
  /** Rows (see RowIndex.rowOf) of the one feature it adds as the word before the previous one… */
  prev2: number;
  /** …and of the two it adds as the word after next. */
  next2a: number;
  next2b: number;
}

export function typeEntry(info: WordInfo, dict: number): TypeEntry {
  return { info, dict, v: null, at: 0, gen: 0, prev2: 0, next2a: 0, next2b: 0 };
}

/** Types per block: ~150 kB blocks at 102 classes. */
const BLOCK_TYPES = 128;

export class TypeCache {
  private young = new Map<string, TypeEntry>();
  private old = new Map<string, TypeEntry>();
  private youngGen = 2;
  private youngBlocks: Int32Array[] = [];
  private oldBlocks: Int32Array[] = [];
  private readonly spare: Int32Array[] = [];
  private block: Int32Array | null = null;
  private blockAt = 0;

  /** width: Int32 per type's vectors. */
  constructor(private readonly width: number, private readonly generationTypes: number) {}

  /** The type's entry, made by `make` when neither generation holds it. */
  get(form: string, make: (word: string) => TypeEntry): TypeEntry {
    let e = this.young.get(form);
    if (e) return e;
    const word = ownString(form);
    if (this.young.size >= this.generationTypes) this.rotate();
    e = this.old.get(word);
    if (e) {
      const v = e.v;
      if (v) {
        const at = e.at;
        this.place(e);
        e.v!.set(v.subarray(at, at + this.width), e.at);
      } else {
        e.gen = this.youngGen;
      }
    } else {
      e = make(word);
    }
    this.young.set(word, e);
    return e;
  }

  /** Gives the entry room for its vectors in the young generation (zeroed), setting e.v, e.at and e.gen. */
  place(e: TypeEntry): void {
    const w = this.width;
    if (!this.block || this.blockAt + w > this.block.length) {
      this.block = this.spare.pop() ?? new Int32Array(BLOCK_TYPES * w);
      this.youngBlocks.push(this.block);
      this.blockAt = 0;
    }
    const b = this.block;
    const at = this.blockAt;
    // A recycled block holds a dropped generation's vectors.
    b.fill(0, at, at + w);
    e.v = b;
    e.at = at;
    e.gen = this.youngGen;
    this.blockAt = at + w;
  }

  private rotate(): void {
    const dropped = this.youngGen - 1;
    // Entries the dropped generation alone held lose their vectors (anything still
    // holding such an entry scores it again); moved ones were copied to the young blocks.
    for (const e of this.old.values()) {
      if (e.gen === dropped) e.v = null;
    }
    for (const b of this.oldBlocks) this.spare.push(b);
    this.oldBlocks = this.youngBlocks;
    this.youngBlocks = [];
    this.block = null;
    this.old = this.young;
    this.young = new Map();
    this.youngGen++;
  }
}
