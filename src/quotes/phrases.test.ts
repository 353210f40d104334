import { describe, expect, it } from 'vitest';
import { CUE_VERBS } from './cues.js';
import { nextCue } from './phrases.js';
import { quotesOf } from './quotes-of.test-util.js';

const PEOPLE: [string, 'PERSON', [string, 'name'][]][] = [
  ['Lena Voss', 'PERSON', [['Lena Voss', 'name'], ['Voss', 'name']]],
  ['Karl Ems', 'PERSON', [['Karl Ems', 'name'], ['Ems', 'name']]],
];

describe('speech cues', () => {
  it('reads replies and retorts, one-word and phrasal, as cues after a quote', () => {
    const q = quotesOf(['“The figures are wrong,” Voss retorted. “They are the ministry’s own,” Ems shot back.', '“Check them again,” Voss countered.'], PEOPLE);
    expect(q.map((x) => [x.speaker, x.cue])).toEqual([['Lena Voss', 'retorted'], ['Karl Ems', 'shot back'], ['Lena Voss', 'countered']]);
  });

  it('reads "countered that" as indirect speech, but not a verb that only looks like a phrasal cue', () => {
    const q = quotesOf(['Voss countered that the audit had been rushed.', 'Ems hit back pain with rest and said nothing.'], PEOPLE);
    expect(q.map((x) => [x.text, x.speaker, x.cue])).toEqual([['the audit had been rushed', 'Lena Voss', 'countered']]);
  });

  it('finds the speaker behind a name\'s possessive after a quote', () => {
    const q = quotesOf(['“We will appeal,” Voss\'s campaign manager said.', '“We will appeal,” Voss’s lawyer said.'], PEOPLE);
    expect(q.map((x) => x.cue)).toEqual(['said', 'said']);
    // A campaign manager is no relation of a person's own: the name stays; a lawyer is someone else.
    expect(q.map((x) => x.speaker)).toEqual(['Lena Voss', null]);
  });
});

describe('a speaker described, then named, after a quote', () => {
  it('takes the name set off by commas after its description', () => {
    const q = quotesOf(['“The evidence is not strong enough,” the country’s deputy director of public prosecutions, Lena Voss, said on Tuesday.', '“We will be on strike,” the spokesman, Karl Ems, said.'], PEOPLE);
    expect(q.map((x) => [x.speaker, x.cue])).toEqual([['Lena Voss', 'said'], ['Karl Ems', 'said']]);
  });

  it('takes the description where a party and state follow it ("Rep. Joe Barton, R-Texas, said")', () => {
    const people: typeof PEOPLE = [['Lena Voss', 'PERSON', [['Lena Voss', 'name']]]];
    const q = quotesOf(['“Time is running out for the industry,” Rep. Lena Voss, R-Texas, said in a statement.'], people);
    expect(q.map((x) => x.speaker)).toEqual(['Lena Voss']);
  });

  it('gives no speaker of a new sentence to a quote that ended its own', () => {
    const q = quotesOf(['Karl Ems said: “We are still considering a rise.” The correspondent in Jakarta, Lena Voss, told the programme that anger grew.'], PEOPLE);
    expect(q.find((x) => x.text.startsWith('We are'))?.speaker).toBe('Karl Ems');
    const title = quotesOf(['They asked that the words “the true story”, be removed. Their lawyer, Lena Voss, said it was unfair.'], PEOPLE);
    expect(title.find((x) => x.text === 'the true story')?.speaker ?? null).toBeNull();
  });
});

describe('quotes split by their cue, in single marks', () => {
  it('gives both halves to the speaker named between them', () => {
    const q = quotesOf(['‘We will not,’ Voss said, ‘sell the club to anyone.’'], PEOPLE);
    expect(q.map((x) => [x.text, x.speaker, x.cue])).toEqual([['We will not,', 'Lena Voss', 'said'], ['sell the club to anyone.', 'Lena Voss', 'said']]);
  });
});

describe('nextCue', () => {
  // The scan nextCue stands for: a cue not glued to a letter on either side.
  const CUE = `(?:${CUE_VERBS.map((c) => c.replace(/ /g, '\\s+')).join('|')})`;
  const reference = (s: string): string[] => [...s.matchAll(new RegExp(`(?<![\\p{L}])(${CUE})(?![\\p{L}])`, 'gu'))].map((m) => `${m.index}:${m[1]}`);
  const scanned = (s: string): string[] => {
    const out: string[] = [];
    for (let m = nextCue(s, 0); m; m = nextCue(s, m.index + m[0].length)) out.push(`${m.index}:${m[1]}`);
    return out;
  };

  it('finds the cues a scan with a lookbehind finds, passing over cues glued to a letter on their left', () => {
    for (const s of [
      'He said so, and she says no.',
      'unsaid said resaid', 'saidsaid said', 'éasked asked', '𝐀said 𝐀 said', 'Xsays\uD800said \uDC00said',
      'they hit  back, then hits back', 'said', '', 'reiterated reiterates', '“No,” she told reporters.',
    ]) expect(scanned(s)).toEqual(reference(s));
    expect(scanned('unsaid said')).toEqual(['7:said']);
  });
});

describe('speaker phrases around a cue', () => {
  const ORG_AND_CHAIR: [string, 'PERSON' | 'ORG', [string, 'name'][]][] = [
    ['Save the Marsh', 'ORG', [['Save the Marsh', 'name']]],
    ['Peter Sand', 'PERSON', [['Peter Sand', 'name']]],
    ['Daily Courier', 'ORG', [['Daily Courier', 'name']]],
    ...PEOPLE,
  ];

  it('takes the person behind a body and a title after the cue: "said Save the Marsh chairman Peter Sand"', () => {
    const q = quotesOf(['“We will go to court,” said Save the Marsh chairman Peter Sand.'], ORG_AND_CHAIR);
    expect(q.map((x) => [x.speaker, x.cue])).toEqual([['Peter Sand', 'said']]);
  });

  it('finds the subject next to a cue in a clause that opens with a participle, not in a relative clause', () => {
    const q = quotesOf([
      'The council criticised the plan, saying Mr Voss had initially said the road would be built.',
      'Mr Ems, who won damages from the Daily Courier said the paper had lied.',
    ], ORG_AND_CHAIR);
    expect(q.map((x) => [x.text, x.speaker])).toEqual([['the road would be built', 'Lena Voss'], ['the paper had lied', 'Karl Ems']]);
  });
});

describe('a quotation inside a sentence that closes on its attribution', () => {
  it('gives the words in marks to the speaker after the last comma, not to the first name before them', () => {
    const q = quotesOf(['A Voss government would sort out the "shambles" of the rail network, Ems said.'], PEOPLE);
    expect(q.filter((x) => x.direct).map((x) => [x.text, x.speaker, x.cue])).toEqual([['shambles', 'Karl Ems', 'said']]);
  });
});
