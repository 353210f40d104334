/**
 * Near-duplicate articles (syndicated copies, re-posts, lightly edited rewrites) from
 * their SimHash fingerprints (docs/corpus.md, "Near-duplicates").
 *
 * Two articles are near-duplicates when their fingerprints differ in at most
 * `maxDistance` bits. Syndicated copies with a new dateline, a boilerplate line and a
 * few edits differ by 6–12 bits (bench/corpus-eval.ts), too far for an exact pigeonhole
 * band index (it would need maxDistance + 1 bands of 5 bits, whose buckets hold
 * thousands of articles). Candidates therefore come from locality-sensitive tables:
 * each of LSH_TABLES tables keys a fingerprint by LSH_BITS fixed, pseudo-randomly
 * chosen bit positions, and two fingerprints are compared when they agree on all of one
 * table's bits. A pair r bits apart is found with probability
 * 1 − (1 − ((64 − r)/64)^LSH_BITS)^LSH_TABLES: over 0.999 at r ≤ 8, 0.99 at 10 and 0.97
 * at 12. Candidates are verified by their Hamming distance.
 *
 * Groups follow how syndication works: copies derive from one original, so a group is
 * a star around its original and every member is within maxDistance of it. Verified
 * pairs are merged closest first; two groups merge only when all members of the one
 * whose original is later stay within maxDistance of the earlier original. Plain
 * union-find over close pairs chains short templated reports into groups of hundreds
 * of unrelated articles (measured: precision falls from 97% to 24% between 12 and 16
 * bits).
 *
 * The original of a group is its earliest-published article (an article without a
 * date counts as later than any dated one), then the earliest ingested, then the
 * smallest key — a total order, so the result does not depend on the input order.
 */
import { mulberry32 } from '../core/rng.js';
import type { ArticleKey } from '../store/types.js';
import { popcount32, ZERO_SIMHASH } from './simhash.js';

const HEX16 = /^[0-9a-f]{16}$/;

export interface Fingerprint {
  key: ArticleKey;
  simhash: string;
  publisher: string | null;
  published: string | null;
  ingestedAt: string;
}

/** Chosen by measurement on syndicated-style copies (bench/corpus-eval.ts, docs/corpus.md). */
export const DEFAULT_MAX_DISTANCE = 12;

/**
 * Milliseconds since the epoch for an ISO date or datetime; a datetime without an
 * offset is read as UTC so that the order does not depend on the machine's time zone.
 * NaN when the value cannot be read.
 */
export function instant(value: string | null): number {
  if (value === null) return NaN;
  const v = value.trim();
  const local = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(v);
  return Date.parse(local ? v + 'Z' : v);
}

/** Negative when a should be the original rather than b (instants precomputed by the caller). */
function earlier(a: Fingerprint, b: Fingerprint, pa: number, pb: number, ia: number, ib: number): number {
  const ka = Number.isNaN(pa);
  const kb = Number.isNaN(pb);
  if (ka !== kb) return ka ? 1 : -1;
  if (!ka && pa !== pb) return pa - pb;
  if (!Number.isNaN(ia) && !Number.isNaN(ib) && ia !== ib) return ia - ib;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Tables and key bits of the candidate index (see the header for the recall they give). */
export const LSH_TABLES = 96;
export const LSH_BITS = 16;
/** Pairs one fingerprint may take part in (see findDuplicates). */
export const MAX_PARTNERS = 32;
/** Largest bucket-key space; small corpora use one about their size, so that a call stays cheap. */
const MAX_KEY_SPACE = 1 << 18;

/**
 * Fixed bit masks [high half, low half] for the tables, LSH_BITS bits each: a
 * seeded generator, so the index (and which borderline pairs it finds) never changes.
 */
const TABLE_MASKS: Array<[number, number]> = (() => {
  const next = mulberry32(0x2545f491);
  const masks: Array<[number, number]> = [];
  for (let t = 0; t < LSH_TABLES; t++) {
    const bits = new Set<number>();
    while (bits.size < LSH_BITS) bits.add(next() % 64);
    let hi = 0;
    let lo = 0;
    for (const b of bits) {
      if (b < 32) hi |= 1 << b;
      else lo |= 1 << (b - 32);
    }
    masks.push([hi >>> 0, lo >>> 0]);
  }
  return masks;
})();

function mix(hi: number, lo: number): number {
  let h = Math.imul(hi ^ 0x9e3779b9, 0x85ebca6b) ^ lo;
  h ^= h >>> 15;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 13)) >>> 0;
}

/**
 * Map every duplicate article's key to its group's original. Originals are not in
 * the map. Articles whose fingerprint is all zeros (no words) are never duplicates.
 * Throws RangeError naming the article on a fingerprint that is not 16 hex digits.
 */
