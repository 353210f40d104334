/**
 * Toponym resolution: every place entity to a gazetteer entry, chosen by the
 * article's context. A candidate scores for lying in a country the article names
 * or in a region (admin-1) it names, for being a capital or regional seat, for
 * being a curated news place, and for population. When two readings far apart
 * score close, the better is kept but its precision is coarsened to "region": the
 * record never presents a guess as certain, and a place with no safe reading gets
 * no coordinates rather than 0,0.
 */
import type { Entity, GeoPrecision } from '../core/record.js';
import { places } from '../knowledge/index.js';
import type { PlaceCandidate } from '../knowledge/index.js';

const AMBIGUITY_MARGIN = 1.0;
const SAME_PLACE_KM = 161;
const PROMINENT_POPULATION = 100_000;
const DIRECTIONS = /^(?:north|south|east|west|central|upper|lower|northern|southern|eastern|western)$/i;
const BROAD_KINDS = new Set(['country', 'admin1', 'region', 'sea', 'continent']);
const WATER_KINDS = new Set(['river', 'lake', 'water']);

export interface PlaceContext {
  /** Countries the article names or places in, with weights (mention counts). */
  countries: ReadonlyMap<string, number>;
  /** Admin-1 regions the article names, folded ("texas"). */
  regions: ReadonlySet<string>;
}

export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const dLat = (b.lat - a.lat) * r;
  const dLon = (b.lon - a.lon) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * What a region (admin-1) gets for being one (the gazetteer gives regions no population, so
 * without it "Wales" was a village of 6,000 in England and "Delaware" a town in Ohio): where
 * no city of its name has 100,000 people ("New York", "Quebec" stay cities), and either the
 * article names the region's country or no town of its name has 10,000 ("Canterbury" in a
 * British story that names no country stays the English city, not New Zealand's region).
 */
const REGION_BONUS = 2.5;
const TOWN_POPULATION = 10_000;

/** The largest population of a city or town among the candidates whose own name it is. */
function largestNamesake(candidates: readonly PlaceCandidate[], names: readonly string[]): number {
  let most = 0;
  for (const x of candidates) {
    if ((x.kind === 'city' || x.kind === 'town') && x.population > most && names.some((n) => ownName(n, x.name))) most = x.population;
  }
  return most;
}

function regionBonus(c: PlaceCandidate, namesake: number, ctx: PlaceContext): number {
  if (c.kind !== 'admin1' || namesake >= PROMINENT_POPULATION) return 0;
  return c.countries.some((a3) => ctx.countries.has(a3)) || namesake < TOWN_POPULATION ? REGION_BONUS : 0;
}

function score(c: PlaceCandidate, ctx: PlaceContext): number {
  let s = Math.log10(c.population + 10) * 0.5;
  const inCountry = c.countries.reduce((best, a3) => Math.max(best, ctx.countries.get(a3) ?? 0), 0);
  if (inCountry > 0) s += 3 + Math.log2(1 + inCountry);
  if (c.admin1 && ctx.regions.has(c.admin1.name.toLowerCase())) s += 3;
  // Written news places (war-affected villages, seas) are what articles mean; rivers rarely are.
  if (c.id.startsWith('ng:') && !WATER_KINDS.has(c.kind)) s += 1.5;
  if (c.kind === 'country' || c.kind === 'admin1') s += 0.5;
  if (c.fcode === 'PPLC') s += 1;
  else if (c.fcode === 'PPLA') s += 0.5;
  return s;
}

function isProminent(c: PlaceCandidate): boolean {
  return c.population >= PROMINENT_POPULATION || c.id.startsWith('ng:') || c.fcode === 'PPLC' || BROAD_KINDS.has(c.kind);
}

export interface Resolution {
  place: PlaceCandidate;
  precision: GeoPrecision;
  /** True when context or prominence settles it and no rival comes close. */
  confident: boolean;
}

export function candidatesFor(names: readonly string[]): PlaceCandidate[] {
  const seen = new Set<string>();
  const out: PlaceCandidate[] = [];
  for (const n of names) for (const c of places().lookup(n)) if (!seen.has(c.id)) {
    seen.add(c.id);
    out.push(c);
  }
  return out;
}

