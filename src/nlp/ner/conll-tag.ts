/** `newsgraph tag --ner FILE`: tags a CoNLL-style file with the given tokenisation. */
import { parseConll, writeConll } from './conll.js';
import { tagNer } from './tagger.js';

export function tagConllNer(input: string): string {
  const docs = parseConll(input);
  const tags = docs.map((d) => tagNer(d.sentences.map((s) => s.words)));
  return writeConll(docs, tags);
}
