/**
 * Whether a party governs on a date. organisations.tsv gives each party the sector it had
 * when the table was written (PARTY_TABLE_DATE): a party that led the government then is
 * GOV for every date, which is wrong for most of history ("Labour" in 2015 was the
 * opposition). knowledge/leader-parties.tsv (built by training/knowledge/build-leader-parties.ts)
 * gives the party of each head of government, and offices.tsv says who that was on any date:
 * a party whose leader governs is GOV; a party that led the government at the table's date
 * but not on this one is OPP. Junior partners of a coalition cannot be told from this, so
 * every other party keeps the table's sector.
 */
import type { Organisation } from './organisations.js';
import { organisations } from './organisations.js';
import { holdersOn, normaliseName } from './offices.js';
import { readKnowledge, tsvRows } from './paths.js';

/** The date organisations.tsv gives party sectors for ("as of late 2025"). */
export const PARTY_TABLE_DATE = '2025-10-01';

let leaders: Map<string, string> | undefined;

function partyOf(country: string, person: string): string | undefined {
  leaders ??= new Map(tsvRows(readKnowledge('leader-parties.tsv')).map(([c = '', p = '', party = '']) => [`${c}\t${normaliseName(p)}`, party]));
  return leaders.get(`${country}\t${normaliseName(person)}`);
}

/** The party (its name in organisations.tsv) of a head of government or state; null for none the table has. */
export function leaderParty(country: string, person: string): string | null {
  const party = partyOf(country, person);
  return party === undefined || party === '-' ? null : party;
}

/**
 * The party (its name in organisations.tsv) whose leader heads the country's government on
 * `date` (an ISO day), or of its head of state where no head of government is known; null when
 * that leader's party is not one the table has (or none); undefined when nobody or several
 * are known, or the leader's party is not.
 */
export function governingParty(country: string, date: string): string | null | undefined {
  for (const office of ['head_of_government', 'head_of_state'] as const) {
    const holders = holdersOn(country, office, date);
    if (holders.length === 0) continue;
    const only = holders.length === 1 ? holders[0] : undefined;
    const party = only ? partyOf(country, only.person) : undefined;
    return party === undefined ? undefined : party === '-' ? null : party;
  }
  return undefined;
}

interface PartyLeadership {
  country: string;
  party: string;
  from: string;
  /** Empty: still leads. */
  to: string;
}

let partyLeaders: Map<string, PartyLeadership[]> | undefined;

/**
 * The party `person` (a full name) led on `date` (an ISO day or time), from
 * knowledge/party-leaders.tsv, with its country; null when the table has no such term.
 */
export function partyLedOn(person: string, date: string): { country: string; party: string } | null {
  if (!partyLeaders) {
    partyLeaders = new Map();
    for (const [country = '', party = '', name = '', from = '', to = ''] of tsvRows(readKnowledge('party-leaders.tsv'))) {
      const key = normaliseName(name);
      const terms = partyLeaders.get(key) ?? [];
      terms.push({ country, party, from, to });
      partyLeaders.set(key, terms);
    }
  }
  const day = date.slice(0, 10);
  const term = partyLeaders.get(normaliseName(person))?.find((t) => t.from <= day && (t.to === '' || day < t.to));
  return term ? { country: term.country, party: term.party } : null;
}

/** A party's sector on an article's date (ISO), when it differs from the table's; null to keep the table's. */
export function partySectorOn(org: Organisation, date: string): string | null {
  if (org.kind !== 'party' || !/^[A-Z]{3}$/.test(org.root)) return null;
  const day = date.slice(0, 10);
  const governing = governingParty(org.root, day);
  if (governing === undefined) return null;
  if (governing === org.name) return org.sector === 'GOV' ? null : 'GOV';
  if (org.sector === 'GOV' && governingParty(org.root, PARTY_TABLE_DATE) === org.name) return 'OPP';
  return null;
}

/** The sector of the party named `name` in organisations.tsv on `date` (the table's when no date is known). */
export function partySector(name: string, date: string | null): string | null {
  const org = organisations().all.find((o) => o.name === name);
  if (!org) return null;
  return (date ? partySectorOn(org, date) : null) ?? org.sector;
}
