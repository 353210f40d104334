/**
 * The PostgreSQL store's writes: one article with its derived rows (src/store/rows.ts,
 * columns from src/store/sql/columns.ts, the same as SQLite's), and the corpus analysis
 * replaced as a whole. Both run inside a transaction the caller opened.
 */
import type pg from 'pg';
import { deriveRows } from '../rows.js';
import { ENTITY_COLUMNS, EVENT_COLUMNS, PARTICIPANT_COLUMNS, QUOTE_COLUMNS, ARTICLE_COLUMNS, rowValues } from '../sql/columns.js';
import { deriveNetworkSql } from '../sql/network.js';
import { postgresPlaceholder, SqlParams } from '../sql/params.js';
import type { ArticleInput, CorpusAnalysis } from '../types.js';
import { foldDiacritics, searchVectorSql } from './search.js';

type Columns<T> = ReadonlyArray<readonly [string, (row: T) => unknown]>;

/** PostgreSQL binds at most 65535 parameters per statement; stay well under it. */
const MAX_PARAMS = 30_000;

/**
 * Insert many rows with multi-row VALUES statements: one round trip per table per
 * article instead of one per row. The row values come from the shared column lists.
 */
export async function insertRows<T>(client: pg.PoolClient, table: string, columns: Columns<T>, rows: readonly T[]): Promise<void> {
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const names = columns.map(([c]) => c).join(', ');
  for (let i = 0; i < rows.length; i += perStatement) {
    const params = new SqlParams(postgresPlaceholder);
    const tuples = rows.slice(i, i + perStatement).map((row) => `(${params.list(rowValues(columns, row))})`);
    await client.query(`INSERT INTO ${table} (${names}) VALUES ${tuples.join(', ')}`, params.values);
  }
}

/**
 * Store one article. The article row goes first with ON CONFLICT DO NOTHING: when two
 * workers store the same key at once, the second waits for the first's transaction on
 * the primary key, then inserts nothing and returns false, leaving one copy.
 */
export async function putArticle(client: pg.PoolClient, input: ArticleInput): Promise<boolean> {
  const rows = deriveRows(input, new Date().toISOString());
  const params = new SqlParams(postgresPlaceholder);
  const values = params.list(rowValues(ARTICLE_COLUMNS, rows.article));
  const record = params.add(rows.article.recordJson);
  const search = searchVectorSql(params.add(foldDiacritics(rows.article.title ?? '')), params.add(foldDiacritics(rows.article.text)));
  const inserted = await client.query(
    `INSERT INTO articles (${ARTICLE_COLUMNS.map(([c]) => c).join(', ')}, record, search)
     VALUES (${values}, ${record}, ${search})
     ON CONFLICT (key) DO NOTHING
     RETURNING key`,
    params.values,
  );
  if (inserted.rowCount === 0) return false;
  await insertRows(client, 'events', EVENT_COLUMNS, rows.events);
  await insertRows(client, 'participants', PARTICIPANT_COLUMNS, rows.participants);
  for (const text of deriveNetworkSql('$1')) await client.query(text, [input.key]);
  await insertRows(client, 'quotes', QUOTE_COLUMNS, rows.quotes);
  await insertRows(client, 'entities', ENTITY_COLUMNS, rows.entities);
  return true;
}

type ClusterRow = CorpusAnalysis['clusters'][number] & { seq: number };
type ConflictRow = CorpusAnalysis['conflicts'][number] & { seq: number };

const json = (v: unknown): string => JSON.stringify(v);

const CLUSTER_COLUMNS: Columns<ClusterRow> = [
  ['id', (c) => c.id],
  ['seq', (c) => c.seq],
  ['type', (c) => c.type],
  ['actors', (c) => json(c.actors)],
  ['recipients', (c) => json(c.recipients)],
  ['first_date', (c) => c.firstDate],
  ['last_date', (c) => c.lastDate],
  ['place', (c) => c.place],
  ['mentions', (c) => c.mentions],
  ['articles', (c) => c.articles],
  ['sources', (c) => c.sources],
  ['events', (c) => json(c.events)],
];

const CONFLICT_COLUMNS: Columns<ConflictRow> = [
  ['seq', (c) => c.seq],
  ['cluster', (c) => c.cluster],
  ['kind', (c) => c.kind],
  ['events', (c) => json(c.events)],
  ['note', (c) => c.note],
];

/** Replace the previous analysis: duplicates, clusters (and events' cluster ids), conflicts. */
export async function writeAnalysis(client: pg.PoolClient, analysis: CorpusAnalysis): Promise<void> {
  await client.query('UPDATE articles SET duplicate_of = NULL WHERE duplicate_of IS NOT NULL');
  await client.query('UPDATE events SET cluster = NULL WHERE cluster IS NOT NULL');
  await client.query('DELETE FROM conflicts');
  await client.query('DELETE FROM clusters');

  const duplicates = [...analysis.duplicates].filter(([key, of]) => of !== null && of !== undefined && of !== key);
  if (duplicates.length > 0) {
    await client.query(
      `UPDATE articles a SET duplicate_of = d.of
         FROM unnest($1::text[], $2::text[]) AS d(key, of)
        WHERE a.key = d.key`,
      [duplicates.map(([k]) => k), duplicates.map(([, of]) => of)],
    );
  }
  const clusters = analysis.clusters.map((c, seq) => ({ ...c, seq }));
  await insertRows(client, 'clusters', CLUSTER_COLUMNS, clusters);
  const members = clusters.flatMap((c) => c.events.map((event) => [event, c.id] as const));
  if (members.length > 0) {
    await client.query(
      `UPDATE events e SET cluster = m.cluster
         FROM unnest($1::text[], $2::text[]) AS m(event, cluster)
        WHERE e.key = m.event`,
      [members.map(([e]) => e), members.map(([, c]) => c)],
    );
  }
  await insertRows(client, 'conflicts', CONFLICT_COLUMNS, analysis.conflicts.map((c, seq) => ({ ...c, seq })));
}
