/**
 * `npm run bench:store`: the SQLite store at corpus scale. Builds a synthetic store of
 * 10,000 articles (deterministic PRNG: ~50 countries with government, military,
 * police and civilian actors, all 16 PLOVER types, dates over two years, ~8 events an
 * article) in a temporary directory, then times the writes, the queries the CLI,
 * API and UI make, and the corpus analysis, and prints one table.
 *
 * Flags:
 *   --articles N   corpus size (default 10000)
 *   --runs N       timed runs per query (default 200)
 *   --keep         keep the temporary store and print its path
 *   --store SPEC   time this store (an SQLite path or a postgres:// URL, `?schema=` allowed)
 *                  instead of a temporary one; it is filled first only when it is empty
 *   --only PREFIX  time only the operations whose name starts with PREFIX ("export")
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyseCorpus } from '../src/corpus/analyse.js';
import { PLOVER_TYPES, RECORD_SCHEMA_ID, type ArticleRecord, type Entity, type EventRecord, type Quote } from '../src/core/record.js';
import { writeExport, type ExportFormat } from '../src/export/run.js';
import { lineSink } from '../src/export/sink.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/types.js';
import { rng } from '../src/core/rng.js';
import { percentile } from '../training/common/stats.js';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

const ARTICLES = flag('--articles', 10_000);
const RUNS = flag('--runs', 200);
const KEEP = process.argv.includes('--keep');
const EXISTING = text('--store');
const ONLY = text('--only');

function text(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const COUNTRIES = [
  ['USA', 'United States', 'Washington', 38.9, -77.04], ['RUS', 'Russia', 'Moscow', 55.76, 37.62], ['CHN', 'China', 'Beijing', 39.9, 116.4],
  ['IRN', 'Iran', 'Tehran', 35.69, 51.39], ['IRQ', 'Iraq', 'Baghdad', 33.32, 44.37], ['ISR', 'Israel', 'Jerusalem', 31.77, 35.21],
  ['UKR', 'Ukraine', 'Kyiv', 50.45, 30.52], ['TUR', 'Turkey', 'Ankara', 39.93, 32.86], ['SYR', 'Syria', 'Damascus', 33.51, 36.29],
  ['SAU', 'Saudi Arabia', 'Riyadh', 24.71, 46.68], ['EGY', 'Egypt', 'Cairo', 30.04, 31.24], ['IND', 'India', 'New Delhi', 28.61, 77.21],
  ['PAK', 'Pakistan', 'Islamabad', 33.68, 73.05], ['AFG', 'Afghanistan', 'Kabul', 34.56, 69.21], ['GBR', 'United Kingdom', 'London', 51.51, -0.13],
  ['FRA', 'France', 'Paris', 48.86, 2.35], ['DEU', 'Germany', 'Berlin', 52.52, 13.4], ['JPN', 'Japan', 'Tokyo', 35.68, 139.69],
  ['KOR', 'South Korea', 'Seoul', 37.57, 126.98], ['PRK', 'North Korea', 'Pyongyang', 39.04, 125.76], ['NGA', 'Nigeria', 'Abuja', 9.08, 7.4],
  ['ETH', 'Ethiopia', 'Addis Ababa', 9.03, 38.74], ['KEN', 'Kenya', 'Nairobi', -1.29, 36.82], ['SDN', 'Sudan', 'Khartoum', 15.5, 32.56],
  ['SOM', 'Somalia', 'Mogadishu', 2.05, 45.32], ['LBY', 'Libya', 'Tripoli', 32.89, 13.19], ['MLI', 'Mali', 'Bamako', 12.64, -8.0],
  ['BRA', 'Brazil', 'Brasilia', -15.79, -47.88], ['MEX', 'Mexico', 'Mexico City', 19.43, -99.13], ['VEN', 'Venezuela', 'Caracas', 10.48, -66.9],
  ['COL', 'Colombia', 'Bogota', 4.71, -74.07], ['ARG', 'Argentina', 'Buenos Aires', -34.6, -58.38], ['CAN', 'Canada', 'Ottawa', 45.42, -75.7],
  ['AUS', 'Australia', 'Canberra', -35.28, 149.13], ['IDN', 'Indonesia', 'Jakarta', -6.21, 106.85], ['PHL', 'Philippines', 'Manila', 14.6, 120.98],
  ['MMR', 'Myanmar', 'Naypyidaw', 19.76, 96.08], ['THA', 'Thailand', 'Bangkok', 13.76, 100.5], ['VNM', 'Vietnam', 'Hanoi', 21.03, 105.85],
  ['POL', 'Poland', 'Warsaw', 52.23, 21.01], ['BLR', 'Belarus', 'Minsk', 53.9, 27.57], ['ARM', 'Armenia', 'Yerevan', 40.18, 44.51],
  ['AZE', 'Azerbaijan', 'Baku', 40.41, 49.87], ['GEO', 'Georgia', 'Tbilisi', 41.72, 44.79], ['LBN', 'Lebanon', 'Beirut', 33.89, 35.5],
  ['JOR', 'Jordan', 'Amman', 31.95, 35.93], ['YEM', 'Yemen', 'Sanaa', 15.37, 44.19], ['QAT', 'Qatar', 'Doha', 25.29, 51.53],
  ['ZAF', 'South Africa', 'Pretoria', -25.75, 28.19], ['COD', 'DR Congo', 'Kinshasa', -4.44, 15.27],
] as const;

const SECTORS = [['GOV', 'government'], ['MIL', 'military'], ['COP', 'police'], ['CVL', 'civilians'], ['OPP', 'opposition']] as const;
const WORDS = (
  'talks border security sanctions ceasefire troops election protest minister aid agreement attack drone missile oil trade '
  + 'refugees hostages negotiations parliament court embassy summit strike militia convoy water grain port pipeline nuclear '
  + 'inspectors envoy delegation curfew arrests rally bombing shelling withdrawal reform vote corruption investigation'
).split(' ');
const PUBLISHERS = ['Reuters', 'AP', 'AFP', 'BBC', 'Al Jazeera', 'The Guardian', 'DW', 'NHK', 'France 24', 'Anadolu'];
const DAY_MS = 86_400_000;
const START = Date.UTC(2023, 0, 1);

function makeRecord(i: number, rand: () => number): ArticleRecord {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  // A few big countries appear much more often than the rest, as in the news.
  const country = (): (typeof COUNTRIES)[number] => COUNTRIES[Math.floor(COUNTRIES.length * rand() ** 2)]!;
  const day = Math.floor(rand() * 730);
  const published = new Date(START + day * DAY_MS).toISOString().slice(0, 10);

  const entities: Entity[] = [];
  const sentences: Array<[number, number]> = [];
  let text = '';
  const say = (s: string): [number, number] => {
    if (text) text += ' ';
    const span: [number, number] = [text.length, text.length + s.length];
    text += s;
    sentences.push(span);
    return span;
  };
  const involved = Array.from({ length: 2 + Math.floor(rand() * 3) }, country);
  for (const [code, name, city, lat, lon] of new Set(involved)) {
    for (const [sector, label] of SECTORS) {
      if (rand() < 0.5 && sector !== 'GOV') continue;
      const actorName = sector === 'CVL' ? `${name} ${label}` : `${name}'s ${label}`;
      entities.push({
        id: `E${entities.length + 1}`, name: actorName, type: sector === 'CVL' ? 'NORP' : 'ORG', mentions: [], country: code, role: null,
        sector, code: sector === 'CVL' ? null : `${code}${sector}`, geo: null, ids: {},
      });
    }
    entities.push({ id: `E${entities.length + 1}`, name: city, type: 'GPE', mentions: [], country: code, role: null, sector: null, code: null, geo: { lat, lon, precision: 'city' }, ids: {} });
  }
  const actors = entities.filter((e) => e.geo === null);
  const places = entities.filter((e) => e.geo !== null);

  const events: EventRecord[] = [];
  const quotes: Quote[] = [];
  const n = 4 + Math.floor(rand() * 9);
  for (let v = 0; v < n; v++) {
    const a = pick(actors);
    let r = pick(actors);
    if (r === a) r = pick(actors);
    const words = Array.from({ length: 12 + Math.floor(rand() * 12) }, () => pick(WORDS)).join(' ');
    const trigger = pick(WORDS);
    const [start, end] = say(`${a.name} ${trigger} ${r.name} over ${words}.`);
    const offset = Math.floor(rand() * 4);
    const grain = rand();
    const date = grain < 0.15 ? null
      : grain < 0.25 ? { value: published.slice(0, 7), grain: 'month' as const, inferred: false }
        : { value: new Date(START + (day - offset) * DAY_MS).toISOString().slice(0, 10), grain: 'day' as const, inferred: offset === 0 };
    events.push({
      id: `V${v + 1}`, type: pick(PLOVER_TYPES), mode: null, context: [], actor: [a.id], recipient: r === a ? [] : [r.id],
      location: rand() < 0.7 ? pick(places).id : null, date, modality: rand() < 0.85 ? 'asserted' : pick(['future', 'alleged', 'hypothetical'] as const),
      source: null, size: rand() < 0.1 ? { dead: { min: 1 + Math.floor(rand() * 20), max: null }, injured: null, arrested: null } : null,
      trigger: { start: start + a.name.length + 1, end: start + a.name.length + 1 + trigger.length, text: trigger },
      evidence: { sentence: sentences.length - 1, start, end }, confidence: 0.5 + rand() / 2, cameo: null,
    });
    if (rand() < 0.25) {
      const q = `We will not accept ${pick(WORDS)} and ${pick(WORDS)}`;
      const [qs] = say(`"${q}," said ${a.name}.`);
      quotes.push({ id: `Q${quotes.length + 1}`, start: qs + 1, end: qs + 1 + q.length, text: q, speaker: a.id, cue: 'said', channel: null, direct: true });
    }
  }
  return {
    schema: RECORD_SCHEMA_ID, id: `bench-${i}`, source: { uri: `https://example.org/news/${i}`, format: 'text', publisher: pick(PUBLISHERS) },
    language: 'en', title: `${actors[0]!.name} and ${pick(WORDS)} ${pick(WORDS)}`, authors: [], published: { value: published, text: published },
    dateline: null, text, removed: [], sentences, entities, times: [], quotes, events, conflicts: [], provenance: { pipeline: 'bench', stages: {} },
  };
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

interface Timing {
  wall: number[];
  /** CPU time of this process per run: on a shared machine, the part that is ours. */
  cpu: number[];
}

