/**
 * Server latency: a synthetic 10,000-article SQLite store (bench/serve-data.ts, stored
 * through putArticle), the real server on a free port, and sequential HTTP requests
 * from this process: 200 filtered /api/events requests (actors, types, dates, places,
 * modalities, paging, combinations) and 200 GET / (the UI's first HTML). Prints one
 * table; the target is p95 < 100 ms for both.
 *
 * BENCH_ARTICLES changes the corpus size; BENCH_DB keeps the store at a path (it is
 * reused when it already holds the corpus, to save the build on a second run).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PLOVER_TYPES } from '../src/core/record.js';
import { validateRecord } from '../src/core/schema.js';
import { DEFAULT_WEB_ROOT } from '../src/cli/serve.js';
import { startServer } from '../src/server/server.js';
import { openStore } from '../src/store/open.js';
import type { EventQuery } from '../src/store/types.js';
import { COUNTRIES, PLACES, syntheticArticle } from './serve-data.js';
import { rng } from '../src/core/rng.js';
import { percentile } from '../training/common/stats.js';

const N = Number(process.env.BENCH_ARTICLES ?? 10_000);
const REQUESTS = 200;
const TARGET_MS = 100;

const tmp = process.env.BENCH_DB ? null : mkdtempSync(join(tmpdir(), 'newsgraph-bench-serve-'));
const dbPath = process.env.BENCH_DB ?? join(tmp as string, 'bench.db');
const reuse = existsSync(dbPath);

for (let i = 0; i < 20; i++) {
  const check = validateRecord(syntheticArticle(i).record);
  if (!check.valid) throw new Error(`bench/serve-data.ts made an invalid record ${i}: ${check.errors.join('; ')}`);
}

const store = await openStore(dbPath);
const buildStart = performance.now();
let have = (await store.stats()).articles;
if (!reuse || have < N) {
  for (let i = 0; i < N; i++) await store.putArticle(syntheticArticle(i));
  have = (await store.stats()).articles;
}
const buildMs = performance.now() - buildStart;
const stats = await store.stats();

const server = await startServer({ store, port: 0, webRoot: DEFAULT_WEB_ROOT, log: (l) => console.error(l) });

/** Varied, deterministic filters: every kind alone and in combination, as the UI sends them. */
const KINDS = ['actor', 'type', 'date range', 'place', 'modality', 'actor+type', 'actor+recipient', 'actor+dates+unique'] as const;

function eventQueries(count: number): Array<{ kind: string; path: string; query: EventQuery }> {
  const r = rng(2024);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const out: Array<{ kind: string; path: string; query: EventQuery }> = [];
  for (let i = 0; i < count; i++) {
    const q = new URLSearchParams();
    const kind = KINDS[i % KINDS.length]!;
    if (kind.startsWith('actor')) q.set('actor', pick(COUNTRIES)[0]);
    if (kind === 'type' || kind === 'actor+type') q.set('type', pick(PLOVER_TYPES));
    if (kind === 'date range' || kind === 'actor+dates+unique') {
      const month = String(1 + Math.floor(r() * 12)).padStart(2, '0');
      q.set('since', `2023-${month}-01`);
      q.set('until', `2024-${month}-28`);
    }
    if (kind === 'place') q.set('place', pick(PLACES)[0]);
    if (kind === 'modality') q.set('modality', pick(['asserted', 'alleged', 'future'] as const));
    if (kind === 'actor+recipient') q.set('recipient', pick(COUNTRIES)[0]);
    if (kind === 'actor+dates+unique') q.set('unique', 'true');
    if (i % 3 === 0) q.set('limit', String(pick([20, 50, 100, 200])));
    if (i % 5 === 0) q.set('offset', String(pick([50, 100, 500])));
    // The same filters as the store takes them, to time the store without HTTP.
    const query: EventQuery = {};
    for (const [k, v] of q) {
      if (k === 'limit' || k === 'offset') query[k] = Number(v);
      else if (k === 'unique') query.uniqueArticles = v === 'true';
      else Object.assign(query, { [k]: v });
    }
    out.push({ kind, path: `/api/events?${q.toString()}`, query });
  }
  return out;
}

