/**
 * The API's route table: each route's parameters, documentation and handler in one
 * place. Handlers only translate parameters into Store calls (src/store/types.ts);
 * the store does the querying, always with bound parameters.
 */
import { MODALITIES, PLOVER_TYPES, SECTORS } from '../core/record.js';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../store/types.js';
import type { EventQuery, Store } from '../store/types.js';
import { readJson } from './body.js';
import { notFound } from './http-error.js';
import { articleKey, boolean, EVENT_KEY, fraction, integer, isoDate, oneOf, pattern, required, someOf, text } from './params.js';
import type { JsonSchema, ParamValues } from './params.js';
import { postArticle } from './post-article.js';
import { defineRoute } from './router.js';
import type { ResponseDoc, Route } from './router.js';
import { pageOf, ref } from './schemas.js';

const paging = {
  limit: integer(`Items per page (default ${DEFAULT_LIMIT}, at most ${MAX_LIMIT}).`, { min: 1, max: MAX_LIMIT, default: DEFAULT_LIMIT }),
  offset: integer('Items to skip (default 0).', { min: 0, default: 0 }),
} as const;

const since = isoDate('Earliest date, inclusive (a year or month means its first day).', 'start');
const until = isoDate('Latest date, inclusive (a year or month means its last day).', 'end');

/** The event filters shared by /api/events, /api/network, /api/timeline and /api/places. */
const eventFilters = {
  actor: text('Actor: a code (IRN matches IRNGOV), a country code, or a name (case-insensitive).', { example: 'IRN' }),
  recipient: text('Recipient, matched as actor.', { example: 'AZE' }),
  actorSector: someOf(SECTORS, 'Only events with an actor of one of these sectors (comma-separated; GOV, BUS, …: docs/knowledge.md).'),
  recipientSector: someOf(SECTORS, 'Only events with a recipient of one of these sectors.'),
  type: oneOf(PLOVER_TYPES, 'PLOVER event type.'),
  modality: oneOf(MODALITIES, 'Event modality.'),
  since: isoDate('Event date (publication date when the event has none) on or after this ISO date.', 'start'),
  until: isoDate('Event date (publication date when the event has none) on or before this ISO date.', 'end'),
  place: text('Place name (case-insensitive) or country code of the event place.'),
  article: articleKey('Only events of this article.'),
  cluster: text('Only events of this cross-article cluster.', { maxLength: 100 }),
  unique: boolean('Leave out events of articles that duplicate another article (default false).'),
  minConfidence: fraction('Only events whose confidence is at least this (0 to 1): the chance, as measured on judged events, that the event is real with the right actor.'),
} as const;

function eventQuery(q: ParamValues<typeof eventFilters>): EventQuery {
  const out: EventQuery = {};
  if (q.actor !== undefined) out.actor = q.actor;
  if (q.recipient !== undefined) out.recipient = q.recipient;
  if (q.actorSector !== undefined) out.actorSector = q.actorSector;
  if (q.recipientSector !== undefined) out.recipientSector = q.recipientSector;
  if (q.type !== undefined) out.type = q.type;
  if (q.modality !== undefined) out.modality = q.modality;
  if (q.since !== undefined) out.since = q.since;
  if (q.until !== undefined) out.until = q.until;
  if (q.place !== undefined) out.place = q.place;
  if (q.article !== undefined) out.article = q.article;
  if (q.cluster !== undefined) out.cluster = q.cluster;
  if (q.unique !== undefined) out.uniqueArticles = q.unique;
  if (q.minConfidence !== undefined) out.minConfidence = q.minConfidence;
  return out;
}

