/**
 * Second-pass features from first-pass predictions across the document (Ratinov &
 * Roth 2009, "prediction history"): a name is usually labelled the same way each
 * time it occurs, so "Zarif" alone, or in a headline, borrows the label the first
 * pass gave "Javad Zarif" elsewhere. Training uses cross-validated first-pass output.
 */
import type { SentenceFeatures } from './features.js';
import { fnv1a } from './hash.js';
import { hasLetter } from './shape.js';
import type { TokenSpan } from './tags.js';

interface Occurrence {
  type: string;
  pos: string;
}

function labelsOf(words: readonly string[], spans: readonly TokenSpan[]): Occurrence[] {
  const out: Occurrence[] = words.map(() => ({ type: 'O', pos: 'O' }));
  for (const s of spans) {
    for (let i = s.start; i < s.end; i++) {
      const pos = s.end - s.start === 1 ? 'U' : i === s.start ? 'B' : i === s.end - 1 ? 'L' : 'I';
      out[i] = { type: s.type, pos };
    }
  }
  return out;
}

export function addHistoryFeatures(
  sentences: readonly (readonly string[])[],
  base: readonly SentenceFeatures[],
  firstPass: readonly (readonly TokenSpan[])[],
): SentenceFeatures[] {
  const labels = sentences.map((w, i) => labelsOf(w, firstPass[i] ?? []));
  const byWord = new Map<string, Map<string, number>>();
  sentences.forEach((words, si) => {
    words.forEach((w, i) => {
      if (!hasLetter(w)) return;
      const key = w.toLowerCase();
      let m = byWord.get(key);
      if (!m) byWord.set(key, (m = new Map()));
      const l = labels[si]![i]!;
      for (const k of [l.type, `${l.type}-${l.pos}`]) m.set(k, (m.get(k) ?? 0) + 1);
    });
  });
  return sentences.map((words, si) => {
    const feats = base[si]!;
    const n = words.length;
    // Base features, then at most 3 + 2 × labels-seen-elsewhere (≤ 10 keys) history features per token.
    const hashes = new Uint32Array(feats.hashes.length + 32 * n);
    const offsets = new Int32Array(n + 1);
    let m = 0;
    for (let i = 0; i < n; i++) {
      offsets[i] = m;
      const from = feats.offsets[i]!;
      const to = feats.offsets[i + 1]!;
      hashes.set(feats.hashes.subarray(from, to), m);
      m += to - from;
      const own = labels[si]![i]!;
      const ownPos = `${own.type}-${own.pos}`;
      hashes[m++] = memoHash(`hself=${ownPos}`);
      const w = words[i]!;
      if (!hasLetter(w)) continue;
      const counts = byWord.get(w.toLowerCase());
      if (!counts) continue;
      let bestType = 'none';
      let bestN = 0;
      for (const [k, c] of counts) {
        // The token's own first-pass label is not evidence from elsewhere.
        const others = c - (k === own.type || k === ownPos ? 1 : 0);
        if (others <= 0) continue;
        if (k.includes('-')) {
          hashes[m++] = memoHash(`hpos=${k}`);
        } else {
          hashes[m++] = memoHash(`htype=${k}`);
          if (others > bestN) {
            bestN = others;
            bestType = k;
          }
        }
      }
      hashes[m++] = memoHash(`hmaj=${bestType}`);
      hashes[m++] = memoHash(`hmaj|self=${bestType}|${own.type}`);
    }
    offsets[n] = m;
    const out = hashes.slice(0, m);
    return feats.grouped ? { hashes: out, offsets, grouped: feats.grouped } : { hashes: out, offsets };
  });
}

/** The history features come from a small closed set of strings: hash each once. */
const memo = new Map<string, number>();
function memoHash(s: string): number {
  let h = memo.get(s);
  if (h === undefined) memo.set(s, (h = fnv1a(s)));
  return h;
}