export function findDuplicates(fps: readonly Fingerprint[], maxDistance = DEFAULT_MAX_DISTANCE): Map<ArticleKey, ArticleKey> {
  if (!Number.isInteger(maxDistance) || maxDistance < 0 || maxDistance > 63) {
    throw new RangeError(`findDuplicates: maxDistance must be an integer from 0 to 63, got ${maxDistance}`);
  }
  // One entry per distinct fingerprint: identical ones are joined up front, which also
  // keeps a corpus full of exact copies from filling the buckets.
  const byHash = new Map<string, number[]>();
  for (let i = 0; i < fps.length; i++) {
    const fp = fps[i]!;
    const h = fp.simhash.toLowerCase();
    if (!HEX16.test(h)) throw new RangeError(`findDuplicates: article ${fp.key} has simhash "${fp.simhash}", expected 16 hex digits`);
    if (h === ZERO_SIMHASH) continue;
    const list = byHash.get(h);
    if (list) list.push(i);
    else byHash.set(h, [i]);
  }
  const pub = Float64Array.from(fps, (f) => instant(f.published));
  const ing = Float64Array.from(fps, (f) => instant(f.ingestedAt));
  const before = (a: number, b: number): boolean => earlier(fps[a]!, fps[b]!, pub[a]!, pub[b]!, ing[a]!, ing[b]!) < 0;

  // Nodes are distinct fingerprints, in the order of their text so that ties break
  // the same way whatever the input order; each knows its earliest article.
  const distinct = [...byHash.keys()].sort();
  const n = distinct.length;
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  const first = new Int32Array(n);
  distinct.forEach((h, i) => {
    hi[i] = parseInt(h.slice(0, 8), 16);
    lo[i] = parseInt(h.slice(8), 16);
    const arts = byHash.get(h)!;
    let best = arts[0]!;
    for (const m of arts) if (before(m, best)) best = m;
    first[i] = best;
  });
  const dist = (i: number, j: number): number => popcount32((hi[i]! ^ hi[j]!) >>> 0) + popcount32((lo[i]! ^ lo[j]!) >>> 0);

  // Candidate pairs from the tables, verified, each pair once. A fingerprint keeps at
  // most MAX_PARTNERS pairs, the first the tables give it: templated texts (or a corpus
  // of boilerplate pages) put thousands of fingerprints within maxDistance of each
  // other, and listing every such pair took memory quadratic in them (10,000 close
  // fingerprints overflowed the pair set). A story syndicated to fewer outlets than that
  // keeps every pair.
  const found = new Set<number>();
  const partners = new Uint16Array(n);
  const pairs: Array<{ d: number; i: number; j: number }> = [];
  if (maxDistance > 0 && n > 1) {
    // Each table's buckets by counting sort on a key of up to 18 bits: no per-bucket arrays.
    let keySpace = 256;
    while (keySpace < n && keySpace < MAX_KEY_SPACE) keySpace *= 2;
    const keys = new Uint32Array(n);
    const start = new Int32Array(keySpace + 1);
    const fill = new Int32Array(keySpace);
    const slot = new Int32Array(n);
    for (const [mh, ml] of TABLE_MASKS) {
      start.fill(0);
      for (let i = 0; i < n; i++) {
        const k = mix(hi[i]! & mh, lo[i]! & ml) & (keySpace - 1);
        keys[i] = k;
        start[k + 1]!++;
      }
      for (let k = 0; k < keySpace; k++) start[k + 1]! += start[k]!;
      fill.set(start.subarray(0, keySpace));
      for (let i = 0; i < n; i++) slot[fill[keys[i]!]!++] = i;
      for (let k = 0; k < keySpace; k++) {
        const end = start[k + 1]!;
        for (let x = start[k]!; x < end - 1; x++) {
          const i = slot[x]!;
          const hx = hi[i]!;
          const lx = lo[i]!;
          for (let y = x + 1; y < end && partners[i]! < MAX_PARTNERS; y++) {
            const j = slot[y]!;
            if (partners[j]! >= MAX_PARTNERS) continue;
            // Same key but different masked bits (a hash collision) just costs a check.
            const d = popcount32((hx ^ hi[j]!) >>> 0) + popcount32((lx ^ lo[j]!) >>> 0);
            if (d > maxDistance) continue;
            const [a, b] = i < j ? [i, j] : [j, i];
            const id = a * n + b;
            if (found.has(id)) continue;
            found.add(id);
            partners[i]!++;
            partners[j]!++;
            pairs.push({ d, i: a, j: b });
          }
        }
      }
    }
  }
  pairs.sort((a, b) => a.d - b.d || a.i - b.i || a.j - b.j);

  // Star-shaped groups, merged closest pair first.
  const groupOf = Int32Array.from({ length: n }, (_, i) => i);
  const members: Array<number[] | null> = Array.from({ length: n }, (_, i) => [i]);
  const origin = Int32Array.from({ length: n }, (_, i) => i);
  for (const { i, j } of pairs) {
    const gi = groupOf[i]!;
    const gj = groupOf[j]!;
    if (gi === gj) continue;
    const oi = origin[gi]!;
    const oj = origin[gj]!;
    const [keep, drop, o] = before(first[oj]!, first[oi]!) ? [gj, gi, oj] : [gi, gj, oi];
    const moving = members[drop]!;
    if (!moving.every((m) => dist(m, o) <= maxDistance)) continue;
    const kept = members[keep]!;
    for (const m of moving) {
      groupOf[m] = keep;
      kept.push(m);
    }
    members[drop] = null;
  }

  const out: Array<[ArticleKey, ArticleKey]> = [];
  for (let g = 0; g < n; g++) {
    const list = members[g];
    if (!list) continue;
    const arts = list.flatMap((node) => byHash.get(distinct[node]!)!);
    if (arts.length < 2) continue;
    const orig = fps[first[origin[g]!]!]!.key;
    for (const m of arts) if (fps[m]!.key !== orig) out.push([fps[m]!.key, orig]);
  }
  out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return new Map(out);
}
