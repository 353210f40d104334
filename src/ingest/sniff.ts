/**
 * Which reader an input needs: from the file extension or Content-Type when they
 * say, else from the first bytes of text. Containers of many inputs (JSONL,
 * feeds, WARC) are read by src/ingest/inputs.ts before these single-input rules;
 * met here, they are refused with a message saying what they are.
 */
import { NewsgraphError } from '../core/errors.js';
import type { InputKind } from './types.js';

const HTML_EXT = /\.(?:html?|xhtml|shtml|php|aspx?)$/i;
const TEXT_EXT = /\.(?:txt|text|md)$/i;
const OTHER_EXT: ReadonlyArray<[RegExp, string]> = [
  [/\.jsonl?$/i, 'JSON: JSON lines are read from a .jsonl input or --jsonl-in FILE, a line each'],
  [/\.warc(?:\.gz)?$/i, 'a WARC archive is read record by record, not as one article'],
  [/\.(?:rss|atom)$/i, 'a feed is read item by item, not as one article'],
  [/\.(?:pdf|docx?|xlsx?|pptx?|odt|epub|zip|tar|7z|rar|png|jpe?g|gif|webp|mp[34]|mov|exe|bin|so|dll|sqlite|db)$/i, 'not a text or HTML article'],
];

export function kindFromName(name: string): InputKind | null {
  const base = name.replace(/\.gz$/i, '').replace(/[?#].*$/, '');
  if (HTML_EXT.test(base)) return 'html';
  if (TEXT_EXT.test(base)) return 'raw';
  for (const [re, why] of OTHER_EXT) {
    if (re.test(base)) throw new NewsgraphError('E_FORMAT', `unsupported format (${why})`, { input: name });
  }
  return null;
}

export function kindFromContentType(contentType: string | null | undefined, input: string): InputKind | null {
  if (!contentType) return null;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'text/plain' || type === 'text/markdown') return 'raw';
  if (/xml|rss|atom/.test(type)) {
    throw new NewsgraphError('E_FORMAT', `unsupported format (${type}: an XML document or feed, not an article page)`, { input });
  }
  if (type.startsWith('text/')) return 'raw';
  throw new NewsgraphError('E_FORMAT', `unsupported content type ${type}`, { input });
}

/** Decide from content: markup near the start means HTML, otherwise scraped text. */
export function kindFromContent(text: string): InputKind {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  if (/^(?:<!doctype html|<html[\s>]|<\?xml[^>]*>\s*<html)/.test(head)) return 'html';
  const tags = head.match(/<(?:p|div|body|head|title|article|span|a|br|meta|script)[\s>/]/g);
  return tags && tags.length >= 3 ? 'html' : 'raw';
}
