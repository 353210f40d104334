/**
 * What the article readers (scraped text, HTML) produce from one raw input:
 * the clean body as paragraphs plus the metadata around it. The Doc is built
 * from this (src/extract.ts).
 */
import type { Author, Dateline, Published, Removed } from '../core/record.js';

export interface ArticleParts {
  title: string | null;
  authors: Author[];
  published: Published | null;
  dateline: Dateline | null;
  /** Clean body paragraphs, in order; joined by "\n\n" they become Doc.text. */
  paragraphs: string[];
  /** Lines or blocks dropped from the body, each with why. */
  removed: Removed[];
  /** Site or publication name, when the page says it. */
  publisher: string | null;
  /** Language declared by the page (html lang, og:locale), ISO 639-1, when present. */
  declaredLanguage: string | null;
}
