/**
 * JSON Schema (draft 2020-12) of the article record. Hand-written beside record.ts
 * rather than generated, so that it can state what the types cannot: offsets are
 * non-negative integers, ids have their prefixes, dates are ISO 8601.
 * `newsgraph schema` prints it; validateRecord() checks a record against it.
 */
import { createRequire } from 'node:module';
import type { Ajv2020 as Ajv2020Class } from 'ajv/dist/2020.js';
import type { ErrorObject } from 'ajv';
import { PLOVER_TYPES, RECORD_SCHEMA_ID } from './record.js';
import type { ArticleRecord } from './record.js';

const offset = { type: 'integer', minimum: 0 } as const;
const nullableString = { type: ['string', 'null'] } as const;
// ISO 8601: year, year-month, date, or datetime with optional seconds/fraction/offset.
const isoValue = {
  type: 'string',
  pattern: '^-?\\d{4}(-\\d{2}(-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})?)?)?)?$',
} as const;
const range = {
  type: ['object', 'null'],
  additionalProperties: false,
  required: ['min', 'max'],
  properties: { min: { type: ['integer', 'null'], minimum: 0 }, max: { type: ['integer', 'null'], minimum: 0 } },
} as const;

export const recordSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://newsgraph.dev/schema/article-1.json',
  title: 'newsgraph article record, version 1',
  type: 'object',
  additionalProperties: false,
  required: [
    'schema', 'id', 'source', 'language', 'title', 'authors', 'published', 'dateline', 'text',
    'removed', 'sentences', 'entities', 'times', 'quotes', 'events', 'conflicts', 'provenance',
  ],
  properties: {
    schema: { const: RECORD_SCHEMA_ID },
    id: { type: 'string', pattern: '^[0-9a-f]{16}$' },
    source: {
      type: 'object',
      additionalProperties: false,
      required: ['uri', 'format', 'publisher'],
      properties: { uri: nullableString, format: { type: 'string', minLength: 1 }, publisher: nullableString },
    },
    language: { type: 'string', pattern: '^([a-z]{2}|und)$' },
    title: nullableString,
    authors: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'role'],
        properties: { name: { type: 'string', minLength: 1 }, role: nullableString },
      },
    },
    published: {
      type: ['object', 'null'],
      additionalProperties: false,
      required: ['value', 'text'],
      properties: { value: isoValue, text: { type: 'string' } },
    },
    dateline: {
      type: ['object', 'null'],
      additionalProperties: false,
      required: ['place', 'text'],
      properties: { place: nullableString, text: { type: 'string', minLength: 1 } },
    },
    text: { type: 'string' },
    removed: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['text', 'reason'],
        properties: { text: { type: 'string' }, reason: { type: 'string', minLength: 1 } },
      },
    },
    sentences: {
      type: 'array',
      items: { type: 'array', prefixItems: [offset, offset], minItems: 2, maxItems: 2 },
    },
    entities: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'type', 'mentions', 'country', 'role', 'sector', 'code', 'geo', 'ids'],
        properties: {
          id: { type: 'string', pattern: '^E\\d+$' },
          name: { type: 'string', minLength: 1 },
          type: { enum: ['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC', 'MISC'] },
          mentions: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['start', 'end', 'text', 'kind'],
              properties: {
                start: offset, end: offset, text: { type: 'string' },
                kind: { enum: ['name', 'title', 'nominal', 'pronoun', 'handle'] },
              },
            },
          },
          country: { type: ['string', 'null'], pattern: '^[A-Z]{3}$' },
          role: nullableString,
          sector: { type: ['string', 'null'], pattern: '^[A-Z]{3}$' },
          code: { type: ['string', 'null'], pattern: '^[A-Z]{3,}$' },
          geo: {
            type: ['object', 'null'],
            additionalProperties: false,
            required: ['lat', 'lon', 'precision'],
            properties: {
              lat: { type: 'number', minimum: -90, maximum: 90 },
              lon: { type: 'number', minimum: -180, maximum: 180 },
              precision: { enum: ['country', 'region', 'city', 'locality'] },
            },
          },
          ids: { type: 'object', additionalProperties: { type: ['string', 'number'] } },
        },
      },
    },
    times: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['start', 'end', 'text', 'value', 'grain', 'anchor'],
        properties: {
          start: offset, end: offset, text: { type: 'string' },
          value: { anyOf: [isoValue, { type: 'string', pattern: '^P' }, { type: 'null' }] },
          grain: { enum: ['time', 'day', 'week', 'month', 'year', 'duration', 'vague'] },
          anchor: { enum: ['absolute', 'published', 'context'] },
        },
      },
    },
    quotes: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'start', 'end', 'text', 'speaker', 'cue', 'channel', 'direct'],
        properties: {
          id: { type: 'string', pattern: '^Q\\d+$' },
          start: offset, end: offset, text: { type: 'string' },
          speaker: { type: ['string', 'null'], pattern: '^E\\d+$' },
          cue: nullableString, channel: nullableString, direct: { type: 'boolean' },
        },
      },
    },
    events: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: [
          'id', 'type', 'mode', 'context', 'actor', 'recipient', 'location', 'date', 'modality',
          'source', 'size', 'trigger', 'evidence', 'confidence', 'cameo',
        ],
        properties: {
          id: { type: 'string', pattern: '^V\\d+$' },
          type: { enum: [...PLOVER_TYPES] },
          mode: nullableString,
          context: { type: 'array', items: { type: 'string' } },
          actor: { type: 'array', items: { type: 'string', pattern: '^E\\d+$' } },
          recipient: { type: 'array', items: { type: 'string', pattern: '^E\\d+$' } },
          location: { type: ['string', 'null'], pattern: '^E\\d+$' },
          date: {
            type: ['object', 'null'],
            additionalProperties: false,
            required: ['value', 'grain', 'inferred'],
            properties: {
              value: isoValue,
              grain: { enum: ['time', 'day', 'week', 'month', 'year', 'duration', 'vague'] },
              inferred: { type: 'boolean' },
            },
          },
          modality: { enum: ['asserted', 'negated', 'hypothetical', 'future', 'alleged', 'historical'] },
          source: { type: ['string', 'null'], pattern: '^E\\d+$' },
          size: {
            type: ['object', 'null'],
            additionalProperties: false,
            required: ['dead', 'injured', 'arrested'],
            properties: { dead: range, injured: range, arrested: range },
          },
          trigger: {
            type: 'object',
            additionalProperties: false,
            required: ['start', 'end', 'text'],
            properties: { start: offset, end: offset, text: { type: 'string' } },
          },
          evidence: {
            type: 'object',
            additionalProperties: false,
            required: ['sentence', 'start', 'end'],
            properties: { sentence: offset, start: offset, end: offset },
          },
          confidence: { type: 'number', minimum: 0, maximum: 1 },
          cameo: { type: ['string', 'null'], pattern: '^\\d{2,4}$' },
        },
      },
    },
    conflicts: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['kind', 'events', 'note'],
        properties: {
          kind: { enum: ['actor', 'date', 'place', 'count', 'other'] },
          events: { type: 'array', items: { type: 'string', pattern: '^V\\d+$' }, minItems: 2 },
          note: { type: 'string' },
        },
      },
    },
    provenance: {
      type: 'object',
      additionalProperties: false,
      required: ['pipeline', 'stages'],
      properties: {
        pipeline: { type: 'string' },
        stages: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
  },
} as const;

