/**
 * The block filter: what Readability keeps inside the article container but a
 * reader would not call article text. Every dropped block is reported with why.
 */
import type { Author, Removed } from '../../core/record.js';
import { boilerplateReason } from '../boilerplate.js';
import { parseByline } from '../byline.js';
import { parseDateLine } from '../dates.js';
import { NEAR_DUPLICATE, similarity } from '../similarity.js';
import type { Block } from './blocks.js';

export interface Filtered {
  paragraphs: string[];
  removed: Removed[];
}

/** Title, byline and date lines are looked for only this close to the top. */
const HEAD_BLOCKS = 4;

function headReason(b: Block, i: number, ctx: { title: string | null; authors: Author[] }): string | null {
  if (i >= HEAD_BLOCKS) return null;
  if (ctx.title && b.text.length < 400 && similarity(b.text, ctx.title) >= NEAR_DUPLICATE) return 'title';
  if (b.text.length <= 120) {
    if (parseByline(b.text, { requirePrefix: true })) return 'byline';
    if (parseDateLine(b.text)) return 'date';
    if (ctx.authors.length > 0 && ctx.authors.some((a) => a.name === b.text)) return 'byline';
  }
  return null;
}

/** "Published 11:11 PM EST Nov 19, 2019", "| UPDATED: 11:05, Tue, Nov 19, 2019". */
const STAMP = /^\W{0,3}(?:published|updated|posted|last updated|last modified|first published|modified)\b/i;
const GALLERY = /^(?:image|photo|picture|slide|foto)\s+\d+\s*(?:of|\/)\s*\d+$/i;
const CALL_TO_ACTION = /^click here\b/i;
const RELATED_LABEL = /^related\b[\w\s]{0,40}:/i;
/**
 * The last blocks of an article are where sites ask for something: a newsletter
 * sign-up, a follow, an e-mail address for tips. Prose that merely mentions these
 * words elsewhere stays; only a short block at the very end goes.
 */
const TAIL_PROMO = /\b(?:subscribe|sign up|newsletters?|follow (?:us|him|her|me)|share it|reached at|e-?mail (?:us|him|her|me))\b|(?:^|\s)@\w{2,}/i;
const TAIL_BLOCKS = 4;
const BARE_URL = /^(?:https?:\/\/|www\.)\S+$/i;
const SENTENCE_END = /[.!?…]["”’)]?$/;

/**
 * A block that is (nearly) all link text and reads as a headline, not a sentence:
 * a teaser for another story ("SEE MORE: …", "You may also like" lists). Bare URLs
 * and linked sentences stay: those are the author's own references.
 */
function isTeaser(b: Block): boolean {
  if (b.linkChars < 0.8 * b.text.length || BARE_URL.test(b.text) || SENTENCE_END.test(b.text)) return false;
  const words = b.text.split(/\s+/).length;
  return words >= 3 && words <= 20;
}

function lineReason(b: Block, fromEnd: number): string | null {
  if (b.text.length <= 120 && STAMP.test(b.text)) return 'date';
  if (RELATED_LABEL.test(b.text) && b.text.length <= 160) return 'related';
  if (fromEnd < TAIL_BLOCKS && b.text.length < 300 && TAIL_PROMO.test(b.text)) return 'promo';
  if (GALLERY.test(b.text)) return 'gallery';
  if (b.text.length <= 120 && CALL_TO_ACTION.test(b.text)) return 'promo';
  if (isTeaser(b)) return 'related';
  return null;
}

export function filterBlocks(blocks: readonly Block[], ctx: { title: string | null; authors: Author[] }): Filtered {
  const paragraphs: string[] = [];
  const removed: Removed[] = [];
  blocks.forEach((b, i) => {
    const reason = headReason(b, i, ctx) ?? b.furniture ?? boilerplateReason(b.text) ?? lineReason(b, blocks.length - 1 - i);
    if (reason !== null) removed.push({ text: b.text, reason });
    else paragraphs.push(b.text);
  });
  return { paragraphs, removed };
}
