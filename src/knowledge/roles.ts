/**
 * Role words: knowledge/roles.tsv (written; see docs/knowledge.md). A role names what
 * somebody is ("foreign minister", "villagers") and the CAMEO-style sector it implies.
 */
import { memoize } from './memo.js';
import { NameIndex } from './name-index.js';
import { fold } from './normalize.js';
import { readKnowledge, tsvRows } from './paths.js';
import { WordFilter } from './word-filter.js';

export interface Role {
  phrase: string;
  role: string;
  /** Null for roles that take the sector of the body they serve ("spokesman"). */
  sector: string | null;
}

export interface Roles {
  readonly all: readonly Role[];
  lookup(phrase: string): Role | undefined;
  /**
   * False when no role phrase ends as `phrase` ends, so that lookup of it, or of any
   * phrase with the same last word, finds nothing; true says nothing. Cheap: one set
   * probe per singular form of the last word.
   */
  mayEnd(phrase: string): boolean;
}

let cached: Roles | undefined;

export function roles(): Roles {
  cached ??= load();
  return cached;
}

// "envoys" → "envoy", "policemen" → "policeman", "militias" → "militia".
function singulars(phrase: string): string[] {
  const out: string[] = [];
  if (/men$/i.test(phrase)) out.push(phrase.replace(/men$/i, 'man'));
  if (/ies$/i.test(phrase)) out.push(phrase.replace(/ies$/i, 'y'));
  if (/es$/i.test(phrase)) out.push(phrase.slice(0, -2));
  if (/s$/i.test(phrase)) out.push(phrase.slice(0, -1));
  return out;
}

function load(): Roles {
  const all: Role[] = tsvRows(readKnowledge('roles.tsv')).map(([phrase, role, sector]) => ({
    phrase: phrase!,
    role: role!,
    sector: sector === '-' || !sector ? null : sector,
  }));
  const index = new NameIndex<Role>();
  for (const r of all) index.add(r.phrase, r);
  // The last word of every folded role phrase: a lookup can only hit a key ending in one.
  // The same words, and the first words, read in place from a plain word of the text.
  const lastWords = new Set<string>();
  const lastWordFilter = new WordFilter();
  const firstWordFilter = new WordFilter();
  for (const r of all) {
    const key = fold(r.phrase);
    lastWords.add(key.slice(key.lastIndexOf(' ') + 1));
    lastWordFilter.addKey(key, 'last');
    firstWordFilter.addKey(key, 'first');
  }
  // Folding works word by word, and singulars() only changes the end: the last word decides.
  const lastWordMayEnd = memoize((last: string): boolean => {
    for (const form of [last, ...singulars(last)]) {
      const key = fold(form);
      // A last word that folds to nothing leaves the decision to the words before it.
      if (key === '' || lastWords.has(key.slice(key.lastIndexOf(' ') + 1))) return true;
    }
    return false;
  });
  const lookup = memoize((phrase: string): Role | undefined => {
    const text = phrase.trim();
    for (const form of [text, ...singulars(text)]) {
      const hit = index.get(form)[0];
      if (hit) return hit;
    }
    return undefined;
  });
  return {
    all,
    // The last word decides (lastWordMayEnd), so the memo is keyed by it: callers pass phrases
    // sliced from the article, and one-off phrases as keys would flush the memo.
    // A plain last word (most are) is read in place, without slicing it or probing the memo.
    mayEnd: (phrase) => {
      const known = lastWordFilter.endsIn(phrase, true);
      if (known !== undefined) return known;
      const text = phrase.trim();
      return lastWordMayEnd(text.slice(text.search(/\S+$/)));
    },
    // Memoised: the linker and the group finder ask about the same words throughout an article.
    // The group finder asks of a head with each run of its modifiers ("anti-war student
    // protesters"): the first word answers for most runs, the last for most heads.
    lookup: (phrase) => (lastWordFilter.mayEnd(phrase, true) && firstWordFilter.mayStart(phrase, false) ? lookup(phrase) : undefined),
  };
}
