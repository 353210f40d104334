import { describe, expect, it } from 'vitest';
import type { NerSpan } from '../core/doc.js';
import { Doc, emptyMeta } from '../core/doc.js';
import { splitSentences } from '../nlp/sentences.js';
import { linkEntities } from './link.js';
import { lookupOffice } from './offices.js';

// Our own text, with made-up people and bodies; NER spans placed by hand so that the linker is tested alone.
const PARAS = [
  'Barclays chief executive Tomas Velde said profits rose.',
  'Irena Kost, chief executive of Harwood Hospitals NHS Trust, said the ward would close.',
  'Piet Aalders, an analyst at Brennan Securities, said demand was strong.',
  'Dana Oyelaran, senior vice president at Corvel Records Inc, predicted change.',
  'Home Office minister Alys Penry defended the plan, and Corvel Records Inc said it would appeal.',
  'Maren Holt said on Monday that Barclays would appeal.',
];
const { text: TEXT, paragraphs } = new Doc(PARAS, emptyMeta({ language: 'en' }));
function ner(surface: string, label: NerSpan['label'], nth = 0): NerSpan {
  const hits = [...TEXT.matchAll(new RegExp(`(?<![\\p{L}])${surface}(?![\\p{L}])`, 'gu'))];
  const i = hits[nth]?.index;
  if (i === undefined) throw new Error(`no ${surface}`);
  return { start: i, end: i + surface.length, label };
}
const NER: NerSpan[] = [
  ner('Barclays', 'ORG'), ner('Tomas Velde', 'PER'), ner('Irena Kost', 'PER'), ner('Harwood Hospitals NHS Trust', 'ORG'),
  ner('Piet Aalders', 'PER'), ner('Brennan Securities', 'ORG'), ner('Dana Oyelaran', 'PER'), ner('Corvel Records Inc', 'ORG'),
  ner('Home Office', 'ORG'), ner('Alys Penry', 'PER'), ner('Corvel Records Inc', 'ORG', 1), ner('Maren Holt', 'PER'), ner('Barclays', 'ORG', 1),
].sort((a, b) => a.start - b.start);

describe('people placed in an organisation', () => {
  const entities = linkEntities({ text: TEXT, paragraphs, sentences: splitSentences(TEXT, paragraphs), ner: NER, published: '2023-03-14T10:00', offices: lookupOffice });
  const byName = (name: string) => entities.find((e) => e.name === name);

  it("take the organisation's sector and country from a title before the name", () => {
    expect(byName('Tomas Velde')).toMatchObject({ sector: 'BUS', country: 'GBR', code: 'GBRBUS' });
  });

  it('take them from an apposition: position of, at or with the body', () => {
    expect(byName('Irena Kost')?.sector).toBe('GOV');
    expect(byName('Piet Aalders')?.sector).toBe('BUS');
  });

  it("outrank a role word's sector: a firm's vice president is no government's", () => {
    expect(byName('Dana Oyelaran')?.sector).toBe('BUS');
  });

  it('leave a minister a minister, and a person merely near a body alone', () => {
    expect(byName('Alys Penry')?.sector).toBe('GOV');
    expect(byName('Maren Holt')?.sector).toBeNull();
  });
});
