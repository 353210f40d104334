// Silver trees for uptraining (training/parser-silver.ts): which sentences are kept, and
// that a written tree reads back as the trainer reads it (heads, labels, our tags).
import { describe, expect, it } from 'vitest';
import { parseConllu } from '../training/common/conllu.js';
import { toGold } from '../training/parser-data.js';
import { proseLike, silverConllu } from '../training/parser-silver.js';

describe('silver trees', () => {
  it('keeps running prose of a sensible length only', () => {
    const keep = (text: string, tags: string): boolean => proseLike(text.split(' '), tags.split(' '), 5, 40);
    expect(keep('The minister met the envoy .', 'DET NOUN VERB DET NOUN PUNCT')).toBe(true);
    expect(keep('Troops fired .', 'NOUN VERB PUNCT')).toBe(false); // too short
    expect(proseLike(Array(41).fill('went'), Array(41).fill('VERB'), 5, 40)).toBe(false); // too long
    // No verb: a fragment or a table row.
    expect(keep('More power to the people !', 'ADJ NOUN ADP DET NOUN PUNCT')).toBe(false);
    // Few lower-case words: an all-capital headline.
    expect(keep('U.S. TREASURY SAYS IT WILL SELL NOTES', 'PROPN PROPN VERB PRON AUX VERB NOUN')).toBe(false);
    // Many numbers: a Reuters results table.
    expect(keep('Net was 807,000 vs 2,858,000 and revs 12.3 mln vs 11.1 mln', 'NOUN AUX NUM ADP NUM CCONJ NOUN NUM NOUN ADP NUM NOUN')).toBe(false);
    // Markup left over from the corpus' SGML.
    expect(keep('The company said it expects growth Reuter &#3;', 'DET NOUN VERB PRON VERB NOUN PROPN SYM')).toBe(false);
  });

  it('writes CoNLL-U that the trainer reads back as the parse', () => {
    const words = ['Rebels', 'seized', 'the', 'town', '.'];
    const text = silverConllu(
      words,
      ['NOUN', 'VERB', 'DET', 'NOUN', 'PUNCT'],
      ['NNS', 'VBD', 'DT', 'NN', '.'],
      { head: [1, -1, 3, 1, 1], deprel: ['nsubj', 'root', 'det', 'obj', 'punct'] },
    );
    const [s, ...rest] = parseConllu(text);
    expect(rest).toHaveLength(0);
    const g = toGold(s!);
    expect(g.words).toEqual(words);
    expect(g.upos).toEqual(['NOUN', 'VERB', 'DET', 'NOUN', 'PUNCT']);
    expect(g.xpos).toEqual(['NNS', 'VBD', 'DT', 'NN', '.']);
    // The trainer's heads are 0-based with the root at n.
    expect([...g.head]).toEqual([1, 5, 3, 1, 1]);
    expect(g.deprel).toEqual(['nsubj', 'root', 'det', 'obj', 'punct']);
  });
});
