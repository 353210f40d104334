/**
 * Pipeline stage: parses each sentence's tokens and writes head (an index into
 * the whole doc.tokens, -1 for a sentence root) and deprel on every token.
 */
import type { Doc, Token } from '../../core/doc.js';
import type { Stage } from '../../core/stage.js';
import { parse } from './index.js';

export const PARSER_VERSION = '3.0.0';

/** Tokens of each sentence, as [first, end) index ranges into doc.tokens. */
function sentenceRanges(doc: Doc): [number, number][] {
  const out: [number, number][] = [];
  const toks = doc.tokens;
  let t = 0;
  for (const s of doc.sentences) {
    while (t < toks.length && toks[t]!.start < s.start) t++;
    const first = t;
    while (t < toks.length && toks[t]!.start < s.end) t++;
    if (t > first) out.push([first, t]);
  }
  return out;
}

export const parserStage: Stage = {
  name: 'parser',
  version: PARSER_VERSION,
  requires: ['sentences', 'tokens', 'pos'],
  assigns: ['deps'],
  run(doc: Doc): void {
    for (const [first, end] of sentenceRanges(doc)) {
      const toks: Token[] = doc.tokens.slice(first, end);
      const r = parse(
        toks.map((t) => doc.slice(t)),
        toks.map((t) => t.upos ?? 'X'),
        toks.map((t) => t.xpos ?? 'XX'),
      );
      toks.forEach((t, i) => {
        const h = r.head[i]!;
        t.head = h < 0 ? -1 : first + h;
        t.deprel = r.deprel[i]!;
      });
    }
    doc.provenance.parser = `parser@${PARSER_VERSION} (arc-eager perceptron, moves then labels, UD EWT)`;
  },
};
