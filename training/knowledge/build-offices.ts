/**
 * Builds knowledge/offices.tsv: who held which office, when.
 *
 *   npx tsx training/knowledge/build-offices.ts            # write knowledge/offices.tsv
 *   npx tsx training/knowledge/build-offices.ts --report   # also print coverage and disagreements
 *   npx tsx training/knowledge/build-offices.ts --check    # report only, write nothing
 *
 * Terms come from the hand-written supplement (knowledge/offices-supplement.tsv) and
 * from the research datasets in ../shared/data/leaders. Sources are merged by
 * priority per (country, office): a lower-priority term keeps only the stretches no
 * higher-priority term covers, so overlapping terms of one person collapse into the
 * better-sourced one (donating its spellings) and disagreements are resolved in
 * favour of the checked source rather than producing two holders.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { dayOf, isoOfDay, normName, samePerson } from './offices-names.js';
import { readCountryInfo, readGliReign, readWikidataFm } from './offices-sources.js';
import type { Office, Term } from './offices-sources.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DATA = resolve(ROOT, '../shared/data/leaders');
const SUPPLEMENT = join(ROOT, 'knowledge/offices-supplement.tsv');
const OUT = join(ROOT, 'knowledge/offices.tsv');

/** The countries whose three offices must be covered 2000–2026 (see the coverage test). */
export const COVERED = (
  'ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA ' +
  'ARM AZE GEO IRN IRQ ISR PSE JOR LBN SYR ARE QAT KWT BHR OMN YEM EGY ' +
  'KAZ KGZ TJK TKM UZB AFG PAK IGOEUREEC'
).split(' ');

const OFFICE_CODE: Record<string, Office[]> = {
  hos: ['head_of_state'],
  hog: ['head_of_government'],
  'hos+hog': ['head_of_state', 'head_of_government'],
  fm: ['foreign_minister'],
  sg: ['secretary_general'],
  fin: ['finance_minister'],
  int: ['interior_minister'],
  def: ['defence_minister'],
  cb: ['central_bank_governor'],
};

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function readSupplement(path: string): Term[] {
  const terms: Term[] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#') || line.startsWith('country\t')) return;
    const f = line.split('\t');
    if (f.length !== 8) throw new Error(`${path}:${i + 1}: expected 8 tab-separated fields, got ${f.length}`);
    const [country, code, role, start, end, person, variants, notes] = f.map((x) => x.trim()) as [
      string, string, string, string, string, string, string, string,
    ];
    const offices = OFFICE_CODE[code];
    if (!offices) throw new Error(`${path}:${i + 1}: unknown office code ${code}`);
    if (!DATE.test(start) || (end !== '' && !DATE.test(end))) throw new Error(`${path}:${i + 1}: bad date`);
    if (end !== '' && dayOf(end, 'last') < dayOf(start, 'first')) throw new Error(`${path}:${i + 1}: end before start`);
    if (!/^([A-Z]{3}|IGO[A-Z]+)$/.test(country)) throw new Error(`${path}:${i + 1}: bad country ${country}`);
    for (const office of offices) {
      terms.push({
        person,
        variants: variants ? variants.split(';').map((v) => v.trim()).filter(Boolean) : [],
        country,
        office,
        role,
        start,
        end,
        source: 'public record',
        notes,
      });
    }
  });
  return terms;
}

interface Span {
  first: number;
  last: number;
}

const span = (t: Term): Span => ({ first: dayOf(t.start, 'first'), last: t.end === '' ? Infinity : dayOf(t.end, 'last') });

/** Stretches shorter than this are date-precision noise between sources, not terms. */
const MIN_PIECE_DAYS = 45;

export interface Disagreement {
  country: string;
  office: Office;
  kept: Term;
  dropped: Term;
  days: number;
}

