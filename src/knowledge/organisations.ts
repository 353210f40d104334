/**
 * Organisations: knowledge/organisations.tsv (written from public facts; see
 * docs/knowledge.md for the code scheme). Generic institutions ("foreign ministry",
 * "army") have root `*` and take their country from a qualifier in the phrase.
 */
import { memoize } from './memo.js';
import { NameIndex } from './name-index.js';
import { bare } from './normalize.js';
import { readKnowledge, tsvRows } from './paths.js';
import { splitQualifier } from './qualifier.js';

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
}

let cached: Organisations | undefined;

export function organisations(): Organisations {
  cached ??= load();
  return cached;
}

const TRANSNATIONAL = new Set(['IGO', 'UNO', 'NGO', 'IMG']);

function match(org: Organisation, country: string | null, group: string | null): OrgMatch {
  const root = org.root === '*' ? country : org.root;
  return Object.freeze({
    org,
    country: org.root === '*' ? country : TRANSNATIONAL.has(org.root) ? null : org.root,
    group,
    sector: org.sector,
    code: root ? root + org.sector : null,
  });
}

function load(): Organisations {
  const all: Organisation[] = tsvRows(readKnowledge('organisations.tsv')).map(([name, aliases, root, sector, kind, note]) => ({
    name: name!,
    aliases: aliases ? aliases.split('|') : [],
    root: root!,
    sector: sector!,
    kind: kind!,
    note: note ?? '',
  }));
  const index = new NameIndex<Organisation>();
  for (const o of all) for (const n of [o.name, ...o.aliases]) index.add(n, o);

  const direct = (text: string): Organisation[] => {
    const hit = index.get(text);
    return hit.length > 0 ? hit : index.get(bare(text));
  };

  const NONE: readonly OrgMatch[] = Object.freeze([]);
  return {
    all,
    // Memoised: every NER organisation and every actor phrase the linker reads asks here,
    // and an article repeats its names.
    lookup: memoize((name) => {
      const hit = direct(name);
      if (hit.length > 0) return Object.freeze(hit.map((o) => match(o, null, null)));
      const q = splitQualifier(name);
      if (!q) return NONE;
      const generic = direct(q.rest).filter((o) => o.root === '*');
      return generic.length === 0 ? NONE : Object.freeze(generic.map((o) => match(o, q.country?.a3 ?? null, q.group?.name ?? null)));
    }),
  };
}
