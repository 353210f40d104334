/**
 * The gazetteer: knowledge/places.tsv.gz (GeoNames CC BY 4.0 + written supplement; see
 * docs/knowledge.md). Every name is ambiguous somewhere ("Paris", "Georgia", "Astara"),
 * so lookup returns all candidates and leaves choosing to the linker, which knows context.
 */
import { sharedBytes } from '../core/shared-tables.js';
import { memoize } from './memo.js';
import { bare, fold } from './normalize.js';
import { ByteLines } from './line-table.js';
import { readKnowledgeBytes } from './paths.js';

export type PlaceKind =
  | 'country'
  | 'admin1'
  | 'city'
  | 'town'
  | 'village'
  | 'region'
  | 'continent'
  | 'sea'
  | 'strait'
  | 'water'
  | 'river'
  | 'lake'
  | 'mountains'
  | 'border';

export type GeoPrecision = 'country' | 'region' | 'city' | 'locality';

export interface PlaceCandidate {
  /** GeoNames id as text, or `ng:…` for a place of the written supplement. */
  id: string;
  geonames: number | null;
  name: string;
  kind: PlaceKind;
  /** GeoNames feature code (PPLC, PPLA2, ADM1, PCL…), '' for supplement places. */
  fcode: string;
  /** ISO alpha-3 when the place lies in one country, else null (seas, disputed regions). */
  country: string | null;
  countries: string[];
  /** GeoNames admin-1 code ("US.TX") and name ("Texas") of a settlement or region. */
  admin1: { code: string; name: string } | null;
  lat: number;
  lon: number;
  /** 0 when unknown (regions, supplement places). */
  population: number;
  precision: GeoPrecision;
}

export interface Places {
  readonly size: number;
  /** All candidates, best first (see `group`); case- and diacritic-insensitive. Shared between callers, hence frozen. */
  lookup(name: string): readonly PlaceCandidate[];
  byId(id: string): PlaceCandidate | undefined;
}

const PRECISION: Record<PlaceKind, GeoPrecision> = {
  country: 'country',
  admin1: 'region',
  city: 'city',
  town: 'city',
  village: 'locality',
  region: 'region',
  continent: 'region',
  sea: 'region',
  strait: 'region',
  water: 'region',
  river: 'region',
  lake: 'region',
  mountains: 'region',
  border: 'region',
};

// Among equals in population (unknown = 0), broader kinds first.
const KIND_RANK: Record<PlaceKind, number> = {
  country: 0, admin1: 1, region: 2, continent: 2, sea: 2, strait: 2, water: 2, river: 2, lake: 2,
  mountains: 2, border: 2, city: 3, town: 4, village: 5,
};

/**
 * Countries first; then the regions, seas and continents written for news (their
 * population is unknown, yet "Asia" and "Red Sea" rarely mean the town or province);
 * then the rest by population.
 */
function group(p: PlaceCandidate): number {
  if (p.kind === 'country') return 0;
  return p.id.startsWith('ng:') && KIND_RANK[p.kind] === 2 ? 1 : 2;
}

let cached: Places | undefined;

export function places(): Places {
  cached ??= load();
  return cached;
}

// Loading only finds where the two files' lines start: rows are parsed when first asked
// for, and names are found by binary search in the sorted index (see build-places.ts).
function load(): Places {
  // Ingest's threads share one copy of the bytes (core/shared-tables.ts).
  const table = (name: string): ByteLines => new ByteLines(sharedBytes(`knowledge/${name}`, () => readKnowledgeBytes(name)));
  const lines = table('places.tsv.gz');
  // Its keys are sorted in JavaScript's (UTF-16) order, so find() compares them decoded.
  const index = table('places-index.tsv.gz');
  const parsed = new Map<number, PlaceCandidate>();
  const admin1 = new Map<string, { code: string; name: string }>();
  let byId: Map<string, number> | undefined;

  function admin1Of(code: string, name: string): { code: string; name: string } {
    let a = admin1.get(code);
    if (!a) admin1.set(code, (a = Object.freeze({ code, name })));
    return a;
  }

  function row(n: number): PlaceCandidate {
    const known = parsed.get(n);
    if (known) return known;
    const [id, kind, fcode, cs, a1, lat, lon, pop, name, a1name] = lines.line(n).split('\t');
    const countries = cs ? cs.split('|') : [];
    const k = kind as PlaceKind;
    const place: PlaceCandidate = {
      id: id!,
      geonames: /^\d+$/.test(id!) ? Number(id) : null,
      name: name!,
      kind: k,
      fcode: fcode!,
      country: countries.length === 1 ? countries[0]! : null,
      countries,
      admin1: a1 ? admin1Of(a1, a1name ?? '') : null,
      lat: Number(lat),
      lon: Number(lon),
      population: Number(pop),
      precision: PRECISION[k],
    };
    // Shared by every caller: frozen so one linker's edits cannot leak into another's.
    Object.freeze(place);
    parsed.set(n, place);
    return place;
  }

  function find(key: string): number[] {
    let lo = 0;
    let hi = index.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = index.key(mid);
      if (k === key) return index.rest(mid).split(',').map(Number);
      if (k < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return [];
  }

  const order = (a: PlaceCandidate, b: PlaceCandidate): number =>
    group(a) - group(b) || b.population - a.population || KIND_RANK[a.kind] - KIND_RANK[b.kind];

  const NONE: readonly PlaceCandidate[] = Object.freeze([]);
  return {
    size: lines.size,
    // Memoised: the linker and the geo stage ask for the same names throughout an article.
    lookup: memoize((name) => {
      let hit = find(fold(name));
      if (hit.length === 0) hit = find(fold(bare(name)));
      return hit.length === 0 ? NONE : Object.freeze(hit.map(row).sort(order));
    }),
    byId(id) {
      if (!byId) {
        byId = new Map();
        for (let n = 0; n < lines.size; n++) byId.set(lines.key(n), n);
      }
      const n = byId.get(id);
      return n === undefined ? undefined : row(n);
    },
  };
}