let compiled: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null } | undefined;

/**
 * Ajv is loaded by the first validation, not with this module: the pipeline's module
 * re-exports validateRecord for library users, and `extract` itself never validates,
 * so every run paid ~45 ms of CPU to load it.
 */
function ajv(): typeof Ajv2020Class {
  return (createRequire(import.meta.url)('ajv/dist/2020.js') as { Ajv2020: typeof Ajv2020Class }).Ajv2020;
}

export interface ValidationResult {
  valid: boolean;
  errors: string[];
}

/**
 * Validate a record against the schema, then check what a schema cannot express:
 * every span lies inside `text` and its `text` field equals the slice it names.
 */
export function validateRecord(record: unknown): ValidationResult {
  compiled ??= new (ajv())({ allErrors: true, strict: true, allowUnionTypes: true }).compile(recordSchema);
  if (!compiled(record)) {
    const errors = (compiled.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'invalid'}`);
    return { valid: false, errors };
  }
  const errors = checkOffsets(record as ArticleRecord);
  return { valid: errors.length === 0, errors };
}

function checkOffsets(r: ArticleRecord): string[] {
  const errors: string[] = [];
  const n = r.text.length;
  const check = (where: string, start: number, end: number, text?: string): void => {
    if (start > end || end > n) errors.push(`${where} [${start}, ${end}) lies outside text of length ${n}`);
    else if (text !== undefined && r.text.slice(start, end) !== text) errors.push(`${where} text does not match its offsets`);
  };
  r.sentences.forEach(([s, e], i) => check(`/sentences/${i}`, s, e));
  r.entities.forEach((ent, i) => ent.mentions.forEach((m, j) => check(`/entities/${i}/mentions/${j}`, m.start, m.end, m.text)));
  r.times.forEach((t, i) => check(`/times/${i}`, t.start, t.end, t.text));
  r.quotes.forEach((q, i) => check(`/quotes/${i}`, q.start, q.end));
  r.events.forEach((ev, i) => {
    check(`/events/${i}/trigger`, ev.trigger.start, ev.trigger.end, ev.trigger.text);
    check(`/events/${i}/evidence`, ev.evidence.start, ev.evidence.end);
  });
  return errors;
}
