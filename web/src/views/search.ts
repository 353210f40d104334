/** Full-text search over titles and texts; the server marks matched words «like this». */
import { api } from '../api.js';
import { h, notice } from '../dom.js';
import { pager } from '../filters.js';
import { href } from '../router.js';
import type { View } from '../view.js';

/** Split a snippet at the «» marks into text and <mark> nodes (never parsed as HTML). */
export function snippetNodes(snippet: string): Node[] {
  const out: Node[] = [];
  const re = /«([^»]*)»/g;
  let last = 0;
  for (let m = re.exec(snippet); m; m = re.exec(snippet)) {
    if (m.index > last) out.push(document.createTextNode(snippet.slice(last, m.index)));
    out.push(h('mark', {}, m[1] ?? ''));
    last = m.index + m[0].length;
  }
  if (last < snippet.length) out.push(document.createTextNode(snippet.slice(last)));
  return out;
}

export const searchView: View = async (root, route, ctx) => {
  const params = route.params;
  const q = params.get('q') ?? '';
  const box = h('input', { type: 'search', name: 'q', placeholder: 'words, "a phrase"', 'aria-label': 'Search articles', autocomplete: 'off' });
  box.value = q;
  const form = h('form', { class: 'filters', role: 'search' }, box, h('button', { type: 'submit' }, 'Search'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = href('search', { q: box.value.trim() });
  }, { signal: ctx.signal });
  root.append(h('h1', {}, 'Search'), form);
  if (q.trim() === '') {
    root.append(notice('Type words to find the articles that contain them.'));
    box.focus();
    return;
  }
  const page = await api.search({ q, limit: params.get('limit') ?? 20, offset: params.get('offset') });
  if (page.items.length === 0) {
    root.append(notice(`Nothing found for “${q}”.`));
    return;
  }
  root.append(pager('search', params, page), h('ol', { class: 'search-hits' }, ...page.items.map((hit) => h('li', {},
    h('a', { href: href(['article', hit.article.key]), class: 'hit-title' }, hit.article.title ?? hit.article.origin),
    h('span', { class: 'note' }, ` ${[hit.article.publisher, hit.article.published].filter(Boolean).join(' · ')}`),
    h('p', { class: 'snippet' }, ...snippetNodes(hit.snippet))))));
};
