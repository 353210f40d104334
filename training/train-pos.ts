/**
 * Trains the POS tagger (averaged perceptron, one class per "UPOS|XPOS" pair)
 * on UD EWT train, picks the epoch by dev accuracy, and writes models/pos.bin.
 *
 * Run: npx tsx training/train-pos.ts [--epochs 8] [--seed 42] [--prune 0.5] [--data DIR]
 *        [--clusters models/clusters.tsv.gz] [--conll xpos|joint|none] [--conll-dir DIR] [--out models/pos.bin]
 *
 * News: with --conll, the Penn Treebank POS column of CoNLL-2003 eng.train
 * (Reuters 1996) is added to the training data. "xpos": its tokens constrain
 * only the XPOS half of the joint class (the update goes to the best-scoring
 * class with that XPOS, so the UPOS is the model's own, learnt from EWT);
 * "joint": each token gets one class, its UPOS from `ptb-upos.ts`. eng.testa
 * takes part in picking the epoch; eng.testb is never read here.
 *
 * Reproducible: sentence order is shuffled by a seeded PRNG and nothing else
 * is random, so the same data and flags give the same bytes.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import {
  MAX_STATIC, N_DYNAMIC, dynamicFeatures, staticFeatures, wordInfo, type Lexicon, type WordInfo,
} from '../src/nlp/pos/features.js';
import { parseLexicon } from '../src/nlp/pos/lexicon.js';
import { encodeModel, decodeModel, type PosHeader } from '../src/nlp/pos/model.js';
import { PosTagger } from '../src/nlp/pos/tagger.js';
import { EWT_DIR, mergeHyphenated, readConllu, type Sentence } from './common/conllu.js';
import {
  CONLL2003_DIR, isHeadlineLike, readConll2003, toEwtConventions, xposAgreement, type ConvertedSentence,
} from './common/conll2003.js';
import { mapToUpos, uposStats, type UposStats } from './common/ptb-upos.js';
import { rng } from '../src/core/rng.js';

interface Options {
  epochs: number;
  seed: number;
  data: string;
  out: string;
  /** Word clusters and case profiles (training/ner-clusters.ts output); "" for none. */
  clusters: string;
  /** Averaged weights below this magnitude are dropped from the model file. */
  prune: number;
  /** How CoNLL-2003 news sentences are used (see the file comment). */
  conll: 'none' | 'xpos' | 'joint';
  conllDir: string;
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    epochs: 8,
    seed: 42,
    data: EWT_DIR,
    out: fileURLToPath(new URL('../models/pos.bin', import.meta.url)),
    prune: 0.5,
    clusters: fileURLToPath(new URL('../models/clusters.tsv.gz', import.meta.url)),
    conll: 'xpos',
    conllDir: CONLL2003_DIR,
  };
  for (let i = 0; i < argv.length; i += 2) {
    const v = argv[i + 1] ?? '';
    switch (argv[i]) {
      case '--epochs': o.epochs = Number(v); break;
      case '--seed': o.seed = Number(v); break;
      case '--data': o.data = v; break;
      case '--out': o.out = v; break;
      case '--prune': o.prune = Number(v); break;
      case '--clusters': o.clusters = v; break;
      case '--conll':
        if (v !== 'none' && v !== 'xpos' && v !== 'joint') throw new Error(`--conll must be none, xpos or joint, not "${v}"`);
        o.conll = v;
        break;
      case '--conll-dir': o.conllDir = v; break;
      default: throw new Error(`unknown flag ${argv[i]}`);
    }
  }
  return o;
}


interface Example {
  words: string[];
  ws: WordInfo[];
  /** Gold class per word; -1 when the word has a set of acceptable classes (`sets`) or none (not learnt from). */
  gold: number[];
  sets?: (Uint8Array | null)[];
  /** Static feature hashes of word i: feats[offs[i] .. offs[i+1]). */
  feats: Uint32Array;
  offs: Uint32Array;
}

const tagOf = (t: { upos: string; xpos: string }): string => `${t.upos}|${t.xpos}`;

