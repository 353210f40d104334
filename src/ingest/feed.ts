/**
 * RSS 2.0 (and 0.9x), RSS 1.0 (RDF) and Atom feeds → one input per item.
 *
 * Parsed with our own strict reader (xml.ts), which refuses entity declarations
 * and never fetches anything, so a hostile feed can neither blow up memory nor
 * make us read files or URLs it names. An item that carries its full text
 * (content:encoded, Atom content) becomes an input straight away; one that only
 * links to the article becomes an input whose load() fetches the link through
 * the same private-address guard and limits as any URL.
 */
import { NewsgraphError } from '../core/errors.js';
import { charsetFromContentType, decodeBytes } from './decode.js';
import type { InputItem } from './inputs.js';
import type { RawInput } from './types.js';
import { fetchUrlInput } from './url.js';
import type { FetchOptions } from './url.js';
import { XmlError, XML_NS, attr, childElements, innerHtml, parseXml, textOf } from './xml.js';
import type { XmlElement } from './xml.js';

export type FeedFormat = 'rss' | 'atom' | 'rdf';

export interface FeedItem {
  title: string | null;
  /** Absolute http(s) link to the article, when the item gives one. */
  link: string | null;
  /** guid / Atom id / rdf:about, to name an item that has no link. */
  id: string | null;
  /** ISO 8601 (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS with an offset when the feed states one). */
  published: string | null;
  /** The full article when the feed carries it. */
  content: { kind: 'html' | 'text'; text: string } | null;
}

export interface Feed {
  format: FeedFormat;
  title: string | null;
  items: FeedItem[];
}

const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  atom03: 'http://purl.org/atom/ns#',
  rss1: 'http://purl.org/rss/1.0/',
  rss090: 'http://my.netscape.com/rdf/simple/0.9/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
};

// ---------------------------------------------------------------- sniffing

function headText(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 65536);
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le').decode(head);
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be').decode(head);
  return Buffer.from(head).toString('latin1').replace(/^\xEF\xBB\xBF/, '');
}

