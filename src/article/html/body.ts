/**
 * The article body as blocks: Readability's choice of container, converted by
 * blocks.ts; when Readability finds nothing usable, the page's own JSON-LD
 * articleBody.
 */
import { Readability } from '@mozilla/readability';
import { toBlocks, type Block } from './blocks.js';
import { indexParagraphs, recoverParagraphs } from './recover.js';
import type { Removed } from '../../core/record.js';
import { cleanArticle, type FurnitureMarks } from './preclean.js';
import type { DomDocument, DomElement } from './dom.js';

/** Below this many characters a Readability result is a failure, not an article. */
const MIN_BODY_CHARS = 200;

function readability(doc: DomDocument): DomElement | null {
  const reader = new Readability<DomElement>(doc as never, {
    keepClasses: true,
    disableJSONLD: true,
    serializer: (el) => el as unknown as DomElement,
  });
  return reader.parse()?.content ?? null;
}

function textBlocks(text: string): Block[] {
  return text
    .split(/\n+/)
    .map((t) => t.replace(/\s+/g, ' ').trim())
    .filter((t) => t.length > 0)
    .map((t) => ({ text: t, el: null, tag: 'p', linkChars: 0, furniture: null, origin: null }));
}

export function articleBlocks(doc: DomDocument, jsonLdBody: string | null, marks?: FurnitureMarks): { blocks: Block[]; removed: Removed[] } {
  const paras = indexParagraphs(doc);
  const root = readability(doc);
  const removed = root ? cleanArticle(root) : [];
  const kept = root ? toBlocks(root, { marks, origin: paras.origin }) : [];
  const blocks = recoverParagraphs(kept, paras, marks);
  const chars = blocks.reduce((n, b) => n + b.text.length, 0);
  if (chars < MIN_BODY_CHARS && jsonLdBody !== null && jsonLdBody.length > chars) {
    return { blocks: textBlocks(jsonLdBody), removed: [] };
  }
  return { blocks, removed };
}
