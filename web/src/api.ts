/**
 * The HTTP API, typed with the store's own types (type-only imports: nothing from the
 * server side ends up in the bundle). Every call goes to the page's own origin.
 */
import type {
  ActorRow, ArticleSummary, CorpusConflict, DyadMonth, EventCluster, EventRow, Network, Page,
  PlaceCount, QuoteRow, SearchHit, StoreStats, StoredArticle, TimelineBucket,
} from '../../src/store/types.js';

export type {
  ActorRow, ArticleSummary, CorpusConflict, DyadMonth, EventCluster, EventRow, Network, Page,
  PlaceCount, QuoteRow, SearchHit, StoreStats, StoredArticle, TimelineBucket,
};

/** An error answer of the API, `{"error": {code, message, parameter?}}`, or a transport failure. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly parameter: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Query parameters: empty values are left out, so that "no filter" is never sent as "". */
export type Query = Record<string, string | number | boolean | undefined | null> | URLSearchParams;

function queryString(query: Query): string {
  const out = new URLSearchParams();
  const entries = query instanceof URLSearchParams ? [...query.entries()] : Object.entries(query);
  for (const [k, v] of entries) {
    if (v === undefined || v === null || v === '') continue;
    out.set(k, String(v));
  }
  const qs = out.toString();
  return qs ? `?${qs}` : '';
}

function isErrorBody(body: unknown): body is { error: { code: string; message: string; parameter?: string } } {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const e = (body as { error: unknown }).error;
  return typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string';
}

export async function get<T>(path: string, query: Query = {}): Promise<T> {
  const url = `/api/${path}${queryString(query)}`;
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: 'application/json' } });
  } catch (err) {
    throw new ApiError('E_NETWORK', `could not reach the server for ${url}: ${String(err)}`, 0);
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new ApiError('E_RESPONSE', `${url} answered ${res.status} with a body that is not JSON`, res.status);
  }
  if (!res.ok || isErrorBody(body)) {
    if (isErrorBody(body)) throw new ApiError(body.error.code, body.error.message, res.status, body.error.parameter ?? null);
    throw new ApiError('E_RESPONSE', `${url} answered ${res.status}`, res.status);
  }
  return body as T;
}

/** The event filters the events, network, timeline, map and dyad views share. */
export const EVENT_FILTERS = ['actor', 'recipient', 'actorSector', 'recipientSector', 'type', 'modality', 'since', 'until', 'place', 'article', 'cluster', 'unique', 'minConfidence'] as const;

export function eventFilters(params: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const k of EVENT_FILTERS) {
    const v = params.get(k);
    if (v !== null && v !== '') out.set(k, v);
  }
  return out;
}

export const api = {
  stats: () => get<StoreStats>('stats'),
  articles: (q: Query) => get<Page<ArticleSummary>>('articles', q),
  article: (key: string) => get<StoredArticle>(`articles/${encodeURIComponent(key)}`),
  events: (q: Query) => get<Page<EventRow>>('events', q),
  event: (key: string) => get<EventRow>(`events/${encodeURIComponent(key)}`),
  actors: (q: Query) => get<Page<ActorRow>>('actors', q),
  quotes: (q: Query) => get<Page<QuoteRow>>('quotes', q),
  dyad: (q: Query) => get<{ a: string; b: string; months: DyadMonth[] }>('dyad', q),
  network: (q: Query) => get<Network>('network', q),
  timeline: (q: Query) => get<TimelineBucket[]>('timeline', q),
  places: (q: Query) => get<PlaceCount[]>('places', q),
  search: (q: Query) => get<Page<SearchHit>>('search', q),
  clusters: (q: Query) => get<Page<EventCluster>>('clusters', q),
  conflicts: (q: Query) => get<Page<CorpusConflict>>('conflicts', q),
};
