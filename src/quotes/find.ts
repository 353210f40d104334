/**
 * Quotes of a Doc: direct quotes by their marks with speaker, cue and channel,
 * and indirect speech in the sentences the direct quotes leave free. Speakers are
 * resolved in text order, because a quote without an attribution of its own takes
 * it from what came before: the quote it continues, or the person the sentence
 * before it introduced.
 */
import type { Entity, Quote } from '../core/record.js';
import type { Token } from '../core/doc.js';
import type { Span } from '../core/span.js';
import { findSpanAt, firstSpanStartingAt } from '../core/span.js';
import { overlapping } from '../core/span-order.js';
import { findChannel } from './cues.js';
import { closingAttribution, findIndirect } from './indirect.js';
import type { FiniteVerbTest } from './indirect.js';
import { findQuoteMarks } from '../core/quote-marks.js';
import type { QuoteMarks } from '../core/quote-marks.js';
import { speakerAfter, speakerBefore } from './phrases.js';
import type { SpeakerMatch } from './phrases.js';
import { SpeakerResolver } from './speaker.js';

export interface QuoteInput {
  text: string;
  paragraphs: readonly Span[];
  sentences: readonly Span[];
  entities: readonly Entity[];
  /** Tagged tokens, when the tagger has run: they tell a reported clause from a noun phrase. */
  tokens?: readonly Token[];
}

type Draft =
  | { kind: 'direct'; marks: QuoteMarks; match: SpeakerMatch | null; clause: Span }
  | { kind: 'indirect'; clause: Span; match: SpeakerMatch; sentence: Span };

// Past participles count: the tagger often reads a past tense after a subject ("Police … arrested") as one.
const FINITE_TAGS = new Set(['VBD', 'VBZ', 'VBP', 'MD', 'VBN']);
// Without tags: an auxiliary or a past form.
const FINITE_WORD = /(?<![\p{L}])(?:is|are|was|were|has|have|had|will|would|could|can|should|may|might|must|did|does|do|\p{Ll}+ed)(?![\p{L}])/u;

function finiteVerbTest(text: string, tokens: readonly Token[] | undefined): FiniteVerbTest {
  if (!tokens || tokens.length === 0 || tokens[0]!.xpos === undefined) return (start, end) => FINITE_WORD.test(text.slice(start, end));
  return (start, end) => {
    for (let i = firstSpanStartingAt(tokens, start); i < tokens.length && tokens[i]!.start < end; i++) if (FINITE_TAGS.has(tokens[i]!.xpos ?? '')) return true;
    return false;
  };
}

function sentenceOf(sentences: readonly Span[], offset: number, fallback: Span): Span {
  const i = findSpanAt(sentences, offset);
  return i >= 0 ? sentences[i]! : fallback;
}

// Small words a title keeps in lower case: "The Lord of the Rings".
const TITLE_SMALL = /^(?:of|the|and|a|an|in|on|for|to|at|de|la|le|del|von|van|al|bin)$/;

/**
 * A short quote in title case with no attribution is a name (a film, an operation, a
 * nickname), not something said: “The Salt Road”.
 */
function isTitle(inner: string): boolean {
  const words = inner.split(/\s+/).filter((w) => w !== '');
  if (words.length === 0 || words.length > 6 || /[.!?,;:]/.test(inner)) return false;
  return words.every((w, i) => /^[\p{Lu}\d]/u.test(w) || (i > 0 && TITLE_SMALL.test(w)));
}

