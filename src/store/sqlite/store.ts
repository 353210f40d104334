/**
 * The SQLite store (better-sqlite3): one file, WAL journal, one IMMEDIATE transaction
 * per written article. The queries are the shared ones in src/store/sql/; what is
 * SQLite's own here is the full-text search (FTS5) and the statement handling.
 * better-sqlite3 is synchronous: the async methods only fit the Store contract.
 */
import type Database from 'better-sqlite3';
import type { PloverType } from '../../core/record.js';
import { deriveRows } from '../rows.js';
import {
  ARTICLE_COLUMNS, CLUSTER_COLUMNS, CONFLICT_COLUMNS, ENTITY_COLUMNS, EVENT_COLUMNS, PARTICIPANT_COLUMNS, QUOTE_COLUMNS, RECORD_COLUMNS, insertSql, rowValues,
} from '../sql/columns.js';
import { clusterBatches, conflictList } from '../sql/analysis.js';
import { decodeCursor, nextCursor } from '../sql/cursor.js';
import { buildNetwork, deriveNetworkSql, networkEdgesSql, networkLabelsSql, networkNodesSql } from '../sql/network.js';
import { paging, sqlitePlaceholder as ph, SqlParams } from '../sql/params.js';
import {
  actorArticlesSql, actorLabels, actorNamesSql, actorsCountSql, actorsPageSql, articlePosition, articlesCountSql, articlesPageSql,
  buildPlaces, buildTimeline, CLUSTER_ORDER, clustersWhere, dyadSql, eventByKeySql, eventPosition, eventsCountSql, eventsPageSql, participantsOfSql, placesSql, quotesCountSql, quotesPageSql, timelineSql, toDyadMonth, type Sql,
} from '../sql/queries.js';
import {
  ARTICLE_SUMMARY_COLUMNS, CLUSTER_TYPES_SQL, clusterEventsSql, clusterSidesSql, groupParticipants, num, STATS_SQL, str, strOrNull, toArticleSummary,
  toCluster, toClusterInput, toConflict, toEventRow, toQuoteRow, toStats, type DbRow,
} from '../sql/read.js';
import { searchWords } from '../sql/search-words.js';
import type {
  ActorQuery, ActorRow, ArticleInput, ArticleKey, ArticleQuery, ArticleSummary, ClusterInputEvent, CorpusAnalysis, CorpusConflict,
  DyadMonth, EventCluster, EventQuery, EventRow, Network, Page, PageQuery, PlaceCount, QuoteQuery, QuoteRow, SearchHit, Store,
  StoreStats, StoredArticle, TimelineBucket,
} from '../types.js';
import { storeError } from './errors.js';
import { migrate, readSchemaVersion } from './migrate.js';

/** Keys per IN list: well under SQLite's parameter limit. */
const CHUNK = 500;
const DEFAULT_NETWORK_NODES = 100;
const MAX_CACHED_STATEMENTS = 256;

