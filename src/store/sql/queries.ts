/**
 * The store's read queries as SQL both drivers run (standard SQL: CTEs, CASE,
 * count(DISTINCT), NULLS LAST). Orderings are total — every ORDER BY ends in a unique
 * key — so both databases return the same rows in the same order. Aggregates come
 * back as one row per (group, type) and are folded into the contract's shapes by the
 * functions below the builders, also shared.
 */
import type { PloverType } from '../../core/record.js';
import type {
  ActorQuery, ArticleQuery, DyadMonth, EventQuery, PlaceCount, QuoteQuery, TimelineBucket,
} from '../types.js';
import { keysetKeysSql, type ListPosition } from './cursor.js';
import { articleConditions, checkType, eventConditions, participantMatch, quoteConditions, where } from './filters.js';
import { SqlParams, type Placeholder } from './params.js';
import { ARTICLE_SUMMARY_COLUMNS, EVENT_COLUMNS_SELECT, QUOTE_COLUMNS_SELECT, num, numOrNull, str, strOrNull, type DbRow } from './read.js';

export interface Sql {
  text: string;
  params: SqlParams;
}

/** FROM clause over the events a query selects; joins articles only when a condition needs them. */
function eventsFrom(q: EventQuery | undefined, params: SqlParams): string {
  const conditions = eventConditions(q, params);
  return `FROM events e${articlesJoin(q)} ${where(conditions)}`;
}

/** Only the duplicate filter reads the articles table; the other filters are on events. */
export function articlesJoin(q: EventQuery | undefined): string {
  return q?.uniqueArticles ? ' JOIN articles a ON a.key = e.article_key' : '';
}

export const EVENT_ORDER = 'ORDER BY e.sort_date DESC NULLS LAST, e.key';

/**
 * One page of events: the page's keys are chosen first (sorting only keys and dates),
 * then only those rows are read whole. With `after` (a position a page ended at) the
 * keys are those after it, sought in the events_sort index (cursor.ts). `sort_date` is
 * selected beside the row for the next page's cursor.
 */
export function eventsPageSql(q: EventQuery | undefined, limit: number, offset: number, ph: Placeholder, after?: ListPosition): Sql {
  const params = new SqlParams(ph);
  const page = after
    ? keysetKeysSql({ from: `FROM events e${articlesJoin(q)}`, conditions: eventConditions(q, params), date: 'e.sort_date', key: 'e.key' }, after, limit, offset, params)
    : `SELECT e.key ${eventsFrom(q, params)} ${EVENT_ORDER} LIMIT ${limit} OFFSET ${offset}`;
  return {
    text: `SELECT ${EVENT_COLUMNS_SELECT}, e.sort_date FROM events e JOIN articles a ON a.key = e.article_key WHERE e.key IN (${page}) ${EVENT_ORDER}`,
    params,
  };
}

/** Where a page of events ends, from a row of eventsPageSql. */
export function eventPosition(r: DbRow): ListPosition {
  return { date: strOrNull(r.sort_date), key: str(r.key) };
}

export function eventsCountSql(q: EventQuery | undefined, ph: Placeholder): Sql {
  const params = new SqlParams(ph);
  return { text: `SELECT count(*) AS n ${eventsFrom(q, params)}`, params };
}

export function eventByKeySql(key: string, ph: Placeholder): Sql {
  const params = new SqlParams(ph);
  return { text: `SELECT ${EVENT_COLUMNS_SELECT} FROM events e JOIN articles a ON a.key = e.article_key WHERE e.key = ${params.add(key)}`, params };
}

export function participantsOfSql(eventKeys: readonly string[], ph: Placeholder): Sql {
  const params = new SqlParams(ph);
  return {
    text: `SELECT event_key, role, pos, entity_id, name, code, country, sector FROM participants WHERE event_key IN (${params.list(eventKeys)})`,
    params,
  };
}

