/**
 * Pipeline stages of the dependency parser. Both install `doc.parses`, through which
 * a sentence's tokens get head (an index into the whole doc.tokens, -1 for a
 * sentence root) and deprel:
 *  - `parserStage` parses every sentence at once (the NLP stack's own measure, and
 *    pipelines whose user wants every parse);
 *  - `parserOnDemandStage` parses a sentence only when a later stage asks for it
 *    (`doc.parses.ensure`), which most sentences of an article never need
 *    (docs/decisions/0006). The parses it makes are the same.
 */
import type { Doc } from '../../core/doc.js';
import { SentenceParses } from '../../core/parses.js';
import { sentenceTokenRanges } from '../../core/span.js';
import type { Stage } from '../../core/stage.js';
import { prefixEnd } from '../../article/dateline.js';
import { decodingNote, parse } from './index.js';

export const PARSER_VERSION = '3.0.0';

const DESCRIPTION = `parser@${PARSER_VERSION} (arc-eager perceptron, moves then labels, UD EWT)`;

/** The description, naming the beam when the configured model decodes with one. */
function description(): string {
  const note = decodingNote();
  return note ? `${DESCRIPTION}; ${note}` : DESCRIPTION;
}

/** A sentence parser: words and tags in, 0-based heads (-1 for the root) and relations out. */
export type ParseFn = (words: string[], upos: string[], xpos: string[]) => { head: number[]; deprel: string[] };

/**
 * Parses tokens [first, end). A dateline or an agency's credit that opens them ("HANOI, Vietnam
 * (AP) — U.S. Defense Secretary Mark Esper on Wednesday accused China", "(Reuters) — The New York
 * State Attorney General is investigating") is parsed apart, as the fragment it is, and hangs
 * from the root of the sentence after it as an unspecified dependent ("dep"): the treebank has
 * neither, and read whole the parser took the town or the agency for the verb's subject.
 */
function parseRange(doc: Doc, first: number, end: number, parseWith: ParseFn): void {
  const cut = prefixEnd(doc, first, end) ?? first;
  parseTree(doc, cut, end, parseWith);
  if (cut === first) return;
  parseTree(doc, first, cut, parseWith);
  let root = cut;
  while (root < end && doc.tokens[root]!.head !== -1) root++;
  for (let i = first; i < cut; i++) {
    const t = doc.tokens[i]!;
    if (t.head === -1 && root < end) {
      t.head = root;
      t.deprel = 'dep';
    }
  }
}

function parseTree(doc: Doc, first: number, end: number, parseWith: ParseFn): void {
  // Filled in a loop, not mapped: see tagTokens (pos/load.ts).
  const n = end - first;
  const words = new Array<string>(n);
  const upos = new Array<string>(n);
  const xpos = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const t = doc.tokens[first + i]!;
    words[i] = doc.slice(t);
    upos[i] = t.upos ?? 'X';
    xpos[i] = t.xpos ?? 'XX';
  }
  const r = parseWith(words, upos, xpos);
  for (let i = first; i < end; i++) {
    const t = doc.tokens[i]!;
    const h = r.head[i - first]!;
    t.head = h < 0 ? -1 : first + h;
    t.deprel = r.deprel[i - first]!;
  }
}

/** Installs `doc.parses`, parsing with `parseWith` (default: the configured parser) when asked. */
export function installParses(doc: Doc, parseWith: ParseFn = parse): SentenceParses {
  // Sentences with tokens: a parse has nothing to do in an empty one.
  const ranges = sentenceTokenRanges(doc.sentences, doc.tokens).filter(([first, end]) => end > first);
  const parses = new SentenceParses(doc.tokens.length, ranges, (first, end) => parseRange(doc, first, end, parseWith));
  doc.parses = parses;
  return parses;
}

export const parserStage: Stage = {
  name: 'parser',
  version: PARSER_VERSION,
  requires: ['sentences', 'tokens', 'pos'],
  assigns: ['deps'],
  englishOnly: true,
  run(doc: Doc): void {
    installParses(doc).ensureAll();
    doc.provenance.parser = description();
  },
};

export const parserOnDemandStage: Stage = {
  ...parserStage,
  run(doc: Doc): void {
    installParses(doc);
    doc.provenance.parser = `${description()}; sentences parsed when a later stage reads them`;
  },
};
