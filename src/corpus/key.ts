/**
 * The article key (ArticleKey in src/store/types.ts): what makes ingest idempotent.
 * It hashes the input as the reader will see it — the kind decides which reader runs,
 * so the same bytes read as HTML and as text are two different articles.
 */
import { createHash } from 'node:crypto';
import type { ArticleKey } from '../store/types.js';
import type { RawInput } from '../ingest/types.js';

export function articleKey(raw: Pick<RawInput, 'kind' | 'content'>): ArticleKey {
  return createHash('sha256').update(raw.kind).update('\n').update(raw.content).digest('hex').slice(0, 16);
}
