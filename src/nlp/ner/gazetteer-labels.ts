/**
 * Gazetteer features: which gazetteer entries cover each token (label codes 4 × type +
 * B/I/L/U), and the feature hashes of those labels. The features are written by
 * features.ts's writeSentence; the hashes are made once per type cache.
 */
import { fnv1a } from './hash.js';
import type { Gazetteer } from './resources.js';
import type { TokenInfo } from './word-types.js';

/** Hashes of the gazetteer features of each label "TYPE-P", by its code 4 × type + P (B, I, L, U). */
export interface GazHashes {
  g: Uint32Array;
  prev: Uint32Array;
  next: Uint32Array;
  /** By 4 × code + 2 × capitalised + all-caps sentence. */
  cap: Uint32Array;
}

const GAZ_POS = 'BILU';

export function gazHashes(gaz: Gazetteer): GazHashes {
  const n = 4 * gaz.typeNames.length;
  const out = { g: new Uint32Array(n), prev: new Uint32Array(n), next: new Uint32Array(n), cap: new Uint32Array(4 * n) };
  for (let code = 0; code < n; code++) {
    const label = `${gaz.typeNames[code >> 2]}-${GAZ_POS[code & 3]}`;
    out.g[code] = fnv1a(`g=${label}`);
    out.prev[code] = fnv1a(`g-1=${label}`);
    out.next[code] = fnv1a(`g+1=${label}`);
    for (const cap of [false, true]) {
      for (const ac of ['a', 'A']) out.cap[4 * code + (cap ? 2 : 0) + (ac === 'A' ? 1 : 0)] = fnv1a(`g|cap=${label}|${cap}|${ac}`);
    }
  }
  return out;
}

/**
 * Per-token gazetteer label codes (4 × type + B/I/L/U) for each match covering the
 * token (undefined: none). Only words that start an entry are tried, and only those
 * followed by a word that is the second of some entry can start a longer match: the
 * others take their one-word entries from their type (most tries of a two-word
 * phrase found nothing). The sentence's tokens are ctx[c0 + 2 .. c0 + 2 + n).
 */
export function gazetteerLabels(ctx: readonly TokenInfo[], c0: number, n: number, gaz: Gazetteer | null): (number[] | undefined)[] {
  const labels = new Array<number[] | undefined>(n);
  if (!gaz) return labels;
  let lower: string[] | null = null;
  for (let i = 0; i < n; i++) {
    const t = ctx[c0 + i + 2]!;
    if (t.gazBits < 0) continue;
    if (i + 1 >= n || !ctx[c0 + i + 3]!.gazSecond) {
      // As matchAt lists one-word matches: by increasing type.
      for (let type = 0, b = t.gazBits; b !== 0; type++, b >>>= 1) if (b & 1) (labels[i] ??= []).push(4 * type + 3);
      continue;
    }
    if (!lower) {
      lower = new Array<string>(n);
      for (let j = 0; j < n; j++) lower[j] = ctx[c0 + j + 2]!.lower;
    }
    for (const m of gaz.matchAt(lower, i)) {
      for (let k = 0; k < m.length; k++) {
        const p = m.length === 1 ? 3 : k === 0 ? 0 : k === m.length - 1 ? 2 : 1;
        (labels[i + k] ??= []).push(4 * m.type + p);
      }
    }
  }
  return labels;
}
