/**
 * Organisations: knowledge/organisations.tsv and knowledge/companies.tsv (written from
 * public facts; see docs/knowledge.md for the code scheme). Generic institutions
 * ("foreign ministry", "army") have root `*` and take their country from a qualifier in
 * the phrase.
 */
import { memoize } from './memo.js';
import { NameIndex } from './name-index.js';
import { bare } from './normalize.js';
import { readKnowledge, tsvRows } from './paths.js';
import { splitQualifier } from './qualifier.js';
import { WordFilter } from './word-filter.js';

export interface Organisation {
  name: string;
  aliases: string[];
  /** Alpha-3, IGO, UNO, NGO, IMG, or `*` for a generic institution. */
  root: string;
  sector: string;
  kind: string;
  note: string;
}

export interface OrgMatch {
  org: Organisation;
  /** Alpha-3 of a national actor (from the table or the phrase's qualifier), else null. */
  country: string | null;
  /** The people a generic institution belongs to ("Kurdish forces"), when not a country. */
  group: string | null;
  sector: string;
  /** CAMEO-style root + sector ("IRNMIL", "IGOMIL"); null when the country is unknown. */
  code: string | null;
}

export interface Organisations {
  readonly all: readonly Organisation[];
  /** Shared between callers (memoised), hence read-only and frozen. */
  lookup(name: string): readonly OrgMatch[];
  /**
   * False when lookup(name) finds nothing for certain: no name ends as `name` ends, and
   * no "of" splits it. Cheap: no string is hashed or sliced.
   */
  mayName(name: string): boolean;
  /**
   * lookup without its memo, for a caller that keeps its own answers (readActor): the
   * phrases it asks about are new to the memo, and would only fill it.
   */
  lookupOnce(name: string): readonly OrgMatch[];
}

let cached: Organisations | undefined;

export function organisations(): Organisations {
  cached ??= load();
  return cached;
}

/** An inner word "of", at which splitQualifier may split a name (qualifier.ts). */
const OF = /\sof\s/i;

/** Code roots of bodies that belong to no state (docs/knowledge.md): their entities have no country. */
export const TRANSNATIONAL_ROOTS: ReadonlySet<string> = new Set(['IGO', 'UNO', 'NGO', 'IMG']);

function match(org: Organisation, country: string | null, group: string | null): OrgMatch {
  const root = org.root === '*' ? country : org.root;
  return Object.freeze({
    org,
    country: org.root === '*' ? country : TRANSNATIONAL_ROOTS.has(org.root) ? null : org.root,
    group,
    sector: org.sector,
    code: root ? root + org.sector : null,
  });
}

function load(): Organisations {
  const rows = [...tsvRows(readKnowledge('organisations.tsv')), ...tsvRows(readKnowledge('companies.tsv'))];
  const all: Organisation[] = rows.map(([name, aliases, root, sector, kind, note]) => ({
    name: name!,
    aliases: aliases ? aliases.split('|') : [],
    root: root!,
    sector: sector!,
    kind: kind!,
    note: note ?? '',
  }));
  const index = new NameIndex<Organisation>();
  for (const o of all) for (const n of [o.name, ...o.aliases]) index.add(n, o);
  // Every key a lookup can hit ends as the name does (a qualifier goes from the front), but
  // for a name split at "of" ("Ministry of Defence of Iran").
  const lastWords = new WordFilter();
  for (const key of index.keys()) lastWords.addKey(key, 'last');
  const mayName = (name: string): boolean => lastWords.mayEnd(name, false) || OF.test(name);

  const direct = (text: string): Organisation[] => {
    const hit = index.get(text);
    return hit.length > 0 ? hit : index.get(bare(text));
  };

  const NONE: readonly OrgMatch[] = Object.freeze([]);
  const find = (name: string): readonly OrgMatch[] => {
    const hit = direct(name);
    if (hit.length > 0) return Object.freeze(hit.map((o) => match(o, null, null)));
    const q = splitQualifier(name);
    if (!q) return NONE;
    const generic = direct(q.rest).filter((o) => o.root === '*');
    return generic.length === 0 ? NONE : Object.freeze(generic.map((o) => match(o, q.country?.a3 ?? null, q.group?.name ?? null)));
  };
  // Memoised: every NER organisation the linker reads asks here, and an article repeats its names.
  const lookup = memoize(find);
  return {
    all,
    mayName,
    lookup: (name) => (mayName(name) ? lookup(name) : NONE),
    lookupOnce: (name) => (mayName(name) ? find(name) : NONE),
  };
}
