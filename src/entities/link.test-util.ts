/**
 * Test helper: the linker run on our own paragraphs with NER spans placed by hand, so that it is
 * tested alone. A span is a surface, its label and which occurrence of it (0: the first), found
 * as a whole word.
 */
import type { NerSpan } from '../core/doc.js';
import { Doc, emptyMeta } from '../core/doc.js';
import type { Entity } from '../core/record.js';
import { build } from '../events/docs.test-util.js';
import { splitSentences } from '../nlp/sentences.js';
import { linkEntities } from './link.js';
import { lookupOffice } from './offices.js';

export type HandSpan = readonly [surface: string, label: NerSpan['label'], nth?: number];

export function linkByHand(paras: readonly string[], spans: readonly HandSpan[], published = '2023-03-14T10:00'): Entity[] {
  const { text, paragraphs } = new Doc([...paras], emptyMeta({ language: 'en' }));
  const ner = spans.map(([surface, label, nth = 0]): NerSpan => {
    const escaped = surface.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const i = [...text.matchAll(new RegExp(`(?<![\\p{L}])${escaped}(?![\\p{L}])`, 'gu'))][nth]?.index;
    if (i === undefined) throw new Error(`no ${surface} (occurrence ${nth})`);
    return { start: i, end: i + surface.length, label };
  });
  return linkEntities({ text, paragraphs, sentences: splitSentences(text, paragraphs), ner: ner.sort((a, b) => a.start - b.start), published, offices: lookupOffice });
}

/**
 * The linker on hand-tagged sentences ("word/TAG", so that it is tested without the tagger), with
 * NER spans by surface and occurrence, and no publication date.
 */
export function linkTagged(tagged: string[], spans: readonly HandSpan[] = []): Entity[] {
  const { doc } = build(tagged, []);
  const ner = spans.map(([surface, label, nth = 0]): NerSpan => {
    let i = -1;
    for (let k = 0; k <= nth; k++) i = doc.text.indexOf(surface, i + 1);
    if (i < 0) throw new Error(`no ${surface} (occurrence ${nth})`);
    return { start: i, end: i + surface.length, label };
  });
  return linkEntities({ text: doc.text, paragraphs: doc.paragraphs, sentences: doc.sentences, ner, published: null, offices: lookupOffice, tokens: doc.tokens });
}
