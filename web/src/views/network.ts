/**
 * Who acts on whom: actors as nodes (size by events), actor → recipient edges (width by
 * count, colour by mean score from conflict red to cooperation green), laid out by our
 * own seeded force layout. Click a node for that actor's events; drag to tidy.
 */
import { api, eventFilters } from '../api.js';
import type { Network } from '../api.js';
import { h, notice, s } from '../dom.js';
import { filterForm } from '../filters.js';
import { actorFilter } from '../format.js';
import { forceLayout } from '../layout.js';
import type { Point } from '../layout.js';
import { scoreColor } from '../plover.js';
import { href } from '../router.js';
import type { View } from '../view.js';

const WIDTH = 960;
const HEIGHT = 640;

/** Curved edge from a to b: both directions of a pair stay visible as two arcs. */
function edgePath(a: Point, b: Point, ra: number, rb: number): string {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const sx = a.x + ux * ra;
  const sy = a.y + uy * ra;
  const ex = b.x - ux * (rb + 3);
  const ey = b.y - uy * (rb + 3);
  const bend = Math.min(40, len * 0.15);
  const mx = (sx + ex) / 2 - uy * bend;
  const my = (sy + ey) / 2 + ux * bend;
  return `M${sx.toFixed(1)},${sy.toFixed(1)}Q${mx.toFixed(1)},${my.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`;
}

function scoreLegend(): HTMLElement {
  return h('p', { class: 'legend' },
    ...[-10, -5, -2, 0, 2, 5, 7].map((v) => {
      const sw = s('svg', { width: 28, height: 10, class: 'inline-swatch', 'aria-hidden': 'true' }, s('line', { x1: 0, x2: 28, y1: 5, y2: 5, stroke: scoreColor(v), 'stroke-width': 4 }));
      return h('span', { class: 'score-key' }, sw, ` ${v > 0 ? '+' : ''}${v}`);
    }),
    h('span', { class: 'note' }, ' mean score: conflict ← → cooperation'));
}

/** The pair of actors with most events between them (both directions), busier direction first. */
/** Pairs of distinct actors, busiest first (events either way), each as actor filters. */
export function busiestPairs(net: Network): { a: string; b: string }[] {
  const nodes = new Map(net.nodes.map((n) => [n.id, n]));
  const pairs = new Map<string, { count: number; top: number; a: string; b: string }>();
  for (const e of net.edges) {
    if (e.source === e.target) continue;
    const k = e.source < e.target ? `${e.source}\u0000${e.target}` : `${e.target}\u0000${e.source}`;
    const p = pairs.get(k) ?? { count: 0, top: 0, a: e.source, b: e.target };
    p.count += e.count;
    if (e.count > p.top) Object.assign(p, { top: e.count, a: e.source, b: e.target });
    pairs.set(k, p);
  }
  const out: { a: string; b: string }[] = [];
  for (const p of [...pairs.values()].sort((x, y) => y.count - x.count)) {
    const a = nodes.get(p.a);
    const b = nodes.get(p.b);
    if (a && b) out.push({ a: actorFilter(a), b: actorFilter(b) });
  }
  return out;
}

