/**
 * The geo stage: coordinates for place entities, and the dateline's place.
 * Two passes: the places the article makes certain (by the countries it names, or
 * by prominence) add their countries and regions to the context in which the
 * rest are read — "Hyderabad" in a story that also names Karachi is in Pakistan.
 */
import { datelineOffset } from '../article/dateline.js';
import type { Doc } from '../core/doc.js';
import type { Entity } from '../core/record.js';
import type { Stage } from '../core/stage.js';
import { candidatesFor, countryContext, resolvePlace } from './resolve.js';
import type { PlaceContext, Resolution } from './resolve.js';

const SETTLEMENT = new Set(['city', 'town', 'village', 'admin1', 'country']);

function names(entity: Entity): string[] {
  return [...new Set([entity.name, ...entity.mentions.filter((m) => m.kind === 'name').map((m) => m.text)])];
}

function isPlace(e: Entity): boolean {
  return e.geo === null && (e.type === 'LOC' || e.type === 'GPE' || e.type === 'FAC');
}

function apply(entity: Entity, r: Resolution): void {
  entity.geo = { lat: r.place.lat, lon: r.place.lon, precision: r.precision };
  entity.country ??= r.place.country;
  if (SETTLEMENT.has(r.place.kind)) entity.type = 'GPE';
  if (r.place.geonames !== null) entity.ids.geonames = r.place.geonames;
  else entity.ids.newsgraph = r.place.id;
}

/**
 * "Georgia" with Atlanta and Savannah around it is the US state: a country name
 * that is also an admin-1 name is read as the region when the article's other
 * places lie in that region and none in the country.
 */
function reconsiderCountries(entities: Entity[], readings: ReadonlyMap<Entity, Resolution>): void {
  for (const e of entities) {
    if (e.code === null || e.code !== e.country || e.type !== 'GPE') continue;
    const region = candidatesFor([e.name]).find((c) => c.kind === 'admin1');
    if (!region) continue;
    let inRegion = 0;
    let inCountry = 0;
    for (const [, r] of readings) {
      if (r.place.admin1?.name.toLowerCase() === region.name.toLowerCase() && r.place.country === region.country) inRegion++;
      if (r.place.countries.includes(e.country!)) inCountry++;
    }
    if (inRegion >= 2 && inCountry === 0) {
      e.country = region.country;
      e.code = null;
      e.geo = { lat: region.lat, lon: region.lon, precision: 'region' };
      e.ids = region.geonames !== null ? { geonames: region.geonames } : {};
    }
  }
}

export const geoStage: Stage = {
  name: 'geo',
  version: '2',
  requires: ['entities'],
  assigns: ['geo'],
  run(doc: Doc): void {
    // Both passes read the same names of the same entities: their candidates are found once.
    const pending = doc.entities.filter(isPlace).map((e) => {
      const n = names(e);
      return { e, names: n, candidates: candidatesFor(n) };
    });
    const first: PlaceContext = { countries: countryContext(doc.entities), regions: new Set() };
    const readings = new Map<Entity, Resolution>();
    for (const p of pending) {
      const r = resolvePlace(p.names, first, p.candidates);
      if (r) readings.set(p.e, r);
    }
    reconsiderCountries(doc.entities, readings);
    const firstPass = new Map([...readings].filter(([, r]) => r.confident));
    const countries = countryContext(doc.entities);
    const regions = new Set<string>();
    for (const [e, r] of firstPass) {
      for (const a3 of r.place.countries) countries.set(a3, (countries.get(a3) ?? 0) + 1);
      if (r.place.kind === 'admin1') regions.add(r.place.name.toLowerCase());
      void e;
    }
    for (const e of doc.entities) if (e.geo?.precision === 'region' && e.code === null && e.country) regions.add(e.name.toLowerCase());
    const context: PlaceContext = { countries, regions };
    for (const p of pending) {
      const r = resolvePlace(p.names, context, p.candidates);
      if (r) apply(p.e, r);
    }
    const dateline = doc.meta.dateline;
    if (dateline) dateline.place = datelinePlace(doc, dateline.text, context);
  },
};

/** The entity the dateline names: one with a mention where it opens the article, else a new one. */
function datelinePlace(doc: Doc, place: string, context: PlaceContext): string | null {
  const start = datelineOffset(doc.text, place);
  if (start < 0) return null;
  const span = { start, end: start + place.length };
  const hit = doc.entities.find((e) => e.mentions.some((m) => m.start <= span.start && span.end <= m.end));
  if (hit) return hit.id;
  const r = resolvePlace([place], context);
  if (!r) return null;
  const entity: Entity = {
    id: `E${doc.entities.length + 1}`, name: r.place.name, type: 'GPE',
    mentions: [{ start: span.start, end: span.end, text: place, kind: 'name' }],
    country: r.place.country, role: null, sector: null, code: r.place.kind === 'country' ? r.place.country : null,
    geo: { lat: r.place.lat, lon: r.place.lon, precision: r.precision },
    ids: r.place.geonames !== null ? { geonames: r.place.geonames } : { newsgraph: r.place.id },
  };
  doc.entities.push(entity);
  return entity.id;
}
