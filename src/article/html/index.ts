/**
 * HTML page → ArticleParts. The order matters: metadata is read from the intact
 * page (JSON-LD and meta tags live in parts that cleaning removes), then furniture
 * is removed, Readability picks the article container, and our block filter drops
 * what Readability keeps inside it. docs/extraction.md describes the whole.
 */
import { NewsgraphError } from '../../core/errors.js';
import type { Removed } from '../../core/record.js';
import type { ArticleParts } from '../types.js';
import { firstDateline } from '../dateline.js';
import { checkDepth } from './depth.js';
import { parse } from './dom.js';
import { readMetadata } from './metadata.js';
import { markFurniture, precleanPage } from './preclean.js';
import { articleBlocks } from './body.js';
import { filterBlocks } from './filter.js';

export { MAX_HTML_DEPTH } from './depth.js';

/** The same block can be noted by more than one pass. */
function unique(removed: Removed[]): Removed[] {
  const seen = new Set<string>();
  return removed.filter((r) => !seen.has(r.text) && seen.add(r.text) !== undefined);
}

export function extractHtml(html: string, opts: { url: string | null; name: string }): ArticleParts {
  checkDepth(html, opts.name);
  const doc = parse(html);
  const meta = readMetadata(doc);
  const removed = precleanPage(doc);
  const furniture = markFurniture(doc);
  removed.push(...furniture.removed);
  const article = articleBlocks(doc, meta.jsonLdBody, furniture.marks);
  removed.push(...article.removed);
  const body = filterBlocks(article.blocks, { title: meta.title, authors: meta.authors });
  removed.push(...body.removed);
  const paragraphs = body.paragraphs;
  if (paragraphs.length === 0) {
    throw new NewsgraphError('E_NO_CONTENT', 'no article text found in the HTML page', { input: opts.name });
  }
  const dateline = firstDateline(paragraphs);
  return {
    title: meta.title,
    authors: meta.authors,
    published: meta.published,
    dateline: dateline ? { place: null, text: dateline.place } : null,
    paragraphs,
    removed: unique(removed),
    publisher: meta.publisher,
    declaredLanguage: meta.declaredLanguage,
  };
}
