/**
 * Labelled dependency parser (UD relations): arc-eager, averaged perceptron,
 * greedy decoding; trained by training/train-parser.ts on UD English EWT.
 * The model is read once per process, on first use.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GreedyParser } from './decode.js';
import type { ParseResult } from './decode.js';
import { ParserModel } from './model.js';

export type { ParseResult } from './decode.js';
export { ParserModel } from './model.js';
export { GreedyParser } from './decode.js';

/**
 * src/nlp/parser/ (tsx, vitest) and dist/nlp/parser/ (tsc) are both three levels
 * below the package root, so one relative URL finds models/ from either.
 */
export const PARSER_MODEL_PATH = fileURLToPath(new URL('../../../models/parser.bin', import.meta.url));

let parser: GreedyParser | null = null;

export function parserModelAvailable(): boolean {
  return existsSync(PARSER_MODEL_PATH);
}

export function loadParser(path = PARSER_MODEL_PATH): GreedyParser {
  return new GreedyParser(ParserModel.fromBuffer(readFileSync(path)));
}

function defaultParser(): GreedyParser {
  if (parser === null) {
    if (!parserModelAvailable()) {
      throw new Error(`parser: model not found at ${PARSER_MODEL_PATH}; run \`npx tsx training/train-parser.ts\``);
    }
    parser = loadParser();
  }
  return parser;
}

/** Parse one sentence. Heads are 0-based indices into `words`, -1 for the root. */
export function parse(words: readonly string[], upos: readonly string[], xpos: readonly string[]): ParseResult {
  return defaultParser().parse(words, upos, xpos);
}
