/**
 * Contradictions between articles (docs/corpus.md, "Conflicts"): statements about one
 * event that cannot both be true.
 *  - count: inside a cluster, dead/injured/arrested ranges that do not overlap
 *    ("dead: at least 100 (Reuters) vs 12 (AFP)");
 *  - date: inside a cluster, two day-grain event dates that differ (a month-grain date
 *    does not contradict a day inside that month);
 *  - actor: who took a place. Territory changing hands (COERCE at a named place) by
 *    different country sides on overlapping dates; the two claims are in different
 *    clusters, since clusters never join clashing actors, and the conflict is filed
 *    under the cluster with the most articles.
 * Only asserted and alleged events take part, and never two events of one article or
 * of an article and its duplicate: a syndicated copy repeats its source, it does not
 * contradict it. ASSAULT is left out of the actor check: both sides attacking at one
 * front is the normal course of a battle, not a contradiction.
 */
import type { ArticleKey, ClusterInputEvent, CorpusConflict, EventCluster } from '../store/types.js';
import type { Range } from '../core/record.js';
import { dayInterval, DATE_TOLERANCE_DAYS, gapDays, haversineKm } from './cluster.js';

/** What the conflict checks read: the cluster input (its mode tells seizures apart). */
export type ConflictInputEvent = ClusterInputEvent;

const LIVE = new Set(['asserted', 'alleged']);
/** Two seizures this close are the same place (villages a few km apart are not). */
const SAME_PLACE_KM = 5;

export function disjoint(a: Range, b: Range): boolean {
  return (a.max !== null && b.min !== null && a.max < b.min) || (b.max !== null && a.min !== null && b.max < a.min);
}

export function showRange(r: Range): string {
  if (r.min !== null && r.max !== null) return r.min === r.max ? `${r.min}` : `${r.min}–${r.max}`;
  if (r.min !== null) return `at least ${r.min}`;
  if (r.max !== null) return `at most ${r.max}`;
  return 'unknown';
}

function publisherOf(ev: ClusterInputEvent): string {
  return ev.publisher?.trim() || `article ${ev.articleKey}`;
}

function order(a: ClusterInputEvent, b: ClusterInputEvent): number {
  const pa = a.published ?? '\uffff';
  const pb = b.published ?? '\uffff';
  if (pa !== pb) return pa < pb ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

interface Claim {
  value: string;
  events: ClusterInputEvent[];
}

/**
 * One conflict per disagreement: the distinct values (in the order of their earliest
 * report) with the publishers that give each. `clash` says whether two values
 * contradict; a report is kept when its value clashes with a value some other article
 * gives. Values are compared, not reports: a cluster of thousands of reports holds a
 * handful of values. `same` names what `clash` reads of a value (by default what is
 * shown): two values with the same `same` clash with the same others.
 */
function disagreement<V>(
  cluster: string, kind: CorpusConflict['kind'], label: string, items: Array<{ ev: ClusterInputEvent; value: V }>,
  show: (v: V) => string, clash: (a: V, b: V) => boolean, original: (k: ArticleKey) => ArticleKey,
  same: (v: V) => string = show,
): CorpusConflict | null {
  const sorted = [...items].sort((a, b) => order(a.ev, b.ev));
  // Each distinct value, with the articles that give it (two are enough to know that
  // some report of it comes from an article other than any given one).
  const values = new Map<string, { value: V; articles: ArticleKey[] }>();
  for (const { ev, value } of sorted) {
    const v = same(value);
    const art = original(ev.articleKey);
    const entry = values.get(v);
    if (!entry) values.set(v, { value, articles: [art] });
    else if (entry.articles.length < 2 && entry.articles[0] !== art) entry.articles.push(art);
  }
  const list = [...values.entries()];
  const rivals = new Map<string, Array<ArticleKey[]>>();
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const [va, a] = list[i]!;
      const [vb, b] = list[j]!;
      if (!clash(a.value, b.value)) continue;
      (rivals.get(va) ?? rivals.set(va, []).get(va)!).push(b.articles);
      (rivals.get(vb) ?? rivals.set(vb, []).get(vb)!).push(a.articles);
    }
  }
  const claims = new Map<string, Claim>();
  for (const { ev, value } of sorted) {
    const art = original(ev.articleKey);
    if (!(rivals.get(same(value)) ?? []).some((arts) => arts.length > 1 || arts[0] !== art)) continue;
    const v = show(value);
    const c = claims.get(v) ?? { value: v, events: [] };
    c.events.push(ev);
    claims.set(v, c);
  }
  if (claims.size === 0) return null;
  const parts = [...claims.values()].map((c) => `${c.value} (${[...new Set(c.events.map(publisherOf))].join(', ')})`);
  return {
    cluster,
    kind,
    events: [...claims.values()].flatMap((c) => c.events.map((e) => e.key)),
    note: `${label}: ${parts.join(' vs ')}`,
  };
}

