/**
 * Builds knowledge/countries.json: ISO codes, names, demonyms, capitals with
 * coordinates, land borders and regions of every country and territory.
 * Sources: world-countries (ODbL 1.0, build time only), GeoNames countryInfo and
 * cities (CC BY 4.0, geonames.org), and the written facts in country-facts.ts.
 * Usage: npx tsx training/knowledge/build-countries.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fold } from '../../src/knowledge/normalize.js';
import { mergedCities } from './cities.js';
import { DEMONYMS, FORMER_STATES, GROUPS, NAMES, NOT_NAMES, PREFER, PREFER_DEMONYM } from './country-facts.js';
import { alpha3, geonamesTable, LATIN, OUT, worldCountries } from './sources.js';

const CONTINENT: Record<string, string> = {
  AF: 'Africa', AS: 'Asia', EU: 'Europe', NA: 'North America', OC: 'Oceania', SA: 'South America', AN: 'Antarctica',
};

const info = new Map(geonamesTable('countryInfo.tsv').map((c) => [c[0]!, c]));
const cities = mergedCities();
const round = (x: number): number => Math.round(x * 1e4) / 1e4;

function capitalOf(a2: string, name: string | undefined): object | null {
  const inCountry = cities.filter((c) => c.cc === a2);
  const want = name ? fold(name) : '';
  const hit =
    inCountry.find((c) => c.fcode === 'PPLC') ??
    inCountry.find((c) => fold(c.name) === want || fold(c.ascii) === want);
  if (!hit) return null;
  return { name: name ?? hit.name, lat: round(hit.lat), lon: round(hit.lon), geonames: hit.id };
}

// Two-letter alternates are ISO codes ("IN", "TO", "BE") that read as English words.
function usableName(n: string): boolean {
  return LATIN.test(n) && n.replace(/\./g, '').length >= 3;
}

function plural(d: string): string[] {
  // "Irish", "Welsh", "Swiss", "Japanese" and "Englishman" take no "-s" ("Germans" do).
  if (/(sh|ese|ch|ss|[^a-z]|US|UK)$/.test(d) || d.includes('.') || (/man$/.test(d) && !/German$/.test(d))) return [d];
  return [d, `${d}s`];
}

const countries = worldCountries().map((w) => {
  const a3 = alpha3(w.cca3);
  const gi = info.get(w.cca2);
  const names = new Set<string>([w.name.common, w.name.official]);
  for (const n of w.altSpellings) if (usableName(n)) names.add(n);
  for (const n of Object.values(w.name.native ?? {})) if (usableName(n.common)) names.add(n.common);
  if (gi?.[4]) names.add(gi[4]);
  for (const n of NAMES[a3] ?? []) names.add(n);
  for (const n of NOT_NAMES[a3] ?? []) names.delete(n);
  const demonyms = new Set<string>();
  const eng = w.demonyms?.eng;
  for (const d of [eng?.m, eng?.f, ...(DEMONYMS[a3] ?? [])]) if (d) for (const p of plural(d)) demonyms.add(p);
  const capital = capitalOf(w.cca2, w.capital?.[0] ?? gi?.[5]);
  return {
    a2: w.cca2,
    a3,
    num: w.ccn3,
    name: w.name.common,
    official: w.name.official,
    names: [...names],
    demonyms: [...demonyms],
    capital,
    lat: round(w.latlng[0]),
    lon: round(w.latlng[1]),
    borders: w.borders.map(alpha3),
    region: w.region,
    subregion: w.subregion,
    continent: CONTINENT[gi?.[8] ?? ''] ?? w.region,
    population: Number(gi?.[7] ?? 0),
    geonames: Number(gi?.[16] ?? 0) || null,
    independent: w.independent === true,
    former: false,
  };
});

// States that no longer exist, after today's: never independent, so a current state wins a shared name.
for (const f of FORMER_STATES) {
  if (countries.some((c) => c.a3 === f.a3)) throw new Error(`former state ${f.a3} is a current code`);
  countries.push({
    ...f,
    names: [...f.names],
    demonyms: f.demonyms.flatMap(plural),
    borders: [],
    population: 0,
    geonames: null,
    independent: false,
    former: true,
  });
}

for (const c of countries) {
  if (c.lat === 0 && c.lon === 0) throw new Error(`${c.a3} at 0,0`);
}
const known = new Set(countries.map((c) => c.a3));
for (const code of [...Object.keys(NAMES), ...Object.keys(DEMONYMS), ...Object.values(PREFER).flat(), ...Object.values(PREFER_DEMONYM)]) {
  if (!known.has(code)) throw new Error(`country-facts names unknown code ${code}`);
}

const out = {
  source:
    'world-countries 5.1.0 (ODbL 1.0; names, demonyms, borders, centre coordinates); GeoNames countryInfo and cities (CC BY 4.0, geonames.org; capitals and their coordinates, population); written supplement training/knowledge/country-facts.ts (English usage: Azeri, Persian, the US, Britain…; former states SUN, DDR, YUG, CSK). Built by training/knowledge/build-countries.ts.',
  countries,
  prefer: PREFER,
  preferDemonym: PREFER_DEMONYM,
  groups: GROUPS,
};
writeFileSync(join(OUT, 'countries.json'), JSON.stringify(out) + '\n');
console.log(`countries.json: ${countries.length} countries, ${GROUPS.length} groups`);
