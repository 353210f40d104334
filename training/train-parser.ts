/**
 * Trains the dependency parser (src/nlp/parser) on UD English EWT and writes
 * models/parser.bin.
 *
 *   npx tsx training/train-parser.ts [--epochs 12] [--bits 22] [--seed 1]
 *     [--subset N] [--explore 0.1] [--explore-after 1] [--out models/parser.bin]
 *     [--jackknife K] [--jackknife-seed 1] [--no-merged] [--clusters models/clusters.tsv.gz | --no-clusters]
 *
 * Arc-eager + dynamic oracle + averaged perceptron. Non-projective training
 * sentences (about 5% of EWT) are skipped rather than projectivised: the oracle
 * is exact only for projective trees, and lifting arcs would teach wrong heads.
 * Each epoch is scored on dev; the best epoch's averaged weights are kept.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { ClusterTable } from '../src/nlp/parser/clusters.js';
import { GreedyParser, validClasses } from '../src/nlp/parser/decode.js';
import { extractFeatures, makeView, MAX_FEATURES } from '../src/nlp/parser/features.js';
import type { SentenceView } from '../src/nlp/parser/features.js';
import type { ParserModel } from '../src/nlp/parser/model.js';
import { BLOCK } from '../src/nlp/parser/model.js';
import { ParseState } from '../src/nlp/parser/transitions.js';
import { computeCosts } from './parser-oracle.js';
import { isProjective, loadGold, toGold } from './parser-data.js';
import { rng } from '../src/core/rng.js';
import { jackknifeTags } from './parser-jackknife.js';
import { EWT_DIR as SHARED_EWT_DIR, mergeHyphenated, readConllu } from './common/conllu.js';
import { posModelAvailable, tagTokens } from '../src/nlp/pos/index.js';
import type { GoldSentence } from './parser-data.js';
import { AveragedPerceptron } from './parser-perceptron.js';
import { scoreParser } from './parser-score.js';
import type { Tagger } from './parser-score.js';

const ROOT_DIR = fileURLToPath(new URL('..', import.meta.url));
export const EWT_DIR = process.env.NEWSGRAPH_EWT ?? SHARED_EWT_DIR;

interface Prepared {
  view: SentenceView;
  gh: Int32Array;
  gl: Int32Array;
}

class Trainer {
  private readonly st = new ParseState();
  private readonly feats = new Int32Array(MAX_FEATURES);
  private readonly scores: Float32Array;
  private readonly bases: Int32Array;
  private readonly costs: Int32Array;
  private onStack = new Uint8Array(256);
  private readonly valid: Uint8Array;
  private readonly need: Uint8Array;
  private readonly nL: number;
  private readonly root: number;

  constructor(readonly p: AveragedPerceptron) {
    const m = p.model;
    this.scores = new Float32Array(m.nBlocks * BLOCK);
    this.bases = new Int32Array(MAX_FEATURES * m.nBlocks);
    this.costs = new Int32Array(m.nBlocks * BLOCK);
    this.valid = new Uint8Array(m.nBlocks * BLOCK);
    this.need = new Uint8Array(m.nBlocks);
    this.nL = m.labels.length;
    this.root = m.rootLabel;
  }

  /** One pass over a sentence; returns [transitions, mistakes]. */
  train(s: Prepared, explore: number, rand: () => number): [number, number] {
    const { st, feats, scores, bases, costs, nL } = this;
    const m = this.p.model;
    st.reset(s.view.n);
    if (this.onStack.length <= s.view.n) this.onStack = new Uint8Array(2 * s.view.n + 2);
    let steps = 0;
    let errors = 0;
    while (!st.terminal()) {
      const { valid, need } = this;
      validClasses(st, m, valid, need);
      const nf = extractFeatures(st, s.view, feats);
      m.score(feats, nf, need, scores, bases);
      computeCosts(st, s.gh, s.gl, nL, this.onStack, costs);
      let minCost = Infinity;
      for (let c = 0; c < m.nClasses; c++) {
        if (valid[c] === 1 && costs[c]! < minCost) minCost = costs[c]!;
      }
      let pred = -1;
      let gold = -1;
      for (let c = 0; c < m.nClasses; c++) {
        if (valid[c] === 0) continue;
        if (pred < 0 || scores[c]! > scores[pred]!) pred = c;
        if (costs[c] === minCost && (gold < 0 || scores[c]! > scores[gold]!)) gold = c;
      }
      let next = pred;
      if (costs[pred]! > minCost) {
        errors++;
        this.p.update(bases, nf, gold, 1);
        this.p.update(bases, nf, pred, -1);
        if (rand() >= explore) next = gold;
      }
      st.apply(next, nL);
      this.p.step++;
      steps++;
    }
    return [steps, errors];
  }

  /** Following zero-cost moves from the start must rebuild the gold tree exactly. */
  checkOracle(s: Prepared): boolean {
    const { st, costs, nL } = this;
    const m = this.p.model;
    st.reset(s.view.n);
    if (this.onStack.length <= s.view.n) this.onStack = new Uint8Array(2 * s.view.n + 2);
    while (!st.terminal()) {
      computeCosts(st, s.gh, s.gl, nL, this.onStack, costs);
      let c = 0;
      while (!(st.valid(c, nL, this.root) && costs[c] === 0)) if (++c >= m.nClasses) return false;
      st.apply(c, nL);
    }
    for (let i = 0; i < s.view.n; i++) if (st.head[i] !== s.gh[i] || st.label[i] !== s.gl[i]) return false;
    return true;
  }
}

