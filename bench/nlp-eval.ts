/**
 * `npm run eval:nlp`: one table for the trained NLP stack.
 *  - UPOS / XPOS accuracy and UAS / LAS (predicted tags) on UD EWT test; XPOS agreement on
 *    CoNLL-2003 eng.testb's news POS column;
 *  - NER precision, recall, F1 per type and overall on CoNLL-2003 eng.testb (exact spans);
 *  - sentence-boundary P/R/F1 on EWT test;
 *  - tokens per CPU second of tokenizer + sentences + POS + parser + NER on ~600-word
 *    news articles (BBC 2004-05, ../shared/data/news-text), one core;
 *  - model load time and peak RSS.
 * Needs ../shared/data beside the project; says so and exits 0 when it is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Doc, emptyMeta } from '../src/core/doc.js';
import { loadNer } from '../src/nlp/ner/load.js';
import { nerStage } from '../src/nlp/ner/index.js';
import { parse } from '../src/nlp/parser/index.js';
import { parserStage } from '../src/nlp/parser/stage.js';
import { loadTagger, posStage } from '../src/nlp/pos/index.js';
import { sentenceStage } from '../src/nlp/sentences.js';
import { EWT_DIR } from '../training/common/conllu.js';
import { evalNer, DEFAULT_NER_TEST } from '../training/eval-ner.js';
import { evalParser } from '../training/eval-parser.js';
import { evalNewsPos, evalPos } from '../training/eval-pos.js';
import { evalSentences } from '../training/eval-sentences.js';

const EWT_TEST = `${EWT_DIR}/en_ewt-ud-test.conllu`;
const BBC = fileURLToPath(new URL('../../shared/data/news-text/bbc-news-articles.jsonl', import.meta.url));
for (const f of [EWT_TEST, DEFAULT_NER_TEST, BBC]) {
  if (!existsSync(f)) {
    console.log(`eval:nlp skipped: ${f} is absent (../shared/data is not beside the project)`);
    process.exit(0);
  }
}

const cpuMs = (f: () => void): number => {
  const t = process.cpuUsage();
  f();
  const u = process.cpuUsage(t);
  return (u.user + u.system) / 1000;
};

// Load times first, in a process that has loaded nothing.
const loadPos = cpuMs(() => loadTagger());
const loadDep = cpuMs(() => parse(['.'], ['PUNCT'], ['.']));
const loadNerMs = cpuMs(() => loadNer());

// Whole-stack speed on news articles of ~600 words.
const articles: string[] = [];
for (const line of readFileSync(BBC, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  articles.push((JSON.parse(line) as { text: string }).text);
  if (articles.length >= 300) break;
}
const meta = () => emptyMeta({ language: 'en' });
const docs = articles.map((t) => new Doc(t.split(/\n\s*\n/).map((p) => p.trim()), meta()));
const stack = [sentenceStage, posStage, parserStage, nerStage];
for (const d of docs.slice(0, 20)) for (const s of stack) s.run(d);
let tokens = 0;
const stackMs = cpuMs(() => {
  for (const d of docs.slice(20)) {
    for (const s of stack) s.run(d);
    tokens += d.tokens.length;
  }
});

const pos = evalPos(EWT_TEST);
// News: agreement with CoNLL-2003 eng.testb's (automatic) PTB tags; the tagger never trains on testb.
const newsPos = evalNewsPos();
const dep = evalParser(EWT_TEST);
const ner = evalNer(DEFAULT_NER_TEST);
const sb = evalSentences(EWT_TEST, 'paragraphs');

const pct = (x: number): string => (100 * x).toFixed(2);
const rows: Array<[string, string]> = [
  ['UPOS accuracy (EWT test)', pct(pos.upos)],
  ['XPOS accuracy (EWT test)', pct(pos.xpos)],
  ['XPOS agreement (CoNLL-2003 eng.testb news)', `${pct(newsPos.xpos)} (running text ${pct(newsPos.textXpos)})`],
  [`UAS (EWT test, ${dep.tags} tags)`, dep.uas.toFixed(2)],
  [`LAS (EWT test, ${dep.tags} tags)`, dep.las.toFixed(2)],
];
for (const t of ['PER', 'ORG', 'LOC', 'MISC', 'overall'] as const) {
  const s = ner.scores[t];
  rows.push([`NER ${t} P / R / F1 (eng.testb)`, `${pct(s.precision)} / ${pct(s.recall)} / ${pct(s.f1)}`]);
}
rows.push(
  ['sentence ends P / R / F1 (EWT test)', `${pct(sb.precision)} / ${pct(sb.recall)} / ${pct(sb.f1)}`],
  ['tokens per CPU second, whole stack', `${Math.round(tokens / (stackMs / 1000))} (${tokens} tokens, ${docs.length - 20} articles)`],
  ['  of which POS alone (EWT)', `${Math.round(pos.wordsPerSecond)}`],
  ['  of which parser alone (EWT)', `${Math.round(dep.tokensPerCpuSec)}`],
  ['  of which NER alone (testb)', `${Math.round(ner.tokensPerCpuSecond)}`],
  ['model load (CPU ms): POS / parser / NER', `${loadPos.toFixed(0)} / ${loadDep.toFixed(0)} / ${loadNerMs.toFixed(0)}`],
  ['peak RSS', `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`],
);
const w = Math.max(...rows.map(([k]) => k.length));
console.log(`newsgraph eval:nlp\n${'-'.repeat(w + 30)}`);
for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
