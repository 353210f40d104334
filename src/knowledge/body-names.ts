/**
 * The sector an organisation's name gives it when no table knows the organisation:
 * knowledge/body-names.tsv (written; see docs/knowledge.md). "Flower Time Inc" is a firm,
 * "Food and Drug Administration" a public body, "Court of Appeal" a court, "Financial Times"
 * a paper. Three in four organisations the recogniser finds in news are in no table, and
 * without a sector the events coder cannot tell a regulator's act from a firm's deal.
 *
 * The table's rows are tried in order and the first that matches decides; a row whose
 * sector is "-" decides that the name has none ("… Party").
 */
import { countries } from './countries.js';
import { memoize } from './memo.js';
import { organisations } from './organisations.js';
import { roles } from './roles.js';
import { readKnowledge, tsvRows } from './paths.js';

type Where = 'end' | 'last' | 'head' | 'word';

interface BodyRule {
  /** Words of the pattern, lowercased, trailing full stops dropped as from names ("U.N." → "u.n"). */
  words: readonly string[];
  where: Where;
  /** Null: the name has no sector of its own. */
  sector: string | null;
}

export interface BodyName {
  sector: string;
  /** Alpha-3 of a state the name ends with ("Supreme Court of India"), else null. */
  country: string | null;
}

/** Words after which a name's head is over: "Ministry of Finance", "Committee to Protect Journalists". */
const HEAD_ENDS: ReadonlySet<string> = new Set(['of', 'for', 'on', 'to', 'against']);

let rules: readonly BodyRule[] | undefined;

function load(): readonly BodyRule[] {
  return tsvRows(readKnowledge('body-names.tsv')).map(([pattern, where, sector]) => {
    if (where !== 'end' && where !== 'last' && where !== 'head' && where !== 'word') {
      throw new Error(`knowledge/body-names.tsv: row "${pattern ?? ''}" has no valid place (${where ?? 'none'})`);
    }
    return { words: wordsOf(pattern!).map((w) => w.toLowerCase()), where, sector: sector === '-' ? null : sector! };
  });
}

/** The name's words, a trailing full stop or comma dropped from each ("Corp." → "Corp"). */
function wordsOf(name: string): string[] {
  return name.split(/\s+/).filter((w) => w !== '').map((w) => w.replace(/[.,]+$/, ''));
}

function headOf(words: readonly string[]): string {
  const cut = words.findIndex((w, i) => i > 0 && HEAD_ENDS.has(w));
  return words[(cut > 0 ? cut : words.length) - 1] ?? '';
}

function matches(r: BodyRule, lower: readonly string[], head: string): boolean {
  switch (r.where) {
    case 'last':
      return lower.length > 1 && lower[lower.length - 1] === r.words[0];
    case 'head':
      return head === r.words[0];
    case 'word':
      return lower.includes(r.words[0]!);
    case 'end': {
      const n = r.words.length;
      if (lower.length < n) return false;
      for (let i = 0; i < n; i++) if (lower[lower.length - n + i] !== r.words[i]) return false;
      return true;
    }
  }
}

/**
 * Sectors of the bodies a state names for what they do (ministries, courts, legislatures,
 * police, armed forces): a name may say it is one, and then it belongs to some state.
 */
export const PUBLIC_BODY_SECTORS: ReadonlySet<string> = new Set(['GOV', 'LEG', 'JUD', 'COP', 'MIL']);

/**
 * Whether the name may be a state's body at all. Not "The Office" (a title: a body's name
 * is more than "the" and its kind), nor "Shaw's Board" (a body owned by somebody who holds
 * no office); "Lord Chancellor's Department" may.
 */
function mayBePublic(words: readonly string[], lower: readonly string[]): boolean {
  if (lower.length === 2 && lower[0] === 'the') return false;
  for (let i = 0; i < words.length - 1; i++) {
    const owner = /^(.+)['’]s$/.exec(words[i]!);
    if (owner && roles().lookup(owner[1]!)?.sector !== 'GOV') return false;
  }
  return true;
}

/** "Supreme Court of India": the state a name ends with, after "of". */
function ofCountry(words: readonly string[]): string | null {
  const at = words.findLastIndex((w) => w.toLowerCase() === 'of');
  if (at <= 0 || at === words.length - 1) return null;
  return countries().byName(words.slice(at + 1).join(' '))?.a3 ?? null;
}

/** Sectors a firm's own units share: "BBC World Service", "Shell Canada", "Microsoft Research". */
const FIRM_SECTORS: ReadonlySet<string> = new Set(['BUS', 'MED']);
/**
 * Kinds a name's own form gives that beat its parent firm's: "Ford Foundation" is a charity and
 * "Google News" a news medium; but "BBC World Service" is the BBC's, whatever "Service" says.
 */
const FORM_WINS: ReadonlySet<string> = new Set(['BUS', 'MED', 'NGO', 'EDU']);

/** The sector of a known firm whose name opens the name ("Shell" of "Shell Canada"), if any. */
function parentFirm(words: readonly string[]): string | null {
  for (let n = Math.min(2, words.length - 1); n >= 1; n--) {
    const sectors = new Set(organisations().lookup(words.slice(0, n).join(' ')).map((m) => m.sector));
    const [only] = sectors;
    if (sectors.size === 1 && FIRM_SECTORS.has(only!)) return only!;
  }
  return null;
}

function find(name: string): BodyName | null {
  const words = wordsOf(name);
  if (words.length === 0) return null;
  const parent = parentFirm(words);
  const own = byForm(words);
  if (parent !== null && (own === null || !FORM_WINS.has(own.sector))) return Object.freeze({ sector: parent, country: null });
  return own;
}

function byForm(words: readonly string[]): BodyName | null {
  const lower = words.map((w) => w.toLowerCase());
  const head = headOf(lower);
  rules ??= load();
  const publicForm = mayBePublic(words, lower);
  for (const r of rules) {
    if (r.sector !== null && PUBLIC_BODY_SECTORS.has(r.sector) && !publicForm) continue;
    if (!matches(r, lower, head)) continue;
    return r.sector === null ? null : Object.freeze({ sector: r.sector, country: ofCountry(words) });
  }
  return null;
}

/** The sector of an organisation by the form of its name, or null when the name does not tell. */
export const bodyName: (name: string) => BodyName | null = memoize(find);

let nouns: ReadonlyMap<string, string | null> | undefined;

function loadNouns(): ReadonlyMap<string, string | null> {
  const map = new Map<string, string | null>();
  for (const [noun, sector] of tsvRows(readKnowledge('body-nouns.tsv'))) map.set(noun!, sector === '-' ? null : sector!);
  return map;
}

function singular(word: string): string {
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/**
 * What a common noun next to a name says it is: a sector, null for a body with no sector of
 * ours ("club"), undefined when the noun is no body noun. `words` are the noun phrase's last
 * words, lowercase; the last two are tried together first ("news agency").
 */
export function bodyNoun(words: readonly string[]): string | null | undefined {
  nouns ??= loadNouns();
  const last = words[words.length - 1];
  if (last === undefined) return undefined;
  const prev = words[words.length - 2];
  for (const w of [last, singular(last)]) {
    if (prev !== undefined) {
      const two = nouns.get(`${prev} ${w}`);
      if (two !== undefined) return two;
    }
    const one = nouns.get(w);
    if (one !== undefined) return one;
  }
  return undefined;
}
