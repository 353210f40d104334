/**
 * Meta tags and the text in them: the page's declared metadata, read into a map
 * once so that each field's order of preference is a list of keys.
 */
import { decodeEntities } from '../entities.js';
import { all, type DomDocument } from './dom.js';

export function clean(s: string | null | undefined): string | null {
  if (s === null || s === undefined) return null;
  const t = decodeEntities(s).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
  return t || null;
}

/** meta name/property/itemprop (lowercased) → first non-empty content. */
export function metaMap(doc: DomDocument): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of all(doc.getElementsByTagName('meta'))) {
    const content = m.getAttribute('content');
    if (!content?.trim()) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      // itemprop may list several properties: "datePublished dateCreated".
      for (const key of (m.getAttribute(attr) ?? '').trim().toLowerCase().split(/\s+/)) {
        if (key && !map.has(key)) map.set(key, content.trim());
      }
    }
  }
  return map;
}

export function firstMeta(meta: Map<string, string>, keys: readonly string[]): string | null {
  for (const k of keys) {
    const v = meta.get(k);
    if (v) return v;
  }
  return null;
}
