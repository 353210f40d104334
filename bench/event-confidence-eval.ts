/**
 * The shipped event confidence model (models/event-confidence.json) on its held test set,
 * bench/data/event-validity-test.jsonl: events of articles the model was not trained on,
 * judged by hand after it was trained. One table: ranking (AUC) and calibration against the
 * coder's own score, and what a reader keeps when filtering by confidence.
 *
 *   npx tsx bench/event-confidence-eval.ts        (npm run eval:confidence; needs ../shared)
 */
import { existsSync } from 'node:fs';
import { eventScorer } from '../src/events/confidence.js';
import { BBC_FILE } from '../training/common/news-articles.js';
import { codeLabelled, readValidityLabels, VALIDITY_TEST_FILE } from '../training/event-confidence-data.js';
import { reportRows } from '../training/event-confidence-report.js';

if (!existsSync(BBC_FILE)) {
  console.log('event confidence eval skipped: ../shared/data/news-text is absent');
  process.exit(0);
}
const scorer = eventScorer();
if (!scorer) throw new Error('models/event-confidence.json is missing: run npx tsx training/train-event-confidence.ts');

const labels = readValidityLabels(VALIDITY_TEST_FILE);
const { examples, lost } = codeLabelled(labels);
const scored = examples.map((e) => ({ p: scorer.probability(e.x, e.words), coder: e.coderScore, y: e.y, set: e.doc.split(':')[0]! }));
console.log(`${'held test events found again / judged'.padEnd(62)}${examples.length} / ${labels.length}${lost.length > 0 ? ' (the coder has changed since they were drawn)' : ''}`);
console.log(reportRows(scored).join('\n'));
