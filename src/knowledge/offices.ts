/**
 * Office holders with date ranges (knowledge/offices.tsv, built by
 * training/knowledge/build-offices.ts): who was Iran's foreign minister on a given
 * day, and which offices a name could refer to. The file is read once per process,
 * on first use, and indexed by every spelling of every name, case- and
 * diacritic-insensitively, and by surname, so the entity linker can go from
 * "Zarif" + an article date + a country to one person.
 */
import { readFileSync } from 'node:fs';
import { NewsgraphError } from '../core/errors.js';

export const OFFICES = [
  'head_of_state', 'head_of_government', 'foreign_minister', 'secretary_general',
  // The ministers and central bankers economic and security news quotes most (offices-supplement.tsv).
  'finance_minister', 'interior_minister', 'defence_minister', 'central_bank_governor',
] as const;

export type Office = (typeof OFFICES)[number];

/** One term of one person in one office. */
export interface Holder {
  readonly person: string;
  readonly variants: readonly string[];
  /** ISO 3166-1 alpha-3, or a CAMEO IGO code (IGOUNO, IGOWSTNAT, IGOEUREEC) */
  readonly country: string;
  readonly office: Office;
  /** the title as news writes it: "president", "foreign secretary", "emir" … */
  readonly role: string;
  /** ISO date; YYYY-MM or YYYY when the source knows no more */
  readonly start: string;
  /** null while in office (as far as the sources know) */
  readonly end: string | null;
  readonly source: string;
  readonly notes: string;
}

/** A stretch with no holder that the data explains (vacancy, office not yet created …). */
export interface Gap {
  readonly country: string;
  readonly office: Office;
  readonly reason: string;
  readonly start: string;
  readonly end: string | null;
  readonly notes: string;
}

/** A day, month or year ("2020-12-09", "2020-12", "2020"), an ISO datetime, or a Date. */
export type DateLike = string | Date;

interface Entry {
  holder: Holder;
  first: number;
  last: number;
  /** public record first: the checked source wins ties */
  rank: number;
  /** The words of all its names, normalised: made when a surname lookup first needs them. */
  words: ReadonlySet<string> | undefined;
}

/** A surname matches many terms, and each is checked for the given names: the words are kept. */
function nameWords(e: Entry): ReadonlySet<string> {
  e.words ??= new Set([e.holder.person, ...e.holder.variants].flatMap((v) => normaliseName(v).split(' ')));
  return e.words;
}

const FOLD: Record<string, string> = {
  ı: 'i', ł: 'l', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ß: 'ss', æ: 'ae', œ: 'oe', ə: 'e',
};

// Ranges of combining marks, which are exactly what this strips after NFKD.
// eslint-disable-next-line no-misleading-character-class
const MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+/g;
const PLAIN = /^[\x20-\x7e]*$/;

