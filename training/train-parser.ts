/**
 * Trains the dependency parser (src/nlp/parser) on UD English EWT and writes
 * models/parser.bin.
 *
 *   npx tsx training/train-parser.ts [--epochs 12] [--action-bits 19] [--label-bits 15] [--seed 1]
 *     [--subset N] [--explore 0.3] [--explore-after 1] [--out models/parser.bin]
 *     [--jackknife K] [--jackknife-seed 1] [--no-merged] [--clusters models/clusters.tsv.gz | --no-clusters]
 *     [--with-dev [--checkpoints]] [--beam K] [--update max-violation|early] [--silver FILE ...]
 *     [--move-slots LIST] [--label-slots LIST] [--state-labels fine|group|group-class] [--labels-only-from MODEL]
 *
 * Arc-eager + dynamic oracle + averaged perceptron. Non-projective training
 * sentences (about 5% of EWT) are skipped rather than projectivised: the oracle
 * is exact only for projective trees, and lifting arcs would teach wrong heads.
 * Each epoch is scored on dev; the best epoch's averaged weights are kept. With
 * --with-dev, dev is training data too and the last epoch is kept: the shipped
 * model is trained so, for the number of epochs a train-only run chose on dev.
 *
 * --beam K trains for beam search instead (parser-beam-trainer.ts: global
 * structured perceptron over move sequences, no exploration), scores dev with a
 * width-K beam, and records K in the model so that it is decoded so. "train err"
 * is then (label mistakes + sentences updated) / (label decisions + sentences).
 * --state-labels group or group-class (beam only) makes parse states record arcs'
 * label groups (with group-class, and their dependents' word classes), not their
 * fine labels (StateLabels in src/nlp/parser/model.ts). --labels-only-from MODEL
 * keeps such a model's move table and trains only its label table; MODEL must have
 * this run's labels, move table size, move slots and clusters, and the new model's
 * trainedOn names it (movesFrom: file name, sha256, its trainedOn).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { ClusterTable } from '../src/nlp/parser/clusters.js';
import { bestClass, GreedyParser, validMoves } from '../src/nlp/parser/decode.js';
import { bestLabel } from '../src/nlp/parser/labelling.js';
import { classAction, classGroup } from '../src/nlp/parser/move-classes.js';
import { finishedFeatures, makeView, MAX_FEATURES } from '../src/nlp/parser/features.js';
import type { SentenceView } from '../src/nlp/parser/features.js';
import { ParserModel } from '../src/nlp/parser/model.js';
import type { StateLabels, TableSlots } from '../src/nlp/parser/model.js';
import { ACTION_STRIDE, LABEL_STRIDE, N_CLASSES } from '../src/nlp/parser/model.js';
import { groupOrder } from '../src/nlp/parser/label-groups.js';
import { LEFT, N_ACTIONS, ParseState, RIGHT } from '../src/nlp/parser/transitions.js';
import { classCosts, computeCosts } from './parser-oracle.js';
import type { OracleAnswer } from './parser-oracle.js';
import { isProjective, loadGold, toGold } from './parser-data.js';
import { rng } from '../src/core/rng.js';
import { jackknifeTags } from './parser-jackknife.js';
import { EWT_DIR as SHARED_EWT_DIR, mergeHyphenated, readConllu } from './common/conllu.js';
import { posModelAvailable, tagTokens } from '../src/nlp/pos/index.js';
import type { GoldSentence } from './parser-data.js';
import { AveragedPerceptron } from './parser-perceptron.js';
import { BeamTrainer } from './parser-beam-trainer.js';
import type { UpdateRule } from './parser-beam-trainer.js';
import { BeamParser } from '../src/nlp/parser/beam.js';
import { scoreParser } from './parser-score.js';
import { sameClusters, sameSlots } from './parser-soup.js';
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
  private readonly fh = new Uint32Array(MAX_FEATURES);
  private readonly rows = new Int32Array(MAX_FEATURES);
  private readonly aScores = new Float64Array(ACTION_STRIDE);
  private readonly lScores = new Float64Array(LABEL_STRIDE);
  private readonly valid = new Uint8Array(N_ACTIONS);
  private readonly classes = new Uint8Array(N_CLASSES);
  private readonly costs = new Int32Array(N_CLASSES);
  private readonly oracle: OracleAnswer = { costs: new Int32Array(N_ACTIONS), leftLabel: -1, rightLabel: -1 };
  private onStack = new Uint8Array(256);
  private readonly picked = new Uint32Array(MAX_FEATURES);
  private readonly count = { n: 0 };

  constructor(readonly p: AveragedPerceptron) {}

  private classCosts(): void {
    classCosts(this.oracle, this.p.model, this.costs);
  }

  /** One pass over a sentence; returns [decisions, mistakes] (moves and labels). */
  train(s: Prepared, explore: number, rand: () => number): [number, number] {
    const { st, fh, rows, aScores, lScores, valid, classes, costs, oracle } = this;
    const m = this.p.model;
    const root = m.rootLabel;
    st.reset(s.view.n);
    if (this.onStack.length <= s.view.n) this.onStack = new Uint8Array(2 * s.view.n + 2);
    let steps = 0;
    let errors = 0;
    while (!st.terminal()) {
      const nf = finishedFeatures(st, s.view, fh);
      computeCosts(st, s.gh, s.gl, this.onStack, oracle);
      this.classCosts();
      const nValid = validMoves(st, m, valid, classes);
      let minCost = Infinity;
      for (let c = 0; c < N_CLASSES; c++) if (classes[c] === 1 && costs[c]! < minCost) minCost = costs[c]!;
      let next = -1;
      if (nValid === 1) {
        next = classes.indexOf(1);
      } else {
        const mf = m.pick('move', fh, nf, this.picked, this.count);
        const nm = this.count.n;
        m.scoreActions(mf, nm, aScores, rows);
        const pred = bestClass(aScores, classes);
        let gold = -1;
        for (let c = 0; c < N_CLASSES; c++) {
          if (classes[c] === 1 && costs[c] === minCost && (gold < 0 || aScores[c]! > aScores[gold]!)) gold = c;
        }
        next = pred;
        steps++;
        if (costs[pred]! > minCost) {
          errors++;
          this.p.update(rows, nm, gold, 1);
          this.p.update(rows, nm, pred, -1);
          if (rand() >= explore) next = gold;
        }
      }
      const a = classAction(next);
      let label = -1;
      if (a === LEFT || a === RIGHT) {
        label = a === LEFT ? st.forcedLeftLabel(root) : -1;
        if (label < 0) {
          const g = classGroup(next);
          const lf = m.pick('label', fh, nf, this.picked, this.count);
          const nl = this.count.n;
          m.scoreLabels(lf, nl, a, g, lScores, rows);
          const pred = bestLabel(lScores, m, g);
          const gold = a === LEFT ? oracle.leftLabel : oracle.rightLabel;
          label = pred;
          if (gold >= 0 && gold !== root && m.groupOf[gold] === g) {
            steps++;
            if (pred !== gold) {
              errors++;
              this.p.update(rows, nl, gold, 1);
              this.p.update(rows, nl, pred, -1);
              if (rand() >= explore) label = gold;
            }
          }
        }
      }
      st.apply(a, label);
      this.p.step++;
    }
    return [steps, errors];
  }

  /** Following zero-cost moves with gold labels from the start must rebuild the gold tree exactly. */
  checkOracle(s: Prepared): boolean {
    const { st, oracle, valid, classes, costs } = this;
    const m = this.p.model;
    const root = m.rootLabel;
    st.reset(s.view.n);
    if (this.onStack.length <= s.view.n) this.onStack = new Uint8Array(2 * s.view.n + 2);
    while (!st.terminal()) {
      computeCosts(st, s.gh, s.gl, this.onStack, oracle);
      this.classCosts();
      validMoves(st, m, valid, classes);
      let c = 0;
      while (!(classes[c] === 1 && costs[c] === 0)) if (++c >= N_CLASSES) return false;
      const a = classAction(c);
      let label = -1;
      if (a === LEFT || a === RIGHT) {
        label = a === LEFT ? st.forcedLeftLabel(root) : -1;
        if (label < 0) label = a === LEFT ? oracle.leftLabel : oracle.rightLabel;
        if (label < 0 || !st.validLabel(a, label, root) || m.groupOf[label] !== classGroup(c)) return false;
      }
      st.apply(a, label);
    }
    for (let i = 0; i < s.view.n; i++) if (st.head[i] !== s.gh[i] || st.label[i] !== s.gl[i]) return false;
    return true;
  }
}

