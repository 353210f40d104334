/**
 * The article reader: the text with entities, times, quotes and event triggers marked;
 * hovering explains a mark, clicking a trigger (or an event in the side list) selects
 * the event: its evidence sentence is highlighted and scrolled to, and a panel shows
 * its fields. The selected event is in the hash (?event=V2), so it is linkable.
 */
import { api } from '../api.js';
import type { EventRow, StoredArticle } from '../api.js';
import type { Entity, EventRecord, Mention, Quote, TimeExpr } from '../../../src/core/record.js';
import { h, notice } from '../dom.js';
import { actorFilter, participants, range, shorten } from '../format.js';
import { QUAD_LABEL, quadClass, quadOf } from '../plover.js';
import { href } from '../router.js';
import type { Route } from '../router.js';
import { segment } from '../spans.js';
import type { Segment, Span } from '../spans.js';
import { delegateTooltip } from '../tooltip.js';
import type { View } from '../view.js';
import { typeBadge } from './events.js';

type Mark =
  | { kind: 'entity'; entity: Entity; mention: Mention }
  | { kind: 'time'; time: TimeExpr }
  | { kind: 'quote'; quote: Quote }
  | { kind: 'trigger'; event: EventRecord }
  /** Sentence and evidence bounds: no segment may straddle them, so highlights fit exactly. */
  | { kind: 'bound' };

const ENTITY_TYPES = ['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC', 'MISC'] as const;

