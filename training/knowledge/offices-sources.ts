/**
 * Readers for the research datasets in ../shared/data/leaders. Each returns dated
 * office terms; none copies a file. What each source can and cannot tell us is
 * documented in knowledge/offices.README.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isoDate, isoFromCompact, normName, strongTokens, titleCaseName } from './offices-names.js';

import { countries } from '../../src/knowledge/countries.js';
import type { Office } from '../../src/knowledge/offices.js';

export type { Office };

export interface Term {
  person: string; // empty for a justified gap (vacancy)
  variants: string[];
  country: string;
  office: Office;
  role: string;
  start: string; // ISO, day/month/year precision
  end: string; // ISO or '' (still in office)
  source: string;
  notes: string;
}

/** Minimal RFC-4180 CSV reader: the files quote fields with commas and doubled quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

// ---- CountryInfo ---------------------------------------------------------------

export interface CountryInfo {
  terms: Term[];
  /** normalised country name → ISO alpha-3, for the Wikidata labels */
  nameToIso: Map<string, string>;
  /** COW numeric → ISO alpha-3, for REIGN and GLI */
  cowToIso: Map<number, string>;
  unmappedTitles: Map<string, number>;
}

const HOS_TITLE =
  /^(presidents?|interim president|kings?|queens?|emirs?|emperors?|sultans?|shahs?|sovereign princes|princes|grand dukes|heads? of state|rulers?|paramount rulers|leader of the revolution|presidents of the presidency|chairm[ae]n of the presidency.*|chairman of the state presidency|captains-regent|chairman of the supreme council, president)$/;
const HOG_TITLE =
  /^(prime ministers?|premiers?|chancellors?|heads of government|chiefs of government|chairm[ae]n of the council of ministers|presidents of the council of ministers|co-prime ministers|coequal prime ministers|chief executives|presidents of the government council|presidents of the executive yuan|government leaders)$/;

const PRESIDENT_LEADS = new Set(['KOR']);

const SINGULAR: [RegExp, string][] = [
  [/\bministers\b/, 'minister'],
  [/\bpresidents\b/, 'president'],
  [/\bkings\b/, 'king'],
  [/\bqueens\b/, 'queen'],
  [/\bemirs\b/, 'emir'],
  [/\bemperors\b/, 'emperor'],
  [/\bsultans\b/, 'sultan'],
  [/\bshahs\b/, 'shah'],
  [/\bchancellors\b/, 'chancellor'],
  [/\bpremiers\b/, 'premier'],
  [/\bchairmen\b/, 'chairman'],
  [/\bheads\b/, 'head'],
  [/\brulers\b/, 'ruler'],
  [/\bprinces\b/, 'prince'],
  [/\bdukes\b/, 'duke'],
  [/\bchiefs\b/, 'chief'],
  [/\bexecutives\b/, 'executive'],
  [/\bleaders\b/, 'leader'],
  [/\bcaptains\b/, 'captain'],
];

function cleanTitle(raw: string): string {
  return raw
    .replace(/\(.*$/, '')
    .split('/')[0]!
    .replace(/_/g, ' ')
    .toLowerCase()
    .trim();
}

function roleLabel(title: string): string {
  let r = title;
  for (const [re, s] of SINGULAR) r = r.replace(re, s);
  return r;
}

/** "{A_}{B_}" or "NAME_" → display names, first one canonical. */
function ciNames(field: string): string[] {
  const braced = [...field.matchAll(/\{([^}]*)\}/g)].map((m) => m[1] ?? '');
  const raw = braced.length > 0 ? braced : [field];
  const out: string[] = [];
  for (const r of raw) {
    const n = titleCaseName(r);
    if (n && !out.some((o) => normName(o) === normName(n))) out.push(n);
  }
  return out;
}

interface CiRange {
  start: string;
  end: string;
  notes: string[];
}

/** Government block dates: Jan 2003 – Feb 2011 coverage; "<" and ">" mark the edges. */
function govRange(spec: string): CiRange | null {
  const s = spec.trim();
  let m = /^<(\d{8})$/.exec(s);
  if (m) {
    const end = isoFromCompact(m[1]!);
    return end ? { start: '2003-01', end, notes: ['in office at 2003-01 (source start); earlier start unknown'] } : null;
  }
  m = /^>(\d{8})$/.exec(s);
  if (m) {
    const start = isoFromCompact(m[1]!);
    if (!start) return null;
    const notes = ['still in office at 2011-02 (source end); later end unknown'];
    if (start <= '2003-01-01') notes.unshift('in office at 2003-01 (source start); earlier start unknown');
    return { start: start <= '2003-01-01' ? '2003-01' : start, end: '2011-02', notes };
  }
  m = /^(\d{8})\s*-\s*(\d{8})$/.exec(s);
  if (m) {
    const start = isoFromCompact(m[1]!);
    const end = isoFromCompact(m[2]!);
    // The CIA directory was monthly: days are month edges, so month precision is honest.
    return start && end ? { start: start.slice(0, 7), end: end.slice(0, 7), notes: [] } : null;
  }
  return null;
}