// node:http with keep-alive, as a browser keeps its connection: fetch() (undici) adds
// several milliseconds of client-side work per request that are not the server's.
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

function time(path: string): Promise<{ ms: number; status: number; bytes: number }> {
  const t = performance.now();
  return new Promise((resolve, reject) => {
    request(new URL(path, server.url), { agent }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ ms: performance.now() - t, status: res.statusCode ?? 0, bytes }));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}


// Warm-up: first statements compile, the page cache fills.
for (const { path } of eventQueries(20)) await time(path);
await time('/');

interface Row {
  name: string;
  ms: number[];
  bytes: number[];
  failed: number;
  /** Rows that break the total down are shown indented and do not count for the verdict. */
  detail: boolean;
}
const rows: Row[] = [];
const events: Row = { name: 'GET /api/events (filtered)', ms: [], bytes: [], failed: 0, detail: false };
const byKind = new Map<string, Row>(KINDS.map((k) => [k, { name: `  ${k}`, ms: [], bytes: [], failed: 0, detail: true }]));
// The same queries without HTTP, interleaved so both see the same cache and load: what the server adds is the difference.
const direct: Row = { name: '  (store.events() alone)', ms: [], bytes: [], failed: 0, detail: true };
for (const [i, { kind, path, query }] of eventQueries(REQUESTS).entries()) {
  const viaStore = async (): Promise<void> => {
    const t0 = performance.now();
    const page = await store.events(query);
    direct.ms.push(performance.now() - t0);
    direct.bytes.push(Buffer.byteLength(JSON.stringify(page)));
  };
  // Whichever runs second finds SQLite's page cache warm: take turns.
  if (i % 2 === 1) await viaStore();
  const t = await time(path);
  for (const row of [events, byKind.get(kind)!]) {
    row.ms.push(t.ms);
    row.bytes.push(t.bytes);
    if (t.status !== 200) row.failed++;
  }
  if (i % 2 === 0) await viaStore();
}
const home: Row = { name: 'GET / (first HTML)', ms: [], bytes: [], failed: 0, detail: false };
for (let i = 0; i < REQUESTS; i++) {
  const t = await time('/');
  home.ms.push(t.ms);
  home.bytes.push(t.bytes);
  if (t.status !== 200) home.failed++;
}
rows.push(events, ...byKind.values(), direct, home);

agent.destroy();
await server.close();
await store.close();
if (tmp) rmSync(tmp, { recursive: true, force: true });

const uiBuilt = existsSync(join(DEFAULT_WEB_ROOT, 'index.html'));
console.log(`newsgraph serve bench: ${stats.articles} articles, ${stats.events} events, ${stats.quotes} quotes (SQLite${reuse && buildMs < 1000 ? ', reused' : `, built in ${(buildMs / 1000).toFixed(1)} s`})`);
console.log(`sequential requests over HTTP (one keep-alive connection, like a browser tab); UI ${uiBuilt ? 'built (web/dist)' : 'not built: GET / answers the "not built" page'}`);
console.log('');
console.log('route                         requests   p50 ms   p95 ms   max ms   mean bytes   non-200   p95 < 100 ms');
for (const r of rows) {
  const p95 = percentile(r.ms, 95);
  console.log(
    r.name.padEnd(29) +
      String(r.ms.length).padStart(9) +
      percentile(r.ms, 50).toFixed(1).padStart(9) +
      p95.toFixed(1).padStart(9) +
      Math.max(...r.ms).toFixed(1).padStart(9) +
      String(Math.round(r.bytes.reduce((a, b) => a + b, 0) / r.bytes.length)).padStart(13) +
      String(r.failed).padStart(10) +
      (r.detail ? '' : p95 < TARGET_MS ? 'yes' : 'NO').padStart(15),
  );
}
const missed = rows.some((r) => !r.detail && (r.failed > 0 || percentile(r.ms, 95) >= TARGET_MS));
if (have < N) console.log(`warning: the store holds ${have} articles, fewer than the ${N} asked for`);
process.exitCode = missed ? 1 : 0;
