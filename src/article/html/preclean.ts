/**
 * Removal of page furniture, in two passes.
 *
 * Before Readability, only elements whose tag or ARIA role says "not content"
 * (nav, aside, role=navigation, scripts, forms' controls) go. Removing more at
 * that point changes which container Readability picks, not always for the better:
 * it climbs from a container left with a single child to the parent and pulls in
 * the siblings there.
 *
 * After Readability, inside the container it chose, class/id names are trusted:
 * Readability's own unlikely-candidate test spares anything whose class also says
 * "article" or "content" ("related-articles", "social-content") and keeps
 * captions, headers and bylines that sit inside the article element.
 */
import type { Removed } from '../../core/record.js';
import { all, textOf, TEXT_NODE, type DomDocument, type DomElement, type DomNode } from './dom.js';
import { furnitureReason } from './furniture.js';

/** Tags that never hold article prose: removed from the whole page. */
const PAGE_TAGS: Record<string, string | null> = {
  nav: 'navigation', aside: 'aside', dialog: 'dialog',
  // No visible text: not worth listing in `removed`.
  script: null, style: null, noscript: null, template: null, iframe: null, button: null, select: null,
};

const PAGE_ROLES = /^(navigation|complementary|banner|contentinfo|menu|menubar|dialog|alertdialog|search|toolbar)$/i;

/**
 * Inside the article container, <header> holds the headline, standfirst and date
 * line and <figure> the picture with its caption and credit: neither is body text.
 * On the whole page they can wrap the article, so they are only dropped there.
 */
const ARTICLE_TAGS: Record<string, string> = { header: 'header', figure: 'caption', figcaption: 'caption' };

/** Containers that hold the article itself: never removed, whatever their class says. */
const KEEP = new Set(['html', 'body', 'main', 'article']);

const MAX_REMOVED_TEXT = 300;

/** Characters of paragraph text under `el`: the prose, without menus and link lists. */
function proseLength(el: DomElement): number {
  let n = 0;
  for (const p of all(el.getElementsByTagName('p'))) n += (p.textContent ?? '').length;
  return n;
}

const EMBEDDED_POST = /\b(twitter-tweet|instagram-media|tiktok-embed|fb-xfbml-parse-ignore|bluesky-embed|mastodon-embed)\b/i;

/**
 * A class word can describe a wrapper ("page has-comments"): an element holding
 * much of the prose, or the headline, is the article's container.
 */
function wrapsArticle(el: DomElement, total: number): boolean {
  // One walk instead of a selector query plus a paragraph count: this runs for
  // every furniture element of the page.
  let prose = 0;
  const stack: DomElement[] = [el];
  while (stack.length > 0) {
    const e = stack.pop()!;
    const tag = e.localName;
    if (tag === 'article' || tag === 'main' || tag === 'h1' || e.getAttribute('itemprop') === 'articleBody') return true;
    // An embedded post (a tweet quoted in the story) sits in a "social-embed" box
    // but is part of what the article reports.
    if (tag === 'blockquote' && EMBEDDED_POST.test(e.getAttribute('class') ?? '')) return true;
    if (tag === 'p') {
      prose += (e.textContent ?? '').length;
      continue;
    }
    const kids = e.children;
    for (let i = 0; i < kids.length; i++) stack.push(kids[i]!);
  }
  return total > 0 && prose > 0.4 * total;
}

/**
 * Visit the elements under `root` in document order; when `visit` removes one (returns
 * true), its subtree is skipped. An explicit stack: no recursion on deep pages.
 */
function eachElement(root: DomElement, visit: (el: DomElement) => boolean): void {
  const stack: DomElement[] = all(root.children).reverse();
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (visit(el)) continue;
    const kids = el.children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
}

function note(removed: Removed[], el: DomElement, reason: string): void {
  const text = textOf(el);
  if (text) removed.push({ text: text.length > MAX_REMOVED_TEXT ? `${text.slice(0, MAX_REMOVED_TEXT - 1)}…` : text, reason });
}

/**
 * First pass, on the whole page. Elements dropped from inside an <article> (where
 * a reader would see them as part of the story) are returned as removed; page
 * chrome outside it is not worth listing.
 */
export function precleanPage(doc: DomDocument): Removed[] {
  const removed: Removed[] = [];
  const body = doc.body;
  if (!body) return removed;
  eachElement(body, (el) => {
    const tag = el.localName;
    const role = el.getAttribute('role');
    let reason: string | null;
    if (tag in PAGE_TAGS) reason = PAGE_TAGS[tag] ?? null;
    else if (role !== null && PAGE_ROLES.test(role) && !KEEP.has(tag)) reason = 'navigation';
    else return false;
    if (reason !== null && el.closest('article, [itemprop=articleBody]') !== null) note(removed, el, reason);
    el.remove();
    return true;
  });
  return removed;
}