export interface TrainOptions {
  epochs: number;
  bits: number;
  seed: number;
  subset: number;
  explore: number;
  exploreAfter: number;
  out: string;
  /** Folds for jackknifed training tags; 0 trains on gold tags. */
  jackknife: number;
  /** Seed of the fold taggers (kept apart from `seed` so the cached folds can be reused). */
  jackknifeSeed: number;
  /** Word-cluster file (models/clusters.tsv.gz) copied into the model, or null. */
  clusters: string | null;
  /** Add hyphen-merged copies of training sentences. */
  merged: boolean;
  /** Tags dev for epoch selection; gold tags when absent. */
  devTagger?: Tagger;
}

export function trainParser(o: TrainOptions): ParserModel {
  const t0 = Date.now();
  const raw = readConllu(join(EWT_DIR, 'en_ewt-ud-train.conllu'));
  const dev = loadGold(join(EWT_DIR, 'en_ewt-ud-dev.conllu'));
  const labels = [...new Set(raw.flatMap((s) => s.tokens.map((t) => t.deprel)))].sort();
  const labelId = new Map(labels.map((l, i) => [l, i]));
  const jk = o.jackknife > 0 ? jackknifeTags(EWT_DIR, o.jackknife, o.jackknifeSeed) : null;
  const clusters = o.clusters ? ClusterTable.fromTsv(gunzipSync(readFileSync(o.clusters)).toString('utf8')) : null;
  const prep = (g: GoldSentence, tags: { upos: string[]; xpos: string[] }): Prepared => ({
    view: makeView(g.words, tags.upos, tags.xpos, clusters),
    gh: g.head,
    gl: Int32Array.from(g.deprel, (d) => labelId.get(d) ?? 0),
  });
  let data: Prepared[] = [];
  let skipped = 0;
  let mergedCount = 0;
  const limit = o.subset > 0 ? Math.min(o.subset, raw.length) : raw.length;
  for (let i = 0; i < limit; i++) {
    const s = raw[i]!;
    const g = toGold(s);
    if (isProjective(g.head)) data.push(prep(g, jk ? jk[i]!.orig : g));
    else skipped++;
    // The news tokenizer keeps "war-torn" whole where EWT splits it; train on both.
    const m = o.merged ? mergeHyphenated(s) : null;
    if (m) {
      const gm = toGold(m);
      if (isProjective(gm.head)) {
        data.push(prep(gm, jk ? jk[i]!.merged ?? gm : gm));
        mergedCount++;
      }
    }
  }
  console.log(
    `train: ${data.length} sentences (${skipped} non-projective skipped, ${mergedCount} hyphen-merged copies), ` +
      `${labels.length} labels, ${jk ? `jackknifed tags (${o.jackknife} folds)` : 'gold tags'}`,
  );
  data = data.filter((d) => d.view.n > 0);
  const clusterDigest = o.clusters ? createHash('sha256').update(readFileSync(o.clusters)).digest('hex').slice(0, 16) : '';
  const perceptron = new AveragedPerceptron(labels, o.bits, clusters);
  const trainer = new Trainer(perceptron);
  const bad = data.slice(0, 2000).filter((s) => !trainer.checkOracle(s)).length;
  if (bad > 0) throw new Error(`oracle check failed on ${bad} sentences`);

  const rand = rng(o.seed);
  const order = data.map((_, i) => i);
  let best: { las: number; epoch: number; model: ParserModel | null } = { las: -1, epoch: 0, model: null };
  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    const te = Date.now();
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let steps = 0;
    let errors = 0;
    const explore = epoch > o.exploreAfter ? o.explore : 0;
    for (const i of order) {
      const [s, e] = trainer.train(data[i]!, explore, rand);
      steps += s;
      errors += e;
    }
    const model = perceptron.averaged();
    const d = scoreParser(new GreedyParser(model), dev, o.devTagger);
    const secs = ((Date.now() - te) / 1000).toFixed(0);
    console.log(
      `epoch ${epoch}: train err ${((100 * errors) / steps).toFixed(2)}%  dev UAS ${d.uas} LAS ${d.las} ` +
        `(universal ${d.lasUniversal})  ${secs}s`,
    );
    if (d.las > best.las) {
      best = { las: d.las, epoch, model };
      // Write as we go, so an interrupted run still leaves its best model.
      save(model, describe(epoch, d.las));
    }
  }
  const final = best.model!;
  console.log('kept', final.trainedOn);
  return final;

  function describe(epoch: number, las: number): Record<string, unknown> {
    return {
      data: 'UD English EWT r2.16, en_ewt-ud-train.conllu (projective sentences only)',
      seed: o.seed,
      epochs: o.epochs,
      bestEpoch: epoch,
      devLas: las,
      tags: jk ? `jackknifed, ${o.jackknife} folds` : 'gold',
      hyphenMergedCopies: o.merged,
      clusters: o.clusters ? `${relative(ROOT_DIR, o.clusters)} (sha256 ${clusterDigest})` : null,
      explore: o.explore,
      minutes: Math.round((Date.now() - t0) / 6000) / 10,
    };
  }

  function save(model: ParserModel, facts: Record<string, unknown>): void {
    Object.assign(model.trainedOn, facts);
    const buf = model.toBuffer();
    mkdirSync(dirname(o.out), { recursive: true });
    writeFileSync(o.out, buf);
    console.log(`wrote ${o.out} (${(buf.length / 1e6).toFixed(2)} MB)`);
  }
}

