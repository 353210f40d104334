import { describe, expect, it } from 'vitest';
import type { NerSpan } from '../core/doc.js';
import { Doc, emptyMeta } from '../core/doc.js';
import type { Entity } from '../core/record.js';
import { sentenceStage, splitSentences } from '../nlp/sentences.js';
import { posStage } from '../nlp/pos/index.js';
import { linkEntities } from './link.js';
import { lookupOffice } from './offices.js';

// Our own text; NER spans placed by hand (`[[Name]]` marks a PER span) so the linker is tested alone.
function link(paras: string[], tagged = false): { text: string; entities: Entity[] } {
  const ner: NerSpan[] = [];
  const { text, paragraphs } = new Doc(paras.map((p) => p.replace(/\[\[|\]\]/g, '')), emptyMeta({ language: 'en' }));
  // Offsets of the marks, shifted for the marks removed before them.
  let joined = '';
  const marked = new Doc(paras, emptyMeta({ language: 'en' })).text;
  let removed = 0;
  for (let i = 0; i < marked.length; i++) {
    if (marked.startsWith('[[', i)) {
      const end = marked.indexOf(']]', i);
      const start = i - removed;
      ner.push({ start, end: start + (end - i - 2), label: 'PER' });
      joined += marked.slice(i + 2, end);
      removed += 4;
      i = end + 1;
      continue;
    }
    joined += marked[i];
  }
  expect(joined).toBe(text);
  // Tagged: the tagger's tags, which tell a possessor in the predicate from one in the subject.
  const doc = new Doc(paras.map((p) => p.replace(/\[\[|\]\]/g, '')), emptyMeta({ language: 'en' }));
  if (tagged) for (const stage of [sentenceStage, posStage]) stage.run(doc);
  const sentences = tagged ? doc.sentences : splitSentences(text, paragraphs);
  const entities = linkEntities({
    text, paragraphs, sentences, ner, published: '2005-03-14T10:00', offices: lookupOffice, ...(tagged ? { tokens: doc.tokens } : {}),
  });
  return { text, entities };
}

/** "word@offset → entity name" for every pronoun mention. */
function pronouns(r: { entities: Entity[] }): string[] {
  return r.entities.flatMap((e) => e.mentions.filter((m) => m.kind === 'pronoun').map((m) => `${m.text}@${m.start} → ${e.name}`)).sort();
}
const at = (text: string, word: string, nth = 0): number => {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(word, i + 1);
  return i;
};

describe('honorifics', () => {
  it('reads "Mr Vance" as the surname and "Sir Hugo" as the given name of a person named before', () => {
    const r = link(['Home Secretary [[Dorian Vance]] met [[Sir Hugo Pelling]] on Monday.', '[[Mr Vance]] said [[Sir Hugo]] had been fair.']);
    const names = r.entities.filter((e) => e.type === 'PERSON').map((e) => [e.name, e.mentions.filter((m) => m.kind === 'name').map((m) => m.text)]);
    expect(names).toEqual([['Dorian Vance', ['Dorian Vance', 'Vance']], ['Hugo Pelling', ['Hugo Pelling', 'Hugo']]]);
  });

  it('reads a given name alone as the one person of the article who has it, and no one when two do', () => {
    const one = link(['Scotland manager [[Walter Smith]] named his squad.', 'It is the move you would expect from [[Walter]].']);
    expect(one.entities.filter((e) => e.type === 'PERSON').map((e) => e.name)).toEqual(['Walter Smith']);
    const two = link(['[[Hassan Ruhi]] met [[Hassan Nasri]] in Tehran.', '[[Hassan]] said little.']);
    expect(two.entities.filter((e) => e.type === 'PERSON').map((e) => e.name)).toEqual(['Hassan Ruhi', 'Hassan Nasri', 'Hassan']);
  });

  it('reads a one-word name after a word of kin as a given name, never an office holder\'s surname', () => {
    // On the date (2005) the office table knows a prime minister Sharon.
    const r = link(['[[Ozzy Brandt]] is ending the show.', 'His wife [[Sharon]], who also appears in it, agreed.']);
    expect(r.entities.find((e) => e.name === 'Sharon')?.code ?? null).toBeNull();
    expect(link(['[[Sharon]] met the Egyptian president.']).entities.find((e) => e.name === 'Ariel Sharon' || e.name === 'Sharon')?.code).toBe('ISRGOV');
  });

  it('keeps a pronoun of the other gender off a person whose given name news uses for one gender', () => {
    const r = link(['[[Michael Vance]] met [[Tessa Pell]] on Monday.', 'Later she said the talks went well, and he agreed.']);
    expect(pronouns(r)).toEqual([`he@${at(r.text, 'he agreed')} → Michael Vance`, `she@${at(r.text, 'she')} → Tessa Pell`]);
  });

  it('keeps a pronoun of the other gender off a person an honorific marks', () => {
    const r = link(['[[Mr Ostrow]] praised the bill. The reporter asked about her sources.']);
    expect(pronouns(r)).toEqual([]);
  });
});

