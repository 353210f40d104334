/**
 * Events for export, read from the store a page at a time and completed with what the
 * rows do not carry (src/export/context.ts). Articles are read once per run of events
 * from the same article (a small cache: the store returns an article's events together),
 * and cluster counts are read once, only when some event belongs to a cluster.
 */
import type { ArticleRecord } from '../core/record.js';
import { countries, places } from '../knowledge/index.js';
import { MAX_LIMIT } from '../store/types.js';
import type {
  ArticleKey, ArticleQuery, ArticleSummary, CursorQuery, EventQuery, EventRow, Page, PageQuery, Store, StoredArticle,
} from '../store/types.js';
import type { ArticleDetail, ClusterCounts, ExportEvent, PlaceDetail } from './context.js';

const ARTICLE_CACHE = 64;

/**
 * Every event the query selects, page by page; `limit`/`offset` of the query bound the
 * whole run. The first page skips `offset`; each later one starts after the row the last
 * one ended at (the store's keyset cursor), so a long export does not re-read everything
 * before each page, and articles stored while it runs do not shift the rows not yet
 * read: no event is written twice or left out. `pageSize` is the rows per read.
 */
export async function* eventRows(store: Store, query: EventQuery = {}, pageSize = MAX_LIMIT): AsyncGenerator<EventRow> {
  yield* pages(query, pageSize, (q) => store.events(q));
}

/** The stored articles' summaries the query selects, in the store's list order, page by page (as eventRows). */
export async function* articleSummaries(store: Store, query: ArticleQuery = {}, pageSize = MAX_LIMIT): AsyncGenerator<ArticleSummary> {
  yield* pages(query, pageSize, (q) => store.listArticles(q));
}

/** The rows of consecutive pages of a list the store pages by cursor (events, articles). */
async function* pages<T, Q extends PageQuery & CursorQuery>(query: Q, pageSize: number, read: (q: Q) => Promise<Page<T>>): AsyncGenerator<T> {
  const size = Math.max(1, Math.min(MAX_LIMIT, Math.floor(pageSize)));
  let left = query.limit === undefined ? Infinity : query.limit;
  let offset = query.offset ?? 0;
  let after = query.after;
  while (left > 0) {
    const limit = Math.min(size, left);
    const page = await read({ ...query, limit, offset, after });
    for (const row of page.items) yield row;
    left -= page.items.length;
    if (page.items.length < limit || page.next === null) return;
    if (page.next === undefined) {
      // A store without cursors (the contract makes `next` optional) is paged by offset.
      offset += page.items.length;
    } else {
      after = page.next;
      offset = 0;
    }
  }
}

/** Article facts an exporter needs, from the stored article. */
export function articleDetail(stored: StoredArticle): ArticleDetail {
  const lead = stored.record.text.indexOf('\n\n');
  return {
    uri: stored.record.source.uri ?? stored.uri,
    language: stored.record.language,
    ingestedAt: stored.ingestedAt,
    leadEnd: lead < 0 ? stored.record.text.length : lead,
  };
}

/** The place's precision, GeoNames id, admin-1 and country names, from its entity and the gazetteer. */
export function placeDetail(record: ArticleRecord, row: EventRow): PlaceDetail | null {
  if (!row.place) return null;
  const entity = record.entities.find((e) => e.id === row.place!.entity);
  const geonamesId = entity?.ids['geonames'];
  const geonames = typeof geonamesId === 'number' ? geonamesId : typeof geonamesId === 'string' && /^\d+$/.test(geonamesId) ? Number(geonamesId) : null;
  const precision = entity?.geo?.precision ?? null;
  const gazetteer = geonames === null ? undefined : places().byId(String(geonames));
  const admin1 = gazetteer?.kind === 'admin1' ? gazetteer.name : gazetteer?.admin1?.name ?? null;
  const country = row.place.country === null ? undefined : countries().byCode(row.place.country);
  return {
    precision,
    geonames,
    admin1,
    countryName: country?.name ?? null,
    countryA2: country?.a2 ?? null,
    countryNumeric: country?.num ?? null,
  };
}

/** A tiny least-recently-used map: Map keeps insertion order, so the first key is the oldest. */
class Lru<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly size: number) {}
  get(key: K): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: K, value: V): void {
    this.map.set(key, value);
    if (this.map.size > this.size) this.map.delete(this.map.keys().next().value as K);
  }
}

async function clusterCounts(store: Store): Promise<Map<string, ClusterCounts>> {
  const out = new Map<string, ClusterCounts>();
  for (let offset = 0; ; offset += MAX_LIMIT) {
    const page = await store.clusters({ limit: MAX_LIMIT, offset });
    for (const c of page.items) out.set(c.id, { mentions: c.mentions, articles: c.articles, sources: c.sources });
    if (page.items.length < MAX_LIMIT) return out;
  }
}

/** Events with their article, place and cluster facts. */
export async function* exportEvents(store: Store, query: EventQuery = {}): AsyncGenerator<ExportEvent> {
  const articles = new Lru<ArticleKey, StoredArticle | null>(ARTICLE_CACHE);
  let clusters: Map<string, ClusterCounts> | undefined;
  for await (const row of eventRows(store, query)) {
    let stored = articles.get(row.articleKey);
    if (stored === undefined) {
      stored = await store.getArticle(row.articleKey);
      articles.set(row.articleKey, stored);
    }
    let cluster: ClusterCounts | null = null;
    if (row.cluster !== null) {
      clusters ??= await clusterCounts(store);
      cluster = clusters.get(row.cluster) ?? null;
    }
    yield {
      row,
      article: stored === null ? null : articleDetail(stored),
      place: stored === null ? null : placeDetail(stored.record, row),
      cluster,
    };
  }
}

/**
 * Stored articles for the records export: all of them (in the store's list order) when
 * no event filter is set, else each article with at least one selected event, once.
 */
export async function* exportArticles(store: Store, query: EventQuery = {}, pageSize = MAX_LIMIT): AsyncGenerator<StoredArticle> {
  const { limit, offset, uniqueArticles, after: _after, ...filters } = query;
  const filtered = Object.values(filters).some((v) => v !== undefined);
  // --limit/--offset count articles here, not events.
  const skip = offset ?? 0;
  const end = limit === undefined ? Infinity : skip + limit;
  if (filtered) {
    const seen = new Set<ArticleKey>();
    for await (const row of eventRows(store, { ...filters, uniqueArticles }, pageSize)) {
      if (seen.has(row.articleKey)) continue;
      seen.add(row.articleKey);
      if (seen.size <= skip) continue;
      if (seen.size > end) return;
      const stored = await store.getArticle(row.articleKey);
      if (stored) yield stored;
    }
    return;
  }
  let n = 0;
  for await (const summary of articleSummaries(store, {}, pageSize)) {
    if (uniqueArticles && summary.duplicateOf !== null) continue;
    n++;
    if (n <= skip) continue;
    if (n > end) return;
    const stored = await store.getArticle(summary.key);
    if (stored) yield stored;
  }
}
