/**
 * Lazy, once-per-process loading of models/pos.bin, and the word-level API.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeModel } from './model.js';
import { PosTagger } from './tagger.js';

/**
 * This file sits three levels below the package root both as
 * src/nlp/pos/load.ts and as dist/nlp/pos/load.js, so one relative URL
 * reaches models/ from either layout.
 */
export const POS_MODEL_PATH = fileURLToPath(new URL('../../../models/pos.bin', import.meta.url));

let tagger: PosTagger | null = null;

export function posModelAvailable(): boolean {
  return tagger !== null || existsSync(POS_MODEL_PATH);
}

export function loadTagger(): PosTagger {
  if (tagger) return tagger;
  if (!existsSync(POS_MODEL_PATH)) {
    throw new Error(`POS model not found at ${POS_MODEL_PATH}; run: npx tsx training/train-pos.ts`);
  }
  tagger = readTagger(POS_MODEL_PATH);
  return tagger;
}

/** A tagger from any model file, uncached (for evaluating candidates). */
export function readTagger(path: string): PosTagger {
  return new PosTagger(decodeModel(readFileSync(path)), undefined, path);
}

/** UPOS and PTB tags for one sentence's words. */
export function tagTokens(words: readonly string[]): { upos: string[]; xpos: string[] } {
  const t = loadTagger();
  const ids = t.predict(words);
  // Filled in a loop, not mapped: what map returns has another elements kind once its
  // caller is optimised, and every reader compiled before then is thrown away and
  // compiled again (bench/jit-compiles.ts, docs/decisions/0012).
  const n = ids.length;
  const upos = new Array<string>(n);
  const xpos = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const c = ids[i]!;
    upos[i] = t.upos[c]!;
    xpos[i] = t.xpos[c]!;
  }
  return { upos, xpos };
}
