/**
 * The linker's view of the office-holder table: a name on a date → the office,
 * when the match is safe. A full name may match a term near the date (a former
 * minister is still that country's); a bare surname only a term that covers it.
 */
import { findPerson } from '../knowledge/index.js';
import type { OfficeInfo, OfficeLookup } from './link.js';

/** ISO prefixes compare as strings once an end of "2021-08" is read as the month's last day. */
function covers(start: string, end: string | null, date: string): boolean {
  const day = date.slice(0, 10);
  const last = end === null ? null : end.length === 4 ? `${end}-12-31` : end.length === 7 ? `${end}-31` : end;
  return start <= day && (last === null || day <= last);
}

export const lookupOffice: OfficeLookup = (name: string, date: string | null): OfficeInfo | null => {
  const fullName = name.trim().split(/\s+/).length >= 2;
  const terms = date ? findPerson(name, date.slice(0, 10)) : findPerson(name);
  const first = terms[0];
  if (!first) return null;
  if (date && !covers(first.start, first.end, date)) {
    if (!fullName) return null;
    const ended = first.end !== null && first.end < date.slice(0, 10);
    return { name: first.person, country: first.country, role: `${ended ? 'former' : 'future'} ${first.role}` };
  }
  return { name: first.person, country: first.country, role: first.role };
};
