/**
 * The PostgreSQL store (pg Pool). The queries are the shared ones in src/store/sql/,
 * run with $n placeholders; what is PostgreSQL's own here is the full-text search
 * (tsvector, ts_headline), the transactions, and turning every server or network
 * failure into E_STORE naming the URL.
 */
import type pg from 'pg';
import type { PloverType } from '../../core/record.js';
import { decodeCursor, nextCursor } from '../sql/cursor.js';
import { buildNetwork, networkEdgesSql, networkLabelsSql, networkNodesSql } from '../sql/network.js';
import { paging, postgresPlaceholder as ph, SqlParams } from '../sql/params.js';
import {
  actorArticlesSql, actorLabels, actorNamesSql, actorsCountSql, actorsPageSql, articlePosition, articlesCountSql, articlesPageSql,
  buildPlaces, buildTimeline, CLUSTER_ORDER, clustersWhere, dyadSql, eventByKeySql, eventPosition, eventsCountSql, eventsPageSql,
  participantsOfSql, placesSql, quotesCountSql, quotesPageSql, timelineSql, toDyadMonth, type Sql,
} from '../sql/queries.js';
import {
  ARTICLE_SUMMARY_COLUMNS, CLUSTER_TYPES_SQL, clusterEventsSql, clusterSidesSql, groupParticipants, num, STATS_SQL, str, strOrNull, toArticleSummary,
  toCluster, toClusterInput, toConflict, toEventRow, toQuoteRow, toStats, type DbRow,
} from '../sql/read.js';
import type {
  ActorQuery, ActorRow, ArticleInput, ArticleKey, ArticleQuery, ArticleSummary, ClusterInputEvent, CorpusAnalysis, CorpusConflict,
  DyadMonth, EventCluster, EventQuery, EventRow, Network, Page, PageQuery, PlaceCount, QuoteQuery, QuoteRow, SearchHit, Store,
  StoreStats, StoredArticle, TimelineBucket,
} from '../types.js';
import { inTransaction, storeError, type PgTarget } from './connection.js';
import { migrate, readSchemaVersion } from './migrate.js';
import { JobQueue, type JobQueueOptions } from './queue.js';
import { HEADLINE_OPTIONS, SEARCH_CONFIG, searchQueryText } from './search.js';
import { putArticle, writeAnalysis } from './write.js';

/** Keys per IN list, as the SQLite driver chunks them. */
const CHUNK = 500;
const DEFAULT_NETWORK_NODES = 100;

