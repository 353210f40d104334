import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { Token } from '../core/doc.js';
import { recordSchema } from '../core/schema.js';
import { findTimes } from './find.js';

const PUB = '2020-12-09T22:13'; // a Wednesday

function one(text: string, published: string | null = PUB) {
  const times = findTimes(text, published);
  return times.map((t) => ({ text: t.text, value: t.value, grain: t.grain, anchor: t.anchor }));
}

describe('findTimes: the seed article cases', () => {
  it('resolves a past-tense "on Wednesday" to the publication day itself', () => {
    expect(one('The envoy has reached Baku on Wednesday and held talks with officials.')).toEqual([
      { text: 'Wednesday', value: '2020-12-09', grain: 'day', anchor: 'published' },
    ]);
  });

  it('reads "Wednesday, October 7" in the year before publication, not the next', () => {
    expect(one('The president said in a broadcast on Wednesday, October 7, that the war could spread.')).toEqual([
      { text: 'Wednesday, October 7', value: '2020-10-07', grain: 'day', anchor: 'published' },
    ]);
  });

  it('takes "the 1990 war" as the year 1990', () => {
    expect(one('The hills were occupied in the 1990 war by an armed group.')).toEqual([
      { text: '1990', value: '1990', grain: 'year', anchor: 'absolute' },
    ]);
  });

  it('reads "for several days" as a duration of unstated length', () => {
    expect(one('The two armies have been fighting for several days near the border.')).toEqual([
      { text: 'several days', value: null, grain: 'duration', anchor: 'absolute' },
    ]);
  });

  it('emits nothing for a present-state "now"', () => {
    expect(one('The valley was and is now under the control of the militia.')).toEqual([]);
    expect(one('He is now in charge and currently lives in the capital.')).toEqual([]);
  });

  it('reads the date line with its clock time', () => {
    expect(one('Posted 09th Dec, 2020. 10:13 pm by the desk.')[0]).toMatchObject({ value: '2020-12-09T22:13', grain: 'time' });
  });
});

describe('findTimes: weekdays and tense', () => {
  it('points past tense back and future tense forward', () => {
    expect(one('Protesters gathered on Saturday.')[0]?.value).toBe('2020-12-05');
    expect(one('The delegation will return on Saturday.')[0]?.value).toBe('2020-12-12');
    expect(one('The tanker will be released on Friday, officials said.')[0]?.value).toBe('2020-12-11');
  });

  it('crosses the year boundary', () => {
    expect(one('The border will reopen on Monday.', '2020-12-31T16:00')[0]?.value).toBe('2021-01-04');
    expect(one('The border closed on Monday.', '2021-01-02')[0]?.value).toBe('2020-12-28');
  });

  it('lets POS tags decide when tokens carry them', () => {
    const text = 'The bank cut rates in March and will review them in January.';
    const tokens: Token[] = [];
    for (const m of text.matchAll(/\w+|[^\s\w]/g)) {
      const w = m[0];
      const xpos = w === 'cut' ? 'VBD' : w === 'will' ? 'MD' : w === 'review' ? 'VB' : 'NN';
      tokens.push({ start: m.index, end: m.index + w.length, xpos });
    }
    const times = findTimes(text, PUB, { tokens });
    expect(times.map((t) => t.value)).toEqual(['2020-03', '2021-01']);
  });
});

describe('findTimes: relative, context, leap years', () => {
  it('gives last week as the Monday of that ISO week', () => {
    expect(one('Talks collapsed last week.')).toEqual([{ text: 'last week', value: '2020-11-30', grain: 'week', anchor: 'published' }]);
  });

  it('counts "two days later" from the previous time', () => {
    const t = one('Fighting broke out on November 27. Two days later, the rebels withdrew.');
    expect(t[1]).toEqual({ text: 'Two days later', value: '2020-11-29', grain: 'day', anchor: 'context' });
  });

  it('handles 29 February and never emits 31 February', () => {
    expect(one('The results were announced on Thursday.', '2024-03-01')[0]?.value).toBe('2024-02-29');
    expect(one('It passed on 29 February 2024.')[0]?.value).toBe('2024-02-29');
    expect(one('No meeting took place on 31 February.')).toEqual([]);
    expect(one('The deal was signed on 29 Feb. 2023.')).toEqual([]);
  });

  it('keeps text, grain and anchor but no value without a publication date', () => {
    const t = one('The rebels withdrew yesterday and will return on Friday, a week after the raid in May 2019.', null);
    expect(t).toContainEqual({ text: 'yesterday', value: null, grain: 'day', anchor: 'published' });
    expect(t).toContainEqual({ text: 'Friday', value: null, grain: 'day', anchor: 'published' });
    expect(t).toContainEqual({ text: 'May 2019', value: '2019-05', grain: 'month', anchor: 'absolute' });
  });
});

