/**
 * Quotes of a Doc: direct quotes by their marks with speaker, cue and channel,
 * then indirect speech in the sentences the direct quotes leave free.
 */
import type { Entity, Quote } from '../core/record.js';
import type { Span } from '../core/span.js';
import { findSpanAt } from '../core/span.js';
import { findChannel } from './cues.js';
import { findIndirect } from './indirect.js';
import { findQuoteMarks } from '../core/quote-marks.js';
import { speakerAfter, speakerBefore } from './phrases.js';
import type { SpeakerMatch } from './phrases.js';
import { SpeakerResolver } from './speaker.js';

export interface QuoteInput {
  text: string;
  paragraphs: readonly Span[];
  sentences: readonly Span[];
  entities: readonly Entity[];
}

function sentenceOf(sentences: readonly Span[], offset: number, fallback: Span): Span {
  const i = findSpanAt(sentences, offset);
  return i >= 0 ? sentences[i]! : fallback;
}

export function findQuotes(input: QuoteInput): Quote[] {
  const { text, paragraphs, sentences, entities } = input;
  const marks = findQuoteMarks(text, paragraphs);
  const outers = marks.map((m) => m.outer);
  const resolver = new SpeakerResolver(text, entities, marks.map((m) => m.inner));
  const quotes: Array<Quote & { at: number }> = [];
  let previous: Quote | null = null;

  for (const q of marks) {
    const para = paragraphs[q.paragraph]!;
    let match: SpeakerMatch | null = null;
    let clause: Span = para;
    if (q.closed) {
      match = speakerAfter(text, q.outer.end, para.end);
      if (match) clause = { start: q.outer.end, end: Math.min(para.end, match.cue.end + 80) };
    }
    if (!match) {
      const sentence = sentenceOf(sentences, q.outer.start, para);
      const from = Math.max(sentence.start, para.start);
      match = speakerBefore(text, from, q.outer.start);
      if (match) clause = { start: from, end: q.outer.start };
    }
    let speaker = match ? resolver.resolve(match.speaker) : null;
    // A continuation paragraph without its own attribution belongs to the quote it continues.
    if (!match && q.continues && previous) speaker = previous.speaker;
    const clauseText = text.slice(clause.start, clause.end);
    const quote: Quote & { at: number } = {
      id: '',
      start: q.inner.start,
      end: q.inner.end,
      text: text.slice(q.inner.start, q.inner.end),
      speaker,
      cue: match ? text.slice(match.cue.start, match.cue.end) : q.continues && previous ? previous.cue : null,
      channel: match ? findChannel(clauseText) : q.continues && previous ? previous.channel : null,
      direct: true,
      at: q.inner.start,
    };
    quotes.push(quote);
    previous = quote;
  }

  for (const sentence of sentences) {
    for (const m of findIndirect(text, sentence, outers)) {
      quotes.push({
        id: '',
        start: m.clause.start,
        end: m.clause.end,
        text: text.slice(m.clause.start, m.clause.end),
        speaker: resolver.resolve(m.speaker),
        cue: text.slice(m.cue.start, m.cue.end),
        channel: findChannel(text.slice(sentence.start, m.clause.start)),
        direct: false,
        at: m.clause.start,
      });
    }
  }

  return quotes
    .sort((a, b) => a.at - b.at)
    .map(({ at: _at, ...q }, i) => ({ ...q, id: `Q${i + 1}` }));
}
