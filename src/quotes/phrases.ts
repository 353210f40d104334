/**
 * Finding the speaker phrase next to a speech cue, on raw sentence text. This
 * works without a parse: news attributions are formulaic ("…,” he added",
 * "X said:", "X, the minister, told reporters that …"). When the dependency
 * parse is present the stage can prefer it; these patterns are the fallback.
 */
import type { Span } from '../core/span.js';
import { CUE_VERBS } from './cues.js';

// In the list's order, most frequent first (no phrasal cue starts with a one-word cue); a phrasal cue's words may be spread over any spacing.
const CUE = `(?:${CUE_VERBS.map((c) => c.replace(/ /g, '\\s+')).join('|')})`;
const PRONOUN = '(?:he|she|they|we|I|it)';
// A capitalised name run: "Iranian Foreign Minister Javad Zarif", "Ali al-Sistani", "U.S. officials".
const NAME_RUN = "(?:[A-Z][\\p{L}\\p{M}.’'-]*|al-[A-Z][\\p{L}’'-]*|@\\w+)(?:\\s+(?:(?:of|for|to|the|de|al|bin|von|van)\\s+)?(?:[A-Z][\\p{L}\\p{M}.’'-]*|al-[A-Z][\\p{L}’'-]*))*";
// "the foreign minister", "a spokesman for the ministry", "the Azeri Envoy", "officials".
const NOMINAL = "(?:(?:the|a|an|his|her|their|its)\\s+)(?:[\\p{L}’'-]+\\s+){0,4}[\\p{L}’'-]+(?:\\s+(?:for|of)\\s+(?:the\\s+)?[\\p{L}’'-]+(?:\\s+[A-Z][\\p{L}’'-]+)*)?";
// A name's possession: "Ruiz's lawyer", "the Smiths' family friend" (a name run ending in a possessive, then common nouns).
const POSSESSED = `${NAME_RUN}(?<=['’]s|s['’])\\s+(?:\\p{Ll}[\\p{L}-]*\\s+){0,2}\\p{Ll}[\\p{L}-]*`;
const NP = `(?:${PRONOUN}|${POSSESSED}|${NAME_RUN}|${NOMINAL})`;
// After a quote, a name behind title words: "army spokesman Colonel Abakar Mahamat", "Rwandan government
// spokeswoman Yolande Makolo". Only there: before a cue, such words may be a participle phrase ("speaking on …").
const TITLED_NAME = `(?:[\\p{L}][\\p{L}’'-]*\\s+){1,5}?${NAME_RUN}`;
const NP_AFTER = `(?:${NP}|${TITLED_NAME})`;

/** After a closing mark: ",” he added", "” said the minister", ",” Zarif wrote on Twitter". */
const AFTER = new RegExp(`^[\\s,]*(?:(${CUE})\\s+(${NP})|(${NP_AFTER})\\s+(?:also\\s+|later\\s+|then\\s+)?(${CUE}))(?![\\p{L}])`, 'u');

export interface SpeakerMatch {
  speaker: Span;
  cue: Span;
}

export function speakerAfter(text: string, from: number, limit: number): SpeakerMatch | null {
  const window = text.slice(from, Math.min(limit, from + 160));
  const m = AFTER.exec(window);
  if (!m) return null;
  const at = (s: string, after = 0): Span => {
    const k = m[0].indexOf(s, after);
    return { start: from + m.index + k, end: from + m.index + k + s.length };
  };
  if (m[1] !== undefined && m[2] !== undefined) {
    const cue = at(m[1]);
    return { cue, speaker: at(m[2], cue.end - from - m.index) };
  }
  const speaker = at(m[3]!);
  return { speaker, cue: at(m[4]!, speaker.end - from - m.index) };
}

const CUE_WORD = new RegExp(`(?<![\\p{L}])(${CUE})(?![\\p{L}])`, 'gu');
// A segment may open with the closing mark of a quote before it: "“…,” she said, “…”", "‘…,’ she said, ‘…’".
const SUBJECT_START = new RegExp(`^[\\s”"’']*(?:(?:also|then|later|earlier|however|meanwhile)\\s*,?\\s*)?(${NP})`, 'u');
// Words between the cue and the quote or clause that keep the cue in charge: "in a statement", "reporters", "on Twitter".
const CUE_TAIL = /^(?:\s+(?:to\s+)?[\p{L}’'-]+){0,8}?\s*[,:]?\s*$/u;

/**
 * The subject of the clause that ends with a cue at `cue`: walk back over comma
 * segments (appositions, introductory phrases) to the nearest that opens with a
 * noun phrase.
 */
export function subjectBefore(text: string, clauseStart: number, cue: Span): Span | null {
  // A sentence the splitter left joined to an earlier one ("“…,” X wrote. Officials said …")
  // or a closed quote before the subject: the subject starts after them.
  // A single closing mark counts only after punctuation: elsewhere it may be an apostrophe ("the workers’ Union").
  const joined = /^[\s\S]*(?:(?<=[\p{Ll}\d]{2})[.!?][”"’']?\s+(?=\p{Lu})|(?:”|(?<=[.,!?])[’'])\s*(?=\p{Lu}))/u.exec(text.slice(clauseStart, cue.start));
  if (joined) clauseStart += joined[0].length;
  const pre = text.slice(clauseStart, cue.start);
  const cuts = [0];
  for (let k = pre.indexOf(','); k >= 0; k = pre.indexOf(',', k + 1)) cuts.push(k + 1);
  for (let c = cuts.length - 1; c >= 0; c--) {
    const seg = pre.slice(cuts[c]);
    const m = SUBJECT_START.exec(seg);
    if (!m?.[1]) continue;
    // An introductory phrase ("According to the details") is not a subject: it must lead into the cue.
    // The span runs to the cue: "Azerbaijani ambassador to Pakistan Ali Alizada" is one subject
    // whose head the stage picks among the entity mentions inside it.
    const start = clauseStart + cuts[c]! + m[0].length - m[1].length;
    let end = c + 1 < cuts.length ? clauseStart + cuts[c + 1]! - 1 : cue.start;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    return { start, end };
  }
  return null;
}

/** Before an opening mark: "Zarif took to Twitter and wrote, “", "He said: “", "The ministry said in a statement “". */
export function speakerBefore(text: string, sentenceStart: number, openMark: number): SpeakerMatch | null {
  const pre = text.slice(sentenceStart, openMark);
  let last: RegExpExecArray | null = null;
  CUE_WORD.lastIndex = 0;
  for (let m = CUE_WORD.exec(pre); m; m = CUE_WORD.exec(pre)) last = m;
  if (!last?.[1]) return null;
  const tail = pre.slice(last.index + last[1].length);
  if (!CUE_TAIL.test(tail) && !/\bthat\s*$/.test(tail)) return null;
  const cue = { start: sentenceStart + last.index, end: sentenceStart + last.index + last[1].length };
  const speaker = subjectBefore(text, sentenceStart, cue);
  return speaker ? { speaker, cue } : null;
}

export const PRONOUN_RE = new RegExp(`^${PRONOUN}$`, 'i');
export { CUE_WORD };
