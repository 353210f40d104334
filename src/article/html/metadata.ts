/**
 * Article metadata from an HTML page. Each field takes the first source that gives
 * a usable value, in this order of preference (also in docs/extraction.md):
 *
 * - title: JSON-LD headline > og:title > twitter:title > the <h1> inside the
 *   article (or the page's only <h1>) > <title>. A " | Site" / " - Site" suffix
 *   naming the site is stripped from og/twitter titles and from <title>.
 * - authors: JSON-LD author(s) > meta author / article:author (not a URL) / byl /
 *   dc.creator / parsely-author / sailthru.author > rel=author links, `[itemprop=author]`,
 *   `.byline`-like elements and "By X and Y" lines. Names given as "Name, Role" or
 *   glued to a role are split by the shared byline parser.
 * - published: JSON-LD datePublished > article:published_time > other meta
 *   (article:published, pubdate, publishdate, publish-date, date, DC.date.issued,
 *   dcterms.issued, DC.date, sailthru.date, parsely-pub-date, itemprop=datePublished,
 *   og:published_time) > <time datetime> (in the article first) > a visible date
 *   line (an element whose class says date/time/published). Values: isodate.ts.
 * - publisher: JSON-LD publisher.name > og:site_name > application-name (not a URL).
 * - declaredLanguage: <html lang> > og:locale > Content-Language meta, as ISO 639-1.
 */
import type { Author, Published } from '../../core/record.js';
import { authorsOf } from './authors.js';
import { all, textOf, type DomDocument } from './dom.js';
import { readDate, readDateLine } from './isodate.js';
import { articleObjects, field, isObject, names, str, type JsonObject } from './jsonld.js';
import { decodeEntities } from '../entities.js';
import { clean, metaMap } from './metatags.js';
import { titleOf } from './title.js';

export interface PageMetadata {
  title: string | null;
  authors: Author[];
  published: Published | null;
  publisher: string | null;
  declaredLanguage: string | null;
  /** JSON-LD articleBody, used as a fallback body and to check ours. */
  jsonLdBody: string | null;
}

const DATE_META = [
  'article:published_time', 'article:published', 'pubdate', 'publishdate', 'publish-date', 'date', 'dc.date.issued', 'dcterms.issued',
  'dc.date', 'sailthru.date', 'parsely-pub-date', 'datepublished', 'og:published_time',
];

function publishedOf(doc: DomDocument, meta: Map<string, string>, ld: JsonObject | undefined): Published | null {
  const fromLd = readDate(str(ld && field(ld, 'datePublished')));
  if (fromLd) return fromLd;
  for (const k of DATE_META) {
    const d = readDate(meta.get(k));
    if (d) return d;
  }
  // A selector list answers in document order, so each preference is its own query.
  for (const selector of ['article time[datetime]', 'main time[datetime]', 'time[pubdate]', 'time[datetime]']) {
    for (const t of all(doc.querySelectorAll(selector))) {
      const d = readDate(t.getAttribute('datetime'));
      if (d) return d;
    }
  }
  for (const el of all(doc.querySelectorAll('[class*=date], [class*=time], [class*=published], time'))) {
    const t = textOf(el);
    if (t.length < 6 || t.length > 60) continue;
    const d = readDateLine(t);
    if (d) return d;
  }
  return null;
}

function publisherOf(meta: Map<string, string>, ld: JsonObject | undefined): string | null {
  const p = ld && field(ld, 'publisher');
  const fromLd = clean(names(isObject(p) || Array.isArray(p) || typeof p === 'string' ? p : undefined)[0]);
  const named = (v: string | null): string | null => (v && !/^https?:\/\//i.test(v) ? v : null);
  return named(fromLd) ?? named(clean(meta.get('og:site_name'))) ?? named(clean(meta.get('application-name')));
}

function iso639(tag: string | null | undefined): string | null {
  const m = /^([a-z]{2})(?:[-_]|$)/i.exec((tag ?? '').trim());
  return m ? m[1]!.toLowerCase() : null;
}

export function readMetadata(doc: DomDocument): PageMetadata {
  const meta = metaMap(doc);
  const scripts = all(doc.querySelectorAll('script[type="application/ld+json"]')).map((s) => s.textContent ?? '');
  const ld = articleObjects(scripts)[0];
  const publisher = publisherOf(meta, ld);
  const lang =
    iso639(doc.documentElement?.getAttribute('lang')) ??
    iso639(meta.get('og:locale')) ??
    iso639(meta.get('content-language'));
  const body = ld ? str(field(ld, 'articleBody')) : null;
  return {
    title: titleOf(doc, meta, ld, publisher),
    authors: authorsOf(doc, meta, ld),
    published: publishedOf(doc, meta, ld),
    publisher,
    declaredLanguage: lang,
    jsonLdBody: body ? decodeEntities(body) : null,
  };
}

