/**
 * Indirect speech: "X said (that) …", "X says he would …", "X said in a statement
 * broadcast on state television on Wednesday, that …". The reported clause becomes a
 * quote with `direct: false`.
 */
import type { Span } from '../core/span.js';
import { CUE_WORD, subjectBefore } from './phrases.js';

export interface IndirectMatch {
  clause: Span;
  cue: Span;
  speaker: Span;
}

// Cues that take a bare clause without "that" ("says he would like …").
const BARE_CLAUSE_CUES = new Set([
  'said', 'says', 'added', 'adds', 'warned', 'warns', 'claimed', 'claims', 'insisted', 'insists',
  'stated', 'states', 'announced', 'believes', 'believed', 'thinks', 'noted', 'stressed', 'argued', 'argues',
]);
// A clause opens with a subject: pronoun, determiner, name or number.
const CLAUSE_OPENER = /^\s+(?:he|she|they|we|I|it|there|this|that|these|those|the|a|an|his|her|their|its|our|all|both|no|[A-Z][\p{L}’'-]*|\d)[\s,’']/u;
const THAT_LATER = /,\s*that\s/;

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /[\s.;:!?”"’]/.test(text[end - 1]!)) end--;
  return end;
}

export function findIndirect(text: string, sentence: Span, blocked: readonly Span[]): IndirectMatch[] {
  const out: IndirectMatch[] = [];
  const s = text.slice(sentence.start, sentence.end);
  CUE_WORD.lastIndex = 0;
  for (let m = CUE_WORD.exec(s); m; m = CUE_WORD.exec(s)) {
    const word = m[1]!;
    const cue = { start: sentence.start + m.index, end: sentence.start + m.index + word.length };
    if (blocked.some((b) => cue.start < b.end && b.start < cue.end)) continue;
    const rest = s.slice(m.index + word.length);
    let clauseStart: number | null = null;
    const that = /^\s+that\s/.exec(rest);
    if (that) clauseStart = cue.end + that[0].length;
    else {
      const later = THAT_LATER.exec(rest.slice(0, 160));
      // "said in a statement broadcast on state television on Wednesday, October 7, that …"
      if (later && !/[“"]/.test(rest.slice(0, later.index))) clauseStart = cue.end + later.index + later[0].length;
      else if (BARE_CLAUSE_CUES.has(word.toLowerCase()) && CLAUSE_OPENER.test(rest)) clauseStart = cue.end + (/^\s+/.exec(rest)?.[0].length ?? 0);
    }
    if (clauseStart === null) continue;
    const clauseEnd = trimEnd(text, clauseStart, sentence.end);
    const clause = { start: clauseStart, end: clauseEnd };
    if (clause.end - clause.start < 12) continue;
    if (blocked.some((b) => clause.start < b.end && b.start < clause.end)) continue;
    const speaker = subjectBefore(text, sentence.start, cue);
    if (!speaker) continue;
    out.push({ clause, cue, speaker });
    break; // one reported clause per sentence: a later cue belongs to the reported clause itself
  }
  return out;
}
