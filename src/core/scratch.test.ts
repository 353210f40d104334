import { describe, expect, it } from 'vitest';
import { Doc, emptyMeta } from './doc.js';
import { Pipeline } from './pipeline.js';
import { KEEP_BYTES, registerScratch, trimScratch, type ScratchHolder } from './scratch.js';

/** A holder whose buffer grows like a stage's: doubled on demand, dropped to its first size on trim. */
function holder(first: number): ScratchHolder & { grow(bytes: number): void; trims: number } {
  let buf = new Uint8Array(first);
  return {
    trims: 0,
    grow(bytes: number): void {
      if (buf.length < bytes) buf = new Uint8Array(2 * bytes);
    },
    bytes: () => buf.byteLength,
    trim(): void {
      this.trims++;
      buf = new Uint8Array(first);
    },
  };
}

describe('scratch buffers', () => {
  it('trims only the holders that grew past the limit, and says how much it gave back', () => {
    const small = holder(1024);
    const big = holder(1024);
    registerScratch(small);
    registerScratch(big);
    small.grow(KEEP_BYTES / 4);
    big.grow(KEEP_BYTES);
    const released = trimScratch();
    expect(big.trims).toBe(1);
    expect(small.trims).toBe(0);
    expect(released).toBe(2 * KEEP_BYTES - 1024);
    expect(big.bytes()).toBe(1024);
    expect(small.bytes()).toBe(KEEP_BYTES / 2);
    expect(trimScratch(0)).toBeGreaterThanOrEqual(KEEP_BYTES / 2 - 1024);
    expect(small.trims).toBe(1);
  });

  it('runs after every stage of a pipeline, and after a document that fails', () => {
    const h = holder(16);
    registerScratch(h);
    const grows = { name: 'grows', version: '1', requires: [], assigns: [], run: () => h.grow(2 * KEEP_BYTES) };
    const fails = { name: 'fails', version: '1', requires: [], assigns: [], run: () => { h.grow(2 * KEEP_BYTES); throw new Error('bad input'); } };
    let seen = -1;
    const next = { name: 'next', version: '1', requires: [], assigns: [], run: () => void (seen = h.bytes()) };
    Pipeline.build([grows, next]).run(new Doc(['Some text.'], emptyMeta()));
    expect(seen).toBe(16);
    expect(h.trims).toBe(1);
    expect(() => Pipeline.build([fails]).run(new Doc(['Some text.'], emptyMeta()))).toThrow('bad input');
    expect(h.trims).toBe(2);
    expect(h.bytes()).toBe(16);
  });
});