function buildExample(
  s: Sentence, classId: Map<string, number>, lex: Lexicon, held?: { counts: TagCounts; own: TagCounts },
): Example {
  const words = s.tokens.map((t) => t.form);
  return exampleOf(words, s.tokens.map((t) => classId.get(tagOf(t)) ?? 0), lex, held);
}

function exampleOf(
  words: string[], gold: number[], lex: Lexicon, held?: { counts: TagCounts; own: TagCounts },
): Example {
  const ws = words.map((w) => wordInfo(w, lex));
  if (held) for (const w of ws) w.amb = ambClass(held.counts.get(w.norm), held.own.get(w.norm));
  const buf = new Uint32Array(MAX_STATIC * ws.length);
  const offs = new Uint32Array(ws.length + 1);
  let n = 0;
  for (let i = 0; i < ws.length; i++) {
    n = staticFeatures(ws, i, buf, n);
    offs[i + 1] = n;
  }
  return { words, ws, gold, feats: buf.slice(0, n), offs };
}

interface NewsData {
  exs: Example[];
  sentences: number;
  headlines: number;
  /** Words with one class, with a set of classes, and not learnt from. */
  single: number;
  multi: number;
  skipped: number;
}

/**
 * CoNLL-2003 eng.train as training examples (headline-like sentences left
 * out). Punctuation and symbols take the classes EWT gives the same form (its
 * dash and semicolon tags depend on use, not form), unknown ones and FW/LS are
 * not learnt from; other words get the set of EWT classes with their XPOS
 * ("xpos") or the one class of the PTB → UPOS mapping ("joint").
 */
function newsExamples(
  o: Options, classId: Map<string, number>, lex: Lexicon, ewt: readonly Sentence[],
): NewsData {
  const byForm = new Map<string, Map<number, number>>();
  const byXpos = new Map<string, Map<number, number>>();
  for (const s of ewt) {
    for (const t of s.tokens) {
      const c = classId.get(tagOf(t))!;
      for (const [m, k] of [[byForm, t.form], [byXpos, t.xpos]] as const) {
        let e = m.get(k);
        if (!e) m.set(k, (e = new Map()));
        e.set(c, (e.get(c) ?? 0) + 1);
      }
    }
  }
  // Classes holding ≥ share of the uses: a form's rare tags and an XPOS's odd UPOS (X|NN) are noise here.
  const common = (m: Map<number, number> | undefined, share: number): Uint8Array | null => {
    if (!m) return null;
    let total = 0;
    for (const k of m.values()) total += k;
    const keep = [...m].filter(([, k]) => k >= 2 && k >= share * total).map(([c]) => c).sort((a, b) => a - b);
    return keep.length > 0 ? Uint8Array.from(keep) : null;
  };
  const stats: UposStats = uposStats(ewt);
  const data: NewsData = { exs: [], sentences: 0, headlines: 0, single: 0, multi: 0, skipped: 0 };
  for (const s of readConll2003(`${o.conllDir}/eng.train`)) {
    if (isHeadlineLike(s)) {
      data.headlines++;
      continue;
    }
    const conv = toEwtConventions(s);
    const upos = o.conll === 'joint' ? mapToUpos(conv.forms, conv.xpos, conv.chunk, stats) : null;
    const gold: number[] = [];
    const sets: (Uint8Array | null)[] = [];
    conv.forms.forEach((form, i) => {
      const x = conv.xpos[i]!;
      let set: Uint8Array | null = null;
      if (conv.punct[i]) set = common(byForm.get(form), 0.05);
      else if (x !== 'FW' && x !== 'LS') {
        const one = upos ? classId.get(`${upos[i]}|${x}`) : undefined;
        set = one !== undefined ? Uint8Array.of(one) : common(byXpos.get(x), 0.01);
      }
      if (set && set.length === 1) {
        gold.push(set[0]!);
        sets.push(null);
        data.single++;
      } else {
        gold.push(-1);
        sets.push(set);
        if (set) data.multi++;
        else data.skipped++;
      }
    });
    const ex = exampleOf(conv.forms, gold, lex);
    ex.sets = sets;
    data.exs.push(ex);
    data.sentences++;
  }
  return data;
}