function clusterConflicts(cluster: EventCluster, members: ClusterInputEvent[], original: (k: ArticleKey) => ArticleKey): CorpusConflict[] {
  const out: CorpusConflict[] = [];
  const live = members.filter((e) => LIVE.has(e.modality));
  for (const field of ['dead', 'injured', 'arrested'] as const) {
    const items = live.flatMap((ev) => (ev[field] ? [{ ev, value: ev[field] }] : []));
    const c = disagreement(cluster.id, 'count', field, items, showRange, disjoint, original);
    if (c) out.push(c);
  }
  const dated = live.flatMap((ev) => (ev.date && /^\d{4}-\d{2}-\d{2}/.test(ev.date) ? [{ ev, value: ev.date.slice(0, 10) }] : []));
  const d = disagreement(cluster.id, 'date', 'date', dated, (v) => v, (a, b) => a !== b, original);
  if (d) out.push(d);
  return out;
}

function sideOf(ev: ClusterInputEvent): string | null {
  const a = ev.actors[0]?.trim();
  if (!a) return null;
  return /^[A-Z]{3}/.test(a) ? a.slice(0, 3) : a.toLowerCase();
}

interface PlaceGroup<T> {
  name: string;
  lat: number | null;
  lon: number | null;
  events: T[];
}

/** Degrees of latitude per SAME_PLACE_KM, rounded up: places that close lie in one band or the next. */
const BAND_DEGREES = SAME_PLACE_KM / 111;
const bandOf = (lat: number): number => Math.floor(lat / BAND_DEGREES);

/**
 * Groups of places, each known by its first place's name and coordinates. `find` gives
 * the earliest group with the same name or within SAME_PLACE_KM, as a scan over the
 * groups in order of creation would, without the scan: a store with thousands of seized
 * places made that quadratic. Coordinates are indexed by band of latitude, since two
 * points that close differ by at most BAND_DEGREES in latitude.
 */
export class PlaceGroups<T> {
  readonly groups: Array<PlaceGroup<T>> = [];
  private readonly byName = new Map<string, number>();
  /** Band → indices of the groups with coordinates in it, ascending. */
  private readonly bands = new Map<number, number[]>();

  find(name: string, lat: number | null, lon: number | null): PlaceGroup<T> | undefined {
    let best = this.byName.get(name) ?? Infinity;
    if (lat !== null && lon !== null) {
      const band = bandOf(lat);
      for (let b = band - 1; b <= band + 1; b++) {
        for (const i of this.bands.get(b) ?? []) {
          if (i >= best) break;
          const g = this.groups[i]!;
          if (haversineKm(g.lat!, g.lon!, lat, lon) <= SAME_PLACE_KM) {
            best = i;
            break;
          }
        }
      }
    }
    return best === Infinity ? undefined : this.groups[best];
  }

