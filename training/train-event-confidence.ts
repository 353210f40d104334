/**
 * Trains the event confidence model (src/events/confidence.ts) on the hand-judged events of
 * bench/data/event-validity.jsonl and writes models/event-confidence.json.
 *
 * The figures it prints are from nested cross-validation, folds by article: each outer fold's
 * events are scored by a model that never saw that fold, its L2 strength chosen on the other
 * folds alone. The baseline is the coder's own score, given a fitted scale in the same folds
 * (Platt) so that its calibration is judged fairly and not only its ranking.
 *
 * Usage: npx tsx training/train-event-confidence.ts [--out FILE] [--dry-run]
 *        (needs ../shared/data/news-text)
 */
import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { EVENT_CONFIDENCE_MODEL_PATH, FEATURE_NAMES } from '../src/events/confidence.js';
import type { ConfidenceModel } from '../src/events/confidence.js';
import { dot, fitLogistic, logLoss, sigmoid } from './common/logistic.js';
import { BBC_FILE } from './common/news-articles.js';
import type { Example } from './event-confidence-data.js';
import { codeLabelled, readValidityLabels } from './event-confidence-data.js';
import type { Scored } from './event-confidence-report.js';
import { reportRows } from './event-confidence-report.js';

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const OUT = outIndex >= 0 ? args[outIndex + 1]! : EVENT_CONFIDENCE_MODEL_PATH;
const DRY = args.includes('--dry-run');
const FOLDS = 5;
const LAMBDAS = [0.3, 1, 3, 10, 30];

if (!existsSync(BBC_FILE)) {
  console.error('train-event-confidence: ../shared/data/news-text is absent; nothing to train on.');
  process.exit(1);
}

const foldOf = (doc: string): number => createHash('sha256').update(doc).digest()[0]! % FOLDS;

function predictions(train: readonly Example[], test: readonly Example[], lambda: number): number[] {
  const w = fitLogistic(train.map((e) => e.x), train.map((e) => e.y), lambda);
  return test.map((e) => sigmoid(dot(w, e.x)));
}

/** The L2 strength with the least log loss over inner folds of `train`. */
function chooseLambda(train: readonly Example[]): number {
  let best = LAMBDAS[0]!;
  let bestLoss = Infinity;
  const inner = (e: Example): number => createHash('sha256').update(`inner:${e.doc}`).digest()[0]! % (FOLDS - 1);
  for (const lambda of LAMBDAS) {
    const ps: number[] = [];
    const ys: number[] = [];
    for (let f = 0; f < FOLDS - 1; f++) {
      const test = train.filter((e) => inner(e) === f);
      ps.push(...predictions(train.filter((e) => inner(e) !== f), test, lambda));
      ys.push(...test.map((e) => e.y));
    }
    const loss = logLoss(ps, ys);
    if (loss < bestLoss) [best, bestLoss] = [lambda, loss];
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
const labels = readValidityLabels();
const { examples, lost } = codeLabelled(labels);
console.error(`${examples.length} of ${labels.length} judged events found again (${lost.length} lost: the coder has changed since they were drawn)`);

const outer: Scored[] = [];
const chosen: number[] = [];
for (let f = 0; f < FOLDS; f++) {
  const train = examples.filter((e) => foldOf(e.doc) !== f);
  const test = examples.filter((e) => foldOf(e.doc) === f);
  const lambda = chooseLambda(train);
  chosen.push(lambda);
  const ps = predictions(train, test, lambda);
  const bs = plattPredictions(train, test);
  test.forEach((e, i) => outer.push({ p: ps[i]!, coder: e.coderScore, scaled: bs[i]!, y: e.y, set: e.doc.split(':')[0]! }));
}

const row = (name: string, value: string): string => `${name.padEnd(62)}${value}`;
const lines: string[] = [row('judged events found again / judged', `${examples.length} / ${labels.length}`), ...reportRows(outer)];
lines.push(row('L2 strength chosen per outer fold', chosen.join(', ')));

const lambda = chooseLambda(examples);
const w = fitLogistic(examples.map((e) => e.x), examples.map((e) => e.y), lambda);
lines.push(row('final model: L2 strength (chosen on all folds)', String(lambda)));
console.log(lines.join('\n'));

const model: ConfidenceModel = {
  weights: Object.fromEntries(FEATURE_NAMES.map((n, i) => [n, Math.round(w[i]! * 1e4) / 1e4])),
  about: {
    trainedBy: 'training/train-event-confidence.ts',
    labels: 'bench/data/event-validity.jsonl (events of ../shared/data/news-text judged by hand)',
    events: examples.length,
    lambda,
    crossValidated: lines,
    seconds: Math.round((Date.now() - started) / 1000),
  },
};
if (DRY) console.error('--dry-run: model not written');
else {
  writeFileSync(OUT, JSON.stringify(model, null, 1) + '\n');
  console.error(`wrote ${OUT}`);
}