/** Drop undefined values so stores see only the filters that were given. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const json = (description: string, schema: JsonSchema): ResponseDoc => ({ description, schema });
const arrayOf = (name: string): JsonSchema => ({ type: 'array', items: ref(name) });

export function apiRoutes(store: Store): Route[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/api/stats',
      summary: 'Counts of what the store holds',
      query: {},
      pathParams: {},
      responses: { 200: json('Store statistics', ref('StoreStats')) },
      handle: async () => ({ body: await store.stats() }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/articles',
      summary: 'List stored articles, newest publication first',
      query: { since, until, publisher: text('Publisher name (exact, case-insensitive).'), ...paging },
      pathParams: {},
      responses: { 200: json('A page of articles', pageOf('ArticleSummary')) },
      handle: async ({ query }) => ({ body: await store.listArticles(defined(query)) }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/articles/:key',
      summary: 'One stored article with its full record',
      query: {},
      pathParams: { key: required(articleKey('Article key (16 hex digits).')) },
      responses: { 200: json('The article', ref('StoredArticle')), 404: json('No article with this key', ref('Error')) },
      handle: async ({ path }) => {
        const article = await store.getArticle(path.key);
        if (!article) throw notFound(`no article with key ${path.key}`);
        return { body: article };
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/articles',
      summary: 'Extract an article and store it',
      description:
        'Runs the extraction pipeline on the body and stores the record. The key is the same as ingest gives the same input, so posting an article twice stores it once (200 with inserted: false).',
      query: {},
      pathParams: {},
      requestBody: { description: 'The article', schema: ref('PostArticleBody') },
      responses: {
        201: json('Extracted and stored', ref('PostArticleResult')),
        200: json('Already stored (inserted: false)', ref('PostArticleResult')),
        413: json('Body over 5 MiB', ref('Error')),
        415: json('Body is not JSON', ref('Error')),
        422: json('No article could be extracted (empty text, no content)', ref('Error')),
      },
      handle: async ({ req }) => {
        const result = await postArticle(store, await readJson(req));
        return { status: result.inserted ? 201 : 200, body: result };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/events',
      summary: 'Coded events matching the filters',
      query: { ...eventFilters, ...paging },
      pathParams: {},
      responses: { 200: json('A page of events', pageOf('EventRow')) },
      handle: async ({ query }) => ({ body: await store.events({ ...eventQuery(query), ...defined({ limit: query.limit, offset: query.offset }) }) }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/events/:key',
      summary: 'One event',
      query: {},
      pathParams: { key: required(pattern('Event key: article key, colon, event id ("0123456789abcdef:V2").', EVENT_KEY, 'an event key like 0123456789abcdef:V2', (s) => s.replace(/^[0-9A-F]{16}/, (k) => k.toLowerCase()))) },
      responses: { 200: json('The event', ref('EventRow')), 404: json('No event with this key', ref('Error')) },
      handle: async ({ path }) => {
        const event = await store.getEvent(path.key);
        if (!event) throw notFound(`no event with key ${path.key}`);
        return { body: event };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/actors',
      summary: 'Actors across the store, busiest first',
      query: { match: text('Name or code substring.'), ...paging },
      pathParams: {},
      responses: { 200: json('A page of actors', pageOf('ActorRow')) },
      handle: async ({ query }) => ({ body: await store.actors(defined(query)) }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/quotes',
      summary: 'Quotes, filtered by speaker, article, directness',
      query: {
        speaker: text('Speaker, matched as an event actor (code, country, or name).'),
        article: articleKey('Only quotes of this article.'),
        direct: boolean('Only direct (true) or only indirect (false) quotes.'),
        ...paging,
      },
      pathParams: {},
      responses: { 200: json('A page of quotes', pageOf('QuoteRow')) },
      handle: async ({ query }) => ({ body: await store.quotes(defined(query)) }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/dyad',
      summary: 'Events between two actors, by month',
      query: { a: required(text('First actor (matched as in event filters).', { example: 'IRN' })), b: required(text('Second actor.', { example: 'AZE' })), since, until },
      pathParams: {},
      responses: { 200: json('Monthly counts in both directions', ref('Dyad')) },
      handle: async ({ query }) => ({ body: { a: query.a, b: query.b, months: await store.dyad(query.a, query.b, defined({ since: query.since, until: query.until })) } }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/network',
      summary: 'Actor network over the selected events',
      query: { ...eventFilters, limit: integer('Most nodes to return, the busiest kept (default 100).', { min: 1, max: MAX_LIMIT, default: 100 }) },
      pathParams: {},
      responses: { 200: json('Nodes and edges', ref('Network')) },
      handle: async ({ query }) => ({ body: await store.network({ ...eventQuery(query), ...defined({ limit: query.limit }) }) }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/timeline',
      summary: 'Event counts over time, by PLOVER type',
      query: { ...eventFilters, bucket: oneOf(['day', 'month'] as const, 'Bucket size (default month).') },
      pathParams: {},
      responses: { 200: json('Buckets in time order', arrayOf('TimelineBucket')) },
      handle: async ({ query }) => ({ body: await store.timeline({ ...eventQuery(query), bucket: query.bucket ?? 'month' }) }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/places',
      summary: 'Event counts per place with coordinates',
      query: eventFilters,
      pathParams: {},
      responses: { 200: json('Places', arrayOf('PlaceCount')) },
      handle: async ({ query }) => ({ body: await store.places(eventQuery(query)) }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/search',
      summary: 'Full-text search over titles and texts',
      query: { q: required(text('Words to find.', { maxLength: 500, example: 'ceasefire' })), ...paging },
      pathParams: {},
      responses: { 200: json('A page of hits, best first', pageOf('SearchHit')) },
      handle: async ({ query }) => ({ body: await store.search(query.q, defined({ limit: query.limit, offset: query.offset })) }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/clusters',
      summary: 'Cross-article event clusters',
      query: { type: oneOf(PLOVER_TYPES, 'PLOVER event type.'), minArticles: integer('Only clusters reported by at least this many articles.', { min: 1 }), ...paging },
      pathParams: {},
      responses: { 200: json('A page of clusters', pageOf('EventCluster')) },
      handle: async ({ query }) => ({ body: await store.clusters(defined(query)) }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/conflicts',
      summary: 'Contradictions between articles reporting one event',
      query: { ...paging },
      pathParams: {},
      responses: { 200: json('A page of conflicts', pageOf('CorpusConflict')) },
      handle: async ({ query }) => ({ body: await store.corpusConflicts(defined(query)) }),
    }),
  ];
}
