/**
 * Trains the event confidence model (src/events/confidence.ts, confidence-words.ts) on the
 * hand-judged events of bench/data/event-validity.jsonl, -2, -3 and -4, and the development half
 * of event-validity-web.jsonl (2019 web pages; never its held half), and writes
 * models/event-confidence.json: weights for the event's features and for its words (those seen
 * in at least two judged events), each with its own L2 strength.
 *
 * The figures it prints are from nested cross-validation, folds by article: each outer fold's
 * events are scored by a model that never saw that fold, its L2 strength chosen on the other
 * folds alone. The baseline is the coder's own score, given a fitted scale in the same folds
 * (Platt) so that its calibration is judged fairly and not only its ranking.
 *
 * Usage: npx tsx training/train-event-confidence.ts [--out FILE] [--dry-run] [--no-words] [--no-web]
 *        (needs ../shared/data/news-text)
 */
import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { EVENT_CONFIDENCE_MODEL_PATH, EventScorer, FEATURE_NAMES } from '../src/events/confidence.js';
import type { ConfidenceModel } from '../src/events/confidence.js';
import type { MixedRows } from './common/logistic.js';
import { dot, fitLogistic, fitMixedLogistic, logLoss, sigmoid } from './common/logistic.js';
import { BBC_FILE } from './common/news-articles.js';
import type { Example } from './event-confidence-data.js';
import { splitOf } from './common/benchmark-pages.js';
import { codeLabelled, readValidityLabels, VALIDITY_TRAIN_FILES, VALIDITY_WEB_FILE } from './event-confidence-data.js';
import type { Scored } from './event-confidence-report.js';
import { reportRows } from './event-confidence-report.js';

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const OUT = outIndex >= 0 ? args[outIndex + 1]! : EVENT_CONFIDENCE_MODEL_PATH;
const DRY = args.includes('--dry-run');
const NO_WORDS = args.includes('--no-words');
const WITH_WEB_DEV = !args.includes('--no-web');
const FOLDS = 5;
const MIN_EVENTS = 2;
interface Lambdas { dense: number; words: number }
const GRID: readonly Lambdas[] = [1, 3, 10].flatMap((dense) => (NO_WORDS ? [1] : [3, 10, 30]).map((words) => ({ dense, words })));

if (!existsSync(BBC_FILE)) {
  console.error('train-event-confidence: ../shared/data/news-text is absent; nothing to train on.');
  process.exit(1);
}

const foldOf = (doc: string): number => createHash('sha256').update(doc).digest()[0]! % FOLDS;

/** Word features seen in at least MIN_EVENTS training events; rarer ones could only be memorised. */
function vocabularyOf(train: readonly Example[]): Map<string, number> {
  if (NO_WORDS) return new Map();
  const counts = new Map<string, number>();
  for (const e of train) for (const w of e.words) counts.set(w, (counts.get(w) ?? 0) + 1);
  const kept = [...counts].filter(([, c]) => c >= MIN_EVENTS).map(([w]) => w).sort();
  return new Map(kept.map((w, i) => [w, i]));
}

function rowsOf(examples: readonly Example[], vocabulary: ReadonlyMap<string, number>): MixedRows {
  return {
    dense: examples.map((e) => e.x),
    words: examples.map((e) => Int32Array.from(e.words.map((w) => vocabulary.get(w) ?? -1).filter((j) => j >= 0))),
    vocabulary: vocabulary.size,
  };
}

/**
 * The model fitted on `train`, as it is written and shipped: feature weights by name, word
 * weights rounded, the negligible ones dropped. Cross-validation scores this very model with
 * the scorer the pipeline uses, so the figures are those of what ships.
 */
function fit(train: readonly Example[], lambdas: Lambdas): { weights: Record<string, number>; words: Record<string, number>; vocabulary: number } {
  const vocabulary = vocabularyOf(train);
  const w = fitMixedLogistic(rowsOf(train, vocabulary), train.map((e) => e.y), lambdas.dense, lambdas.words);
  const d = FEATURE_NAMES.length;
  const round = (x: number): number => Math.round(x * 1e4) / 1e4;
  return {
    weights: Object.fromEntries(FEATURE_NAMES.map((n, i) => [n, round(w[i]!)])),
    words: Object.fromEntries([...vocabulary].map(([word, j]) => [word, round(w[d + j]!)] as const).filter(([, weight]) => Math.abs(weight) >= 5e-4)),
    vocabulary: vocabulary.size,
  };
}

