/**
 * Splits a country qualifier off an actor phrase: "Armenian army", "Iran's foreign
 * ministry", "Ministry of Foreign Affairs of Azerbaijan", "Kurdish forces".
 */
import { countries, type Country, type Group } from './countries.js';
import { memoize } from './memo.js';

export interface Qualified {
  country: Country | null;
  group: Group | null;
  /** The phrase without the qualifier. */
  rest: string;
}

const MAX_WORDS = 4;

// Memoised: the linker tries every leading word run of every phrase, and those repeat.
const qualifierOf = memoize((words: string): { country: Country | null; group: Group | null } | null => {
  const db = countries();
  const country = db.byDemonym(words) ?? db.byName(words);
  if (country) return Object.freeze({ country, group: null });
  const group = db.group(words);
  return group ? Object.freeze({ country: null, group }) : null;
});

let lastPhrase: string | null = null;
let lastSplit: Readonly<Qualified> | null = null;

/**
 * Frozen, and the last answer kept: readActor asks the organisations table, which splits
 * the phrase, and then splits it itself. Other phrases are seldom asked twice (the
 * callers keep their answers), so one is kept, not a memo of them.
 */
export function splitQualifier(phrase: string): Readonly<Qualified> | null {
  if (phrase !== lastPhrase) {
    const q = split(phrase);
    lastSplit = q && Object.freeze(q);
    lastPhrase = phrase;
  }
  return lastSplit;
}

function split(phrase: string): Qualified | null {
  const words = phrase.trim().split(/\s+/);
  // Every leading run begins with the first word: most first words begin no qualifier.
  const maxWords = countries().mayBegin(words[0]!) ? Math.min(MAX_WORDS, words.length - 1) : 0;
  // Longest qualifier first: "South Korean" before "South".
  for (let n = maxWords; n >= 1; n--) {
    const q = qualifierOf(words.slice(0, n).join(' '));
    if (q) return { ...q, rest: words.slice(n).join(' ') };
  }
  const of = /^(.+)\s+of\s+(?:the\s+)?(.+)$/i.exec(phrase.trim());
  if (of && countries().mayBegin(of[2]!)) {
    const q = qualifierOf(of[2]!);
    if (q) return { ...q, rest: of[1]! };
  }
  return null;
}
