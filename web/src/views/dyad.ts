/**
 * How a relationship moves: for two actors, per month, cooperation and conflict event
 * counts (both directions) as bars and the mean PLOVER score as a line. With no actors
 * given it starts from the busiest pair of the actor network.
 */
import { api } from '../api.js';
import type { DyadMonth } from '../api.js';
import { innerHeight, innerWidth, linear, svgRoot, ticks, xLabels, yAxis } from '../chart.js';
import type { Frame } from '../chart.js';
import { h, notice, s } from '../dom.js';
import { periodBounds, periodsBetween } from '../format.js';
import { href, withParams } from '../router.js';
import type { View } from '../view.js';
import { busiestPairs } from './network.js';

function actorInput(name: string, value: string, list: string): HTMLInputElement {
  const el = h('input', { name, required: true, placeholder: 'code, country or name', autocomplete: 'off', list, 'data-filter': name });
  el.value = value;
  return el;
}

/** Suggest actors from /api/actors as the user types (debounced, one request at a time). */
function suggest(input: HTMLInputElement, list: HTMLDataListElement, signal: AbortSignal): void {
  let timer: number | undefined;
  let asked = '';
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < 2 || text === asked) return;
    timer = window.setTimeout(() => {
      asked = text;
      api.actors({ match: text, limit: 20 }).then((page) => {
        list.replaceChildren(...page.items.map((a) => h('option', { value: a.code ?? a.name }, `${a.name}${a.country ? ` (${a.country})` : ''} · ${a.asActor + a.asRecipient} events`)));
      }).catch(() => {
        // Suggestions are a convenience: the form still works without them.
      });
    }, 250);
  }, { signal });
  signal.addEventListener('abort', () => window.clearTimeout(timer));
}

const coop = (m: DyadMonth) => m.verbalCooperation + m.materialCooperation;
const conflict = (m: DyadMonth) => m.verbalConflict + m.materialConflict;