function predictions(train: readonly Example[], test: readonly Example[], lambdas: Lambdas): number[] {
  const { weights, words } = fit(train, lambdas);
  const scorer = new EventScorer({ weights, words });
  return test.map((e) => scorer.probability(e.x, e.words));
}

/** The L2 strengths with the least log loss over inner folds of `train`. */
function chooseLambdas(train: readonly Example[]): Lambdas {
  let best = GRID[0]!;
  let bestLoss = Infinity;
  const inner = (e: Example): number => createHash('sha256').update(`inner:${e.doc}`).digest()[0]! % (FOLDS - 1);
  for (const lambdas of GRID) {
    const ps: number[] = [];
    const ys: number[] = [];
    for (let f = 0; f < FOLDS - 1; f++) {
      const test = train.filter((e) => inner(e) === f);
      ps.push(...predictions(train.filter((e) => inner(e) !== f), test, lambdas));
      ys.push(...test.map((e) => e.y));
    }
    const loss = logLoss(ps, ys);
    if (loss < bestLoss) [best, bestLoss] = [lambdas, loss];
  }
  return best;
}

/** The coder's score with a fitted scale: logistic regression on its logarithm alone. */
function plattPredictions(train: readonly Example[], test: readonly Example[]): number[] {
  const feature = (e: Example): Float64Array => Float64Array.of(1, Math.log(Math.max(e.coderScore, 0.01)));
  const w = fitLogistic(train.map(feature), train.map((e) => e.y), 0);
  return test.map((e) => sigmoid(dot(w, feature(e))));
}

const started = Date.now();
// The web pages' development half joins unless --no-web; their held half is never trained on.
const webDev = WITH_WEB_DEV ? readValidityLabels(VALIDITY_WEB_FILE).filter((l) => splitOf(l.doc) === 'dev') : [];
const labels = [...VALIDITY_TRAIN_FILES.flatMap((file) => readValidityLabels(file)), ...webDev];
const { examples, lost } = codeLabelled(labels);
console.error(`${examples.length} of ${labels.length} judged events found again (${lost.length} lost: the coder has changed since they were drawn)`);

const outer: Scored[] = [];
const chosen: string[] = [];
for (let f = 0; f < FOLDS; f++) {
  const train = examples.filter((e) => foldOf(e.doc) !== f);
  const test = examples.filter((e) => foldOf(e.doc) === f);
  const lambdas = chooseLambdas(train);
  chosen.push(`${lambdas.dense}/${lambdas.words}`);
  const ps = predictions(train, test, lambdas);
  const bs = plattPredictions(train, test);
  test.forEach((e, i) => outer.push({ p: ps[i]!, coder: e.coderScore, scaled: bs[i]!, y: e.y, set: e.doc.split(':')[0]! }));
}

const row = (name: string, value: string): string => `${name.padEnd(62)}${value}`;
const lines: string[] = [row('judged events found again / judged', `${examples.length} / ${labels.length}`), ...reportRows(outer)];
lines.push(row('L2 strength (features/words) chosen per outer fold', chosen.join(', ')));

const lambdas = chooseLambdas(examples);
const { weights, words, vocabulary } = fit(examples, lambdas);
lines.push(row('final model: L2 strength (features/words), words kept', `${lambdas.dense}/${lambdas.words}, ${Object.keys(words).length} of ${vocabulary}`));
console.log(lines.join('\n'));

const model: ConfidenceModel = {
  weights,
  words,
  about: {
    trainedBy: 'training/train-event-confidence.ts',
    labels: `bench/data/event-validity.jsonl, event-validity-2.jsonl, event-validity-3.jsonl and event-validity-4.jsonl (events of ../shared/data/news-text judged by hand)${
      WITH_WEB_DEV ? ", and the development half of event-validity-web.jsonl (events of the article-extraction benchmark's 2019 web pages)" : ''}`,
    events: examples.length,
    lambdas,
    crossValidated: lines,
    seconds: Math.round((Date.now() - started) / 1000),
  },
};
if (DRY) console.error('--dry-run: model not written');
else {
  writeFileSync(OUT, JSON.stringify(model, null, 1) + '\n');
  console.error(`wrote ${OUT}`);
}
