/**
 * The beam margin (ParserModel.beamMargin, beam.ts): how much of the search it saves
 * and what it costs in accuracy, and writing a chosen margin into a model's header.
 *
 *   npx tsx training/parser-margin.ts MODEL [--width 3] [--margins 0,100,150,200,300] [FILE.conllu]
 *   npx tsx training/parser-margin.ts MODEL --set M --out OUT.bin
 *
 * The sweep decodes FILE (EWT dev by default) with the project's POS tags at each margin
 * (real score units) and prints the hypotheses each step extended on average (the
 * search's cost, exact and free of the host's noise), CPU µs per token (parsing only,
 * the best of three passes) and UAS / LAS. Choose a margin on a train-only model's dev
 * figures; the shipped model, trained on dev too, then takes it with --set
 * (docs/decisions/0042).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BeamParser, ParserModel } from '../src/nlp/parser/index.js';
import { tagTokens } from '../src/nlp/pos/index.js';
import { EWT_DIR } from './common/conllu.js';
import { loadGold } from './parser-data.js';
import { scoreParser } from './parser-score.js';

export const EWT_DEV = join(EWT_DIR, 'en_ewt-ud-dev.conllu');

export interface MarginRow {
  margin: number;
  meanBeamSize: number;
  microsPerToken: number;
  uas: number;
  las: number;
}

/** Decodes `file` at each margin with a fresh beam of `width`. */
export function sweepMargins(model: ParserModel, width: number, margins: readonly number[], file = EWT_DEV): MarginRow[] {
  const sents = loadGold(file);
  const tags = sents.map((s) => tagTokens(s.words));
  // scoreParser asks for each sentence's tags by its words array: tagged once, above.
  const tagsOf = new Map(sents.map((s, i) => [s.words, tags[i]!]));
  let tokens = 0;
  for (const s of sents) tokens += s.words.length;
  return margins.map((margin) => {
    const scored = new BeamParser(model.withBeamMargin(margin), width);
    const s = scoreParser(scored, sents, (w) => tagsOf.get(w) ?? tagTokens(w));
    // Timed apart from scoring, on parsers of their own: the first pass compiles.
    const timings: number[] = [];
    for (let r = 0; r < 3; r++) {
      const p = new BeamParser(model.withBeamMargin(margin), width);
      const t0 = process.cpuUsage();
      sents.forEach((x, i) => p.parse(x.words, tags[i]!.upos, tags[i]!.xpos));
      const t = process.cpuUsage(t0);
      timings.push((t.user + t.system) / tokens);
    }
    return { margin, meanBeamSize: scored.meanBeamSize, microsPerToken: Math.min(...timings), uas: s.uas, las: s.las };
  });
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      width: { type: 'string', default: '3' },
      margins: { type: 'string', default: '0,100,150,175,200,250,300' },
      set: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const [path, file] = positionals;
  if (!path) throw new Error('usage: parser-margin.ts MODEL [--width K] [--margins A,B,..] [FILE.conllu] | MODEL --set M --out OUT.bin');
  const model = ParserModel.fromBuffer(readFileSync(path), path);
  if (values.set !== undefined) {
    if (!values.out) throw new Error('parser-margin: --set needs --out');
    const m = Number(values.set);
    if (!(m >= 0)) throw new Error(`parser-margin: --set takes a margin of at least 0, got "${values.set}"`);
    const buf = model.withBeamMargin(m).toBuffer();
    writeFileSync(values.out, buf);
    console.log(`wrote ${values.out} (${(buf.length / 1e6).toFixed(2)} MB), beam margin ${m}`);
    return;
  }
  const width = Number(values.width);
  const margins = values.margins.split(',').map(Number);
  if (!(Number.isInteger(width) && width >= 2) || margins.some((m) => !(m >= 0))) {
    throw new Error('parser-margin: --width must be a whole number of at least 2 and --margins numbers of at least 0');
  }
  console.log(`parser-margin: ${path}, width ${width}, ${file ?? EWT_DEV}`);
  console.log('margin  hypotheses/step  µs/token  UAS     LAS');
  for (const r of sweepMargins(model, width, margins, file)) {
    console.log(
      `${String(r.margin).padStart(6)}  ${r.meanBeamSize.toFixed(3).padStart(15)}  ${r.microsPerToken.toFixed(2).padStart(8)}  ${r.uas.toFixed(2).padEnd(6)}  ${r.las.toFixed(2)}`,
    );
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
