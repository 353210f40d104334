/**
 * Events per day or month, stacked by quad class. A bar opens the events table with
 * the same filters narrowed to that period.
 */
import { api, eventFilters } from '../api.js';
import type { TimelineBucket } from '../api.js';
import { innerHeight, innerWidth, linear, svgRoot, ticks, xLabels, yAxis } from '../chart.js';
import type { Frame } from '../chart.js';
import { h, notice, s } from '../dom.js';
import { filterForm } from '../filters.js';
import { periodBounds, periodsBetween } from '../format.js';
import { QUADS, QUAD_LABEL, quadOf } from '../plover.js';
import type { QuadClass } from '../plover.js';
import { href } from '../router.js';
import type { View } from '../view.js';

function byQuad(bucket: TimelineBucket): Record<QuadClass, number> {
  const out: Record<QuadClass, number> = { 'verbal-cooperation': 0, 'material-cooperation': 0, 'verbal-conflict': 0, 'material-conflict': 0 };
  for (const [type, n] of Object.entries(bucket.types)) {
    const q = quadOf(type);
    if (q && typeof n === 'number') out[q] += n;
  }
  return out;
}

export function quadLegend(): HTMLElement {
  return h('p', { class: 'legend' }, ...QUADS.map((q) => h('span', { class: `swatch quad-${q}` }, QUAD_LABEL[q])));
}

export const timelineView: View = async (root, route) => {
  const params = route.params;
  const bucket = params.get('bucket') === 'day' ? 'day' : 'month';
  root.append(h('h1', {}, 'Timeline'),
    filterForm('timeline', params, ['actor', 'recipient', 'actorSector', 'recipientSector', 'type', 'modality', 'place', 'since', 'until', 'minConfidence'], [{ name: 'bucket', label: 'per', options: [['month', 'month'], ['day', 'day']] }]));
  const query = eventFilters(params);
  query.set('bucket', bucket);
  const buckets = await api.timeline(query);
  if (buckets.length === 0) {
    root.append(notice('No dated events match these filters.'));
    return;
  }
  const sorted = [...buckets].sort((a, b) => (a.period < b.period ? -1 : 1));
  const known = new Map(sorted.map((b) => [b.period, b]));
  const periods = [...new Set([...periodsBetween((sorted[0] as TimelineBucket).period, (sorted[sorted.length - 1] as TimelineBucket).period, bucket), ...known.keys()])].sort();

  const frame: Frame = { width: 960, height: 340, left: 48, right: 16, top: 16, bottom: 36 };
  const max = Math.max(...sorted.map((b) => b.events));
  const y = linear(0, max, frame.top + innerHeight(frame), frame.top);
  const band = innerWidth(frame) / periods.length;
  const barWidth = Math.max(1, Math.min(56, band * 0.8));
  const x = (i: number) => frame.left + i * band + (band - barWidth) / 2;
  const svg = svgRoot(frame, `events per ${bucket}, stacked by quad class`);
  svg.append(yAxis(frame, ticks(max).filter((t) => Number.isInteger(t)), y));
  const bars = s('g', { class: 'bars' });
  periods.forEach((period, i) => {
    const b = known.get(period);
    if (!b) return;
    const bounds = periodBounds(period);
    const target = href('events', { ...Object.fromEntries(eventFilters(params)), since: bounds.since, until: bounds.until });
    const quads = byQuad(b);
    const g = s('g', { class: 'bar', 'data-period': period, 'data-href': target, tabindex: 0, role: 'link', 'aria-label': `${period}: ${b.events} events` },
      s('title', {}, `${period}: ${b.events} events${b.meanScore === null ? '' : `, mean score ${b.meanScore.toFixed(1)}`}\n${QUADS.map((q) => `${QUAD_LABEL[q]}: ${quads[q]}`).join('\n')}`));
    let base = 0;
    for (const q of QUADS) {
      const n = quads[q];
      if (n === 0) continue;
      g.append(s('rect', { x: x(i).toFixed(1), width: barWidth.toFixed(1), y: y(base + n).toFixed(1), height: (y(base) - y(base + n)).toFixed(1), class: `quad-${q}` }));
      base += n;
    }
    // Events of other types (none today) still make the bar as tall as its count.
    if (b.events > base) g.append(s('rect', { x: x(i).toFixed(1), width: barWidth.toFixed(1), y: y(b.events).toFixed(1), height: (y(base) - y(b.events)).toFixed(1), class: 'quad-unknown' }));
    // A transparent hit area the full height, so tiny bars are still easy to click.
    g.append(s('rect', { x: (frame.left + i * band).toFixed(1), width: band.toFixed(1), y: frame.top, height: innerHeight(frame), class: 'hit' }));
    bars.append(g);
  });
  svg.append(bars, xLabels(frame, periods, (i) => x(i) + barWidth / 2));
  const open = (ev: Event) => {
    const g = ev.target instanceof Element ? ev.target.closest<SVGGElement>('g.bar') : null;
    const target = g?.dataset.href;
    if (target) location.hash = target;
  };
  svg.addEventListener('click', open);
  svg.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter') open(ev);
  });
  const total = sorted.reduce((n, b) => n + b.events, 0);
  root.append(quadLegend(), h('div', { class: 'chart-wrap' }, svg),
    h('p', { class: 'note' }, `${total.toLocaleString('en-US')} events in ${sorted.length} ${bucket === 'day' ? 'days' : 'months'}; click a bar for its events.`));
};