describe('findTimes: numbers that are not times', () => {
  it('ignores counts and sizes', () => {
    expect(one('Some 2,000 people fled 20 more villages.')).toEqual([]);
    expect(one('Adsense 300 x 250')).toEqual([]);
    expect(one('About 1500 soldiers and 2000 troops were sent.')).toEqual([]);
    expect(one('A 35-year-old man was arrested.')).toEqual([]);
  });

  it('ignores rates, habits and names', () => {
    expect(one('He calls once a week and trains two hours a day.').map((t) => t.text)).toEqual(['two hours']);
    expect(one('They met on a Sunday, as every Friday, and told the Sunday Times.')).toEqual([]);
    expect(one("She spoke on Radio 4's Today programme.")).toEqual([]);
  });

  it('reads decades and durations in ISO form', () => {
    expect(one('The dispute goes back to the late 1980s.')[0]).toMatchObject({ value: '1980', grain: 'year' });
    expect(one('The blockade lasted six weeks.')[0]).toMatchObject({ value: 'P6W', grain: 'duration' });
    expect(one('The strike lasted 48 hours.')[0]).toMatchObject({ value: 'PT48H', grain: 'duration' });
  });

  it('reads modified years, year spans, wire clock times and "August last year"', () => {
    expect(one('Growth slowed in mid-2019 and again in 1990-91.').map((t) => [t.text, t.value])).toEqual([
      ['mid-2019', '2019'], ['1990-91', '1990'],
    ]);
    expect(one('Blasts were heard at 0300 GMT.')[0]).toMatchObject({ value: '2020-12-09T03:00Z', grain: 'time' });
    expect(one('Rates rose between November 2003 and August last year.').map((t) => t.value)).toEqual(['2003-11', '2019-08']);
  });

  it('orders numeric dates by the document, then by the default', () => {
    expect(one('Dated 03/05/2022.')[0]?.value).toBe('2022-05-03');
    expect(findTimes('Dated 03/05/2022.', PUB, { numericOrder: 'mdy' })[0]?.value).toBe('2022-03-05');
    expect(one('Filed 12/25/2020, amended 03/05/2022.').map((t) => t.value)).toEqual(['2020-12-25', '2022-03-05']);
  });
});

describe('findTimes: robustness', () => {
  const validate = new Ajv2020({ strict: false }).compile(recordSchema.properties.times);
  const pieces = [
    'on', 'Wednesday', 'May', '9', '31', 'February', '2020', '1990s', "'90s", 'last', 'next', 'week',
    'two', 'days', 'later', 'ago', '10:13', 'pm', 'a.m.', 'noon', ',', '.', ' ', '\n\n', '/', '-', '12/13/14',
    'Dec.', 'the', 'in', 'for', 'several', 'years', 'earlier', 'now', 'since', 'x', '300', '2,000', '—',
    '\u0000', '💥', 'Ünïcödé', '29', 'Feb', '00:00', '99:99', 'GMT', 'summer', 'of', 'weekend', 'the next day',
  ];
  let seed = 12345;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };

  it('never throws and always emits schema-valid spans', () => {
    const pubs = [PUB, null, '2024-02-29', 'not a date', '', '2021-13-45'];
    for (let i = 0; i < 1500; i++) {
      let text = '';
      const n = rand(40);
      for (let k = 0; k < n; k++) {
        text += rand(5) === 0 ? String.fromCharCode(rand(0x3000)) : pieces[rand(pieces.length)]!;
        if (rand(2) === 0) text += ' ';
      }
      const times = findTimes(text, pubs[rand(pubs.length)] ?? null);
      expect(validate(times), JSON.stringify({ text, times })).toBe(true);
      for (const t of times) expect(text.slice(t.start, t.end)).toBe(t.text);
    }
  });
});
