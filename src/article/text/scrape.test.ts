import { describe, expect, it } from 'vitest';
import { readScrapedText } from './scrape.js';

// A scrape written for this test in the shape of the seed: title, glued byline,
// date line, a near-repeated headline, body paragraphs and an ad slot.
const SCRAPE = `Kenya, Uganda Sign Pact On Cross-Border Trade Corridor

Wanjiru OtienoStaff Reporter

14th Mar, 2022. 08:05 am
Kenya, Uganda Signs Pact On Cross-Border Trade Corridor

NAIROBI — Kenya and Uganda signed an agreement on Monday to build a trade corridor linking Mombasa with Kampala.

Share this article

“This corridor will cut costs for every farmer,” the minister said.

He added.

Officials said construction would begin next year and take about four years.

Adsense 300 x 250`;

describe('readScrapedText', () => {
  const parts = readScrapedText(SCRAPE);

  it('reads title, glued byline and date line', () => {
    expect(parts.title).toBe('Kenya, Uganda Sign Pact On Cross-Border Trade Corridor');
    expect(parts.authors).toEqual([{ name: 'Wanjiru Otieno', role: 'Staff Reporter' }]);
    expect(parts.published).toEqual({ value: '2022-03-14T08:05', text: '14th Mar, 2022. 08:05 am' });
  });

  it('drops the repeated headline and boilerplate, listing them', () => {
    expect(parts.removed.map((r) => r.reason)).toEqual(['byline', 'date', 'duplicate-title', 'share', 'ad']);
    expect(parts.paragraphs.join('\n')).not.toMatch(/Adsense|Signs Pact|Share this/);
  });

  it('keeps every real paragraph, short ones included', () => {
    expect(parts.paragraphs).toHaveLength(4);
    expect(parts.paragraphs[0]).toMatch(/^NAIROBI — Kenya/);
    expect(parts.paragraphs).toContain('He added.');
  });

  it('recognises the dateline', () => {
    expect(parts.dateline).toEqual({ place: null, text: 'NAIROBI' });
  });

  it('has no title when the text opens with body prose', () => {
    const p = readScrapedText('The council voted on Tuesday to close the old bridge to heavy traffic from next month.\n\nRepairs will cost millions.');
    expect(p.title).toBeNull();
    expect(p.paragraphs).toHaveLength(2);
  });

  it('joins hard-wrapped lines back into paragraphs', () => {
    const wrapped = Array.from({ length: 6 }, (_, i) =>
      `Paragraph ${i} starts here and the wire service wrapped it at about\nseventy columns so that this line continues the same sentence and\nends only here.`,
    ).join('\n\n');
    const p = readScrapedText(wrapped);
    expect(p.paragraphs.length).toBe(6);
    expect(p.paragraphs[0]).toMatch(/about seventy columns/);
  });

  it('decodes character references the scraper copied from the markup', () => {
    const p = readScrapedText('Shares of AT&amp;T rose on Monday after the &lt;CP&gt; report, Reuters said.\n\nIt&#39;s the R&D budget&#3;');
    expect(p.paragraphs).toEqual(['Shares of AT&T rose on Monday after the <CP> report, Reuters said.', "It's the R&D budget"]);
  });
});
