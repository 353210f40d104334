/**
 * POST /api/articles: one article in a JSON body → extract → store. The key and the
 * fingerprint are made exactly as ingest makes them (src/corpus/key.ts, simhash of the
 * record text), so an article posted here and the same input ingested from a file are
 * one article.
 */
import { articleKey } from '../corpus/key.js';
import { simhash } from '../corpus/simhash.js';
import type { ArticleRecord } from '../core/record.js';
import { extract } from '../extract.js';
import type { InputKind, RawInput } from '../ingest/types.js';
import type { Store } from '../store/types.js';
import { HttpError } from './http-error.js';

export const POST_NAME = 'POST /api/articles';

const KINDS: readonly InputKind[] = ['text', 'raw', 'html'];
const FIELDS = new Set<string>([...KINDS, 'url', 'title', 'published']);
const ISO = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

const badField = (field: string, message: string): HttpError => new HttpError(400, 'E_BAD_PARAMETER', `${field}: ${message}`, field);

function optionalString(body: Record<string, unknown>, field: string, max: number): string | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw badField(field, `must be a string, got ${typeof v}`);
  if (v.length > max) throw badField(field, `at most ${max} characters`);
  return v;
}

/** Check the body's shape and build the RawInput the readers take. */
export function rawInputFromBody(body: unknown): RawInput {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'E_BAD_JSON', `request body must be a JSON object with one of ${KINDS.join(', ')}`);
  }
  const b = body as Record<string, unknown>;
  for (const key of Object.keys(b)) {
    if (!FIELDS.has(key)) throw badField(key, `unknown field; the body takes ${[...FIELDS].join(', ')}`);
  }
  const given = KINDS.filter((k) => b[k] !== undefined && b[k] !== null);
  if (given.length !== 1) {
    throw new HttpError(400, 'E_BAD_PARAMETER', `give exactly one of text, raw or html (got ${given.length === 0 ? 'none' : given.join(' and ')})`, given[1] ?? 'text');
  }
  const kind = given[0] as InputKind;
  const content = b[kind];
  if (typeof content !== 'string') throw badField(kind, `must be a string, got ${typeof content}`);
  if (content.trim() === '') throw badField(kind, 'is empty');

  const url = optionalString(b, 'url', 2048);
  if (url !== undefined) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw badField('url', `not an absolute URL: ${JSON.stringify(url.slice(0, 80))}`);
    }
    // The UI shows the URL as a link: only web URLs, never javascript: or data:.
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw badField('url', `must be http or https, got ${parsed.protocol}`);
  }
  const title = optionalString(b, 'title', 1000);
  const published = optionalString(b, 'published', 40);
  if (published !== undefined && !ISO.test(published)) throw badField('published', `must be an ISO 8601 date or datetime, got ${JSON.stringify(published)}`);

  return {
    name: POST_NAME,
    uri: url ?? null,
    kind,
    content,
    ...(title === undefined ? {} : { title }),
    ...(published === undefined ? {} : { published }),
  };
}

export interface PostResult {
  key: string;
  inserted: boolean;
  record: ArticleRecord;
}

export async function postArticle(store: Store, body: unknown): Promise<PostResult> {
  const raw = rawInputFromBody(body);
  const key = articleKey(raw);
  // Already stored: answer from the store without spending the extraction.
  const existing = await store.getArticle(key);
  if (existing) return { key, inserted: false, record: existing.record };
  const record = extract(raw);
  const inserted = await store.putArticle({ key, record, origin: raw.uri ?? POST_NAME, simhash: simhash(record.text) });
  if (inserted) return { key, inserted, record };
  // Another request stored the same input meanwhile: return what is stored.
  const stored = await store.getArticle(key);
  return { key, inserted: false, record: stored?.record ?? record };
}