/** Only http(s) sources become links: a `javascript:` or `data:` URI stays text. */
function safeUrl(uri: string | null): string | null {
  if (!uri) return null;
  try {
    const url = new URL(uri);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function marks(article: StoredArticle): Span<Mark>[] {
  const r = article.record;
  const spans: Span<Mark>[] = [];
  // Order matters only for which mark a tooltip lists first: widest context first.
  for (const quote of r.quotes) spans.push({ start: quote.start, end: quote.end, data: { kind: 'quote', quote } });
  for (const entity of r.entities) for (const mention of entity.mentions) spans.push({ start: mention.start, end: mention.end, data: { kind: 'entity', entity, mention } });
  for (const time of r.times) spans.push({ start: time.start, end: time.end, data: { kind: 'time', time } });
  for (const event of r.events) spans.push({ start: event.trigger.start, end: event.trigger.end, data: { kind: 'trigger', event } });
  for (const [start, end] of r.sentences) spans.push({ start, end, data: { kind: 'bound' } });
  for (const event of r.events) spans.push({ start: event.evidence.start, end: event.evidence.end, data: { kind: 'bound' } });
  return spans;
}

export const articleView: View = async (root, route, ctx) => {
  const given = route.args[0];
  if (!given) {
    root.append(notice('No article key in the address: use #/article/KEY.', 'error'));
    return;
  }
  const key: string = given;
  const [article, eventPage] = await Promise.all([api.article(key), api.events({ article: key, limit: 1000 })]);
  const record = article.record;
  const entities = new Map(record.entities.map((e) => [e.id, e]));
  const rows = new Map<string, EventRow>(eventPage.items.map((e) => [e.eventId, e]));
  const entityName = (id: string | null): string => (id ? entities.get(id)?.name ?? id : '—');
  const entityNames = (ids: readonly string[]): string => (ids.length ? ids.map(entityName).join(', ') : '—');

  // --- header -------------------------------------------------------------------
  const source = safeUrl(article.uri);
  root.append(
    h('div', { class: 'article-head' },
      h('h1', {}, article.title ?? '(untitled)'),
      h('p', { class: 'meta' },
        [article.publisher, article.published, article.language].filter(Boolean).join(' · '),
        record.authors.length ? ` · by ${record.authors.map((a) => a.name).join(', ')}` : '',
        ' · ',
        source ? h('a', { href: source, rel: 'noopener noreferrer', target: '_blank' }, 'source') : h('span', { class: 'muted' }, article.origin),
        article.duplicateOf ? h('span', {}, ' · duplicate of ', h('a', { href: href(['article', article.duplicateOf]) }, article.duplicateOf)) : null),
      legend()),
  );

  // --- text ---------------------------------------------------------------------
  const segments = segment(record.text.length, marks(article));
  const text = h('div', { class: 'article-text', 'data-article': key });
  const segEls: HTMLElement[] = [];
  segments.forEach((seg, i) => {
    const el = h('span', { class: segmentClass(seg), 'data-seg': i });
    el.textContent = record.text.slice(seg.start, seg.end);
    if (seg.covering.some((m) => m.kind === 'trigger')) {
      el.setAttribute('role', 'button');
      el.tabIndex = 0;
    }
    segEls.push(el);
    text.append(el);
  });

  delegateTooltip(text, '[data-seg]', (el) => {
    const seg = segments[Number((el as HTMLElement).dataset.seg)];
    return seg ? seg.covering.flatMap((m) => (m.kind === 'bound' ? [] : [describeMark(m, entityName, entityNames)])) : [];
  }, ctx.signal);

  // --- side: selected event, events, entities, quotes ---------------------------------
  const panel = h('section', { class: 'event-panel', 'aria-live': 'polite' }, h('p', { class: 'muted' }, 'Click a marked trigger or an event to see its evidence.'));
  const eventList = h('ol', { class: 'side-list events-list' }, ...record.events.map((ev) => {
    const row = rows.get(ev.id);
    return h('li', {},
      h('a', { href: href(['article', key], { event: ev.id }), 'data-event': ev.id, class: 'event-link' },
        typeBadge(ev.type), ' ',
        row ? participants(row.actors) : entityNames(ev.actor), ' → ', row ? participants(row.recipients) : entityNames(ev.recipient)),
      h('span', { class: 'note' }, ` “${ev.trigger.text}”${ev.modality === 'asserted' ? '' : ` · ${ev.modality}`}`));
  }));
  const entityList = h('ul', { class: 'side-list entities-list' }, ...[...record.entities]
    .sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name))
    .map((e) => h('li', {},
      h('button', { type: 'button', class: `linkish ent ent-${e.type}`, 'data-entity': e.id }, e.name),
      h('span', { class: 'note' }, ` ${e.type}${e.code ? ` · ${e.code}` : ''}${e.country ? ` · ${e.country}` : ''} · ${e.mentions.length}×`))));
  const quoteList = h('ul', { class: 'side-list quotes-list' }, ...record.quotes.map((q) => h('li', {},
    h('button', { type: 'button', class: 'linkish', 'data-quote': q.id }, h('strong', {}, entityName(q.speaker)), `: ${q.direct ? '“' : ''}${shorten(q.text, 140)}${q.direct ? '”' : ''}`))));

  const side = h('aside', { class: 'article-side' },
    panel,
    h('h2', {}, `Events (${record.events.length})`), record.events.length ? eventList : h('p', { class: 'muted' }, 'No events coded.'),
    h('h2', {}, `Entities (${record.entities.length})`), entityList,
    h('h2', {}, `Quotes (${record.quotes.length})`), record.quotes.length ? quoteList : h('p', { class: 'muted' }, 'No quotes.'));
  root.append(h('div', { class: 'article-layout' }, text, side));

  // --- interaction --------------------------------------------------------------------
  const byEvent = new Map(record.events.map((e) => [e.id, e]));

  function markRange(cls: string, start: number, end: number): HTMLElement[] {
    const hit: HTMLElement[] = [];
    segments.forEach((seg, i) => {
      const el = segEls[i] as HTMLElement;
      const inside = seg.start >= start && seg.end <= end;
      el.classList.toggle(cls, inside);
      if (inside) hit.push(el);
    });
    return hit;
  }

  function select(eventId: string | null): boolean {
    for (const a of eventList.querySelectorAll('a[data-event]')) a.classList.toggle('selected', a.getAttribute('data-event') === eventId);
    if (eventId === null) {
      markRange('evidence', -1, -1);
      markRange('trigger-selected', -1, -1);
      return true;
    }
    const ev = byEvent.get(eventId);
    if (!ev) {
      panel.replaceChildren(notice(`This article has no event "${eventId}".`, 'error'));
      return true;
    }
    const evidence = markRange('evidence', ev.evidence.start, ev.evidence.end);
    markRange('trigger-selected', ev.trigger.start, ev.trigger.end);
    panel.replaceChildren(...eventPanel(ev, rows.get(ev.id) ?? null, key, entityName, entityNames));
    evidence[0]?.scrollIntoView({ block: 'center', behavior: 'auto' });
    return true;
  }

  text.addEventListener('click', (evt) => {
    const el = evt.target instanceof Element ? evt.target.closest<HTMLElement>('[data-seg]') : null;
    const seg = el ? segments[Number(el.dataset.seg)] : undefined;
    const trigger = seg?.covering.find((m): m is Extract<Mark, { kind: 'trigger' }> => m.kind === 'trigger');
    if (trigger) location.hash = href(['article', key], { event: trigger.event.id });
  }, { signal: ctx.signal });
  text.addEventListener('keydown', (evt) => {
    if (evt.key !== 'Enter') return;
    (evt.target as HTMLElement).click();
  }, { signal: ctx.signal });

  entityList.addEventListener('click', (evt) => {
    const btn = evt.target instanceof Element ? evt.target.closest<HTMLElement>('[data-entity]') : null;
    if (!btn) return;
    const id = btn.dataset.entity;
    const wasOn = btn.classList.contains('selected');
    for (const b of entityList.querySelectorAll('[data-entity]')) b.classList.remove('selected');
    let first: HTMLElement | null = null;
    segments.forEach((seg, i) => {
      const on = !wasOn && seg.covering.some((m) => m.kind === 'entity' && m.entity.id === id);
      (segEls[i] as HTMLElement).classList.toggle('entity-focus', on);
      if (on && !first) first = segEls[i] as HTMLElement;
    });
    if (!wasOn) btn.classList.add('selected');
    (first as HTMLElement | null)?.scrollIntoView({ block: 'center' });
  }, { signal: ctx.signal });

  quoteList.addEventListener('click', (evt) => {
    const btn = evt.target instanceof Element ? evt.target.closest<HTMLElement>('[data-quote]') : null;
    const q = btn ? record.quotes.find((x) => x.id === btn.dataset.quote) : undefined;
    if (!q) return;
    markRange('quote-focus', q.start, q.end)[0]?.scrollIntoView({ block: 'center' });
  }, { signal: ctx.signal });

  select(route.params.get('event'));
  return {
    update(next: Route) {
      return select(next.params.get('event'));
    },
  };
};

