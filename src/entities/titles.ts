/**
 * Titles around a person's name: pre-modifiers ("Iranian Foreign Minister Javad
 * Zarif", "Azerbaijani ambassador to Pakistan Ali Alizada") and appositions
 * ("Jeyhun Bayramov, the Azeri foreign minister"). Read with the knowledge
 * tables into country, role and sector.
 */
import type { Span } from '../core/span.js';
import { readActor, roles } from '../knowledge/index.js';
import type { ActorReading } from '../knowledge/index.js';

export interface Title {
  span: Span;
  reading: ActorReading;
}

// Words that may belong to a pre-modifying title: capitalised words, role words, "of", "to", "for", "the".
const TITLE_WORD = /^(?:[\p{Lu}][\p{L}.’'-]*|[\p{Ll}][\p{Ll}-]*|of|to|for|the|and)$/u;
const STOP = new Set(['said', 'says', 'told', 'and', 'but', 'that', 'when', 'as', 'after', 'before', 'while', 'with', 'by', 'from', 'in', 'on', 'at']);

/** "ambassador to Pakistan" names the posting, not the ambassador's country. */
function withoutPosting(phrase: string): string {
  return phrase.replace(/\s+(?:to|in|at)\s+(?:the\s+)?[\p{Lu}][\p{L}’'-]*(?:\s+[\p{Lu}][\p{L}’'-]*)*$/u, '');
}

/**
 * mayHaveRole (knowledge/actor.ts) of the phrase `words[0..n-1]` and then `last`, joined by
 * spaces, without joining it: "\sof\s" is an inner word "of", and roles().mayEnd reads only
 * the last word. Asked with that word, its memo keys on words that repeat, not on phrases
 * that mostly do not.
 */
export function phraseMayHaveRole(words: readonly string[], n: number, last: string): boolean {
  for (let j = 1; j < n; j++) if (words[j]!.length === 2 && words[j]!.toLowerCase() === 'of') return true;
  return roles().mayEnd(last);
}

/** "former Vice President", "ex-minister": an office the person no longer holds. */
const PAST = /^(?:former\s+|ex-)/i;

function read(phrase: string): ActorReading | null {
  const p = withoutPosting(phrase.trim());
  if (p.length === 0) return null;
  const past = PAST.exec(p);
  if (past) {
    // Of the office's country still, but no longer acting for its state: no sector.
    const r = read(p.slice(past[0].length));
    return r?.role ? { ...r, role: `former ${r.role}`, sector: null, code: r.country } : null;
  }
  const r = readActor(p);
  if (r?.role || r?.organisation) return r;
  // "Turkish army general": the qualifier with the head noun ("Turkish general") when the whole is unknown.
  const words = p.split(/\s+/);
  const last = words[words.length - 1]!;
  for (let k = words.length - 2; k >= 1; k--) {
    // Only a role counts here: a phrase that cannot have one is not read.
    const head = phraseMayHaveRole(words, k, last) ? readActor(`${words.slice(0, k).join(' ')} ${last}`) : null;
    if (head?.role && head.country) return head;
  }
  // "Japanese vice-minister of finance for international affairs": the role before its portfolio.
  const portfolio = /\s(?:of|for)\s/.exec(p);
  const before = portfolio ? readActor(p.slice(0, portfolio.index)) : null;
  if (before?.role && before.country) return before;
  return null;
}

const MAX_TITLE_WORDS = 7;
const SPACE = /\s/;

/** The last `n` runs of non-spaces in text[from, to), last first: offsets of each. */
function lastWords(text: string, from: number, to: number, n: number): Span[] {
  const out: Span[] = [];
  let i = to;
  while (out.length < n) {
    while (i > from && SPACE.test(text[i - 1]!)) i--;
    if (i <= from) break;
    const end = i;
    while (i > from && !SPACE.test(text[i - 1]!)) i--;
    out.push({ start: i, end });
  }
  return out;
}

/**
 * The longest title phrase ending right before `name` (same sentence), if it reads as one.
 * `verbAt` says whether a word (by its start) is a verb: a title holds none, and a clause's
 * verb before it ends the scan ("the Pakistani president met Prime Minister Tony Blair" gives
 * Blair "Prime Minister", not a Pakistani office read across "president met"). A capitalised
 * word is a name's, whatever its tag ("American Can Co chairman"). Without tags, only the STOP
 * words end it.
 */
export function titleBefore(text: string, name: Span, sentence: Span, verbAt?: (start: number) => boolean): Title | null {
  if (name.start <= sentence.start || !SPACE.test(text[name.start - 1]!)) return null;
  // Read backwards: a title has at most seven words, and the sentence may be long.
  const words = lastWords(text, sentence.start, name.start, MAX_TITLE_WORDS);
  let best: Title | null = null;
  const end = words[0]?.end ?? 0;
  for (const [i, word] of words.entries()) {
    const w = text.slice(word.start, word.end);
    // A capitalised word tagged a verb is a name's ("American Can Co chairman").
    if (!TITLE_WORD.test(w) || STOP.has(w) || (verbAt?.(word.start) && !/^\p{Lu}/u.test(w))) break;
    const reading = read(text.slice(word.start, end));
    // A party qualifier inside a longer name is no party: "Factory Workers Union secretary general"
    // (a capital that only opens the sentence says nothing: "Backbench Labour MP …").
    const before = words[i + 1];
    if (reading?.parties.length && before && /^\p{Lu}/u.test(text.slice(before.start, before.end)) && text.slice(sentence.start, before.start).trim() !== '') continue;
    if (reading) best = { span: { start: word.start, end }, reading };
  }
  return best;
}

/** ", the Azeri foreign minister," right after the name. */
export function appositionAfter(text: string, name: Span, sentence: Span): Title | null {
  const right = text.slice(name.end, sentence.end);
  const m = /^,\s+((?:the|a|an)\s+[^,.;:“”"()]{2,60}?)(?=\s*(?:,|\.|;|$|\s+(?:has|had|have|is|was|said|says|told|who)\b))/u.exec(right);
  if (!m?.[1]) return null;
  const reading = read(m[1].replace(/^(?:the|a|an)\s+/i, ''));
  if (!reading) return null;
  const start = name.end + m[0].length - m[1].length;
  return { span: { start, end: start + m[1].length }, reading };
}