function chunks<T>(xs: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/**
 * "…" before and after a headline that starts or ends inside its source, as FTS5's
 * snippet has. `at` is where the headline (its marks removed) starts in the source,
 * in characters as the lengths; 0 when it cannot be found there (the source has « » of
 * its own), and then none is added.
 */
function withEllipses(r: DbRow): string {
  const snippet = str(r.snippet);
  const at = num(r.at);
  if (at <= 0) return snippet;
  return `${at > 1 ? '…' : ''}${snippet}${at - 1 + num(r.plain_length) < num(r.source_length) ? '…' : ''}`;
}

export class PostgresStore implements Store {
  readonly dialect = 'postgres' as const;
  readonly location: string;
  private closed = false;

  constructor(private readonly pool: pg.Pool, private readonly target: PgTarget) {
    this.location = target.location;
  }

  /** Run `fn`, turning failures into E_STORE naming the URL (password masked). */
  private async run<T>(doing: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      throw storeError(this.target, e, `${doing} in`);
    }
  }

  private async all(sql: Sql): Promise<DbRow[]> {
    return (await this.pool.query<DbRow>(sql.text, sql.params.values)).rows;
  }

  private async rows(text: string, values: unknown[] = []): Promise<DbRow[]> {
    return (await this.pool.query<DbRow>(text, values)).rows;
  }

  private async count(sql: Sql): Promise<number> {
    return num((await this.all(sql))[0]?.n ?? 0);
  }

  migrate(): Promise<void> {
    return this.run('cannot migrate the schema', () => migrate(this.pool, this.target));
  }

  schemaVersion(): Promise<number> {
    return this.run('cannot read the schema version', () => readSchemaVersion(this.pool));
  }

  existingKeys(keys: readonly ArticleKey[]): Promise<Set<ArticleKey>> {
    return this.run('cannot look up article keys', async () => {
      if (keys.length === 0) return new Set<ArticleKey>();
      // One array parameter, however many keys.
      const rows = await this.rows('SELECT key FROM articles WHERE key = ANY($1::text[])', [[...new Set(keys)]]);
      return new Set(rows.map((r) => str(r.key)));
    });
  }

  putArticle(input: ArticleInput): Promise<boolean> {
    // One statement, and so one transaction, per article (write.ts).
    return this.run(`cannot store article ${input.key}`, () => putArticle(this.pool, input));
  }

  getArticle(key: ArticleKey): Promise<StoredArticle | null> {
    return this.run(`cannot read article ${key}`, async () => {
      const [r] = await this.rows(`SELECT ${ARTICLE_SUMMARY_COLUMNS}, a.simhash, a.record::text AS record FROM articles a WHERE a.key = $1`, [key]);
      if (!r) return null;
      // Parsed here from the stored text rather than by pg's json parser, so the
      // record comes back exactly as it was written.
      return { ...toArticleSummary(r), simhash: str(r.simhash), record: JSON.parse(str(r.record)) as StoredArticle['record'] };
    });
  }

  listArticles(query?: ArticleQuery): Promise<Page<ArticleSummary>> {
    return this.run('cannot list articles', async () => {
      const { limit, offset } = paging(query);
      const after = query?.after === undefined ? undefined : decodeCursor(query.after);
      const [rows, total] = await Promise.all([
        this.all(articlesPageSql(query, limit, offset, ph, after)),
        after ? -1 : this.count(articlesCountSql(query, ph)),
      ]);
      return { items: rows.map(toArticleSummary), total, limit, offset, next: nextCursor(rows, limit, articlePosition) };
    });
  }

  articleFingerprints(): Promise<Array<{ key: ArticleKey; simhash: string; publisher: string | null; published: string | null; ingestedAt: string }>> {
    return this.run('cannot read article fingerprints', async () =>
      (await this.rows('SELECT key, simhash, publisher, published, ingested_at FROM articles ORDER BY key')).map((r) => ({
        key: str(r.key), simhash: str(r.simhash), publisher: strOrNull(r.publisher), published: strOrNull(r.published), ingestedAt: str(r.ingested_at),
      })));
  }

  private async hydrateEvents(rows: readonly DbRow[]): Promise<EventRow[]> {
    const keys = rows.map((r) => str(r.key));
    const parts: DbRow[] = [];
    for (const part of chunks(keys)) parts.push(...(await this.all(participantsOfSql(part, ph))));
    const grouped = groupParticipants(parts);
    return rows.map((r) => toEventRow(r, grouped));
  }

  events(query?: EventQuery): Promise<Page<EventRow>> {
    return this.run('cannot query events', async () => {
      const { limit, offset } = paging(query);
      const after = query?.after === undefined ? undefined : decodeCursor(query.after);
      const [rows, total] = await Promise.all([
        this.all(eventsPageSql(query, limit, offset, ph, after)),
        after ? -1 : this.count(eventsCountSql(query, ph)),
      ]);
      return { items: await this.hydrateEvents(rows), total, limit, offset, next: nextCursor(rows, limit, eventPosition) };
    });
  }

  getEvent(key: string): Promise<EventRow | null> {
    return this.run(`cannot read event ${key}`, async () => {
      const [r] = await this.all(eventByKeySql(key, ph));
      return r ? ((await this.hydrateEvents([r]))[0] ?? null) : null;
    });
  }

  quotes(query?: QuoteQuery): Promise<Page<QuoteRow>> {
    return this.run('cannot query quotes', async () => {
      const { limit, offset } = paging(query);
      const [items, total] = await Promise.all([this.all(quotesPageSql(query, limit, offset, ph)), this.count(quotesCountSql(query, ph))]);
      return { items: items.map(toQuoteRow), total, limit, offset };
    });
  }

  actors(query?: ActorQuery): Promise<Page<ActorRow>> {
    return this.run('cannot query actors', async () => {
      const { limit, offset } = paging(query);
      const [groups, total] = await Promise.all([this.all(actorsPageSql(query, limit, offset, ph)), this.count(actorsCountSql(query, ph))]);
      const ids = groups.map((g) => str(g.id));
      const [nameRows, articleRows] = ids.length
        ? await Promise.all([this.all(actorNamesSql(ids, ph)), this.all(actorArticlesSql(ids, ph))])
        : [[], []];
      const labels = actorLabels(nameRows);
      const articles = new Map(articleRows.map((r) => [str(r.id), num(r.n)]));
      const items = groups.map((g): ActorRow => {
        const id = str(g.id);
        const l = labels.get(id);
        return {
          id, name: l?.name ?? id, code: l?.code ?? null, country: l?.country ?? null, sector: l?.sector ?? null,
          asActor: num(g.as_actor), asRecipient: num(g.as_recipient), articles: articles.get(id) ?? 0,
        };
      });
      return { items, total, limit, offset };
    });
  }

  dyad(a: string, b: string, query?: { since?: string; until?: string }): Promise<DyadMonth[]> {
    return this.run(`cannot query the dyad ${a}–${b}`, async () => (await this.all(dyadSql(a, b, query, ph))).map(toDyadMonth));
  }

  network(query?: EventQuery): Promise<Network> {
    return this.run('cannot build the actor network', async () => {
      const nodes = await this.all(networkNodesSql(query, paging(query, DEFAULT_NETWORK_NODES).limit, ph));
      if (nodes.length === 0) return { nodes: [], edges: [] };
      const ids = nodes.map((n) => str(n.id));
      const [labels, edges] = await Promise.all([this.all(networkLabelsSql(query, ids, ph)), this.all(networkEdgesSql(query, ids, ph))]);
      return buildNetwork(nodes, labels, edges);
    });
  }

  timeline(query?: EventQuery & { bucket?: 'day' | 'month' }): Promise<TimelineBucket[]> {
    return this.run('cannot build the timeline', async () => buildTimeline(await this.all(timelineSql(query, query?.bucket ?? 'month', ph))));
  }

  places(query?: EventQuery): Promise<PlaceCount[]> {
    return this.run('cannot count events by place', async () => buildPlaces(await this.all(placesSql(query, ph))));
  }

  search(text: string, query?: PageQuery): Promise<Page<SearchHit>> {
    return this.run('cannot search the text', async () => {
      const { limit, offset } = paging(query);
      const words = searchQueryText(text);
      if (words === null) return { items: [], total: 0, limit, offset };
      const tsquery = `plainto_tsquery('${SEARCH_CONFIG}', $1)`;
      // The page is chosen first, so headlines (which re-parse the text) are made for
      // its rows only. As FTS5's snippet, the excerpt comes from the title when the title
      // has every word, else from the text, and "…" marks where it was cut. Rank 1
      // divides by the log of the length, so a short article that matches ranks higher.
      const rows = await this.rows(
        `WITH hits AS (
           SELECT a.key, ts_rank(a.search, q, 1) AS rank, ts_filter(a.search, '{a}') @@ q AS in_title, q
             FROM articles a, ${tsquery} AS q
            WHERE a.search @@ q
            ORDER BY rank DESC, a.key
            LIMIT ${limit} OFFSET ${offset})
         SELECT ${ARTICLE_SUMMARY_COLUMNS}, h.rank, s.snippet, char_length(s.source) AS source_length,
                char_length(s.plain) AS plain_length, strpos(s.source, s.plain) AS at
           FROM hits h JOIN articles a ON a.key = h.key
           CROSS JOIN LATERAL (
             SELECT source, snippet, replace(replace(snippet, '«', ''), '»', '') AS plain
               FROM (SELECT source, ts_headline('${SEARCH_CONFIG}', source, h.q, $2) AS snippet
                       FROM (SELECT CASE WHEN h.in_title THEN a.title ELSE a.record->>'text' END AS source) AS src) AS hl) AS s
          ORDER BY h.rank DESC, a.key`,
        [words, HEADLINE_OPTIONS],
      );
      const [c] = await this.rows(`SELECT count(*) AS n FROM articles a WHERE a.search @@ ${tsquery}`, [words]);
      return {
        items: rows.map((r) => ({ article: toArticleSummary(r), snippet: withEllipses(r), rank: num(r.rank) })),
        total: num(c?.n ?? 0),
        limit,
        offset,
      };
    });
  }

  clusterTypes(): Promise<PloverType[]> {
    return this.run('cannot read event types for the corpus analysis', async () =>
      (await this.rows(CLUSTER_TYPES_SQL)).map((r) => str(r.type) as PloverType));
  }

  clusterInput(type?: PloverType): Promise<ClusterInputEvent[]> {
    return this.run('cannot read events for the corpus analysis', async () => {
      const typed = type !== undefined;
      const args = typed ? [type] : [];
      const [sides, events] = await Promise.all([this.rows(clusterSidesSql(typed, '$1'), args), this.rows(clusterEventsSql(typed, '$1'), args)]);
      return toClusterInput(sides, events);
    });
  }

  writeAnalysis(analysis: CorpusAnalysis): Promise<void> {
    return this.run('cannot write the corpus analysis', () =>
      inTransaction(this.pool, async (client) => {
        // A worker's sessions commit asynchronously (its queue redoes what a crash loses);
        // nothing would redo a lost analysis, so it waits for the disk.
        await client.query('SET LOCAL synchronous_commit = on');
        await writeAnalysis(client, analysis);
      }));
  }

  clusters(query?: PageQuery & { type?: PloverType; minArticles?: number }): Promise<Page<EventCluster>> {
    return this.run('cannot list event clusters', async () => {
      const { limit, offset } = paging(query);
      const params = new SqlParams(ph);
      const w = clustersWhere(query, params);
      const [items, total] = await Promise.all([
        this.all({ text: `SELECT * FROM clusters ${w} ${CLUSTER_ORDER} LIMIT ${limit} OFFSET ${offset}`, params }),
        this.count({ text: `SELECT count(*) AS n FROM clusters ${w}`, params }),
      ]);
      return { items: items.map(toCluster), total, limit, offset };
    });
  }

  corpusConflicts(query?: PageQuery): Promise<Page<CorpusConflict>> {
    return this.run('cannot list corpus conflicts', async () => {
      const { limit, offset } = paging(query);
      const [items, [c]] = await Promise.all([
        this.rows(`SELECT * FROM conflicts ORDER BY seq LIMIT ${limit} OFFSET ${offset}`),
        this.rows('SELECT count(*) AS n FROM conflicts'),
      ]);
      return { items: items.map(toConflict), total: num(c?.n ?? 0), limit, offset };
    });
  }

  stats(): Promise<StoreStats> {
    return this.run('cannot count the store', async () => {
      const [[r], schemaVersion] = await Promise.all([this.rows(STATS_SQL), readSchemaVersion(this.pool)]);
      return toStats(r, schemaVersion);
    });
  }

  /** The job queue in this store's database, over this store's connections (JobQueue.onPool). */
  jobQueue(options: Omit<JobQueueOptions, 'schema'> = {}): JobQueue {
    return JobQueue.onPool(this.pool, this.target, options);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
