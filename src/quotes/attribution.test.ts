import { describe, expect, it } from 'vitest';
import { quotesOf } from './quotes-of.test-util.js';

describe('quote attribution', () => {
  it('reads a reported clause put before its cue, with the channel after the cue', () => {
    const q = quotesOf(
      ['Egypt will reopen the crossing on Thursday, Foreign Minister Tarek Mansour said on state television.'],
      [['Tarek Mansour', 'PERSON', [['Tarek Mansour', 'name'], ['Foreign Minister', 'title']]], ['Egypt', 'GPE', [['Egypt', 'name']]]],
    );
    expect(q).toEqual([{ text: 'Egypt will reopen the crossing on Thursday', speaker: 'Tarek Mansour', direct: false, cue: 'said', channel: 'state television' }]);
  });

  it('does not take "…, said the minister." without a verb for a reported clause', () => {
    expect(quotesOf(['In the capital, said the minister.'], [])).toEqual([]);
  });

  it('reads "told the court that", "announced on Monday that", "said here Wednesday that" and bare clauses', () => {
    const q = quotesOf(
      [
        'Prosecutor Faith Njeri told the court that the money had passed through shell companies.',
        'Minister Dewi Kartika announced on Monday that school fees would be abolished.',
        'Chairman Nguyen Van Hai said rescue teams were still searching.',
        'President Omar Saleh said here Wednesday that the talks must go on.',
        'Minister Ana Lopes said Tuesday the border would reopen.',
        'Italy announced a suspension of flights on Wednesday, one day after the crash.',
      ],
      [['Faith Njeri', 'PERSON', [['Faith Njeri', 'name']]], ['Dewi Kartika', 'PERSON', [['Dewi Kartika', 'name']]], ['Nguyen Van Hai', 'PERSON', [['Nguyen Van Hai', 'name']]],
        ['Omar Saleh', 'PERSON', [['Omar Saleh', 'name']]], ['Ana Lopes', 'PERSON', [['Ana Lopes', 'name']]], ['Italy', 'GPE', [['Italy', 'name']]]],
    );
    // The last: "announced" with an object noun phrase, not a reported clause.
    expect(q.map((x) => [x.speaker, x.text])).toEqual([
      ['Faith Njeri', 'the money had passed through shell companies'],
      ['Dewi Kartika', 'school fees would be abolished'],
      ['Nguyen Van Hai', 'rescue teams were still searching'],
      ['Omar Saleh', 'the talks must go on'],
      ['Ana Lopes', 'the border would reopen'],
    ]);
  });

  it('gives a quote without its own cue the speaker of the quote before it, with its cue and channel', () => {
    const q = quotesOf(
      ['“We are ready,” chief executive Ada Obi said in an interview. “That is our market.”', '“Next year we grow again.”'],
      [['Ada Obi', 'PERSON', [['Ada Obi', 'name']]]],
    );
    expect(q.map((x) => [x.text, x.speaker, x.cue, x.channel])).toEqual([
      ['We are ready,', 'Ada Obi', 'said', 'interview'],
      ['That is our market.', 'Ada Obi', 'said', 'interview'],
      ['Next year we grow again.', 'Ada Obi', 'said', 'interview'],
    ]);
  });

  it('takes a person the sentence before introduced over the speaker of an earlier quote', () => {
    const q = quotesOf(
      ['“We need water,” said Gurpreet Sandhu.', 'Engineer Rakesh Malhotra disagreed. “The canal is full.”'],
      [['Gurpreet Sandhu', 'PERSON', [['Gurpreet Sandhu', 'name']]], ['Rakesh Malhotra', 'PERSON', [['Rakesh Malhotra', 'name']]]],
    );
    expect(q.map((x) => x.speaker)).toEqual(['Gurpreet Sandhu', 'Rakesh Malhotra']);
  });

  it('gives a partial quote or a "Name: “…”" line to the subject of its sentence, and drops a title', () => {
    const q = quotesOf(
      [
        'Minister Priya Raghavan: “This budget protects families”',
        'Opposition leader Arjun Mehta dismissed the plan as "an election gimmick" on Monday.',
        'The film “The Salt Road” won the prize. Critics called it a "quiet masterpiece" after its premiere.',
      ],
      [['Priya Raghavan', 'PERSON', [['Priya Raghavan', 'name']]], ['Arjun Mehta', 'PERSON', [['Arjun Mehta', 'name']]]],
    );
    expect(q.map((x) => [x.text, x.speaker])).toEqual([
      ['This budget protects families', 'Priya Raghavan'],
      ['an election gimmick', 'Arjun Mehta'],
      ['quiet masterpiece', null],
    ]);
  });

  it('keeps "he added" on the speaker of the quote before, past a mis-typed organisation in its attribution', () => {
    const q = quotesOf(
      ['“The convoy is ready,” said Ahmed Fawzi, a spokesman for the Red Crescent. “Trucks are waiting,” he added, “and more are coming.”'],
      [['Ahmed Fawzi', 'PERSON', [['Ahmed Fawzi', 'name']]], ['Red Crescent', 'PERSON', [['Red Crescent', 'name'], ['he', 'pronoun']]]],
    );
    expect(q.map((x) => x.speaker)).toEqual(['Ahmed Fawzi', 'Ahmed Fawzi', 'Ahmed Fawzi']);
  });

  it('resolves "the minister" by a title mention and "the company" to the latest organisation', () => {
    const q = quotesOf(
      ['Health Minister Wanjiru Kamau visited Kisumu. “We are not out of danger,” the minister said.', 'Carmaker Hanul Motors recalled cars. “Safety comes first,” the company said in a statement.'],
      [['Wanjiru Kamau', 'PERSON', [['Wanjiru Kamau', 'name'], ['Health Minister', 'title']]], ['Hanul Motors', 'ORG', [['Hanul Motors', 'name']]], ['Kisumu', 'GPE', [['Kisumu', 'name']]]],
    );
    expect(q.map((x) => [x.speaker, x.channel])).toEqual([['Wanjiru Kamau', null], ['Hanul Motors', 'statement']]);
  });

  it('names channels: on X, a speech, any radio, and a news outlet told', () => {
    const q = quotesOf(
      [
        '"These numbers are cooked," Rodrigo Lins wrote on X.',
        '“They taught me,” Leila Rahimi said in her acceptance speech.',
        'Mayor Thandiwe Mokoena told a local radio station that restrictions would be lifted.',
        'Spokesman Abebe Girma told the BBC that troops would stay.',
      ],
      [['Rodrigo Lins', 'PERSON', [['Rodrigo Lins', 'name']]], ['Leila Rahimi', 'PERSON', [['Leila Rahimi', 'name']]], ['Thandiwe Mokoena', 'PERSON', [['Thandiwe Mokoena', 'name']]], ['Abebe Girma', 'PERSON', [['Abebe Girma', 'name']]], ['BBC', 'ORG', [['BBC', 'name']]]],
      { BBC: 'MED' },
    );
    expect(q.map((x) => x.channel)).toEqual(['Twitter', 'speech', 'radio', 'interview']);
  });
});