/** Is this a feed? Decided by the first element after the XML prolog, so an HTML page mentioning "<rss" is not one. */
export function sniffFeed(bytes: Uint8Array): FeedFormat | null {
  let s = headText(bytes).replace(/^\uFEFF/, '');
  for (;;) {
    s = s.replace(/^[ \t\r\n]+/, '');
    const close = s.startsWith('<?') ? '?>' : s.startsWith('<!--') ? '-->' : null;
    if (close) {
      const end = s.indexOf(close);
      if (end === -1) return null;
      s = s.slice(end + close.length);
    } else if (s.startsWith('<!DOCTYPE')) {
      const m = /^<!DOCTYPE[^[>]*(?:\[[\s\S]*?\][ \t\r\n]*)?>/.exec(s);
      if (!m) return null;
      s = s.slice(m[0].length);
    } else break;
  }
  const m = /^<(?:[A-Za-z_][\w.-]*:)?(rss|feed|RDF)[\s>/]/.exec(s);
  if (!m) return null;
  return m[1] === 'rss' ? 'rss' : m[1] === 'feed' ? 'atom' : 'rdf';
}

// ---------------------------------------------------------------- decoding

/** Bytes → text: a BOM, then the HTTP charset or the user's --charset, then the XML declaration, else UTF-8. */
export function decodeFeedBytes(bytes: Uint8Array, input: string, contentType: string | null, userCharset: string | null | undefined): string {
  const decl = /^(?:\xEF\xBB\xBF)?[ \t\r\n]*<\?xml[^>]*?encoding[ \t\r\n]*=[ \t\r\n]*["']([A-Za-z0-9._:-]+)["']/.exec(Buffer.from(bytes.subarray(0, 512)).toString('latin1'));
  // A declaration readable as ASCII cannot be in UTF-16, whatever it claims.
  const declared = decl?.[1] && !/^utf-?16/i.test(decl[1]) ? decl[1] : null;
  const charset = userCharset ?? (charsetFromContentType(contentType) ? null : declared);
  return decodeBytes(bytes, input, { contentType, charset, kind: 'raw' }).text;
}

// ---------------------------------------------------------------- dates

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ZONES: Record<string, string> = {
  ut: 'Z', utc: 'Z', gmt: 'Z', z: 'Z', est: '-05:00', edt: '-04:00', cst: '-06:00', cdt: '-05:00',
  mst: '-07:00', mdt: '-06:00', pst: '-08:00', pdt: '-07:00',
};
const RFC822 = /^(?:[A-Za-z]{2,9}\.?,?[ \t]*)?(\d{1,2})[ \t]+([A-Za-z]{3,9})\.?[ \t]+(\d{4}|\d{2})(?:[ \t]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?[ \t]*([A-Za-z]{1,5}|[+-]\d{2}:?\d{2})?$/;
const W3CDTF = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?[ \t]*([Zz]|[+-]\d{2}:?\d{2})?)?$/;

const pad = (n: number): string => String(n).padStart(2, '0');

function offsetOf(zone: string | undefined): string {
  if (!zone) return '';
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (m) return `${m[1]}${m[2]}:${m[3]}`;
  // Unknown names and RFC 822 military letters say nothing reliable: no offset rather than a wrong one.
  return ZONES[zone.toLowerCase()] ?? '';
}

function isoFrom(y: number, mo: number, d: number, h?: string, mi?: string, s?: string, zone?: string): string | null {
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (mo < 1 || mo > 12 || d < 1 || d > days) return null;
  const date = `${y}-${pad(mo)}-${pad(d)}`;
  if (h === undefined || mi === undefined) return date;
  const [hh, mm, ss] = [Number(h), Number(mi), Number(s ?? 0)];
  if (hh > 23 || mm > 59 || ss > 59) return date;
  return `${date}T${pad(hh)}:${pad(mm)}:${pad(ss)}${offsetOf(zone)}`;
}

/** A feed date (RFC 822 pubDate, W3C-DTF dc:date, RFC 3339 Atom) → ISO 8601, or null when it is not one. */
export function feedDateToIso(text: string | null): string | null {
  const t = text?.trim();
  if (!t) return null;
  const w = W3CDTF.exec(t);
  if (w) return isoFrom(Number(w[1]), Number(w[2]), Number(w[3]), w[4], w[5], w[6], w[7]);
  const r = RFC822.exec(t);
  if (!r) return null;
  const month = MONTHS.indexOf(r[2]!.slice(0, 3).toLowerCase()) + 1;
  if (month === 0) return null;
  let year = Number(r[3]);
  if (r[3]!.length === 2) year += year < 50 ? 2000 : 1900;
  return isoFrom(year, month, Number(r[1]), r[4], r[5], r[6], r[7]);
}

// ---------------------------------------------------------------- parsing

function first(el: XmlElement, local: string, ...nss: Array<string | null>): XmlElement | null {
  for (const ns of nss) {
    const found = childElements(el, local, ns)[0];
    if (found) return found;
  }
  return null;
}

function text(el: XmlElement | null): string | null {
  const t = el ? textOf(el).replace(/\s+/g, ' ').trim() : '';
  return t.length > 0 ? t : null;
}

/** Markup in a title (Atom type="html") → its text. */
function htmlToText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_, ref: string) => {
      const r = ref.toLowerCase();
      if (r.startsWith('#x') || r.startsWith('#')) {
        const cp = parseInt(r.slice(r.startsWith('#x') ? 2 : 1), r.startsWith('#x') ? 16 : 10);
        return cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : '';
      }
      return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' } as Record<string, string>)[r] ?? '';
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** The base for resolving links inside `el`: its xml:base against the parent's base. */
function baseOf(el: XmlElement, parentBase: string | null): string | null {
  const declared = attr(el, 'base', XML_NS);
  if (declared === null) return parentBase;
  try {
    return new URL(declared, parentBase ?? undefined).href;
  } catch {
    return parentBase;
  }
}

/** An absolute http(s) URL, or null: a feed must not hand us file:, javascript: or unresolvable links. */
function resolveLink(href: string | null, base: string | null): string | null {
  if (!href?.trim()) return null;
  try {
    const url = new URL(href.trim(), base ?? undefined);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function nonBlank(s: string | null | undefined): string | null {
  return s && s.trim().length > 0 ? s : null;
}

function rssItem(item: XmlElement, base: string | null, format: 'rss' | 'rdf'): FeedItem {
  const itemBase = baseOf(item, base);
  const ns = format === 'rss' ? [null] : [NS.rss1, NS.rss090, null];
  const linkEl = first(item, 'link', ...ns);
  const guidEl = first(item, 'guid', null);
  let link = resolveLink(text(linkEl), linkEl ? baseOf(linkEl, itemBase) : itemBase);
  // A guid is the article's URL unless isPermaLink="false".
  if (!link && guidEl && attr(guidEl, 'isPermaLink') !== 'false') link = resolveLink(text(guidEl), itemBase);
  const encoded = first(item, 'encoded', NS.content);
  const body = encoded ? nonBlank(textOf(encoded)) : null;
  return {
    title: text(first(item, 'title', ...ns)),
    link,
    id: text(guidEl) ?? attr(item, 'about', NS.rdf),
    published: feedDateToIso(text(first(item, 'pubDate', null))) ?? feedDateToIso(text(first(item, 'date', NS.dc))),
    content: body ? { kind: 'html', text: body } : null,
  };
}

function atomText(el: XmlElement | null): string | null {
  if (!el) return null;
  const type = (attr(el, 'type') ?? 'text').toLowerCase();
  if (type === 'xhtml') return nonBlank(htmlToText(innerHtml(el)));
  if (type === 'html' || type === 'text/html') return nonBlank(htmlToText(textOf(el)));
  return text(el);
}

function atomContent(el: XmlElement | null): FeedItem['content'] {
  if (!el || attr(el, 'src') !== null) return null;
  const type = (attr(el, 'type') ?? 'text').toLowerCase();
  const mode = attr(el, 'mode'); // Atom 0.3
  if (type === 'xhtml' || type === 'application/xhtml+xml' || mode === 'xml') {
    const divs = childElements(el, 'div');
    const holder = divs.length === 1 && el.children.every((c) => typeof c !== 'string' || c.trim() === '') ? divs[0]! : el;
    const html = nonBlank(innerHtml(holder));
    return html ? { kind: 'html', text: html } : null;
  }
  if (type === 'html' || type === 'text/html') {
    const html = nonBlank(textOf(el));
    return html ? { kind: 'html', text: html } : null;
  }
  if (type === 'text' || type.startsWith('text/')) {
    const body = nonBlank(textOf(el));
    return body ? { kind: 'text', text: body.trim() } : null;
  }
  return null; // base64 media and other payloads are not articles
}

function atomLink(el: XmlElement, base: string | null, ns: string): string | null {
  const alternates = childElements(el, 'link', ns).filter((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate');
  const best = alternates.find((l) => /html/i.test(attr(l, 'type') ?? 'text/html')) ?? alternates[0];
  return best ? resolveLink(attr(best, 'href'), baseOf(best, base)) : null;
}

function atomEntry(entry: XmlElement, base: string | null, ns: string): FeedItem {
  const entryBase = baseOf(entry, base);
  const contentEl = first(entry, 'content', ns);
  const date = (name: string): string | null => feedDateToIso(text(first(entry, name, ns)));
  let link = atomLink(entry, entryBase, ns);
  if (!link && contentEl) link = resolveLink(attr(contentEl, 'src'), baseOf(contentEl, entryBase));
  return {
    title: atomText(first(entry, 'title', ns)),
    link,
    id: text(first(entry, 'id', ns)),
    published: date('published') ?? date('updated') ?? date('issued') ?? date('modified'),
    content: atomContent(contentEl),
  };
}

/**
 * Parse a feed document. `baseUrl` is where it was fetched from (relative links
 * resolve against it); for a feed read from a file, the channel's own link is
 * the base instead.
 */
export function parseFeed(text_: string, input: string, baseUrl: string | null = null): Feed {
  let root: XmlElement;
  try {
    root = parseXml(text_);
  } catch (e) {
    if (!(e instanceof XmlError)) throw e;
    const message = e.reason === 'entities' ? 'feed declares XML entities (refused: entity expansion)' : `feed is ${e.message}`;
    throw new NewsgraphError('E_FORMAT', message, { input, cause: e });
  }
  const rootBase = baseOf(root, baseUrl);
  if (root.local === 'rss' || (root.local === 'RDF' && root.ns === NS.rdf)) {
    const format = root.local === 'rss' ? 'rss' : 'rdf';
    const ns = format === 'rss' ? [null] : [NS.rss1, NS.rss090, null];
    const channel = first(root, 'channel', ...ns);
    if (format === 'rss' && !channel) throw new NewsgraphError('E_FORMAT', 'RSS feed has no <channel>', { input });
    const channelBase = channel ? baseOf(channel, rootBase) : rootBase;
    const base = channelBase ?? (channel ? resolveLink(text(first(channel, 'link', ...ns)), null) : null);
    // RSS 2.0 keeps items inside <channel>; RSS 1.0 puts them beside it.
    const holder = format === 'rss' ? channel! : root;
    const items = ns.flatMap((n) => childElements(holder, 'item', n));
    return { format, title: channel ? text(first(channel, 'title', ...ns)) : null, items: items.map((i) => rssItem(i, base, format)) };
  }
  if (root.local === 'feed' && (root.ns === NS.atom || root.ns === NS.atom03)) {
    const ns = root.ns;
    const base = rootBase ?? atomLink(root, null, ns);
    return { format: 'atom', title: atomText(first(root, 'title', ns)), items: childElements(root, 'entry', ns).map((e) => atomEntry(e, base, ns)) };
  }
  const what = root.local === 'feed' ? '<feed> outside the Atom namespace' : `root element <${root.name}>`;
  throw new NewsgraphError('E_FORMAT', `XML document is not an RSS, Atom or RDF feed (${what})`, { input });
}

// ---------------------------------------------------------------- inputs

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An item's HTML fragment as a page, so the article reader sees a title and one article body. */
function asDocument(html: string, title: string | null): string {
  if (/^\s*(?:<!doctype\s+html|<html[\s>])/i.test(html)) return html;
  const head = title ? `<title>${escapeHtml(title)}</title>` : '';
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8">${head}</head><body><article>${html}</article></body></html>`;
}

function renamed(e: unknown, name: string): unknown {
  return e instanceof NewsgraphError ? new NewsgraphError(e.code, e.message, { input: name, cause: e }) : e;
}

/** One input item per feed item, named "FEED#link" (or "FEED#id", "FEED#item-N"). */
export function feedInputItems(feed: Feed, feedName: string, options: FetchOptions = {}): InputItem[] {
  return feed.items.map((item, i): InputItem => {
    const name = `${feedName}#${item.link ?? item.id ?? `item-${i + 1}`}`;
    const { content, link, title, published } = item;
    if (content) {
      const raw: RawInput = {
        name,
        uri: link,
        kind: content.kind,
        content: content.kind === 'html' ? asDocument(content.text, title) : content.text,
        title,
        published,
      };
      return { name, load: () => Promise.resolve(raw) };
    }
    if (!link) return new NewsgraphError('E_FORMAT', 'feed item has neither its content nor an http(s) link to it', { input: name });
    return {
      name,
      load: async () => {
        try {
          const raw = await fetchUrlInput(link, options);
          return { ...raw, name, title: title ?? raw.title ?? null, published: published ?? raw.published ?? null };
        } catch (e) {
          throw renamed(e, name);
        }
      },
    };
  });
}

/** A whole feed's bytes → its items; throws a NewsgraphError naming the feed when it cannot be read as one. */
export function feedItemsFromBytes(
  bytes: Uint8Array,
  name: string,
  source: { baseUrl: string | null; contentType: string | null },
  options: FetchOptions = {},
): InputItem[] {
  const text_ = decodeFeedBytes(bytes, name, source.contentType, options.charset);
  return feedInputItems(parseFeed(text_, name, source.baseUrl), name, options);
}
