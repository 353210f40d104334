/**
 * Role words: knowledge/roles.tsv (written; see docs/knowledge.md). A role names what
 * somebody is ("foreign minister", "villagers") and the CAMEO-style sector it implies.
 */
import { NameIndex } from './name-index.js';
import { readKnowledge, tsvRows } from './paths.js';

export interface Role {
  phrase: string;
  role: string;
  /** Null for roles that take the sector of the body they serve ("spokesman"). */
  sector: string | null;
}

export interface Roles {
  readonly all: readonly Role[];
  lookup(phrase: string): Role | undefined;
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
  return {
    all,
    lookup(phrase) {
      const text = phrase.trim();
      for (const form of [text, ...singulars(text)]) {
        const hit = index.get(form)[0];
        if (hit) return hit;
      }
      return undefined;
    },
  };
}