export function findQuotes(input: QuoteInput): Quote[] {
  const { text, paragraphs, sentences, entities } = input;
  const marks = findQuoteMarks(text, paragraphs);
  const outers = marks.map((m) => m.outer);
  const resolver = new SpeakerResolver(text, entities, marks.map((m) => m.inner));
  const byId = new Map(entities.map((e) => [e.id, e]));
  const finite = finiteVerbTest(text, input.tokens);
  const drafts: Draft[] = [];

  for (const [k, q] of marks.entries()) {
    const para = paragraphs[q.paragraph]!;
    let match: SpeakerMatch | null = null;
    let clause: Span = para;
    if (q.closed) {
      match = speakerAfter(text, q.outer.end, para.end);
      if (match) {
        // The cue's clause, for its channel: to the end of the cue's sentence, never into the next quote.
        const next = marks[k + 1]?.outer.start ?? para.end;
        const sentence = sentenceOf(sentences, match.cue.start, para);
        clause = { start: q.outer.end, end: Math.min(para.end, next, Math.max(sentence.end, match.cue.end)) };
      }
    }
    if (!match) {
      const sentence = sentenceOf(sentences, q.outer.start, para);
      const from = Math.max(sentence.start, para.start);
      match = speakerBefore(text, from, q.outer.start);
      if (match) clause = { start: from, end: q.outer.start };
    }
    drafts.push({ kind: 'direct', marks: q, match, clause });
  }
  for (const sentence of sentences) {
    // Only quotes that touch the sentence can block its cues and clauses, which lie inside it.
    for (const m of findIndirect(text, sentence, overlapping(outers, sentence), finite)) {
      drafts.push({ kind: 'indirect', clause: m.clause, match: { speaker: m.speaker, cue: m.cue }, sentence });
    }
  }
  const at = (d: Draft): number => (d.kind === 'direct' ? d.marks.inner.start : d.clause.start);
  drafts.sort((a, b) => at(a) - at(b));

  const paragraphOf = (offset: number): number => Math.max(0, findSpanAt(paragraphs, offset));
  const channelOf = (clause: Span, cue: Span): string | null => {
    const named = findChannel(text.slice(clause.start, clause.end));
    if (named) return named;
    // "told the BBC", "told Reuters": speaking to a news outlet is an interview.
    if (!/^tell|^told/i.test(text.slice(cue.start, cue.end))) return null;
    const e = byId.get(resolver.entityStartingIn(cue.end, cue.end + 6) ?? '');
    return e?.type === 'ORG' && e.sector === 'MED' ? 'interview' : null;
  };
  const out: Quote[] = [];
  /** Beside each quote: its paragraph, and the sentence holding its cue (or the quote, when it has none). */
  const where: { paragraph: number; sentence: Span }[] = [];
  // Every quote built in one shape, in the record's key order.
  const add = (span: Span, direct: boolean, speaker: string | null, cue: string | null, channel: string | null, paragraph: number, sentence: Span): void => {
    out.push({ id: `Q${out.length + 1}`, start: span.start, end: span.end, text: text.slice(span.start, span.end), speaker, cue, channel, direct });
    where.push({ paragraph, sentence });
  };

  /**
   * A "he"/"she" right after a quote is its speaker again ("…,” he added), unless a
   * sentence between them named another person; an "it"/"they" is a body that just spoke.
   */
  const speakerOf = (phrase: Span, paragraph: number): string | null => {
    const prev = out[out.length - 1];
    const at = where[where.length - 1];
    if (prev?.speaker && at?.paragraph === paragraph && /^(?:he|she)$/i.test(text.slice(phrase.start, phrase.end))
      && byId.get(prev.speaker)?.type === 'PERSON') {
      const between = resolver.personsIn({ start: at.sentence.end, end: phrase.start });
      if ([...between].every((id) => id === prev.speaker)) return prev.speaker;
    }
    // "…,” it said: a body or state that has just spoken, in this paragraph or the two before
    // (a wire story gives each sentence its own), speaks again ("Iraq said its forces … ¶ "Our
    // forces are continuing their advance," it said").
    const collective = prev?.speaker ? byId.get(prev.speaker) : undefined;
    if (collective && collective.type !== 'PERSON' && at && paragraph - at.paragraph <= 2 && /^(?:it|they)$/i.test(text.slice(phrase.start, phrase.end))) return collective.id;
    return resolver.resolve(phrase);
  };

  for (const d of drafts) {
    const cueText = d.match ? text.slice(d.match.cue.start, d.match.cue.end) : null;
    if (d.kind === 'indirect') {
      const paragraph = paragraphOf(d.clause.start);
      // The cue's words: before the clause, or after it when the clause comes first ("…, X said in a statement").
      const cueClause = d.clause.start > d.sentence.start ? { start: d.sentence.start, end: d.clause.start } : { start: d.clause.end, end: d.sentence.end };
      add(d.clause, false, speakerOf(d.match.speaker, paragraph), cueText, channelOf(cueClause, d.match.cue), paragraph, d.sentence);
      continue;
    }
    const q = d.marks;
    const para = paragraphs[q.paragraph]!;
    if (d.match) {
      const speaker = speakerOf(d.match.speaker, q.paragraph);
      let channel = channelOf(d.clause, d.match.cue);
      // A paragraph reopening a quote left unclosed continues it: naming no medium of its own, it
      // keeps the one it continues in ("took to Twitter and wrote, “…¶“…,” he added").
      const prev = out[out.length - 1];
      if (channel === null && q.continues && prev?.direct && prev.speaker === speaker) channel = prev.channel;
      add(q.inner, true, speaker, cueText, channel, q.paragraph, sentenceOf(sentences, d.match.cue.start, para));
      continue;
    }
    const ownSentence = sentenceOf(sentences, q.outer.start, para);
    const prev = out[out.length - 1];
    const prevParagraph = where[where.length - 1]?.paragraph ?? -2;
    const inherit = (): void => add(q.inner, true, prev?.speaker ?? null, prev?.cue ?? null, prev?.channel ?? null, q.paragraph, ownSentence);
    // A continuation paragraph without its own attribution belongs to the quote it continues.
    if (q.continues && prev) {
      inherit();
      continue;
    }
    const innerText = text.slice(q.inner.start, q.inner.end);
    const prefix = { start: Math.max(ownSentence.start, para.start), end: q.outer.start };
    if (!/^[\s”"]*$/.test(text.slice(prefix.start, prefix.end))) {
      // Inside a sentence ("calling it “a shield …”", "Nowak was blunt: “…”"): the sentence's subject said it,
      // unless the sentence closes on who said it ("… would sort out the “shambles” of immigration, he said").
      const closing = closingAttribution(text, ownSentence, q.outer.end);
      if (closing) {
        add(q.inner, true, speakerOf(closing.speaker, q.paragraph), text.slice(closing.cue.start, closing.cue.end), null, q.paragraph, ownSentence);
        continue;
      }
      const speaker = resolver.firstNamed(prefix);
      if (speaker === null && isTitle(innerText)) continue;
      add(q.inner, true, speaker, null, null, q.paragraph, ownSentence);
      continue;
    }
    if (isTitle(innerText)) continue;
    // Opening its sentence: the person the sentence before introduced ("Nowak was blunt. “…”"),
    // else the speaker of the quote before, in this paragraph or the one before.
    const own = findSpanAt(sentences, q.outer.start);
    const before = own > 0 ? sentences[own - 1]! : { start: prefix.start, end: prefix.start };
    const beforeHasQuote = outers.some((o) => o.start < before.end && before.start < o.end);
    const introduced = before.end <= prefix.start && !beforeHasQuote && q.paragraph - paragraphOf(before.start) <= 1 ? resolver.firstPerson(before) : null;
    if (introduced) add(q.inner, true, introduced, null, null, q.paragraph, ownSentence);
    else if (prev && q.paragraph - prevParagraph <= 1) inherit();
    else add(q.inner, true, null, null, null, q.paragraph, ownSentence);
  }

  return out;
}
