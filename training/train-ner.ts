/**
 * Trains the NER tagger on CoNLL-2003 eng.train; epochs are chosen on eng.testa;
 * eng.testb is never read here. Two passes, each an averaged structured perceptron
 * over BILOU tags with exact Viterbi (see ner-perceptron.ts): pass 2 adds features
 * from pass 1's labels of the same word elsewhere in the document; its training
 * input comes from a 5-fold jackknife so pass 1 is not over-trusted. Writes
 * models/ner.bin (both passes).
 *
 * Usage: npx tsx training/train-ner.ts [--epochs 10] [--bits 19] [--seed 7] [--folds 5]
 *          [--one-pass] [--no-clusters] [--no-gazetteer] [--limit DOCS] [--out FILE]
 *          [--with-dev --epochs1 E1 --epochs2 E2]
 *
 * --with-dev trains on eng.train + eng.testa for E1 and E2 epochs (passes 1 and 2),
 * the epochs a train-only run chose on eng.testa: nothing is chosen on testa then.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentFeatures, FEATURE_VERSION } from '../src/nlp/ner/features.js';
import { addHistoryFeatures } from '../src/nlp/ner/history.js';
import { loadResources, MODEL_FILE } from '../src/nlp/ner/load.js';
import { NerModel, serialiseBundle } from '../src/nlp/ner/model.js';
import { BILOU_TAGS, spansToBilou, type TokenSpan } from '../src/nlp/ner/tags.js';
import { readLabelled, type LabelledDoc } from './ner-corpus.js';
import { predictSpans, scoreExamples, trainPerceptron, type Example, type Trained } from './ner-perceptron.js';
import { formatScores } from './ner-score.js';
import { SHARED } from './ner-text.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const flag = (name: string): boolean => args.includes(`--${name}`);
const EPOCHS = opt('epochs', 10);
const BITS = opt('bits', 19);
const SEED = opt('seed', 7);
const FOLDS = opt('folds', 5);
const LIMIT = opt('limit', Infinity);
const WITH_DEV = flag('with-dev');
const EPOCHS1 = opt('epochs1', 0);
const EPOCHS2 = opt('epochs2', 0);
if (WITH_DEV && !(EPOCHS1 > 0 && EPOCHS2 > 0)) throw new Error('train-ner: --with-dev needs --epochs1 and --epochs2 from a train-only run');
const outIdx = args.indexOf('--out');
const OUT = outIdx >= 0 ? args[outIdx + 1]! : MODEL_FILE;
const MASK = (1 << BITS) - 1;

const t0 = Date.now();
const log = (msg: string): void => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);

const use = { clusters: !flag('no-clusters'), gazetteer: !flag('no-gazetteer') };
const resources = loadResources(use);
log(`resources: ${JSON.stringify(use)}`);

interface DocExamples {
  sentences: string[][];
  examples: Example[];
}

function toExamples(docs: LabelledDoc[]): DocExamples[] {
  return docs.map((d) => {
    const feats = documentFeatures(d.sentences, resources);
    return {
      sentences: d.sentences,
      examples: d.sentences.map((s, i) => {
        const gold = d.gold[i] ?? [];
        return { feats: feats[i]!, gold: spansToBilou(gold, s.length), goldSpans: gold };
      }),
    };
  });
}

function withHistory(doc: DocExamples, firstPass: TokenSpan[][]): Example[] {
  const feats = addHistoryFeatures(doc.sentences, doc.examples.map((e) => e.feats), firstPass);
  return doc.examples.map((e, i) => ({ ...e, feats: feats[i]! }));
}

const conll = join(SHARED, 'conll2003');
const trainOnly = toExamples(readLabelled(join(conll, 'eng.train')).slice(0, LIMIT));
const devDocs = toExamples(readLabelled(join(conll, 'eng.testa')));
const trainDocs = WITH_DEV ? [...trainOnly, ...devDocs] : trainOnly;
const flat = (docs: DocExamples[]): Example[] => docs.flatMap((d) => d.examples);
log(`features: ${flat(trainDocs).length} train, ${flat(devDocs).length} dev sentences`);

const header = (pass: number, t: Trained): Omit<ConstructorParameters<typeof NerModel>[0], 'scale' | 'nonZero'> => ({
  featureVersion: FEATURE_VERSION,
  hashBits: BITS,
  tags: [...BILOU_TAGS],
  pass,
  trainedOn: WITH_DEV
    ? `CoNLL-2003 eng.train + eng.testa, pass ${pass}, ${t.epoch} epochs (chosen by a train-only run on eng.testa), seed ${SEED}`
    : `CoNLL-2003 eng.train, pass ${pass}, ${t.epoch} epochs (best on eng.testa), seed ${SEED}`,
  resources: Object.entries(use).filter(([, v]) => v).map(([k]) => k),
});

log('pass 1');
// Epochs are chosen on testa and the models scored on it, unless it is training data
// (--with-dev): then a score on it says nothing.
const dev1 = WITH_DEV ? null : flat(devDocs);
const pass1 = trainPerceptron(flat(trainDocs), dev1, { epochs: WITH_DEV ? EPOCHS1 : EPOCHS, bits: BITS, seed: SEED, log });
const models = [NerModel.quantise(header(1, pass1), pass1.weights, pass1.trans)];
const report = (m: NerModel, dev: Example[]): string => formatScores(scoreExamples(dev, m.weights, m.trans, MASK).scores());
if (dev1) log(`pass 1 dev, quantised, epoch ${pass1.epoch}:\n${report(models[0]!, dev1)}`);

if (!flag('one-pass')) {
  // Jackknife: each fold's first-pass labels come from a model that never saw it.
  const trainFirst: TokenSpan[][][] = trainDocs.map(() => []);
  for (let f = 0; f < FOLDS; f++) {
    const inFold = (i: number): boolean => i % FOLDS === f;
    const m = trainPerceptron(flat(trainDocs.filter((_, i) => !inFold(i))), null, {
      epochs: pass1.epoch,
      bits: BITS,
      seed: SEED + f + 1,
      log: (s) => log(`fold ${f + 1}/${FOLDS} ${s}`),
    });
    trainDocs.forEach((d, i) => {
      if (inFold(i)) trainFirst[i] = d.examples.map((e) => predictSpans(e, m.weights, m.trans, MASK));
    });
  }
  const p1 = models[0]!;
  const train2 = trainDocs.flatMap((d, i) => withHistory(d, trainFirst[i]!));
  const dev2 = dev1 && devDocs.flatMap((d) => withHistory(d, d.examples.map((e) => predictSpans(e, p1.weights, p1.trans, MASK))));
  log('pass 2');
  const pass2 = trainPerceptron(train2, dev2, { epochs: WITH_DEV ? EPOCHS2 : EPOCHS, bits: BITS, seed: SEED, log });
  models.push(NerModel.quantise(header(2, pass2), pass2.weights, pass2.trans));
  if (dev2) log(`pass 2 dev, quantised, epoch ${pass2.epoch}:\n${report(models[1]!, dev2)}`);
}

const bytes = serialiseBundle(models);
writeFileSync(OUT, bytes);
log(`wrote ${OUT}: ${bytes.length} bytes, non-zero weights ${models.map((m) => m.header.nonZero).join(' + ')}`);
