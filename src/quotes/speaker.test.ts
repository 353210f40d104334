import { describe, expect, it } from 'vitest';
import { quotesOf } from './quotes-of.test-util.js';

describe('speakers named through another person', () => {
  it('does not give the words of "X\'s lawyer" or "a friend of X" to X', () => {
    const q = quotesOf(
      ['Farmer Ilse Brandt was charged with fraud on Monday. Brandt\'s lawyer said she would plead not guilty.', 'A friend of Brandt said she had sold the farm in May.', '“She is no criminal,” Brandt\'s brother said.'],
      [['Ilse Brandt', 'PERSON', [['Ilse Brandt', 'name'], ['Brandt', 'name']]]],
    );
    expect(q.map((x) => [x.text, x.speaker])).toEqual([
      ['she would plead not guilty', null],
      ['she had sold the farm in May', null],
      ['She is no criminal,', null],
    ]);
  });

  it('gives them to the representative when named in apposition or by an earlier title', () => {
    const q = quotesOf(
      ['Brandt\'s lawyer, Otto Kern, said the charges were political.', 'Defence lawyer Otto Kern spoke later. “The lawyer for the state has no case,” the lawyer said.'],
      [['Ilse Brandt', 'PERSON', [['Brandt', 'name']]], ['Otto Kern', 'PERSON', [['Otto Kern', 'name'], ['Defence lawyer', 'title']]]],
    );
    expect(q.map((x) => x.speaker)).toEqual(['Otto Kern', 'Otto Kern']);
  });

  it('keeps a spokesperson\'s words with the body they speak for, and a title before a name with its person', () => {
    const q = quotesOf(
      ['A spokeswoman for the Port Authority said the harbour would reopen on Friday.', 'Deputy Mayor Rosa Lind said the ferries were running again.'],
      [['Port Authority', 'ORG', [['Port Authority', 'name']]], ['Rosa Lind', 'PERSON', [['Rosa Lind', 'name'], ['Deputy Mayor', 'title']]]],
    );
    expect(q.map((x) => x.speaker)).toEqual(['Port Authority', 'Rosa Lind']);
  });

  it('gives a "she" after an unnamed spokesperson to the body spoken for, even against a coreference link', () => {
    const q = quotesOf(
      ['Transport Minister Ada Lenz opened the bridge on Monday. A spokeswoman for the Road Agency defended its cost. “It will last a century,” she said.'],
      [['Ada Lenz', 'PERSON', [['Ada Lenz', 'name'], ['Transport Minister', 'title'], ['she', 'pronoun']]], ['Road Agency', 'ORG', [['Road Agency', 'name']]]],
    );
    expect(q.map((x) => x.speaker)).toEqual(['Road Agency']);
  });

  it('keeps "she" on a person named after the spokesperson, or in apposition to one', () => {
    const q = quotesOf(
      ['A spokeswoman for the Road Agency defended the cost. Minister Ada Lenz agreed. “It will last a century,” she said.', '“Traffic will halve,” said Mia Holt, a spokeswoman for the Road Agency. “Tolls stay low,” she added.'],
      [['Ada Lenz', 'PERSON', [['Ada Lenz', 'name']]], ['Mia Holt', 'PERSON', [['Mia Holt', 'name']]], ['Road Agency', 'ORG', [['Road Agency', 'name']]]],
    );
    expect(q.map((x) => x.speaker)).toEqual(['Ada Lenz', 'Mia Holt', 'Mia Holt']);
  });
});

describe('a definite phrase by its head noun', () => {
  it('takes the latest entity a mention of which holds the head, in any case and beside any letters', () => {
    const people: [string, 'PERSON', [string, 'name' | 'title'][]][] = [
      ['Zoë Ruiz', 'PERSON', [['Zoë Ruiz', 'name'], ['Energy MINISTER', 'title']]],
      ['Karl Ems', 'PERSON', [['Karl Ems', 'name']]],
    ];
    const q = quotesOf(['Energy MINISTER Zoë Ruiz met Karl Ems on Monday. The minister said the plant would close.'], people);
    expect(q.map((x) => x.speaker)).toEqual(['Zoë Ruiz']);
    const accented: [string, 'PERSON', [string, 'name' | 'title'][]][] = [
      ['Zoë Ruiz', 'PERSON', [['Zoë Ruiz', 'name'], ['Énergie minister', 'title']]],
      ['Karl Ems', 'PERSON', [['Karl Ems', 'name'], ['Ministerial aide', 'title']]],
    ];
    // "Ministerial" holds the letters but not the word: the pattern, not the plain scan, says no.
    const r = quotesOf(['Énergie minister Zoë Ruiz met Ministerial aide Karl Ems on Monday. The minister said the plant would close.'], accented);
    expect(r.map((x) => x.speaker)).toEqual(['Zoë Ruiz']);
  });
});

describe('"it said"', () => {
  it('gives the words to a body or state that has just spoken, and never to a town', () => {
    const q = quotesOf(
      ['Borduria said its troops had crossed the river near Szohod.', '“Our forces are advancing,” it said.'],
      [['Borduria', 'GPE', [['Borduria', 'name']]], ['Szohod', 'GPE', [['Szohod', 'name']]]],
    );
    expect(q.map((x) => x.speaker)).toEqual(['Borduria', 'Borduria']);
    const port = quotesOf(
      ['The Port Authority met in Szohod on Monday.', '“We will reopen the harbour,” it said.'],
      [['Port Authority', 'ORG', [['Port Authority', 'name']]], ['Szohod', 'GPE', [['Szohod', 'name']]]],
    );
    expect(port.map((x) => x.speaker)).toEqual(['Port Authority']);
  });
});