/** Leaders block dates: day precision; ">" = still in office at the last update (c. 2009). */
function leaderRange(spec: string): CiRange | null {
  const s = spec.trim();
  let m = /^>(\d{8})$/.exec(s);
  if (m) {
    const start = isoFromCompact(m[1]!);
    return start ? { start, end: '2009', notes: ['open in source (rulers.org, c. 2009); later end unknown'] } : null;
  }
  m = /^(\d{8})\s*-\s*(\d{8})$/.exec(s);
  if (m) {
    const start = isoFromCompact(m[1]!);
    const end = isoFromCompact(m[2]!);
    return start && end ? { start, end, notes: [] } : null;
  }
  return null;
}

const FM_TITLE =
  /^(minister (of|for) (foreign affairs|foreign relations|external affairs|external relations|exterior relations)\b.*|foreign minister|minister responsible for foreign affairs|secretary of (state )?for foreign( and commonwealth)? affairs|minister of foreign affairs and .*)$/i;

/**
 * A CountryInfo block's ISO alpha-3 code, checked against the country table: the file gives
 * Japan "JON" and Kosovo "KSV" (with alpha-2 "KV"), so a code the table does not know is taken
 * from the block's alpha-2 code, else its country name, when the table knows either.
 */
function isoOfBlock(body: string): string | undefined {
  const a3 = /<ISO3166-alpha3>([A-Z]{3})<\/ISO3166-alpha3>/.exec(body)?.[1];
  if (!a3 || countries().byCode(a3)) return a3;
  const a2 = /<ISO3166-alpha2>([A-Z]{2})<\/ISO3166-alpha2>/.exec(body)?.[1];
  const name = /<CountryName>([^<]*)<\/CountryName>/.exec(body)?.[1];
  return (a2 && countries().byCode(a2)?.a3) || (name && countries().byName(name.replace(/_/g, ' '))?.a3) || a3;
}

export function readCountryInfo(dir: string): CountryInfo {
  const text = readFileSync(join(dir, 'CountryInfo.140728.txt'), 'utf8');
  const terms: Term[] = [];
  const nameToIso = new Map<string, string>();
  const cowToIso = new Map<number, string>();
  const unmappedTitles = new Map<string, number>();
  const SRC_L = 'CountryInfo (rulers.org)';
  const SRC_G = 'CountryInfo (CIA World Leaders)';

  for (const block of text.split(/^<Country>\s*$/m).slice(1)) {
    const body = block.split(/^<\/Country>/m)[0] ?? '';
    const iso = isoOfBlock(body);
    if (!iso) continue;
    const name = /<CountryName>([^<]*)<\/CountryName>/.exec(body)?.[1];
    if (name) nameToIso.set(normName(name.replace(/_/g, ' ')), iso);
    const cow = /<COW-Numeric>(\d+)<\/COW-Numeric>/.exec(body)?.[1];
    if (cow && Number(cow) > 0 && !cowToIso.has(Number(cow))) cowToIso.set(Number(cow), iso);

    const leaders = /^<Leaders>([\s\S]*?)^<\/Leaders>/m.exec(body)?.[1] ?? '';
    let office: Office | null = null;
    let role = '';
    for (const line of leaders.split('\n')) {
      const open = /^\s*<([^/>][^>]*)>\s*$/.exec(line);
      if (open) {
        const t = cleanTitle(open[1]!);
        office = HOS_TITLE.test(t) ? 'head_of_state' : HOG_TITLE.test(t) ? 'head_of_government' : null;
        // South Korea's prime ministers serve under a president who heads the government.
        if (office === 'head_of_government' && PRESIDENT_LEADS.has(iso) && /prime minister/.test(t)) office = null;
        role = roleLabel(t);
        if (!office) unmappedTitles.set(t, (unmappedTitles.get(t) ?? 0) + 1);
        continue;
      }
      if (/^\s*<\//.test(line)) {
        office = null;
        continue;
      }
      if (!office) continue;
      const m = /^\s*(\S.*?)\s*\[([^\]]*\d{8}[^\]]*)\]/.exec(line);
      if (!m) continue;
      const range = leaderRange(m[2]!);
      const names = ciNames(m[1]!);
      if (!range || names.length === 0 || /council|junta|committee/i.test(names[0]!)) continue;
      terms.push({
        person: names[0]!,
        variants: names.slice(1),
        country: iso,
        office,
        role,
        start: range.start,
        end: range.end,
        source: SRC_L,
        notes: range.notes.join('; '),
      });
    }

    const gov = /^<Government>([\s\S]*?)^<\/Government>/m.exec(body)?.[1] ?? '';
    for (const line of gov.split('\n')) {
      const m = /^\s*(\S.*?)\s*((?:\[[A-Z]{3}[A-Z]*\s+[^\]]*\]\s*)+)#\s*(.*)$/.exec(line);
      if (!m) continue;
      const brackets = [...m[2]!.matchAll(/\[([A-Z]+)\s+([^\]]*)\]/g)];
      const titles = m[3]!.split(/\s+&\s+/).map((t) => t.trim());
      // Brackets and titles pair by position only when they are equally many.
      const pairs: [string, string][] =
        titles.length === 1
          ? brackets.map((b) => [b[2] ?? '', titles[0]!])
          : brackets.length === titles.length
            ? brackets.map((b, i) => [b[2] ?? '', titles[i]!])
            : [];
      for (const [spec, title] of pairs) {
        // Only foreign ministers: the heads listed here are positional guesses when a
        // line has several posts, and rulers.org already dates them better.
        if (!FM_TITLE.test(title) || /\b(deputy|state for|vice)\b/i.test(title)) continue;
        const office: Office = 'foreign_minister';
        const role = 'foreign minister';
        const range = govRange(spec);
        const names = ciNames(m[1]!);
        if (!range || names.length === 0) continue;
        terms.push({
          person: names[0]!,
          variants: names.slice(1),
          country: iso,
          office,
          role,
          start: range.start,
          end: range.end,
          source: SRC_G,
          notes: range.notes.join('; '),
        });
      }
    }
  }
  return { terms, nameToIso, cowToIso, unmappedTitles };
}

