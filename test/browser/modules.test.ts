/**
 * The UI's pure modules (no DOM): span segmentation, the force layout, the map
 * projection, hash routes and period arithmetic. The browser test covers the views.
 */
import { describe, expect, it } from 'vitest';
import { periodBounds, periodsBetween, range, statsLine } from '../../web/src/format.js';
import { forceLayout, seededRandom } from '../../web/src/layout.js';
import { fitWorld, geoPath, naturalEarth } from '../../web/src/projection.js';
import { href, parseHash, withParams } from '../../web/src/router.js';
import { segment } from '../../web/src/spans.js';

describe('segment', () => {
  it('splits overlapping spans into segments that know every covering span', () => {
    // "Iran said Tehran" with a quote 0–16, an entity 0–4 and an entity 10–16 overlapping a trigger 5–12.
    const segs = segment(16, [
      { start: 0, end: 16, data: 'quote' },
      { start: 0, end: 4, data: 'iran' },
      { start: 10, end: 16, data: 'tehran' },
      { start: 5, end: 12, data: 'trigger' },
    ]);
    expect(segs.map((s) => [s.start, s.end, s.covering])).toEqual([
      [0, 4, ['quote', 'iran']],
      [4, 5, ['quote']],
      [5, 10, ['quote', 'trigger']],
      [10, 12, ['quote', 'tehran', 'trigger']],
      [12, 16, ['quote', 'tehran']],
    ]);
  });

  it('covers the whole text exactly once, with gaps as uncovered segments', () => {
    const segs = segment(10, [{ start: 3, end: 5, data: 1 }]);
    expect(segs.map((s) => [s.start, s.end, s.covering.length])).toEqual([[0, 3, 0], [3, 5, 1], [5, 10, 0]]);
    expect(segment(0, [])).toEqual([]);
  });

  it('drops empty and out-of-range spans and cuts spans at the end of the text', () => {
    const segs = segment(6, [
      { start: 4, end: 4, data: 'empty' },
      { start: 8, end: 9, data: 'after' },
      { start: -3, end: 2, data: 'before' },
      { start: 5, end: 40, data: 'long' },
      { start: Number.NaN, end: 3, data: 'nan' },
    ]);
    expect(segs.map((s) => [s.start, s.end, s.covering])).toEqual([[0, 2, ['before']], [2, 5, []], [5, 6, ['long']]]);
  });

  it('keeps identical spans apart and in the given order', () => {
    const segs = segment(3, [{ start: 0, end: 3, data: 'b' }, { start: 0, end: 3, data: 'a' }]);
    expect(segs).toEqual([{ start: 0, end: 3, covering: ['b', 'a'] }]);
  });
});

describe('forceLayout', () => {
  const nodes = Array.from({ length: 30 }, (_, i) => ({ id: `N${i}`, weight: i % 7 }));
  const rand = seededRandom(5);
  const edges = Array.from({ length: 50 }, () => ({ source: `N${Math.floor(rand() * 30)}`, target: `N${Math.floor(rand() * 30)}`, weight: 1 + Math.floor(rand() * 5) }));
  const options = { width: 800, height: 500, margin: 30, seed: 3 };

  it('is deterministic and independent of the order of the input', () => {
    const a = forceLayout(nodes, edges, options);
    const b = forceLayout([...nodes].reverse(), [...edges].reverse(), options);
    for (const n of nodes) expect(b.get(n.id)).toEqual(a.get(n.id));
    const c = forceLayout(nodes, edges, { ...options, seed: 4 });
    expect(nodes.some((n) => c.get(n.id)?.x !== a.get(n.id)?.x)).toBe(true);
  });

  it('keeps nodes inside the margins and apart from each other', () => {
    const pos = [...forceLayout(nodes, edges, options).values()];
    expect(pos).toHaveLength(30);
    for (const p of pos) {
      expect(p.x).toBeGreaterThanOrEqual(30);
      expect(p.x).toBeLessThanOrEqual(770);
      expect(p.y).toBeGreaterThanOrEqual(30);
      expect(p.y).toBeLessThanOrEqual(470);
    }
    let min = Infinity;
    for (let i = 0; i < pos.length; i++) for (let j = i + 1; j < pos.length; j++) min = Math.min(min, Math.hypot(pos[i]!.x - pos[j]!.x, pos[i]!.y - pos[j]!.y));
    expect(min).toBeGreaterThan(10);
  });

  it('pulls linked nodes closer than unlinked ones', () => {
    const pos = forceLayout(
      [{ id: 'a', weight: 1 }, { id: 'b', weight: 1 }, { id: 'c', weight: 1 }, { id: 'd', weight: 1 }],
      [{ source: 'a', target: 'b', weight: 10 }, { source: 'c', target: 'd', weight: 10 }],
      options,
    );
    const d = (x: string, y: string) => Math.hypot(pos.get(x)!.x - pos.get(y)!.x, pos.get(x)!.y - pos.get(y)!.y);
    expect(d('a', 'b')).toBeLessThan(d('a', 'c'));
    expect(d('c', 'd')).toBeLessThan(d('b', 'd'));
  });

  it('places a lone node in the middle and ignores edges to unknown nodes', () => {
    expect(forceLayout([{ id: 'x', weight: 1 }], [{ source: 'x', target: 'y', weight: 1 }], options).get('x')).toEqual({ x: 400, y: 250 });
    expect(forceLayout([], [], options).size).toBe(0);
  });
});

