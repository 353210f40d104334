import { describe, expect, it } from 'vitest';
import type { NerSpan } from '../core/doc.js';
import { Doc, emptyMeta } from '../core/doc.js';
import type { Entity } from '../core/record.js';
import { splitSentences } from '../nlp/sentences.js';
import { linkEntities } from './link.js';
import { lookupOffice } from './offices.js';

// Our own paragraphs; each name (surface, label, nth occurrence) is placed as the NER would.
function link(paras: string[], names: [string, NerSpan['label'], number?][], published: string): Entity[] {
  const { text, paragraphs } = new Doc(paras, emptyMeta({ language: 'en' }));
  const ner = names.map(([s, label, nth = 0]) => {
    let at = -1;
    for (let k = 0; k <= nth; k++) at = text.indexOf(s, at + 1);
    return { start: at, end: at + s.length, label };
  }).sort((a, b) => a.start - b.start);
  return linkEntities({ text, paragraphs, sentences: splitSentences(text, paragraphs), ner, published, offices: lookupOffice });
}

const person = (es: Entity[], name: string): Entity | undefined => es.find((e) => e.type === 'PERSON' && e.name === name);

describe('a surname before the one full name that has it', () => {
  it('is that person, not the office holder the table knows by the surname', () => {
    // John Howard governed Australia in 2005; this Howard is someone else.
    const es = link(['Howard backs school plan', 'Peter Howard has backed a new plan for schools in Leeds.'], [['Howard', 'PER'], ['Peter Howard', 'PER'], ['Leeds', 'LOC']], '2005-03-01');
    const howard = person(es, 'Peter Howard');
    expect(howard?.code ?? null).toBeNull();
    expect(howard?.mentions.map((m) => m.text)).toEqual(['Howard', 'Peter Howard']);
  });

  it('keeps the office a title gives it', () => {
    const es = link(['Prime Minister Howard backs school plan', 'Peter Howard has backed a new plan.'], [['Howard', 'PER'], ['Peter Howard', 'PER']], '2005-03-01');
    expect(es.some((e) => e.code === 'AUSGOV')).toBe(true);
  });
});

describe('a party\'s leader out of office', () => {
  const paras = ['Michael Howard spoke in London on Monday.', 'The Tory leader said the plan would fail.'];
  const names: [string, NerSpan['label']][] = [['Michael Howard', 'PER'], ['London', 'LOC']];

  it('is coded as his party on the day, and "the Tory leader" is him', () => {
    const howard = person(link(paras, names, '2005-03-01'), 'Michael Howard');
    expect(howard?.code).toBe('GBROPP');
    expect(howard?.mentions.map((m) => m.text)).toContain('The Tory leader');
  });

  it('is not after his term, nor where the article names no place of his country', () => {
    expect(person(link(paras, names, '2007-03-01'), 'Michael Howard')?.code ?? null).toBeNull();
    const abroad = link(['Michael Howard spoke in Paris on Monday.'], [['Michael Howard', 'PER'], ['Paris', 'LOC']], '2005-03-01');
    expect(person(abroad, 'Michael Howard')?.code ?? null).toBeNull();
  });

  it('is never "the prime minister"', () => {
    // Howard is the person named last before it.
    const es = link(['Tony Blair met Michael Howard in London.', 'The prime minister said the talks went well.'], [['Tony Blair', 'PER'], ['Michael Howard', 'PER'], ['London', 'LOC']], '2005-03-01');
    expect(person(es, 'Tony Blair')?.mentions.map((m) => m.text)).toContain('The prime minister');
    expect(person(es, 'Michael Howard')?.mentions.map((m) => m.text)).not.toContain('The prime minister');
  });
});

describe('a country the office table gives from another time', () => {
  it('yields to the country a title gives in the text', () => {
    // Shevardnadze was the Soviet foreign minister in 1987 and Georgia's head of state from 1992.
    const es = link(['SHEVARDNADZE ARRIVES FOR TALKS', 'Soviet Foreign Minister Eduard Shevardnadze arrived today.'], [['SHEVARDNADZE', 'PER'], ['Eduard Shevardnadze', 'PER']], '1987-04-13');
    expect(person(es, 'Eduard Shevardnadze')?.code).toBe('SUNGOV');
  });
});