export function merge(groups: Term[][]): { terms: Term[]; disagreements: Disagreement[] } {
  const byKey = new Map<string, { term: Term; span: Span }[]>();
  const disagreements: Disagreement[] = [];
  for (const group of groups) {
    const accepted: { term: Term; span: Span }[] = [];
    for (const t of group) {
      const key = `${t.country}\t${t.office}`;
      const prior = byKey.get(key) ?? [];
      let pieces: Span[] = [span(t)];
      for (const p of prior) {
        const overlap = Math.min(p.span.last, span(t).last) - Math.max(p.span.first, span(t).first);
        if (overlap < 0) continue;
        // A shared handover day says nothing about identity.
        if (overlap > 7 && p.term.person !== '' && t.person !== '' && samePerson([p.term.person, ...p.term.variants], [t.person, ...t.variants])) {
          for (const v of [t.person, ...t.variants]) {
            const known = [p.term.person, ...p.term.variants].map(normName);
            if (!known.includes(normName(v)) && v.split(' ').length >= 2) p.term.variants.push(v);
          }
        } else if (overlap > 60 && t.person !== '' && !prior.some((q) => q.term.person !== '' && samePerson([q.term.person], [t.person]))) {
          disagreements.push({ country: t.country, office: t.office, kept: p.term, dropped: t, days: overlap });
        }
        pieces = pieces.flatMap((s) => {
          const out: Span[] = [];
          if (s.first < p.span.first) out.push({ first: s.first, last: Math.min(s.last, p.span.first - 1) });
          if (s.last > p.span.last) out.push({ first: Math.max(s.first, p.span.last + 1), last: s.last });
          return out;
        });
      }
      for (const s of pieces) {
        if (s.last !== Infinity && s.last - s.first < MIN_PIECE_DAYS) continue;
        const whole = s.first === span(t).first && s.last === span(t).last;
        const piece: Term = whole
          ? t
          : {
              ...t,
              start: s.first === span(t).first ? t.start : isoOfDay(s.first),
              end: s.last === span(t).last ? t.end : isoOfDay(s.last),
              notes: [t.notes, 'clipped where a better source covers the office'].filter(Boolean).join('; '),
            };
        accepted.push({ term: piece, span: s });
      }
    }
    // A group is added only after it has been merged against the higher groups, so
    // terms of one source never clip each other (co-holders stay).
    for (const a of accepted) {
      const key = `${a.term.country}\t${a.term.office}`;
      byKey.set(key, [...(byKey.get(key) ?? []), a]);
    }
  }
  const terms = [...byKey.values()].flat().map((a) => a.term);
  terms.sort(
    (a, b) =>
      a.country.localeCompare(b.country) ||
      a.office.localeCompare(b.office) ||
      dayOf(a.start, 'first') - dayOf(b.start, 'first') ||
      a.person.localeCompare(b.person),
  );
  return { terms, disagreements };
}

const clean = (s: string): string => s.replace(/[\t\n\r]+/g, ' ').trim();

function toTsv(terms: Term[]): string {
  const head = ['person', 'variants', 'country', 'office', 'role', 'start', 'end', 'source', 'notes'];
  const lines = [
    '# Office holders with date ranges, built by training/knowledge/build-offices.ts. Do not edit: edit',
    '# knowledge/offices-supplement.tsv and rebuild. Sources and licences: knowledge/offices.README.md.',
    '# Empty person = a justified gap (vacancy). Empty end = in office as far as the sources know.',
    head.join('\t'),
  ];
  for (const t of terms) {
    lines.push(
      [t.person, t.variants.join(';'), t.country, t.office, t.role, t.start, t.end, t.source, t.notes].map(clean).join('\t'),
    );
  }
  return lines.join('\n') + '\n';
}

const YEARS = { from: 2000, to: 2026 };
const REPORT_OFFICES: Office[] = ['head_of_state', 'head_of_government', 'foreign_minister'];

function ranges(years: number[]): string {
  const out: string[] = [];
  let i = 0;
  while (i < years.length) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === years[j]! + 1) j++;
    out.push(i === j ? `${years[i]}` : `${years[i]}–${years[j]}`);
    i = j + 1;
  }
  return out.join(',') || '-';
}

