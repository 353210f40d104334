/**
 * What the linker's steps share while they read one article: the input, the entities
 * made so far (in making order, and by key so that a second mention joins the first),
 * the quoted spans, and the named parts of backer compounds. Each step of link.ts reads
 * what the earlier ones left here and adds to it.
 */
import { findQuoteMarks } from '../core/quote-marks.js';
import { countries, places } from '../knowledge/index.js';
import type { NerSpan, Token } from '../core/doc.js';
import type { Span } from '../core/span.js';
import { findSpanAt, firstSpanStartingAt, sentenceTokenRanges } from '../core/span.js';
import type { Mention } from '../core/record.js';
import type { Cluster } from './cluster.js';
import type { LinkInput } from './link.js';
import { INDEXED_TEXT, MentionIndex } from './mention-index.js';
import { clubContext, namesWhere, placeContext, placePrepositionBefore, settlementContext } from './place-evidence.js';
import type { IndexedMention } from './mention-index.js';

const VERB_TAGS: ReadonlySet<string> = new Set(['VB', 'VBD', 'VBZ', 'VBP', 'VBN', 'MD']);

/** Kinds of place whose name, tagged a place, vouches for the names listed with it. */
const MAJOR_PLACES = new Set(['country', 'admin1', 'city', 'continent']);

export class LinkContext {
  /** Every entity made so far, in making order; an entity's id follows its first mention, not this order. */
  readonly clusters: Cluster[] = [];
  private readonly byKey = new Map<string, Cluster>();
  /** Insides of quotations: a "he" there is the speaker's, and a name there no antecedent of the story's own. */
  private readonly quoted: Span[];
  /** Named parts of backer compounds ("Iran" of "Iran-backed"): a backer, never the owner or country of what follows. */
  private readonly backerParts: Span[] = [];
  private readonly mentions: MentionIndex;

  constructor(readonly input: LinkInput) {
    this.quoted = findQuoteMarks(input.text, input.paragraphs).map((q) => q.inner);
    this.mentions = new MentionIndex(input.text.length <= INDEXED_TEXT);
  }

  /** The entity made under `key`, made now by `make` when there is none. */
  keyed(key: string, make: () => Cluster): Cluster {
    let c = this.byKey.get(key);
    if (!c) {
      c = make();
      this.byKey.set(key, c);
      this.clusters.push(c);
    }
    return c;
  }

  private named: ReadonlySet<string> | undefined;

  /**
   * The countries the article names (alpha-3): by name or people's adjective, or by the
   * country of the best-known place of that name, over every NER name. Read once, on first
   * use, to choose between organisations of one name in different countries.
   */
  countriesNamed(): ReadonlySet<string> {
    if (this.named) return this.named;
    const out = new Set<string>();
    const { text } = this.input;
    for (const span of this.input.ner) {
      if (span.label === 'PER') continue;
      const surface = text.slice(span.start, span.end);
      const c = countries().byName(surface) ?? countries().byDemonym(surface);
      const a3 = c?.a3 ?? (span.label === 'LOC' ? places().lookup(surface)[0]?.country ?? undefined : undefined);
      if (a3) out.add(a3);
    }
    this.named = out;
    return out;
  }

  private locative: ReadonlySet<string> | undefined;
  private placeLike: ReadonlySet<string> | undefined;
  private clubs: ReadonlySet<string> | undefined;
  private settlements: ReadonlySet<string> | undefined;

  /** The names (joined `nameTokens`) that stand after "in", "near" or the like somewhere in the article, read once. */
  namesAtPlaces(): ReadonlySet<string> {
    const { text, ner } = this.input;
    return (this.locative ??= namesWhere(text, ner, (s) => placePrepositionBefore(text, s)));
  }

  /** The names that some mention's words read as a settlement whatever the tagger called them (`settlementContext`), read once. */
  namesOfSettlements(): ReadonlySet<string> {
    const { text, ner } = this.input;
    return (this.settlements ??= namesWhere(text, ner, (s) => settlementContext(text, s)));
  }

  /** The names that some mention's words read as a sports club (place-evidence.ts `clubContext`), read once. */
  namesOfClubs(): ReadonlySet<string> {
    const { text, ner } = this.input;
    return (this.clubs ??= namesWhere(text, ner, (s) => clubContext(text, s)));
  }

