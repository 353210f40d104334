/**
 * The coder today against every event judged by hand (bench/data/event-validity*.jsonl: rounds
 * one to four, drawn from the coder's output of their day, the held test set, and round five on
 * the article-extraction benchmark's web pages of 2019, in its two halves). Each judged
 * article is extracted with the default pipeline and its events are matched to the labels by
 * trigger offset and type. One table: of the judged events the coder still codes, how many were
 * real with the right actor, real with a wrong actor, or no event at all, over all and at
 * confidence 0.5 or more; and how many events it codes in those articles that no one judged.
 *
 * A change that drops junk keeps "real" and lowers "junk"; one that adds events shows in
 * "unjudged", which a new round of judging must then read. Rounds one to four and the web pages'
 * development half were read while rules were made, and the confidence model trains on them (its
 * figures at 0.5 are in-sample there); the held set and the web held half were not, and it does not.
 *
 *   npm run eval:judged            (needs ../shared/data/news-text; skips without it, and skips the
 *                                   web pages without ../shared/data/article-extraction-benchmark)
 */
import { existsSync } from 'node:fs';
import { extract } from '../src/extract.js';
import type { RawInput } from '../src/ingest/types.js';
import { BENCHMARK_DIR, splitOf } from '../training/common/benchmark-pages.js';
import { BBC_FILE } from '../training/common/news-articles.js';
import { labelArticle, labelledInputs, labelsByArticle, readValidityLabels, VALIDITY_TEST_FILE, VALIDITY_TRAIN_FILES, VALIDITY_WEB_FILE, type ValidityLabel } from '../training/event-confidence-data.js';

type Verdict = 'real' | 'wrong actor' | 'junk';

const verdict = (l: ValidityLabel): Verdict => (l.event === 0 ? 'junk' : l.actor === 1 ? 'real' : 'wrong actor');

interface Tally {
  judged: number;
  articles: number;
  coded: Record<Verdict, number>;
  confident: Record<Verdict, number>;
  unjudged: number;
  unjudgedConfident: number;
}

function tally(labels: readonly ValidityLabel[], inputOf: (key: string) => RawInput | undefined): Tally {
  const byDoc = labelsByArticle(labels);
  const t: Tally = {
    judged: labels.length, articles: byDoc.size, unjudged: 0, unjudgedConfident: 0,
    coded: { real: 0, 'wrong actor': 0, junk: 0 }, confident: { real: 0, 'wrong actor': 0, junk: 0 },
  };
  for (const [key, rows] of byDoc) {
    const input = inputOf(key);
    if (input === undefined) continue;
    const record = extract(input);
    const judged = new Map(rows.map((r) => [`${r.start}|${r.type}`, r]));
    for (const ev of record.events) {
      const r = judged.get(`${ev.trigger.start}|${ev.type}`);
      if (r === undefined) {
        t.unjudged++;
        if (ev.confidence >= 0.5) t.unjudgedConfident++;
        continue;
      }
      t.coded[verdict(r)]++;
      if (ev.confidence >= 0.5) t.confident[verdict(r)]++;
    }
  }
  return t;
}

function main(): void {
  if (!existsSync(BBC_FILE)) {
    console.log('judged-events eval skipped: ../shared/data/news-text is absent');
    return;
  }
  const sets: Array<[string, ValidityLabel[]]> = [
    ['rounds 1–4 (development)', VALIDITY_TRAIN_FILES.flatMap((f) => readValidityLabels(f))],
    ['held test', readValidityLabels(VALIDITY_TEST_FILE)],
  ];
  if (!existsSync(BENCHMARK_DIR)) console.log(`web pages skipped: ${BENCHMARK_DIR} is absent`);
  else {
    const web = readValidityLabels(VALIDITY_WEB_FILE);
    sets.push(['web 2019, dev half', web.filter((l) => splitOf(l.doc) === 'dev')], ['web 2019, held half', web.filter((l) => splitOf(l.doc) === 'held')]);
  }
  const wanted = new Set(sets.flatMap(([, ls]) => ls.map(labelArticle)));
  const inputs = labelledInputs(wanted);
  const t0 = performance.now();
  const rows = sets.map(([name, labels]) => ({ name, t: tally(labels, (key) => inputs.get(key)?.()) }));
  const pad = (s: string | number, n: number): string => String(s).padStart(n);
  console.log(`\nJudged events (${wanted.size} articles, ${((performance.now() - t0) / 1000).toFixed(0)} s): what the coder codes today of each verdict`);
  console.log(`${'set'.padEnd(26)}${pad('judged', 8)}${pad('real', 8)}${pad('wrong', 8)}${pad('junk', 8)}${pad('precision', 11)}${pad('real≥.5', 9)}${pad('wrong≥.5', 10)}${pad('junk≥.5', 9)}${pad('prec≥.5', 9)}${pad('unjudged', 10)}${pad('(≥.5)', 7)}`);
  for (const { name, t } of rows) {
    const all = t.coded.real + t.coded['wrong actor'] + t.coded.junk;
    const conf = t.confident.real + t.confident['wrong actor'] + t.confident.junk;
    const p = (x: number, n: number): string => (n === 0 ? '-' : (x / n).toFixed(3));
    console.log(`${name.padEnd(26)}${pad(t.judged, 8)}${pad(t.coded.real, 8)}${pad(t.coded['wrong actor'], 8)}${pad(t.coded.junk, 8)}${pad(p(t.coded.real, all), 11)}${pad(t.confident.real, 9)}${pad(t.confident['wrong actor'], 10)}${pad(t.confident.junk, 9)}${pad(p(t.confident.real, conf), 9)}${pad(t.unjudged, 10)}${pad(t.unjudgedConfident, 7)}`);
  }
  console.log('precision: real with the right actor / judged events still coded. unjudged: events coded in these articles that no label names (each round judged a sample of the events, so most of these are old)');
}

main();
