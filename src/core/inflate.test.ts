import { deflateRawSync, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gunzipWhole, inflateRawWhole } from './inflate.js';

const text = Buffer.from('Baku\tAZ\n'.repeat(20000) + 'Yerevan\tAM\n');

describe('whole-file decompression', () => {
  it('gives what gunzipSync gives, for one member, several, and an empty file', () => {
    const one = gzipSync(text);
    expect(gunzipWhole(one).equals(text)).toBe(true);
    // The trailer then sizes only the last member: the rest still comes out.
    const two = Buffer.concat([gzipSync(text), gzipSync(Buffer.from('tail'))]);
    expect(gunzipWhole(two).equals(gunzipSync(two))).toBe(true);
    expect(gunzipWhole(gzipSync(Buffer.alloc(0))).length).toBe(0);
  });

  it('fails as gunzipSync does on a damaged trailer or a truncated file', () => {
    const bad = Buffer.from(gzipSync(text));
    bad.writeUInt32LE(0xfffffff0, bad.length - 4);
    expect(() => gunzipSync(bad)).toThrow();
    expect(() => gunzipWhole(bad)).toThrow();
    expect(() => gunzipWhole(gzipSync(text).subarray(0, 100))).toThrow();
  });

  it('inflates a raw stream of a known size, and of a wrongly stated one', () => {
    const raw = deflateRawSync(text);
    expect(inflateRawWhole(raw, text.length).equals(text)).toBe(true);
    expect(inflateRawWhole(raw, 10).equals(text)).toBe(true);
    expect(inflateRawWhole(raw, 0).equals(text)).toBe(true);
  });
});
