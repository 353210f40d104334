/**
 * `newsgraph tag --ner FILE` and `newsgraph tag --conllu FILE`: run the trained
 * models on annotated data with its own tokenisation, so anyone can score them
 * with standard tools (conlleval, the CoNLL-U evaluation script).
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { NewsgraphError } from '../core/errors.js';
import { tagConllu } from '../nlp/conllu-tag.js';
import { tagConllNer } from '../nlp/ner/index.js';

export const TAG_HELP = `Usage: newsgraph tag (--ner | --conllu) FILE

  --ner FILE      CoNLL-style tokens (first column; blank lines between sentences; -DOCSTART- kept)
                  → token<TAB>IOB2 tag (PER, ORG, LOC, MISC), blank lines between sentences
  --conllu FILE   CoNLL-U → the same, with predicted UPOS, XPOS, HEAD and DEPREL filled in
  FILE may be - for standard input.`;

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
    options: { ner: { type: 'string' }, conllu: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false }, debug: { type: 'boolean', default: false } },
  });
  if (values.help) {
    out(TAG_HELP + '\n');
    return 0;
  }
  if ((values.ner === undefined) === (values.conllu === undefined)) {
    throw new NewsgraphError('E_USAGE', 'tag needs exactly one of --ner FILE or --conllu FILE');
  }
  if (values.ner !== undefined) out(tagConllNer(await readInput(values.ner)));
  else out(tagConllu(await readInput(values.conllu!)));
  return 0;
}
