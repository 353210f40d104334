/**
 * Authors: JSON-LD author(s) > meta author / article:author (not a URL) / byl /
 * dc.creator / parsely-author / sailthru.author > visible byline elements > a
 * "By X and Y" line. Declared values are split by the shared byline parser and
 * kept whole when it cannot parse them; visible text only when it parses.
 */
import type { Author } from '../../core/record.js';
import { parseByline } from '../byline.js';
import { all, textNodes, textOf, type DomDocument } from './dom.js';
import { field, names, type JsonObject } from './jsonld.js';
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

const BYLINE_SELECTOR = '[itemprop=author], [rel=author], .byline, .author, .article-author, .post-author';

export function authorsOf(doc: DomDocument, meta: Map<string, string>, ld: JsonObject | undefined): Author[] {
  const fromLd = names(ld && field(ld, 'author')).map(clean).filter((s): s is string => s !== null);
  if (fromLd.length > 0) return dedupe(fromLd.flatMap(toAuthors));
  const m = firstMeta(meta, ['author', 'article:author', 'byl', 'dc.creator', 'parsely-author', 'sailthru.author']);
  if (m && !/^https?:\/\//i.test(m)) {
    const a = dedupe(toAuthors(m));
    if (a.length > 0) return a;
  }
  for (const el of all(doc.querySelectorAll(BYLINE_SELECTOR))) {
    const nameEl = el.querySelector('[itemprop=name]') ?? el;
    const text = nameEl.getAttribute('content') ?? textOf(nameEl);
    if (!text || text.length > 120) continue;
    // Visible text is only taken when it parses as names: ".author" boxes also hold
    // "Posted by admin" or a biography.
    const a = parseByline(text);
    if (a && a.length > 0) return dedupe(a);
  }
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
