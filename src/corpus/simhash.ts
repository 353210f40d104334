/**
 * SimHash fingerprints for near-duplicate search (docs/corpus.md, "Near-duplicates").
 *
 * The text is normalised (lower-case, NFKC, everything but letters and digits is a word
 * break) and cut into overlapping word shingles; each shingle is hashed to 64 bits and
 * votes +1/−1 on every bit; the fingerprint keeps the bits with a positive total. Two
 * texts that share most shingles get fingerprints a few bits apart, unrelated texts
 * about 32 bits apart. Shingles of three words were chosen by measurement
 * (bench/corpus-eval.ts): single words make articles on one topic look alike, longer
 * shingles make a syndicated copy with a few edited words look less alike.
 *
 * The 64-bit hash is two FNV-1a 32-bit passes with different offset bases, each passed
 * through the MurmurHash3 finaliser so that every output bit depends on every input bit
 * (plain FNV-1a's high bits mix poorly on short strings). It is computed with 32-bit
 * integer arithmetic: BigInt would be several times slower here.
 */
import { fmix32 } from '../core/fmix.js';

/** Words per shingle. */
export const SHINGLE_WORDS = 3;

const FNV_PRIME = 0x01000193;
const BASIS_HI = 0x811c9dc5;
// A second basis, so that the two halves are different functions of the shingle.
const BASIS_LO = 0x050c5d1f;

/** 64-bit hash of a string as [high 32 bits, low 32 bits], both unsigned. */
export function hash64(s: string): [number, number] {
  let a = BASIS_HI;
  let b = BASIS_LO;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, FNV_PRIME);
    b = Math.imul(b ^ c, FNV_PRIME);
  }
  return [fmix32(a), fmix32(b ^ 0x9e3779b9)];
}

function hex32(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}

/** A 64-bit hash of a string as 16 hex digits (stable ids, e.g. cluster ids). */
export function hashHex(s: string): string {
  const [hi, lo] = hash64(s);
  return hex32(hi) + hex32(lo);
}

/** Lower-cased words of the text; punctuation, symbols and spacing are word breaks. */
export function words(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

export const ZERO_SIMHASH = '0000000000000000';

/**
 * 64-bit SimHash of the text over word shingles, as 16 hex digits. A text with fewer
 * words than a shingle is one shingle; a text without words is all zeros (the
 * duplicate search ignores that fingerprint).
 */
export function simhash(text: string, shingle = SHINGLE_WORDS): string {
  if (!Number.isInteger(shingle) || shingle < 1) throw new RangeError(`simhash: shingle size must be a positive integer, got ${shingle}`);
  const w = words(text);
  if (w.length === 0) return ZERO_SIMHASH;
  const votes = new Int32Array(64);
  const n = Math.max(1, w.length - shingle + 1);
  for (let i = 0; i < n; i++) {
    let s = w[i]!;
    for (let k = 1; k < shingle && i + k < w.length; k++) s += ' ' + w[i + k]!;
    const [hi, lo] = hash64(s);
    for (let bit = 0; bit < 32; bit++) {
      votes[bit]! += ((hi >>> (31 - bit)) & 1) === 1 ? 1 : -1;
      votes[32 + bit]! += ((lo >>> (31 - bit)) & 1) === 1 ? 1 : -1;
    }
  }
  let hi = 0;
  let lo = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (votes[bit]! > 0) hi |= 1 << (31 - bit);
    if (votes[32 + bit]! > 0) lo |= 1 << (31 - bit);
  }
  return hex32(hi) + hex32(lo);
}

const HEX16 = /^[0-9a-f]{16}$/i;

/** The fingerprint as [high, low] unsigned 32-bit halves; throws on anything but 16 hex digits. */
export function parseSimhash(h: string): [number, number] {
  if (!HEX16.test(h)) throw new RangeError(`simhash: expected 16 hex digits, got "${h}"`);
  return [parseInt(h.slice(0, 8), 16), parseInt(h.slice(8), 16)];
}

export function popcount32(n: number): number {
  n = n - ((n >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (Math.imul((n + (n >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/** Number of differing bits between two fingerprints (0–64). */
export function hamming(a: string, b: string): number {
  const [ah, al] = parseSimhash(a);
  const [bh, bl] = parseSimhash(b);
  return popcount32((ah ^ bh) >>> 0) + popcount32((al ^ bl) >>> 0);
}