/**
 * Frequent words that nearly always carry one tag are tagged from a
 * dictionary, in training as at run time (Honnibal's recipe): faster, and the
 * perceptron spends its capacity on the ambiguous words.
 */
function buildTagdict(sents: readonly Sentence[], classId: Map<string, number>): Map<string, number> {
  const counts = new Map<string, Map<number, number>>();
  for (const s of sents) {
    for (const t of s.tokens) {
      let m = counts.get(t.form);
      if (!m) counts.set(t.form, (m = new Map()));
      const c = classId.get(tagOf(t))!;
      m.set(c, (m.get(c) ?? 0) + 1);
    }
  }
  const dict = new Map<string, number>();
  for (const [w, m] of counts) {
    let total = 0;
    let best = -1;
    let bestN = 0;
    for (const [c, k] of m) {
      total += k;
      if (k > bestN) [best, bestN] = [c, k];
    }
    if (total >= 20 && bestN / total >= 0.995) dict.set(w, best);
  }
  return dict;
}

type TagCounts = Map<string, Map<string, number>>;

function countTags(sents: readonly Sentence[]): TagCounts {
  const counts: TagCounts = new Map();
  for (const s of sents) {
    for (const t of s.tokens) {
      const norm = wordInfo(t.form).norm;
      let m = counts.get(norm);
      if (!m) counts.set(norm, (m = new Map()));
      m.set(tagOf(t), (m.get(tagOf(t)) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * A word's ambiguity class: the tags it took at least twice-ish (≥ 5% of its
 * uses, and seen at least twice overall); "" when too rare. `minus` removes a
 * held-out part's own counts.
 */
function ambClass(m: Map<string, number> | undefined, minus?: Map<string, number>): string {
  if (!m) return '';
  const tags: [string, number][] = [];
  let total = 0;
  for (const [t, k] of m) {
    const v = k - (minus?.get(t) ?? 0);
    if (v > 0) {
      tags.push([t, v]);
      total += v;
    }
  }
  if (total < 2) return '';
  return tags.filter(([, k]) => k >= 0.05 * total).map(([t]) => t).sort().join(',');
}

/**
 * Ambiguity classes for training words must not come from the word's own
 * document, or they give its tag away for rare words and the model leans on
 * them (dev accuracy dropped ~0.1 without this): leave-one-document-out.
 */
function docCounts(train: readonly Sentence[]): Map<Sentence, TagCounts> {
  const out = new Map<Sentence, TagCounts>();
  let docStart = 0;
  for (let i = 1; i <= train.length; i++) {
    if (i < train.length && !train[i]!.newdoc) continue;
    const doc = train.slice(docStart, i);
    const own = countTags(doc);
    for (const s of doc) out.set(s, own);
    docStart = i;
  }
  return out;
}

/** Perceptron weights: dense rows of C classes, allocated on first update. */
class Weights {
  readonly rowOf = new Map<number, number>();
  hashes: number[] = [];
  w: Float32Array;
  /** Sum of step × update, for averaging: avg = w − u / steps (Daumé's trick). */
  u: Float64Array;
  rows = 0;

  constructor(readonly C: number) {
    this.w = new Float32Array(C * 65536);
    this.u = new Float64Array(C * 65536);
  }

  row(h: number): number {
    let r = this.rowOf.get(h);
    if (r !== undefined) return r;
    r = this.rows++;
    if (this.rows * this.C > this.w.length) {
      const w = new Float32Array(this.w.length * 2);
      w.set(this.w);
      this.w = w;
      const u = new Float64Array(this.u.length * 2);
      u.set(this.u);
      this.u = u;
    }
    this.rowOf.set(h, r);
    this.hashes.push(h);
    return r;
  }

  averaged(steps: number): Float32Array {
    const n = this.rows * this.C;
    const avg = new Float32Array(n);
    for (let i = 0; i < n; i++) avg[i] = this.w[i]! - this.u[i]! / steps;
    return avg;
  }
}

function score(wt: Weights, weights: Float32Array, feats: Uint32Array, n: number, scores: Float64Array): number {
  const C = wt.C;
  scores.fill(0);
  for (let k = 0; k < n; k++) {
    const r = wt.rowOf.get(feats[k]!);
    if (r === undefined) continue;
    const base = r * C;
    for (let c = 0; c < C; c++) scores[c]! += weights[base + c]!;
  }
  let best = 0;
  for (let c = 1; c < C; c++) if (scores[c]! > scores[best]!) best = c;
  return best;
}

interface Trainer {
  wt: Weights;
  steps: number;
}

/**
 * The class to learn towards for word i given the guess: the gold class; for a
 * word with a set of acceptable classes, the guess when it is one of them, else
 * the best-scoring of them (a latent-variable perceptron update); -1 when the
 * word is not learnt from.
 */
function target(ex: Example, i: number, guess: number, scores: Float64Array): number {
  const g = ex.gold[i]!;
  if (g >= 0) return g;
  const set = ex.sets?.[i];
  if (!set) return -1;
  if (set.includes(guess)) return guess;
  let best = set[0]!;
  for (const c of set) if (scores[c]! > scores[best]!) best = c;
  return best;
}

/** Training-error count: is class c acceptable for word i (words not learnt from count as right)? */
function acceptable(ex: Example, i: number, c: number): boolean {
  const g = ex.gold[i]!;
  if (g >= 0) return c === g;
  const set = ex.sets?.[i];
  return !set || set.includes(c);
}

/** Greedy decode of one example; when `learn`, update on every mistake. */
function runExample(
  tr: Trainer, weights: Float32Array, ex: Example, tagdict: Map<string, number>, learn: boolean,
  feats: Uint32Array, scores: Float64Array,
): number[] {
  const { wt } = tr;
  const pred: number[] = [];
  let t1 = -1;
  let t2 = -1;
  for (let i = 0; i < ex.words.length; i++) {
    let guess = tagdict.get(ex.words[i]!);
    if (guess === undefined) {
      let n = 0;
      for (let k = ex.offs[i]!; k < ex.offs[i + 1]!; k++) feats[n++] = ex.feats[k]!;
      n = dynamicFeatures(ex.ws, i, t1, t2, feats, n);
      guess = score(wt, weights, feats, n, scores);
      if (learn) {
        tr.steps++;
        const gold = target(ex, i, guess, scores);
        if (gold >= 0 && guess !== gold) {
          for (let k = 0; k < n; k++) {
            const base = wt.row(feats[k]!) * wt.C;
            wt.w[base + gold]! += 1;
            wt.u[base + gold]! += tr.steps;
            wt.w[base + guess]! -= 1;
            wt.u[base + guess]! -= tr.steps;
          }
          weights = wt.w;
        }
      }
    }
    pred.push(guess);
    t2 = t1;
    t1 = guess;
  }
  return pred;
}

function accuracy(pred: readonly number[][], gold: readonly number[][], classes: readonly string[]): [number, number] {
  let n = 0;
  let u = 0;
  let x = 0;
  for (let s = 0; s < gold.length; s++) {
    for (let i = 0; i < gold[s]!.length; i++) {
      const [pu, px] = classes[pred[s]![i]!]!.split('|');
      const [gu, gx] = classes[gold[s]![i]!]!.split('|');
      n++;
      if (pu === gu) u++;
      if (px === gx) x++;
    }
  }
  return [u / n, x / n];
}

/** Keep averaged weights above `prune`, quantised to Int16. */
function exportModel(wt: Weights, avg: Float32Array, classes: string[], tagdict: Map<string, number>,
  lexicon: Lexicon | null, prune: number, info: Record<string, unknown>): Uint8Array {
  const C = wt.C;
  let maxAbs = 0;
  for (const v of avg) maxAbs = Math.max(maxAbs, Math.abs(v));
  const scale = maxAbs / 32767;
  const hashes: number[] = [];
  const lengths: number[] = [];
  const weights: number[] = [];
  const classOf: number[] = [];
  const order = wt.hashes.map((h, r) => [h, r] as const).sort((a, b) => a[0] - b[0]);
  for (const [h, r] of order) {
    let len = 0;
    for (let c = 0; c < C; c++) {
      const v = avg[r * C + c]!;
      if (Math.abs(v) < prune) continue;
      weights.push(Math.round(v / scale));
      classOf.push(c);
      len++;
    }
    if (len > 0) {
      hashes.push(h);
      lengths.push(len);
    }
  }
  const dictWords = [...tagdict.keys()].sort();
  const header: PosHeader = {
    classes,
    scale,
    features: hashes.length,
    entries: weights.length,
    lexiconBytes: 0,
    tagdict: { words: dictWords, classes: dictWords.map((w) => tagdict.get(w)!) },
    info,
  };
  return encodeModel({
    header,
    hashes: Uint32Array.from(hashes),
    rowLength: Uint8Array.from(lengths),
    weights: Int16Array.from(weights),
    classOf: Uint8Array.from(classOf),
    lexicon,
  });
}

/** Accuracy of the exported model through the inference code itself. */
function evalTagger(tagger: PosTagger, sents: readonly Sentence[]): { upos: number; xpos: number; wps: number } {
  let n = 0;
  let u = 0;
  let x = 0;
  const t0 = performance.now();
  const preds = sents.map((s) => tagger.predict(s.tokens.map((t) => t.form)));
  const secs = (performance.now() - t0) / 1000;
  sents.forEach((s, k) => {
    s.tokens.forEach((t, i) => {
      const c = preds[k]![i]!;
      n++;
      if (tagger.upos[c] === t.upos) u++;
      if (tagger.xpos[c] === t.xpos) x++;
    });
  });
  return { upos: u / n, xpos: x / n, wps: n / secs };
}

function main(): void {
  const o = parseArgs(process.argv.slice(2));
  const t0 = performance.now();
  const train = readConllu(`${o.data}/en_ewt-ud-train.conllu`);
  const dev = readConllu(`${o.data}/en_ewt-ud-dev.conllu`);
  const test = readConllu(`${o.data}/en_ewt-ud-test.conllu`);
  const mergedFrom = new Map<Sentence, Sentence>();
  for (const s of train) {
    const m = mergeHyphenated(s);
    if (m) mergedFrom.set(m, s);
  }
  const merged = [...mergedFrom.keys()];
  const trainAll = [...train, ...merged];

  const freq = new Map<string, number>();
  for (const s of trainAll) for (const t of s.tokens) freq.set(tagOf(t), (freq.get(tagOf(t)) ?? 0) + 1);
  const classes = [...freq.keys()].sort((a, b) => freq.get(b)! - freq.get(a)! || (a < b ? -1 : 1));
  const classId = new Map(classes.map((c, i) => [c, i]));
  const tagdict = buildTagdict(trainAll, classId);
  const clusterBytes = o.clusters && existsSync(o.clusters) ? readFileSync(o.clusters) : null;
  const lex = clusterBytes
    ? parseLexicon(gunzipSync(clusterBytes).toString('utf8'))
    : { clusters: new Map(), caseBucket: new Map(), ambiguity: new Map() } as Lexicon;
  const counts = countTags(train);
  lex.ambiguity = new Map([...counts].map(([w, m]) => [w, ambClass(m)] as const).filter(([, a]) => a !== ''));
  const own = docCounts(train);
  console.log(`lexicon: ${lex.clusters.size} clustered words, ${lex.caseBucket.size} case profiles, `
    + `${lex.ambiguity.size} ambiguity classes`);
  const exs = trainAll.map((s) => buildExample(s, classId, lex, { counts, own: own.get(mergedFrom.get(s) ?? s)! }));
  const devExs = dev.map((s) => buildExample(s, classId, lex));
  console.log(`train ${train.length} sentences (+${merged.length} hyphen-merged copies), ${classes.length} classes, `
    + `tagdict ${tagdict.size} words`);
  let news: NewsData | null = null;
  let testa: ConvertedSentence[] = [];
  let testaExs: Example[] = [];
  if (o.conll !== 'none') {
    news = newsExamples(o, classId, lex, train);
    exs.push(...news.exs);
    const words = news.single + news.multi + news.skipped;
    console.log(`news (CoNLL-2003 eng.train, --conll ${o.conll}): ${news.sentences} sentences, ${words} words `
      + `(${news.headlines} headline-like sentences left out); ${news.single} words with one class, `
      + `${news.multi} with a set, ${news.skipped} not learnt from`);
    testa = readConll2003(`${o.conllDir}/eng.testa`).map(toEwtConventions);
    testaExs = testa.map((c) => exampleOf(c.forms, c.forms.map(() => -1), lex));
  }

  const tr: Trainer = { wt: new Weights(classes.length), steps: 0 };
  const feats = new Uint32Array(MAX_STATIC + N_DYNAMIC);
  const scores = new Float64Array(classes.length);
  const rand = rng(o.seed);
  const order = exs.map((_, i) => i);
  type Snapshot = { epoch: number; acc: number; avg: Float32Array; rows: number };
  let best: Snapshot = { epoch: 0, acc: -1, avg: new Float32Array(0), rows: 0 };
  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let errors = 0;
    let total = 0;
    for (const k of order) {
      const ex = exs[k]!;
      const pred = runExample(tr, tr.wt.w, ex, tagdict, true, feats, scores);
      total += pred.length;
      for (let i = 0; i < pred.length; i++) if (!acceptable(ex, i, pred[i]!)) errors++;
    }
    const avg = tr.wt.averaged(tr.steps);
    const devPred = devExs.map((ex) => runExample(tr, avg, ex, tagdict, false, feats, scores));
    const [du, dx] = accuracy(devPred, devExs.map((e) => e.gold), classes);
    // With news data the epoch must also suit news: EWT dev UPOS + XPOS + testa XPOS.
    let ax = 0;
    if (testaExs.length > 0) {
      const aPred = testaExs.map((ex) => runExample(tr, avg, ex, tagdict, false, feats, scores)
        .map((c) => classes[c]!.slice(classes[c]!.indexOf('|') + 1)));
      const a = xposAgreement(aPred, testa);
      ax = a.agree / a.words;
    }
    const secs = ((performance.now() - t0) / 1000).toFixed(0);
    console.log(`epoch ${epoch}: train err ${(100 * errors / total).toFixed(2)}%, dev UPOS ${(100 * du).toFixed(2)} `
      + `XPOS ${(100 * dx).toFixed(2)}${ax ? `, testa XPOS ${(100 * ax).toFixed(2)}` : ''}, rows ${tr.wt.rows}, ${secs}s`);
    if (du + dx + ax > best.acc) best = { epoch, acc: du + dx + ax, avg, rows: tr.wt.rows };
  }

  const bytes = exportModel(tr.wt, best.avg, classes, tagdict, lex, o.prune, {
    data: news
      ? `UD English EWT 2.16 train + CoNLL-2003 eng.train POS (--conll ${o.conll}, ${news.sentences} sentences); `
        + 'epoch chosen on EWT dev + eng.testa'
      : 'UD English EWT 2.16 (train; epoch chosen on dev)',
    // Only with news data, so that --conll none still writes the old model's exact bytes.
    ...(news ? { conll: o.conll } : {}),
    seed: o.seed,
    epochs: o.epochs,
    bestEpoch: best.epoch,
    prune: o.prune,
    clusters: clusterBytes
      ? {
        file: 'models/clusters.tsv.gz (training/ner-clusters.ts: Reuters-21578, BBC, CoNLL-2003 words)',
        sha256: createHash('sha256').update(clusterBytes).digest('hex'),
      }
      : null,
  });
  const tagger = new PosTagger(decodeModel(bytes));
  const d = evalTagger(tagger, dev);
  const t = evalTagger(tagger, test);
  const pct = (v: number): string => (100 * v).toFixed(2);
  console.log(`model: epoch ${best.epoch}, ${(bytes.length / 1e6).toFixed(2)} MB`);
  console.log(`dev  UPOS ${pct(d.upos)} XPOS ${pct(d.xpos)}`);
  console.log(`test UPOS ${pct(t.upos)} XPOS ${pct(t.xpos)}  (${Math.round(t.wps)} words/s)`);
  mkdirSync(dirname(o.out), { recursive: true });
  writeFileSync(o.out, bytes);
  console.log(`wrote ${o.out} in ${((performance.now() - t0) / 1000).toFixed(0)}s`);
}

main();
