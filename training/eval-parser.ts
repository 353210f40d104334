/**
 * Scores the parser on a CoNLL-U file, with tags from the project's POS tagger
 * (models/pos.bin) unless gold tags are asked for.
 *
 *   npx tsx training/eval-parser.ts [FILE.conllu] [--gold-tags] [--model models/parser.bin] [--beam K] [--margin M]
 *
 * FILE defaults to EWT test. `eval:nlp` calls evalParser().
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BeamParser, loadParser, PARSER_MODEL_PATH } from '../src/nlp/parser/index.js';
import { posModelAvailable, tagTokens } from '../src/nlp/pos/index.js';
import { loadGold } from './parser-data.js';
import { scoreParser } from './parser-score.js';
import type { ParserScores } from './parser-score.js';
import { EWT_DIR as SHARED_EWT_DIR } from './common/conllu.js';

const EWT_DIR = process.env.NEWSGRAPH_EWT ?? SHARED_EWT_DIR;
export const EWT_TEST = join(EWT_DIR, 'en_ewt-ud-test.conllu');

export interface ParserEval extends ParserScores {
  /** Where the tags came from: the project's tagger, or the treebank. */
  tags: 'predicted' | 'gold';
  /** Beam width decoded with (1: greedy), and the beam's margin. */
  width: number;
  margin: number;
}

export interface EvalOptions {
  /** Use the treebank's tags instead of the tagger's (default false). */
  goldTags?: boolean;
  model?: string;
  /** Beam width to decode with, instead of the one the model was trained for. */
  beam?: number;
  /** Beam margin to decode with, instead of the model's (ParserModel.beamMargin; 0: the whole beam). */
  margin?: number;
}

/**
 * UAS / LAS (%, punctuation included, LAS on full labels) and parser speed
 * (tokens per second, parsing only; tagging is timed by the tagger's own eval).
 * Falls back to gold tags, and says so, when models/pos.bin is missing.
 */
export function evalParser(file: string = EWT_TEST, opts: EvalOptions = {}): ParserEval {
  const parser = loadParser(opts.model ?? PARSER_MODEL_PATH, opts.beam, opts.margin);
  const sents = loadGold(file);
  const predicted = !opts.goldTags && posModelAvailable();
  if (!opts.goldTags && !predicted) console.warn('eval-parser: models/pos.bin missing, using gold tags');
  const s = scoreParser(parser, sents, predicted ? (w) => tagTokens(w) : undefined);
  const beam = parser instanceof BeamParser;
  return { ...s, tags: predicted ? 'predicted' : 'gold', width: beam ? parser.width : 1, margin: beam ? parser.model.beamMargin : 0 };
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'gold-tags': { type: 'boolean', default: false },
      model: { type: 'string' },
      beam: { type: 'string' },
      margin: { type: 'string' },
    },
  });
  const r = evalParser(positionals[0] ?? EWT_TEST, {
    goldTags: values['gold-tags'],
    ...(values.model ? { model: values.model } : {}),
    ...(values.beam ? { beam: Number(values.beam) } : {}),
    ...(values.margin ? { margin: Number(values.margin) } : {}),
  });
  console.log(JSON.stringify(r));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