describe('role phrases', () => {
  it('gives "the chancellor" to the chancellor, not to the shadow chancellor named since', () => {
    const r = link(['Chancellor [[Dorian Vance]] said the cuts proposed by shadow chancellor [[Hugo Pelling]] were deep.', 'Later the chancellor pledged growth.']);
    const titled = (name: string): string[] => r.entities.find((e) => e.name === name)!.mentions.filter((m) => m.kind === 'title').map((m) => m.text);
    expect(titled('Dorian Vance')).toContain('the chancellor');
    expect(titled('Hugo Pelling')).toEqual(['shadow chancellor']);
  });


  it('gives "the Tory leader" to a leader of that party only, and "the leader of the opposition" to no leader', () => {
    const r = link(['Prime Minister [[Tony Blair]] spoke after Tory leader [[Hugo Pelling]] did.', 'Later the Tory leader pledged cuts and the Labour leader pledged growth. The leader of the opposition wants a debate.']);
    const titled = (name: string): string[] => r.entities.find((e) => e.name === name)!.mentions.filter((m) => m.kind === 'title').map((m) => m.text);
    expect(titled('Tony Blair')).toEqual(['Prime Minister', 'the Labour leader']);
    expect(titled('Hugo Pelling')).toEqual(['Tory leader', 'the Tory leader']);
  });
});

describe('pronouns', () => {
  it('takes the subject of the sentence before over a possessor named later in it', () => {
    const r = link(['Party chairman [[Lionel Frake]] opened with a speech criticising [[Tom Bale]]\'s record. The rule has failed, he told the conference.']);
    expect(pronouns(r)).toEqual([`he@${at(r.text, 'he told')} → Lionel Frake`]);
  });

  it('passes over a sentence that names people only as possessors in its predicate, back to the one before', () => {
    const r = link(
      [
        'Party leader [[Lionel Frake]] said he wanted to visit the rebels. The trip required the veteran spending three days at [[Tom Bale]]\'s farm. During the visit, he was photographed with Bale.',
        '[[Ann Brook]] met [[Carl Moss]] on Monday. [[Moss]]\'s car was stolen that night. He called the police.',
      ],
      true,
    );
    expect(pronouns(r)).toEqual([
      // "Moss's car": a possessor in the subject is what its sentence is about.
      `He@${at(r.text, 'He called')} → Carl Moss`,
      `he@${at(r.text, 'he wanted')} → Lionel Frake`,
      `he@${at(r.text, 'he was')} → Lionel Frake`,
    ].sort());
  });

  it('gives a possessive in a phrase set off after its clause to the clause\'s subject, not to the object', () => {
    const r = link(['On Monday [[Dorian Vance]] met [[Hugo Pelling]] in London, on his first visit there.']);
    expect(pronouns(r)).toEqual([`his@${at(r.text, 'his')} → Dorian Vance`]);
  });

  it('takes the latest person before it in its own sentence', () => {
    const r = link(['[[Ada Lunn]] met [[Rosa Kell]] after Kell said she would resign.']);
    expect(pronouns(r)).toEqual([`she@${at(r.text, 'she')} → Rosa Kell`]);
  });

  it('never takes the subject of its own clause for "him", nor a person of another sentence for "himself"', () => {
    const r = link(['[[Ivo Brandt]] insisted that [[Paul Greer]] has promised him a place.', '[[Sam Dorn]] arrived late. One recruit calls himself Heretic.']);
    expect(pronouns(r)).toEqual([`him@${at(r.text, 'him')} → Ivo Brandt`]);
  });

  it('reads a pronoun in a fronted phrase as the person named after its comma, but not an object there', () => {
    const r = link(['The cards come in 2008 and, when he was introducing the bill, [[Mr Vance]] said they were needed.', 'When he arrived, police arrested [[Karl Ems]].']);
    // The second "he" is not Ems, whom the police arrested: it falls back to the sentence before.
    expect(pronouns(r)).toEqual([`he@${at(r.text, 'he arrived')} → Vance`, `he@${at(r.text, 'he was')} → Vance`]);
  });
});
