/**
 * Hyphenated qualifiers that name a second actor: "US-led forces", "Saudi-led coalition",
 * "Iran-backed militias", "Russian-allied fighters". The tokenizer keeps them one word and
 * the tagger calls them adjectives, so neither NER nor the qualifier readings see the
 * named part: NER calls "US-led" a MISC of its own, and "Iran-backed" nothing.
 *
 * The two relations code differently (CAMEO practice, docs/knowledge.md "Hyphenated
 * qualifiers"): a body *led* by a state is that state's military ("US-led coalition" →
 * USAMIL); a group *backed* by someone is a proxy whose backer is not its country
 * ("Iran-backed militias" are not IRN: an armed non-state group, REB).
 */
import type { Span } from '../core/span.js';

export type CompoundRelation = 'leader' | 'backer';

/** The hyphens that join a compound's parts: ASCII, Unicode hyphen and non-breaking hyphen, en dash. */
export const HYPHEN = /[-\u2010\u2011\u2013]/;

export interface CompoundQualifier {
  /** The named part, in text offsets: "US" of "US-led". */
  part: Span;
  relation: CompoundRelation;
}

const LEADER_SUFFIXES: ReadonlySet<string> = new Set(['led', 'commanded']);
const BACKER_SUFFIXES: ReadonlySet<string> = new Set(['backed', 'sponsored', 'supported', 'funded', 'armed', 'trained', 'allied', 'aligned']);

/**
 * Heads of a body that a leading state's military stands for: "US-led forces", "the
 * Saudi-led coalition", "NATO-led troops". Other heads ("US-led talks", "Saudi-led air
 * strikes") are no body: only the named part is an entity.
 */
export const LED_BODIES: ReadonlySet<string> = new Set([
  'forces', 'force', 'troops', 'soldiers', 'coalition', 'alliance', 'army', 'military', 'navy', 'contingent', 'peacekeepers',
]);

/**
 * Generic heads a backer makes an armed proxy group of its own ("US-backed forces",
 * "Iran-backed factions") when nothing else in the phrase names a state; role words
 * ("militias", "rebels") are read from the roles table instead.
 */
export const PROXY_HEADS: ReadonlySet<string> = new Set(['forces', 'groups', 'factions', 'proxies', 'troops', 'units']);

/**
 * The compound a word spells, its named part starting with a capital (or "al-" and a
 * capital: "al-Qaeda-backed"); null for any other word, and for a lower-case part
 * ("government-backed", "state-sponsored"), which names nobody.
 */
export function readCompound(text: string, span: Span): CompoundQualifier | null {
  const word = text.slice(span.start, span.end);
  const m = /^((?:al-)?\p{Lu}[\p{L}\p{N}.'’&-]*?)[-‐‑–](\p{Ll}+)$/u.exec(word);
  if (!m) return null;
  const suffix = m[2]!;
  const relation: CompoundRelation | null = LEADER_SUFFIXES.has(suffix) ? 'leader' : BACKER_SUFFIXES.has(suffix) ? 'backer' : null;
  if (!relation) return null;
  return { part: { start: span.start, end: span.start + m[1]!.length }, relation };
}
