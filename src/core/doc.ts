/**
 * The Doc owns the clean article text and its metadata; everything else a stage
 * finds (sentences, tokens, entities, times, quotes, events) is held as spans with
 * offsets into that text (spaCy's Doc/Span idea). Stages read and assign fields
 * here and never keep their own copy of the text.
 */
import type {
  Author, Conflict, Dateline, Entity, EventRecord, Published, Quote, Removed, SourceInfo, TimeExpr,
} from './record.js';
import type { SentenceParses } from './parses.js';
import type { Span } from './span.js';

/** Everything the article reader learns besides the body text. */
export interface DocMeta {
  source: SourceInfo;
  title: string | null;
  authors: Author[];
  published: Published | null;
  dateline: Dateline | null;
  removed: Removed[];
  /** ISO 639-1 code or "und"; set by the language stage. */
  language: string | null;
}

/** A token: a span plus what the NLP stages learn about it. */
export interface Token extends Span {
  /** Universal POS tag, when the tagger has run. */
  upos?: string;
  /** Penn Treebank tag, when the tagger has run. */
  xpos?: string;
  /**
   * Index of the head token within the whole doc's token list, -1 for the root. Set
   * once the token's sentence is parsed: see Doc.parses.
   */
  head?: number;
  deprel?: string;
}

/** A named-entity mention before linking: a span with a CoNLL type. */
export interface NerSpan extends Span {
  label: 'PER' | 'ORG' | 'LOC' | 'MISC';
}

/** Metadata of a bare text with nothing known about it: for snippets and hand-built Docs. */
export function emptyMeta(known: Partial<DocMeta> = {}): DocMeta {
  return {
    source: { uri: null, format: 'text', publisher: null },
    title: null, authors: [], published: null, dateline: null, removed: [], language: null,
    ...known,
  };
}

export class Doc {
  readonly text: string;
  readonly meta: DocMeta;
  /** Paragraph spans: the body is paragraphs joined by "\n\n". */
  readonly paragraphs: Span[];
  sentences: Span[] = [];
  tokens: Token[] = [];
  ner: NerSpan[] = [];
  entities: Entity[] = [];
  times: TimeExpr[] = [];
  quotes: Quote[] = [];
  events: EventRecord[] = [];
  conflicts: Conflict[] = [];
  /**
   * Dependency parses, sentence by sentence when first asked for (set by a parser
   * stage; null without one). Call `parses.ensure(i)` before reading token i's head.
   */
  parses: SentenceParses | null = null;
  /** stage name → "name@version (how)": how each value was obtained. */
  readonly provenance: Record<string, string> = {};
  /**
   * Whether stages trained on or written for English may read the text (the language stage
   * decides; core/stage.ts `englishOnly`). False for an article in another language.
   */
  readAsEnglish = true;

  constructor(paragraphs: readonly string[], meta: DocMeta) {
    const spans: Span[] = [];
    let text = '';
    for (const p of paragraphs) {
      if (p.length === 0) continue;
      if (text.length > 0) text += '\n\n';
      spans.push({ start: text.length, end: text.length + p.length });
      text += p;
    }
    this.text = text;
    this.paragraphs = spans;
    this.meta = meta;
  }

  slice(span: Span): string {
    return this.text.slice(span.start, span.end);
  }
}