export interface TrainOptions {
  epochs: number;
  /** log2 of the action and label tables' row counts. */
  actionBits: number;
  labelBits: number;
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
  /**
   * Also train on EWT dev (tagged by devTagger, which never saw dev: the run's
   * jackknifed tags stand for the same thing) and keep the last epoch: no epoch
   * can then be chosen on dev, so `epochs` must come from a train-only run.
   */
  withDev?: boolean;
  /** Feature slots the move and label tables read (null: all); see parser-slot-usage.ts. */
  slots?: TableSlots;
  /** What parse states record of an arc (a beam model only may record groups). */
  stateLabels?: StateLabels;
  /**
   * A model file whose move table is kept: only the label table is trained. For a model
   * whose states record groups, whose search does not depend on its labels.
   */
  labelsOnlyFrom?: string;
  /** With withDev, also write each earlier epoch's model beside `out` (out.epochK.bin). */
  checkpoints?: boolean;
  /** Beam width for global training and decoding; 0 trains the greedy parser. */
  beam: number;
  /**
   * CoNLL-U files of silver trees (training/parser-silver.ts: news parsed by the beam
   * parser, with our tagger's tags) added to the training data: uptraining.
   */
  silver?: string[];
  update: UpdateRule;
}

export function trainParser(o: TrainOptions): ParserModel {
  const t0 = Date.now();
  // The greedy trainer's exploration follows fine labels (decode.ts's greedy steps).
  if (o.stateLabels && o.stateLabels !== 'fine' && !(o.beam > 0)) throw new Error(`train-parser: --state-labels ${o.stateLabels} needs --beam`);
  const raw = readConllu(join(EWT_DIR, 'en_ewt-ud-train.conllu'));
  const dev = loadGold(join(EWT_DIR, 'en_ewt-ud-dev.conllu'));
  const labels = groupOrder([...new Set(raw.flatMap((s) => s.tokens.map((t) => t.deprel)))].sort());
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
  if (o.withDev) {
    const devRaw = readConllu(join(EWT_DIR, 'en_ewt-ud-dev.conllu'));
    const tagOf = (g: GoldSentence): { upos: string[]; xpos: string[] } => {
      if (!o.devTagger) return g;
      const t = o.devTagger(g.words);
      return { upos: t.upos, xpos: t.xpos };
    };
    for (const s of devRaw) {
      const g = toGold(s);
      if (isProjective(g.head)) data.push(prep(g, tagOf(g)));
      else skipped++;
      const m = o.merged ? mergeHyphenated(s) : null;
      if (m) {
        const gm = toGold(m);
        if (isProjective(gm.head)) {
          data.push(prep(gm, tagOf(gm)));
          mergedCount++;
        }
      }
    }
  }
  let silverCount = 0;
  for (const file of o.silver ?? []) {
    for (const s of readConllu(file)) {
      const g = toGold(s);
      // Trees with a label EWT train lacks cannot be taught; the teacher never makes one.
      if (!g.deprel.every((d) => labelId.has(d)) || !isProjective(g.head)) continue;
      data.push(prep(g, g));
      silverCount++;
    }
  }
  if (silverCount > 0) console.log(`silver: ${silverCount} trees from ${o.silver!.join(', ')}`);
  console.log(
    `train: ${data.length} sentences (${skipped} non-projective skipped, ${mergedCount} hyphen-merged copies), ` +
      `${labels.length} labels, ${jk ? `jackknifed tags (${o.jackknife} folds)` : 'gold tags'}`,
  );
  data = data.filter((d) => d.view.n > 0);
  const clusterDigest = o.clusters ? createHash('sha256').update(readFileSync(o.clusters)).digest('hex').slice(0, 16) : '';
  const perceptron = new AveragedPerceptron(labels, o.actionBits, o.labelBits, clusters, o.slots, o.stateLabels);
  const trainer = new Trainer(perceptron);
  const beamTrainer = o.beam > 0 ? new BeamTrainer(perceptron, o.beam, o.update) : null;
  // Where the move table came from, for the model's trainedOn (describe).
  let movesFrom: Record<string, unknown> | null = null;
  if (o.labelsOnlyFrom) {
    const bytes = readFileSync(o.labelsOnlyFrom);
    const from = ParserModel.fromBuffer(bytes);
    const mine = perceptron.model;
    if (from.stateLabels === 'fine' || from.stateLabels !== o.stateLabels || from.labels.join() !== labels.join()) {
      throw new Error(`train-parser: ${o.labelsOnlyFrom} must be a model of the same labels whose states record ${o.stateLabels}`);
    }
    // Its moves were learnt over these tables, slots and clusters; any other would read them as noise.
    if (from.actionBits !== mine.actionBits || !sameSlots(from.slots.move, mine.slots.move) || !sameClusters(from.clusters, mine.clusters)) {
      throw new Error(`train-parser: ${o.labelsOnlyFrom} has another move table size, move slots or word clusters than this run`);
    }
    const w = mine.weights;
    for (let i = 0; i < from.labelBase; i++) w[i] = from.realWeight(i);
    movesFrom = {
      file: basename(o.labelsOnlyFrom),
      sha256: createHash('sha256').update(bytes).digest('hex').slice(0, 16),
      trainedOn: from.trainedOn,
    };
  }
  const bad = data.slice(0, 2000).filter((s) => !trainer.checkOracle(s)).length;
  if (bad > 0) throw new Error(`oracle check failed on ${bad} sentences`);
  if (beamTrainer) {
    // Global training needs a zero-cost path through every sentence. A few trees have
    // none (9 of 12,831, head cycles among them); the greedy trainer just takes the
    // cheapest moves there.
    const before = data.length;
    data = data.filter((s) => trainer.checkOracle(s));
    console.log(`beam training: ${before - data.length} sentences without a zero-cost path left out`);
  }

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
      if (beamTrainer) {
        const [s, e] = beamTrainer.trainLabels(data[i]!);
        steps += s + 1;
        errors += e + (!o.labelsOnlyFrom && beamTrainer.train(data[i]!) ? 1 : 0);
        perceptron.step++;
        continue;
      }
      const [s, e] = trainer.train(data[i]!, explore, rand);
      steps += s;
      errors += e;
    }
    const model = perceptron.averaged();
    const d = scoreParser(o.beam > 0 ? new BeamParser(model, o.beam) : new GreedyParser(model), dev, o.devTagger);
    const secs = ((Date.now() - te) / 1000).toFixed(0);
    console.log(
      `epoch ${epoch}: train err ${((100 * errors) / steps).toFixed(2)}%  dev UAS ${d.uas} LAS ${d.las} ` +
        `(universal ${d.lasUniversal})  ${secs}s`,
    );
    // A run on train + dev can write every epoch's model: the epoch a train-only run
    // chooses is then at hand without a second run (the first K epochs of a run are
    // those of a K-epoch run: same shuffles, same exploration draws).
    if (o.withDev && o.checkpoints && epoch < o.epochs) save(model, describe(epoch, d.las), o.out.replace(/\.bin$/, `.epoch${epoch}.bin`));
    if (o.withDev ? epoch === o.epochs : d.las > best.las) {
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
      data: `UD English EWT r2.16, en_ewt-ud-train.conllu${o.withDev ? ' + en_ewt-ud-dev.conllu' : ''} (projective sentences only)`,
      ...(silverCount > 0 ? { silver: `${silverCount} news trees parsed by the beam parser (training/parser-silver.ts)` } : {}),
      seed: o.seed,
      // A train + dev model (or checkpoint) is what an `epoch`-epoch run writes.
      epochs: o.withDev ? epoch : o.epochs,
      bestEpoch: epoch,
      ...(o.withDev ? { devLas: 'trained on dev: last epoch kept' } : { devLas: las }),
      tags: jk ? `jackknifed, ${o.jackknife} folds` : 'gold',
      tables: `actions 2^${o.actionBits} rows, labels 2^${o.labelBits} rows`,
      ...(o.slots?.move ? { moveSlots: o.slots.move.length } : {}),
      ...(o.slots?.label ? { labelSlots: o.slots.label.length } : {}),
      ...(o.stateLabels && o.stateLabels !== 'fine' ? { stateLabels: o.stateLabels } : {}),
      hyphenMergedCopies: o.merged,
      clusters: o.clusters ? `${relative(ROOT_DIR, o.clusters)} (sha256 ${clusterDigest})` : null,
      ...(o.beam > 0 ? { beam: o.beam, update: o.update } : { explore: o.explore }),
      // Only the label table was trained here: the moves are that model's.
      ...(movesFrom ? { movesFrom } : {}),
      minutes: Math.round((Date.now() - t0) / 6000) / 10,
    };
  }

  function save(model: ParserModel, facts: Record<string, unknown>, out = o.out): void {
    Object.assign(model.trainedOn, facts);
    const buf = model.toBuffer();
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, buf);
    console.log(`wrote ${out} (${(buf.length / 1e6).toFixed(2)} MB)`);
  }
}