function main(): void {
  const { values } = parseArgs({
    options: {
      epochs: { type: 'string', default: '12' },
      bits: { type: 'string', default: '22' },
      seed: { type: 'string', default: '1' },
      subset: { type: 'string', default: '0' },
      explore: { type: 'string', default: '0.1' },
      'explore-after': { type: 'string', default: '1' },
      out: { type: 'string', default: join(ROOT_DIR, 'models', 'parser.bin') },
      jackknife: { type: 'string', default: '0' },
      'jackknife-seed': { type: 'string', default: '1' },
      'no-merged': { type: 'boolean', default: false },
      clusters: { type: 'string', default: join(ROOT_DIR, 'models', 'clusters.tsv.gz') },
      'no-clusters': { type: 'boolean', default: false },
    },
  });
  const jackknife = Number(values.jackknife);
  trainParser({
    epochs: Number(values.epochs),
    bits: Number(values.bits),
    seed: Number(values.seed),
    subset: Number(values.subset),
    explore: Number(values.explore),
    exploreAfter: Number(values['explore-after']),
    out: values.out,
    jackknife,
    jackknifeSeed: Number(values['jackknife-seed']),
    merged: !values['no-merged'],
    clusters: values['no-clusters'] ? null : values.clusters,
    ...(jackknife > 0 && posModelAvailable() ? { devTagger: (w: string[]) => tagTokens(w) } : {}),
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
