import { describe, expect, it } from 'vitest';
import { Doc, emptyMeta } from '../../core/doc.js';
import type { Token } from '../../core/doc.js';
import { tagConllNer } from './conll-tag.js';
import { modelAvailable, MODEL_FILE } from './load.js';
import { nerStage } from './stage.js';
import { tagNer } from './tagger.js';

const haveModel = modelAvailable();
if (!haveModel) console.warn(`skipping NER smoke tests: no model at ${MODEL_FILE} (run npx tsx training/train-ner.ts)`);

function words(s: string): string[] {
  return s.split(' ');
}

describe.skipIf(!haveModel)('NER model smoke test', () => {
  it('finds the person and nationality in a news sentence', () => {
    const [tags] = tagNer([words('Iranian Foreign Minister Javad Zarif took to Twitter on Wednesday .')]);
    expect(tags!.slice(0, 6)).toEqual(['B-MISC', 'O', 'O', 'B-PER', 'I-PER', 'O']);
  });

  it('tags a CoNLL-style headline and a dateline', () => {
    const [head, dateline] = tagNer([words('JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .'), words('TOKYO 1996-12-06')]);
    expect(head![0]).toBe('B-LOC');
    expect(head![5]).toBe('B-LOC');
    expect(dateline).toEqual(['B-LOC', 'O']);
  });

  it('tags a sentence of 150,000 tokens (given tokenisation, as tag --ner takes it) without overflowing the call stack', () => {
    const sentence = Array.from({ length: 150_000 }, (_, i) => ['The', 'minister', 'met', 'Zarif', 'in', 'Baku'][i % 6]!);
    const [tags] = tagNer([sentence]);
    expect(tags).toHaveLength(150_000);
  });

  it('returns one tag per token and always valid IOB2', () => {
    const sents = [words('Azerbaijan ’s FM @bayramov_jeyhun met his Armenian counterpart in Moscow .'), ['.'], []];
    const tags = tagNer(sents);
    tags.forEach((t, i) => expect(t).toHaveLength(sents[i]!.length));
    for (const t of tags.flat()) expect(t).toMatch(/^(O|[BI]-(PER|ORG|LOC|MISC))$/);
    expect(tags[0]![0]).toBe('B-LOC');
    expect(tags[0]![6]).toBe('B-MISC');
    expect(tags[0]![9]).toBe('B-LOC');
  });

  it('tags CoNLL input keeping the given tokens and DOCSTART lines', () => {
    const out = tagConllNer('-DOCSTART- -X- O O\n\nPeter NNP\nBlackburn NNP\n\nBRUSSELS NNP\n1996-08-22 CD\n');
    expect(out).toBe('-DOCSTART- -X- O O\n\nPeter\tB-PER\nBlackburn\tI-PER\n\nBRUSSELS\tB-LOC\n1996-08-22\tO\n\n');
  });

  it('the stage leaves an empty document empty', () => {
    const doc = new Doc([], emptyMeta({ language: 'en' }));
    nerStage.run(doc);
    expect(doc.ner).toEqual([]);
  });

  it('the stage writes character-offset spans for running text', () => {
    const text = 'Iranian Foreign Minister Javad Zarif took to Twitter. He spoke in Tehran. Azerbaijan’s FM @bayramov_jeyhun replied.';
    const doc = new Doc([text], emptyMeta({ language: 'en' }));
    const tokens: Token[] = [...text.matchAll(/[\w@’]+|[^\w\s]/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    doc.tokens = tokens;
    doc.sentences = [{ start: 0, end: 53 }, { start: 54, end: 73 }, { start: 74, end: text.length }];
    nerStage.run(doc);
    const found = doc.ner.map((s) => `${doc.slice(s)}/${s.label}`);
    expect(found).toContain('Javad Zarif/PER');
    expect(found).toContain('Iranian/MISC');
    expect(found).toContain('Tehran/LOC');
    expect(found).toContain('Azerbaijan/LOC');
    expect(found).toContain('@bayramov_jeyhun/PER');
  });
});
