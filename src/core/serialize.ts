/** Doc → article record (record.md). The record is a view of the Doc, never a second source of truth. */
import { createHash } from 'node:crypto';
import type { Doc } from './doc.js';
import { RECORD_SCHEMA_ID } from './record.js';
import type { ArticleRecord } from './record.js';

export function recordId(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
}

export function docToRecord(doc: Doc, pipeline: string): ArticleRecord {
  return {
    schema: RECORD_SCHEMA_ID,
    id: recordId(doc.text),
    source: doc.meta.source,
    language: doc.meta.language ?? 'und',
    title: doc.meta.title,
    authors: doc.meta.authors,
    published: doc.meta.published,
    dateline: doc.meta.dateline,
    text: doc.text,
    removed: doc.meta.removed,
    sentences: doc.sentences.map((s) => [s.start, s.end]),
    entities: doc.entities,
    times: doc.times,
    quotes: doc.quotes,
    events: doc.events,
    conflicts: doc.conflicts,
    provenance: { pipeline, stages: { ...doc.provenance } },
  };
}
