/**
 * Authors: JSON-LD author(s) > meta author / article:author (not a URL) / byl /
 * dc.creator / parsely-author / sailthru.author > visible byline elements > a
 * "By X and Y" line. Declared values are split by the shared byline parser and
 * kept whole when it cannot parse them; visible text only when it parses. A
 * declared author without a role takes the JSON-LD `jobTitle`, else the role the
 * visible byline gives the same name.
 */
import type { Author } from '../../core/record.js';
import { parseByline } from '../byline.js';
import { all, textNodes, textOf, type DomDocument, type DomElement } from './dom.js';
import { classWords } from './furniture.js';
import { field, isObject, names, str, type Json, type JsonObject } from './jsonld.js';
import { clean, firstMeta } from './metatags.js';

function toAuthors(raw: string): Author[] {
  const v = raw.replace(/\s+/g, ' ').trim();
  if (!v || /^https?:\/\//i.test(v) || v.length > 120) return [];
  const parsed = parseByline(/^by\b/i.test(v) ? v : `By ${v}`);
  if (parsed && parsed.length > 0) return parsed;
  return [{ name: v.replace(/^by\s+/i, ''), role: null }];
}

function dedupe(authors: Author[]): Author[] {
  const seen = new Set<string>();
  return authors.filter((a) => {
    const k = a.name.toLowerCase();
    if (!a.name || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

// `[class*=…]` finds candidates; classWords then keeps only a whole "byline" word
// ("story__byline", "article-byline", "bylineText"), not "bylines-archive-link" alone.
const BYLINE_SELECTOR =
  '[itemprop=author], [rel=author], .byline, .author, .article-author, .post-author, [class*=byline], [class*=Byline], [class*=ByLine]';

function isBylineElement(el: DomElement): boolean {
  const cls = el.getAttribute('class') ?? '';
  // Without "byline" in its class it was matched by one of the exact selectors.
  return !/byline/i.test(cls) || classWords(cls, '').includes('byline');
}

/** Authors of the visible byline elements, in document order, each element parsed alone. */
function* visibleBylines(doc: DomDocument): Generator<Author[]> {
  for (const el of all(doc.querySelectorAll(BYLINE_SELECTOR))) {
    if (!isBylineElement(el)) continue;
    const nameEl = el.querySelector('[itemprop=name]') ?? el;
    const text = nameEl.getAttribute('content') ?? textOf(nameEl);
    if (!text || text.length > 120) continue;
    // Visible text is only taken when it parses as names: ".author" boxes also hold
    // "Posted by admin" or a biography.
    const a = parseByline(text);
    if (a && a.length > 0) yield dedupe(a);
  }
}

/** schema.org authors: a string, a Person/Organization (its `jobTitle` is the role), or a list. */
function ldAuthors(v: Json | undefined, depth = 0): Author[] {
  if (v === undefined || v === null || depth > 4) return [];
  if (Array.isArray(v)) return v.flatMap((x) => ldAuthors(x, depth + 1));
  if (typeof v === 'string') {
    const s = clean(v);
    return s ? toAuthors(s) : [];
  }
  if (!isObject(v)) return [];
  const name = clean(names(v)[0]);
  if (!name) return [];
  const authors = toAuthors(name);
  const job = clean(str(v.jobTitle));
  if (job && job.length <= 60 && !/^https?:\/\//i.test(job) && authors.length === 1 && authors[0]!.role === null) {
    return [{ name: authors[0]!.name, role: job }];
  }
  return authors;
}

const nameKey = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Declared metadata often gives the name alone while the visible byline says
 * "Name, Role": an author without a role takes the role the visible byline gives
 * the same name (never a name or a role from a different person).
 */
function completeRoles(doc: DomDocument, authors: Author[]): Author[] {
  if (authors.every((a) => a.role !== null)) return authors;
  const roles = new Map<string, string>();
  for (const list of [...visibleBylines(doc), bylineLine(doc)]) {
    for (const a of list) if (a.role && !roles.has(nameKey(a.name))) roles.set(nameKey(a.name), a.role);
  }
  if (roles.size === 0) return authors;
  return authors.map((a) => (a.role === null && roles.has(nameKey(a.name)) ? { name: a.name, role: roles.get(nameKey(a.name))! } : a));
}

export function authorsOf(doc: DomDocument, meta: Map<string, string>, ld: JsonObject | undefined): Author[] {
  const fromLd = dedupe(ldAuthors(ld && field(ld, 'author')));
  if (fromLd.length > 0) return completeRoles(doc, fromLd);
  const m = firstMeta(meta, ['author', 'article:author', 'byl', 'dc.creator', 'parsely-author', 'sailthru.author']);
  if (m && !/^https?:\/\//i.test(m)) {
    const a = dedupe(toAuthors(m));
    if (a.length > 0) return completeRoles(doc, a);
  }
  for (const a of visibleBylines(doc)) return a;
  return bylineLine(doc);
}

/**
 * A "By X and Y" line anywhere in the body. Found from the text nodes (a linear
 * walk) rather than by testing every element's text, which is quadratic on deep
 * pages; "By" often sits alone in a span, so the line is its nearest ancestor
 * holding more than that.
 */
function bylineLine(doc: DomDocument): Author[] {
  if (!doc.body) return [];
  for (const node of textNodes(doc.body)) {
    const t = node.textContent ?? '';
    if (!/^\s*by\b/i.test(t) || t.length > 100) continue;
    let el = node.parentElement;
    for (let up = 0; el && up < 3 && textOf(el).length <= 3; up++) el = el.parentElement;
    const line = el ? textOf(el) : '';
    if (line.length < 100) {
      const a = parseByline(line);
      if (a && a.length > 0) return dedupe(a);
    }
  }
  return [];
}
