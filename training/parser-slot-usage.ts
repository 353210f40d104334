/**
 * How much each feature slot of a parser model decides: decodes EWT dev greedily
 * (predicted tags) and, at every move and label decision, asks for each slot
 * whether the decision would change without that slot's row. Slots that almost
 * never change a decision cost a random memory read per decision for nothing: the
 * candidates to leave out of a faster model (train-parser.ts --move-slots /
 * --label-slots). Prints one line per slot, sorted by move flips.
 *
 *   npx tsx training/parser-slot-usage.ts [--model models/parser.bin] [--file dev.conllu]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bestClass, validMoves } from '../src/nlp/parser/decode.js';
import { bestLabel, presetLabel } from '../src/nlp/parser/labelling.js';
import { classAction, classGroup } from '../src/nlp/parser/move-classes.js';
import { finishedFeatures, makeView, MAX_FEATURES } from '../src/nlp/parser/features.js';
import { ParserModel, PARSER_MODEL_PATH } from '../src/nlp/parser/index.js';
import { N_CLASSES } from '../src/nlp/parser/model.js';
import { LEFT, N_ACTIONS, ParseState, RIGHT } from '../src/nlp/parser/transitions.js';
import { tagTokens } from '../src/nlp/pos/index.js';
import { EWT_DIR } from './common/conllu.js';
import { loadGold } from './parser-data.js';

function main(): void {
  const { values } = parseArgs({
    options: {
      model: { type: 'string', default: PARSER_MODEL_PATH },
      file: { type: 'string', default: join(EWT_DIR, 'en_ewt-ud-dev.conllu') },
    },
  });
  const m = ParserModel.fromBuffer(readFileSync(values.model));
  if (!m.readsEverySlot) throw new Error('parser-slot-usage: ranks the slots of a model that reads all of them');
  // Its greedy walk labels each arc as it is made, as states that record fine labels need.
  if (m.stateLabels !== 'fine') throw new Error(`parser-slot-usage: ranks the slots of a model whose states record fine labels, not ${m.stateLabels}`);
  const w = m.weights;
  const sents = loadGold(values.file);
  const st = new ParseState();
  const fh = new Uint32Array(MAX_FEATURES);
  const valid = new Uint8Array(N_ACTIONS);
  const classes = new Uint8Array(N_CLASSES);
  const score = new Float64Array(N_CLASSES);
  const without = new Float64Array(N_CLASSES);
  const rowVals = new Float64Array(MAX_FEATURES * N_CLASSES);
  const lScore = new Float64Array(64);
  const moveFlips = new Float64Array(MAX_FEATURES);
  const labelFlips = new Float64Array(MAX_FEATURES);
  let moves = 0;
  let labels = 0;
  for (const s of sents) {
    const t = tagTokens(s.words);
    const view = makeView(s.words, t.upos, t.xpos, m.clusters);
    st.reset(s.words.length);
    while (!st.terminal()) {
      const nValid = validMoves(st, m, valid, classes);
      const nf = finishedFeatures(st, view, fh);
      let c: number;
      if (nValid === 1) {
        c = classes.indexOf(1);
      } else {
        score.fill(0);
        for (let k = 0; k < nf; k++) {
          const r = m.actionRow(fh[k]!);
          for (let j = 0; j < N_CLASSES; j++) {
            rowVals[k * N_CLASSES + j] = w[r + j]!;
            score[j] = score[j]! + w[r + j]!;
          }
        }
        c = bestClass(score, classes);
        moves++;
        for (let k = 0; k < nf; k++) {
          for (let j = 0; j < N_CLASSES; j++) without[j] = score[j]! - rowVals[k * N_CLASSES + j]!;
          if (bestClass(without, classes) !== c) moveFlips[k]!++;
        }
      }
      const a = classAction(c);
      let label = -1;
      if (a === LEFT || a === RIGHT) {
        const g = classGroup(c);
        label = presetLabel(st, m, a, g);
        if (label < 0) {
          const lo = m.groupStart[g]!;
          const hi = m.groupStart[g + 1]!;
          lScore.fill(0);
          for (let k = 0; k < nf; k++) {
            const r = m.labelRow(fh[k]!, a);
            for (let l = lo; l < hi; l++) lScore[l] = lScore[l]! + w[r + l]!;
          }
          label = bestLabel(lScore, m, g);
          labels++;
          for (let k = 0; k < nf; k++) {
            const r = m.labelRow(fh[k]!, a);
            for (let l = lo; l < hi; l++) lScore[l] = lScore[l]! - w[r + l]!;
            if (bestLabel(lScore, m, g) !== label) labelFlips[k]!++;
            for (let l = lo; l < hi; l++) lScore[l] = lScore[l]! + w[r + l]!;
          }
        }
      }
      st.apply(a, label);
    }
  }
  const order = Array.from({ length: m.clusters ? 98 : 84 }, (_, k) => k).sort((x, y) => moveFlips[x]! - moveFlips[y]!);
  console.log(`${moves} move decisions, ${labels} label decisions on ${values.file}`);
  console.log('slot  move-flips%  label-flips%');
  for (const k of order) {
    console.log(`${String(k).padStart(4)}  ${((100 * moveFlips[k]!) / moves).toFixed(3).padStart(8)}  ${((100 * labelFlips[k]!) / labels).toFixed(3).padStart(8)}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