export function quotesPageSql(q: QuoteQuery | undefined, limit: number, offset: number, ph: Placeholder): Sql {
  const params = new SqlParams(ph);
  const w = where(quoteConditions(q, params));
  return {
    text: `SELECT ${QUOTE_COLUMNS_SELECT} FROM quotes q JOIN articles a ON a.key = q.article_key ${w} `
      + `ORDER BY a.published_day DESC NULLS LAST, q.article_key, q.seq LIMIT ${limit} OFFSET ${offset}`,
    params,
  };
}

export function quotesCountSql(q: QuoteQuery | undefined, ph: Placeholder): Sql {
  const params = new SqlParams(ph);
  return { text: `SELECT count(*) AS n FROM quotes q ${where(quoteConditions(q, params))}`, params };
}

export const ARTICLE_ORDER = 'ORDER BY a.published_day DESC NULLS LAST, a.key';

/** One page of articles; with `after`, the articles after that position (cursor.ts). */
export function articlesPageSql(q: ArticleQuery | undefined, limit: number, offset: number, ph: Placeholder, after?: ListPosition): Sql {
  const params = new SqlParams(ph);
  const conditions = articleConditions(q, params);
  const select = `SELECT ${ARTICLE_SUMMARY_COLUMNS}, a.published_day FROM articles a`;
  if (!after) return { text: `${select} ${where(conditions)} ${ARTICLE_ORDER} LIMIT ${limit} OFFSET ${offset}`, params };
  const page = keysetKeysSql({ from: 'FROM articles a', conditions, date: 'a.published_day', key: 'a.key' }, after, limit, offset, params);
  return { text: `${select} WHERE a.key IN (${page}) ${ARTICLE_ORDER}`, params };
}

/** Where a page of articles ends, from a row of articlesPageSql. */
export function articlePosition(r: DbRow): ListPosition {
  return { date: strOrNull(r.published_day), key: str(r.key) };
}

export function articlesCountSql(q: ArticleQuery | undefined, ph: Placeholder): Sql {
  const params = new SqlParams(ph);
  return { text: `SELECT count(*) AS n FROM articles a ${where(articleConditions(q, params))}`, params };
}

