/**
 * CPU time of the POS and NER stages alone, on BBC articles built as bench/pipeline.ts
 * builds them (~600 words), after a 10-article warm-up that loads both models. The
 * parser is left out on purpose, so the figure does not move with parser work and the
 * script runs while the parser is being rebuilt. Prints ms/article and tokens per
 * CPU-second for each stage: on the first pass over the articles (most of their word
 * types are new to the taggers' caches, as for a stream of unseen articles; the figure
 * bench/pipeline.ts reports) and the median of --reps further passes over them.
 *
 * Usage: npx tsx training/pos-ner-bench.ts [--articles 80] [--reps 3]
 */
import type { Doc } from '../src/core/doc.js';
import { nerStage } from '../src/nlp/ner/index.js';
import { posStage } from '../src/nlp/pos/index.js';
import { articleTexts, sentencedDoc } from './pos-ner-articles.js';
import { median } from './common/stats.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const N = opt('articles', 80);
const REPS = opt('reps', 3) + 1;

const texts = articleTexts(N + 10);

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const prepared = (content: string, i: number): Doc => sentencedDoc(content, i);

let c = cpuMs();
posStage.run(prepared('Warm up. The tagger loads now.', 0));
const posLoad = cpuMs() - c;
c = cpuMs();
const first = prepared('Warm up. The NER loads now in London.', 0);
posStage.run(first);
nerStage.run(first);
const nerLoad = cpuMs() - c;
for (const [i, t] of texts.slice(0, 10).entries()) {
  const d = prepared(t, i);
  posStage.run(d);
  nerStage.run(d);
}

const sample = texts.slice(10, 10 + N);
const pos: number[] = [];
const ner: number[] = [];
let tokens = 0;
for (let r = 0; r < REPS; r++) {
  const docs = sample.map(prepared);
  let p = 0;
  let e = 0;
  tokens = 0;
  for (const d of docs) {
    c = cpuMs();
    posStage.run(d);
    const m = cpuMs();
    nerStage.run(d);
    e += cpuMs() - m;
    p += m - c;
    tokens += d.tokens.length;
  }
  pos.push(p);
  ner.push(e);
}
const figure = (ms: number): string =>
  `${(ms / sample.length).toFixed(2).padStart(6)} ms/article ${String(Math.round(tokens / (ms / 1000))).padStart(7)} tokens/CPU-s`;
const line = (name: string, xs: number[]): string =>
  `${name.padEnd(4)} first ${figure(xs[0]!)}` + (xs.length > 1 ? `   again ${figure(median(xs.slice(1)))}` : '');
console.log(`${sample.length} articles, ${Math.round(tokens / sample.length)} tokens each, ${REPS - 1} repeats; ` +
  `load pos ${posLoad.toFixed(0)} ms, ner ${nerLoad.toFixed(0)} ms CPU; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
console.log(line('pos', pos));
console.log(line('ner', ner));