export const dyadView: View = async (root, route, ctx) => {
  const params = route.params;
  let a = params.get('a')?.trim() ?? '';
  let b = params.get('b')?.trim() ?? '';
  let note: string | null = null;
  let result: { a: string; b: string; months: DyadMonth[] } | null = null;
  if (!a || !b) {
    // The busiest pair whose events can be placed in time: a pair whose events carry no
    // date (nor their articles one) would draw an empty chart. A few tries at most.
    const pairs = busiestPairs(await api.network({ limit: 100 }));
    if (pairs.length === 0) {
      root.append(h('h1', {}, 'Dyad'), notice('The store has no events between two actors yet.'));
      return;
    }
    for (const pair of pairs.slice(0, 5)) {
      const r = await api.dyad({ a: a || pair.a, b: b || pair.b, since: params.get('since'), until: params.get('until') });
      if (!result || (result.months.length === 0 && r.months.length > 0)) result = r;
      if (r.months.length > 0) break;
    }
    a ||= result!.a;
    b ||= result!.b;
    note = 'Showing the busiest pair of actors with dated events; type others to compare.';
    history.replaceState(null, '', href('dyad', withParams(params, { a, b })));
  }

  const aInput = actorInput('a', a, 'actors-a');
  const bInput = actorInput('b', b, 'actors-b');
  const listA = h('datalist', { id: 'actors-a' });
  const listB = h('datalist', { id: 'actors-b' });
  suggest(aInput, listA, ctx.signal);
  suggest(bInput, listB, ctx.signal);
  const since = h('input', { type: 'date', name: 'since' });
  since.value = params.get('since') ?? '';
  const until = h('input', { type: 'date', name: 'until' });
  until.value = params.get('until') ?? '';
  const form = h('form', { class: 'filters' },
    h('label', { class: 'field' }, h('span', {}, 'actor A'), aInput), listA,
    h('label', { class: 'field' }, h('span', {}, 'actor B'), bInput), listB,
    h('label', { class: 'field' }, h('span', {}, 'since'), since),
    h('label', { class: 'field' }, h('span', {}, 'until'), until),
    h('div', { class: 'filter-actions' }, h('button', { type: 'submit' }, 'Compare')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = href('dyad', { a: aInput.value.trim(), b: bInput.value.trim(), since: since.value, until: until.value });
  }, { signal: ctx.signal });
  root.append(h('h1', {}, 'Dyad'), form);
  if (note) root.append(h('p', { class: 'note' }, note));

  result ??= await api.dyad({ a, b, since: params.get('since'), until: params.get('until') });
  const months = [...result.months].sort((x, y) => (x.month < y.month ? -1 : 1));
  root.append(h('h2', {}, `${result.a} ↔ ${result.b}`));
  if (months.length === 0) {
    root.append(notice(`No events between ${result.a} and ${result.b} in this period.`));
    return;
  }
  const known = new Map(months.map((m) => [m.month, m]));
  const periods = [...new Set([...periodsBetween((months[0] as DyadMonth).month, (months[months.length - 1] as DyadMonth).month, 'month'), ...known.keys()])].sort();

  const frame: Frame = { width: 960, height: 340, left: 48, right: 48, top: 16, bottom: 36 };
  const max = Math.max(1, ...months.map((m) => Math.max(coop(m), conflict(m))));
  const y = linear(0, max, frame.top + innerHeight(frame), frame.top);
  const yScore = linear(-10, 10, frame.top + innerHeight(frame), frame.top);
  const band = innerWidth(frame) / periods.length;
  const bar = Math.max(1, Math.min(28, band * 0.38));
  const center = (i: number) => frame.left + (i + 0.5) * band;
  const svg = svgRoot(frame, `${result.a} and ${result.b}: cooperation and conflict events per month, and mean score`);
  svg.append(yAxis(frame, ticks(max).filter((t) => Number.isInteger(t)), y));
  svg.append(yAxis(frame, [-10, -5, 0, 5, 10], yScore, (v) => (v > 0 ? `+${v}` : String(v)), 'right'));
  svg.append(s('line', { x1: frame.left, x2: frame.width - frame.right, y1: yScore(0).toFixed(1), y2: yScore(0).toFixed(1), class: 'zero' }));
  const bars = s('g', { class: 'bars' });
  const line: string[] = [];
  const dots = s('g', { class: 'score-dots' });
  periods.forEach((period, i) => {
    const m = known.get(period);
    if (!m) return;
    const bounds = periodBounds(period);
    const g = s('g', { class: 'bar', 'data-period': period, 'data-href': href('events', { actor: a, recipient: b, since: bounds.since, until: bounds.until }) },
      s('title', {}, `${period}: ${m.events} events (${result.a}→${result.b} ${m.aToB}, ${result.b}→${result.a} ${m.bToA})\ncooperation ${coop(m)}, conflict ${conflict(m)}${m.meanScore === null ? '' : `\nmean score ${m.meanScore.toFixed(1)}`}`),
      s('rect', { x: (center(i) - bar).toFixed(1), width: bar.toFixed(1), y: y(coop(m)).toFixed(1), height: (y(0) - y(coop(m))).toFixed(1), class: 'cooperation' }),
      s('rect', { x: center(i).toFixed(1), width: bar.toFixed(1), y: y(conflict(m)).toFixed(1), height: (y(0) - y(conflict(m))).toFixed(1), class: 'conflict' }));
    bars.append(g);
    if (m.meanScore !== null) {
      line.push(`${line.length ? 'L' : 'M'}${center(i).toFixed(1)},${yScore(m.meanScore).toFixed(1)}`);
      dots.append(s('circle', { cx: center(i).toFixed(1), cy: yScore(m.meanScore).toFixed(1), r: 3.5, class: 'score-dot' }, s('title', {}, `${period}: mean score ${m.meanScore.toFixed(1)}`)));
    }
  });
  svg.append(bars, s('path', { d: line.join(''), class: 'score-line', fill: 'none' }), dots, xLabels(frame, periods, center));
  svg.addEventListener('click', (ev) => {
    const g = ev.target instanceof Element ? ev.target.closest<SVGGElement>('g.bar') : null;
    if (g?.dataset.href) location.hash = g.dataset.href;
  }, { signal: ctx.signal });

  root.append(
    h('p', { class: 'legend' }, h('span', { class: 'swatch cooperation' }, 'cooperation events'), h('span', { class: 'swatch conflict' }, 'conflict events'), h('span', { class: 'swatch score' }, 'mean score (right axis)')),
    h('div', { class: 'chart-wrap' }, svg),
    h('table', { class: 'data compact dyad-table' },
      h('thead', {}, h('tr', {}, ...['Month', `${result.a}→${result.b}`, `${result.b}→${result.a}`, 'Verbal coop.', 'Material coop.', 'Verbal conflict', 'Material conflict', 'Mean score'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, ...months.map((m) => {
        const bounds = periodBounds(m.month);
        return h('tr', {},
          h('td', {}, m.month),
          h('td', { class: 'num' }, h('a', { href: href('events', { actor: a, recipient: b, ...bounds }) }, String(m.aToB))),
          h('td', { class: 'num' }, h('a', { href: href('events', { actor: b, recipient: a, ...bounds }) }, String(m.bToA))),
          h('td', { class: 'num' }, String(m.verbalCooperation)),
          h('td', { class: 'num' }, String(m.materialCooperation)),
          h('td', { class: 'num' }, String(m.verbalConflict)),
          h('td', { class: 'num' }, String(m.materialConflict)),
          h('td', { class: 'num' }, m.meanScore === null ? '—' : m.meanScore.toFixed(1)));
      }))));
};