describe('Natural Earth projection', () => {
  it('is symmetric about the equator and the central meridian', () => {
    const [x, y] = naturalEarth(40, 30);
    expect(naturalEarth(-40, 30)).toEqual([-x, y]);
    expect(naturalEarth(40, -30)).toEqual([x, -y]);
    expect(naturalEarth(0, 0)).toEqual([0, 0]);
  });

  it('has a flat pole line shorter than the equator', () => {
    const equator = naturalEarth(180, 0)[0];
    const pole = naturalEarth(180, 90)[0];
    expect(pole).toBeGreaterThan(0);
    expect(pole).toBeLessThan(equator);
    expect(naturalEarth(-180, 90)[1]).toBe(naturalEarth(180, 90)[1]);
  });

  it('fits the world into the width with y pointing down', () => {
    const p = fitWorld(960, 4);
    expect(p(-180, 0)[0]).toBeCloseTo(4, 6);
    expect(p(180, 0)[0]).toBeCloseTo(956, 6);
    expect(p(0, 90)[1]).toBeCloseTo(4, 6);
    expect(p(0, 60)[1]).toBeLessThan(p(0, 0)[1]);
    expect(p.height).toBeGreaterThan(400);
    expect(p.height).toBeLessThan(520);
  });

  it('draws a ring across the antimeridian twice, unwrapped, instead of streaking across the map', () => {
    const p = fitWorld(960);
    // A square from 170°E to 170°W, as Natural Earth data stores it: jumping at ±180.
    const d = geoPath({ type: 'Polygon', coordinates: [[[170, 60], [180, 60], [-180, 60], [-170, 60], [-170, 70], [-180, 70], [180, 70], [170, 70], [170, 60]]] }, p);
    const subpaths = d.split('M').filter(Boolean);
    expect(subpaths).toHaveLength(2);
    for (const sub of subpaths) {
      const xs = sub.replace('Z', '').split('L').map((pt) => Number(pt.split(',')[0]));
      // Each copy is one compact square, never a line across the whole width.
      expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(100);
    }
  });

  it('draws a ring round a pole as it is (its jump runs along the pole line)', () => {
    const p = fitWorld(960);
    const d = geoPath({ type: 'Polygon', coordinates: [[[-180, -70], [0, -70], [180, -70], [180, -90], [-180, -90], [-180, -70]]] }, p);
    expect(d.split('M').filter(Boolean)).toHaveLength(1);
  });
});

describe('hash routes', () => {
  it('parses the view, its path arguments and the query', () => {
    const r = parseHash('#/article/ab%2Fcd?event=V2&x=1');
    expect(r.view).toBe('article');
    expect(r.args).toEqual(['ab/cd']);
    expect(r.params.get('event')).toBe('V2');
    expect(parseHash('').view).toBe('');
    expect(parseHash('#/events').args).toEqual([]);
    expect(parseHash('#/article/%E0%A4%A').args).toEqual(['%E0%A4%A']);
  });

  it('builds links that leave out empty parameters and round-trip through parseHash', () => {
    const link = href(['article', 'a b'], { event: 'V1', empty: '', none: undefined });
    expect(link).toBe('#/article/a%20b?event=V1');
    const back = parseHash(link);
    expect(back.args).toEqual(['a b']);
    expect([...back.params.keys()]).toEqual(['event']);
    expect(href('events')).toBe('#/events');
  });

  it('changes parameters, dropping the ones not kept', () => {
    const p = new URLSearchParams('actor=IRN&offset=50&cluster=C1');
    expect(withParams(p, { type: 'ASSAULT', actor: '' }, ['cluster']).toString()).toBe('cluster=C1&type=ASSAULT');
    expect(withParams(p, { offset: 100 }).toString()).toBe('actor=IRN&offset=100&cluster=C1');
  });
});

describe('periods', () => {
  it('gives the first and last day of a month, leap years included', () => {
    expect(periodBounds('2024-02')).toEqual({ since: '2024-02-01', until: '2024-02-29' });
    expect(periodBounds('2023-02')).toEqual({ since: '2023-02-01', until: '2023-02-28' });
    expect(periodBounds('2023-12')).toEqual({ since: '2023-12-01', until: '2023-12-31' });
    expect(periodBounds('2023-05-04')).toEqual({ since: '2023-05-04', until: '2023-05-04' });
  });

  it('lists every month or day between two periods', () => {
    expect(periodsBetween('2022-11', '2023-02', 'month')).toEqual(['2022-11', '2022-12', '2023-01', '2023-02']);
    expect(periodsBetween('2024-02-27', '2024-03-01', 'day')).toEqual(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01']);
    expect(periodsBetween('2024-03', '2024-03', 'month')).toEqual(['2024-03']);
  });

  it('writes casualty ranges compactly', () => {
    expect(range({ min: 3, max: 3 })).toBe('3');
    expect(range({ min: 3, max: 5 })).toBe('3–5');
    expect(range({ min: 10, max: null })).toBe('≥ 10');
    expect(range({ min: null, max: null })).toBeNull();
    expect(range(null)).toBeNull();
  });
});

describe('statsLine', () => {
  const stats = { articles: 12034, duplicates: 3, events: 80112, quotes: 9, entities: 40, clusters: 70211, conflicts: 2, unanalysed: 0, schemaVersion: 9 };
  it('counts the store, and says when events await the corpus analysis', () => {
    expect(statsLine(stats)).toBe('12,034 articles · 80,112 events · 9 quotes · 70,211 clusters');
    expect(statsLine({ ...stats, unanalysed: 1500 })).toBe('12,034 articles · 80,112 events · 9 quotes · 70,211 clusters · 1,500 events not yet in the corpus analysis (run newsgraph analyse)');
  });
});
