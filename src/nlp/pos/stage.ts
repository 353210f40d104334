/**
 * The tokens+POS stage: tokenizes each sentence and tags its words, so
 * `doc.tokens` lists every token of the doc in order, each with upos/xpos.
 */
import type { Doc, Token } from '../../core/doc.js';
import type { Stage } from '../../core/stage.js';
import { tokenize } from '../tokenize.js';
import { tagTokens } from './load.js';

export const POS_VERSION = '1.2.0';

const CLOSE_AFTER = new Set(['.', ',', ';', ':', '!', '?', ')', ']', '…']);

/**
 * The word forms the tagger sees. A straight double quote is ambiguous
 * (`` or ''), but its spacing is not: glued to the word before it closes,
 * glued to the word after it opens. Such quotes are shown to the tagger as
 * “ or ”, whose tags it knows; unclear ones alternate within the sentence.
 */
export function taggingForms(text: string, toks: readonly Token[]): string[] {
  // Filled in a loop, not mapped: see tagTokens (load.ts).
  const forms = new Array<string>(toks.length);
  for (let i = 0; i < toks.length; i++) forms[i] = text.slice(toks[i]!.start, toks[i]!.end);
  let open = false;
  for (let i = 0; i < toks.length; i++) {
    if (forms[i] !== '"') continue;
    const t = toks[i]!;
    const prev = toks[i - 1];
    const next = toks[i + 1];
    const gluedPrev = !!prev && prev.end === t.start;
    const gluedNext = !!next && next.start === t.end && !CLOSE_AFTER.has(forms[i + 1]!);
    let closing: boolean;
    if (gluedPrev !== gluedNext) closing = gluedPrev;
    else closing = open;
    forms[i] = closing ? '”' : '“';
    open = !closing;
  }
  return forms;
}

export const posStage: Stage = {
  name: 'pos',
  version: POS_VERSION,
  requires: ['sentences'],
  assigns: ['tokens', 'pos'],
  englishOnly: true,
  run(doc: Doc): void {
    const tokens: Token[] = [];
    for (const s of doc.sentences) {
      const toks = tokenize(doc.text, s.start, s.end);
      if (toks.length === 0) continue;
      const { upos, xpos } = tagTokens(taggingForms(doc.text, toks));
      // The tokens are fresh objects from tokenize(): tag them in place.
      for (let i = 0; i < toks.length; i++) {
        const t = toks[i]!;
        t.upos = upos[i]!;
        t.xpos = xpos[i]!;
        tokens.push(t);
      }
    }
    doc.tokens = tokens;
    doc.provenance.pos = `pos@${POS_VERSION} (averaged perceptron, UD EWT + CoNLL-2003 news XPOS)`;
  },
};
