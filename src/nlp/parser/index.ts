/**
 * Labelled dependency parser (UD relations): arc-eager, averaged perceptron,
 * greedy or beam decoding (whichever the model was trained for, see
 * `decoderFor`); trained by training/train-parser.ts on UD English EWT.
 * The model is read once per process, on first use.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BeamParser } from './beam.js';
import { GreedyParser } from './decode.js';
import type { ParseResult } from './decode.js';
import { ParserModel } from './model.js';

export type { ParseResult } from './decode.js';
export { ParserModel } from './model.js';
export { GreedyParser } from './decode.js';
export { BeamParser } from './beam.js';

/** Greedy or beam: what parses one tagged sentence. */
export interface SentenceParser {
  readonly model: ParserModel;
  parse(words: readonly string[], upos: readonly string[], xpos: readonly string[]): ParseResult;
}

/**
 * The decoder a model was trained for: a beam of the width its header names
 * (a globally trained model's scores are sums over a whole move sequence),
 * else greedy. `width` overrides it (1 = greedy).
 */
export function decoderFor(model: ParserModel, width?: number): SentenceParser {
  const trained = Number(model.trainedOn.beam ?? 0);
  const k = width ?? (trained > 1 ? trained : 1);
  return k > 1 ? new BeamParser(model, k) : new GreedyParser(model);
}

/**
 * src/nlp/parser/ (tsx, vitest) and dist/nlp/parser/ (tsc) are both three levels
 * below the package root, so one relative URL finds models/ from either.
 */
export const PARSER_MODEL_PATH = fileURLToPath(new URL('../../../models/parser.bin', import.meta.url));
/** The bundled beam-search model: more accurate, slower (docs/decisions/0007). */
export const BEAM_PARSER_MODEL_PATH = fileURLToPath(new URL('../../../models/parser-beam.bin', import.meta.url));

/**
 * The model `parse` and the pipeline use: NEWSGRAPH_PARSER_MODEL when set ("beam"
 * for the bundled beam model, else a path to a model file), else the greedy
 * default. The decoder follows the model (decoderFor).
 */
export function parserModelPath(): string {
  const v = process.env.NEWSGRAPH_PARSER_MODEL?.trim();
  if (!v) return PARSER_MODEL_PATH;
  return v === 'beam' ? BEAM_PARSER_MODEL_PATH : v;
}

let parser: { path: string; parser: SentenceParser } | null = null;

export function parserModelAvailable(): boolean {
  return existsSync(parserModelPath());
}

export function loadParser(path = PARSER_MODEL_PATH, width?: number): SentenceParser {
  return decoderFor(ParserModel.fromBuffer(readFileSync(path)), width);
}

/** The parser `parse` uses (loaded once per model path). */
export function defaultParser(): SentenceParser {
  const path = parserModelPath();
  if (parser === null || parser.path !== path) {
    if (!existsSync(path)) {
      const hint = path === PARSER_MODEL_PATH ? 'run `npx tsx training/train-parser.ts`' : 'check NEWSGRAPH_PARSER_MODEL';
      throw new Error(`parser: model not found at ${path}; ${hint}`);
    }
    parser = { path, parser: loadParser(path) };
  }
  return parser.parser;
}

/**
 * How the default parser decodes, for provenance: "" for greedy (or when there is
 * no model yet: parsing will say so), "beam search, width K" otherwise.
 */
export function decodingNote(): string {
  if (!parserModelAvailable()) return '';
  const p = defaultParser();
  return p instanceof BeamParser ? `beam search, width ${p.width}` : '';
}

/** Parse one sentence. Heads are 0-based indices into `words`, -1 for the root. */
export function parse(words: readonly string[], upos: readonly string[], xpos: readonly string[]): ParseResult {
  return defaultParser().parse(words, upos, xpos);
}
