/**
 * The words an event's confidence reads besides its structured features (confidence.ts): what
 * the trigger is, and what its sentence talks about. "Supplied" coded AID is trade far more often
 * than aid, and a sentence of shares, dlrs and pct is commerce, whatever the actors' codes say;
 * the judged events teach the model which words those are (training/train-event-confidence.ts).
 */
import type { Doc } from '../core/doc.js';
import type { EventRecord } from '../core/record.js';
import { firstSpanStartingAt } from '../core/span.js';
import { pageWords } from './page-topic.js';

/** Content words by the tagger's PTB tags: nouns, verbs, adjectives, adverbs. */
const CONTENT_TAG = /^(?:NN|VB|JJ|RB)/;

/**
 * The event's word features, each at most once: `trigger:` its first word, `trigger-type:` that
 * word with the coded type, `trigger2:` its first two words, and `word:` each content word of its
 * sentence outside the trigger (lower-cased, as the page topic model splits words).
 */
export function eventWords(ev: EventRecord, doc: Pick<Doc, 'text' | 'sentences' | 'tokens'>): string[] {
  const out = new Set<string>();
  const trigger = pageWords(ev.trigger.text);
  if (trigger[0] !== undefined) {
    out.add(`trigger:${trigger[0]}`);
    out.add(`trigger-type:${trigger[0]}|${ev.type}`);
    if (trigger[1] !== undefined) out.add(`trigger2:${trigger[0]} ${trigger[1]}`);
  }
  const sentence = doc.sentences[ev.evidence.sentence];
  if (!sentence) return [...out];
  for (let i = firstSpanStartingAt(doc.tokens, sentence.start); i < doc.tokens.length; i++) {
    const t = doc.tokens[i]!;
    if (t.start >= sentence.end) break;
    if (t.start >= ev.trigger.start && t.end <= ev.trigger.end) continue;
    if (t.xpos === undefined || !CONTENT_TAG.test(t.xpos)) continue;
    for (const w of pageWords(doc.text.slice(t.start, t.end))) out.add(`word:${w}`);
  }
  return [...out];
}
