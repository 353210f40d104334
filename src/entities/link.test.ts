import { describe, expect, it } from 'vitest';
import type { NerSpan } from '../core/doc.js';
import { Doc, emptyMeta } from '../core/doc.js';
import { splitSentences } from '../nlp/sentences.js';
import { linkEntities } from './link.js';
import { lookupOffice } from './offices.js';

// Our own text; NER spans placed by hand so that the linker is tested alone.
const PARAS = [
  'Armenian Prime Minister Nikol Pashinyan met Kazakh Foreign Minister Murat Nurtleu in Astana on Monday.',
  'Pashinyan, the Armenian leader, said the Armenian army would not be deployed, and he thanked his host.',
  'In his remarks, Georgian ambassador to Kazakhstan Levan Beridze welcomed the talks. The Georgian envoy said trade would grow.',
  'Kazakh officials told reporters @nurtleu_murat would travel to Yerevan in spring.',
];
// The Doc joins paragraphs as the readers do and knows their spans.
const { text: TEXT, paragraphs } = new Doc(PARAS, emptyMeta({ language: 'en' }));
function ner(surface: string, label: NerSpan['label'], nth = 0): NerSpan {
  const hits = [...TEXT.matchAll(new RegExp(`(?<![\\p{L}@_])${surface}(?![\\p{L}])`, 'gu'))];
  const i = hits[nth]?.index;
  if (i === undefined) throw new Error(`no ${surface}`);
  return { start: i, end: i + surface.length, label };
}
const NER: NerSpan[] = [
  ner('Armenian', 'MISC'), ner('Nikol Pashinyan', 'PER'), ner('Kazakh', 'MISC'), ner('Murat Nurtleu', 'PER'), ner('Astana', 'LOC'),
  ner('Pashinyan', 'PER', 1), ner('Armenian', 'MISC', 1), ner('Armenian', 'MISC', 2),
  ner('Georgian', 'MISC'), ner('Kazakhstan', 'LOC'), ner('Levan Beridze', 'PER'), ner('Georgian', 'MISC', 1),
  ner('Kazakh', 'MISC', 1), ner('Yerevan', 'LOC'),
].sort((a, b) => a.start - b.start);