function report(terms: Term[], disagreements: Disagreement[], unmatched: string[], unmapped: Map<string, number>): void {
  const bySource = new Map<string, number>();
  for (const t of terms) bySource.set(t.source, (bySource.get(t.source) ?? 0) + 1);
  console.log(`terms: ${terms.length}  countries/orgs: ${new Set(terms.map((t) => t.country)).size}`);
  console.log(`by source: ${[...bySource].map(([s, n]) => `${s}=${n}`).join('  ')}`);
  console.log(`\ncoverage ${YEARS.from}–${YEARS.to} (years with a holder; v = justified vacancy years)`);
  let missingTotal = 0;
  const offices: Office[] = [...REPORT_OFFICES];
  for (const country of [...COVERED, 'IGOUNO', 'IGOWSTNAT']) {
    const cols: string[] = [];
    for (const office of country.startsWith('IGOUNO') || country === 'IGOWSTNAT' ? (['secretary_general'] as Office[]) : offices) {
      const held: number[] = [];
      const vacant: number[] = [];
      const missing: number[] = [];
      for (let y = YEARS.from; y <= YEARS.to; y++) {
        const a = dayOf(`${y}`, 'first');
        const b = dayOf(`${y}`, 'last');
        const hit = terms.filter((t) => t.country === country && t.office === office && span(t).first <= b && span(t).last >= a);
        if (hit.some((t) => t.person !== '')) held.push(y);
        else if (hit.length > 0) vacant.push(y);
        else missing.push(y);
      }
      missingTotal += missing.length;
      const short = office === 'head_of_state' ? 'HoS' : office === 'head_of_government' ? 'HoG' : office === 'foreign_minister' ? 'FM' : 'SG';
      cols.push(`${short} ${ranges(held)}${vacant.length ? ` v:${ranges(vacant)}` : ''}${missing.length ? ` MISSING:${ranges(missing)}` : ''}`);
    }
    console.log(`${country.padEnd(9)} ${cols.join(' | ')}`);
  }
  console.log(`\nmissing (country, office, year) cells: ${missingTotal}`);
  const covered = new Set(COVERED);
  const relevant = disagreements.filter((d) => covered.has(d.country) && span(d.dropped).last >= dayOf('1999', 'first'));
  console.log(`\nsupplement vs dataset disagreements in covered countries (dataset term dropped/clipped, >60 days overlap): ${relevant.length}`);
  for (const d of relevant) {
    console.log(
      `  ${d.country} ${d.office}: kept "${d.kept.person}" ${d.kept.start}..${d.kept.end || 'now'} [${d.kept.source}]` +
        ` over "${d.dropped.person}" ${d.dropped.start}..${d.dropped.end || 'now'} [${d.dropped.source}] (${d.days} d)`,
    );
  }
  if (unmatched.length) console.log(`\nWikidata countries not mapped to ISO codes: ${unmatched.join(', ')}`);
  const un = [...unmapped].sort((a, b) => b[1] - a[1]).map(([t]) => t);
  console.log(`\nCountryInfo leader titles not used (${un.length}): ${un.slice(0, 25).join('; ')}${un.length > 25 ? '; …' : ''}`);
}

function main(argv: string[]): void {
  const supplement = readSupplement(SUPPLEMENT);
  const groups: Term[][] = [supplement];
  let unmatched: string[] = [];
  let unmapped = new Map<string, number>();
  if (existsSync(DATA)) {
    const ci = readCountryInfo(DATA);
    const wd = readWikidataFm(DATA, ci.nameToIso);
    unmatched = wd.unmatched;
    unmapped = ci.unmappedTitles;
    // Priority: Wikidata (one snapshot, exact starts) > CountryInfo (rulers.org days;
    // CIA monthly) > GLI/REIGN (yearly sightings, short names).
    groups.push(wd.terms, ci.terms.filter((t) => t.source.includes('rulers.org')), ci.terms.filter((t) => t.source.includes('CIA')));
    groups.push(readGliReign(DATA, ci.cowToIso, 1990));
  } else {
    console.warn(`warning: ${DATA} not found; building from the supplement only`);
  }
  const { terms, disagreements } = merge(groups);
  if (!argv.includes('--check')) {
    writeFileSync(OUT, toTsv(terms));
    console.log(`wrote ${OUT} (${terms.length} terms)`);
  }
  if (argv.includes('--report') || argv.includes('--check')) report(terms, disagreements, unmatched, unmapped);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
