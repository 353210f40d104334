import { describe, expect, it } from 'vitest';
import { linkByHand } from './link.test-util.js';

const coded = (sentence: string, name: string, label: 'ORG' | 'MISC' | 'PER', published = '2019-11-20T10:00') =>
  linkByHand([sentence], [[name, label]], published).map((e) => [e.name, e.type, e.code]);

describe('a leader\'s surname before "administration"', () => {
  it('names the government of the country that leader headed, in office or past', () => {
    expect(coded('The Trump administration imposed new sanctions on Iran.', 'Trump', 'MISC')).toEqual([['Trump administration', 'ORG', 'USAGOV']]);
    expect(coded('The Obama administration declined to send arms.', 'Obama', 'ORG')).toEqual([['Obama administration', 'ORG', 'USAGOV']]);
    expect(coded('The Reagan administration asked Congress for funds.', 'Reagan', 'ORG', '1987-03-02T10:00')).toEqual([['Reagan administration', 'ORG', 'USAGOV']]);
  });

  it('codes nothing for a surname no head of state or government bore, or with no date to choose by', () => {
    expect(coded('The Smithers administration asked Congress for funds.', 'Smithers', 'ORG')).toEqual([['Smithers', 'ORG', null]]);
    const undated = linkByHand(['The Obama administration declined to send arms.'], [['Obama', 'ORG']], null as unknown as string);
    expect(undated.map((e) => e.code)).toEqual([null]);
  });

  it('leaves a name used elsewhere without such a word as it is', () => {
    const ents = linkByHand(['Obama Holdings rose on Monday. The Obama administration said nothing.'], [['Obama Holdings', 'ORG'], ['Obama', 'ORG', 1]], '2019-11-20T10:00');
    expect(ents.find((e) => e.name === 'Obama Holdings')?.code ?? null).toBeNull();
  });
});
