import { describe, expect, it } from 'vitest';
import { extractHtml } from './index.js';
import { article, page, PARAGRAPHS } from './fixtures.js';

const opts = { url: 'https://news.example/a', name: 'test.html' };

const ld = (o: object): string => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;

describe('title order of preference', () => {
  const og = '<meta property="og:title" content="Floodgates opened – from og">';
  const tw = '<meta name="twitter:title" content="Floodgates opened – from twitter">';
  const title = '<title>Floodgates opened on the river | River Gazette</title>';
  const body = article(`<h1>Floodgates opened – from h1</h1>${PARAGRAPHS}`);

  it('JSON-LD headline beats og:title and <title>', () => {
    const head = ld({ '@type': 'NewsArticle', headline: 'Floodgates opened – from JSON-LD' }) + og + tw + title;
    expect(extractHtml(page({ head, body }), opts).title).toBe('Floodgates opened – from JSON-LD');
  });

  it('og:title beats twitter:title, <h1> and <title>', () => {
    expect(extractHtml(page({ head: og + tw + title, body }), opts).title).toBe('Floodgates opened – from og');
  });

  it('twitter:title comes next, then the article <h1>', () => {
    expect(extractHtml(page({ head: tw + title, body }), opts).title).toBe('Floodgates opened – from twitter');
    expect(extractHtml(page({ head: title, body }), opts).title).toBe('Floodgates opened – from h1');
  });

  it('<title> last, with the " | Site" suffix stripped', () => {
    const parts = extractHtml(page({ head: title, body: article(PARAGRAPHS) }), opts);
    expect(parts.title).toBe('Floodgates opened on the river');
  });

  it('strips the site name from og:title when the site is known', () => {
    const head = '<meta property="og:site_name" content="River Gazette"><meta property="og:title" content="Gates open - River Gazette">';
    expect(extractHtml(page({ head, body: article(PARAGRAPHS) }), opts).title).toBe('Gates open');
  });
});

describe('authors', () => {
  it('takes JSON-LD authors first, splitting "Name, Role"', () => {
    const head =
      ld({ '@type': 'NewsArticle', author: [{ '@type': 'Person', name: 'Mara Lind, Science Editor' }, { name: 'Tomas Berg' }] }) +
      '<meta name="author" content="Somebody Else">';
    expect(extractHtml(page({ head, body: article(PARAGRAPHS) }), opts).authors).toEqual([
      { name: 'Mara Lind', role: 'Science Editor' },
      { name: 'Tomas Berg', role: null },
    ]);
  });

  it('uses meta author, but not when it is a URL', () => {
    const named = extractHtml(page({ head: '<meta name="author" content="Mara Lind">', body: article(PARAGRAPHS) }), opts);
    expect(named.authors).toEqual([{ name: 'Mara Lind', role: null }]);
    const url = '<meta property="article:author" content="https://social.example/gazette">';
    expect(extractHtml(page({ head: url, body: article(PARAGRAPHS) }), opts).authors).toEqual([]);
  });

  it('takes the role from JSON-LD jobTitle', () => {
    const head = ld({ '@type': 'NewsArticle', author: [{ '@type': 'Person', name: 'Hemi Walker', jobTitle: 'Transport Reporter' }] });
    expect(extractHtml(page({ head, body: article(PARAGRAPHS) }), opts).authors).toEqual([{ name: 'Hemi Walker', role: 'Transport Reporter' }]);
  });

  it('completes a declared name with the role the visible byline gives the same name', () => {
    const head = '<meta name="author" content="Siobhán Kearney">';
    const byline = '<span class="byline">By <span class="author">Siobhán Kearney</span>, Transport Correspondent</span>';
    expect(extractHtml(page({ head, body: article(byline + PARAGRAPHS) }), opts).authors).toEqual([
      { name: 'Siobhán Kearney', role: 'Transport Correspondent' },
    ]);
    // A visible byline naming someone else gives nothing.
    const other = '<span class="byline">By Tomas Berg, Science Editor</span>';
    expect(extractHtml(page({ head, body: article(other + PARAGRAPHS) }), opts).authors).toEqual([{ name: 'Siobhán Kearney', role: null }]);
  });

  it('reads a byline element whose class has "byline" as a word', () => {
    const byline = '<div class="story__byline">Story and photos by <a href="/p">Priya Natarajan</a></div>';
    expect(extractHtml(page({ body: article(byline + PARAGRAPHS) }), opts).authors).toEqual([{ name: 'Priya Natarajan', role: null }]);
  });

  it('reads a visible "By X and Y" byline and keeps it out of the body', () => {
    const parts = extractHtml(page({ body: article(`<p class="byline">By Mara Lind and Tomas Berg</p>${PARAGRAPHS}`) }), opts);
    expect(parts.authors).toEqual([
      { name: 'Mara Lind', role: null },
      { name: 'Tomas Berg', role: null },
    ]);
    expect(parts.paragraphs.join('\n')).not.toContain('By Mara Lind');
  });
});

describe('published', () => {
  it('JSON-LD datePublished beats meta, keeps the stated offset, minutes precision', () => {
    const head =
      ld({ '@type': 'NewsArticle', datePublished: '2020-12-09T22:13:00+05:00' }) +
      '<meta property="article:published_time" content="2020-12-01T08:00:00Z">';
    expect(extractHtml(page({ head, body: article(PARAGRAPHS) }), opts).published).toEqual({
      value: '2020-12-09T22:13+05:00',
      text: '2020-12-09T22:13:00+05:00',
    });
  });

  it('article:published_time next; seconds kept only when nonzero', () => {
    const head = '<meta property="article:published_time" content="2020-12-01T08:00:30Z"><meta name="date" content="2019-01-01">';
    expect(extractHtml(page({ head, body: article(PARAGRAPHS) }), opts).published?.value).toBe('2020-12-01T08:00:30Z');
  });

  it('falls back to <time datetime> in the article, without inventing an offset', () => {
    const body = article(`<time datetime="2021-03-04 10:15">4 March</time>${PARAGRAPHS}`);
    expect(extractHtml(page({ body }), opts).published).toEqual({ value: '2021-03-04T10:15', text: '2021-03-04 10:15' });
  });

  it('reads a visible date line when nothing else says', () => {
    const body = article(`<div class="date">December 9, 2020</div>${PARAGRAPHS}`);
    expect(extractHtml(page({ body }), opts).published?.value).toBe('2020-12-09');
  });
});

describe('publisher and language', () => {
  it('JSON-LD publisher beats og:site_name; html lang beats og:locale', () => {
    const head = ld({ '@type': 'NewsArticle', publisher: { '@type': 'Organization', name: 'River Gazette Ltd' } }) +
      '<meta property="og:site_name" content="River Gazette"><meta property="og:locale" content="fr_FR">';
    const parts = extractHtml(page({ head, body: article(PARAGRAPHS), lang: 'en-GB' }), opts);
    expect(parts.publisher).toBe('River Gazette Ltd');
    expect(parts.declaredLanguage).toBe('en');
  });

  it('og:site_name and og:locale when that is all there is', () => {
    const head = '<meta property="og:site_name" content="River Gazette"><meta property="og:locale" content="de_DE">';
    const parts = extractHtml(page({ head, body: article(PARAGRAPHS) }), opts);
    expect(parts.publisher).toBe('River Gazette');
    expect(parts.declaredLanguage).toBe('de');
  });
});