async function timed(t: Timing, fn: () => Promise<unknown>): Promise<void> {
  const c = process.cpuUsage();
  const w = performance.now();
  await fn();
  t.wall.push(performance.now() - w);
  const u = process.cpuUsage(c);
  t.cpu.push((u.user + u.system) / 1000);
}

async function timeRuns(runs: number, fn: (i: number) => Promise<unknown>): Promise<Timing> {
  await fn(0); // warm the statement cache
  const t: Timing = { wall: [], cpu: [] };
  for (let i = 0; i < runs; i++) await timed(t, () => fn(i));
  return t;
}

/** Export the whole store in `format`, formatting every line and dropping it. */
async function exportAll(store: Store, format: ExportFormat): Promise<number> {
  const counts = await writeExport(store, format, {}, lineSink(() => undefined, '\n'));
  return counts.written;
}

/** Fill `store` with `ARTICLES` synthetic articles, timing each putArticle. */
async function build(store: Store): Promise<{ put: Timing; perArticle: number; seconds: number }> {
  const rand = rng(20240607);
  const put: Timing = { wall: [], cpu: [] };
  let events = 0;
  const started = performance.now();
  for (let i = 0; i < ARTICLES; i++) {
    const record = makeRecord(i, rand);
    events += record.events.length;
    const key = i.toString(16).padStart(16, '0');
    await timed(put, () => store.putArticle({ key, record, origin: `bench/${i}.txt`, simhash: key }));
  }
  return { put, perArticle: events / ARTICLES, seconds: (performance.now() - started) / 1000 };
}

