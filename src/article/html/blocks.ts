/**
 * Element tree → text blocks, the unit of the body: one block per block-level
 * element (paragraph, heading, list item, table cell, quote), split again at <br>
 * and at line ends inside <pre>. Inline markup is joined as a browser would render
 * it, so "<b>Ne</b>ws" stays one word and adjacent blocks never glue together.
 */
import { isElement, TEXT_NODE, type DomElement, type DomNode } from './dom.js';
import { INLINE_LINKS } from './preclean.js';

export interface Block {
  text: string;
  /** Innermost block-level element the text sits in (null for text not from the page tree). */
  el: DomElement | null;
  /** Lower-case tag of `el`. */
  tag: string;
  /** Characters of the text that sit inside links: navigation-heavy blocks score high. */
  linkChars: number;
  /** Why most of the text came from page furniture (preclean.markFurniture), or null. */
  furniture: string | null;
  /** Index of the page's <p> the text came from (recover.ts), or null. */
  origin: number | null;
}

export interface BlockOptions {
  /** Furniture reasons of text nodes. */
  marks?: WeakMap<DomNode, string>;
  /** Page paragraph index of text nodes. */
  origin?: WeakMap<DomNode, number>;
}

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr',
  'ul', 'center', 'menu', 'legend', 'option', 'html',
]);

const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'button', 'select', 'input', 'textarea', 'iframe', 'object', 'embed',
  'canvas', 'svg', 'head', 'title', 'meta', 'link',
]);

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

export function normaliseSpace(s: string): string {
  return s.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** Blocks of `root` in document order. */
export function toBlocks(root: DomElement, opts: BlockOptions = {}): Block[] {
  const { marks, origin } = opts;
  const out: Block[] = [];
  let buf = '';
  let linkChars = 0;
  let markedChars = 0;
  let markReason: string | null = null;
  let from: number | null = null;
  let owner: DomElement = root;

  const flush = (): void => {
    const text = normaliseSpace(buf);
    if (text) {
      const furniture = markedChars * 2 >= text.length ? markReason : null;
      out.push({ text, el: owner, tag: owner.localName, linkChars: Math.min(linkChars, text.length), furniture, origin: from });
    }
    buf = '';
    linkChars = 0;
    markedChars = 0;
    markReason = null;
    from = null;
  };

  const walk = (node: DomNode, block: DomElement, inLink: boolean, inPre: boolean): void => {
    if (node.nodeType === TEXT_NODE) {
      const t = node.textContent ?? '';
      if (!t) return;
      if (/\S/.test(t)) owner = block;
      if (from === null) from = origin?.get(node) ?? null;
      const mark = marks?.get(node);
      // A list of links inside a sentence is cut out of it, not counted against the block.
      if (mark === INLINE_LINKS) return;
      if (mark !== undefined) {
        markedChars += normaliseSpace(t).length;
        markReason = mark;
      }
      if (inPre && t.includes('\n')) {
        const lines = t.split('\n');
        lines.forEach((line, i) => {
          if (i > 0) flush();
          owner = block;
          buf += line;
        });
      } else {
        buf += t;
        if (inLink) linkChars += normaliseSpace(t).length;
      }
      return;
    }
    if (!isElement(node)) return;
    const tag = node.localName;
    if (SKIP.has(tag)) return;
    if (tag === 'br' || tag === 'hr') {
      flush();
      return;
    }
    if (tag === 'img') return;
    const isBlock = BLOCK.has(tag);
    if (isBlock) flush();
    const here = isBlock ? node : block;
    if (isBlock) owner = here;
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) walk(kids[i]!, here, inLink || tag === 'a', inPre || tag === 'pre');
    if (isBlock) {
      flush();
      owner = block;
    }
  };

  walk(root, root, false, false);
  flush();
  return out;
}
