/**
 * The 'ner' stage: tags the tokens of each sentence and writes doc.ner with character
 * offsets taken from the first and last token of each span. The whole article is one
 * document for the document-level features.
 */
import type { Doc, NerSpan } from '../../core/doc.js';
import type { Stage } from '../../core/stage.js';
import { loadNer } from './load.js';
import type { TokenSpan } from './tags.js';
import { tagDocumentSpans } from './tagger.js';

export const NER_VERSION = 'perceptron-1';

interface Piece {
  start: number;
  end: number;
  text: string;
}

/**
 * Words of each sentence as the tagger should see them. The CoNLL training text splits
 * the possessive ("Azerbaijan 's"); a tokenizer that keeps "Azerbaijan’s" whole would
 * otherwise present a word the model has never seen, so it is split here too.
 */
function piecesBySentence(doc: Doc): Piece[][] {
  const groups: Piece[][] = doc.sentences.map(() => []);
  let s = 0;
  for (const tok of doc.tokens) {
    while (s < doc.sentences.length - 1 && tok.start >= doc.sentences[s]!.end) s++;
    const text = doc.text.slice(tok.start, tok.end);
    const group = groups[s];
    if (!group) continue;
    if (text.length > 3 && endsWithPossessive(text) && /^.*\p{L}['’]s$/u.test(text)) {
      group.push({ start: tok.start, end: tok.end - 2, text: text.slice(0, -2) });
      group.push({ start: tok.end - 2, end: tok.end, text: text.slice(-2) });
    } else {
      group.push({ start: tok.start, end: tok.end, text });
    }
  }
  return groups.filter((g) => g.length > 0);
}

/** Cheap test that lets most tokens skip the possessive regex. */
function endsWithPossessive(text: string): boolean {
  const q = text.charCodeAt(text.length - 2);
  return text.charCodeAt(text.length - 1) === 0x73 && (q === 0x27 || q === 0x2019);
}

/**
 * Social-media handles never occur in the CoNLL training text, so the model leaves
 * them untagged; one right after a title ("FM @bayramov_jeyhun") names a person.
 */
function withHandles(words: readonly string[], spans: TokenSpan[]): TokenSpan[] {
  const gaz = loadNer().resources.gazetteer;
  // Most sentences have no handle: spare them the set, the copy and the sort.
  if (!gaz || !words.some((w, i) => i > 0 && w.charCodeAt(0) === 0x40)) return spans;
  const covered = new Set<number>();
  for (const s of spans) for (let i = s.start; i < s.end; i++) covered.add(i);
  const out = [...spans];
  words.forEach((w, i) => {
    if (i === 0 || covered.has(i) || !/^@\w{2,}$/u.test(w)) return;
    if (gaz.hasWord('TITLE', (words[i - 1] ?? '').toLowerCase())) out.push({ start: i, end: i + 1, type: 'PER' });
  });
  return out.sort((a, b) => a.start - b.start);
}

export const nerStage: Stage = {
  name: 'ner',
  version: NER_VERSION,
  requires: ['sentences', 'tokens'],
  assigns: ['ner'],
  run(doc: Doc): void {
    const groups = piecesBySentence(doc);
    const words = groups.map((g) => g.map((p) => p.text));
    const spans = tagDocumentSpans(words).map((s, i) => withHandles(words[i] ?? [], s));
    const out: NerSpan[] = [];
    groups.forEach((toks, i) => {
      for (const s of spans[i] ?? []) {
        out.push({ start: toks[s.start]!.start, end: toks[s.end - 1]!.end, label: s.type });
      }
    });
    doc.ner = out;
    doc.provenance.ner = `ner@${NER_VERSION} (found: averaged perceptron, BILOU Viterbi)`;
  },
};
