/**
 * Labelled dependency parser (UD relations): arc-eager, averaged perceptron,
 * greedy or beam decoding (whichever the model was trained for, see
 * `decoderFor`); trained by training/train-parser.ts on UD English EWT.
 * The model is read once per process, on first use.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NewsgraphError } from '../../core/errors.js';
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
 * else greedy. `width` overrides it (1 = greedy); `margin`, the beam margin
 * the model's header names (ParserModel.beamMargin; 0 = the whole beam).
 */
export function decoderFor(model: ParserModel, width?: number, margin?: number): SentenceParser {
  const trained = Number(model.trainedOn.beam ?? 0);
  const k = width ?? (trained > 1 ? trained : 1);
  if (k <= 1) return new GreedyParser(model);
  return new BeamParser(margin === undefined || margin === model.beamMargin ? model : model.withBeamMargin(margin), k);
}

/**
 * src/nlp/parser/ (tsx, vitest) and dist/nlp/parser/ (tsc) are both three levels
 * below the package root, so one relative URL finds models/ from either.
 */
export const PARSER_MODEL_PATH = fileURLToPath(new URL('../../../models/parser.bin', import.meta.url));
/** The bundled beam-search model: more accurate, slower (docs/decisions/0007). */
export const BEAM_PARSER_MODEL_PATH = fileURLToPath(new URL('../../../models/parser-beam.bin', import.meta.url));

/**
 * The model `parse` and the pipeline use: NEWSGRAPH_PARSER_MODEL when set ("greedy"
 * or "beam" for a bundled model, else a path to a model file), else the greedy
 * default. The decoder follows the model (decoderFor) unless NEWSGRAPH_PARSER_BEAM
 * names a width.
 */
export function parserModelPath(): string {
  const v = process.env.NEWSGRAPH_PARSER_MODEL?.trim();
  return v ? namedParserPath(v) : PARSER_MODEL_PATH;
}

/** "greedy" and "beam" name the bundled models; anything else is a model file's path. */
export function namedParserPath(name: string): string {
  return name === 'greedy' ? PARSER_MODEL_PATH : name === 'beam' ? BEAM_PARSER_MODEL_PATH : name;
}

/**
 * The beam width NEWSGRAPH_PARSER_BEAM asks for (1 = greedy), or undefined: decode
 * as the model says. Lets a user of the beam model trade accuracy for speed
 * (width 4: EWT test 87.20/83.99, about 1.5× the speed of width 8).
 */
export function parserBeamWidth(): number | undefined {
  const v = process.env.NEWSGRAPH_PARSER_BEAM?.trim();
  return v ? beamWidthOf(v, 'NEWSGRAPH_PARSER_BEAM') : undefined;
}

/** A beam width written by a user (`source` names where, for the error): 1 to 64. */
export function beamWidthOf(v: string, source: string): number {
  const k = Number(v);
  if (!Number.isInteger(k) || k < 1 || k > 64) {
    throw new NewsgraphError('E_USAGE', `parser: ${source} must be a whole number from 1 to 64, got "${v}"`);
  }
  return k;
}

let parser: { key: string; parser: SentenceParser } | null = null;

export function parserModelAvailable(): boolean {
  return existsSync(parserModelPath());
}

export function loadParser(path = PARSER_MODEL_PATH, width?: number, margin?: number): SentenceParser {
  const model = ParserModel.fromBuffer(readFileSync(path), path);
  // A greedy model's scores are not sums a search may compare: a width asked of it
  // (NEWSGRAPH_PARSER_BEAM left set, say) is a mistake to name, not an internal error.
  if (width !== undefined && width > 1 && !model.beamDecodable) {
    throw new NewsgraphError(
      'E_USAGE',
      `parser: a beam of width ${width} was asked for, but ${path} is a greedy model, which no beam decodes; ` +
        'ask for width 1, or for the beam model (NEWSGRAPH_PARSER_MODEL=beam, or tag --parser beam)',
      { input: path },
    );
  }
  return decoderFor(model, width, margin);
}

/** The parser `parse` uses (loaded once per model path and width). */
export function defaultParser(): SentenceParser {
  const path = parserModelPath();
  const width = parserBeamWidth();
  const key = `${width ?? ''}|${path}`;
  if (parser === null || parser.key !== key) {
    parser = { key, parser: openParser(path, width, 'check NEWSGRAPH_PARSER_MODEL') };
  }
  return parser.parser;
}

/**
 * loadParser, with a NewsgraphError naming the file when it is missing; `hint` says
 * where a path other than the bundled greedy model came from.
 */
export function openParser(path: string, width: number | undefined, hint: string): SentenceParser {
  if (!existsSync(path)) {
    const fix = path === PARSER_MODEL_PATH ? 'run `npx tsx training/train-parser.ts`' : hint;
    throw new NewsgraphError('E_NOT_FOUND', `parser: model not found at ${path}; ${fix}`, { input: path });
  }
  return loadParser(path, width);
}

/**
 * How the default parser decodes, for provenance: "" for greedy (or when there is
 * no model yet: parsing will say so), "beam search, width K" otherwise.
 */
export function decodingNote(): string {
  // The file is looked for only until a parser is loaded: this runs once per document.
  if (parser === null && !parserModelAvailable()) return '';
  const p = defaultParser();
  return p instanceof BeamParser ? `beam search, width ${p.width}` : '';
}

/** Parse one sentence. Heads are 0-based indices into `words`, -1 for the root. */
export function parse(words: readonly string[], upos: readonly string[], xpos: readonly string[]): ParseResult {
  return defaultParser().parse(words, upos, xpos);
}