/** "1,2,5-9" → the slots; absent → null (all slots). */
function slotList(arg: string | undefined): Int32Array | null {
  if (arg === undefined) return null;
  const out: number[] = [];
  for (const part of arg.split(',')) {
    const [a, b] = part.split('-').map(Number);
    if (a === undefined || !Number.isInteger(a) || (b !== undefined && !Number.isInteger(b))) {
      throw new Error(`train-parser: bad slot list "${arg}"`);
    }
    for (let k = a; k <= (b ?? a); k++) out.push(k);
  }
  return Int32Array.from(new Set(out)).sort();
}

function main(): void {
  const { values } = parseArgs({
    options: {
      epochs: { type: 'string', default: '12' },
      'action-bits': { type: 'string', default: '19' },
      'label-bits': { type: 'string', default: '15' },
      seed: { type: 'string', default: '1' },
      subset: { type: 'string', default: '0' },
      explore: { type: 'string', default: '0.3' },
      'explore-after': { type: 'string', default: '1' },
      out: { type: 'string', default: join(ROOT_DIR, 'models', 'parser.bin') },
      jackknife: { type: 'string', default: '0' },
      'jackknife-seed': { type: 'string', default: '1' },
      'no-merged': { type: 'boolean', default: false },
      clusters: { type: 'string', default: join(ROOT_DIR, 'models', 'clusters.tsv.gz') },
      'no-clusters': { type: 'boolean', default: false },
      'with-dev': { type: 'boolean', default: false },
      beam: { type: 'string', default: '0' },
      update: { type: 'string', default: 'max-violation' },
      silver: { type: 'string', multiple: true },
      checkpoints: { type: 'boolean', default: false },
      'move-slots': { type: 'string' },
      'label-slots': { type: 'string' },
      'state-labels': { type: 'string', default: 'fine' },
      'labels-only-from': { type: 'string' },
    },
  });
  const jackknife = Number(values.jackknife);
  const stateLabels = values['state-labels'];
  if (stateLabels !== 'fine' && stateLabels !== 'group' && stateLabels !== 'group-class') {
    throw new Error(`train-parser: --state-labels must be fine, group or group-class, got "${stateLabels}"`);
  }
  trainParser({
    stateLabels,
    ...(values['labels-only-from'] ? { labelsOnlyFrom: values['labels-only-from'] } : {}),
    epochs: Number(values.epochs),
    actionBits: Number(values['action-bits']),
    labelBits: Number(values['label-bits']),
    seed: Number(values.seed),
    subset: Number(values.subset),
    explore: Number(values.explore),
    exploreAfter: Number(values['explore-after']),
    out: values.out,
    jackknife,
    jackknifeSeed: Number(values['jackknife-seed']),
    merged: !values['no-merged'],
    clusters: values['no-clusters'] ? null : values.clusters,
    withDev: values['with-dev'],
    beam: Number(values.beam),
    update: values.update === 'early' ? 'early' : 'max-violation',
    ...(values.silver ? { silver: values.silver } : {}),
    checkpoints: values.checkpoints,
    slots: { move: slotList(values['move-slots']), label: slotList(values['label-slots']) },
    ...(jackknife > 0 && posModelAvailable() ? { devTagger: (w: string[]) => tagTokens(w) } : {}),
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
