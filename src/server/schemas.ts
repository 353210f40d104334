/**
 * JSON Schemas (OpenAPI 3.1 components) of what the API returns: the shapes of
 * src/store/types.ts written out for clients. Hand-written like the record schema;
 * the API tests validate real responses against them so they stay true.
 */
import { MODALITIES, PLOVER_TYPES } from '../core/record.js';
import { recordSchema } from '../core/schema.js';
import type { JsonSchema } from './params.js';

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });
const str = { type: 'string' } as const;
const nstr = { type: ['string', 'null'] } as const;
const int = { type: 'integer', minimum: 0 } as const;
const num = { type: 'number' } as const;
const nnum = { type: ['number', 'null'] } as const;
const plover = { type: 'string', enum: [...PLOVER_TYPES] } as const;
const typeCounts = { type: 'object', propertyNames: plover, additionalProperties: { type: 'integer', minimum: 0 } } as const;
const range = {
  anyOf: [
    { type: 'object', required: ['min', 'max'], properties: { min: { type: ['integer', 'null'] }, max: { type: ['integer', 'null'] } } },
    { type: 'null' },
  ],
};

function object(properties: Record<string, JsonSchema>, description?: string): JsonSchema {
  return { type: 'object', ...(description ? { description } : {}), required: Object.keys(properties), properties };
}

const { $schema: _s, $id: _i, ...articleRecord } = recordSchema;

export function pageOf(item: string): JsonSchema {
  return object({ items: { type: 'array', items: ref(item) }, total: int, limit: int, offset: int }, `A page of ${item} (limit/offset paging; total counts all matches).`);
}

export const componentSchemas: Record<string, JsonSchema> = {
  Error: object({
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: str, message: str, parameter: { type: 'string', description: 'The parameter or body field at fault.' } },
    },
  }),
  ArticleRecord: articleRecord,
  StoreStats: object({ articles: int, duplicates: int, events: int, quotes: int, entities: int, clusters: int, conflicts: int, unanalysed: int, schemaVersion: int }),
  ArticleSummary: object({
    key: { type: 'string', pattern: '^[0-9a-f]{16}$' },
    recordId: str,
    title: nstr,
    publisher: nstr,
    uri: nstr,
    origin: str,
    published: nstr,
    language: str,
    duplicateOf: nstr,
    events: int,
    quotes: int,
    ingestedAt: str,
  }),
  StoredArticle: {
    allOf: [ref('ArticleSummary'), object({ record: ref('ArticleRecord'), simhash: { type: 'string', pattern: '^[0-9a-f]{16}$' } })],
  },
  Participant: object({ entity: str, name: str, code: nstr, country: nstr, sector: nstr }),
  EventRow: object({
    key: { type: 'string', pattern: '^[0-9a-f]{16}:V\\d+$' },
    articleKey: str,
    eventId: str,
    type: plover,
    mode: nstr,
    context: { type: 'array', items: str },
    modality: { type: 'string', enum: [...MODALITIES] },
    actors: { type: 'array', items: ref('Participant') },
    recipients: { type: 'array', items: ref('Participant') },
    place: nullable(object({ entity: str, name: str, country: nstr, lat: nnum, lon: nnum })),
    date: nullable(object({ value: str, grain: str, inferred: { type: 'boolean' } })),
    source: nullable(ref('Participant')),
    dead: range,
    injured: range,
    arrested: range,
    cameo: nstr,
    confidence: num,
    score: num,
    trigger: str,
    evidence: object({ sentence: int, start: int, end: int, text: str }),
    cluster: nstr,
    article: object({ title: nstr, publisher: nstr, published: nstr, duplicateOf: nstr }),
  }),
  QuoteRow: object({
    key: str,
    articleKey: str,
    quoteId: str,
    text: str,
    direct: { type: 'boolean' },
    cue: nstr,
    channel: nstr,
    speaker: nullable(ref('Participant')),
    start: int,
    end: int,
    article: object({ title: nstr, publisher: nstr, published: nstr }),
  }),
  ActorRow: object({ id: str, name: str, code: nstr, country: nstr, sector: nstr, asActor: int, asRecipient: int, articles: int }),
  DyadMonth: object({
    month: { type: 'string', pattern: '^\\d{4}-\\d{2}$' },
    events: int,
    aToB: int,
    bToA: int,
    meanScore: nnum,
    verbalCooperation: int,
    materialCooperation: int,
    verbalConflict: int,
    materialConflict: int,
  }),
  Dyad: object({ a: str, b: str, months: { type: 'array', items: ref('DyadMonth') } }),
  NetworkNode: object({ id: str, name: str, code: nstr, country: nstr, events: int }),
  NetworkEdge: object({ source: str, target: str, count: int, score: num, types: typeCounts }),
  Network: object({ nodes: { type: 'array', items: ref('NetworkNode') }, edges: { type: 'array', items: ref('NetworkEdge') } }),
  TimelineBucket: object({ period: str, events: int, types: typeCounts, meanScore: nnum }),
  PlaceCount: object({ name: str, country: nstr, lat: num, lon: num, events: int, types: typeCounts }),
  SearchHit: object({ article: ref('ArticleSummary'), snippet: str, rank: num }),
  EventCluster: object({
    id: str,
    type: plover,
    actors: { type: 'array', items: str },
    recipients: { type: 'array', items: str },
    firstDate: nstr,
    lastDate: nstr,
    place: nstr,
    mentions: int,
    articles: int,
    sources: int,
    events: { type: 'array', items: str },
  }),
  CorpusConflict: object({ cluster: str, kind: { type: 'string', enum: ['actor', 'date', 'place', 'count', 'other'] }, events: { type: 'array', items: str }, note: str }),
  PostArticleResult: object({ key: str, inserted: { type: 'boolean' }, record: ref('ArticleRecord') }),
  PostArticleBody: {
    type: 'object',
    description: 'Exactly one of text (a clean body), raw (scraped text with title/byline/date lines) or html (a page).',
    additionalProperties: false,
    properties: {
      text: { type: 'string', minLength: 1 },
      raw: { type: 'string', minLength: 1 },
      html: { type: 'string', minLength: 1 },
      url: { type: 'string', format: 'uri', description: 'Where the article was published (recorded, never fetched).' },
      title: { type: 'string' },
      published: { type: 'string', description: 'ISO 8601 publication date or datetime, overriding what the reader finds.' },
    },
    oneOf: [{ required: ['text'] }, { required: ['raw'] }, { required: ['html'] }],
  },
};

export { ref };
