/**
 * The PostgreSQL store's writes: one article with its derived rows (src/store/rows.ts,
 * columns from src/store/sql/columns.ts, the same as SQLite's) in one statement, and the
 * corpus analysis replaced as a whole inside a transaction the caller opened.
 */
import type pg from 'pg';
import { deriveRows, type ArticleRows } from '../rows.js';
import { clusterBatches, conflictList, sameCluster } from '../sql/analysis.js';
import {
  ARTICLE_COLUMNS, CLUSTER_COLUMNS, CONFLICT_COLUMNS, ENTITY_COLUMNS, EVENT_COLUMNS, PARTICIPANT_COLUMNS, QUOTE_COLUMNS, rowValues, type ClusterRow,
} from '../sql/columns.js';
import { postgresPlaceholder, SqlParams } from '../sql/params.js';
import { str, toCluster, type DbRow } from '../sql/read.js';
import type { ArticleInput, CorpusAnalysis } from '../types.js';
import { foldDiacritics, searchVectorSql } from './search.js';

type Columns<T> = ReadonlyArray<readonly [string, (row: T) => unknown]>;

/** PostgreSQL binds at most 65535 parameters per statement; stay well under it. */
const MAX_PARAMS = 30_000;

/**
 * Insert many rows with multi-row VALUES statements: one round trip per table per
 * article instead of one per row. The row values come from the shared column lists.
 */
export async function insertRows<T>(client: pg.PoolClient, table: string, columns: Columns<T>, rows: readonly T[], onConflict = ''): Promise<void> {
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const names = columns.map(([c]) => c).join(', ');
  for (let i = 0; i < rows.length; i += perStatement) {
    const params = new SqlParams(postgresPlaceholder);
    const tuples = rows.slice(i, i + perStatement).map((row) => `(${params.list(rowValues(columns, row))})`);
    await client.query(`INSERT INTO ${table} (${names}) VALUES ${tuples.join(', ')}${onConflict && ' ' + onConflict}`, params.values);
  }
}

/** One article's actor-network rows (src/store/sql/network.ts), derived here rather than by its SQL. */
interface PairRow { event_key: string; source: string; target: string; type: string; score: number }
interface SideRow { event_key: string; actor_id: string; on_edge: 0 | 1 }

/**
 * The article's event_pairs and event_sides, as deriveNetworkSql would derive them from
 * its stored participants: per event, each distinct actor group → recipient group but
 * self-loops, and each distinct group on either side, on_edge when a pair names it.
 * Done in JavaScript because those statements, planned afresh for every article, cost
 * the server more CPU than all the article's other rows together; the SQL stays the
 * definition (the migration runs it over the whole store, and the SQLite driver per
 * article), and the conformance suite checks the two agree.
 */
export function deriveNetworkRows(rows: ArticleRows): { pairs: PairRow[]; sides: SideRow[] } {
  const pairs: PairRow[] = [];
  const sides: SideRow[] = [];
  const byEvent = new Map<string, { actors: string[]; recipients: string[] }>();
  for (const p of rows.participants) {
    if (p.role === 'source') continue;
    let e = byEvent.get(p.eventKey);
    if (!e) byEvent.set(p.eventKey, (e = { actors: [], recipients: [] }));
    (p.role === 'actor' ? e.actors : e.recipients).push(p.actorId);
  }
  for (const ev of rows.events) {
    const e = byEvent.get(ev.key);
    if (!e) continue;
    const onEdge = new Set<string>();
    const seen = new Set<string>();
    for (const source of new Set(e.actors)) {
      for (const target of new Set(e.recipients)) {
        if (source === target || seen.has(`${source}\u0000${target}`)) continue;
        seen.add(`${source}\u0000${target}`);
        pairs.push({ event_key: ev.key, source, target, type: ev.type, score: ev.score });
        onEdge.add(source).add(target);
      }
    }
    for (const actor of new Set([...e.actors, ...e.recipients])) sides.push({ event_key: ev.key, actor_id: actor, on_edge: onEdge.has(actor) ? 1 : 0 });
  }
  return { pairs, sides };
}

/** A table's rows as one JSON array of objects keyed by column name, for json_populate_recordset. */
function rowsJson<T>(columns: Columns<T>, rows: readonly T[]): string {
  return JSON.stringify(rows.map((row) => Object.fromEntries(columns.map(([c, value]) => [c, value(row)]))));
}

/** `INSERT … SELECT` of a JSON parameter's rows into `table`, typed by the table's own row type. */
function insertFromJson(table: string, columns: readonly string[], param: string): string {
  const names = columns.join(', ');
  return `INSERT INTO ${table} (${names}) SELECT ${names} FROM json_populate_recordset(NULL::${table}, ${param}::json) WHERE EXISTS (SELECT 1 FROM a)`;
}

const names = <T>(columns: Columns<T>): string[] => columns.map(([c]) => c);
const ARTICLE_PARAMS = ARTICLE_COLUMNS.length;

/**
 * One statement stores an article with all its rows. The article row goes first with ON
 * CONFLICT DO NOTHING, and every other insert happens only when it went in: when two
 * workers store the same key at once, the second waits for the first's transaction on
 * the primary key, then inserts nothing and returns false, leaving one copy. A single
 * statement is its own transaction, so there is no BEGIN/COMMIT round trip; its text is
 * the same for every article (the rows travel as JSON parameters), so it is prepared
 * once per connection and planned once, where per-article multi-row VALUES lists were
 * parsed and planned anew each time.
 */