// ---- Wikidata foreign ministers, December 2022 ------------------------------------

/** Wikidata labels that differ from CountryInfo's country names. */
const WD_COUNTRY: Record<string, string> = {
  "people's republic of china": 'CHN',
  'united states of america': 'USA',
  'state of palestine': 'PSE',
  'south korea': 'KOR',
  'north korea': 'PRK',
  russia: 'RUS',
  iran: 'IRN',
  syria: 'SYR',
  'united kingdom': 'GBR',
  'kingdom of the netherlands': 'NLD',
  'czech republic': 'CZE',
  vietnam: 'VNM',
  laos: 'LAO',
  'democratic republic of the congo': 'COD',
  'republic of the congo': 'COG',
  'ivory coast': 'CIV',
  'east timor': 'TLS',
  'north macedonia': 'MKD',
  moldova: 'MDA',
  'the gambia': 'GMB',
  'the bahamas': 'BHS',
  eswatini: 'SWZ',
  'federated states of micronesia': 'FSM',
  'cape verde': 'CPV',
  'vatican city': 'VAT',
  taiwan: 'TWN',
  bolivia: 'BOL',
  venezuela: 'VEN',
  tanzania: 'TZA',
  brunei: 'BRN',
  'european union': 'IGOEUREEC',
  'south africa': 'ZAF',
  israel: 'ISR',
  'republic of ireland': 'IRL',
  'holy see': 'VAT',
  serbia: 'SRB',
  madagascar: 'MDG',
  'south sudan': 'SSD',
};

export function readWikidataFm(dir: string, nameToIso: Map<string, string>): { terms: Term[]; unmatched: string[] } {
  const rows = parseCsv(readFileSync(join(dir, 'current_foreign_ministers_wikidata_2022.csv'), 'utf8'));
  const head = rows[0] ?? [];
  const col = (n: string): number => head.indexOf(n);
  const [cName, cCountry, cPos, cStart] = [col('name'), col('countryLabel'), col('positionLabel'), col('start')];
  const terms: Term[] = [];
  const unmatched: string[] = [];
  for (const r of rows.slice(1)) {
    const name = r[cName]?.trim() ?? '';
    const country = r[cCountry]?.trim() ?? '';
    const start = r[cStart]?.trim() ?? '';
    if (!name || !country || !/^\d{4}-\d{2}-\d{2}$/.test(start)) continue;
    const key = normName(country);
    const iso = WD_COUNTRY[country.toLowerCase()] ?? nameToIso.get(key);
    if (!iso) {
      unmatched.push(country);
      continue;
    }
    terms.push({
      person: name.replace(/^(Sheikh|Prince|Sayyid)\s+/, ''),
      variants: /^(Sheikh|Prince|Sayyid)\s+/.test(name) ? [name] : [],
      country: iso,
      office: iso.startsWith('IGO') ? 'foreign_minister' : 'foreign_minister',
      role: iso.startsWith('IGO') ? 'high representative' : 'foreign minister',
      start,
      end: '2022-12',
      source: 'Wikidata',
      notes: `in office at the December 2022 snapshot; later end unknown (${r[cPos] ?? ''})`,
    });
  }
  return { terms, unmatched };
}

