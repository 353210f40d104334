/**
 * schema.org JSON-LD blocks. Publishers fill these for search engines, so they are
 * the most deliberate metadata a page carries; but they come nested (@graph, arrays),
 * sometimes with HTML comments or trailing commas, and sometimes describe the site
 * rather than the article, hence the type filter.
 */

export type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

const ARTICLE_TYPE =
  /^(Article|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|SocialMediaPosting|BlogPosting|LiveBlogPosting|TechArticle|Review)$/;

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parseLoose(text: string): Json | undefined {
  const cleaned = text
    .replace(/^\s*<!--|-->\s*$/g, '')
    .replace(/^\s*\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>\s*$/g, '')
    .trim();
  try {
    return JSON.parse(cleaned) as Json;
  } catch {
    try {
      // Trailing commas and raw newlines inside strings are the usual hand-written faults.
      return JSON.parse(cleaned.replace(/,\s*([\]}])/g, '$1').replace(/[\n\r\t]+/g, ' ')) as Json;
    } catch {
      return undefined;
    }
  }
}

function collect(v: Json | undefined, out: JsonObject[], depth = 0): void {
  if (depth > 8 || v === undefined) return;
  if (Array.isArray(v)) {
    for (const x of v) collect(x, out, depth + 1);
  } else if (isObject(v)) {
    out.push(v);
    if (v['@graph'] !== undefined) collect(v['@graph'], out, depth + 1);
    if (isObject(v.mainEntity)) collect(v.mainEntity, out, depth + 1);
  }
}

function types(o: JsonObject): string[] {
  const t = o['@type'];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

/** All JSON-LD objects of the page that describe an article, best first. */
export function articleObjects(scripts: readonly string[]): JsonObject[] {
  const all: JsonObject[] = [];
  for (const s of scripts) collect(parseLoose(s), all);
  const articles = all.filter((o) => types(o).some((t) => ARTICLE_TYPE.test(t)));
  // A page about one article sometimes also lists teasers of others; the one with a
  // body, or else with a headline, is the page's own.
  const rank = (o: JsonObject): number => (typeof o.articleBody === 'string' ? 2 : 0) + (o.headline ? 1 : 0);
  return articles.sort((a, b) => rank(b) - rank(a));
}

export function str(v: Json | undefined): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return str(v[0]);
  return null;
}

/** `name` of a schema.org Person/Organization given as a string, object or array of either. */
export function names(v: Json | undefined): string[] {
  if (v === undefined || v === null) return [];
  if (typeof v === 'string') return v.trim() ? [v.trim()] : [];
  if (Array.isArray(v)) return v.flatMap((x) => names(x));
  if (isObject(v)) {
    const n = str(v.name);
    return n ? [n] : [];
  }
  return [];
}

export function field(o: JsonObject, key: string): Json | undefined {
  return o[key];
}

export { isObject };
