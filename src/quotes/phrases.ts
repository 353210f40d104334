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

// Lower-case words that cannot be titles between a name and a name: "said Reuters on Monday", "said Ems and Voss".
const NOT_TITLE = '(?:on|in|at|to|for|from|with|by|of|and|or|but|that|who|which|when|while|after|before|during|as|last|this|late|early|told|adding|saying)';
// After a cue, a name run behind a body and a title: "said Stop Stansted Expansion chairman Peter Sanders",
// "said HACAN chairman John Stewart", "said army spokesman Colonel Abakar Mahamat". The stage takes the person inside.
const TITLE_WORDS = `(?:(?!${NOT_TITLE}\\s)\\p{Ll}[\\p{L}’'-]*\\s+){1,3}`;
const NP_AFTER_CUE = `(?:${PRONOUN}|${POSSESSED}|(?:${NAME_RUN}\\s+)?${TITLE_WORDS}${NAME_RUN}|${NAME_RUN}|${NOMINAL}|${TITLED_NAME})`;

/** After a closing mark: ",” he added", "” said the minister", ",” Zarif wrote on Twitter". */
const AFTER = new RegExp(`^[\\s,]*(?:(${CUE})\\s+(${NP_AFTER_CUE})|(${NP_AFTER})\\s+(?:also\\s+|later\\s+|then\\s+)?(${CUE}))(?![\\p{L}])`, 'u');

/**
 * After a closing mark, a description and the name it describes, set off by commas, then the cue:
 * ",” Sweden’s deputy director of public prosecutions, Eva-Marie Persson, said". The name speaks.
 */
const APPOSED_AFTER = new RegExp(`^[\\s,]*[^,“”"\\n]{2,80},\\s+(${NAME_RUN}),\\s+(?:also\\s+|later\\s+|then\\s+)?(${CUE})(?![\\p{L}])`, 'u');

export interface SpeakerMatch {
  speaker: Span;
  cue: Span;
}

