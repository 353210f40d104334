/**
 * Reads a descriptive actor phrase into country, role and sector: "Azeri foreign
 * minister" → AZE, foreign minister, GOV, AZEGOV; "Armenian army" → ARM, MIL, ARMMIL.
 */
import { memoize } from './memo.js';
import { fold } from './normalize.js';
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
  /**
   * The parties a role is qualified by ("Labour MP", "Tory co-chairman"): every party of that
   * name, the table's first first, when parties of several countries share it ("Conservative"),
   * for the caller to choose by the article's countries; empty when no party qualifies it.
   * `country` is the first's; the role serves the party (but for a member of parliament, LEG),
   * and a party's sector depends on the date (parties.ts), so `sector` is left null for the caller.
   */
  parties: readonly { name: string; country: string }[];
}

/**
 * Memoised: the linker reads every run of words before each name and after each "the",
 * and those repeat within an article. The reading is shared, hence frozen.
 */
const memoRead = memoize((phrase: string): Readonly<ActorReading> | null => {
  const reading = read(phrase);
  return reading && Object.freeze(reading);
});

/**
 * Most phrases asked about read as nothing, and the last word says so: no organisation
 * and no role ends as they end (mayHaveRole). Those are answered without the memo, which
 * then holds only phrases worth keeping.
 */
export function readActor(phrase: string): Readonly<ActorReading> | null {
  // mayName also says yes to an inner "of", where mayHaveRole does.
  return roles().mayEnd(phrase) || organisations().mayName(phrase) ? memoRead(phrase) : null;
}

function read(phrase: string): ActorReading | null {
  // readActor keeps the answer for the phrase: the organisations memo would only repeat it.
  const org = organisations().lookupOnce(phrase)[0];
  if (org) {
    return {
      country: org.country,
      group: org.group,
      role: null,
      sector: org.sector,
      code: org.code,
      organisation: org.org.name,
      parties: [],
    };
  }
  const q = splitQualifier(phrase);
  const role = roles().lookup(q ? q.rest : phrase);
  if (!role) return q ? null : partyRole(phrase);
  const country = q?.country?.a3 ?? null;
  return {
    country,
    group: q?.group?.name ?? null,
    role: role.role,
    sector: role.sector,
    code: country && role.sector ? country + role.sector : null,
    organisation: null,
    parties: [],
  };
}

const PARTY_WORDS = 4;
let partyStarts: ReadonlySet<string> | undefined;

/** The folded first words of every party's names: most phrases begin with none, and are not split. */
function mayBeginParty(word: string): boolean {
  partyStarts ??= new Set(organisations().all.filter((o) => o.kind === 'party').flatMap((o) => [o.name, ...o.aliases]).map((n) => fold(n.split(/\s+/)[0] ?? '')));
  return partyStarts.has(fold(word));
}

/** "Labour MP", "Lib Dem home affairs spokesman": a national party's name, then a role. */
function partyRole(phrase: string): ActorReading | null {
  const words = phrase.trim().split(/\s+/);
  if (words.length < 2 || !mayBeginParty(words[0]!)) return null;
  for (let n = Math.min(PARTY_WORDS, words.length - 1); n >= 1; n--) {
    const named = organisations().lookupOnce(words.slice(0, n).join(' ')).map((m) => m.org).filter((o) => o.kind === 'party' && /^[A-Z]{3}$/.test(o.root));
    const org = named[0];
    if (!org) continue;
    const role = roles().lookup(words.slice(n).join(' '));
    if (!role) return null;
    // A party's president, chancellor or spokesman holds a party (or shadow) post: the party's
    // sector is theirs. A member of parliament stays in the legislature.
    const sector = role.sector === 'LEG' ? 'LEG' : null;
    return {
      country: org.root,
      group: null,
      role: role.role,
      sector,
      code: sector ? org.root + sector : null,
      organisation: null,
      parties: named.map((o) => ({ name: o.name, country: o.root })),
    };
  }
  return null;
}

/**
 * False when readActor(phrase) cannot have a role (it may still name an organisation):
 * its role is looked up on the phrase after a qualifier, which ends as the phrase
 * does, or on the part before "of" ("Minister of Foreign Affairs of Azerbaijan").
 */
export function mayHaveRole(phrase: string): boolean {
  return roles().mayEnd(phrase) || /\sof\s/i.test(phrase);
}
