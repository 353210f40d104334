/**
 * Paragraphs Readability drops from the middle of the article. Its conditional
 * cleaning removes a short container when a fifth of its text is link text, so a
 * one-sentence paragraph that cites its source with a link vanishes between two
 * kept ones. A page paragraph whose neighbours on both sides were kept is put back
 * when it reads as prose; the block filter still judges it like any other block.
 */
import { toBlocks, type Block } from './blocks.js';
import { all, textNodes, type DomDocument, type DomElement, type DomNode } from './dom.js';

export interface PageParagraphs {
  paras: DomElement[];
  /** Text node → index in `paras`. */
  origin: WeakMap<DomNode, number>;
}

/** Must run before Readability moves the nodes. */
export function indexParagraphs(doc: DomDocument): PageParagraphs {
  const origin = new WeakMap<DomNode, number>();
  const paras = doc.body ? all(doc.body.getElementsByTagName('p')) : [];
  paras.forEach((p, i) => {
    for (const t of textNodes(p)) origin.set(t, i);
  });
  return { paras, origin };
}

/** Shorter than this, a lone paragraph is more likely a label than prose. */
const MIN_CHARS = 30;
const MAX_LINK_SHARE = 0.5;
const NOT_PROSE = 'figure, figcaption, header, footer, aside, nav, form';

export function recoverParagraphs(blocks: Block[], page: PageParagraphs, marks?: WeakMap<DomNode, string>): Block[] {
  const kept = new Set<number>();
  for (const b of blocks) if (b.origin !== null) kept.add(b.origin);
  if (kept.size < 2) return blocks;
  const extra = new Map<number, Block[]>();
  for (const i of kept) {
    const gap = i + 1;
    if (kept.has(gap) || !kept.has(gap + 1)) continue;
    const p = page.paras[gap];
    // Captions and header lines are dropped on purpose (preclean.cleanArticle).
    if (!p || p.closest(NOT_PROSE) !== null) continue;
    const found = toBlocks(p, { marks, origin: page.origin }).filter(
      (b) => b.furniture === null && b.text.length >= MIN_CHARS && b.linkChars <= MAX_LINK_SHARE * b.text.length,
    );
    if (found.length > 0) extra.set(i, found);
  }
  if (extra.size === 0) return blocks;
  const out: Block[] = [];
  blocks.forEach((b, k) => {
    out.push(b);
    const next = blocks[k + 1];
    // After the last block of paragraph i.
    if (b.origin !== null && next?.origin !== b.origin) {
      const add = extra.get(b.origin);
      if (add) {
        out.push(...add);
        extra.delete(b.origin);
      }
    }
  });
  return out;
}
