/**
 * Titles around a person's name: pre-modifiers ("Iranian Foreign Minister Javad
 * Zarif", "Azerbaijani ambassador to Pakistan Ali Alizada") and appositions
 * ("Jeyhun Bayramov, the Azeri foreign minister"). Read with the knowledge
 * tables into country, role and sector.
 */
import type { Span } from '../core/span.js';
import { mayHaveRole, readActor } from '../knowledge/index.js';
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

function read(phrase: string): ActorReading | null {
  const p = withoutPosting(phrase.trim());
  if (p.length === 0) return null;
  const r = readActor(p);
  if (r?.role || r?.organisation) return r;
  // "Turkish army general": the qualifier with the head noun ("Turkish general") when the whole is unknown.
  const words = p.split(/\s+/);
  for (let k = words.length - 2; k >= 1; k--) {
    const phrase = `${words.slice(0, k).join(' ')} ${words[words.length - 1]}`;
    // Only a role counts here: a phrase that cannot have one is not read.
    const head = mayHaveRole(phrase) ? readActor(phrase) : null;
    if (head?.role && head.country) return head;
  }
  return null;
}

/** The longest title phrase ending right before `name` (same sentence), if it reads as one. */
export function titleBefore(text: string, name: Span, sentence: Span): Title | null {
  const left = text.slice(sentence.start, name.start);
  if (!/\s$/.test(left)) return null;
  const words = [...left.matchAll(/\S+/g)];
  let best: Title | null = null;
  for (let k = words.length - 1; k >= 0 && words.length - k <= 7; k--) {
    const w = words[k]![0];
    if (!TITLE_WORD.test(w) || STOP.has(w)) break;
    const start = sentence.start + words[k]!.index;
    const end = sentence.start + words[words.length - 1]!.index + words[words.length - 1]![0].length;
    const reading = read(text.slice(start, end));
    if (reading) best = { span: { start, end }, reading };
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