export const networkView: View = async (root, route, ctx) => {
  const params = route.params;
  root.append(h('h1', {}, 'Actor network'),
    filterForm('network', params, ['actor', 'recipient', 'actorSector', 'recipientSector', 'type', 'modality', 'since', 'until', 'place', 'minConfidence'], [{ name: 'limit', label: 'actors', type: 'number', placeholder: '60' }]));
  const query = eventFilters(params);
  query.set('limit', params.get('limit') ?? '60');
  const net = await api.network(query);
  if (net.nodes.length === 0) {
    root.append(notice('No actors match these filters.'));
    return;
  }
  const maxEvents = Math.max(...net.nodes.map((n) => n.events));
  const radius = new Map(net.nodes.map((n) => [n.id, 4 + 14 * Math.sqrt(n.events / maxEvents)]));
  const pos = forceLayout(net.nodes.map((n) => ({ id: n.id, weight: n.events })), net.edges.map((e) => ({ source: e.source, target: e.target, weight: e.count })), { width: WIDTH, height: HEIGHT, seed: 7, margin: 40 });
  const maxCount = Math.max(1, ...net.edges.map((e) => e.count));

  const svg = s('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'chart network', role: 'img', 'aria-label': `actor network: ${net.nodes.length} actors, ${net.edges.length} links` },
    s('defs', {}, s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 9, markerHeight: 9, orient: 'auto', markerUnits: 'userSpaceOnUse' }, s('path', { d: 'M0,0L10,5L0,10z', class: 'arrowhead' }))));
  const edgeLayer = s('g', { class: 'edges' });
  const nodeLayer = s('g', { class: 'nodes' });
  const edgeEls = net.edges.map((e) => {
    const path = s('path', {
      class: 'edge', fill: 'none', stroke: scoreColor(e.score), 'stroke-width': (1 + 5 * Math.sqrt(e.count / maxCount)).toFixed(2), 'marker-end': 'url(#arrow)',
      'data-source': e.source, 'data-target': e.target,
    }, s('title', {}, `${e.source} → ${e.target}: ${e.count} events, mean score ${e.score.toFixed(1)}\n${Object.entries(e.types).map(([t, n]) => `${t} ${n}`).join(', ')}`));
    edgeLayer.append(path);
    return { e, path };
  });
  const nodeEls = new Map<string, SVGGElement>();
  const nodeById = new Map(net.nodes.map((n) => [n.id, n]));
  for (const n of net.nodes) {
    const p = pos.get(n.id) as Point;
    const r = radius.get(n.id) as number;
    const g = s('g', { class: 'node', transform: `translate(${p.x.toFixed(1)},${p.y.toFixed(1)})`, 'data-id': n.id, tabindex: 0, role: 'link', 'aria-label': `${n.name}: ${n.events} events` },
      s('title', {}, `${n.name}${n.code ? ` (${n.code})` : ''}${n.country ? ` · ${n.country}` : ''}: ${n.events} events`),
      s('circle', { r: r.toFixed(1) }),
      s('text', { y: (r + 11).toFixed(1), 'text-anchor': 'middle' }, n.code ?? n.name));
    nodeEls.set(n.id, g);
    nodeLayer.append(g);
  }
  const redraw = () => {
    for (const { e, path } of edgeEls) {
      const a = pos.get(e.source);
      const b = pos.get(e.target);
      if (!a || !b) continue;
      path.setAttribute('d', edgePath(a, b, radius.get(e.source) ?? 4, radius.get(e.target) ?? 4));
    }
  };
  redraw();
  svg.append(edgeLayer, nodeLayer);

  // Drag a node to move it; a press that does not move is a click (open its events).
  let drag: { id: string; startX: number; startY: number; moved: boolean } | null = null;
  const toSvg = (ev: PointerEvent): Point => {
    const m = svg.getScreenCTM();
    if (!m) return { x: 0, y: 0 };
    const pt = new DOMPoint(ev.clientX, ev.clientY).matrixTransform(m.inverse());
    return { x: pt.x, y: pt.y };
  };
  svg.addEventListener('pointerdown', (ev) => {
    const g = ev.target instanceof Element ? ev.target.closest<SVGGElement>('g.node') : null;
    if (!g?.dataset.id) return;
    drag = { id: g.dataset.id, startX: ev.clientX, startY: ev.clientY, moved: false };
    svg.setPointerCapture(ev.pointerId);
  }, { signal: ctx.signal });
  svg.addEventListener('pointermove', (ev) => {
    if (!drag) return;
    if (!drag.moved && Math.hypot(ev.clientX - drag.startX, ev.clientY - drag.startY) < 4) return;
    drag.moved = true;
    const p = toSvg(ev);
    const clamped = { x: Math.max(0, Math.min(WIDTH, p.x)), y: Math.max(0, Math.min(HEIGHT, p.y)) };
    pos.set(drag.id, clamped);
    nodeEls.get(drag.id)?.setAttribute('transform', `translate(${clamped.x.toFixed(1)},${clamped.y.toFixed(1)})`);
    redraw();
  }, { signal: ctx.signal });
  const openNode = (id: string | undefined) => {
    const n = id ? nodeById.get(id) : undefined;
    if (n) location.hash = href('events', { ...Object.fromEntries(eventFilters(params)), actor: actorFilter(n) });
  };
  svg.addEventListener('pointerup', (ev) => {
    const d = drag;
    drag = null;
    if (svg.hasPointerCapture(ev.pointerId)) svg.releasePointerCapture(ev.pointerId);
    if (d && !d.moved) openNode(d.id);
  }, { signal: ctx.signal });
  svg.addEventListener('keydown', (ev) => {
    const g = ev.target instanceof Element ? ev.target.closest<SVGGElement>('g.node') : null;
    if (ev.key === 'Enter') openNode(g?.dataset.id);
  }, { signal: ctx.signal });

  const top = [...net.edges].sort((a, b) => b.count - a.count).slice(0, 15);
  const name = (id: string) => nodeById.get(id)?.name ?? id;
  root.append(scoreLegend(), h('div', { class: 'chart-wrap' }, svg),
    h('h2', {}, 'Busiest links'),
    h('table', { class: 'data compact' },
      h('thead', {}, h('tr', {}, ...['Actor', 'Recipient', 'Events', 'Mean score'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, ...top.map((e) => {
        const a = nodeById.get(e.source);
        const b = nodeById.get(e.target);
        return h('tr', {},
          h('td', {}, name(e.source)), h('td', {}, name(e.target)),
          h('td', { class: 'num' }, a && b ? h('a', { href: href('events', { actor: actorFilter(a), recipient: actorFilter(b) }) }, String(e.count)) : String(e.count)),
          h('td', { class: 'num' }, e.score.toFixed(1)));
      }))));
};