export const PUT_ARTICLE_SQL = `WITH a AS (
  INSERT INTO articles (${names(ARTICLE_COLUMNS).join(', ')}, record, search)
  VALUES (${Array.from({ length: ARTICLE_PARAMS }, (_, i) => `$${i + 1}`).join(', ')}, $${ARTICLE_PARAMS + 1}::json,
          ${searchVectorSql(`$${ARTICLE_PARAMS + 2}::text`, `$${ARTICLE_PARAMS + 3}::text`)})
  ON CONFLICT (key) DO NOTHING
  RETURNING key),
ev AS (${insertFromJson('events', names(EVENT_COLUMNS), `$${ARTICLE_PARAMS + 4}`)}),
pa AS (${insertFromJson('participants', names(PARTICIPANT_COLUMNS), `$${ARTICLE_PARAMS + 5}`)}),
qu AS (${insertFromJson('quotes', names(QUOTE_COLUMNS), `$${ARTICLE_PARAMS + 6}`)}),
en AS (${insertFromJson('entities', names(ENTITY_COLUMNS), `$${ARTICLE_PARAMS + 7}`)}),
pr AS (${insertFromJson('event_pairs', ['event_key', 'source', 'target', 'type', 'score'], `$${ARTICLE_PARAMS + 8}`)}),
si AS (${insertFromJson('event_sides', ['event_key', 'actor_id', 'on_edge'], `$${ARTICLE_PARAMS + 9}`)})
SELECT count(*)::int AS inserted FROM a`;

/** The parameters of PUT_ARTICLE_SQL for one article. */
export function putArticleValues(input: ArticleInput): unknown[] {
  const rows = deriveRows(input, new Date().toISOString());
  const { pairs, sides } = deriveNetworkRows(rows);
  return [
    ...rowValues(ARTICLE_COLUMNS, rows.article),
    rows.article.recordJson,
    foldDiacritics(rows.article.title ?? ''),
    foldDiacritics(rows.article.text),
    rowsJson(EVENT_COLUMNS, rows.events),
    rowsJson(PARTICIPANT_COLUMNS, rows.participants),
    rowsJson(QUOTE_COLUMNS, rows.quotes),
    rowsJson(ENTITY_COLUMNS, rows.entities),
    JSON.stringify(pairs),
    JSON.stringify(sides),
  ];
}

/** Store one article (PUT_ARTICLE_SQL): true when it was new, false when the key was already stored. */
export async function putArticle(db: pg.Pool | pg.PoolClient, input: ArticleInput): Promise<boolean> {
  const r = await db.query<{ inserted: number }>({ name: 'newsgraph_put_article', text: PUT_ARTICLE_SQL, values: putArticleValues(input) });
  return (r.rows[0]?.inserted ?? 0) > 0;
}

const CLUSTER_UPSERT = `ON CONFLICT (id) DO UPDATE SET ${CLUSTER_COLUMNS.filter(([c]) => c !== 'id').map(([c]) => `${c} = EXCLUDED.${c}`).join(', ')}`;

/** Set one text column of rows given by key, from [key, value] pairs, in one statement. */
async function setByKey(client: pg.PoolClient, table: 'articles' | 'events', column: 'duplicate_of' | 'cluster', pairs: ReadonlyArray<readonly [string, string]>): Promise<void> {
  if (pairs.length === 0) return;
  await client.query(
    `UPDATE ${table} t SET ${column} = v.value FROM unnest($1::text[], $2::text[]) AS v(key, value) WHERE t.key = v.key`,
    [pairs.map(([k]) => k), pairs.map(([, v]) => v)],
  );
}

/** Replace the previous analysis: duplicates, clusters (and events' cluster ids), conflicts. */
export async function writeAnalysis(client: pg.PoolClient, analysis: CorpusAnalysis): Promise<void> {
  await client.query('UPDATE articles SET duplicate_of = NULL WHERE duplicate_of IS NOT NULL');
  await client.query('DELETE FROM conflicts');

  await setByKey(client, 'articles', 'duplicate_of', [...analysis.duplicates].filter(([key, of]) => of !== null && of !== undefined && of !== key));
  // Only clusters that differ from the stored ones are written, with their members'
  // cluster ids; a stored cluster left as it was keeps its members pointing at it.
  const kept = new Set<string>();
  // seq is the order of writing; the queries order clusters by their counts (CLUSTER_ORDER).
  let seq = 0;
  for await (const batch of clusterBatches(analysis)) {
    const ids = batch.map((c) => c.id);
    const stored = new Map((await client.query<DbRow>('SELECT * FROM clusters WHERE id = ANY($1::text[])', [ids])).rows.map((r) => [str(r.id), toCluster(r)]));
    const changed: ClusterRow[] = [];
    for (const c of batch) {
      kept.add(c.id);
      const old = stored.get(c.id);
      if (!old || !sameCluster(old, c)) changed.push({ ...c, seq: seq++ });
    }
    await insertRows(client, 'clusters', CLUSTER_COLUMNS, changed, CLUSTER_UPSERT);
    await setByKey(client, 'events', 'cluster', changed.flatMap((c) => c.events.map((event) => [event, c.id] as const)));
  }
  const gone = (await client.query<{ id: string }>('SELECT id FROM clusters')).rows.map((r) => r.id).filter((id) => !kept.has(id));
  if (gone.length > 0) {
    await client.query('DELETE FROM clusters WHERE id = ANY($1::text[])', [gone]);
    // Events of a cluster that is gone and not in any new one (none, unless stored while the analysis ran).
    await client.query('UPDATE events SET cluster = NULL WHERE cluster = ANY($1::text[])', [gone]);
  }
  await insertRows(client, 'conflicts', CONFLICT_COLUMNS, conflictList(analysis).map((c, seq) => ({ ...c, seq })));
}