/** Text nodes of the page that sit in furniture, with the reason. */
export type FurnitureMarks = WeakMap<DomNode, string>;

function markText(el: DomElement, reason: string, marks: FurnitureMarks): void {
  const stack: DomNode[] = [el];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.nodeType === TEXT_NODE) marks.set(n, reason);
    const kids = n.childNodes;
    for (let i = 0; i < kids.length; i++) stack.push(kids[i]!);
  }
}

/**
 * Readability rebuilds what it keeps: a <div class="share-bar"> holding only text
 * comes out as a bare <p>, its class gone. Text nodes are moved, never copied, so
 * the furniture judgement is made on the intact page and pinned to them.
 */
export function markFurniture(doc: DomDocument): { marks: FurnitureMarks; removed: Removed[] } {
  const marks: FurnitureMarks = new WeakMap();
  const removed: Removed[] = [];
  const body = doc.body;
  if (!body) return { marks, removed };
  const total = proseLength(body);
  eachElement(body, (el) => {
    if (KEEP.has(el.localName) || el.getAttribute('itemprop') === 'articleBody') return false;
    const reason = furnitureReason(el);
    if (reason === null || wrapsArticle(el, total)) return false;
    markText(el, reason, marks);
    // Listed now because Readability may drop it silently later.
    if (el.closest('article, [itemprop=articleBody]') !== null) note(removed, el, reason);
    return true;
  });
  for (const p of all(body.getElementsByTagName('p'))) {
    for (const el of inlineLinkLists(p)) {
      markText(el, INLINE_LINKS, marks);
      note(removed, el, INLINE_LINKS);
    }
  }
  return { marks, removed };
}

/** Elements under `root` in document order, or null when there are more than `max`. */
function descendants(root: DomElement, max: number): DomElement[] | null {
  const out: DomElement[] = [];
  // Past `max`, every visit skips its subtree: the walk ends without reading the rest.
  eachElement(root, (el) => out.push(el) > max);
  return out.length > max ? null : out;
}

/** The furniture reason of a list of links inside a sentence: its text is cut out of the paragraph. */
export const INLINE_LINKS = 'inline-links';
const MIN_LINKS = 3;
const MIN_CHARS = 40;
const MAX_INSIDE = 500;

/**
 * Lists of links a page tucks inside a paragraph: a hover card on a politician's name with
 * their latest headlines ("Rep. Ilhan Omar[Ilhan Omar | Hillicon Valley: … | MORE] (D-Minn.)").
 * An element of the paragraph, not a link itself, holding three links or more and 40 characters,
 * nine tenths of them link text, beside 40 characters or more of the paragraph's own prose; the
 * innermost such.
 */
function inlineLinkLists(p: DomElement): DomElement[] {
  if (p.getElementsByTagName('a').length < MIN_LINKS) return [];
  const inside = descendants(p, MAX_INSIDE);
  // A paragraph is small; a page that wraps everything in one <p> is not read this way.
  if (inside === null) return [];
  const whole = textOf(p).length;
  const found: DomElement[] = [];
  for (const el of inside) {
    if (el.localName === 'a') continue;
    const links = all(el.getElementsByTagName('a'));
    if (links.length < MIN_LINKS) continue;
    const text = textOf(el).length;
    const linked = links.reduce((n, a) => n + textOf(a).length, 0);
    if (text < MIN_CHARS || linked < 0.9 * text || whole - text < MIN_CHARS) continue;
    // Innermost: an element holding one already found is its wrapper.
    if (found.some((f) => el.contains(f))) continue;
    for (let i = found.length - 1; i >= 0; i--) if (found[i]!.contains(el)) found.splice(i, 1);
    found.push(el);
  }
  return found;
}

/** Second pass, inside the container Readability chose; everything dropped is listed. */
export function cleanArticle(root: DomElement): Removed[] {
  const removed: Removed[] = [];
  const total = proseLength(root);
  eachElement(root, (el) => {
    const tag = el.localName;
    if (KEEP.has(tag) || el.getAttribute('itemprop') === 'articleBody') return false;
    const reason = ARTICLE_TAGS[tag] ?? furnitureReason(el);
    if (reason === null || wrapsArticle(el, total)) return false;
    note(removed, el, reason);
    el.remove();
    return true;
  });
  return removed;
}
