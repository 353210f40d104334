/** Trigger finding against small lexicons of our own: which rows a word anchors, per lexicon. */
import { describe, expect, it } from 'vitest';
import { build } from './docs.test-util.js';
import { buildLexicon, parseLexicon } from './lexicon.js';
import { findTriggers } from './triggers.js';
import { buildView } from './view.js';

const HEADER = 'pattern\tpos\ttype\tmode\tcontext\tcameo\trecipient\twhen\tnotes';
const lex = (...rows: string[]) => buildLexicon(parseLexicon([HEADER, ...rows].join('\n')), []);
const found = (l: ReturnType<typeof lex>, tagged: string) => {
  const v = buildView(build([tagged], []).doc);
  return findTriggers(v, l, 0, v.toks.length).map((t) => [t.first, t.last, t.entries.map((e) => `${e.pattern}/${e.type}`)]);
};

describe('findTriggers', () => {
  it('reads each lexicon\'s own rows for a word, whichever lexicon read it before', () => {
    const coerce = lex('arrest\tverb\tCOERCE\tarrest\t\t\t\t\t');
    const assault = lex('arrest\tverb\tASSAULT\t\t\t\t\t\t', 'talk\tnoun\tCONSULT\t\t\t\t\t\t');
    const s = 'Police/NNS arrested/VBD two/CD men/NNS after/IN talks/NNS ./.';
    expect(found(coerce, s)).toEqual([[1, 1, ['arrest/COERCE']]]);
    expect(found(assault, s)).toEqual([[1, 1, ['arrest/ASSAULT']], [5, 5, ['talk/CONSULT']]]);
    expect(found(coerce, s)).toEqual([[1, 1, ['arrest/COERCE']]]);
  });

  it('tries a row reached by two of a word\'s keys once, and the longest match wins', () => {
    // "talks" anchors "*:talks" both as its own form and as one of its lemma candidates.
    const l = lex('talks with\tnphrase\tCONSULT\t\t\t\t\t\t', 'talk\tnoun\tCONSULT\t\t\t\t\t\t');
    expect(found(l, 'Officials/NNS held/VBD talks/NNS with/IN rebels/NNS ./.')).toEqual([[2, 3, ['talks with/CONSULT']]]);
    expect(found(l, 'Officials/NNS held/VBD talks/NNS ./.')).toEqual([[2, 2, ['talk/CONSULT']]]);
  });
});
