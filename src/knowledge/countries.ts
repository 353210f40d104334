/**
 * Countries and the peoples news names by adjective: knowledge/countries.json
 * (world-countries ODbL + GeoNames CC BY + written supplement; see docs/knowledge.md).
 */
import { NameIndex } from './name-index.js';
import { bare } from './normalize.js';
import { readKnowledge } from './paths.js';
import { WordFilter } from './word-filter.js';

export interface Capital {
  name: string;
  lat: number;
  lon: number;
  geonames: number;
}

export interface Country {
  a2: string;
  /** ISO 3166-1 alpha-3 (XKX for Kosovo): the project's country code. */
  a3: string;
  num: string;
  name: string;
  official: string;
  names: string[];
  demonyms: string[];
  capital: Capital | null;
  /** A representative point near the middle, never 0,0. */
  lat: number;
  lon: number;
  /** Land borders, alpha-3. */
  borders: string[];
  region: string;
  subregion: string;
  continent: string;
  population: number;
  geonames: number | null;
  independent: boolean;
  /** A state that no longer exists (ISO 3166-3 code: SUN, DDR, YUG, CSK). */
  former: boolean;
}

/** A people, faith or region named by adjective with no country of its own ("Kurdish"). */
export interface Group {
  name: string;
  forms: string[];
  kind: 'ethnic' | 'religious' | 'regional' | 'political';
  region: string;
  /** Where the group mainly lives: a hint, not a code. */
  countries: string[];
}

export interface Countries {
  readonly all: readonly Country[];
  /** The country a name means ("the US", "Iran's", "Türkiye"); the usual one if shared ("Korea"). */
  byName(text: string): Country | undefined;
  /** Every country a name may mean, the usual one first. */
  allByName(text: string): Country[];
  /** "Azeri", "Iranians", "Emirati" → the country; undefined for group adjectives ("Kurdish"). */
  byDemonym(text: string): Country | undefined;
  /** Alpha-3 or alpha-2, any case. */
  byCode(code: string): Country | undefined;
  /** "Kurdish", "Shiite", "Arab" → the group. */
  group(text: string): Group | undefined;
  /**
   * False when byName, byDemonym and group find nothing for certain for any text that
   * begins with `word` and a space, or is `word`: no name or form begins with it.
   * Cheap: no string is hashed or sliced.
   */
  mayBegin(word: string): boolean;
}

interface CountriesJson {
  countries: Country[];
  prefer: Record<string, string[]>;
  preferDemonym: Record<string, string>;
  groups: Group[];
}

let cached: Countries | undefined;

export function countries(): Countries {
  cached ??= load();
  return cached;
}

function load(): Countries {
  const json = JSON.parse(readKnowledge('countries.json')) as CountriesJson;
  const byCode = new Map<string, Country>();
  const names = new NameIndex<Country>();
  const demonyms = new NameIndex<Country>();
  const groups = new NameIndex<Group>();
  for (const c of json.countries) {
    byCode.set(c.a3, c);
    byCode.set(c.a2, c);
  }
  // Preferred readings go in first so that they come first.
  for (const [name, codes] of Object.entries(json.prefer)) {
    for (const code of codes) {
      const c = byCode.get(code);
      if (c) names.add(name, c);
    }
  }
  for (const [demonym, code] of Object.entries(json.preferDemonym)) {
    const c = byCode.get(code);
    if (c) demonyms.add(demonym, c);
  }
  // Sovereign states first: "American" is also the demonym of US territories.
  const ranked = [...json.countries].sort((a, b) => Number(b.independent) - Number(a.independent));
  for (const c of ranked) {
    for (const n of c.names) names.add(n, c);
    for (const d of c.demonyms) demonyms.add(d, c);
  }
  for (const g of json.groups) for (const f of g.forms) groups.add(f, g);
  const firstWords = new WordFilter();
  for (const index of [names, demonyms, groups]) for (const key of index.keys()) firstWords.addKey(key, 'first');
  // bare() drops a leading "the": "the US" is found by its second word.
  firstWords.addKey('the', 'first');

  const allByName = (text: string): Country[] => {
    const hit = names.get(text);
    return hit.length > 0 ? hit : names.get(bare(text));
  };
  return {
    all: json.countries,
    allByName,
    byName: (text) => allByName(text)[0],
    byDemonym: (text) => demonyms.get(text)[0] ?? demonyms.get(bare(text))[0],
    byCode: (code) => byCode.get(code.toUpperCase()),
    group: (text) => groups.get(text)[0],
    mayBegin: (word) => firstWords.mayStart(word),
  };
}
