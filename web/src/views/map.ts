/**
 * Where: world countries (world-atlas, bundled, no tile server) in our Natural Earth
 * projection, and a circle per place sized by its events and coloured by their mean
 * score. A circle opens the events at that place.
 */
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { FeatureCollection, Geometry, MultiLineString } from 'geojson';
import countries110m from 'world-atlas/countries-110m.json';
import { api, eventFilters } from '../api.js';
import type { PlaceCount } from '../api.js';
import { h, notice, s } from '../dom.js';
import { filterForm } from '../filters.js';
import { PLOVER, scoreColor } from '../plover.js';
import { fitWorld, geoPath, worldOutline } from '../projection.js';
import type { Projector } from '../projection.js';
import { href } from '../router.js';
import type { View } from '../view.js';

const WIDTH = 960;
const SCORE = new Map(PLOVER.map((t) => [t.type as string, t.score]));

function meanScore(place: PlaceCount): number | null {
  let sum = 0;
  let n = 0;
  for (const [type, count] of Object.entries(place.types)) {
    const score = SCORE.get(type);
    if (score === undefined || typeof count !== 'number') continue;
    sum += score * count;
    n += count;
  }
  return n ? sum / n : null;
}

let basemap: { project: Projector; paths: Array<{ name: string; d: string }>; graticule: string; outline: string } | null = null;

/** Country paths are the same for every render: project them once. */
function world(): NonNullable<typeof basemap> {
  if (basemap) return basemap;
  const project = fitWorld(WIDTH);
  const topology = countries110m as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const fc = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  const paths = fc.features.map((f) => ({ name: f.properties?.name ?? '', d: geoPath(f.geometry, project) }));
  const lines: number[][][] = [];
  for (let lon = -150; lon <= 150; lon += 30) lines.push(Array.from({ length: 37 }, (_, i) => [lon, -90 + i * 5]));
  for (let lat = -60; lat <= 60; lat += 30) lines.push(Array.from({ length: 73 }, (_, i) => [-180 + i * 5, lat]));
  const grid: MultiLineString = { type: 'MultiLineString', coordinates: lines };
  basemap = { project, paths, graticule: geoPath(grid, project), outline: worldOutline(project) };
  return basemap;
}

export const mapView: View = async (root, route, ctx) => {
  const params = route.params;
  root.append(h('h1', {}, 'Map'), filterForm('map', params, ['actor', 'recipient', 'actorSector', 'recipientSector', 'type', 'modality', 'since', 'until', 'minConfidence']));
  const places = await api.places(eventFilters(params));
  const { project, paths, graticule, outline } = world();

  const svg = s('svg', { viewBox: `0 0 ${project.width} ${project.height}`, class: 'chart map', role: 'img', 'aria-label': `map of ${places.length} places with events` },
    s('defs', {}, s('clipPath', { id: 'world-clip' }, s('path', { d: outline }))),
    s('path', { d: outline, class: 'sea' }),
    s('g', { 'clip-path': 'url(#world-clip)' },
      s('path', { d: graticule, class: 'graticule' }),
      s('g', { class: 'countries' }, ...paths.map((p) => s('path', { d: p.d, class: 'country' }, s('title', {}, p.name))))),
    s('path', { d: outline, class: 'outline' }));

  const max = Math.max(1, ...places.map((p) => p.events));
  const dots = s('g', { class: 'places' });
  // Big circles first so small ones stay clickable on top of them.
  for (const p of [...places].sort((a, b) => b.events - a.events)) {
    if (!Number.isFinite(p.lat) || !Number.isFinite(p.lon)) continue;
    const [x, y] = project(p.lon, p.lat);
    const mean = meanScore(p);
    const target = href('events', { ...Object.fromEntries(eventFilters(params)), place: p.name });
    dots.append(s('circle', {
      cx: x.toFixed(1), cy: y.toFixed(1), r: (3 + 17 * Math.sqrt(p.events / max)).toFixed(1),
      fill: mean === null ? '#888' : scoreColor(mean), class: 'place', 'data-href': target, 'data-place': p.name, tabindex: 0, role: 'link',
      'aria-label': `${p.name}: ${p.events} events`,
    }, s('title', {}, `${p.name}${p.country ? ` (${p.country})` : ''}: ${p.events} events${mean === null ? '' : `, mean score ${mean.toFixed(1)}`}\n${Object.entries(p.types).map(([t, n]) => `${t} ${n}`).join(', ')}`)));
  }
  svg.append(dots);
  const open = (ev: Event) => {
    const c = ev.target instanceof Element ? ev.target.closest<SVGCircleElement>('circle.place') : null;
    const target = c?.dataset.href;
    if (target) location.hash = target;
  };
  svg.addEventListener('click', open, { signal: ctx.signal });
  svg.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter') open(ev);
  }, { signal: ctx.signal });

  root.append(h('div', { class: 'chart-wrap' }, svg));
  if (places.length === 0) {
    root.append(notice('No events with a located place match these filters.'));
    return;
  }
  const top = [...places].sort((a, b) => b.events - a.events).slice(0, 20);
  root.append(h('h2', {}, 'Places'), h('table', { class: 'data compact' },
    h('thead', {}, h('tr', {}, ...['Place', 'Country', 'Events'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, ...top.map((p) => h('tr', {},
      h('td', {}, h('a', { href: href('events', { ...Object.fromEntries(eventFilters(params)), place: p.name }) }, p.name)),
      h('td', {}, p.country ?? '—'),
      h('td', { class: 'num' }, String(p.events)))))));
};
