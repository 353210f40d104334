/**
 * Accuracy of the committed POS model (models/pos.bin) on UD EWT, and its
 * agreement with the POS column of CoNLL-2003 eng.testb (Reuters news), through
 * the same inference code the pipeline uses, with the given tokens.
 *
 * Run: npx tsx training/eval-pos.ts [file.conllu] [model.bin] [conll2003-file]
 *      (defaults: EWT test, models/pos.bin, eng.testb)
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { loadTagger, readTagger } from '../src/nlp/pos/index.js';
import { EWT_DIR, readConllu } from './common/conllu.js';
import { CONLL2003_DIR, isHeadlineLike, readConll2003, toEwtConventions, xposAgreement } from './common/conll2003.js';

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

export const DEFAULT_NEWS_POS_TEST = `${CONLL2003_DIR}/eng.testb`;

export interface NewsPosScore {
  /** XPOS agreement over all sentences' scored words (punctuation, symbols, FW, LS left out). */
  words: number;
  xpos: number;
  /** The same over running-text sentences only (no headlines, datelines, tables). */
  textWords: number;
  textXpos: number;
}

/**
 * XPOS agreement with CoNLL-2003's POS column (automatic tags, converted to
 * EWT conventions by `toEwtConventions`), tagging each sentence's given tokens.
 * There is no UPOS column to compare with.
 */
export function evalNewsPos(path = DEFAULT_NEWS_POS_TEST, model?: string): NewsPosScore {
  const tagger = model ? readTagger(model) : loadTagger();
  const sents = readConll2003(path);
  const conv = sents.map(toEwtConventions);
  const pred = conv.map((c) => tagger.predict(c.forms).map((k) => tagger.xpos[k]!));
  const all = xposAgreement(pred, conv);
  const keep = sents.map((s) => !isHeadlineLike(s));
  const text = xposAgreement(pred.filter((_, k) => keep[k]), conv.filter((_, k) => keep[k]));
  return { words: all.words, xpos: all.agree / all.words, textWords: text.words, textXpos: text.agree / text.words };
}

export function formatNewsPosScore(s: NewsPosScore): string {
  const pct = (x: number): string => (100 * x).toFixed(2);
  return `news XPOS=${pct(s.xpos)} (${s.words} words), running text only XPOS=${pct(s.textXpos)} (${s.textWords} words)`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const model = process.argv[3] || undefined;
  console.log(formatPosScore(evalPos(process.argv[2] || `${EWT_DIR}/en_ewt-ud-test.conllu`, model)));
  const news = process.argv[4] ?? DEFAULT_NEWS_POS_TEST;
  if (existsSync(news)) console.log(formatNewsPosScore(evalNewsPos(news, model)));
  else console.log(`news POS skipped: ${news} is absent`);
}
