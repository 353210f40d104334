// The beam trainer (training/parser-beam-trainer.ts) learns: on a handful of small
// sentences, a few epochs of global training make the beam parser rebuild every gold
// tree, labels included. No treebank needed.
import { describe, expect, it } from 'vitest';
import { BeamParser } from '../src/nlp/parser/beam.js';
import { makeView } from '../src/nlp/parser/features.js';
import { groupOrder } from '../src/nlp/parser/label-groups.js';
import { ALL_SLOTS } from '../src/nlp/parser/model.js';
import { BeamTrainer } from '../training/parser-beam-trainer.js';
import { AveragedPerceptron } from '../training/parser-perceptron.js';

const LABELS = groupOrder(['root', 'nsubj', 'obj', 'det', 'punct', 'obl', 'case', 'amod']);
const L = (x: string): number => LABELS.indexOf(x);

// words, upos, xpos, heads (1-based, 0 = root), labels
const TREES: Array<[string, string, string, number[], string[]]> = [
  ['Troops fired on protesters .', 'NOUN VERB ADP NOUN PUNCT', 'NNS VBD IN NNS .', [2, 0, 4, 2, 2], ['nsubj', 'root', 'case', 'obl', 'punct']],
  ['The minister met the envoy .', 'DET NOUN VERB DET NOUN PUNCT', 'DT NN VBD DT NN .', [2, 3, 0, 5, 3, 3], ['det', 'nsubj', 'root', 'det', 'obj', 'punct']],
  ['Rebels seized the old town .', 'NOUN VERB DET ADJ NOUN PUNCT', 'NNS VBD DT JJ NN .', [2, 0, 5, 5, 2, 2], ['nsubj', 'root', 'det', 'amod', 'obj', 'punct']],
];

describe('global beam training', () => {
  it.each(['fine', 'group', 'group-class'] as const)('fits a few trees exactly (moves by max-violation updates, labels locally), states recording %s labels', (mode) => {
    const p = new AveragedPerceptron(LABELS, 12, 8, null, ALL_SLOTS, mode);
    const trainer = new BeamTrainer(p, 4);
    const data = TREES.map(([w, u, x, h, l]) => {
      const words = w.split(' ');
      const n = words.length;
      return {
        words,
        upos: u.split(' '),
        xpos: x.split(' '),
        view: makeView(words, u.split(' '), x.split(' ')),
        gh: Int32Array.from(h, (v) => (v === 0 ? n : v - 1)),
        gl: Int32Array.from(l, L),
      };
    });
    let updates = 0;
    for (let epoch = 0; epoch < 15; epoch++) {
      for (const s of data) {
        trainer.trainLabels(s);
        if (trainer.train(s)) updates++;
        p.step++;
      }
    }
    expect(updates).toBeGreaterThan(0);
    const model = p.averaged();
    expect(model.stateLabels).toBe(mode);
    const parser = new BeamParser(model, 4);
    for (const s of data) {
      const r = parser.parse(s.words, s.upos, s.xpos);
      expect(r.head).toEqual(Array.from(s.gh, (h) => (h === s.words.length ? -1 : h)));
      expect(r.deprel).toEqual(Array.from(s.gl, (l) => LABELS[l]));
    }
  });
});
