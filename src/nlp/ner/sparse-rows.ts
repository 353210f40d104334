/**
 * The document decoder's weight rows packed to their non-zero weights. A row holds both
 * passes' 34 Int16 weights, ~6 of them non-zero on average, and a rare feature's row is
 * a cache miss however it is laid out: in 32-byte slots a miss fetches one line where a
 * dense 68-byte row straddled two or three, the table shrinks from ~5 MB to ~3 MB, and
 * adding a row is a walk over its set bits instead of 34 additions.
 *
 * Slot of row r: Int32 words 8r (bit t set when pass 1's tag t has a weight) and 8r + 1
 * (the same for pass 2), then up to INLINE Int16 weights in that order at Int16 index
 * 16r + 4. A row with more non-zeros keeps its dense weights in `wide` instead: word 8r
 * is -1 (no tag set has all 32 bits) and word 8r + 1 its offset there.
 */

export const SLOT_WORDS = 8;
/** Weights a slot holds after its two bit sets: (32 - 8) / 2 bytes. */
const INLINE = 12;
const WIDE = -1;

export interface SparseRows {
  /** Int32 view of the slots (the bit sets, or WIDE and an offset). */
  slots: Int32Array;
  /** Int16 view of the same memory (the inline weights). */
  vals: Int16Array;
  /** Dense rows (passes × tags each) of the rows with more than INLINE non-zeros. */
  wide: Int16Array;
}

/** Packs `dense` (rows of passes × tags Int16 weights, pass by pass). */
export function sparseRows(dense: Int16Array, passes: number, tags: number): SparseRows {
  if (tags > 31 || passes > 2) throw new Error(`sparse rows: ${passes} passes of ${tags} tags do not fit a slot`);
  const width = passes * tags;
  const n = dense.length / width;
  const slots = new Int32Array(n * SLOT_WORDS);
  const vals = new Int16Array(slots.buffer);
  const wideRows: number[] = [];
  for (let r = 0; r < n; r++) {
    const from = r * width;
    let nz = 0;
    for (let w = 0; w < width; w++) if (dense[from + w] !== 0) nz++;
    const s = r * SLOT_WORDS;
    if (nz > INLINE) {
      slots[s] = WIDE;
      slots[s + 1] = wideRows.length * width;
      wideRows.push(r);
      continue;
    }
    let k = 2 * s + 4;
    for (let p = 0; p < passes; p++) {
      let bits = 0;
      for (let t = 0; t < tags; t++) {
        const v = dense[from + p * tags + t]!;
        if (v === 0) continue;
        bits |= 1 << t;
        vals[k++] = v;
      }
      slots[s + p] = bits;
    }
  }
  const wide = new Int16Array(wideRows.length * width);
  wideRows.forEach((r, i) => wide.set(dense.subarray(r * width, (r + 1) * width), i * width));
  return { slots, vals, wide };
}

/** Adds row r's weights of every pass to acc[0 .. passes × tags). */
export function addRow(rows: SparseRows, r: number, acc: Int32Array, width: number, tags: number): void {
  const s = r * SLOT_WORDS;
  const { slots } = rows;
  const b1 = slots[s]!;
  if (b1 === WIDE) {
    const { wide } = rows;
    const at = slots[s + 1]!;
    for (let w = 0; w < width; w++) acc[w]! += wide[at + w]!;
    return;
  }
  const { vals } = rows;
  let k = 2 * s + 4;
  for (let x = b1; x !== 0; x &= x - 1) acc[31 - Math.clz32(x & -x)]! += vals[k++]!;
  for (let x = slots[s + 1]!; x !== 0; x &= x - 1) acc[tags + 31 - Math.clz32(x & -x)]! += vals[k++]!;
}

/** Subtracts row r's weights of every pass from acc (addRow undone: the sums are exact integers). */
export function subRow(rows: SparseRows, r: number, acc: Int32Array, width: number, tags: number): void {
  const s = r * SLOT_WORDS;
  const { slots } = rows;
  const b1 = slots[s]!;
  if (b1 === WIDE) {
    const { wide } = rows;
    const at = slots[s + 1]!;
    for (let w = 0; w < width; w++) acc[w]! -= wide[at + w]!;
    return;
  }
  const { vals } = rows;
  let k = 2 * s + 4;
  for (let x = b1; x !== 0; x &= x - 1) acc[31 - Math.clz32(x & -x)]! -= vals[k++]!;
  for (let x = slots[s + 1]!; x !== 0; x &= x - 1) acc[tags + 31 - Math.clz32(x & -x)]! -= vals[k++]!;
}

/** Adds row r's pass-2 weights to out[at .. at + tags). */
export function addPass2(rows: SparseRows, r: number, out: Float64Array, at: number, tags: number): void {
  const s = r * SLOT_WORDS;
  const { slots } = rows;
  const b1 = slots[s]!;
  if (b1 === WIDE) {
    const { wide } = rows;
    const from = slots[s + 1]! + tags;
    for (let t = 0; t < tags; t++) out[at + t]! += wide[from + t]!;
    return;
  }
  const { vals } = rows;
  let k = 2 * s + 4 + popcount(b1);
  for (let x = slots[s + 1]!; x !== 0; x &= x - 1) out[at + 31 - Math.clz32(x & -x)]! += vals[k++]!;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
