import { describe, expect, it } from 'vitest';
import type { Entity, EntityType } from '../core/record.js';
import { Doc, emptyMeta } from '../core/doc.js';
import { splitSentences } from '../nlp/sentences.js';
import { findQuotes } from './find.js';
import { quotesOf } from './quotes-of.test-util.js';

// A hand-built Doc: our own text, with entity mentions placed by name as the entities stage would.
const PARAS = [
  'According to officials, Kenyan Foreign Minister Amina Wanjiku took to Twitter and wrote, “Glad to welcome my colleague @omar_halabi. We agreed on a new border commission.',
  '“Talks covered trade, water and the corridor—and much more,” she added.',
  'Lebanese envoy to Egypt Omar Halabi says the crossing has been reopened after repairs.',
  'The Lebanese envoy said that the border would stay open through the winter.',
  'Halabi said in a statement broadcast on state television on Monday, March 3, that the deal could fail.',
  '“We will not wait forever,” said the ministry.',
  'Officials met on Monday in Nairobi.',
];
// The Doc joins paragraphs as the readers do and knows their spans.
const { text: TEXT, paragraphs } = new Doc(PARAS, emptyMeta({ language: 'en' }));

function entity(id: string, name: string, type: EntityType, surfaces: string[]): Entity {
  const mentions = surfaces.flatMap((s) => {
    const out = [];
    for (let i = TEXT.indexOf(s); i >= 0; i = TEXT.indexOf(s, i + 1)) out.push({ start: i, end: i + s.length, text: s, kind: 'name' as const });
    return out;
  });
  return { id, name, type, mentions, country: null, role: null, sector: null, code: null, geo: null, ids: {} };
}

const entities = [
  entity('E1', 'Amina Wanjiku', 'PERSON', ['Amina Wanjiku']),
  entity('E2', 'Omar Halabi', 'PERSON', ['Omar Halabi', '@omar_halabi', 'Halabi', 'The Lebanese envoy']),
  entity('E3', 'Twitter', 'ORG', ['Twitter']),
  entity('E4', 'Egypt', 'GPE', ['Egypt']),
  entity('E5', 'Lebanese', 'NORP', ['Lebanese']),
  entity('E6', 'Foreign Ministry', 'ORG', ['the ministry']),
];

describe('findQuotes', () => {
  const quotes = findQuotes({ text: TEXT, paragraphs, sentences: splitSentences(TEXT, paragraphs), entities });
  const direct = quotes.filter((q) => q.direct);
  const indirect = quotes.filter((q) => !q.direct);

  it('finds an unclosed quote running to the end of its paragraph, with speaker, cue and channel', () => {
    expect(direct[0]).toMatchObject({
      text: 'Glad to welcome my colleague @omar_halabi. We agreed on a new border commission.',
      speaker: 'E1', cue: 'wrote', channel: 'Twitter',
    });
  });

  it('resolves "she added" to the last person outside quotes; reopening the unclosed quote, it keeps its medium', () => {
    expect(direct[1]).toMatchObject({ text: 'Talks covered trade, water and the corridor—and much more,', speaker: 'E1', cue: 'added', channel: 'Twitter' });
  });

  it('resolves a cue after the quote with a nominal speaker', () => {
    expect(direct[2]).toMatchObject({ text: 'We will not wait forever,', speaker: 'E6', cue: 'said' });
  });

  it('finds indirect speech with the head person of a long subject', () => {
    expect(indirect.map((q) => [q.speaker, q.cue, q.text])).toEqual([
      ['E2', 'says', 'the crossing has been reopened after repairs'],
      ['E2', 'said', 'the border would stay open through the winter'],
      ['E2', 'said', 'the deal could fail'],
    ]);
    expect(indirect[2]!.channel).toBe('state television');
  });

  it('numbers quotes in text order with offsets that slice to their text', () => {
    expect(quotes.map((q) => q.id)).toEqual(['Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6']);
    for (const q of quotes) expect(TEXT.slice(q.start, q.end)).toBe(q.text);
    expect(quotes.some((q) => q.text.includes('Officials met'))).toBe(false);
  });
});

describe('the medium of a quote that says none', () => {
  const MAYOR: [string, EntityType, [string, 'name' | 'nominal'][]][] = [['Thandi Moyo', 'PERSON', [['Thandi Moyo', 'name']]]];

  it('is not carried over to a new quote after a closed one', () => {
    const qs = quotesOf(['Mayor Thandi Moyo spoke on Radio 702 on Friday. “The dams are full,” Moyo said on the radio. “Save water anyway,” she added.'], MAYOR);
    expect(qs.map((q) => q.channel)).toEqual(['radio', null]);
  });

  it('is carried over by a paragraph that reopens a quote left unclosed', () => {
    const qs = quotesOf(['Mayor Thandi Moyo went on Facebook and wrote, “The dams are full.', '“Save water anyway,” she added.'], MAYOR);
    expect(qs.map((q) => q.channel)).toEqual(['Facebook', 'Facebook']);
  });
});
