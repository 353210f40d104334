/** Stored articles, newest first as the store lists them, filtered by date and publisher. */
import { api } from '../api.js';
import { h, notice } from '../dom.js';
import { filterForm, pager } from '../filters.js';
import { href } from '../router.js';
import type { View } from '../view.js';

export const articlesView: View = async (root, route) => {
  const params = route.params;
  root.append(h('h1', {}, 'Articles'), filterForm('articles', params, ['since', 'until', 'publisher'], [], []));
  const page = await api.articles({
    since: params.get('since'), until: params.get('until'), publisher: params.get('publisher'),
    limit: params.get('limit') ?? 50, offset: params.get('offset'),
  });
  if (page.items.length === 0) {
    root.append(notice('No articles match these filters.'));
    return;
  }
  const table = h('table', { class: 'articles data' },
    h('thead', {}, h('tr', {}, ...['Published', 'Title', 'Publisher', 'Events', 'Quotes', 'Duplicate of'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, ...page.items.map((a) => h('tr', { 'data-key': a.key },
      h('td', { class: 'date' }, a.published ?? '—'),
      h('td', {}, h('a', { href: href(['article', a.key]) }, a.title ?? a.origin)),
      h('td', {}, a.publisher ?? '—'),
      h('td', { class: 'num' }, a.events ? h('a', { href: href('events', { article: a.key }) }, String(a.events)) : '0'),
      h('td', { class: 'num' }, String(a.quotes)),
      h('td', {}, a.duplicateOf ? h('a', { href: href(['article', a.duplicateOf]) }, a.duplicateOf) : '')))));
  root.append(pager('articles', params, page), h('div', { class: 'table-wrap' }, table));
};
