/**
 * Indirect speech: "X said (that) …", "X says he would …", "X said in a statement
 * broadcast on state television on Wednesday, that …", "X told the court that …",
 * and the reported clause put first: "Egypt will reopen the crossing, the minister
 * said on Sunday." The reported clause becomes a quote with `direct: false`.
 */
import type { Span } from '../core/span.js';
import type { SpeakerMatch } from './phrases.js';
import { nextCue, speakerAfter, subjectBefore } from './phrases.js';

export interface IndirectMatch {
  clause: Span;
  cue: Span;
  speaker: Span;
}

/** Whether text[start, end) holds a finite verb: a clause, not a noun phrase ("said the minister"). */
export type FiniteVerbTest = (start: number, end: number) => boolean;

// Cues that take a bare clause without "that" ("says he would like …").
const BARE_CLAUSE_CUES = new Set([
  'said', 'says', 'say', 'added', 'adds', 'warned', 'warns', 'claimed', 'claims', 'insisted', 'insists',
  'stated', 'states', 'announced', 'believes', 'believed', 'thinks', 'noted', 'stressed', 'argued', 'argues',
  'told', 'tells', 'wrote', 'writes', 'tweeted', 'posted', 'confirmed', 'confirms', 'explained', 'admitted',
]);
// Cues whose object is the addressee, so words before "that" are theirs: "told the court that …".
const ADDRESSEE_CUES = new Set(['told', 'tells', 'assured', 'assures', 'warned', 'warns', 'urged', 'reminded', 'informed', 'promised']);
// Words before "that" that open an adjunct of the cue, not an object a relative "that" could belong to.
const DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const ADJUNCT_OPENER = new RegExp(`^\\s+(?:(?:on|in|at|to|during|via|through|after|before|from|while|late|early|earlier|later|last|this|yesterday|today|tonight|here|there|again|also|repeatedly|publicly|privately|separately|recently|previously|once)\\b|${DAY}\\b)`, 'i');
// Up to ten words with no punctuation that would end the cue's clause, then "that".
const WORDS_THEN_THAT = /^((?:\s+[^\s,.;:!?“”"]+){1,10}?)\s+that\s/u;
const THAT_LATER = /,\s*that\s/;
// A time adjunct between a cue and a bare clause: "said on Monday it had …".
const TIME_ADJUNCT = new RegExp(`^\\s+(?:(?:(?:late |early )?on )?${DAY}|yesterday|today|here|on \\p{Lu}\\p{Ll}+ \\d{1,2}|last (?:week|month|night|year)|this (?:week|month|morning|year)|earlier|later)(?=[\\s,])`, 'u');
// A bare clause opens with a word that can start a subject; a finite verb must follow.
const CLAUSE_OPENER = /^\s+(?:[\p{L}\d][\p{L}\p{N}’'-]*)[\s,’']/u;
const NOT_A_SUBJECT = /^\s+(?:to|for|with|by|of|about|on|in|at|nothing|something|anything|so|yes|no|goodbye|hello|thanks|sorry)\b/i;

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /[\s.;:!?”"’]/.test(text[end - 1]!)) end--;
  return end;
}

/** End of the first stretch of a bare clause where its verb must show: the next comma, colon or the sentence end. */
function firstStretch(text: string, start: number, end: number): number {
  const m = /[,;:]/.exec(text.slice(start, end));
  return m ? start + m.index : end;
}

/** Where the reported clause after a cue starts, or null when the cue reports no clause. */
function clauseAfterCue(text: string, word: string, cueEnd: number, sentenceEnd: number, finite: FiniteVerbTest): number | null {
  const rest = text.slice(cueEnd, sentenceEnd);
  const that = /^\s+that\s/.exec(rest);
  if (that) return cueEnd + that[0].length;
  const lower = word.toLowerCase();
  const between = WORDS_THEN_THAT.exec(rest);
  if (between && (ADDRESSEE_CUES.has(lower) || ADJUNCT_OPENER.test(between[1]!))) return cueEnd + between[0].length;
  const later = THAT_LATER.exec(rest.slice(0, 160));
  // "said in a statement broadcast on state television on Wednesday, October 7, that …"
  if (later && !/[“"]/.test(rest.slice(0, later.index))) return cueEnd + later.index + later[0].length;
  if (!BARE_CLAUSE_CUES.has(lower)) return null;
  const adjunct = TIME_ADJUNCT.exec(rest);
  let at = cueEnd + (adjunct ? adjunct[0].length : 0);
  if (text[at] === ',') at++;
  const tail = text.slice(at, sentenceEnd);
  if (!CLAUSE_OPENER.test(tail) || NOT_A_SUBJECT.test(tail)) return null;
  const start = at + (/^\s+/.exec(tail)?.[0].length ?? 0);
  // "said the minister" names the speaker; "said the talks had failed" reports a clause.
  return finite(start, firstStretch(text, start, sentenceEnd)) ? start : null;
}

/**
 * The attribution closing a sentence after its last comma: ", he said.", ", the minister said on
 * Sunday." (the cue's subject and the cue, with only the time, place or channel after them), when
 * that comma comes after `after`; null when the sentence ends otherwise.
 */
export function closingAttribution(text: string, sentence: Span, after: number): (SpeakerMatch & { comma: number }) | null {
  const comma = text.lastIndexOf(',', sentence.end - 1);
  if (comma < Math.max(after, sentence.start)) return null;
  const m = speakerAfter(text, comma, sentence.end);
  if (!m || !/^(?:\s+[^\s,;:“”"]+){0,8}\s*[.!?]?\s*$/u.test(text.slice(m.cue.end, sentence.end))) return null;
  return { ...m, comma };
}

/**
 * "Egypt will reopen the crossing, the minister said on Sunday.": the sentence's last cue,
 * behind its last comma, with only the time, place or channel of the saying after it.
 */
function clauseFirst(text: string, sentence: Span, lastCue: Span, blocked: readonly Span[], finite: FiniteVerbTest): IndirectMatch | null {
  const m = closingAttribution(text, sentence, sentence.start + 1);
  if (!m || m.cue.start !== lastCue.start) return null;
  const { comma } = m;
  const clause = { start: sentence.start, end: trimEnd(text, sentence.start, comma) };
  while (clause.start < clause.end && /\s/.test(text[clause.start]!)) clause.start++;
  if (clause.end - clause.start < 12) return null;
  if (blocked.some((b) => clause.start < b.end && b.start < clause.end)) return null;
  if (!finite(clause.start, clause.end)) return null;
  return { clause, cue: m.cue, speaker: m.speaker };
}

export function findIndirect(text: string, sentence: Span, blocked: readonly Span[], finite: FiniteVerbTest): IndirectMatch[] {
  const s = text.slice(sentence.start, sentence.end);
  let lastCue: Span | null = null;
  for (let m = nextCue(s, 0); m; m = nextCue(s, m.index + m[0].length)) {
    const word = m[1]!;
    const cue = { start: sentence.start + m.index, end: sentence.start + m.index + word.length };
    if (blocked.some((b) => cue.start < b.end && b.start < cue.end)) continue;
    lastCue = cue;
    const clauseStart = clauseAfterCue(text, word, cue.end, sentence.end, finite);
    if (clauseStart === null) continue;
    const clause = { start: clauseStart, end: trimEnd(text, clauseStart, sentence.end) };
    if (clause.end - clause.start < 12) continue;
    if (blocked.some((b) => clause.start < b.end && b.start < clause.end)) continue;
    const speaker = subjectBefore(text, sentence.start, cue);
    if (!speaker) continue;
    // One reported clause per sentence: a later cue belongs to the reported clause itself.
    return [{ clause, cue, speaker }];
  }
  const first = lastCue ? clauseFirst(text, sentence, lastCue, blocked, finite) : null;
  return first ? [first] : [];
}