function segmentClass(seg: Segment<Mark>): string {
  const cls = ['seg'];
  const entity = seg.covering.find((m) => m.kind === 'entity');
  if (entity?.kind === 'entity') cls.push('ent', `ent-${entity.entity.type}`);
  if (seg.covering.some((m) => m.kind === 'time')) cls.push('time');
  if (seg.covering.some((m) => m.kind === 'quote')) cls.push('quote');
  const trigger = seg.covering.find((m) => m.kind === 'trigger');
  if (trigger?.kind === 'trigger') cls.push('trigger', quadClass(trigger.event.type));
  return cls.join(' ');
}

function describeMark(m: Exclude<Mark, { kind: 'bound' }>, entityName: (id: string | null) => string, entityNames: (ids: readonly string[]) => string): string {
  switch (m.kind) {
    case 'entity': {
      const e = m.entity;
      const bits = [`${e.type}: ${e.name}`];
      if (e.code) bits.push(`code ${e.code}`);
      if (e.country) bits.push(`country ${e.country}`);
      if (e.role) bits.push(e.role);
      if (m.mention.kind !== 'name') bits.push(`(${m.mention.kind})`);
      return bits.join(' · ');
    }
    case 'time':
      return `time: ${m.time.value ?? 'unresolved'} (${m.time.grain}, ${m.time.anchor})`;
    case 'quote':
      return `${m.quote.direct ? 'quote' : 'reported speech'} by ${entityName(m.quote.speaker)}${m.quote.cue ? ` — “${m.quote.cue}”` : ''}`;
    case 'trigger':
      return `event ${m.event.id} ${m.event.type}: ${entityNames(m.event.actor)} → ${entityNames(m.event.recipient)} (${m.event.modality})`;
  }
}

function legend(): HTMLElement {
  return h('p', { class: 'legend' },
    ...ENTITY_TYPES.map((t) => h('span', { class: `seg ent ent-${t}` }, t)),
    h('span', { class: 'seg time' }, 'time'),
    h('span', { class: 'seg quote' }, 'quote'),
    h('span', { class: 'seg trigger' }, 'event trigger'));
}

function eventPanel(ev: EventRecord, row: EventRow | null, key: string, entityName: (id: string | null) => string, entityNames: (ids: readonly string[]) => string): HTMLElement[] {
  const quad = quadOf(ev.type);
  const fields: Array<[string, Node | string]> = [];
  const add = (label: string, value: Node | string | null | undefined) => {
    if (value !== null && value !== undefined && value !== '') fields.push([label, value]);
  };
  add('type', h('span', {}, typeBadge(ev.type), quad ? ` ${QUAD_LABEL[quad]}` : ''));
  add('mode', ev.mode);
  add('context', ev.context.join(', '));
  add('modality', ev.modality);
  const side = (list: EventRow['actors'] | null, ids: readonly string[]): Node | string => {
    if (!list) return entityNames(ids);
    if (list.length === 0) return '—';
    const span = h('span', {});
    list.forEach((p, i) => {
      if (i > 0) span.append(', ');
      span.append(h('a', { href: href('events', { actor: actorFilter(p) }) }, p.name), p.code ? h('span', { class: 'code' }, ` ${p.code}`) : '', p.country && !p.code ? h('span', { class: 'code' }, ` ${p.country}`) : '');
    });
    return span;
  };
  add('actors', side(row?.actors ?? null, ev.actor));
  add('recipients', side(row?.recipients ?? null, ev.recipient));
  add('source', row?.source ? row.source.name : ev.source ? entityName(ev.source) : null);
  add('place', row?.place ? h('a', { href: href('events', { place: row.place.name }) }, `${row.place.name}${row.place.country ? ` (${row.place.country})` : ''}`) : ev.location ? entityName(ev.location) : null);
  add('date', ev.date ? `${ev.date.value} (${ev.date.grain}${ev.date.inferred ? ', inferred' : ''})` : null);
  add('dead', range(ev.size?.dead ?? null));
  add('injured', range(ev.size?.injured ?? null));
  add('arrested', range(ev.size?.arrested ?? null));
  add('CAMEO', ev.cameo);
  add('confidence', ev.confidence.toFixed(2));
  add('score', row ? String(row.score) : null);
  add('cluster', row?.cluster ? h('a', { href: href('events', { cluster: row.cluster }) }, row.cluster) : null);
  add('trigger', `“${ev.trigger.text}”`);
  return [
    h('h2', {}, `Event ${ev.id}`),
    h('dl', { class: 'fields', 'data-event': ev.id }, ...fields.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    h('p', { class: 'note' }, h('a', { href: href(['article', key]) }, 'clear selection')),
  ];
}
