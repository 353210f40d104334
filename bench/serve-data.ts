/**
 * A deterministic synthetic corpus for the serve benchmark: article records built
 * directly (not extracted — 10,000 extractions would take minutes and measure the
 * pipeline, not the server), shaped like real ones: countries with CAMEO codes as
 * actors and recipients, places with coordinates, dated events of every PLOVER type
 * and modality, quotes with speakers, a few publishers, two years of dates.
 * Every record passes the record schema (checked by the bench on a sample).
 */
import { PLOVER_TYPES, RECORD_SCHEMA_ID } from '../src/core/record.js';
import type { ArticleRecord, Entity, EventRecord, Modality, Quote } from '../src/core/record.js';
import type { ArticleInput } from '../src/store/types.js';
import { articleKey } from '../src/corpus/key.js';
import { simhash } from '../src/corpus/simhash.js';
import { rng } from '../src/core/rng.js';

export const COUNTRIES: ReadonlyArray<readonly [code: string, name: string]> = [
  ['IRN', 'Iran'], ['AZE', 'Azerbaijan'], ['ARM', 'Armenia'], ['GEO', 'Georgia'], ['TUR', 'Turkey'], ['RUS', 'Russia'],
  ['UKR', 'Ukraine'], ['USA', 'United States'], ['CHN', 'China'], ['FRA', 'France'], ['DEU', 'Germany'], ['KEN', 'Kenya'],
  ['EGY', 'Egypt'], ['ISR', 'Israel'], ['SYR', 'Syria'], ['IRQ', 'Iraq'], ['IND', 'India'], ['PAK', 'Pakistan'],
  ['BRA', 'Brazil'], ['JPN', 'Japan'],
];
export const PLACES: ReadonlyArray<readonly [name: string, country: string, lat: number, lon: number]> = [
  ['Baku', 'AZE', 40.41, 49.87], ['Tehran', 'IRN', 35.69, 51.39], ['Yerevan', 'ARM', 40.18, 44.51], ['Tbilisi', 'GEO', 41.72, 44.79],
  ['Ankara', 'TUR', 39.93, 32.86], ['Moscow', 'RUS', 55.76, 37.62], ['Kyiv', 'UKR', 50.45, 30.52], ['Washington', 'USA', 38.9, -77.04],
  ['Beijing', 'CHN', 39.9, 116.41], ['Paris', 'FRA', 48.86, 2.35], ['Nairobi', 'KEN', -1.29, 36.82], ['Cairo', 'EGY', 30.04, 31.24],
  ['Damascus', 'SYR', 33.51, 36.29], ['Baghdad', 'IRQ', 33.31, 44.37], ['Geneva', 'CHE', 46.2, 6.14],
];
const PUBLISHERS = ['Reuters', 'AFP', 'AP', 'Trend', 'Civil.ge', 'Asbarez', 'Al Jazeera', 'BBC'];
const MODALITIES: readonly Modality[] = ['asserted', 'asserted', 'asserted', 'asserted', 'negated', 'hypothetical', 'future', 'alleged', 'historical'];
const VERBS: Readonly<Record<string, string>> = {
  AGREE: 'agreed with', CONSULT: 'held talks with', SUPPORT: 'backed', CONCEDE: 'made concessions to', COOPERATE: 'worked with',
  AID: 'sent aid to', RETREAT: 'withdrew troops from the border with', REQUEST: 'asked', ACCUSE: 'accused', REJECT: 'rejected a proposal by',
  THREATEN: 'threatened', PROTEST: 'protested against', SANCTION: 'imposed sanctions on', MOBILIZE: 'massed troops near', COERCE: 'detained citizens of',
  ASSAULT: 'shelled positions of',
};

const pick = <T>(xs: readonly T[], r: () => number): T => xs[Math.floor(r() * xs.length)]!;
const pad = (n: number): string => String(n).padStart(2, '0');

