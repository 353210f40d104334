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
    const hashes: number[] = [];
    const offsets = new Int32Array(words.length + 1);
    for (let i = 0; i < words.length; i++) {
      offsets[i] = hashes.length;
      for (let k = feats.offsets[i]!; k < feats.offsets[i + 1]!; k++) hashes.push(feats.hashes[k]!);
      const own = labels[si]![i]!;
      hashes.push(fnv1a(`hself=${own.type}-${own.pos}`));
      const w = words[i]!;
      if (!hasLetter(w)) continue;
      const counts = byWord.get(w.toLowerCase());
      if (!counts) continue;
      let bestType = 'none';
      let bestN = 0;
      for (const [k, n] of counts) {
        // The token's own first-pass label is not evidence from elsewhere.
        const others = n - (k === own.type || k === `${own.type}-${own.pos}` ? 1 : 0);
        if (others <= 0) continue;
        if (k.includes('-')) {
          hashes.push(fnv1a(`hpos=${k}`));
        } else {
          hashes.push(fnv1a(`htype=${k}`));
          if (others > bestN) {
            bestN = others;
            bestType = k;
          }
        }
      }
      hashes.push(fnv1a(`hmaj=${bestType}`));
      hashes.push(fnv1a(`hmaj|self=${bestType}|${own.type}`));
    }
    offsets[words.length] = hashes.length;
    return { hashes: Uint32Array.from(hashes), offsets };
  });
}
