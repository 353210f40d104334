/**
 * Builds knowledge/places.tsv.gz: countries, admin-1 regions, GeoNames settlements
 * (≥ 5,000 people or admin seats) and the written supplement places-supplement.tsv,
 * one row each with Latin-script alternate names (one per folded spelling).
 * Sources: GeoNames cities5000 (2018), cities15000 (2025), regionInfo (CC BY 4.0,
 * geonames.org); knowledge/countries.json (run build-countries.ts first).
 * Usage: npx tsx training/knowledge/build-places.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fold } from '../../src/knowledge/normalize.js';
import { mergedCities } from './cities.js';
import { geonamesTable, LATIN, OUT, type GeoRow } from './sources.js';

interface Row {
  id: string;
  kind: string;
  fcode: string;
  countries: string[];
  admin1: string;
  lat: number;
  lon: number;
  population: number;
  name: string;
  alternates: string[];
}

interface CountryJson {
  a2: string;
  a3: string;
  name: string;
  names: string[];
  lat: number;
  lon: number;
  population: number;
  geonames: number | null;
}

const countries = (JSON.parse(readFileSync(join(OUT, 'countries.json'), 'utf8')) as { countries: CountryJson[] })
  .countries;
const a3Of = new Map(countries.map((c) => [c.a2, c.a3]));
const round = (x: number): number => Math.round(x * 1e4) / 1e4;

// Keeps one spelling per folded key: lookups fold, so diacritic variants add nothing.
function distinctNames(name: string, candidates: string[]): string[] {
  const seen = new Set([fold(name)]);
  const out: string[] = [];
  for (const alt of candidates) {
    // All-caps short alternates are airport and postal codes ("THR", "PAR").
    // Lower-case alternates are machine romanisations of other scripts ("de hei lan").
    if (!LATIN.test(alt) || /\d/.test(alt) || /^[A-Z]{2,4}$/.test(alt) || !/\p{Lu}/u.test(alt)) continue;
    const key = fold(alt);
    if (key.length < 2 || seen.has(key)) continue;
    seen.add(key);
    out.push(alt);
  }
  return out;
}

function settlementKind(c: GeoRow): string {
  if (c.fcode === 'PPLC' || c.population >= 100_000) return 'city';
  return c.population >= 2_000 ? 'town' : 'village';
}

const rows: Row[] = [];
for (const c of countries) {
  rows.push({
    id: String(c.geonames ?? `iso:${c.a3}`),
    kind: 'country',
    fcode: 'PCL',
    countries: [c.a3],
    admin1: '',
    lat: c.lat,
    lon: c.lon,
    population: c.population,
    name: c.name,
    alternates: distinctNames(c.name, c.names),
  });
}

const cities = mergedCities().filter((c) => a3Of.has(c.cc));
// An admin-1 region gets its seat's coordinates (or its largest town's): a point
// surely inside it, which a centroid of a concave region is not.
const seat = new Map<string, GeoRow>();
for (const c of cities) {
  const key = `${c.cc}.${c.admin1}`;
  const best = seat.get(key);
  const rank = (r: GeoRow): number => (r.fcode === 'PPLA' || r.fcode === 'PPLC' ? 1e12 : 0) + r.population;
  if (!best || rank(c) > rank(best)) seat.set(key, c);
}
for (const [code, name, ascii, id] of geonamesTable('regionInfo.tsv')) {
  const a2 = code!.split('.')[0]!;
  const a3 = a3Of.get(a2);
  const country = countries.find((c) => c.a2 === a2);
  if (!a3 || !country) continue;
  const at = seat.get(code!);
  rows.push({
    id: id!,
    kind: 'admin1',
    fcode: 'ADM1',
    countries: [a3],
    admin1: code!,
    lat: at ? round(at.lat) : country.lat,
    lon: at ? round(at.lon) : country.lon,
    population: 0,
    name: name!,
    alternates: distinctNames(name!, [ascii!]),
  });
}

for (const c of cities) {
  rows.push({
    id: String(c.id),
    kind: settlementKind(c),
    fcode: c.fcode,
    countries: [a3Of.get(c.cc)!],
    admin1: `${c.cc}.${c.admin1}`,
    lat: round(c.lat),
    lon: round(c.lon),
    population: c.population,
    name: c.name,
    alternates: distinctNames(c.name, [c.ascii, ...c.alternates]),
  });
}

mergeSupplement(rows);

function km(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const r = Math.PI / 180;
  const x = (bLon - aLon) * r * Math.cos(((aLat + bLat) / 2) * r);
  return Math.hypot(x, (bLat - aLat) * r) * 6371;
}

function mergeSupplement(all: Row[]): void {
  const index = new Map<string, Row[]>();
  for (const r of all) {
    for (const n of [r.name, ...r.alternates]) {
      const k = fold(n);
      const list = index.get(k);
      if (list) list.push(r);
      else index.set(k, [r]);
    }
  }
  const text = readFileSync(new URL('./places-supplement.tsv', import.meta.url), 'utf8');
  let added = 0;
  let merged = 0;
  const lines = text.split('\n').filter((l) => l !== '' && !l.startsWith('#')).slice(1);
  for (const line of lines) {
    const [name, aliases, kind, cs, lat, lon, pop] = line.split('\t');
    const names = [name!, ...(aliases ? aliases.split('|') : [])];
    const codes = cs ? cs.split('|') : [];
    const la = Number(lat);
    const lo = Number(lon);
    if (!Number.isFinite(la) || !Number.isFinite(lo) || (la === 0 && lo === 0)) throw new Error(`bad coords: ${name}`);
    for (const code of codes) if (!countries.some((c) => c.a3 === code)) throw new Error(`bad country ${code}`);
    const settlement = ['city', 'town', 'village'].includes(kind!);
    const target = names
      .flatMap((n) => index.get(fold(n)) ?? [])
      .find(
        (r) =>
          codes.length === 1 &&
          r.countries[0] === codes[0] &&
          (settlement
            ? ['city', 'town', 'village'].includes(r.kind) && km(r.lat, r.lon, la, lo) < 25
            : r.kind === 'admin1' && km(r.lat, r.lon, la, lo) < 500),
      );
    if (target) {
      target.alternates = distinctNames(target.name, [...target.alternates, ...names]);
      merged++;
      continue;
    }
    added++;
    all.push({
      id: `ng:${fold(name!).replace(/ /g, '-')}${codes.length === 1 ? `-${codes[0]!.toLowerCase()}` : ''}`,
      kind: kind!,
      fcode: '',
      countries: codes,
      admin1: '',
      lat: la,
      lon: lo,
      population: Number(pop) || 0,
      name: name!,
      alternates: distinctNames(name!, names),
    });
  }
  console.log(`supplement: ${added} added, ${merged} merged into GeoNames rows`);
}

// Keys are folded at build time and sorted (UTF-16 order, as JavaScript's `<`), so
// the loader only splits lines and looks names up by binary search: no hashing at load.
const postings = new Map<string, number[]>();
rows.forEach((r, i) => {
  for (const key of new Set([r.name, ...r.alternates].map(fold))) {
    if (key === '') continue;
    const list = postings.get(key);
    if (list) list.push(i);
    else postings.set(key, [i]);
  }
});
const keys = [...postings.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

const admin1Name = new Map(rows.filter((r) => r.kind === 'admin1').map((r) => [r.admin1, r.name]));
const CREDIT =
  '# Data from GeoNames (geonames.org, CC BY 4.0), world-countries (ODbL 1.0) and training/knowledge/places-supplement.tsv.';
const rowsText = [
  '# newsgraph places: countries, admin-1 regions, settlements >= 5,000 people or admin seats, and written supplement',
  '# places (regions, seas, war-affected places). Built by training/knowledge/build-places.ts. Row numbers (0 = first',
  '# row after the header) are what places-index.tsv.gz points at.',
  CREDIT,
  'id\tkind\tfcode\tcountries\tadmin1\tlat\tlon\tpopulation\tname\tadmin1name',
  ...rows.map((r) =>
    [r.id, r.kind, r.fcode, r.countries.join('|'), r.admin1, r.lat, r.lon, r.population, r.name, admin1Name.get(r.admin1) ?? ''].join(
      '\t',
    ),
  ),
].join('\n');
const indexText = [
  '# newsgraph place-name index: folded name (src/knowledge/normalize.ts) -> row numbers in places.tsv.gz, sorted by key.',
  CREDIT,
  'key\trows',
  ...keys.map((k) => `${k}\t${postings.get(k)!.join(',')}`),
].join('\n');
let total = 0;
for (const [file, text] of [['places.tsv.gz', rowsText], ['places-index.tsv.gz', indexText]] as const) {
  const gz = gzipSync(text + '\n', { level: 9 });
  writeFileSync(join(OUT, file), gz);
  total += gz.length;
}
console.log(`places: ${rows.length} rows, ${keys.length} keys, ${(total / 1e6).toFixed(2)} MB gzipped`);
