/**
 * The library's entry and the one ordered list of stages. Reordering, adding or
 * replacing a stage happens here and nowhere else; Pipeline.build checks that
 * every stage's requirements are assigned by an earlier one.
 */
import { readArticle } from './article/read.js';
import { languageStage } from './article/language.js';
import { Doc } from './core/doc.js';
import { toNewsgraphError } from './core/errors.js';
import { Pipeline } from './core/pipeline.js';
import type { ArticleRecord } from './core/record.js';
import { docToRecord } from './core/serialize.js';
import type { Stage } from './core/stage.js';
import { VERSION } from './core/version.js';
import type { RawInput } from './ingest/types.js';
import { sentenceStage } from './nlp/sentences.js';
import { posStage } from './nlp/pos/index.js';
import { parserOnDemandStage } from './nlp/parser/stage.js';
import { nerStage } from './nlp/ner/index.js';
import { entityStage } from './entities/stage.js';
import { geoStage } from './geo/stage.js';
import { quoteStage } from './quotes/stage.js';
import { timeStage } from './time/stage.js';
import { eventStage } from './events/stage.js';

/** The default pipeline, in order. Pipeline.build checks each stage's requirements. */
export const DEFAULT_STAGES: readonly Stage[] = [
  languageStage,
  sentenceStage,
  posStage,
  parserOnDemandStage,
  nerStage,
  entityStage,
  geoStage,
  timeStage,
  quoteStage,
  eventStage,
];

let defaultPipeline: Pipeline | undefined;

export function buildDoc(raw: RawInput): Doc {
  const parts = readArticle(raw);
  return new Doc(parts.paragraphs, {
    source: { uri: raw.uri, format: raw.kind === 'html' ? 'html' : 'text', publisher: parts.publisher },
    title: parts.title,
    authors: parts.authors,
    published: parts.published,
    dateline: parts.dateline,
    removed: parts.removed,
    language: parts.declaredLanguage,
  });
}

/** Extract one article record. Throws NewsgraphError naming the input on failure. */
export function extract(raw: RawInput, pipeline?: Pipeline): ArticleRecord {
  try {
    defaultPipeline ??= Pipeline.build(DEFAULT_STAGES);
    const doc = (pipeline ?? defaultPipeline).run(buildDoc(raw));
    return docToRecord(doc, `newsgraph ${VERSION}`);
  } catch (e) {
    throw toNewsgraphError(e, raw.name);
  }
}

export { validateRecord, recordSchema } from './core/schema.js';
export { NewsgraphError, isNewsgraphError } from './core/errors.js';
export type { ArticleRecord } from './core/record.js';
export type { RawInput } from './ingest/types.js';
