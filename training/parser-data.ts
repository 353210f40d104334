/**
 * Treebank sentences in the shape the parser trainer wants: gold heads with the
 * artificial root at index n (the end, as in src/nlp/parser/transitions.ts).
 */
import { readConllu } from './common/conllu.js';
import type { Sentence } from './common/conllu.js';

export interface GoldSentence {
  words: string[];
  upos: string[];
  xpos: string[];
  /** Gold head per word, n for the root; length n. */
  head: Int32Array;
  deprel: string[];
}

export function toGold(s: Sentence): GoldSentence {
  const n = s.tokens.length;
  const head = new Int32Array(n);
  s.tokens.forEach((t, i) => {
    head[i] = t.head <= 0 ? n : t.head - 1;
  });
  return {
    words: s.tokens.map((t) => t.form),
    upos: s.tokens.map((t) => t.upos),
    xpos: s.tokens.map((t) => t.xpos),
    head,
    deprel: s.tokens.map((t) => t.deprel),
  };
}

export function loadGold(path: string): GoldSentence[] {
  return readConllu(path).map(toGold);
}

/** True when no two arcs cross (the root arc spans from its word to the end). */
export function isProjective(head: Int32Array): boolean {
  const n = head.length;
  for (let i = 0; i < n; i++) {
    const a1 = Math.min(i, head[i]!);
    const b1 = Math.max(i, head[i]!);
    for (let j = i + 1; j < n; j++) {
      const a2 = Math.min(j, head[j]!);
      const b2 = Math.max(j, head[j]!);
      if ((a1 < a2 && a2 < b1 && b1 < b2) || (a2 < a1 && a1 < b2 && b2 < b1)) return false;
    }
  }
  return true;
}

