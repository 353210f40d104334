/**
 * Where the knowledge builders read from. GeoNames extracts live outside the project
 * (NEWSGRAPH_SHARED, default ../shared/data beside the project); world-countries is an npm package used
 * only at build time (WORLD_COUNTRIES may point at its countries.json instead).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// ../shared/data beside the project, as the project's layout has it; NEWSGRAPH_SHARED overrides.
export const SHARED = process.env.NEWSGRAPH_SHARED ?? fileURLToPath(new URL('../../../shared/data/', import.meta.url));
export const OUT = fileURLToPath(new URL('../../knowledge/', import.meta.url));

export interface WorldCountry {
  name: { common: string; official: string; native?: Record<string, { official: string; common: string }> };
  cca2: string;
  cca3: string;
  ccn3: string;
  independent: boolean | null;
  capital?: string[];
  altSpellings: string[];
  region: string;
  subregion: string;
  latlng: [number, number];
  borders: string[];
  demonyms?: { eng?: { m: string; f: string } };
}

export function worldCountries(): WorldCountry[] {
  const path =
    process.env.WORLD_COUNTRIES ?? createRequire(import.meta.url).resolve('world-countries/countries.json');
  return JSON.parse(readFileSync(path, 'utf8')) as WorldCountry[];
}

/** One GeoNames "geoname" row, the columns we use. */
export interface GeoRow {
  id: number;
  name: string;
  ascii: string;
  alternates: string[];
  lat: number;
  lon: number;
  fclass: string;
  fcode: string;
  cc: string;
  admin1: string;
  population: number;
}

export function geonames(file: string): GeoRow[] {
  const rows: GeoRow[] = [];
  for (const line of readFileSync(join(SHARED, 'geonames', file), 'utf8').split('\n')) {
    const c = line.split('\t');
    if (c.length < 15) continue;
    rows.push({
      id: Number(c[0]),
      name: c[1]!,
      ascii: c[2]!,
      alternates: c[3] ? c[3].split(',') : [],
      lat: Number(c[4]),
      lon: Number(c[5]),
      fclass: c[6]!,
      fcode: c[7]!,
      cc: c[8]!,
      admin1: c[10]!,
      population: Number(c[14]) || 0,
    });
  }
  return rows;
}

/** Rows of a GeoNames .tsv table (countryInfo, regionInfo), without `#` lines. */
export function geonamesTable(file: string): string[][] {
  return readFileSync(join(SHARED, 'geonames', file), 'utf8')
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => l.split('\t'));
}

/** GeoNames and ISO say XK/XKX for Kosovo; world-countries says UNK. */
export function alpha3(code: string): string {
  return code === 'UNK' ? 'XKX' : code;
}

/** Latin script only: the knowledge serves English text. */
export const LATIN = /^[\p{Script=Latin}\p{M} '’.,()-]+$/u;