describe('linkEntities', () => {
  const entities = linkEntities({ text: TEXT, paragraphs, sentences: splitSentences(TEXT, paragraphs), ner: NER, published: '2023-03-14T10:00', offices: lookupOffice });
  const byName = (name: string) => entities.find((e) => e.name === name);

  it('links office holders on the article date and codes them', () => {
    expect(byName('Nikol Pashinyan')).toMatchObject({ type: 'PERSON', country: 'ARM', role: 'prime minister', sector: 'GOV', code: 'ARMGOV' });
  });

  it('reads a title before an unknown name, ignoring the posting', () => {
    expect(byName('Levan Beridze')).toMatchObject({ country: 'GEO', role: 'ambassador', code: expect.stringMatching(/^GEO/) });
  });

  it('puts short names, appositions, titles, handles and pronouns on one entity', () => {
    const p = byName('Nikol Pashinyan')!;
    const kinds = p.mentions.map((m) => `${m.text}/${m.kind}`);
    expect(kinds).toEqual(expect.arrayContaining(['Nikol Pashinyan/name', 'Pashinyan/name', 'Armenian Prime Minister/title', 'he/pronoun', 'his/pronoun']));
    const b = byName('Levan Beridze')!;
    expect(b.mentions.map((m) => `${m.text}/${m.kind}`)).toEqual(expect.arrayContaining(['his/pronoun', 'The Georgian envoy/title']));
    const n = byName('Murat Nurtleu')!;
    expect(n.mentions.map((m) => m.kind)).toContain('handle');
  });

  it('makes demonyms mentions of their country and groups of country + body', () => {
    const armenia = entities.find((e) => e.code === 'ARM')!;
    expect(armenia.mentions.every((m) => m.text === 'Armenian')).toBe(true);
    expect(armenia.type).toBe('NORP');
    expect(entities.find((e) => e.code === 'ARMMIL')).toMatchObject({ type: 'ORG', country: 'ARM', sector: 'MIL' });
    expect(entities.find((e) => e.code === 'KAZGOV' && e.type === 'ORG')).toBeDefined();
  });

  it('numbers entities in order of first mention and keeps offsets exact', () => {
    entities.forEach((e, i) => expect(e.id).toBe(`E${i + 1}`));
    for (const e of entities) for (const m of e.mentions) expect(TEXT.slice(m.start, m.end)).toBe(m.text);
  });

  it('keeps a role head behind modifiers as a group, but not across a verb', () => {
    const link = (text: string, surface: string): ReturnType<typeof linkEntities> => {
      const i = text.indexOf(surface);
      return linkEntities({ text, paragraphs: [{ start: 0, end: text.length }], sentences: [{ start: 0, end: text.length }], ner: [{ start: i, end: i + surface.length, label: 'MISC' }], published: null, offices: lookupOffice });
    };
    const workers = link('Angry French paper workers blocked the bridge.', 'French');
    expect(workers.find((e) => e.type === 'ORG')).toMatchObject({ name: 'French paper workers', code: 'FRALAB' });
    // "attacked" is no modifier: "Iranian forces" is the group, not "Iranian … troops".
    const forces = link('Iranian forces attacked troops near the border.', 'Iranian');
    expect(forces.filter((e) => e.type === 'ORG').map((e) => e.mentions[0]!.text)).toEqual(['Iranian forces']);
  });

  it('never breaks on unknown names', () => {
    const text = 'Zyxwv Qqqq met Blorp.';
    const out = linkEntities({ text, paragraphs: [{ start: 0, end: text.length }], sentences: [{ start: 0, end: text.length }], ner: [{ start: 0, end: 10, label: 'PER' }, { start: 15, end: 20, label: 'ORG' }], published: null, offices: lookupOffice });
    expect(out.map((e) => [e.name, e.type, e.code])).toEqual([['Zyxwv Qqqq', 'PERSON', null], ['Blorp', 'ORG', null]]);
  });
});

describe('a surname that two people of the article share', () => {
  function link(paras: string[], names: [string, number?][], published = '2019-11-20T10:00'): ReturnType<typeof linkEntities> {
    const { text, paragraphs: ps } = new Doc(paras, emptyMeta({ language: 'en' }));
    const spans = names.map(([surface, nth = 0]): NerSpan => {
      let i = -1;
      for (let k = 0; k <= nth; k++) i = text.indexOf(surface, i + 1);
      return { start: i, end: i + surface.length, label: 'PER' };
    });
    return linkEntities({ text, paragraphs: ps, sentences: splitSentences(text, ps), ner: spans.sort((a, b) => a.start - b.start), published, offices: lookupOffice });
  }
  /** The entity of the bare mention `text` (a full name's mention is written in full). */
  const holderOf = (es: ReturnType<typeof linkEntities>, text: string): string | undefined => es.find((e) => e.mentions.some((m) => m.text === text))?.name;

  it('goes to the one the office table knows, though the other was named first', () => {
    const es = link(['Hunter Biden sat on the board of a gas firm.', 'His father Joe Biden was vice president then. Biden denied any wrongdoing.'], [['Hunter Biden'], ['Joe Biden'], ['Biden', 2]]);
    expect(holderOf(es, 'Biden')).toBe('Joe Biden');
  });

  it('else to the one named last before it', () => {
    const es = link(['Anna Lindqvist and Peter Lindqvist founded the firm.', 'Peter Lindqvist left in May. Lindqvist said he was tired.'], [['Anna Lindqvist'], ['Peter Lindqvist'], ['Peter Lindqvist', 1], ['Lindqvist', 3]]);
    expect(holderOf(es, 'Lindqvist')).toBe('Peter Lindqvist');
  });

  it('is not shared with a title the tagger took into a name', () => {
    const es = link(['Sen. Karnes spoke first.', 'David Karnes said the bill would pass. Karnes is seeking a seat.'], [['Sen. Karnes'], ['David Karnes'], ['Karnes', 2]]);
    expect(holderOf(es, 'Karnes')).toBe('David Karnes');
  });
});
