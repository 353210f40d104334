/**
 * `newsgraph tag --text FILE`: the whole NLP stack on plain text, written as CoNLL-U,
 * so that a user can see how any text of theirs is split, tagged, parsed and named:
 * the same tokens, sentences, tags, trees and names the pipeline reads.
 *
 * Paragraphs are separated by blank lines, as in a Doc. Columns: ID, FORM, LEMMA `_`
 * (there is no lemmatiser), UPOS, XPOS, FEATS `_`, HEAD, DEPREL, DEPS `_`, MISC. MISC
 * carries `NER=B-PER` (IOB2 over the stack's name spans), `SpaceAfter=No`, and
 * `TokenRange=start:end`, offsets into the input in UTF-16 code units (JavaScript
 * string positions), as UDPipe writes them.
 */
import { Doc, emptyMeta } from '../core/doc.js';
import type { Span } from '../core/span.js';
import { sentenceTokenRanges, trimSpan } from '../core/span.js';
import { nerStage } from './ner/index.js';
import { installParses } from './parser/stage.js';
import type { ParseFn } from './parser/stage.js';
import { posStage } from './pos/index.js';
import { findParagraphs, sentenceStage } from './sentences.js';

/** The input's paragraphs without their edge whitespace, in input offsets. */
function paragraphsOf(input: string): Span[] {
  const out: Span[] = [];
  for (const p of findParagraphs(input)) {
    const t = trimSpan(input, p);
    if (t.end > t.start) out.push(t);
  }
  return out;
}

/** A CoNLL-U field may hold no tab or line break, and no space in FORM. */
function field(s: string): string {
  return s.replace(/[\t\r\n\u2028\u2029\u0085]/g, ' ');
}

/** `# text` is one line: line breaks inside the sentence become spaces. */
function commentText(s: string): string {
  return s.replace(/\r\n|[\r\n\u2028\u2029\u0085]/g, ' ');
}

/** IOB2 tag of each token from the Doc's name spans; a span touching part of a token (a possessive) tags it. */
function nerTags(doc: Doc): string[] {
  const tags = new Array<string>(doc.tokens.length).fill('O');
  let t = 0;
  for (const span of doc.ner) {
    while (t < doc.tokens.length && doc.tokens[t]!.end <= span.start) t++;
    for (let k = t; k < doc.tokens.length && doc.tokens[k]!.start < span.end; k++) {
      tags[k] = `${k === t ? 'B' : 'I'}-${span.label}`;
    }
  }
  return tags;
}

/**
 * Runs sentences, POS, parser (every sentence, with `parse`, else the configured
 * parser) and NER over `input`, and writes CoNLL-U. Empty input gives empty output.
 */
export function tagText(input: string, parse?: ParseFn): string {
  const paras = paragraphsOf(input);
  const doc = new Doc(paras.map((p) => input.slice(p.start, p.end)), emptyMeta({ language: 'en' }));
  sentenceStage.run(doc);
  posStage.run(doc);
  installParses(doc, parse).ensureAll();
  nerStage.run(doc);
  // Doc offset → input offset: paragraph k starts at doc.paragraphs[k].start in the Doc.
  const shifts = doc.paragraphs.map((dp, k) => paras[k]!.start - dp.start);
  const ner = nerTags(doc);
  const lines: string[] = [];
  let para = -1;
  let id = 0;
  for (const [first, end] of sentenceTokenRanges(doc.sentences, doc.tokens)) {
    if (end <= first) continue;
    const firstTok = doc.tokens[first]!;
    const lastTok = doc.tokens[end - 1]!;
    let p = Math.max(para, 0);
    while (p + 1 < doc.paragraphs.length && doc.paragraphs[p + 1]!.start <= firstTok.start) p++;
    if (lines.length === 0) lines.push('# newdoc');
    if (p !== para) lines.push('# newpar');
    para = p;
    const shift = shifts[p]!;
    lines.push(`# sent_id = ${++id}`, `# text = ${commentText(doc.text.slice(firstTok.start, lastTok.end))}`);
    for (let i = first; i < end; i++) {
      const t = doc.tokens[i]!;
      const misc: string[] = [];
      if (ner[i] !== 'O') misc.push(`NER=${ner[i]!}`);
      if (i + 1 < end && doc.tokens[i + 1]!.start === t.end) misc.push('SpaceAfter=No');
      misc.push(`TokenRange=${t.start + shift}:${t.end + shift}`);
      const head = t.head === undefined || t.head < 0 ? 0 : t.head - first + 1;
      lines.push([
        i - first + 1, field(doc.slice(t)), '_', t.upos ?? 'X', t.xpos ?? '_', '_', head, t.deprel ?? 'dep', '_', misc.join('|'),
      ].join('\t'));
    }
    lines.push('');
  }
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}
