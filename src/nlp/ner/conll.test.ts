import { describe, expect, it } from 'vitest';
import { parseConll, writeConll } from './conll.js';
import { spansFromBilou, spansFromIob, spansToBilou, spansToIob2 } from './tags.js';

const SAMPLE = `-DOCSTART- -X- O O

EU NNP I-NP I-ORG
rejects VBZ I-VP O
German JJ I-NP I-MISC

Peter NNP I-NP I-PER
Blackburn NNP I-NP I-PER

-DOCSTART- -X- O O

BRUSSELS NNP I-NP I-LOC
`;

describe('CoNLL reader/writer', () => {
  it('splits documents at -DOCSTART- and sentences at blank lines', () => {
    const docs = parseConll(SAMPLE);
    expect(docs).toHaveLength(2);
    expect(docs[0]!.docstart).toBe('-DOCSTART- -X- O O');
    expect(docs[0]!.sentences.map((s) => s.words)).toEqual([['EU', 'rejects', 'German'], ['Peter', 'Blackburn']]);
    expect(docs[0]!.sentences[0]!.columns[0]).toEqual(['EU', 'NNP', 'I-NP', 'I-ORG']);
    expect(docs[1]!.sentences.map((s) => s.words)).toEqual([['BRUSSELS']]);
  });

  it('reads token-only files without DOCSTART, tabs and CRLF', () => {
    const docs = parseConll('Javad\tB-PER\r\nZarif\r\n\r\n\r\nTehran\n');
    expect(docs).toHaveLength(1);
    expect(docs[0]!.docstart).toBeNull();
    expect(docs[0]!.sentences.map((s) => s.words)).toEqual([['Javad', 'Zarif'], ['Tehran']]);
  });

  it('writes token<TAB>tag lines, blank lines between sentences, and echoes DOCSTART', () => {
    const docs = parseConll(SAMPLE);
    const out = writeConll(docs, [
      [['B-ORG', 'O', 'B-MISC'], ['B-PER', 'I-PER']],
      [['B-LOC']],
    ]);
    expect(out).toBe(
      '-DOCSTART- -X- O O\n\nEU\tB-ORG\nrejects\tO\nGerman\tB-MISC\n\nPeter\tB-PER\nBlackburn\tI-PER\n\n' +
        '-DOCSTART- -X- O O\n\nBRUSSELS\tB-LOC\n\n',
    );
  });
});

describe('tag schemes', () => {
  it('decodes IOB1 like conlleval (B- only splits same-type neighbours)', () => {
    expect(spansFromIob(['I-PER', 'I-PER', 'B-PER', 'O', 'I-LOC', 'I-ORG'])).toEqual([
      { start: 0, end: 2, type: 'PER' },
      { start: 2, end: 3, type: 'PER' },
      { start: 4, end: 5, type: 'LOC' },
      { start: 5, end: 6, type: 'ORG' },
    ]);
  });

  it('round-trips spans through BILOU and IOB2', () => {
    const spans = [
      { start: 0, end: 3, type: 'ORG' as const },
      { start: 3, end: 4, type: 'ORG' as const },
      { start: 5, end: 7, type: 'PER' as const },
    ];
    expect(spansFromBilou(spansToBilou(spans, 8))).toEqual(spans);
    const iob2 = spansToIob2(spans, 8);
    expect(iob2).toEqual(['B-ORG', 'I-ORG', 'I-ORG', 'B-ORG', 'O', 'B-PER', 'I-PER', 'O']);
    expect(spansFromIob(iob2)).toEqual(spans);
  });
});
