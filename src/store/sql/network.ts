/**
 * The actor network (Store.network) from two tables derived from the participants,
 * shared by both drivers:
 *   event_pairs  one row per (event, actor group → recipient group), self-loops left
 *                out, with the event's type and score: the edges;
 *   event_sides  one row per (event, actor group on its actor or recipient side), with
 *                on_edge = 1 when the event pairs that group with another: the nodes.
 * They are written with the article (putArticle runs DERIVE_NETWORK_SQL for its events)
 * and filled from the participants by the migration that added them, so they are as
 * derived as the participants. The network is then three grouped queries: the busiest
 * groups on an edge, their names, the edges among them. Without filters the queries read
 * only these tables' indexes; with filters, the selected events are materialised first
 * and drive the lookups.
 */
import type { PloverType } from '../../core/record.js';
import type { EventQuery, Network, NetworkEdge, NetworkNode } from '../types.js';
import { eventConditions, where } from './filters.js';
import { SqlParams, type Placeholder } from './params.js';
import { actorLabels, articlesJoin, cmp, type Sql } from './queries.js';
import { num, str, type DbRow } from './read.js';

/**
 * Statements deriving one article's pairs and sides from its participants (run after
 * they are inserted, in the same transaction); `articleKey` is the placeholder of the
 * article's key. With articleKey null they derive the whole store (migrations).
 */
export function deriveNetworkSql(articleKey: string | null): string[] {
  const scope = articleKey === null ? [] : [`e.article_key = ${articleKey}`];
  return [
    'INSERT INTO event_pairs (event_key, source, target, type, score) '
      + 'SELECT DISTINCT pa.event_key, pa.actor_id, pr.actor_id, e.type, e.score FROM events e '
      + "JOIN participants pa ON pa.event_key = e.key AND pa.role = 'actor' "
      + "JOIN participants pr ON pr.event_key = e.key AND pr.role = 'recipient' "
      + where(['pa.actor_id <> pr.actor_id', ...scope]),
    'INSERT INTO event_sides (event_key, actor_id, on_edge) '
      + 'SELECT s.event_key, s.actor_id, CASE WHEN EXISTS (SELECT 1 FROM event_pairs x WHERE x.event_key = s.event_key '
      + 'AND (x.source = s.actor_id OR x.target = s.actor_id)) THEN 1 ELSE 0 END '
      + 'FROM (SELECT DISTINCT p.event_key, p.actor_id FROM events e '
      + `JOIN participants p ON p.event_key = e.key AND p.role IN ('actor', 'recipient') ${where(scope)}) s`,
  ];
}

/**
 * The selected events as a CTE when the query filters them, else null (the whole
 * store). CROSS JOIN after it keeps SQLite from reordering: the selection drives.
 */
function selection(q: EventQuery | undefined, params: SqlParams): string | null {
  const conditions = eventConditions(q, params);
  // In key order, so the lookups that follow walk the tables' key-ordered B-trees in order.
  return conditions.length ? `WITH sel AS MATERIALIZED (SELECT e.key FROM events e${articlesJoin(q)} ${where(conditions)} ORDER BY e.key) ` : null;
}

/** `FROM <table> <alias>` over the selected events' rows, and the WHERE conditions to add. */
function over(sel: string | null, table: string, alias: string): { from: string; conditions: string[] } {
  return sel === null
    ? { from: `FROM ${table} ${alias}`, conditions: [] }
    : { from: `FROM sel CROSS JOIN ${table} ${alias}`, conditions: [`${alias}.event_key = sel.key`] };
}

/**
 * The busiest `limit` actor groups on an edge among the selected events: distinct
 * events as actor or recipient, ties by id. A group that only ever acts on itself (or
 * has no counterpart) is no node.
 */