/** LIKE pattern for "contains", with the wildcard characters of the input escaped (ESCAPE '\'). */
export function containsPattern(s: string): string {
  return `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function actorMatchCondition(q: ActorQuery | undefined, params: SqlParams): string {
  const m = q?.match?.trim();
  if (!m) return '';
  return ` AND p.actor_id IN (SELECT actor_id FROM participants WHERE role IN ('actor', 'recipient') AND `
    + `(name_lc LIKE ${params.add(containsPattern(m.toLowerCase()))} ESCAPE '\\' OR code LIKE ${params.add(containsPattern(m.toUpperCase()))} ESCAPE '\\'))`;
}

/** Actor groups by event count (as actor + as recipient), busiest first. */
export function actorsPageSql(q: ActorQuery | undefined, limit: number, offset: number, ph: Placeholder): Sql {
  const params = new SqlParams(ph);
  const match = actorMatchCondition(q, params);
  return {
    text: `SELECT p.actor_id AS id, `
      + `count(DISTINCT CASE WHEN p.role = 'actor' THEN p.event_key END) AS as_actor, `
      + `count(DISTINCT CASE WHEN p.role = 'recipient' THEN p.event_key END) AS as_recipient `
      + `FROM participants p WHERE p.role IN ('actor', 'recipient')${match} GROUP BY p.actor_id `
      + `ORDER BY count(DISTINCT CASE WHEN p.role = 'actor' THEN p.event_key END) + count(DISTINCT CASE WHEN p.role = 'recipient' THEN p.event_key END) DESC, p.actor_id `
      + `LIMIT ${limit} OFFSET ${offset}`,
    params,
  };
}

export function actorsCountSql(q: ActorQuery | undefined, ph: Placeholder): Sql {
  const params = new SqlParams(ph);
  return { text: `SELECT count(DISTINCT p.actor_id) AS n FROM participants p WHERE p.role IN ('actor', 'recipient')${actorMatchCondition(q, params)}`, params };
}

/** Articles whose entities fall in each actor group. */
export function actorArticlesSql(ids: readonly string[], ph: Placeholder): Sql {
  const params = new SqlParams(ph);
  return { text: `SELECT actor_id AS id, count(DISTINCT article_key) AS n FROM entities WHERE actor_id IN (${params.list(ids)}) GROUP BY actor_id`, params };
}

/** How often each name/code/country/sector occurs in each actor group, to name the group. */
export function actorNamesSql(ids: readonly string[], ph: Placeholder): Sql {
  const params = new SqlParams(ph);
  return {
    text: `SELECT actor_id AS id, name, code, country, sector, count(*) AS n FROM participants `
      + `WHERE actor_id IN (${params.list(ids)}) AND role IN ('actor', 'recipient') GROUP BY actor_id, name, code, country, sector`,
    params,
  };
}

export interface ActorLabel {
  name: string;
  code: string | null;
  country: string | null;
  sector: string | null;
}

/** The most frequent name of each group, and its most frequent non-null country and sector (ties: the smaller value). */
export function actorLabels(rows: readonly DbRow[]): Map<string, ActorLabel> {
  const tallies = new Map<string, { name: Map<string, number>; country: Map<string, number>; sector: Map<string, number>; code: string | null }>();
  const bump = (m: Map<string, number>, k: unknown, n: number): void => {
    if (k === null || k === undefined) return;
    m.set(String(k), (m.get(String(k)) ?? 0) + n);
  };
  for (const r of rows) {
    const id = str(r.id);
    let t = tallies.get(id);
    if (!t) tallies.set(id, (t = { name: new Map(), country: new Map(), sector: new Map(), code: null }));
    const n = num(r.n);
    bump(t.name, r.name, n);
    bump(t.country, r.country, n);
    bump(t.sector, r.sector, n);
    // A group keyed by a code is that code; a name group has none.
    if (!id.startsWith('name:')) t.code = id;
  }
  const best = (m: Map<string, number>): string | null => {
    let out: string | null = null;
    let top = -1;
    for (const [k, n] of m) if (n > top || (n === top && out !== null && k < out)) [out, top] = [k, n];
    return out;
  };
  const out = new Map<string, ActorLabel>();
  for (const [id, t] of tallies) out.set(id, { name: best(t.name) ?? id, code: t.code, country: best(t.country), sector: best(t.sector) });
  return out;
}

/**
 * Events between a and b (as EventQuery matches actors) by month, both directions.
 * Each direction is the events with one side as actor intersected with the events
 * with the other as recipient: four index lookups on participants (code prefix,
 * country or name), never a join of every actor row with its recipients. An event in
 * both directions counts once, flagged both ways; then it is joined to the events for
 * month, score and class.
 */
export function dyadSql(a: string, b: string, q: { since?: string; until?: string } | undefined, ph: Placeholder): Sql {
  const params = new SqlParams(ph);
  const side = (role: 'actor' | 'recipient', v: string): string =>
    `SELECT p.event_key FROM participants p WHERE p.role = '${role}' AND `
    + participantMatch({ code: 'p.code', country: 'p.country', name: 'p.name_lc' }, v, params);
  const flagged = `SELECT event_key, 1 AS ab, 0 AS ba FROM (${side('actor', a)} INTERSECT ${side('recipient', b)}) x `
    + `UNION ALL SELECT event_key, 0 AS ab, 1 AS ba FROM (${side('actor', b)} INTERSECT ${side('recipient', a)}) y`;
  const pairs = `SELECT f.event_key, max(f.ab) AS ab, max(f.ba) AS ba FROM (${flagged}) f GROUP BY f.event_key`;
  const conditions = eventConditions({ since: q?.since, until: q?.until }, params);
  conditions.push('e.month IS NOT NULL');
  const quad = (name: string): string => `sum(CASE WHEN e.quad = '${name}' THEN 1 ELSE 0 END)`;
  return {
    text: `WITH d AS MATERIALIZED (${pairs}) SELECT e.month AS month, count(*) AS events, sum(d.ab) AS a_to_b, sum(d.ba) AS b_to_a, `
      + `avg(e.score) AS mean_score, ${quad('verbal-cooperation')} AS vc, ${quad('material-cooperation')} AS mc, `
      + `${quad('verbal-conflict')} AS vk, ${quad('material-conflict')} AS mk `
      + `FROM d JOIN events e ON e.key = d.event_key ${where(conditions)} GROUP BY e.month ORDER BY e.month`,
    params,
  };
}

export function toDyadMonth(r: DbRow): DyadMonth {
  return {
    month: str(r.month),
    events: num(r.events),
    aToB: num(r.a_to_b),
    bToA: num(r.b_to_a),
    meanScore: numOrNull(r.mean_score),
    verbalCooperation: num(r.vc),
    materialCooperation: num(r.mc),
    verbalConflict: num(r.vk),
    materialConflict: num(r.mk),
  };
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Selected events by period and type; events without a date at the bucket's grain are left out. */
export function timelineSql(q: EventQuery | undefined, bucket: 'day' | 'month', ph: Placeholder): Sql {
  const params = new SqlParams(ph);
  const col = bucket === 'day' ? 'e.day' : 'e.month';
  const conditions = eventConditions(q, params);
  conditions.push(`${col} IS NOT NULL`);
  const join = articlesJoin(q);
  return {
    text: `SELECT ${col} AS period, e.type, count(*) AS n, sum(e.score) AS s FROM events e${join} ${where(conditions)} GROUP BY ${col}, e.type ORDER BY ${col}, e.type`,
    params,
  };
}

export function buildTimeline(rows: readonly DbRow[]): TimelineBucket[] {
  const out = new Map<string, TimelineBucket & { sum: number }>();
  for (const r of rows) {
    const period = str(r.period);
    let b = out.get(period);
    if (!b) out.set(period, (b = { period, events: 0, types: {}, meanScore: null, sum: 0 }));
    const n = num(r.n);
    b.events += n;
    b.sum += num(r.s);
    b.types[str(r.type) as PloverType] = n;
  }
  return [...out.values()]
    .map(({ sum, ...b }) => ({ ...b, meanScore: b.events ? sum / b.events : null }))
    .sort((x, y) => cmp(x.period, y.period));
}

/** Selected events with a place that has coordinates, by place and type. */
export function placesSql(q: EventQuery | undefined, ph: Placeholder): Sql {
  const params = new SqlParams(ph);
  const conditions = eventConditions(q, params);
  conditions.push('e.place_lat IS NOT NULL', 'e.place_lon IS NOT NULL');
  const join = articlesJoin(q);
  return {
    text: `SELECT e.place_name AS name, e.place_country AS country, e.place_lat AS lat, e.place_lon AS lon, e.type, count(*) AS n `
      + `FROM events e${join} ${where(conditions)} GROUP BY e.place_name, e.place_country, e.place_lat, e.place_lon, e.type`,
    params,
  };
}

/** One entry per (name, country, coordinates), busiest first, ties by name. */
export function buildPlaces(rows: readonly DbRow[]): PlaceCount[] {
  const out = new Map<string, PlaceCount>();
  for (const r of rows) {
    const name = str(r.name);
    const country = strOrNull(r.country);
    const lat = num(r.lat);
    const lon = num(r.lon);
    const k = JSON.stringify([name, country, lat, lon]);
    let p = out.get(k);
    if (!p) out.set(k, (p = { name, country, lat, lon, events: 0, types: {} }));
    const n = num(r.n);
    p.events += n;
    p.types[str(r.type) as PloverType] = n;
  }
  return [...out.values()].sort((x, y) => y.events - x.events || cmp(x.name, y.name) || cmp(x.country ?? '', y.country ?? '') || x.lat - y.lat || x.lon - y.lon);
}

export function clustersWhere(q: { type?: PloverType; minArticles?: number } | undefined, params: SqlParams): string {
  const c: string[] = [];
  if (q?.type !== undefined) {
    checkType(q.type);
    c.push(`type = ${params.add(q.type)}`);
  }
  if (q?.minArticles !== undefined) c.push(`articles >= ${params.add(q.minArticles)}`);
  return where(c);
}

export const CLUSTER_ORDER = 'ORDER BY articles DESC, mentions DESC, id';