const MEGACITY = 1_000_000;

function folded(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/**
 * A name that is the place's own, or a spelling or a part of it: "Seville" of "Sevilla"
 * (the same first letters), "Frankfurt" of "Frankfurt am Main", "Westminster" of "City of
 * Westminster".
 */
function ownName(name: string, placeName: string): boolean {
  const a = folded(name);
  const b = folded(placeName);
  return a.slice(0, 4) === b.slice(0, 4) || ` ${b} `.includes(` ${a} `) || ` ${a} `.includes(` ${b} `);
}

/**
 * A candidate found only through a GeoNames alternate name unlike its own ("Twickenham" is an
 * alternate name of Huntsville, Alabama; "QC" of Quezon City) is read only in a country the
 * article names, and not beside a seat or a sizeable city whose own name it is (GeoNames keeps
 * nicknames: "Rome" of Washington, "Venice" of Dayton, Ohio; an exonym such as "Cologne" or
 * "Hanover" has only small namesakes); or when it is a city of a million whose old name is
 * still written ("Bombay").
 */
function fairReading(c: PlaceCandidate, names: readonly string[], ctx: PlaceContext, ownedByMajor: boolean): boolean {
  if (names.some((n) => ownName(n, c.name))) return true;
  return (!ownedByMajor && c.countries.some((a3) => ctx.countries.has(a3))) || c.population >= MEGACITY || BROAD_KINDS.has(c.kind);
}

function isSeat(c: PlaceCandidate): boolean {
  return c.fcode === 'PPLC' || c.fcode === 'PPLA';
}

/** `known`: candidatesFor(names), when the caller has them already. */
export function resolvePlace(names: readonly string[], ctx: PlaceContext, known?: readonly PlaceCandidate[]): Resolution | null {
  if (names.length === 0 || names.every((n) => DIRECTIONS.test(n.trim()))) return null;
  const all = known ?? candidatesFor(names);
  const ownedByMajor = all.some((c) => (isSeat(c) || c.population >= PROMINENT_POPULATION) && names.some((n) => ownName(n, c.name)));
  const candidates = all.filter((c) => fairReading(c, names, ctx, ownedByMajor));
  if (candidates.length === 0) return null;
  const namesake = largestNamesake(candidates, names);
  const ranked = candidates.map((c) => ({ c, s: score(c, ctx) + regionBonus(c, namesake, ctx) })).sort((a, b) => b.s - a.s);
  const world = worldCityOver(ranked, names, ctx);
  const best = world ?? seatOver(ranked, names, ctx) ?? waterOver(ranked, names, ctx) ?? ranked[0]!;
  const inContext = best.c.countries.some((a3) => ctx.countries.has(a3));
  // Out of the article's countries a bare name is safe only for a prominent place or a unique name.
  if (!inContext && ctx.countries.size > 0 && !isProminent(best.c) && candidates.length > 1) return null;
  // A world city chosen over namesakes it outnumbers has them for no rivals; nor has a seat
  // the towns it outranks, whether the country bonus or seatOver chose it.
  const rival = ranked.find((r) => r.c !== best.c && best.s - r.s < AMBIGUITY_MARGIN && distanceKm(r.c, best.c) > SAME_PLACE_KM
    && !(world && best.c.population >= WORLD_CITY_RATIO * Math.max(r.c.population, 1)) && !seatOutranks(best.c, r.c, ctx));
  return { place: best.c, precision: rival ? 'region' : best.c.precision, confident: !rival && (inContext || isProminent(best.c)) };
}

/** A national capital or a city of a million: the place a bare name means the world over. */
function isWorldCity(c: PlaceCandidate): boolean {
  return c.kind !== 'country' && !BROAD_KINDS.has(c.kind) && (c.fcode === 'PPLC' || c.population >= MEGACITY);
}

/** How many times a world city must outnumber a namesake for its name to mean the world city. */
const WORLD_CITY_RATIO = 20;

/**
 * "the Paris agreement" in a story that names the United States ten times is Paris, France, not
 * Paris, Texas: the country bonus is for telling places of like size apart, and a small namesake
 * is meant only when the article names its region ("Paris, Texas"). So a world city outranks a
 * namesake it outnumbers 20 times over whose region the article does not name, when the name
 * is the world city's own.
 */
function worldCityOver(ranked: readonly { c: PlaceCandidate; s: number }[], names: readonly string[], ctx: PlaceContext): { c: PlaceCandidate; s: number } | undefined {
  const top = ranked[0];
  if (!top || isWorldCity(top.c) || BROAD_KINDS.has(top.c.kind) || top.c.id.startsWith('ng:')) return undefined;
  if (top.c.admin1 && ctx.regions.has(top.c.admin1.name.toLowerCase())) return undefined;
  // Only a world city the name is the name of: Puno is not Pune, whose alternate names include it.
  return ranked.find((r) => isWorldCity(r.c) && r.c.population >= WORLD_CITY_RATIO * Math.max(top.c.population, 1) && names.some((n) => ownName(n, r.c.name)));
}

/** How many times a national capital, or a regional seat, must outnumber a town for a bare name to mean it. */
const CAPITAL_RATIO = 2;
const SEAT_RATIO = 5;

/**
 * "negotiators in Geneva" in a story that names the United States is Geneva, Switzerland, not
 * Geneva, Illinois: the country bonus tells places of like rank apart, and a bare name means
 * the national capital (GeoNames PPLC) of that name over an ordinary town (under 100,000) at most
 * half its size, or the regional seat (PPLA) over one at most a fifth its size, in a region the
 * article does not name. Written news places are never overruled. A smaller ratio for seats
 * took "Hamilton" in a Scottish story to New Zealand.
 */
function seatOver(ranked: readonly { c: PlaceCandidate; s: number }[], names: readonly string[], ctx: PlaceContext): { c: PlaceCandidate; s: number } | undefined {
  const top = ranked[0];
  return top && ranked.find((r) => names.some((n) => ownName(n, r.c.name)) && seatOutranks(r.c, top.c, ctx));
}

/** The seat outranks the town for a bare name (seatOver). */
function seatOutranks(seat: PlaceCandidate, town: PlaceCandidate, ctx: PlaceContext): boolean {
  if (!isSeat(seat) || seat.population < (seat.fcode === 'PPLC' ? CAPITAL_RATIO : SEAT_RATIO) * Math.max(town.population, 1)) return false;
  if (isSeat(town) || BROAD_KINDS.has(town.kind) || town.id.startsWith('ng:')) return false;
  return town.population < PROMINENT_POPULATION && !(town.admin1 && ctx.regions.has(town.admin1.name.toLowerCase()));
}

const WATERS = new Set(['sea', 'continent']);

/**
 * "the Atlantic" is the ocean, not Atlantic, Iowa: a written sea or continent whose name the bare
 * name is outranks a town of under 10,000 in a region the article does not name, whatever the
 * country bonus gives the town.
 */
function waterOver(ranked: readonly { c: PlaceCandidate; s: number }[], names: readonly string[], ctx: PlaceContext): { c: PlaceCandidate; s: number } | undefined {
  const top = ranked[0];
  if (!top || BROAD_KINDS.has(top.c.kind) || top.c.id.startsWith('ng:') || top.c.population >= TOWN_POPULATION) return undefined;
  if (top.c.admin1 && ctx.regions.has(top.c.admin1.name.toLowerCase())) return undefined;
  return ranked.find((r) => WATERS.has(r.c.kind) && r.c.id.startsWith('ng:') && names.some((n) => ownName(n, r.c.name)));
}

/** Countries the article names, with mention counts. */
export function countryContext(entities: readonly Entity[]): Map<string, number> {
  const context = new Map<string, number>();
  for (const e of entities) {
    if ((e.type === 'GPE' || e.type === 'NORP') && e.code === e.country && e.country) {
      context.set(e.country, (context.get(e.country) ?? 0) + e.mentions.length);
    }
  }
  return context;
}
