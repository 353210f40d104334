/**
 * `newsgraph tag --ner FILE` and `newsgraph tag --conllu FILE`: run the trained
 * models on annotated data with its own tokenisation, so anyone can score them
 * with standard tools (conlleval, the CoNLL-U evaluation script).
 * `newsgraph tag --text FILE`: the whole stack on plain text, as CoNLL-U.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { NewsgraphError } from '../core/errors.js';
import { tagConllu } from '../nlp/conllu-tag.js';
import type { ConlluAnnotators } from '../nlp/conllu-tag.js';
import { tagConllNer } from '../nlp/ner/index.js';
import { beamWidthOf, namedParserPath, openParser, parserBeamWidth, parserModelPath } from '../nlp/parser/index.js';
import { tagTokens } from '../nlp/pos/index.js';
import { tagText } from '../nlp/text-conllu.js';

export const TAG_HELP = `Usage: newsgraph tag (--ner | --conllu | --text) FILE

  --ner FILE      CoNLL-style tokens (first column; blank lines between sentences; -DOCSTART- kept)
                  → token<TAB>IOB2 tag (PER, ORG, LOC, MISC), blank lines between sentences
  --conllu FILE   CoNLL-U → the same, with predicted UPOS, XPOS, HEAD and DEPREL filled in
  --text FILE     plain text (paragraphs separated by blank lines) → CoNLL-U with the stack's
                  sentences, tokens, tags and trees; MISC holds NER=B-PER (IOB2), SpaceAfter=No
                  and TokenRange=start:end (offsets into FILE)
    --parser P    with --conllu or --text: greedy (the default), beam, or a model file's path
    --beam K      with --conllu or --text: decode with a beam of width K (1 = greedy) instead
                  of the width the model was trained for
  FILE may be - for standard input. Without --parser and --beam, NEWSGRAPH_PARSER_MODEL and
  NEWSGRAPH_PARSER_BEAM choose, as for extract.`;

async function readInput(path: string): Promise<string> {
  if (path === '-') {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : c);
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new NewsgraphError('E_NOT_FOUND', `cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`, { input: path, cause: e });
  }
}

export async function runTag(argv: readonly string[], out: (text: string) => void): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      ner: { type: 'string' },
      conllu: { type: 'string' },
      text: { type: 'string' },
      parser: { type: 'string' },
      beam: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
      debug: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    out(TAG_HELP + '\n');
    return 0;
  }
  const modes = [values.ner, values.conllu, values.text].filter((v) => v !== undefined).length;
  if (modes !== 1) throw new NewsgraphError('E_USAGE', 'tag needs exactly one of --ner FILE, --conllu FILE or --text FILE');
  const chooses = values.parser !== undefined || values.beam !== undefined;
  if (values.ner !== undefined) {
    if (chooses) throw new NewsgraphError('E_USAGE', 'tag: --parser and --beam go with --conllu or --text; --ner runs no parser');
    out(tagConllNer(await readInput(values.ner)));
    return 0;
  }
  // Checked before reading the input, so a bad choice fails fast, even on stdin.
  const annotators = chooses ? chosenParser(values.parser, values.beam) : undefined;
  if (values.text !== undefined) {
    out(tagText(await readInput(values.text), annotators?.parse));
    return 0;
  }
  out(tagConllu(await readInput(values.conllu!), annotators));
  return 0;
}

/** The tagger with the parser that --parser and --beam name (each falling back to its variable). */
function chosenParser(name: string | undefined, beam: string | undefined): ConlluAnnotators {
  const path = name === undefined ? parserModelPath() : namedParserPath(name);
  const width = beam === undefined ? parserBeamWidth() : beamWidthOf(beam, '--beam');
  const parser = openParser(path, width, name === undefined ? 'check NEWSGRAPH_PARSER_MODEL' : 'check --parser');
  return { tag: tagTokens, parse: (w, u, x) => parser.parse(w, u, x) };
}