export function networkNodesSql(q: EventQuery | undefined, limit: number, ph: Placeholder): Sql {
  const params = new SqlParams(ph);
  const sel = selection(q, params);
  const { from, conditions } = over(sel, 'event_sides', 's');
  return {
    text: `${sel ?? ''}SELECT s.actor_id AS id, count(*) AS events ${from} ${where(conditions)} `
      + `GROUP BY s.actor_id HAVING max(s.on_edge) = 1 ORDER BY count(*) DESC, s.actor_id LIMIT ${limit}`,
    params,
  };
}

/** How often each (name, country) names each kept group among the selected events' actor and recipient rows. */
export function networkLabelsSql(q: EventQuery | undefined, ids: readonly string[], ph: Placeholder): Sql {
  const params = new SqlParams(ph);
  const sel = selection(q, params);
  const { from, conditions } = over(sel, 'participants', 'p');
  // Over a selection, `p.actor_id || ''` keeps SQLite from looking the ids up in
  // participants_actor once per selected event (ids × events); the events drive instead.
  conditions.push(`${sel === null ? 'p.actor_id' : "p.actor_id || ''"} IN (${params.list(ids)})`, "p.role IN ('actor', 'recipient')");
  return {
    text: `${sel ?? ''}SELECT p.actor_id AS id, p.name, p.country, count(*) AS n ${from} ${where(conditions)} GROUP BY p.actor_id, p.name, p.country`,
    params,
  };
}

/** Edges among the kept groups by type: events and summed score per (source, target, type). */
export function networkEdgesSql(q: EventQuery | undefined, ids: readonly string[], ph: Placeholder): Sql {
  const params = new SqlParams(ph);
  const sel = selection(q, params);
  const { from, conditions } = over(sel, 'event_pairs', 'x');
  const kept = params.list(ids);
  // As in networkLabelsSql: over a selection, the events drive, not the ids.
  const [source, target] = sel === null ? ['x.source', 'x.target'] : ["x.source || ''", "x.target || ''"];
  conditions.push(`${source} IN (${kept})`, `${target} IN (${kept})`);
  return {
    text: `${sel ?? ''}SELECT x.source, x.target, x.type, count(*) AS n, sum(x.score) AS s ${from} ${where(conditions)} GROUP BY x.source, x.target, x.type`,
    params,
  };
}

/**
 * The network from networkNodesSql's rows (busiest first), the label tallies and the
 * edges by type. A node is named by its most frequent name and country among the
 * participant rows (actorLabels); edges are busiest first, ties by source and target.
 */
export function buildNetwork(nodeRows: readonly DbRow[], labelRows: readonly DbRow[], edgeRows: readonly DbRow[]): Network {
  const named = actorLabels(labelRows.map((r) => ({ ...r, code: null, sector: null })));
  const nodes: NetworkNode[] = nodeRows.map((r) => {
    const id = str(r.id);
    const l = named.get(id);
    return { id, name: l?.name ?? id, code: id.startsWith('name:') ? null : id, country: l?.country ?? null, events: num(r.events) };
  });
  const pairs = new Map<string, { source: string; target: string; count: number; sum: number; types: Partial<Record<PloverType, number>> }>();
  // Summed in one fixed order (by type) so both drivers give the same mean to the last bit.
  const sorted = [...edgeRows].sort((x, y) => cmp(str(x.source), str(y.source)) || cmp(str(x.target), str(y.target)) || cmp(str(x.type), str(y.type)));
  for (const r of sorted) {
    const source = str(r.source);
    const target = str(r.target);
    const k = `${source}\u0000${target}`;
    let p = pairs.get(k);
    if (!p) pairs.set(k, (p = { source, target, count: 0, sum: 0, types: {} }));
    const n = num(r.n);
    p.count += n;
    p.sum += num(r.s);
    p.types[str(r.type) as PloverType] = n;
  }
  const edges: NetworkEdge[] = [...pairs.values()]
    .map((p) => ({ source: p.source, target: p.target, count: p.count, score: p.sum / p.count, types: p.types }))
    .sort((x, y) => y.count - x.count || cmp(x.source, y.source) || cmp(x.target, y.target));
  return { nodes, edges };
}
