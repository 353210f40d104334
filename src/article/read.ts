/**
 * One raw input → ArticleParts, by kind: a clean body as given ("text"), a
 * scraped text file ("raw"), or an HTML page ("html").
 */
import { NewsgraphError } from '../core/errors.js';
import type { RawInput } from '../ingest/types.js';
import { parseDate } from './dates.js';
import { extractHtml } from './html/index.js';
import { readScrapedText } from './text/scrape.js';
import type { ArticleParts } from './types.js';

function cleanBody(content: string): ArticleParts {
  const paragraphs = content
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  return {
    title: null, authors: [], published: null, dateline: null, paragraphs, removed: [],
    publisher: null, declaredLanguage: null,
  };
}

export function readArticle(raw: RawInput): ArticleParts {
  let parts: ArticleParts;
  switch (raw.kind) {
    case 'text':
      parts = cleanBody(raw.content);
      break;
    case 'raw':
      parts = readScrapedText(raw.content, { title: raw.title ?? null });
      break;
    case 'html':
      parts = extractHtml(raw.content, { url: raw.uri, name: raw.name });
      break;
  }
  if (raw.title) parts.title = raw.title.trim();
  if (raw.published) {
    const d = parseDate(raw.published);
    if (!d) throw new NewsgraphError('E_BAD_JSONL', `"published" is not an ISO date or datetime: ${JSON.stringify(raw.published)}`, { input: raw.name });
    parts.published = { value: d.value, text: raw.published };
  }
  if (parts.paragraphs.length === 0) {
    throw new NewsgraphError('E_NO_CONTENT', 'no article text found', { input: raw.name });
  }
  return parts;
}
