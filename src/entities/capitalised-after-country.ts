/**
 * Wire copy of the 1980s wrote the word after "U.S." with a capital ("the U.S. Imposed 100 pct
 * duties", "U.S. Leaders", "within 24 hours of the U.S. Action"), and the tagger reads the pair as
 * one name, which then acts in events. In a story that does this with at least two different
 * words news writes in lower case (the case profile of models/clusters.tsv.gz), a two-word name
 * "U.S. Word" of such a word is the country alone. One pair is not enough: "U.S. Steel" and "US
 * Open" are names, and a story naming one of them does not capitalise common words.
 */
import type { NerSpan } from '../core/doc.js';

const PAIR = /\b(U\.S\.|U\.K\.)\s+(\p{Lu}\p{Ll}+)\b/gu;
// Words that open a sentence after an abbreviation ends one ("… in the U.S. The company …").
const STARTERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'it', 'its', 'he', 'she', 'they', 'we', 'this', 'that', 'these', 'those', 'but', 'and', 'or', 'in', 'on', 'at', 'for', 'as', 'if', 'when', 'while', 'there', 'some', 'most', 'many', 'one', 'officials', 'analysts']);
// A state's body after its name is a name of that body, capitalised or not ("U.S. Government").
const BODIES: ReadonlySet<string> = new Set(['government', 'administration', 'army', 'navy', 'military', 'embassy', 'congress', 'senate', 'court', 'treasury', 'forces', 'troops', 'officials', 'delegation', 'ambassador', 'envoy']);
// Mostly written in lower case: under 30% of mid-sentence uses capitalised.
const LOWER_BUCKET = 1;
const MIN_WORDS = 2;

export function cutCapitalisedCommonWords(text: string, ner: readonly NerSpan[], caseOf: ((lowerWord: string) => number | undefined) | null): NerSpan[] {
  if (!caseOf) return [...ner];
  const common = (word: string): boolean => {
    const lower = word.toLowerCase();
    const bucket = caseOf(lower);
    return !STARTERS.has(lower) && !BODIES.has(lower) && bucket !== undefined && bucket <= LOWER_BUCKET;
  };
  const words = new Set<string>();
  for (const m of text.matchAll(PAIR)) if (common(m[2]!)) words.add(m[2]!.toLowerCase());
  if (words.size < MIN_WORDS) return [...ner];
  return ner.map((s) => {
    const m = /^(U\.S\.|U\.K\.)\s+(\p{Lu}\p{Ll}+)$/u.exec(text.slice(s.start, s.end));
    return m && common(m[2]!) ? { start: s.start, end: s.start + m[1]!.length, label: 'LOC' } : s;
  });
}
