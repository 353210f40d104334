/**
 * The slice of the DOM this reader uses, typed here because the project compiles
 * without lib.dom (the server side must not see browser globals) and linkedom's
 * own declarations lean on it. parse() is the only place the untyped document
 * enters.
 */
import { createRequire } from 'node:module';
import type { parseHTML as ParseHtml } from 'linkedom';

/**
 * linkedom takes about 0.2 s of CPU to load, and most runs never parse HTML (a text
 * file, JSONL, `serve`), so it is loaded on first use. Synchronously, through its
 * CommonJS build: readers of an article are synchronous.
 */
let parseHtml: typeof ParseHtml | undefined;
function linkedom(): typeof ParseHtml {
  parseHtml ??= (createRequire(import.meta.url)('linkedom') as { parseHTML: typeof ParseHtml }).parseHTML;
  return parseHtml;
}

export interface DomNode {
  readonly nodeType: number;
  readonly parentElement: DomElement | null;
  readonly nodeName: string;
  readonly parentNode: DomNode | null;
  readonly childNodes: ArrayLike<DomNode>;
  readonly firstChild: DomNode | null;
  readonly nextSibling: DomNode | null;
  textContent: string | null;
}

export interface DomElement extends DomNode {
  readonly tagName: string;
  readonly localName: string;
  readonly children: ArrayLike<DomElement>;
  readonly nextElementSibling: DomElement | null;
  readonly previousElementSibling: DomElement | null;
  id: string;
  className: string;
  innerHTML: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  hasAttribute(name: string): boolean;
  removeAttribute(name: string): void;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
  remove(): void;
  closest(selector: string): DomElement | null;
  contains(other: DomNode): boolean;
  replaceWith(...nodes: DomNode[]): void;
  appendChild(node: DomNode): DomNode;
}

export interface DomDocument extends DomNode {
  readonly documentElement: DomElement | null;
  readonly body: DomElement | null;
  readonly head: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
  createElement(name: string): DomElement;
  createTextNode(text: string): DomNode;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export function isElement(n: DomNode): n is DomElement {
  return n.nodeType === ELEMENT_NODE;
}

/**
 * linkedom builds exactly the tags it is given: a fragment ("<p>…</p>") or a page
 * without <html> or <body> gets no body element, and a page with <body> but no
 * <html> gets an empty one. Such input is rewrapped into a complete document.
 */
function complete(html: string): string {
  if (/<html[\s>]/i.test(html) && /<body[\s>]/i.test(html)) return html;
  let head = '';
  let rest = html;
  const headEnd = html.search(/<\/head\s*>/i);
  if (headEnd >= 0) {
    head = html.slice(0, headEnd).replace(/^[\s\S]*?<head(?:\s[^>]*)?>/i, '');
    rest = html.slice(headEnd).replace(/^<\/head\s*>/i, '');
  }
  rest = rest.replace(/<!doctype[^>]*>|<\/?(?:html|body)(?:\s[^>]*)?>/gi, '');
  return `<!doctype html><html><head>${head}</head><body>${rest}</body></html>`;
}

export function parse(html: string): DomDocument {
  return (linkedom()(complete(html)) as { document: DomDocument }).document;
}

/** Array copy, because live collections shift under removal. */
export function all<T>(list: ArrayLike<T>): T[] {
  return Array.from(list);
}

/** Text nodes under `root` in document order, without recursion. */
export function textNodes(root: DomNode): DomNode[] {
  const out: DomNode[] = [];
  const stack: DomNode[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.nodeType === TEXT_NODE) out.push(n);
    const kids = n.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out;
}

/** Element text with whitespace collapsed. */
export function textOf(n: DomNode | null): string {
  return (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