/** Lowercase ASCII words: "Mevlüt Çavuşoğlu" and "Mevlut Cavusoglu" meet here. */
export function normaliseName(s: string): string {
  // Most names are plain ASCII already; NFKD and mark-stripping are the slow part.
  const ascii = PLAIN.test(s) ? s : s.normalize('NFKD').replace(MARKS, '');
  return ascii
    .toLowerCase()
    .replace(/[ıłøđðþßæœə]/g, (c) => FOLD[c] ?? c)
    .replace(/['’ʼ`ʻ]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Surname particles: "al-Assad", "de la Rúa" and "von der Leyen" are also looked up whole. */
const PARTICLES = new Set(['al', 'el', 'ad', 'as', 'ash', 'at', 'az', 'bin', 'ibn', 'de', 'la', 'le', 'del', 'della', 'di', 'da', 'dos', 'van', 'von', 'der', 'den', 'ul']);

/** Countries whose names put the family name first in English news. */
const SURNAME_FIRST = new Set(['CHN', 'KOR', 'PRK', 'TWN', 'VNM', 'HKG', 'MAC', 'KHM']);

function surnameKeys(norm: string, country: string): string[] {
  const t = norm.split(' ').filter(Boolean);
  if (t.length === 0) return [];
  const keys: string[] = [];
  let i = t.length - 1;
  keys.push(t[i]!);
  while (i > 0 && PARTICLES.has(t[i - 1]!)) {
    i--;
    keys.push(t.slice(i).join(' '));
  }
  if (SURNAME_FIRST.has(country) && t.length > 1) keys.push(t[0]!);
  return keys;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil):
 *  the table holds thousands of dates and Date objects were the slowest part of loading. */
function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?$/;

/** First and last day (days since 1970-01-01) a date of any precision covers. */
function interval(date: DateLike): [number, number] {
  if (date instanceof Date) {
    if (Number.isNaN(date.getTime())) throw new RangeError('invalid Date');
    const d = Math.floor(date.getTime() / DAY_MS);
    return [d, d];
  }
  const m = ISO.exec(date.trim());
  if (!m) throw new RangeError(`not an ISO date: ${date}`);
  const y = Number(m[1]);
  if (m[2] === undefined) return [dayNumber(y, 1, 1), dayNumber(y, 12, 31)];
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) throw new RangeError(`not an ISO date: ${date}`);
  if (m[3] === undefined) return [dayNumber(y, mo, 1), dayNumber(y, mo, daysInMonth(y, mo))];
  const d = dayNumber(y, mo, Number(m[3]));
  return [d, d];
}

/** The table's own dates are always YYYY, YYYY-MM or YYYY-MM-DD: parsed without a regex. */
function fileDay(s: string, edge: 0 | 1): number {
  const y = Number(s.slice(0, 4));
  if (s.length === 4) return edge === 0 ? dayNumber(y, 1, 1) : dayNumber(y, 12, 31);
  const m = Number(s.slice(5, 7));
  if (s.length === 7) return dayNumber(y, m, edge === 0 ? 1 : daysInMonth(y, m));
  return dayNumber(y, m, Number(s.slice(8, 10)));
}

const SOURCE_RANK: Record<string, number> = { 'public record': 0, Wikidata: 1 };

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

interface NameIndex {
  byName: Map<string, Entry[]>;
  bySurname: Map<string, Entry[]>;
  /** inner name words, for double surnames ("Pedro Sánchez Pérez-Castejón") */
  byToken: Map<string, Entry[]>;
  /** canonical name → every term, for officesOf */
  byPerson: Map<string, Entry[]>;
}

const overlaps = (e: { first: number; last: number }, a: number, b: number): boolean => e.first <= b && e.last >= a;

export class OfficesIndex {
  private readonly entries: Entry[] = [];
  private readonly byOffice = new Map<string, Entry[]>();
  private readonly gaps = new Map<string, { gap: Gap; first: number; last: number }[]>();
  private names: NameIndex | undefined;
  readonly size: number;

  constructor(tsv: string) {
    for (const line of tsv.split('\n')) {
      if (line === '' || line.startsWith('#') || line.startsWith('person\t')) continue;
      const f = line.split('\t');
      if (f.length < 9) continue;
      const [person, variants, country, office, role, start, end, source, notes] = f as [
        string, string, string, Office, string, string, string, string, string,
      ];
      const first = fileDay(start, 0);
      const last = end === '' ? Infinity : fileDay(end, 1);
      if (Number.isNaN(first) || Number.isNaN(last)) throw new RangeError(`bad date in office table: ${line}`);
      if (person === '') {
        const key = `${country}|${office}`;
        const list = this.gaps.get(key) ?? [];
        list.push({ gap: { country, office, reason: role, start, end: end || null, notes }, first, last });
        this.gaps.set(key, list);
        continue;
      }
      const holder: Holder = {
        person,
        variants: variants ? variants.split(';') : [],
        country,
        office,
        role,
        start,
        end: end || null,
        source,
        notes,
      };
      const entry: Entry = { holder, first, last, rank: SOURCE_RANK[source] ?? 2, words: undefined };
      this.entries.push(entry);
      const key = `${country}|${office}`;
      const list = this.byOffice.get(key);
      if (list) list.push(entry);
      else this.byOffice.set(key, [entry]);
    }
    this.size = this.entries.length;
  }

  /** The name indexes cost more than the table itself and only the linker needs them,
   *  so they are built on the first name lookup. */
  private nameIndex(): NameIndex {
    if (this.names) return this.names;
    const idx: NameIndex = { byName: new Map(), bySurname: new Map(), byToken: new Map(), byPerson: new Map() };
    const cache = new Map<string, string>();
    const norm = (s: string): string => {
      let n = cache.get(s);
      if (n === undefined) cache.set(s, (n = normaliseName(s)));
      return n;
    };
    for (const entry of this.entries) {
      const { person, variants, country } = entry.holder;
      push(idx.byPerson, norm(person), entry);
      for (const name of [person, ...variants]) {
        const n = norm(name);
        if (!n) continue;
        push(idx.byName, n, entry);
        const keys = surnameKeys(n, country);
        for (const k of keys) push(idx.bySurname, k, entry);
        for (const t of n.split(' ').slice(1)) {
          if (t.length > 2 && !PARTICLES.has(t) && !keys.includes(t)) push(idx.byToken, t, entry);
        }
      }
    }
    this.names = idx;
    return idx;
  }

  /** Who held `office` in `country` on `date` (a whole month or year for coarser dates),
   *  the most recently appointed first: on a handover day both are returned. */
  holdersOn(country: string, office: Office, date: DateLike): Holder[] {
    const [a, b] = interval(date);
    return (this.byOffice.get(`${country.toUpperCase()}|${office}`) ?? [])
      .filter((e) => overlaps(e, a, b))
      .sort((x, y) => y.first - x.first || x.rank - y.rank)
      .map((e) => e.holder);
  }

  /** Explained stretches without a holder (vacancies, office not yet created) on `date`. */
  gapsOn(country: string, office: Office, date: DateLike): Gap[] {
    const [a, b] = interval(date);
    return (this.gaps.get(`${country.toUpperCase()}|${office}`) ?? []).filter((g) => overlaps(g, a, b)).map((g) => g.gap);
  }

  /**
   * Terms of everyone `name` may denote: a full name in any recorded spelling, else a
   * surname ("Zarif", "al-Assad", "Xi"), else a surname with given names or initials
   * that must agree ("M. J. Zarif"); a surname also matches an inner word of a longer
   * name (the first of two Spanish surnames). With `date`, terms overlapping it come first,
   * then the nearest; with `country`, only that country's terms.
   */
  findPerson(name: string, date?: DateLike, country?: string): Holder[] {
    const norm = normaliseName(name);
    if (!norm) return [];
    const { byName, bySurname, byToken } = this.nameIndex();
    const asSurname = (key: string): Entry[] => [...new Set([...(bySurname.get(key) ?? []), ...(byToken.get(key) ?? [])])];
    let hits = byName.get(norm) ?? asSurname(norm);
    if (hits.length === 0) {
      const tokens = norm.split(' ');
      const given = tokens.slice(0, -1).filter((t) => !PARTICLES.has(t));
      hits = asSurname(tokens[tokens.length - 1]!).filter((e) => {
        const known = nameWords(e);
        return given.every((g) => known.has(g) || (g.length === 1 && [...known].some((k) => k.startsWith(g))));
      });
    }
    const wanted = country?.toUpperCase();
    const list = wanted ? hits.filter((e) => e.holder.country === wanted) : [...hits];
    if (date === undefined) return list.sort((x, y) => y.first - x.first || x.rank - y.rank).map((e) => e.holder);
    const [a, b] = interval(date);
    const distance = (e: Entry): number => (overlaps(e, a, b) ? 0 : e.first > b ? e.first - b : a - e.last);
    return list.sort((x, y) => distance(x) - distance(y) || y.first - x.first || x.rank - y.rank).map((e) => e.holder);
  }

  /** Every term of the person `personName` names (any recorded spelling), oldest first. */
  officesOf(personName: string): Holder[] {
    const { byName, byPerson } = this.nameIndex();
    const direct = byName.get(normaliseName(personName)) ?? [];
    const people = new Set(direct.map((e) => normaliseName(e.holder.person)));
    const out = new Set<Entry>();
    for (const p of people) for (const e of byPerson.get(p) ?? []) out.add(e);
    return [...out].sort((x, y) => x.first - y.first || x.rank - y.rank).map((e) => e.holder);
  }
}

let shared: OfficesIndex | undefined;

/** Read and index an offices table; without a path, the one shipped in knowledge/. */
export function loadOffices(path?: string | URL): OfficesIndex {
  const where = path ?? new URL('../../knowledge/offices.tsv', import.meta.url);
  let text: string;
  try {
    text = readFileSync(where, 'utf8');
  } catch (e) {
    throw new NewsgraphError('E_NOT_FOUND', `cannot read the office-holder table: ${String(where)}`, {
      input: String(where),
      cause: e,
    });
  }
  return new OfficesIndex(text);
}

function index(): OfficesIndex {
  shared ??= loadOffices();
  return shared;
}

export const holdersOn = (country: string, office: Office, date: DateLike): Holder[] => index().holdersOn(country, office, date);
export const gapsOn = (country: string, office: Office, date: DateLike): Gap[] => index().gapsOn(country, office, date);
export const findPerson = (name: string, date?: DateLike, country?: string): Holder[] => index().findPerson(name, date, country);
export const officesOf = (personName: string): Holder[] => index().officesOf(personName);
