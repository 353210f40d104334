/**
 * Trains the page topic model (src/events/page-topic.ts, models/page-topic.json): multinomial
 * naive Bayes over a page's lower-cased words, five topics (business, entertainment, politics,
 * sport, tech), from the BBC News articles of ../shared/data/news-text (categories as the data
 * set gives them; read, never copied). Articles that have an event in event-validity.jsonl or
 * the held test set (event-validity-test.jsonl) are left out, so the confidence model, which
 * reads the topic, is never scored on a page the topic model learned.
 *
 * The second and third rounds (event-validity-2.jsonl, -3.jsonl) are not left out: with them, only 12 politics pages
 * were left to hold out and few to learn from, and the weaker model read a politics page of
 * troops on standby as sport (a sports page codes no such event). So the confidence model's
 * cross-validated figures on those rounds' BBC pages read topics from a model that saw the
 * pages (never their event labels); its held test figures do not. A fifth of the rest, by a
 * hash of the file name, is held out to report accuracy. Only the most telling words are kept.
 *
 * Usage: npx tsx training/train-page-topic.ts [--words 4000] [--dry-run]
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { PAGE_TOPICS, PAGE_TOPIC_MODEL_PATH, PageTopicClassifier, pageWords } from '../src/events/page-topic.js';
import type { PageTopicModel } from '../src/events/page-topic.js';
import { BBC_FILE } from './common/news-articles.js';
import { readValidityLabels, VALIDITY_FILE, VALIDITY_TEST_FILE } from './event-confidence-data.js';

const args = process.argv.slice(2);
const wordsAt = args.indexOf('--words');
const KEEP = wordsAt >= 0 ? Number(args[wordsAt + 1]) : 4000;
const DRY = args.includes('--dry-run');

if (!existsSync(BBC_FILE)) {
  console.error('train-page-topic: ../shared/data/news-text is absent; nothing to train on.');
  process.exit(1);
}

const judged = new Set<string>();
for (const file of [VALIDITY_FILE, VALIDITY_TEST_FILE]) {
  for (const l of readValidityLabels(file)) if (l.set === 'bbc') judged.add(l.doc);
}

interface Page { file: string; topic: number; words: string[] }
const pages: Page[] = [];
for (const line of readFileSync(BBC_FILE, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const a = JSON.parse(line) as { category: string; file: string; title: string; text: string };
  const topic = (PAGE_TOPICS as readonly string[]).indexOf(a.category);
  if (topic < 0 || judged.has(a.file)) continue;
  pages.push({ file: a.file, topic, words: pageWords(`${a.title}\n\n${a.text}`) });
}
const heldOut = (p: Page): boolean => createHash('sha256').update(p.file).digest()[0]! % 5 === 0;
const train = pages.filter((p) => !heldOut(p));
const test = pages.filter(heldOut);

const K = PAGE_TOPICS.length;
const counts = new Map<string, Float64Array>();
const totals = new Float64Array(K);
const docs = new Float64Array(K);
for (const p of train) {
  docs[p.topic]! += 1;
  for (const w of p.words) {
    let c = counts.get(w);
    if (!c) counts.set(w, (c = new Float64Array(K)));
    c[p.topic]! += 1;
    totals[p.topic]! += 1;
  }
}
// Words seen in at least three pages' worth of counts; add-one smoothing over that vocabulary.
const vocab = [...counts.entries()].filter(([, c]) => c.reduce((s, x) => s + x, 0) >= 3);
const V = vocab.length;
const logp = (c: Float64Array, k: number): number => Math.log((c[k]! + 1) / (totals[k]! + V));
// How telling a word is: the spread of its log-probabilities across topics, weighted by its count.
const scored = vocab.map(([w, c]) => {
  const lp = Array.from({ length: K }, (_, k) => logp(c, k));
  const spread = Math.max(...lp) - Math.min(...lp);
  return { w, lp, weight: spread * Math.log1p(c.reduce((s, x) => s + x, 0)) };
});
scored.sort((a, b) => b.weight - a.weight || (a.w < b.w ? -1 : 1));
const kept = scored.slice(0, KEEP);
const model: PageTopicModel = {
  topics: [...PAGE_TOPICS],
  prior: Array.from(docs, (d) => Math.round(Math.log((d + 1) / (train.length + K)) * 1000) / 1000),
  words: Object.fromEntries(kept.map(({ w, lp }) => [w, lp.map((x) => Math.round(x * 100) / 100)])),
};

const clf = new PageTopicClassifier(model);
let right = 0;
const confusion = PAGE_TOPICS.map(() => new Array<number>(K).fill(0));
for (const p of test) {
  const probs = clf.probabilities(p.words);
  const best = probs.indexOf(Math.max(...probs));
  if (best === p.topic) right++;
  confusion[p.topic]![best]! += 1;
}
console.log(`page topic: ${train.length} BBC pages to train, ${test.length} held out (${judged.size} judged-event pages left out); ${kept.length} words kept of ${V}`);
console.log(`held-out accuracy ${(right / test.length).toFixed(3)} (${right}/${test.length})`);
console.log(`confusion (rows gold, columns predicted: ${PAGE_TOPICS.join(', ')})`);
PAGE_TOPICS.forEach((t, k) => console.log(`  ${t.padEnd(14)}${confusion[k]!.join('\t')}`));
if (DRY) console.error('--dry-run: model not written');
else {
  writeFileSync(PAGE_TOPIC_MODEL_PATH, JSON.stringify(model) + '\n');
  console.error(`wrote ${PAGE_TOPIC_MODEL_PATH}`);
}
