/**
 * Speed of each NLP component in the pipeline, in CPU time (process.cpuUsage) and wall
 * time: tokenizer, sentence splitter, POS stage (which also tokenizes), parser and NER,
 * on fixed BBC articles of about 600 words (as bench/pipeline.ts builds them), after a
 * warm-up of 10 articles that loads every model. Prints tokens per second for each and
 * a digest of the output, so a speed change can be checked to leave the results alone.
 *
 * Usage: npx tsx training/ner-speed.ts [--articles 200] [--reps 1] [--no-parser]
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { languageStage } from '../src/article/language.js';
import type { Stage } from '../src/core/stage.js';
import { buildDoc } from '../src/extract.js';
import { nerStage } from '../src/nlp/ner/index.js';
import { parserStage } from '../src/nlp/parser/stage.js';
import { posStage } from '../src/nlp/pos/index.js';
import { sentenceStage } from '../src/nlp/sentences.js';
import { tokenize } from '../src/nlp/tokenize.js';
import { newsArticleTexts } from './common/news-articles.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const N = opt('articles', 200);
const REPS = opt('reps', 1);
const STAGES: Stage[] = args.includes('--no-parser')
  ? [languageStage, sentenceStage, posStage, nerStage]
  : [languageStage, sentenceStage, posStage, parserStage, nerStage];

const texts = newsArticleTexts(N + 10);

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const input = (content: string, i: number): Parameters<typeof buildDoc>[0] =>
  ({ name: `a${i}`, uri: null, kind: 'text', content, published: '2005-01-01' });

const w0 = performance.now();
const c0 = cpuMs();
for (const [i, t] of texts.slice(0, 10).entries()) {
  const d = buildDoc(input(t, i));
  for (const s of STAGES) s.run(d);
}
const warm = { wall: performance.now() - w0, cpu: cpuMs() - c0 };

const wall = new Map<string, number>();
const cpu = new Map<string, number>();
const add = (k: string, w: number, c: number): void => {
  wall.set(k, (wall.get(k) ?? 0) + w);
  cpu.set(k, (cpu.get(k) ?? 0) + c);
};
let tokens = 0;
const digest = createHash('sha256');
const sample = texts.slice(10, 10 + N);
for (let r = 0; r < REPS; r++) {
  for (const [i, t] of sample.entries()) {
    const d = buildDoc(input(t, i));
    for (const s of STAGES) {
      const w = performance.now();
      const c = cpuMs();
      s.run(d);
      add(s.name, performance.now() - w, cpuMs() - c);
    }
    const w = performance.now();
    const c = cpuMs();
    for (const s of d.sentences) tokenize(d.text, s.start, s.end);
    add('tokenize', performance.now() - w, cpuMs() - c);
    if (r === 0) {
      tokens += d.tokens.length;
      digest.update(JSON.stringify(d.tokens.map((x) => [x.start, x.end, x.upos, x.xpos, x.head, x.deprel])));
      digest.update(JSON.stringify(d.ner));
    }
  }
}

const total = tokens * REPS;
const rate = (ms: number): string => String(Math.round(total / (ms / 1000))).padStart(10);
console.log(`${sample.length} articles × ${REPS}, ${tokens} tokens; warm-up (loads + 10 articles) ` +
  `${warm.wall.toFixed(0)} ms wall, ${warm.cpu.toFixed(0)} ms CPU; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
console.log('component   tokens/CPU-s  tokens/s wall  CPU ms/article');
for (const k of ['tokenize', 'sentences', 'pos', 'parser', 'ner']) {
  const c = cpu.get(k);
  if (c === undefined) continue;
  console.log(`${k.padEnd(10)} ${rate(c)}   ${rate(wall.get(k)!)}   ${(c / sample.length / REPS).toFixed(2).padStart(10)}`);
}
const sum = (m: Map<string, number>): number => ['sentences', 'pos', 'parser', 'ner'].reduce((a, k) => a + (m.get(k) ?? 0), 0);
console.log(`${'together'.padEnd(10)} ${rate(sum(cpu))}   ${rate(sum(wall))}   (pos includes tokenize)`);
console.log(`output sha256 ${digest.digest('hex').slice(0, 16)}`);
