/**
 * Reader for scraped plain text (a page's visible text saved by a scraper).
 *
 * The page is read in three zones:
 *  - a header zone, up to the first line that reads as body prose: section labels,
 *    breadcrumbs, the headline, bylines, date lines, "3 minute read" and the like;
 *    the headline is the first header line that looks like one (four words or more),
 *    else the longest;
 *  - the body: every paragraph, minus lines matched by the narrow boilerplate rules,
 *    near-repeats of the headline and late bylines or date lines;
 *  - link lists: after a heading such as "Read Next" or "Most popular", the short,
 *    unpunctuated lines that follow are headlines of other articles, until prose resumes.
 * Nothing that reads as a real paragraph is dropped.
 */
import type { Author, Published, Removed } from '../../core/record.js';
import type { ArticleParts } from '../types.js';
import { boilerplateReason } from '../boilerplate.js';
import { parseByline } from '../byline.js';
import { parseDateLine } from '../dates.js';
import { firstDateline } from '../dateline.js';
import { NEAR_DUPLICATE, similarity } from '../similarity.js';
import { splitBlocks } from './blocks.js';

export interface ScrapeOptions {
  /** Title supplied with the input (JSONL `title`); detection is skipped. */
  title?: string | null;
}

const MAX_HEADER_LINES = 15;

function wordCount(line: string): number {
  return line.split(/\s+/).length;
}

/**
 * A line reads as body prose: a sentence that ends like one, or very long.
 * Headlines can be long but rarely end with a full stop.
 */
function isBodyLike(line: string): boolean {
  const words = wordCount(line);
  return words >= 30 || (words >= 6 && /[.!?…"”’)]$/.test(line));
}

/** A headline of another article in a link list: short and unpunctuated. */
function isLinkLine(line: string): boolean {
  return wordCount(line) <= 16 && !/[.!?…:"”]$/.test(line);
}

class Collector {
  readonly removed: Removed[] = [];
  readonly authors: Author[] = [];
  published: Published | null = null;

  drop(text: string, reason: string): void {
    this.removed.push({ text, reason });
  }

  /** Take a byline or date line if the block is one; true when taken. */
  takeMeta(block: string, bylineNeedsPrefix: boolean): boolean {
    const date = block.length <= 100 ? parseDateLine(block) : null;
    if (date) {
      this.published ??= { value: date.value, text: date.text };
      this.drop(block, 'date');
      return true;
    }
    if (this.authors.length === 0 && block.length <= 120) {
      const byline = parseByline(block, { requirePrefix: bylineNeedsPrefix });
      if (byline) {
        this.authors.push(...byline);
        this.drop(block, 'byline');
        return true;
      }
    }
    return false;
  }
}

function chooseTitle(candidates: readonly string[]): number {
  const headline = candidates.findIndex((c) => wordCount(c) >= 4);
  if (headline >= 0) return headline;
  let best = -1;
  candidates.forEach((c, i) => {
    if (best < 0 || c.length > candidates[best]!.length) best = i;
  });
  return best;
}

export function readScrapedText(content: string, options: ScrapeOptions = {}): ArticleParts {
  const blocks = splitBlocks(content);
  const out = new Collector();
  let title: string | null = options.title?.trim() || null;

  // Header zone: everything before the first body-like line (bounded).
  let bodyStart = blocks.findIndex((b) => isBodyLike(b) && !boilerplateReason(b) && !parseDateLine(b));
  // No prose near the top: only the first line can be the headline.
  if (bodyStart < 0 || bodyStart > MAX_HEADER_LINES) bodyStart = Math.min(blocks.length, 1);
  const header = blocks.slice(0, bodyStart);
  const candidates: string[] = [];
  const candidateAt: number[] = [];
  header.forEach((block, i) => {
    const reason = boilerplateReason(block);
    if (reason) return;
    // Before a title exists, only bylines that say so ("By …", glued role) are bylines.
    if (parseDateLine(block) || parseByline(block, { requirePrefix: true })) return;
    candidates.push(block);
    candidateAt.push(i);
  });
  const titleIndex = title === null ? candidateAt[chooseTitle(candidates)] ?? -1 : -1;
  if (titleIndex >= 0) title = header[titleIndex]!;
  header.forEach((block, i) => {
    if (i === titleIndex) return;
    const reason = boilerplateReason(block);
    if (reason) return out.drop(block, reason);
    if (title !== null && similarity(block, title) >= NEAR_DUPLICATE) return out.drop(block, 'duplicate-title');
    // After the headline a bare name is a byline by position.
    if (out.takeMeta(block, i < titleIndex || titleIndex < 0)) return;
    out.drop(block, 'header');
  });

  const body: string[] = [];
  let inLinkList = false;
  for (const block of blocks.slice(bodyStart)) {
    const reason = boilerplateReason(block);
    if (reason) {
      // A bare "Read Next" / "Most popular" heading opens a list of other articles' headlines.
      if (reason === 'related' && wordCount(block) <= 4) inLinkList = true;
      out.drop(block, reason);
      continue;
    }
    if (inLinkList && isLinkLine(block)) {
      out.drop(block, 'related');
      continue;
    }
    inLinkList = false;
    if (title !== null && similarity(block, title) >= NEAR_DUPLICATE) {
      out.drop(block, 'duplicate-title');
      continue;
    }
    if (block.length <= 100 && out.takeMeta(block, true)) continue;
    body.push(block);
  }

  const found = firstDateline(body);
  return {
    title,
    authors: out.authors,
    published: out.published,
    dateline: found ? { place: null, text: found.place } : null,
    paragraphs: body,
    removed: out.removed,
    publisher: null,
    declaredLanguage: null,
  };
}
