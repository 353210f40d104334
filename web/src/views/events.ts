/**
 * The events table: filters, paging, one row per coded event. A row opens the article
 * at that event, so every event is one click from the sentence it came from.
 */
import { api, eventFilters } from '../api.js';
import type { EventRow } from '../api.js';
import { h, notice } from '../dom.js';
import { filterForm, pager } from '../filters.js';
import { actorFilter, eventDate, participant } from '../format.js';
import { QUAD_LABEL, quadClass, quadOf } from '../plover.js';
import { href } from '../router.js';
import type { View } from '../view.js';

/** Cluster id → number of events in it; clusters are few and change only on analysis. */
const clusterSizes = new Map<string, number>();

async function sizesFor(rows: readonly EventRow[]): Promise<void> {
  const missing = [...new Set(rows.map((r) => r.cluster).filter((c): c is string => c !== null && !clusterSizes.has(c)))];
  if (missing.length === 0) return;
  // One request per unknown cluster, bounded by the page size; each answer is cached.
  await Promise.all(missing.map(async (cluster) => {
    const page = await api.events({ cluster, limit: 1 });
    clusterSizes.set(cluster, page.total);
  }));
}

function participantsCell(list: EventRow['actors']): HTMLElement {
  if (list.length === 0) return h('span', { class: 'muted' }, '—');
  const span = h('span', { class: 'participants' });
  list.forEach((p, i) => {
    if (i > 0) span.append(', ');
    span.append(h('a', { href: href('events', { actor: actorFilter(p) }), title: `events of ${participant(p)}` }, p.name));
    if (p.code) span.append(' ', h('span', { class: 'code' }, p.code));
  });
  return span;
}

export function typeBadge(type: string): HTMLElement {
  const quad = quadOf(type);
  return h('span', { class: `badge ${quadClass(type)}`, title: quad ? QUAD_LABEL[quad] : 'unknown type' }, type);
}

function row(e: EventRow): HTMLTableRowElement {
  const date = eventDate(e);
  const target = href(['article', e.articleKey], { event: e.eventId });
  const size = e.cluster ? clusterSizes.get(e.cluster) : undefined;
  const tr = h('tr', { class: 'event-row', tabindex: 0, 'data-key': e.key, 'data-type': e.type, 'data-href': target },
    h('td', { class: 'date' }, date.text, date.note ? h('span', { class: 'note', title: date.note }, date.note === 'inferred' ? ' ~' : ' (pub.)') : null),
    h('td', {}, typeBadge(e.type), e.mode ? h('span', { class: 'note' }, ` ${e.mode}`) : null),
    h('td', { class: 'dyad-cell' }, participantsCell(e.actors), h('span', { class: 'arrow' }, ' → '), participantsCell(e.recipients)),
    h('td', {}, e.place ? h('a', { href: href('events', { place: e.place.name }) }, e.place.name) : h('span', { class: 'muted' }, '—')),
    h('td', { class: e.modality === 'asserted' ? 'muted' : 'modality-flag' }, e.modality),
    h('td', { class: 'source' }, h('a', { href: target, class: 'article-link' }, e.article.title ?? e.articleKey),
      e.article.publisher ? h('span', { class: 'note' }, ` ${e.article.publisher}`) : null,
      e.article.duplicateOf ? h('span', { class: 'note', title: `duplicates ${e.article.duplicateOf}` }, ' (duplicate)') : null),
    h('td', { class: 'num' }, e.cluster
      ? h('a', { href: href('events', { cluster: e.cluster }), title: `cluster ${e.cluster}` }, size === undefined ? '?' : String(size))
      : h('span', { class: 'muted' }, '—')),
  );
  return tr;
}

export const eventsView: View = async (root, route, ctx) => {
  const params = route.params;
  root.append(h('h1', {}, 'Events'), filterForm('events', params, ['actor', 'recipient', 'actorSector', 'recipientSector', 'type', 'modality', 'since', 'until', 'place', 'unique', 'minConfidence']));
  const query = eventFilters(params);
  query.set('limit', params.get('limit') ?? '50');
  const offset = params.get('offset');
  if (offset) query.set('offset', offset);
  const page = await api.events(query);
  await sizesFor(page.items);
  if (page.items.length === 0) {
    root.append(notice(page.total === 0 ? 'No events match these filters.' : 'No events on this page.'));
    if (page.total > 0) root.append(pager('events', params, page));
    return;
  }
  const tbody = h('tbody', {}, ...page.items.map(row));
  const table = h('table', { class: 'events data' },
    h('thead', {}, h('tr', {}, ...['Date', 'Type', 'Actors → recipients', 'Place', 'Modality', 'Source article', 'Cluster'].map((t) => h('th', { scope: 'col' }, t)))),
    tbody);
  const open = (ev: Event) => {
    // Links inside the row go where they say; the rest of the row opens the article.
    if (ev.target instanceof Element && ev.target.closest('a')) return;
    const tr = ev.target instanceof Element ? ev.target.closest<HTMLTableRowElement>('tr.event-row') : null;
    const target = tr?.dataset.href;
    if (target) location.hash = target;
  };
  tbody.addEventListener('click', open, { signal: ctx.signal });
  tbody.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter') open(ev);
  }, { signal: ctx.signal });
  root.append(pager('events', params, page), h('div', { class: 'table-wrap' }, table), pager('events', params, page));
};
