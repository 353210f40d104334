/**
 * Accuracy of the committed POS model (models/pos.bin) on UD EWT, through the
 * same inference code the pipeline uses, with gold tokenization.
 *
 * Run: npx tsx training/eval-pos.ts [file.conllu] [model.bin]
 */
import { pathToFileURL } from 'node:url';
import { loadTagger, readTagger } from '../src/nlp/pos/index.js';
import { EWT_DIR, readConllu } from './common/conllu.js';

export interface PosScore {
  words: number;
  upos: number;
  xpos: number;
  /** Both tags right. */
  both: number;
  wordsPerSecond: number;
}

export function evalPos(path = `${EWT_DIR}/en_ewt-ud-test.conllu`, model?: string): PosScore {
  const tagger = model ? readTagger(model) : loadTagger();
  const sents = readConllu(path).map((s) => s.tokens);
  for (const s of sents.slice(0, 300)) tagger.predict(s.map((t) => t.form)); // JIT warm-up
  // CPU time, not wall time: the figure should not depend on what else runs.
  const t0 = process.cpuUsage();
  const preds = sents.map((s) => tagger.predict(s.map((t) => t.form)));
  const cpu = process.cpuUsage(t0);
  const secs = (cpu.user + cpu.system) / 1e6;
  let words = 0;
  let upos = 0;
  let xpos = 0;
  let both = 0;
  sents.forEach((s, k) => s.forEach((t, i) => {
    const c = preds[k]![i]!;
    const u = tagger.upos[c] === t.upos;
    const x = tagger.xpos[c] === t.xpos;
    words++;
    if (u) upos++;
    if (x) xpos++;
    if (u && x) both++;
  }));
  return { words, upos: upos / words, xpos: xpos / words, both: both / words, wordsPerSecond: words / secs };
}

export function formatPosScore(s: PosScore): string {
  const pct = (x: number): string => (100 * x).toFixed(2);
  return `pos UPOS=${pct(s.upos)} XPOS=${pct(s.xpos)} both=${pct(s.both)} `
    + `(${s.words} words, ${Math.round(s.wordsPerSecond)} words per CPU second)`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(formatPosScore(evalPos(process.argv[2] ?? `${EWT_DIR}/en_ewt-ud-test.conllu`, process.argv[3])));
}