async function main(): Promise<void> {
  const dir = EXISTING ? null : mkdtempSync(join(tmpdir(), 'newsgraph-bench-store-'));
  const path = EXISTING ?? join(dir!, 'bench.db');
  let store: Store | undefined;
  try {
    store = await openStore(path);
    const built = (await store.stats()).articles === 0 ? await build(store) : null;
    const stats = await store.stats();

    const codes = COUNTRIES.map((c) => c[0]);
    const s = store;
    // Each row is timed only when selected (--only), in this order.
    const plan: Array<[string, () => Promise<Timing>]> = [
      ['events({actor})', () => timeRuns(RUNS, (i) => s.events({ actor: codes[i % codes.length] }))],
      ['events({actor, type, since})', () => timeRuns(RUNS, (i) => s.events({ actor: codes[i % codes.length], type: PLOVER_TYPES[i % 16], since: '2024-01-01' }))],
      ['events({actor: name})', () => timeRuns(RUNS, (i) => s.events({ actor: `${COUNTRIES[i % codes.length]![1]}'s government` }))],
      ['events({actorSector, type})', () => timeRuns(RUNS, (i) => s.events({ actorSector: [SECTORS[i % SECTORS.length]![0]], type: PLOVER_TYPES[i % 16] }))],
      ['events() unfiltered', () => timeRuns(RUNS, () => s.events())],
      ['dyad(a, b)', () => timeRuns(RUNS, (i) => s.dyad(codes[i % 10]!, codes[(i + 3) % 10]!))],
      ['search(words)', () => timeRuns(RUNS, (i) => s.search(`${WORDS[i % WORDS.length]} ${WORDS[(i * 7 + 3) % WORDS.length]}`))],
      ['network({actor})', () => timeRuns(RUNS, (i) => s.network({ actor: codes[i % codes.length] }))],
      ['network({since, until}) month', () => timeRuns(RUNS, (i) => {
        const m = new Date(START + (i % 24) * 30 * DAY_MS).toISOString().slice(0, 7);
        return s.network({ since: m, until: m });
      })],
      ['network() whole store', () => timeRuns(Math.min(RUNS, 20), () => s.network())],
      // A whole-store export reads every event (or article) page by page: the cost of
      // paging shows here, not in one page of a list.
      ['export csv (every event)', () => timeRuns(Math.min(RUNS, 5), () => exportAll(s, 'csv'))],
      ['export records (every article)', () => timeRuns(Math.min(RUNS, 5), () => exportAll(s, 'records'))],
      // The corpus analysis over the whole store (docs/decisions/0018): once as after a
      // first ingest (any previous analysis removed first), then again with nothing changed.
      ['analyse, first', async () => {
        await s.writeAnalysis({ duplicates: new Map(), clusters: [], conflicts: [] });
        const t: Timing = { wall: [], cpu: [] };
        await timed(t, () => analyseCorpus(s));
        return t;
      }],
      ['analyse, again', () => timeRuns(1, () => analyseCorpus(s))],
    ];
    const rows: Array<[string, Timing]> = built ? [['putArticle (per article)', built.put]] : [];
    for (const [name, run] of plan) if (!ONLY || name.startsWith(ONLY)) rows.push([name, await run()]);

    const size = store.dialect !== 'sqlite' ? NaN : statSync(path).size + (() => {
      try {
        return statSync(`${path}-wal`).size;
      } catch {
        return 0;
      }
    })();
    const loaded = built ? ` (${built.perArticle.toFixed(1)}/article)` : '';
    console.log(`store: ${stats.articles} articles, ${stats.events} events${loaded}, ${stats.quotes} quotes, `
      + `${stats.entities} entities${Number.isNaN(size) ? '' : `; ${(size / 1e6).toFixed(0)} MB`}${built ? `; loaded in ${built.seconds.toFixed(1)} s` : ''}`);
    console.log('');
    console.log(`${'operation'.padEnd(32)} ${'runs'.padStart(6)} ${'mean ms'.padStart(9)} ${'p95 ms'.padStart(9)} ${'cpu mean'.padStart(9)} ${'cpu p95'.padStart(9)}`);
    for (const [name, t] of rows) {
      const cells = [mean(t.wall), percentile(t.wall, 95), mean(t.cpu), percentile(t.cpu, 95)].map((x) => x.toFixed(2).padStart(9));
      console.log(`${name.padEnd(32)} ${String(t.wall.length).padStart(6)} ${cells.join(' ')}`);
    }
    console.log(`\nwall = elapsed time; cpu = this process's CPU time (elapsed minus waiting for a shared CPU or the disk). Load average now: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  } finally {
    await store?.close();
    if (dir && KEEP) console.log(`kept ${path}`);
    else if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
