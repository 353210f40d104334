/**
 * Builds knowledge/leader-parties.tsv: the party of each head of government (and of each
 * head of state) in knowledge/offices.tsv whose country has a party in organisations.tsv,
 * so that a party is coded as governing (GOV) or in opposition (OPP) on an article's date
 * (src/knowledge/parties.ts).
 *
 *   npx tsx training/knowledge/build-leader-parties.ts            # write the table
 *   npx tsx training/knowledge/build-leader-parties.ts --report   # and list what did not match
 *
 * Sources: the Global Leader Ideology dataset (../shared/data/leaders, Herre 2023: the head of
 * government's party on 31 December of each year, 1945–2020), matched to a term of
 * offices.tsv by name and year; then knowledge/leader-parties-supplement.tsv (hand-written
 * facts, mostly after 2020), which wins. A dataset party is written as the name it has in
 * organisations.tsv, or "-" when that table has no such party.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsvRows } from '../../src/knowledge/paths.js';
import { normName, samePerson } from './offices-names.js';
import { parseCsv, readCountryInfo } from './offices-sources.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DATA = resolve(ROOT, '../shared/data/leaders');
const GLI = join(DATA, 'global_leader_ideologies.csv');
const OUT = join(ROOT, 'knowledge/leader-parties.tsv');
const report = process.argv.includes('--report');

const rows = (path: string): string[][] => tsvRows(readFileSync(path, 'utf8'));

// Parties we code, by country: every spelling normalised, with "(Japan)"-style tails dropped.
const bareParty = (s: string): string => normName(s.replace(/\([^)]*\)/g, '')).replace(/^the /, '');
const parties = new Map<string, Map<string, string>>();
for (const [name = '', aliases = '', root = '', , kind = ''] of rows(join(ROOT, 'knowledge/organisations.tsv'))) {
  if (kind !== 'party' || !/^[A-Z]{3}$/.test(root)) continue;
  let byName = parties.get(root);
  if (!byName) parties.set(root, (byName = new Map()));
  for (const n of [name, ...aliases.split('|').filter((a) => a !== '')]) byName.set(bareParty(n), name);
}

interface Leader { country: string; person: string; names: string[]; first: number; last: number }
const leaders = new Map<string, Leader>();
for (const [person = '', variants = '', country = '', office = '', , start = '', end = ''] of rows(join(ROOT, 'knowledge/offices.tsv'))) {
  if (person === '' || !parties.has(country) || (office !== 'head_of_government' && office !== 'head_of_state')) continue;
  const key = `${country}\t${person}`;
  const first = Number(start.slice(0, 4));
  const last = end === '' ? 9999 : Number(end.slice(0, 4));
  const had = leaders.get(key);
  if (had) {
    had.first = Math.min(had.first, first);
    had.last = Math.max(had.last, last);
  } else leaders.set(key, { country, person, names: [person, ...variants.split(';').filter((v) => v !== '')], first, last });
}

const party = new Map<string, { party: string; source: string }>();
const unmatched = new Map<string, string>();
if (existsSync(GLI)) {
  const [head, ...body] = parseCsv(readFileSync(GLI, 'utf8'));
  const col = (name: string): number => head!.indexOf(name);
  const [cName, cCow, cYear, cHog, cParty, cAbbr, cEng] = ['country_name', 'country_code_cow', 'year', 'hog', 'hog_party', 'hog_party_abbr', 'hog_party_eng'].map(col) as [number, number, number, number, number, number, number];
  // The dataset's countries by their COW code, mapped as the office build maps them, else by
  // name (CountryInfo gives the United States no COW number).
  const { cowToIso, nameToIso } = readCountryInfo(DATA);
  for (const r of body) {
    const year = Number(r[cYear]);
    const hog = r[cHog] ?? '';
    const country = cowToIso.get(Number(r[cCow])) ?? nameToIso.get(normName(r[cName] ?? ''));
    if (hog === '' || !Number.isFinite(year) || country === undefined || !parties.has(country)) continue;
    for (const l of leaders.values()) {
      if (l.country !== country || year < l.first || year > l.last || !samePerson([hog], l.names)) continue;
      const byName = parties.get(l.country)!;
      const said = [r[cParty], r[cEng], r[cAbbr]].filter((s): s is string => s !== undefined && s !== '' && s !== 'NA');
      const ours = said.map((s) => byName.get(bareParty(s))).find((p) => p !== undefined);
      const key = `${l.country}\t${l.person}`;
      // A leader whose party changed keeps the latest year's: the dataset is read in year order.
      party.set(key, { party: ours ?? '-', source: 'Global Leader Ideology' });
      if (!ours && said.length > 0) unmatched.set(key, said.join(' / '));
    }
  }
} else console.warn(`${GLI} absent: the table is built from the supplement alone`);

for (const [country = '', person = '', p = ''] of rows(join(ROOT, 'knowledge/leader-parties-supplement.tsv'))) {
  if (p !== '-' && ![...(parties.get(country)?.values() ?? [])].includes(p)) throw new Error(`leader-parties-supplement: ${person}: "${p}" is no ${country} party of organisations.tsv`);
  if (![...leaders.values()].some((l) => l.country === country && l.person === person)) throw new Error(`leader-parties-supplement: ${person} holds no ${country} office in offices.tsv`);
  party.set(`${country}\t${person}`, { party: p, source: 'supplement' });
}

const lines = [...party.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, v]) => `${key}\t${v.party}\t${v.source}`);
writeFileSync(OUT, [
  '# Parties of heads of government and state, built by training/knowledge/build-leader-parties.ts. Do not edit:',
  '# edit knowledge/leader-parties-supplement.tsv and rebuild. Sources: Global Leader Ideology dataset (Herre 2023),',
  '# research data, 1945-2020; the supplement (public record). "-" = a party organisations.tsv does not have, or none.',
  'country\tperson\tparty\tsource',
  ...lines,
].join('\n') + '\n');
console.log(`leader-parties.tsv: ${lines.length} leaders (${lines.filter((l) => !l.includes('\t-\t')).length} with a party we code)`);
if (report) for (const [key, said] of unmatched) console.log(`  not in organisations.tsv: ${key.replace('\t', ' ')}: ${said}`);
