/**
 * The linker's view of the office-holder table: a name on a date → the office,
 * when the match is safe. A full name may match a term near the date (a former
 * minister is still that country's); a bare surname only a term that covers it, and
 * nothing when the article has no date.
 */
import { findPerson, fold } from '../knowledge/index.js';
import type { Office } from '../knowledge/offices.js';
import { memoize } from '../knowledge/memo.js';
import type { OfficeInfo, OfficeLookup } from './link.js';

/** Offices whose holders news names by surname alone ("Bush", "Blair"), as against ministers. */
const LEADERS: ReadonlySet<Office> = new Set(['head_of_state', 'head_of_government', 'foreign_minister', 'secretary_general']);

/** ISO prefixes compare as strings once an end of "2021-08" is read as the month's last day. */
function covers(start: string, end: string | null, date: string): boolean {
  const day = date.slice(0, 10);
  const last = end === null ? null : end.length === 4 ? `${end}-12-31` : end.length === 7 ? `${end}-31` : end;
  return start <= day && (last === null || day <= last);
}

function lookup(name: string, date: string | null): OfficeInfo | null {
  const fullName = name.trim().split(/\s+/).length >= 2;
  // Undated, a bare surname could be anyone who ever held an office: "Mr Kennedy" in a British
  // election story is not John F. Kennedy.
  if (!date && !fullName) return null;
  const found = date ? findPerson(name, date.slice(0, 10)) : findPerson(name);
  // A bare surname is read only as a leader's: "Brown" or "Hill" in a story is no minister of
  // finance or defence unless the article gives the full name ("Gordon Brown … Mr Brown").
  const terms = fullName ? found : found.filter((t) => LEADERS.has(t.office));
  const first = terms[0];
  if (!first) return null;
  // One term held in several countries at once (a monarch of several realms): the one where the
  // holder resides first, the rest for the linker to choose from by the article's countries.
  const realms = terms.filter((t) => t.person === first.person && t.office === first.office && t.start === first.start && t.end === first.end);
  realms.sort((x, y) => Number(RESIDES_ABROAD.test(x.notes)) - Number(RESIDES_ABROAD.test(y.notes)));
  const home = realms[0] ?? first;
  const alsoIn = realms.slice(1).map((t) => t.country);
  if (date && !covers(first.start, first.end, date)) {
    // Out of term, only the holder's own name will do: "Van Morrison" is no future treasurer
    // of Australia, nor "J Kelly" a homeland security secretary.
    if (!fullName || ![first.person, ...first.variants].some((n) => fold(n) === fold(name))) return null;
    const ended = first.end !== null && first.end < date.slice(0, 10);
    // An office held only later is no role the article can give: Joe Biden in 2019 is of the US,
    // and no "future president".
    return { name: first.person, country: home.country, role: ended ? `former ${first.role}` : null, alsoIn };
  }
  return { name: first.person, country: home.country, role: first.role, alsoIn };
}

/** The table's note for a realm whose monarch lives abroad ("represented by the governor-general"). */
const RESIDES_ABROAD = /\brepresented by\b/i;

// Memoised on date and name, a tab between (ISO dates have none): every person mention
// of an article is looked up, and an ingest's articles share dates and names. Shared, hence frozen.
const memo = memoize((key: string): OfficeInfo | null => {
  const tab = key.indexOf('\t');
  const found = lookup(key.slice(tab + 1), tab === 0 ? null : key.slice(1, tab));
  return found && Object.freeze(found);
});

export const lookupOffice: OfficeLookup = (name, date) => memo(date === null ? `\t${name}` : `d${date}\t${name}`);