// ---- GLI heads of government with REIGN dates -----------------------------------------

interface ReignSpell {
  cow: number;
  leader: string;
  start: string;
  end: string; // month precision or '' when open in March 2021
}

function readReign(dir: string): ReignSpell[] {
  const rows = parseCsv(readFileSync(join(dir, 'leaderlist_3_21.csv'), 'utf8'));
  const out: ReignSpell[] = [];
  for (const r of rows.slice(1)) {
    const [cow, leader, sd, sm, sy, em, ey] = [r[1], r[3], r[4], r[5], r[6], r[7], r[8]].map((x) => (x ?? '').trim());
    if (!cow || !leader || !sy || !sm) continue;
    const start = isoDate(Number(sy), Number(sm), Number(sd) || 1);
    const end = ey && em ? `${ey}-${em.padStart(2, '0')}` : '';
    out.push({ cow: Number(cow), leader, start: sd ? start : start.slice(0, 7), end });
  }
  return out;
}

/**
 * GLI names each country's head of government on 31 December of each year to 2020;
 * REIGN dates the "effective leader" to March 2021. Where the GLI name and a REIGN
 * spell agree on a surname, the spell's dates are used; otherwise the term runs
 * between the first and last 31 December on which GLI saw that person.
 */
export function readGliReign(dir: string, cowToIso: Map<number, string>, fromYear: number): Term[] {
  const reign = readReign(dir);
  const rows = parseCsv(readFileSync(join(dir, 'global_leader_ideologies.csv'), 'utf8'));
  const head = rows[0] ?? [];
  const c = (n: string): number => head.indexOf(n);
  const [cCow, cYear, cHog, cTitle] = [c('country_code_cow'), c('year'), c('hog'), c('hog_title')];
  // country → year → [hog, title]
  const byCountry = new Map<number, { year: number; hog: string; title: string }[]>();
  for (const r of rows.slice(1)) {
    const cow = Number(r[cCow]);
    const year = Number(r[cYear]);
    const hog = (r[cHog] ?? '').trim();
    if (!cow || !year || !hog || year < fromYear - 1) continue;
    const list = byCountry.get(cow) ?? [];
    list.push({ year, hog, title: (r[cTitle] ?? '').trim() });
    byCountry.set(cow, list);
  }
  const terms: Term[] = [];
  for (const [cow, list] of byCountry) {
    const iso = cowToIso.get(cow);
    if (!iso) continue;
    list.sort((a, b) => a.year - b.year);
    let i = 0;
    while (i < list.length) {
      let j = i;
      while (j + 1 < list.length && list[j + 1]!.hog === list[i]!.hog && list[j + 1]!.year === list[j]!.year + 1) j++;
      const first = list[i]!;
      const last = list[j]!;
      const person = titleCaseName(first.hog);
      const toks = new Set(strongTokens(person));
      const spell = reign.find(
        (s) =>
          s.cow === cow &&
          strongTokens(s.leader).some((t) => toks.has(t)) &&
          s.start <= `${last.year}-12-31` &&
          (s.end === '' || s.end >= `${first.year}-12`),
      );
      const notes: string[] = [];
      // REIGN's effective leader can hold another office before or after (Erdogan as
      // president): only trust its dates where they sit between the neighbouring
      // GLI sightings of other heads of government.
      const prevSeen = i > 0 ? `${list[i - 1]!.year}-12-31` : '';
      const nextSeen = j + 1 < list.length ? `${list[j + 1]!.year}-12-31` : '';
      let start = `${first.year}-12-31`;
      let end = `${last.year}-12-31`;
      if (spell && spell.start > prevSeen && spell.start <= start) start = spell.start;
      else notes.push(`first seen by GLI on ${start}; actual start unknown`);
      if (spell && spell.end !== '' && spell.end >= end.slice(0, 7) && (nextSeen === '' || spell.end < nextSeen)) end = spell.end;
      else if (spell && spell.end === '' && nextSeen === '') {
        end = '2021-03';
        notes.push('open in REIGN (March 2021); later end unknown');
      } else notes.push(`last seen by GLI on ${end}; actual end unknown`);
      if (last.year >= fromYear) {
        terms.push({
          person,
          variants: [],
          country: iso,
          office: 'head_of_government',
          role: (first.title || 'head of government').toLowerCase(),
          start,
          end,
          source: notes.length < 2 && spell ? 'GLI+REIGN' : 'GLI',
          notes: notes.join('; '),
        });
      }
      i = j + 1;
    }
  }
  return terms;
}
