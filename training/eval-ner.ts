/**
 * Scores the shipped NER model on a CoNLL-2003 file: exact-span P/R/F1 per type and
 * overall (conlleval rules; gold IOB1 and predicted IOB2 both decoded to spans), and
 * throughput of the full inference path (features + Viterbi), model load excluded.
 * Report test figures on eng.testb only; tune on eng.testa.
 *
 * Usage: npx tsx training/eval-ner.ts [FILE]   (default ../shared/data/conll2003/eng.testb)
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadNer } from '../src/nlp/ner/load.js';
import { tagDocumentSpans } from '../src/nlp/ner/tagger.js';
import { readLabelled } from './ner-corpus.js';
import { formatScores, SpanScorer, type NerScores } from './ner-score.js';
import { SHARED } from './ner-text.js';

export interface NerEvaluation {
  file: string;
  scores: NerScores;
  tokens: number;
  seconds: number;
  tokensPerSecond: number;
  /** Process CPU time: on a shared machine a steadier speed figure than wall time. */
  cpuSeconds: number;
  tokensPerCpuSecond: number;
}

export const DEFAULT_NER_TEST = join(SHARED, 'conll2003', 'eng.testb');

export function evalNer(file: string = DEFAULT_NER_TEST): NerEvaluation {
  const docs = readLabelled(file);
  loadNer();
  const scorer = new SpanScorer();
  let tokens = 0;
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  for (const d of docs) {
    const spans = tagDocumentSpans(d.sentences);
    d.sentences.forEach((s, i) => {
      tokens += s.length;
      scorer.add(d.gold[i] ?? [], spans[i] ?? []);
    });
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return {
    file,
    scores: scorer.scores(),
    tokens,
    seconds,
    tokensPerSecond: tokens / seconds,
    cpuSeconds,
    tokensPerCpuSecond: tokens / cpuSeconds,
  };
}

export function formatNerEvaluation(e: NerEvaluation): string {
  return (
    `${e.file}\n${formatScores(e.scores)}\n${e.tokens} tokens in ${e.seconds.toFixed(2)} s wall ` +
    `(${Math.round(e.tokensPerSecond)} tokens/s), ${e.cpuSeconds.toFixed(2)} s CPU (${Math.round(e.tokensPerCpuSecond)} tokens/CPU-s)`
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(formatNerEvaluation(evalNer(process.argv[2] ?? DEFAULT_NER_TEST)));
}