export function speakerAfter(text: string, from: number, limit: number): SpeakerMatch | null {
  const window = text.slice(from, Math.min(limit, from + 160));
  const m = AFTER.exec(window);
  // A quote that ended its sentence (".”") is done; only one whose sentence goes on (",”") may have
  // its speaker described first and named after.
  if (!m) return /,\s*\p{Pf}?["”’]?$/u.test(text.slice(Math.max(0, from - 3), from)) || /^\s*,/.test(window) ? apposedAfter(window, from) : null;
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

function apposedAfter(window: string, from: number): SpeakerMatch | null {
  const m = APPOSED_AFTER.exec(window);
  // The description stays in the quote's sentence: '", be removed. Their lawyer, Majeed Memon, said'
  // has a new sentence ("Rep. Joe Barton" does not: a capital follows its stop).
  if (!m || NEW_SENTENCE.test(m[0])) return null;
  const cue = m[0].lastIndexOf(m[2]!);
  let name = m[0].lastIndexOf(m[1]!, cue);
  let length = m[1]!.length;
  // "Rep. Joe Barton, R-Texas, said": a party and state follow the name, which is the description.
  if (PARTY_STATE.test(m[1]!)) {
    const described = /^[\s,]*([^,]+?)\s*,/.exec(m[0]);
    if (!described) return null;
    name = described[0].indexOf(described[1]!);
    length = described[1]!.length;
  }
  return { speaker: { start: from + m.index + name, end: from + m.index + name + length }, cue: { start: from + m.index + cue, end: from + m.index + cue + m[2]!.length } };
}

// A US legislator's party and state: "R-Texas", "D-N.Y.", "I-Vt."
const PARTY_STATE = /^[DRI]-[A-Z]/;
// A stop, then a capitalised word and a lower-case one: the start of another sentence.
const NEW_SENTENCE = /[.!?]\s+\p{Lu}\p{Ll}*\s+\p{Ll}/u;

// A cue word: (?<![\p{L}])(cue)(?![\p{L}]). The scan runs without the lookbehind, which would be
// tried at every offset of the text, and checks the character before a match instead (nextCue).
const CUE_SCAN = new RegExp(`(${CUE})(?![\\p{L}])`, 'gu');
const LETTER = /\p{L}/u;

/** Whether the code point that ends right before `i` is a letter. */
function letterBefore(s: string, i: number): boolean {
  if (i <= 0) return false;
  const c = s.charCodeAt(i - 1);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  const pair = c >= 0xdc00 && c <= 0xdfff && i >= 2 && s.charCodeAt(i - 2) >= 0xd800 && s.charCodeAt(i - 2) <= 0xdbff;
  return LETTER.test(pair ? s.slice(i - 2, i) : s[i - 1]!);
}

/**
 * The first cue word in `s` at or after offset `from` (group 1 is the cue), as a global scan of
 * /(?<![\p{L}])(cue)(?![\p{L}])/u would find it: a match glued to a letter on its left is
 * passed over and the scan goes on from its next character.
 */
export function nextCue(s: string, from: number): RegExpExecArray | null {
  CUE_SCAN.lastIndex = from;
  for (let m = CUE_SCAN.exec(s); m; m = CUE_SCAN.exec(s)) {
    if (!letterBefore(s, m.index)) return m;
    CUE_SCAN.lastIndex = m.index + 1;
  }
  return null;
}
// A segment may open with the closing mark of a quote before it: "“…,” she said, “…”", "‘…,’ she said, ‘…’".
const SUBJECT_START = new RegExp(`^[\\s”"’']*(?:(?:also|then|later|earlier|however|meanwhile)\\s*,?\\s*)?(${NP})`, 'u');
// Words between the cue and the quote or clause that keep the cue in charge: "in a statement", "reporters", "on Twitter".
const CUE_TAIL = /^(?:\s+(?:to\s+)?[\p{L}’'-]+){0,8}?\s*[,:]?\s*$/u;

// A comma segment that opens a clause of its own ("saying …", "and …"), not a relative clause
// ("Mr Galloway, who won damages from the Daily Telegraph said …", its closing comma missing).
const NEW_CLAUSE = /^\s*(?:\p{Ll}+ing|and|but|while|whereas|as|because|although|though|after|before|when)\s/u;
// A name or pronoun right before the cue, behind at most three auxiliaries and adverbs: "Mr Oaten had initially".
const NEXT_TO_CUE = new RegExp(`(?<![\\p{L}])(${PRONOUN}|${NAME_RUN})\\s+(?:(?:had|has|have|was|is|were|are|would|will|also|initially|previously|earlier|later|then|once|repeatedly|publicly|reportedly)\\s+){0,3}$`, 'u');

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
    if (!m?.[1]) {
      // A cue's own clause that opens with no subject ("…, saying Mr Oaten had initially said"): the
      // name right before the cue, before an earlier clause's subject is taken for it.
      const near = c === cuts.length - 1 && NEW_CLAUSE.test(seg) ? NEXT_TO_CUE.exec(seg) : null;
      if (near?.[1]) {
        const start = clauseStart + cuts[c]! + near.index;
        return { start, end: start + near[1].length };
      }
      continue;
    }
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
  for (let m = nextCue(pre, 0); m; m = nextCue(pre, m.index + m[0].length)) last = m;
  if (!last?.[1]) return null;
  const tail = pre.slice(last.index + last[1].length);
  if (!CUE_TAIL.test(tail) && !/\bthat\s*$/.test(tail)) return null;
  const cue = { start: sentenceStart + last.index, end: sentenceStart + last.index + last[1].length };
  const speaker = subjectBefore(text, sentenceStart, cue);
  return speaker ? { speaker, cue } : null;
}

export const PRONOUN_RE = new RegExp(`^${PRONOUN}$`, 'i');
