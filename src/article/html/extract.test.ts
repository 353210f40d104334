import { describe, expect, it } from 'vitest';
import { NewsgraphError } from '../../core/errors.js';
import { extractHtml, MAX_HTML_DEPTH } from './index.js';
import { article, page, PARAGRAPHS, PROSE } from './fixtures.js';

const opts = { url: null, name: 'test.html' };

function codeOf(f: () => unknown): string | null {
  try {
    f();
    return null;
  } catch (e) {
    return e instanceof NewsgraphError ? e.code : 'not a NewsgraphError';
  }
}

describe('body', () => {
  it('keeps the prose as one paragraph per block and drops page chrome', () => {
    const parts = extractHtml(page({ body: article(PARAGRAPHS) }), opts);
    expect(parts.paragraphs).toEqual(PROSE);
  });

  it('removes an ad-slot line inside the article and lists it in removed', () => {
    const body = article(`${PROSE.slice(0, 2).map((p) => `<p>${p}</p>`).join('')}<p>Adsense 300 x 250</p>${PROSE.slice(2).map((p) => `<p>${p}</p>`).join('')}`);
    const parts = extractHtml(page({ body }), opts);
    expect(parts.paragraphs).toEqual(PROSE);
    expect(parts.removed).toContainEqual({ text: 'Adsense 300 x 250', reason: 'ad' });
  });

  it('drops related-story and share furniture inside the article, with reasons', () => {
    const body = article(
      `${PARAGRAPHS}<div class="related-stories"><h3>More on this</h3><ul><li><a href="/x">Dam inspection report published</a></li></ul></div>` +
        '<div class="share-bar">Share on Facebook</div><figure><img src="a.jpg"><figcaption>The northern gates. Photo: River Authority</figcaption></figure>',
    );
    const parts = extractHtml(page({ body }), opts);
    expect(parts.paragraphs).toEqual(PROSE);
    const reasons = parts.removed.map((r) => r.reason);
    expect(reasons).toEqual(expect.arrayContaining(['related', 'share', 'caption']));
  });

  it('cuts a hover card of headline links out of the sentence it sits in, keeping the name it hangs on', () => {
    const card = '<span class="card"><span><a href="/p/smith">Jane Smith</a><a href="/a/1">Senate passes farm bill | Dam report due</a> '
      + '<a href="/a/2">Smith calls for flood inquiry</a> <a href="/p/smith" class="more">MORE</a></span></span>';
    const lead = `The river authority was criticised by Sen. <a href="/p/smith">Jane Smith</a>${card} (D-Ore.) on Tuesday after the northern floodgates were opened.`;
    const parts = extractHtml(page({ body: article(`<p>${lead}</p>${PARAGRAPHS}`) }), opts);
    expect(parts.paragraphs[0]).toBe('The river authority was criticised by Sen. Jane Smith (D-Ore.) on Tuesday after the northern floodgates were opened.');
    expect(parts.paragraphs.slice(1)).toEqual(PROSE);
    expect(parts.removed.map((r) => r.reason)).toContain('inline-links');
  });

  it('keeps a sentence whose links are its own words', () => {
    const own = 'The report by <a href="/a">the authority</a>, <a href="/b">the ministry</a> and <a href="/c">the county council</a> was published on Tuesday with a map of the flooded fields.';
    const parts = extractHtml(page({ body: article(`<p>${own}</p>${PARAGRAPHS}`) }), opts);
    expect(parts.paragraphs[0]).toBe(own.replace(/<[^>]+>/g, ''));
  });

  it('keeps a list-heavy body: headings and every list item as paragraphs', () => {
    const items = [
      'Move livestock and machinery to ground above the marked flood line.',
      'Keep drinking water and medicines for three days in a dry place.',
      'Register with the village office if you need transport to the shelter.',
      'Do not drive through water on the road, even when it looks shallow.',
      'Check on elderly neighbours and anyone living alone in the lower streets.',
    ];
    const body = article(`<p>${PROSE[0]}</p><h2>What residents should do</h2><ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul><p>${PROSE[1]}</p>`);
    const parts = extractHtml(page({ body }), opts);
    expect(parts.paragraphs).toEqual([PROSE[0], 'What residents should do', ...items, PROSE[1]]);
  });

  it('splits at <br> and normalises whitespace', () => {
    const body = article(`<p>${PROSE[0]}<br><br>  ${PROSE[1]}\n\n   </p><p>${PROSE[2]}</p><p>${PROSE[3]}</p>`);
    expect(extractHtml(page({ body }), opts).paragraphs).toEqual(PROSE);
  });

  it('falls back to the JSON-LD articleBody when the page has no readable body', () => {
    const head = `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', articleBody: PROSE.join('\n') })}</script>`;
    const parts = extractHtml(page({ head, body: '<div id="app"></div>' }), opts);
    expect(parts.paragraphs).toEqual(PROSE);
  });
});

describe('limits and errors', () => {
  it(`throws E_FORMAT for HTML nested deeper than ${MAX_HTML_DEPTH} levels (10,000 here), quickly`, () => {
    const deep = page({ body: '<div>'.repeat(10_000) + 'x' + '</div>'.repeat(10_000) });
    const t0 = performance.now();
    expect(codeOf(() => extractHtml(deep, opts))).toBe('E_FORMAT');
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('accepts nesting just under the limit', () => {
    const n = MAX_HTML_DEPTH - 10;
    const nested = page({ body: '<div>'.repeat(n) + PARAGRAPHS + '</div>'.repeat(n) });
    expect(extractHtml(nested, opts).paragraphs).toEqual(PROSE);
  });

  it('does not count unclosed <p> and <li> as nesting', () => {
    const flat = page({ body: `<main><article>${'<p>Short note about the weather today. '.repeat(2000)}</article></main>` });
    expect(codeOf(() => extractHtml(flat, opts))).toBeNull();
  });

  it('throws E_NO_CONTENT when the page has no text', () => {
    expect(codeOf(() => extractHtml(page({ body: '<div><img src="a.png"></div>' }), opts))).toBe('E_NO_CONTENT');
    expect(codeOf(() => extractHtml('', opts))).toBe('E_NO_CONTENT');
  });
});
