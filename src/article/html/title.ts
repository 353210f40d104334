/**
 * The headline: JSON-LD headline > og:title > twitter:title > the <h1> inside the
 * article (or the page's only <h1>) > <title>, without the " | Site" suffix that
 * og/twitter titles and <title> often carry.
 */
import { all, textOf, type DomDocument } from './dom.js';
import { field, str, type JsonObject } from './jsonld.js';
import { clean } from './metatags.js';

const SEPARATOR = /\s+(?:[|–—·•»:-]|::)\s+/g;

function siteKey(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Remove a trailing (or leading) " | Site" segment when it names the site. */
export function stripSiteSuffix(title: string, site: string | null): string {
  if (!site) return title;
  const key = siteKey(site);
  const seps = [...title.matchAll(SEPARATOR)];
  const last = seps[seps.length - 1];
  const first = seps[0];
  if (!key || !last || !first) return title;
  const same = (s: string): boolean => {
    const k = siteKey(s);
    return k.length > 0 && (k === key || k.includes(key) || key.includes(k));
  };
  if (same(title.slice(last.index + last[0].length))) return title.slice(0, last.index).trim();
  if (same(title.slice(0, first.index))) return title.slice(first.index + first[0].length).trim();
  return title;
}

function stripUntitledSuffix(title: string): string {
  // Without a known site name, only a final short segment after " | " or " - " is
  // taken for the site: the longest segment is the headline.
  const m = /^(.*\S)\s+[|–—-]\s+([^|–—-]{1,40})$/.exec(title);
  if (!m) return title;
  return m[1]!.split(/\s+/).length >= 3 ? m[1]! : title;
}

export function titleOf(doc: DomDocument, meta: Map<string, string>, ld: JsonObject | undefined, site: string | null): string | null {
  const fromLd = clean(str(ld && field(ld, 'headline')));
  if (fromLd) return fromLd;
  for (const k of ['og:title', 'twitter:title']) {
    const v = clean(meta.get(k));
    if (v) return stripSiteSuffix(v, site);
  }
  const h1s = all(doc.getElementsByTagName('h1'));
  const inArticle = h1s.find((h) => h.closest('article, main, [itemprop=articleBody], [role=main]') !== null);
  const h1 = inArticle ?? (h1s.length === 1 ? h1s[0] : undefined);
  const fromH1 = h1 ? textOf(h1) : '';
  if (fromH1) return fromH1;
  const t = textOf(doc.querySelector('title'));
  if (!t) return null;
  const stripped = stripSiteSuffix(t, site);
  return stripped === t ? stripUntitledSuffix(t) : stripped;
}