  /** The names that some mention's words read as a place (place-evidence.ts `placeContext`), read once. */
  namesReadAsPlaces(): ReadonlySet<string> {
    if (this.placeLike) return this.placeLike;
    const { text, ner } = this.input;
    const known = (name: string): boolean => countries().byName(name) !== undefined || places().lookup(name).length > 0;
    // A country or city the tagger also calls a place is evidence for the names listed with it;
    // a lesser namesake is not ("Google, Yahoo, Ebay and Amazon").
    const major = (name: string): boolean =>
      countries().byName(name) !== undefined || places().lookup(name).some((c) => MAJOR_PLACES.has(c.kind));
    const vouches = (s: NerSpan): boolean => s.label === 'LOC' && major(text.slice(s.start, s.end));
    return (this.placeLike = namesWhere(text, ner, (s) => placeContext(text, s, known), vouches));
  }

  /**
   * Of things one name gives in different countries (organisations, parties), the first of a
   * country the article names, else the first: a single one is taken as it is.
   */
  ofNamedCountry<T>(items: readonly T[], countryOf: (item: T) => string | null): T | undefined {
    if (items.length <= 1) return items[0];
    const named = this.countriesNamed();
    return items.find((item) => {
      const c = countryOf(item);
      return c !== null && named.has(c);
    }) ?? items[0];
  }

  /** The entity made under `key`, if any; makes none. */
  lookup(key: string): Cluster | undefined {
    return this.byKey.get(key);
  }

  /** Some entity's mention covers the span: it is read already. */
  covered(span: Span): boolean {
    return this.entityWith(span, (m) => m.start <= span.start && span.end <= m.end) !== undefined;
  }

  /**
   * The entities' mentions that touch the span (overlap it or meet it at an end), in the
   * order of a scan over the entities in making order and each one's mentions.
   */
  mentionsAround(span: Span): IndexedMention[] {
    return this.mentions.around(this.clusters, span.start, span.end);
  }

  /** The first entity in making order with a mention touching the span that passes `test`. */
  entityWith(span: Span, test: (m: Mention) => boolean): Cluster | undefined {
    return this.mentions.first(this.clusters, span.start, span.end, test);
  }

  insideQuote(span: Span): boolean {
    // Quotations are in text order and do not overlap: the one that could hold the span is the
    // last starting at or before it. Asked for every mention each pronoun weighs.
    const q = this.quoted[firstSpanStartingAt(this.quoted, span.start + 1) - 1];
    return q !== undefined && q.start <= span.start && span.end <= q.end;
  }

  /** Index of the sentence holding `offset`, or -1. */
  sentenceIndexOf(offset: number): number {
    return findSpanAt(this.input.sentences, offset);
  }

  /** The sentence holding `offset`; the whole text when none does. */
  sentenceOf(offset: number): Span {
    const i = this.sentenceIndexOf(offset);
    return i >= 0 ? this.input.sentences[i]! : { start: 0, end: this.input.text.length };
  }

  /**
   * Whether the token starting at `offset` is tagged a verb that is no modifier: finite, base
   * form, modal or past participle ("met", "has", "to visit", "ousted"); a gerund may be one
   * ("acting Finance Minister"). False without tags, or with no token starting there.
   */
  verbAt(offset: number): boolean {
    const tokens = this.input.tokens;
    if (!tokens) return false;
    const t = tokens[firstSpanStartingAt(tokens, offset)];
    return t !== undefined && t.start === offset && t.xpos !== undefined && VERB_TAGS.has(t.xpos);
  }

  /** Some word (a run of non-spaces) starting in text[from, to) is tagged a verb (verbAt). */
  verbIn(from: number, to: number): boolean {
    for (const w of this.input.text.slice(from, to).matchAll(/\S+/g)) if (this.verbAt(from + w.index)) return true;
    return false;
  }

  /** Each sentence's token range [first, end). */
  sentenceTokens(tokens: readonly Token[]): [number, number][] {
    return sentenceTokenRanges(this.input.sentences, tokens);
  }

  /** Records the named part of a backer compound, once. */
  addBackerPart(part: Span): void {
    if (!this.backerParts.some((b) => b.start === part.start)) this.backerParts.push(part);
  }

  /** A mention lying in the named part of a backer compound: "Iran" of "Iran-backed". */
  inBackerPart(m: Span): boolean {
    return this.backerParts.some((b) => b.start <= m.start && m.end <= b.end);
  }
}
