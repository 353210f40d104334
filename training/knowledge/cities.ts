import { geonames, type GeoRow } from './sources.js';

/**
 * GeoNames cities ≥ 5,000 (2018 dump) updated by cities ≥ 15,000 (2025 dump): the newer
 * row wins where both have a place, alternate names are pooled, and places only the
 * older dump has (e.g. Xankandi/Stepanakert) are kept.
 */
export function mergedCities(): GeoRow[] {
  const byId = new Map<number, GeoRow>();
  for (const row of geonames('cities5000.txt')) byId.set(row.id, row);
  for (const row of geonames('cities15000.txt')) {
    const old = byId.get(row.id);
    if (old) row.alternates = [...new Set([...row.alternates, ...old.alternates])];
    byId.set(row.id, row);
  }
  return [...byId.values()];
}
