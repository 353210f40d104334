import { describe, expect, it } from 'vitest';
import type { NerSpan } from '../core/doc.js';
import { Doc, emptyMeta } from '../core/doc.js';
import { splitSentences } from '../nlp/sentences.js';
import { linkEntities } from './link.js';
import { lookupOffice } from './offices.js';

// Our own sentences; the names (given as [surface, label]) are placed as the NER would.
function codes(sentence: string, names: [string, NerSpan['label']][], published: string): Record<string, string | null> {
  const { text, paragraphs } = new Doc([sentence], emptyMeta({ language: 'en' }));
  const ner = names.map(([s, label]) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, label }));
  const entities = linkEntities({ text, paragraphs, sentences: splitSentences(text, paragraphs), ner, published, offices: lookupOffice });
  return Object.fromEntries(entities.map((e) => [e.name, e.code]));
}

describe('persons titled by their party', () => {
  it('take the party\'s country, and its sector on the article\'s date (an MP: the legislature)', () => {
    const s = 'Tory co-chairman Liam Vance and backbench Labour MP Karen Holt spoke.';
    const names: [string, NerSpan['label']][] = [['Tory', 'ORG'], ['Liam Vance', 'PER'], ['Labour', 'ORG'], ['Karen Holt', 'PER']];
    expect(codes(s, names, '2005-03-01')).toMatchObject({ 'Liam Vance': 'GBROPP', 'Karen Holt': 'GBRLEG', Labour: 'GBRGOV' });
    expect(codes(s, names, '2015-03-01')).toMatchObject({ 'Liam Vance': 'GBRGOV', Labour: 'GBROPP' });
  });

  it('reads no party inside a longer name, but does after a capital that only opens the sentence', () => {
    expect(codes('Factory Workers Union secretary general Billy Maca said talks went well.', [['Factory Workers Union', 'ORG'], ['Billy Maca', 'PER']], '2005-03-01'))
      .toMatchObject({ 'Billy Maca': null });
    expect(codes('Backbench Labour MP Karen Holt agreed.', [['Labour', 'ORG'], ['Karen Holt', 'PER']], '2005-03-01')).toMatchObject({ 'Karen Holt': 'GBRLEG' });
  });
});

describe('organisations of one name in different countries', () => {
  it('are the one of a country the article names', () => {
    const s = (country: string): string => `The Peoples' Democratic Party protested in ${country} on Monday.`;
    const names = (country: string): [string, NerSpan['label']][] => [["Peoples' Democratic Party", 'ORG'], [country, 'LOC']];
    expect(codes(s('Nigeria'), names('Nigeria'), '2018-10-09')["Peoples' Democratic Party"]).toBe('NGAOPP');
    expect(codes(s('Turkey'), names('Turkey'), '2018-10-09')["Peoples' Democratic Party"]).toBe('TUROPP');
  });
});

describe('a party name two countries use', () => {
  it('is the party of the country the article names, else the table\'s first', () => {
    const names = (place: string): [string, NerSpan['label']][] => [['Conservative', 'ORG'], ['Maria Holt', 'PER'], [place, 'LOC']];
    expect(codes('Conservative leader Maria Holt spoke in Ottawa.', names('Ottawa'), '2015-03-01')).toMatchObject({ Conservative: 'CANGOV', 'Maria Holt': 'CANGOV' });
    expect(codes('Conservative leader Maria Holt spoke in Leeds.', names('Leeds'), '2015-03-01')).toMatchObject({ Conservative: 'GBRGOV', 'Maria Holt': 'GBRGOV' });
  });
});
