/**
 * The event filter bar the events, timeline, network and map views share. Submitting
 * it changes the hash (so the filtered view is a link), dropping the paging offset.
 */
import { MODALITIES, SECTORS } from '../../src/core/record.js';
import { h } from './dom.js';
import { PLOVER, QUADS, QUAD_LABEL } from './plover.js';
import { href, withParams } from './router.js';

export interface ExtraField {
  name: string;
  label: string;
  /** A select with these options (value, label), or a text input when absent. */
  options?: ReadonlyArray<readonly [string, string]>;
  placeholder?: string;
  type?: 'text' | 'number' | 'date' | 'checkbox';
}

function field(label: string, control: HTMLElement): HTMLElement {
  return h('label', { class: 'field' }, h('span', {}, label), control);
}

function input(name: string, value: string | null, type = 'text', placeholder = ''): HTMLInputElement {
  const el = h('input', { name, type, placeholder, autocomplete: 'off', 'data-filter': name });
  el.value = value ?? '';
  return el;
}

function select(name: string, value: string | null, options: ReadonlyArray<readonly [string, string]>, groups?: HTMLElement[]): HTMLSelectElement {
  const el = h('select', { name, 'data-filter': name });
  el.append(h('option', { value: '' }, 'any'));
  if (groups) el.append(...groups);
  for (const [v, label] of options) el.append(h('option', { value: v }, label));
  el.value = value ?? '';
  return el;
}

/** What each sector of the code scheme is (docs/knowledge.md), for the sector selects. */
const SECTOR_LABEL: Readonly<Record<(typeof SECTORS)[number], string>> = {
  GOV: 'government', MIL: 'military', COP: 'police', JUD: 'judiciary', LEG: 'legislature', DIP: 'diplomacy', SPY: 'intelligence',
  OPP: 'opposition', REB: 'rebels', UAF: 'unidentified armed', CRM: 'criminals', LAB: 'labour', CVL: 'civilians',
  HRI: 'human rights', NGO: 'NGO', REF: 'refugees', REL: 'religion', EDU: 'education', HLH: 'health', AGR: 'agriculture',
  DEV: 'development', BUS: 'business', MED: 'media',
};
const SECTOR_OPTIONS: ReadonlyArray<readonly [string, string]> = SECTORS.map((s) => [s, `${SECTOR_LABEL[s]} (${s})`]);

/** The PLOVER type select, grouped by quad class. */
const CONFIDENCE_STEPS: ReadonlyArray<readonly [string, string]> = [['0.3', 'at least 0.3'], ['0.5', 'at least 0.5'], ['0.7', 'at least 0.7'], ['0.9', 'at least 0.9']];

export function typeSelect(value: string | null): HTMLSelectElement {
  const groups = QUADS.map((quad) => h('optgroup', { label: QUAD_LABEL[quad] },
    ...PLOVER.filter((t) => t.quad === quad).map((t) => h('option', { value: t.type }, t.type))));
  return select('type', value, [], groups);
}

/**
 * A form with the standard event filters (`fields` picks which) and any extra fields;
 * on submit the hash becomes `#/<view>?<filters>` with `keep` params carried over.
 */
export function filterForm(
  view: string,
  params: URLSearchParams,
  fields: readonly string[] = ['actor', 'recipient', 'type', 'modality', 'since', 'until', 'place'],
  extra: readonly ExtraField[] = [],
  keep: readonly string[] = ['article', 'cluster'],
): HTMLFormElement {
  const controls: HTMLElement[] = [];
  for (const name of fields) {
    const v = params.get(name);
    if (name === 'type') controls.push(field('type', typeSelect(v)));
    else if (name === 'modality') controls.push(field('modality', select('modality', v, MODALITIES.map((m) => [m, m]))));
    else if (name === 'since' || name === 'until') controls.push(field(name, input(name, v, 'date')));
    // Confidence is the measured chance an event is real with the right actor (docs/events.md).
    else if (name === 'minConfidence') controls.push(field('confidence', select('minConfidence', v, CONFIDENCE_STEPS)));
    else if (name === 'actorSector') controls.push(field('actor sector', select('actorSector', v, SECTOR_OPTIONS)));
    else if (name === 'recipientSector') controls.push(field('recipient sector', select('recipientSector', v, SECTOR_OPTIONS)));
    else if (name === 'unique') {
      const box = h('input', { type: 'checkbox', name: 'unique', value: 'true', 'data-filter': 'unique' });
      box.checked = v === 'true';
      controls.push(h('label', { class: 'field field-check' }, box, h('span', {}, 'hide duplicate articles')));
    } else controls.push(field(name, input(name, v, 'text', name === 'actor' || name === 'recipient' ? 'code, country or name' : '')));
  }
  for (const x of extra) {
    const v = params.get(x.name);
    controls.push(field(x.label, x.options ? select(x.name, v, x.options) : input(x.name, v, x.type ?? 'text', x.placeholder ?? '')));
  }
  const carried = [...params.entries()].filter(([k]) => keep.includes(k));
  const chips = carried.map(([k, v]) => h('span', { class: 'chip' }, `${k}: ${v}`));
  const form = h('form', { class: 'filters', role: 'search' },
    ...controls,
    h('div', { class: 'filter-actions' },
      h('button', { type: 'submit' }, 'Apply'),
      h('a', { href: href(view), class: 'button-link' }, 'Clear')),
    chips.length ? h('div', { class: 'chips' }, ...chips) : null);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const changes: Record<string, string> = {};
    const data = new FormData(form);
    for (const name of [...fields, ...extra.map((x) => x.name)]) {
      const v = data.get(name);
      changes[name] = typeof v === 'string' ? v.trim() : '';
    }
    const next = withParams(params, changes, keep);
    location.hash = href(view, next);
  });
  return form;
}

/** "1–50 of 234" with previous/next links that keep every other parameter. */
export function pager(view: string | readonly string[], params: URLSearchParams, page: { total: number; limit: number; offset: number; items: readonly unknown[] }): HTMLElement {
  const { total, limit, offset } = page;
  const from = total === 0 ? 0 : offset + 1;
  const to = offset + page.items.length;
  const prev = offset > 0 ? h('a', { href: href(view, withParams(params, { offset: Math.max(0, offset - limit) || null })), rel: 'prev' }, '← previous') : h('span', { class: 'disabled' }, '← previous');
  const next = to < total ? h('a', { href: href(view, withParams(params, { offset: offset + limit })), rel: 'next' }, 'next →') : h('span', { class: 'disabled' }, 'next →');
  return h('nav', { class: 'pager', 'aria-label': 'Pages' }, prev, h('span', { class: 'range' }, `${from}–${to} of ${total.toLocaleString('en-US')}`), next);
}
