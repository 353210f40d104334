/**
 * Reads a descriptive actor phrase into country, role and sector: "Azeri foreign
 * minister" → AZE, foreign minister, GOV, AZEGOV; "Armenian army" → ARM, MIL, ARMMIL.
 */
import { memoize } from './memo.js';
import { organisations } from './organisations.js';
import { splitQualifier } from './qualifier.js';
import { roles } from './roles.js';

export interface ActorReading {
  country: string | null;
  group: string | null;
  role: string | null;
  sector: string | null;
  code: string | null;
  /** The organisation the phrase names, when it names one. */
  organisation: string | null;
}

/**
 * Memoised: the linker reads every run of words before each name and after each "the",
 * and those repeat within an article. The reading is shared, hence frozen.
 */
export const readActor: (phrase: string) => Readonly<ActorReading> | null = memoize((phrase) => {
  const reading = read(phrase);
  return reading && Object.freeze(reading);
});

function read(phrase: string): ActorReading | null {
  const org = organisations().lookup(phrase)[0];
  if (org) {
    return {
      country: org.country,
      group: org.group,
      role: null,
      sector: org.sector,
      code: org.code,
      organisation: org.org.name,
    };
  }
  const q = splitQualifier(phrase);
  const role = roles().lookup(q ? q.rest : phrase);
  if (!role) return null;
  const country = q?.country?.a3 ?? null;
  return {
    country,
    group: q?.group?.name ?? null,
    role: role.role,
    sector: role.sector,
    code: country && role.sector ? country + role.sector : null,
    organisation: null,
  };
}

/**
 * False when readActor(phrase) cannot have a role (it may still name an organisation):
 * its role is looked up on the phrase after a qualifier, which ends as the phrase
 * does, or on the part before "of" ("Minister of Foreign Affairs of Azerbaijan").
 */
export function mayHaveRole(phrase: string): boolean {
  return /\sof\s/i.test(phrase) || roles().mayEnd(phrase);
}
