/**
 * Sweeps the NLP stack (tokens, sentences, POS, NER) over unlabelled news it was never
 * tuned on (all BBC 2004-05 articles and every fifth Reuters-21578 body, from
 * ../shared/data/news-text) and lists what looks wrong, most frequent first:
 *  - tokens that glue a word to a symbol ("Ltd>", "aaa+" in letter/digit shapes);
 *  - NER spans that start or end with punctuation;
 *  - one-word NER spans whose word is far more often written in lower case in the sweep
 *    ("Shares" first in a sentence), a sign of a name guessed from a capital alone;
 *  - one-token sentences, and sentences of more than 90 tokens.
 * Nothing here is scored: it is where to look next. Each list names real cases, some
 * correct ("Kerrang!", Reuters' results tables), so read before changing anything.
 *
 *   npx tsx bench/nlp-anomalies.ts [--max 6500]
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Doc, emptyMeta } from '../src/core/doc.js';
import { nerStage } from '../src/nlp/ner/index.js';
import { posStage } from '../src/nlp/pos/index.js';
import { sentenceStage } from '../src/nlp/sentences.js';
import { BBC_FILE, reutersTexts } from '../training/common/news-articles.js';

const { values } = parseArgs({ options: { max: { type: 'string', default: '6500' } } });
if (!existsSync(BBC_FILE)) {
  console.log(`nlp-anomalies skipped: ${BBC_FILE} is absent (../shared/data is not beside the project)`);
  process.exit(0);
}
const max = Number(values.max);
const texts: string[] = [];
for (const line of readFileSync(BBC_FILE, 'utf8').split('\n')) {
  if (line.trim() && texts.length < max) texts.push((JSON.parse(line) as { text: string }).text);
}
let k = 0;
for (const t of reutersTexts()) {
  if (texts.length >= max) break;
  if (k++ % 5 === 0) texts.push(t);
}

const glued = new Map<string, string[]>();
const nerEdges = new Map<string, string[]>();
const oneToken = new Map<string, string[]>();
const long: string[] = [];
const oneWordNames = new Map<string, string[]>();
/** How often each word is written in lower case, and in any case. */
const lowerCount = new Map<string, number>();
const anyCount = new Map<string, number>();
const note = (m: Map<string, string[]>, key: string, example: string): void => {
  const l = m.get(key);
  if (l) l.push(example);
  else m.set(key, [example]);
};
/** A letter or digit beside a symbol a word should not carry (hyphens, periods, apostrophes and the like are fine). */
const GLUED = /[^\p{L}\p{N}\p{M}\-.'’&,/:@#_$%]/u;

for (const t of texts) {
  const d = new Doc(t.split(/\n\s*\n/).map((p) => p.trim()), emptyMeta({ language: 'en' }));
  for (const s of [sentenceStage, posStage, nerStage]) s.run(d);
  for (const tok of d.tokens) {
    const w = d.slice(tok);
    if (w.length > 1 && /[\p{L}\p{N}]/u.test(w) && GLUED.test(w)) note(glued, w.replace(/\p{L}/gu, 'a').replace(/\p{N}/gu, '9'), w);
    const lw = w.toLowerCase();
    anyCount.set(lw, (anyCount.get(lw) ?? 0) + 1);
    if (w === lw) lowerCount.set(lw, (lowerCount.get(lw) ?? 0) + 1);
  }
  for (const n of d.ner) {
    const w = d.slice(n);
    if (/^[^\p{L}\p{N}]|[^\p{L}\p{N}.)]$/u.test(w)) note(nerEdges, `${n.label} ${w}`, w);
    if (/^\p{Lu}\p{Ll}+$/u.test(w)) note(oneWordNames, `${n.label} ${w}`, w);
  }
  let ti = 0;
  for (const s of d.sentences) {
    while (ti < d.tokens.length && d.tokens[ti]!.start < s.start) ti++;
    let n = 0;
    while (ti + n < d.tokens.length && d.tokens[ti + n]!.end <= s.end) n++;
    if (n === 1) note(oneToken, d.slice(s), d.slice(s));
    if (n > 90) long.push(d.slice(s).replace(/\s+/g, ' ').slice(0, 120));
  }
}

const top = (title: string, m: Map<string, string[]>, n: number): void => {
  const rows = [...m].sort((a, b) => b[1].length - a[1].length).slice(0, n);
  console.log(`\n${title} (${m.size} kinds, ${[...m.values()].reduce((x, l) => x + l.length, 0)} cases)`);
  for (const [key, l] of rows) console.log(`${String(l.length).padStart(6)}  ${key}${l[0] !== key ? `   e.g. ${l.slice(0, 3).join(', ')}` : ''}`);
};
console.log(`nlp-anomalies: ${texts.length} articles`);
top('tokens gluing a word to a symbol, by shape', glued, 25);
top('NER spans with punctuation at an edge', nerEdges, 25);
// Keep the names whose word is written in lower case at least 20 times and 9 times in 10.
for (const key of [...oneWordNames.keys()]) {
  const lw = key.slice(key.indexOf(' ') + 1).toLowerCase();
  const lower = lowerCount.get(lw) ?? 0;
  if (lower < 20 || lower < 0.9 * (anyCount.get(lw) ?? 0)) oneWordNames.delete(key);
}
top('one-word NER spans of words mostly written in lower case', oneWordNames, 25);
top('one-token sentences', oneToken, 15);
console.log(`\nsentences of more than 90 tokens: ${long.length}`);
for (const s of long.slice(0, 10)) console.log(`  ${s}`);
