/**
 * Reader for scraped plain text (a page's visible text saved by a scraper): the
 * title is the first heading line; before the body comes a header zone of
 * bylines, date lines and repeated headlines; the body is the paragraphs; page
 * furniture anywhere is dropped and listed in `removed`. Nothing that reads as a
 * real paragraph is dropped: only lines matched by narrow rules are removed.
 */
import type { Author, Published, Removed } from '../../core/record.js';
import type { ArticleParts } from '../types.js';
import { boilerplateReason } from '../boilerplate.js';
import { parseByline } from '../byline.js';
import { parseDateLine } from '../dates.js';
import { findDateline } from '../dateline.js';
import { NEAR_DUPLICATE, similarity } from '../similarity.js';
import { splitBlocks } from './blocks.js';

export interface ScrapeOptions {
  /** Title supplied with the input (JSONL `title`); detection is skipped. */
  title?: string | null;
}

/** A line reads as body text: long enough, or a full sentence. */
function isBodyLike(line: string): boolean {
  const words = line.split(/\s+/).length;
  return words >= 12 || (words >= 6 && /[.!?…"”’)]$/.test(line));
}

export function readScrapedText(content: string, options: ScrapeOptions = {}): ArticleParts {
  const blocks = splitBlocks(content);
  const removed: Removed[] = [];
  const authors: Author[] = [];
  let published: Published | null = null;
  let title: string | null = options.title?.trim() || null;
  const body: string[] = [];
  let inHeader = true;

  for (const block of blocks) {
    const reason = boilerplateReason(block);
    if (reason) {
      removed.push({ text: block, reason });
      continue;
    }
    if (title !== null && similarity(block, title) >= NEAR_DUPLICATE) {
      removed.push({ text: block, reason: 'duplicate-title' });
      continue;
    }
    const date = block.length <= 80 ? parseDateLine(block) : null;
    if (date) {
      if (published === null) published = { value: date.value, text: date.text };
      removed.push({ text: block, reason: 'date' });
      continue;
    }
    if (inHeader && !isBodyLike(block)) {
      // Position makes a bare name a byline only in the header; elsewhere it needs "By" or a glued role.
      const byline = parseByline(block, { requirePrefix: title === null });
      if (byline && authors.length === 0) {
        authors.push(...byline);
        removed.push({ text: block, reason: 'byline' });
        continue;
      }
      if (title === null) {
        title = block;
        continue;
      }
      // Short header lines (section labels, kickers) are not body paragraphs.
      if (block.split(/\s+/).length <= 6 && !/[.!?]$/.test(block)) {
        removed.push({ text: block, reason: 'header' });
        continue;
      }
    }
    if (!inHeader && authors.length === 0 && block.length <= 80) {
      const byline = parseByline(block, { requirePrefix: true });
      if (byline) {
        authors.push(...byline);
        removed.push({ text: block, reason: 'byline' });
        continue;
      }
    }
    inHeader = false;
    body.push(block);
  }

  const first = body[0];
  const found = first === undefined ? null : findDateline(first);
  return {
    title,
    authors,
    published,
    dateline: found ? { place: null, text: found.place } : null,
    paragraphs: body,
    removed,
    publisher: null,
    declaredLanguage: null,
  };
}
