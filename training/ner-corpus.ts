/** Labelled CoNLL-2003 documents: words plus gold spans decoded from the IOB1 NER column. */
import { readFileSync } from 'node:fs';
import { parseConll } from '../src/nlp/ner/conll.js';
import { spansFromIob, type TokenSpan } from '../src/nlp/ner/tags.js';

export interface LabelledDoc {
  sentences: string[][];
  gold: TokenSpan[][];
}

export function readLabelled(file: string): LabelledDoc[] {
  return parseConll(readFileSync(file, 'utf8')).map((d) => ({
    sentences: d.sentences.map((s) => s.words),
    gold: d.sentences.map((s) => spansFromIob(s.columns.map((c) => c[c.length - 1] ?? 'O'))),
  }));
}
