// training/parser-margin.ts: the margin sweep decodes a treebank at each margin and reports
// the search's size beside the scores. A small CoNLL-U file and the bundled beam model.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BEAM_PARSER_MODEL_PATH, ParserModel } from '../src/nlp/parser/index.js';
import { POS_MODEL_PATH } from '../src/nlp/pos/load.js';
import { sweepMargins } from '../training/parser-margin.js';

const haveModels = existsSync(BEAM_PARSER_MODEL_PATH) && existsSync(POS_MODEL_PATH);
if (!haveModels) console.warn('skipping parser-margin tests: models/parser-beam.bin or models/pos.bin missing');

const dir = mkdtempSync(join(tmpdir(), 'ng-margin-'));
const FILE = join(dir, 'small.conllu');
const rows = (words: string, heads: number[], rels: string[]): string =>
  words.split(' ').map((w, i) => `${i + 1}\t${w}\t_\t_\t_\t_\t${heads[i]}\t${rels[i]}\t_\t_`).join('\n');
writeFileSync(FILE, [
  rows('Troops fired on protesters in the capital .', [2, 0, 4, 2, 7, 7, 2, 2], ['nsubj', 'root', 'case', 'obl', 'case', 'det', 'obl', 'punct']),
  rows('The minister met his Azeri counterpart in Baku on Tuesday .', [2, 3, 0, 6, 6, 3, 8, 3, 10, 3, 3], ['det', 'nsubj', 'root', 'nmod:poss', 'amod', 'obj', 'case', 'obl', 'case', 'obl', 'punct']),
  rows('Officials said the talks would resume next week .', [2, 0, 4, 6, 6, 2, 8, 6, 2], ['nsubj', 'root', 'det', 'nsubj', 'aux', 'ccomp', 'amod', 'obl:tmod', 'punct']),
].join('\n\n') + '\n\n');

describe.skipIf(!haveModels)('the beam margin sweep (training/parser-margin.ts)', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('searches fewer hypotheses with a margin, the whole beam without one, and scores each', () => {
    const model = ParserModel.fromBuffer(readFileSync(BEAM_PARSER_MODEL_PATH));
    const [whole, huge, some, tiny] = sweepMargins(model, 3, [0, 1e9, 160, 1e-6], FILE);
    expect(whole!.margin).toBe(0);
    // A margin no candidate is ever below is the whole beam.
    expect(huge!.meanBeamSize).toBe(whole!.meanBeamSize);
    expect(huge!.uas).toBe(whole!.uas);
    expect(some!.meanBeamSize).toBeLessThanOrEqual(whole!.meanBeamSize);
    // Next to nothing kept beside the best: about one hypothesis a step, as greedy decoding.
    expect(tiny!.meanBeamSize).toBeLessThan(1.1);
    expect(whole!.meanBeamSize).toBeGreaterThan(2);
    for (const r of [whole, huge, some, tiny]) {
      expect(r!.uas).toBeGreaterThan(50);
      expect(r!.las).toBeLessThanOrEqual(r!.uas);
      expect(r!.microsPerToken).toBeGreaterThan(0);
    }
  });
});