/** Article `i` of the synthetic corpus; the same i always gives the same article. */
export function syntheticArticle(i: number): ArticleInput {
  const r = rng(0x5e77e + i * 7919);
  const day = new Date(Date.UTC(2023, 0, 1) + Math.floor(r() * 730) * 86400000);
  const date = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
  const publisher = pick(PUBLISHERS, r);

  const entities: Entity[] = [];
  let text = '';
  const sentences: Array<[number, number]> = [];
  const mention = (start: number, name: string) => ({ start, end: start + name.length, text: name, kind: 'name' as const });
  const countryEntity = (code: string, name: string, start: number): string => {
    const found = entities.find((e) => e.code === code);
    if (found) {
      found.mentions.push(mention(start, name));
      return found.id;
    }
    const id = `E${entities.length + 1}`;
    entities.push({ id, name, type: 'GPE', mentions: [mention(start, name)], country: code, role: null, sector: null, code, geo: null, ids: {} });
    return id;
  };

  const [placeName, placeCountry, lat, lon] = pick(PLACES, r);
  const placeId = `E${entities.length + 1}`;
  entities.push({ id: placeId, name: placeName, type: 'GPE', mentions: [], country: placeCountry, role: null, sector: null, code: null, geo: { lat, lon, precision: 'city' }, ids: {} });

  const events: EventRecord[] = [];
  const nEvents = 1 + Math.floor(r() * 4);
  for (let k = 0; k < nEvents; k++) {
    const [aCode, aName] = pick(COUNTRIES, r);
    let [bCode, bName] = pick(COUNTRIES, r);
    if (bCode === aCode) [bCode, bName] = COUNTRIES[(COUNTRIES.findIndex((c) => c[0] === aCode) + 1) % COUNTRIES.length]!;
    const type = pick(PLOVER_TYPES, r);
    const verb = VERBS[type] ?? 'met';
    const start = text.length;
    const aId = countryEntity(aCode, aName, start);
    const verbStart = start + aName.length + 1;
    const bStart = verbStart + verb.length + 1;
    const bId = countryEntity(bCode, bName, bStart);
    const inPlace = ` in ${placeName} on ${date}.`;
    const place = entities.find((e) => e.id === placeId)!;
    place.mentions.push(mention(bStart + bName.length + 4, placeName));
    const sentence = `${aName} ${verb} ${bName}${inPlace}`;
    text += sentence + ' ';
    sentences.push([start, start + sentence.length]);
    const dead = type === 'ASSAULT' ? Math.floor(r() * 20) : null;
    events.push({
      id: `V${k + 1}`,
      type,
      mode: null,
      context: [],
      actor: [aId],
      recipient: [bId],
      location: placeId,
      date: r() < 0.85 ? { value: date, grain: 'day', inferred: false } : null,
      modality: pick(MODALITIES, r),
      source: null,
      size: dead === null ? null : { dead: { min: dead, max: dead }, injured: null, arrested: null },
      trigger: { start: verbStart, end: verbStart + verb.length, text: verb },
      evidence: { sentence: k, start, end: start + sentence.length },
      confidence: Math.round((0.5 + r() * 0.5) * 100) / 100,
      cameo: null,
    });
  }

  const quotes: Quote[] = [];
  if (r() < 0.6) {
    const speaker = pick(['Ilham Aliyev', 'Nikol Pashinyan', 'Antony Blinken', 'Hakan Fidan', 'Sergei Lavrov'], r);
    const speakerId = `E${entities.length + 1}`;
    const start = text.length;
    const words = `"We will not accept threats to our sovereignty (${i})," ${speaker} said.`;
    entities.push({ id: speakerId, name: speaker, type: 'PERSON', mentions: [mention(start + words.indexOf(speaker), speaker)], country: null, role: 'minister', sector: 'GOV', code: null, geo: null, ids: {} });
    text += words + ' ';
    sentences.push([start, start + words.length]);
    quotes.push({ id: 'Q1', start: start + 1, end: start + words.indexOf('"', 1), text: words.slice(1, words.indexOf('"', 1)), speaker: speakerId, cue: 'said', channel: null, direct: true });
  }
  text = text.trimEnd();
  const title = `${events.length} events near ${placeName} (${publisher} report ${i})`;
  const key = articleKey({ kind: 'text', content: `${title}\n\n${text}` });
  const record: ArticleRecord = {
    schema: RECORD_SCHEMA_ID,
    id: key,
    source: { uri: `https://news.example/${publisher.toLowerCase().replace(/\W+/g, '-')}/${i}`, format: 'text', publisher },
    language: 'en',
    title,
    authors: [],
    published: { value: date, text: date },
    dateline: null,
    text,
    removed: [],
    sentences,
    entities,
    times: [],
    quotes,
    events,
    conflicts: [],
    provenance: { pipeline: 'bench/serve-data.ts', stages: {} },
  };
  return { key, record, origin: record.source.uri ?? `synthetic#${i}`, simhash: simhash(text) };
}
