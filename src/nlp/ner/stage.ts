/**
 * The 'ner' stage: tags the tokens of each sentence and writes doc.ner with character
 * offsets taken from the first and last token of each span. The whole article is one
 * document for the document-level features.
 */
import type { Doc, NerSpan } from '../../core/doc.js';
import { registerScratch, roomFor } from '../../core/scratch.js';
import type { Stage } from '../../core/stage.js';
import { loadNer } from './load.js';
import type { TokenSpan } from './tags.js';
import { tagDocumentSpans } from './tagger.js';

export const NER_VERSION = 'perceptron-1';

/** The words of each non-empty sentence, and the character offsets of all of them in document order. */
interface Pieces {
  words: string[][];
  /** Piece k of the document (counting through the sentences) spans starts[k] .. ends[k]; valid until the next call. */
  starts: Int32Array;
  ends: Int32Array;
}

/** Offset buffers reused from article to article (the stage runs one article at a time). */
const FIRST_PIECES = 4096;
let startBuf!: Int32Array;
let endBuf!: Int32Array;
/** At their first size: at load, and after a long document (core/scratch.ts). */
function firstBuffers(): void {
  startBuf = new Int32Array(FIRST_PIECES);
  endBuf = new Int32Array(FIRST_PIECES);
}
firstBuffers();
registerScratch({ bytes: () => startBuf.byteLength + endBuf.byteLength, trim: firstBuffers });

/**
 * Words of each sentence as the tagger should see them. The CoNLL training text splits
 * the possessive ("Azerbaijan 's"); a tokenizer that keeps "Azerbaijan’s" whole would
 * otherwise present a word the model has never seen, so it is split here too. Offsets
 * go to reused typed arrays rather than an object per word: this runs on every token.
 */
function piecesBySentence(doc: Doc): Pieces {
  const words: string[][] = [];
  // A possessive becomes two pieces.
  if (startBuf.length < 2 * doc.tokens.length) {
    startBuf = new Int32Array(roomFor(2 * doc.tokens.length));
    endBuf = new Int32Array(roomFor(2 * doc.tokens.length));
  }
  const starts = startBuf;
  const ends = endBuf;
  let k = 0;
  let s = 0;
  let group: string[] | null = null;
  let groupOf = -1;
  if (doc.sentences.length === 0) return { words, starts, ends };
  for (const tok of doc.tokens) {
    while (s < doc.sentences.length - 1 && tok.start >= doc.sentences[s]!.end) s++;
    if (groupOf !== s) {
      words.push((group = []));
      groupOf = s;
    }
    const text = doc.text.slice(tok.start, tok.end);
    if (text.length > 3 && endsWithPossessive(text) && /^.*\p{L}['’]s$/u.test(text)) {
      group!.push(text.slice(0, -2), text.slice(-2));
      starts[k] = tok.start;
      ends[k++] = tok.end - 2;
      starts[k] = tok.end - 2;
    } else {
      group!.push(text);
      starts[k] = tok.start;
    }
    ends[k++] = tok.end;
  }
  return { words, starts, ends };
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

/** A word with no letter or digit: punctuation, a bracket, a quote, "&". */
const NO_ALNUM = /^[^\p{L}\p{N}]+$/u;
/** What may end a name when written against it: "Kerrang!", "Hey Ya!", "Sky+". */
const NAME_FINAL = /^[!?+]+$/u;
/** The possessive piece split off above: no name starts with it ("McDonald's" ends with it). */
const CLITIC = /^['’]s$/u;

/**
 * The span without punctuation at its edges, or null if nothing is left. The model
 * sometimes carries a name's span over a comma, bracket, quote or possessive beside it
 * (", Oil & Natural Gas Corp", ") John", "Rivaldo (", "Information Builders'", "'s Ball"),
 * and the entity would take that as part of its name. A closing "!", "?" or "+" written
 * against the name stays.
 */
export function trimmed(words: readonly string[], s: TokenSpan, starts: Int32Array, ends: Int32Array, first = 0): TokenSpan | null {
  let a = s.start;
  let b = s.end;
  while (a < b && (NO_ALNUM.test(words[a]!) || CLITIC.test(words[a]!))) a++;
  while (b > a) {
    const w = words[b - 1]!;
    const glued = b - 1 > a && ends[first + b - 2] === starts[first + b - 1];
    if (!NO_ALNUM.test(w) || (glued && NAME_FINAL.test(w))) break;
    b--;
  }
  if (a === b) return null;
  return a === s.start && b === s.end ? s : { start: a, end: b, type: s.type };
}

export const nerStage: Stage = {
  name: 'ner',
  version: NER_VERSION,
  requires: ['sentences', 'tokens'],
  assigns: ['ner'],
  englishOnly: true,
  run(doc: Doc): void {
    const { words, starts, ends } = piecesBySentence(doc);
    const spans = tagDocumentSpans(words).map((s, i) => withHandles(words[i] ?? [], s));
    const out: NerSpan[] = [];
    let first = 0;
    words.forEach((sentence, i) => {
      for (const s of spans[i] ?? []) {
        const t = trimmed(sentence, s, starts, ends, first);
        if (t) out.push({ start: starts[first + t.start]!, end: ends[first + t.end - 1]!, label: s.type });
      }
      first += sentence.length;
    });
    doc.ner = out;
    doc.provenance.ner = `ner@${NER_VERSION} (found: averaged perceptron, BILOU Viterbi)`;
  },
};