function chunks<T>(xs: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/** The words of a search as an FTS5 query: each a quoted string, all required. */
function ftsQuery(text: string): string | null {
  const words = searchWords(text);
  return words.length ? words.map((w) => `"${w}"`).join(' ') : null;
}

/** The analysis stages its clusters in temp.next_clusters, with the columns of clusters. */
const STAGED_COLUMNS = CLUSTER_COLUMNS.map(([c]) => c);
/** What a cluster is compared by: everything but its id and its place in the writing. */
const VALUE_COLUMNS = STAGED_COLUMNS.filter((c) => c !== 'id' && c !== 'seq');

/**
 * Apply the staged clusters, inside writeAnalysis's transaction: only those that differ
 * from the stored cluster of their id are written, with their members' cluster ids (a
 * stored cluster left as it was keeps its members pointing at it; rewriting every
 * event's cluster id was most of the write); stored clusters that are gone are deleted,
 * and an event still pointing at one is cleared. JSON columns compare as text: this
 * driver writes them all with JSON.stringify.
 */
const APPLY_CLUSTERS_SQL = [
  `CREATE TEMP TABLE changed_clusters AS SELECT n.id FROM temp.next_clusters n LEFT JOIN clusters c ON c.id = n.id
     WHERE c.id IS NULL OR ${VALUE_COLUMNS.map((col) => `c.${col} IS NOT n.${col}`).join(' OR ')}`,
  `INSERT INTO clusters (${STAGED_COLUMNS.join(', ')})
     SELECT ${STAGED_COLUMNS.map((col) => `n.${col}`).join(', ')} FROM temp.next_clusters n WHERE n.id IN (SELECT id FROM temp.changed_clusters)
     ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, ${VALUE_COLUMNS.map((col) => `${col} = excluded.${col}`).join(', ')}`,
  `UPDATE events SET cluster = m.id FROM (SELECT n.id, j.value AS event FROM temp.next_clusters n JOIN temp.changed_clusters USING (id), json_each(n.events) j) m
     WHERE events.key = m.event`,
  'CREATE TEMP TABLE gone_clusters AS SELECT id FROM clusters WHERE id NOT IN (SELECT id FROM temp.next_clusters)',
  'DELETE FROM clusters WHERE id IN (SELECT id FROM temp.gone_clusters)',
  'UPDATE events SET cluster = NULL WHERE cluster IN (SELECT id FROM temp.gone_clusters)',
];

export class SqliteStore implements Store {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database, readonly location: string) {}

  /** Run `fn`, turning SQLite failures into E_STORE / E_STORE_BUSY naming the file. */
  private run<T>(doing: string, fn: () => T): Promise<T> {
    try {
      return Promise.resolve(fn());
    } catch (e) {
      return Promise.reject(storeError(e, this.location, doing));
    }
  }

  private stmt(text: string): Database.Statement {
    let s = this.statements.get(text);
    if (!s) {
      // Paging values and IN-list lengths are part of the text: keep the cache bounded.
      if (this.statements.size >= MAX_CACHED_STATEMENTS) this.statements.clear();
      this.statements.set(text, (s = this.db.prepare(text)));
    }
    return s;
  }

  private all(sql: Sql): DbRow[] {
    return this.stmt(sql.text).all(sql.params.named()) as DbRow[];
  }

  private one(sql: Sql): DbRow | undefined {
    return this.stmt(sql.text).get(sql.params.named()) as DbRow | undefined;
  }

  private count(sql: Sql): number {
    return num(this.one(sql)?.n ?? 0);
  }

  migrate(): Promise<void> {
    return this.run('migrating the schema', () => migrate(this.db, this.location));
  }

  schemaVersion(): Promise<number> {
    return this.run('reading the schema version', () => readSchemaVersion(this.db));
  }

  existingKeys(keys: readonly ArticleKey[]): Promise<Set<ArticleKey>> {
    return this.run('looking up article keys', () => {
      const found = new Set<ArticleKey>();
      for (const part of chunks([...new Set(keys)])) {
        const params = new SqlParams(ph);
        const rows = this.all({ text: `SELECT key FROM articles WHERE key IN (${params.list(part)})`, params });
        for (const r of rows) found.add(str(r.key));
      }
      return found;
    });
  }

  putArticle(input: ArticleInput): Promise<boolean> {
    return this.run(`storing article ${input.key}`, () => {
      // Derive outside the transaction: the write lock is held only for the inserts.
      const rows = deriveRows(input, new Date().toISOString());
      const positional = (): string => '?';
      const write = this.db.transaction((): boolean => {
        const info = this.stmt(`${insertSql('articles', ARTICLE_COLUMNS, positional)} ON CONFLICT (key) DO NOTHING`).run(rowValues(ARTICLE_COLUMNS, rows.article));
        if (info.changes === 0) return false;
        this.stmt(insertSql('records', RECORD_COLUMNS, positional)).run(rowValues(RECORD_COLUMNS, rows.article));
        const entity = this.stmt(insertSql('entities', ENTITY_COLUMNS, positional));
        for (const r of rows.entities) entity.run(rowValues(ENTITY_COLUMNS, r));
        const event = this.stmt(insertSql('events', EVENT_COLUMNS, positional));
        for (const r of rows.events) event.run(rowValues(EVENT_COLUMNS, r));
        const participant = this.stmt(insertSql('participants', PARTICIPANT_COLUMNS, positional));
        for (const r of rows.participants) participant.run(rowValues(PARTICIPANT_COLUMNS, r));
        for (const text of deriveNetworkSql('?')) this.stmt(text).run(input.key);
        const quote = this.stmt(insertSql('quotes', QUOTE_COLUMNS, positional));
        for (const r of rows.quotes) quote.run(rowValues(QUOTE_COLUMNS, r));
        this.stmt('INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)').run(info.lastInsertRowid, rows.article.title ?? '', rows.article.text);
        return true;
      });
      return write.immediate();
    });
  }

  getArticle(key: ArticleKey): Promise<StoredArticle | null> {
    return this.run(`reading article ${key}`, () => {
      const r = this.stmt(`SELECT ${ARTICLE_SUMMARY_COLUMNS}, a.simhash, r.json FROM articles a JOIN records r ON r.article_key = a.key WHERE a.key = ?`).get(key) as DbRow | undefined;
      if (!r) return null;
      return { ...toArticleSummary(r), simhash: str(r.simhash), record: JSON.parse(str(r.json)) as StoredArticle['record'] };
    });
  }

  listArticles(query?: ArticleQuery): Promise<Page<ArticleSummary>> {
    return this.run('listing articles', () => {
      const { limit, offset } = paging(query);
      const after = query?.after === undefined ? undefined : decodeCursor(query.after);
      const rows = this.all(articlesPageSql(query, limit, offset, ph, after));
      const total = after ? -1 : this.count(articlesCountSql(query, ph));
      return { items: rows.map(toArticleSummary), total, limit, offset, next: nextCursor(rows, limit, articlePosition) };
    });
  }

  articleFingerprints(): Promise<Array<{ key: ArticleKey; simhash: string; publisher: string | null; published: string | null; ingestedAt: string }>> {
    return this.run('reading article fingerprints', () =>
      (this.stmt('SELECT key, simhash, publisher, published, ingested_at FROM articles ORDER BY key').all() as DbRow[]).map((r) => ({
        key: str(r.key), simhash: str(r.simhash), publisher: strOrNull(r.publisher), published: strOrNull(r.published), ingestedAt: str(r.ingested_at),
      })));
  }

  private hydrateEvents(rows: readonly DbRow[]): EventRow[] {
    const keys = rows.map((r) => str(r.key));
    const parts: DbRow[] = [];
    for (const part of chunks(keys)) parts.push(...this.all(participantsOfSql(part, ph)));
    const grouped = groupParticipants(parts);
    return rows.map((r) => toEventRow(r, grouped));
  }

  events(query?: EventQuery): Promise<Page<EventRow>> {
    return this.run('querying events', () => {
      const { limit, offset } = paging(query);
      const after = query?.after === undefined ? undefined : decodeCursor(query.after);
      const rows = this.all(eventsPageSql(query, limit, offset, ph, after));
      const total = after ? -1 : this.count(eventsCountSql(query, ph));
      return { items: this.hydrateEvents(rows), total, limit, offset, next: nextCursor(rows, limit, eventPosition) };
    });
  }

  getEvent(key: string): Promise<EventRow | null> {
    return this.run(`reading event ${key}`, () => {
      const r = this.one(eventByKeySql(key, ph));
      return r ? (this.hydrateEvents([r])[0] ?? null) : null;
    });
  }

  quotes(query?: QuoteQuery): Promise<Page<QuoteRow>> {
    return this.run('querying quotes', () => {
      const { limit, offset } = paging(query);
      return { items: this.all(quotesPageSql(query, limit, offset, ph)).map(toQuoteRow), total: this.count(quotesCountSql(query, ph)), limit, offset };
    });
  }

  actors(query?: ActorQuery): Promise<Page<ActorRow>> {
    return this.run('querying actors', () => {
      const { limit, offset } = paging(query);
      const groups = this.all(actorsPageSql(query, limit, offset, ph));
      const ids = groups.map((g) => str(g.id));
      const labels = actorLabels(ids.length ? this.all(actorNamesSql(ids, ph)) : []);
      const articles = new Map((ids.length ? this.all(actorArticlesSql(ids, ph)) : []).map((r) => [str(r.id), num(r.n)]));
      const items = groups.map((g): ActorRow => {
        const id = str(g.id);
        const l = labels.get(id);
        return {
          id, name: l?.name ?? id, code: l?.code ?? null, country: l?.country ?? null, sector: l?.sector ?? null,
          asActor: num(g.as_actor), asRecipient: num(g.as_recipient), articles: articles.get(id) ?? 0,
        };
      });
      return { items, total: this.count(actorsCountSql(query, ph)), limit, offset };
    });
  }

  dyad(a: string, b: string, query?: { since?: string; until?: string }): Promise<DyadMonth[]> {
    return this.run(`querying the dyad ${a}–${b}`, () => this.all(dyadSql(a, b, query, ph)).map(toDyadMonth));
  }

  network(query?: EventQuery): Promise<Network> {
    return this.run('building the actor network', () => {
      const nodes = this.all(networkNodesSql(query, paging(query, DEFAULT_NETWORK_NODES).limit, ph));
      if (nodes.length === 0) return { nodes: [], edges: [] };
      const ids = nodes.map((n) => str(n.id));
      return buildNetwork(nodes, this.all(networkLabelsSql(query, ids, ph)), this.all(networkEdgesSql(query, ids, ph)));
    });
  }

  timeline(query?: EventQuery & { bucket?: 'day' | 'month' }): Promise<TimelineBucket[]> {
    return this.run('building the timeline', () => buildTimeline(this.all(timelineSql(query, query?.bucket ?? 'month', ph))));
  }

  places(query?: EventQuery): Promise<PlaceCount[]> {
    return this.run('counting events by place', () => buildPlaces(this.all(placesSql(query, ph))));
  }

  search(text: string, query?: PageQuery): Promise<Page<SearchHit>> {
    return this.run('searching the text', () => {
      const { limit, offset } = paging(query);
      const match = ftsQuery(text);
      if (match === null) return { items: [], total: 0, limit, offset };
      // bm25 is lower-is-better; rank is reported higher-is-better. Title words weigh double.
      const rows = this.stmt(
        `SELECT ${ARTICLE_SUMMARY_COLUMNS}, snippet(articles_fts, -1, '«', '»', '…', 16) AS snippet, bm25(articles_fts, 2.0, 1.0) AS bm25 `
        + `FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ? ORDER BY bm25, a.key LIMIT ? OFFSET ?`,
      ).all(match, limit, offset) as DbRow[];
      const total = num((this.stmt('SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH ?').get(match) as DbRow).n);
      return { items: rows.map((r) => ({ article: toArticleSummary(r), snippet: str(r.snippet), rank: -num(r.bm25) })), total, limit, offset };
    });
  }

  clusterTypes(): Promise<PloverType[]> {
    return this.run('reading event types for the corpus analysis', () =>
      (this.stmt(CLUSTER_TYPES_SQL).all() as DbRow[]).map((r) => str(r.type) as PloverType));
  }

  clusterInput(type?: PloverType): Promise<ClusterInputEvent[]> {
    return this.run('reading events for the corpus analysis', () => {
      const typed = type !== undefined;
      const args = typed ? [type] : [];
      return toClusterInput(this.stmt(clusterSidesSql(typed, '?')).all(...args) as DbRow[], this.stmt(clusterEventsSql(typed, '?')).all(...args) as DbRow[]);
    });
  }

  async writeAnalysis(analysis: CorpusAnalysis): Promise<void> {
    const doing = 'writing the corpus analysis';
    // The clusters go to a temporary table as they arrive, which locks nothing in the
    // store; one IMMEDIATE transaction at the end applies what changed, so other writers
    // wait only for that, and readers (WAL) see the previous analysis until it commits.
    await this.run(doing, () => {
      this.db.exec('DROP TABLE IF EXISTS temp.next_clusters');
      this.db.exec(`CREATE TEMP TABLE next_clusters (${STAGED_COLUMNS.map((c) => (c === 'id' ? 'id TEXT PRIMARY KEY' : c)).join(', ')})`);
    });
    try {
      // Prepared afresh, not cached: the table is dropped after every analysis.
      const put = this.db.prepare(insertSql('temp.next_clusters', CLUSTER_COLUMNS, () => '?'));
      // seq is the order of writing; the queries order clusters by their counts (CLUSTER_ORDER).
      let seq = 0;
      const putBatch = this.db.transaction((batch: readonly EventCluster[]) => {
        for (const c of batch) put.run(rowValues(CLUSTER_COLUMNS, { ...c, seq: seq++ }));
      });
      for await (const batch of clusterBatches(analysis)) await this.run(doing, () => putBatch(batch));
      const conflicts = conflictList(analysis);
      await this.run(doing, () => {
        const apply = this.db.transaction(() => {
          this.db.exec('UPDATE articles SET duplicate_of = NULL WHERE duplicate_of IS NOT NULL');
          const dup = this.stmt('UPDATE articles SET duplicate_of = ? WHERE key = ?');
          for (const [key, of] of analysis.duplicates) if (of && of !== key) dup.run(of, key);
          for (const sql of APPLY_CLUSTERS_SQL) this.db.exec(sql);
          this.db.exec('DELETE FROM conflicts');
          const conflict = this.stmt(insertSql('conflicts', CONFLICT_COLUMNS, () => '?'));
          conflicts.forEach((c, i) => conflict.run(rowValues(CONFLICT_COLUMNS, { ...c, seq: i })));
        });
        apply.immediate();
      });
    } finally {
      this.db.exec('DROP TABLE IF EXISTS temp.next_clusters; DROP TABLE IF EXISTS temp.changed_clusters; DROP TABLE IF EXISTS temp.gone_clusters');
    }
  }

  clusters(query?: PageQuery & { type?: PloverType; minArticles?: number }): Promise<Page<EventCluster>> {
    return this.run('listing event clusters', () => {
      const { limit, offset } = paging(query);
      const params = new SqlParams(ph);
      const w = clustersWhere(query, params);
      const items = this.all({ text: `SELECT * FROM clusters ${w} ${CLUSTER_ORDER} LIMIT ${limit} OFFSET ${offset}`, params }).map(toCluster);
      return { items, total: this.count({ text: `SELECT count(*) AS n FROM clusters ${w}`, params }), limit, offset };
    });
  }

  corpusConflicts(query?: PageQuery): Promise<Page<CorpusConflict>> {
    return this.run('listing corpus conflicts', () => {
      const { limit, offset } = paging(query);
      const items = (this.stmt(`SELECT * FROM conflicts ORDER BY seq LIMIT ${limit} OFFSET ${offset}`).all() as DbRow[]).map(toConflict);
      return { items, total: num((this.stmt('SELECT count(*) AS n FROM conflicts').get() as DbRow).n), limit, offset };
    });
  }

  stats(): Promise<StoreStats> {
    return this.run('counting the store', () => toStats(this.stmt(STATS_SQL).get() as DbRow, readSchemaVersion(this.db)));
  }

  close(): Promise<void> {
    return this.run('closing', () => {
      if (!this.db.open) return;
      // Refresh the planner's statistics where the data changed enough (cheap when not).
      this.db.pragma('optimize');
      this.db.close();
    });
  }
}
