import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { parse } from './dom.js';
import { extractHtml } from './index.js';
import { article, page, PROSE } from './fixtures.js';

const opts = { url: null, name: 'test.html' };
const p = (t: string): string => `<p>${t}</p>`;

describe('block filter and recovery', () => {
  it('drops teaser links, date stamps and a closing newsletter plea, keeping linked prose', () => {
    const body = article(
      p('Updated 10:02 AM, December 9, 2020') +
        PROSE.slice(0, 2).map(p).join('') +
        p('<a href="/other">Dam inspectors publish their annual report</a>') +
        p(`Officials cited <a href="/report">the annual inspection report</a>, which rated the dam as sound. ${PROSE[2]}`) +
        p(PROSE[3]!) +
        p('Get the morning briefing in your inbox: sign up for our newsletter.'),
    );
    const parts = extractHtml(page({ body }), opts);
    expect(parts.paragraphs).toEqual([
      PROSE[0],
      PROSE[1],
      `Officials cited the annual inspection report, which rated the dam as sound. ${PROSE[2]}`,
      PROSE[3],
    ]);
    const reasons = Object.fromEntries(parts.removed.map((r) => [r.text, r.reason]));
    expect(reasons['Updated 10:02 AM, December 9, 2020']).toBe('date');
    expect(reasons['Dam inspectors publish their annual report']).toBe('related');
    expect(reasons['Get the morning briefing in your inbox: sign up for our newsletter.']).toBe('promo');
  });

  it('puts back a short linked paragraph Readability drops between two kept ones', () => {
    const cited = 'The findings were published on Monday in <a href="https://journal.example/x">the Journal of Hydrology</a>.';
    const body = article(PROSE.slice(0, 2).map(p).join('') + `<div class="card">${p(cited)}</div>` + PROSE.slice(2).map(p).join(''));
    // Plain Readability loses it (a fifth of its text is a link)…
    const plain = new Readability(parse(page({ body })) as never).parse()?.textContent ?? '';
    expect(plain).not.toContain('Journal of Hydrology');
    // …and it comes back in place.
    expect(extractHtml(page({ body }), opts).paragraphs).toEqual([
      PROSE[0],
      PROSE[1],
      'The findings were published on Monday in the Journal of Hydrology.',
      PROSE[2],
      PROSE[3],
    ]);
  });

  it('drops text from furniture whose class Readability strips, with the reason', () => {
    const body = article(PROSE.slice(0, 2).map(p).join('') + '<div class="newsCaption">The gates at dawn (Image: River Authority)</div>' + PROSE.slice(2).map(p).join(''));
    const parts = extractHtml(page({ body }), opts);
    expect(parts.paragraphs).toEqual(PROSE);
    expect(parts.removed).toContainEqual({ text: 'The gates at dawn (Image: River Authority)', reason: 'caption' });
  });
});
