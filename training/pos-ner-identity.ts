/**
 * Guard for speed work on the POS tagger and the NER: prints sha256 digests of
 * everything they output, so a change to their inference code can be shown to
 * leave every prediction byte-identical. Covered:
 *   pos-ewt       tagger.predict on UD EWT test (class ids)
 *   pos-conll     tagger.predict on CoNLL-2003 eng.testb forms (as eval-pos.ts shows them)
 *   pos-features  the training-side feature hashes (staticFeatures + dynamicFeatures) of EWT test
 *   ner-testb     tagDocumentSpans on CoNLL-2003 eng.testb, one document at a time
 *   ner-features  the full (training) feature lists of eng.testb, both passes
 *   pipe-pos      upos/xpos of the pos stage on BBC articles built as bench/pipeline.ts builds them
 *   pipe-ner      doc.ner of the ner stage on those articles
 * and the CPU time each part took (a rough speed figure; use bench/pipeline.ts to compare).
 *
 * Usage: npx tsx training/pos-ner-identity.ts [--articles 100] [--expect <all-digest>]
 */
import { createHash, type Hash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { documentFeatures } from '../src/nlp/ner/features.js';
import { addHistoryFeatures } from '../src/nlp/ner/history.js';
import { nerStage } from '../src/nlp/ner/index.js';
import { loadNer } from '../src/nlp/ner/load.js';
import { tagDocumentSpans } from '../src/nlp/ner/tagger.js';
import { MAX_STATIC, N_DYNAMIC, dynamicFeatures, staticFeatures, wordInfo } from '../src/nlp/pos/features.js';
import { loadTagger, posStage } from '../src/nlp/pos/index.js';
import { POS_MODEL_PATH } from '../src/nlp/pos/load.js';
import { decodeModel } from '../src/nlp/pos/model.js';
import { CONLL2003_DIR, readConll2003, toEwtConventions } from './common/conll2003.js';
import { EWT_DIR, readConllu } from './common/conllu.js';
import { readLabelled } from './ner-corpus.js';
import { BBC_FILE, articleTexts, sentencedDoc } from './pos-ner-articles.js';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const ARTICLES = Number(opt('articles') ?? 100);
const EXPECT = opt('expect');

const EWT_TEST = `${EWT_DIR}/en_ewt-ud-test.conllu`;
const TESTB = `${CONLL2003_DIR}/eng.testb`;
const BBC = BBC_FILE;
for (const f of [EWT_TEST, TESTB, BBC]) {
  if (!existsSync(f)) {
    console.log(`pos-ner-identity skipped: ${f} is absent`);
    process.exit(0);
  }
}

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const digests: [string, string, number][] = [];
function part(name: string, fill: (h: Hash) => void): void {
  const h = createHash('sha256');
  const t = cpuMs();
  fill(h);
  digests.push([name, h.digest('hex'), cpuMs() - t]);
}
const ints = (xs: ArrayLike<number>): Buffer => Buffer.from(Int32Array.from(xs).buffer);

const t0 = cpuMs();
const tagger = loadTagger();
const posLoad = cpuMs() - t0;
const t1 = cpuMs();
loadNer();
const nerLoad = cpuMs() - t1;

const ewt = readConllu(EWT_TEST).map((s) => s.tokens.map((t) => t.form));
part('pos-ewt', (h) => {
  for (const s of ewt) h.update(ints(tagger.predict(s))).update('|');
});
const conll = readConll2003(TESTB).map((s) => toEwtConventions(s).forms);
part('pos-conll', (h) => {
  for (const s of conll) h.update(ints(tagger.predict(s))).update('|');
});
part('pos-features', (h) => {
  // The training path: an uncached lexicon walk and the full static feature lists.
  const lex = decodeModel(readFileSync(POS_MODEL_PATH)).lexicon;
  const buf = new Uint32Array(MAX_STATIC + N_DYNAMIC);
  for (const s of ewt) {
    const ws = s.map((w) => wordInfo(w, lex));
    for (let i = 0; i < ws.length; i++) {
      let n = staticFeatures(ws, i, buf, 0);
      n = dynamicFeatures(ws, i, i % 7, (i * 3) % 11 - 1, buf, n);
      h.update(Buffer.from(buf.buffer, 0, 4 * n)).update('|');
    }
  }
});

const docs = readLabelled(TESTB);
part('ner-testb', (h) => {
  for (const d of docs) h.update(JSON.stringify(tagDocumentSpans(d.sentences)));
});
part('ner-features', (h) => {
  const { resources } = loadNer();
  for (const d of docs) {
    const feats = documentFeatures(d.sentences, resources);
    const spans = tagDocumentSpans(d.sentences);
    for (const f of [...feats, ...addHistoryFeatures(d.sentences, feats, spans)]) {
      h.update(Buffer.from(f.hashes.buffer, f.hashes.byteOffset, f.hashes.byteLength));
      h.update(Buffer.from(f.offsets.buffer, f.offsets.byteOffset, f.offsets.byteLength));
    }
  }
});

const built = articleTexts(ARTICLES).map(sentencedDoc);
part('pipe-pos', (h) => {
  for (const d of built) {
    posStage.run(d);
    h.update(JSON.stringify(d.tokens.map((t) => [t.start, t.end, t.upos, t.xpos])));
  }
});
part('pipe-ner', (h) => {
  for (const d of built) {
    nerStage.run(d);
    h.update(JSON.stringify(d.ner));
  }
});

const all = createHash('sha256');
for (const [name, hex, ms] of digests) {
  all.update(`${name}=${hex}\n`);
  console.log(`${name.padEnd(13)} ${hex.slice(0, 16)}  ${ms.toFixed(0).padStart(6)} ms CPU`);
}
const allHex = all.digest('hex').slice(0, 16);
console.log(`load          pos ${posLoad.toFixed(0)} ms CPU, ner ${nerLoad.toFixed(0)} ms CPU; ` +
  `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
console.log(`all           ${allHex}`);
if (EXPECT && EXPECT !== allHex) {
  console.error(`DIGEST CHANGED: expected ${EXPECT}, got ${allHex}`);
  process.exit(1);
}