  add(group: PlaceGroup<T>): void {
    const i = this.groups.length;
    this.groups.push(group);
    if (!this.byName.has(group.name)) this.byName.set(group.name, i);
    if (group.lat !== null && group.lon !== null) {
      const band = bandOf(group.lat);
      const list = this.bands.get(band);
      if (list) list.push(i);
      else this.bands.set(band, [i]);
    }
  }
}

/** Seizures of one place by different sides, across clusters. */
function territoryConflicts(events: readonly ConflictInputEvent[], clusterOf: ReadonlyMap<string, EventCluster>, original: (k: ArticleKey) => ArticleKey): CorpusConflict[] {
  const seizures = events
    .filter((e) => e.type === 'COERCE' && LIVE.has(e.modality) && e.place && sideOf(e) !== null && e.mode === 'seize')
    .sort(order);
  // Group by place: the same name, or coordinates within SAME_PLACE_KM.
  const byPlace = new PlaceGroups<ConflictInputEvent>();
  for (const e of seizures) {
    const p = e.place!;
    const name = p.name.trim().toLowerCase();
    const g = byPlace.find(name, p.lat, p.lon);
    if (g) g.events.push(e);
    else byPlace.add({ name, lat: p.lat, lon: p.lon, events: [e] });
  }
  const out: CorpusConflict[] = [];
  for (const g of byPlace.groups) {
    const items = g.events.map((ev) => ({ ev, value: ev }));
    const when = (e: ClusterInputEvent) => dayInterval(e.date ?? e.published?.slice(0, 10) ?? '');
    const clash = (a: ClusterInputEvent, b: ClusterInputEvent): boolean => {
      if (sideOf(a) === sideOf(b)) return false;
      const da = when(a);
      const db = when(b);
      return da !== null && db !== null && gapDays(da, db) <= DATE_TOLERANCE_DAYS;
    };
    const placeName = g.events[0]!.place!.name.trim();
    // A side's claims differ by date as well: each (actor, day) is its own value to compare.
    const sideAndDay = (e: ClusterInputEvent): string => `${e.actors[0]!}\u0000${e.date ?? e.published?.slice(0, 10) ?? ''}`;
    const c = disagreement('', 'actor', `who took ${placeName}`, items, (e) => e.actors[0]!, clash, original, sideAndDay);
    if (!c) continue;
    const clusters = [...new Set(c.events.map((k) => clusterOf.get(k)).filter((x): x is EventCluster => x !== undefined))];
    clusters.sort((a, b) => b.articles - a.articles || (a.id < b.id ? -1 : 1));
    if (clusters[0]) out.push({ ...c, cluster: clusters[0].id });
  }
  return out;
}

/**
 * Contradictions between articles: counts and dates inside each cluster, seizures of
 * one place by different sides across clusters. Deterministic: ordered by cluster id,
 * then kind, then note.
 */
export function findCorpusConflicts(
  events: readonly ConflictInputEvent[], clusters: readonly EventCluster[], duplicates: ReadonlyMap<ArticleKey, ArticleKey>,
): CorpusConflict[] {
  const byKey = new Map(events.map((e) => [e.key, e]));
  const original = (k: ArticleKey): ArticleKey => duplicates.get(k) ?? k;
  const clusterOf = new Map<string, EventCluster>();
  const out: CorpusConflict[] = [];
  for (const c of clusters) {
    for (const k of c.events) clusterOf.set(k, c);
    if (c.articles < 2) continue;
    const members = c.events.map((k) => byKey.get(k)).filter((e): e is ClusterInputEvent => e !== undefined);
    out.push(...clusterConflicts(c, members, original));
  }
  out.push(...territoryConflicts(events, clusterOf, original));
  return out.sort(compareConflicts);
}

/** The order of corpus conflicts: by cluster id, then kind, then note. */
export function compareConflicts(a: CorpusConflict, b: CorpusConflict): number {
  return a.cluster < b.cluster ? -1 : a.cluster > b.cluster ? 1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.note < b.note ? -1 : a.note > b.note ? 1 : 0;
}
