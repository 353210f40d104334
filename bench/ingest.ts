/**
 * Ingest throughput: the scale-out over PostgreSQL (1 worker process, then 2, each on a
 * fresh store with the same queued inputs) and the single-process SQLite ingest with the
 * share of its CPU spent on the store (against the same ingest with writes discarded).
 * One table at the end.
 *
 * Articles: BBC News 2004-05 from ../shared/data/news-text when present (research use;
 * not copied into the project), else examples/articles/ or examples/article.txt; each
 * copy gets a line of its own so every input has its own key. Written as text files to
 * a temporary directory, so the workers read them by path the way a real corpus is read.
 *
 * PostgreSQL: NEWSGRAPH_TEST_PG or --db postgres://…; each run gets its own schema,
 * dropped afterwards. Without one the PostgreSQL rows are skipped with a note.
 *
 *   npm run bench:ingest -- [--db postgres://…] [--n 200] [--threads 1] [--source]
 *
 * --source runs the workers from the TypeScript sources (tsx) even when dist/ has a
 * build, which may be older than the sources.
 *
 * CPU per article, after each worker's first job (start-up and model loading left out):
 * the worker processes' extraction and everything else (claims, reads, row derivation,
 * the database protocol; src/corpus/scale-out.ts measures it), and the PostgreSQL server:
 * the backends serving them and the server's background processes (read from /proc, so
 * only when the server runs on this machine; the backends are found by an
 * application_name given to each worker of this run). The server's figure is given over
 * the whole run, which includes each backend's start-up (~70 ms, heavy in a short run),
 * and after each worker's first job (the workers report when that was). From these the
 * table gives the best ratio 2 workers could reach on this machine's cores: the 1-worker
 * rate doubled, unless the cores run out first (every article costs extraction + other +
 * server CPU after start-up, wherever it runs).
 *
 * Worker processes start from scratch (models load in each, ~1–2 s), and that start-up
 * is part of the measured time, as it is in a real run; with few articles it weighs.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { ingest } from '../src/corpus/ingest.js';
import { enqueueInputs } from '../src/corpus/scale-out.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/types.js';
import { JobQueue } from '../src/store/postgres/queue.js';
import { REPO, commandFor } from '../test/ingest-support/command.js';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    n: { type: 'string', default: process.env.BENCH_ARTICLES ?? '200' },
    threads: { type: 'string', default: '1' },
    source: { type: 'boolean', default: false },
  },
});
const N = Number(values.n);
const THREADS = Number(values.threads);
const PG_URL = values.db ?? process.env.NEWSGRAPH_TEST_PG;

const BBC = fileURLToPath(new URL('../../shared/data/news-text/bbc-news-articles.jsonl', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('../examples/articles', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../examples/article.txt', import.meta.url));

function baseArticles(): { source: string; texts: string[] } {
  if (existsSync(BBC)) {
    const texts: string[] = [];
    for (const line of readFileSync(BBC, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const { title, text } = JSON.parse(line) as { title: string; text: string };
      texts.push(`${title}\n\n${text}`);
      if (texts.length >= N) break;
    }
    return { source: 'BBC News (../shared/data/news-text)', texts };
  }
  if (existsSync(EXAMPLES)) {
    const files = readdirSync(EXAMPLES).filter((f) => !f.startsWith('.')).sort();
    return { source: 'examples/articles/', texts: files.map((f) => readFileSync(join(EXAMPLES, f), 'utf8')) };
  }
  return { source: 'examples/article.txt', texts: [readFileSync(EXAMPLE, 'utf8')] };
}

function writeCorpus(dir: string): string {
  const { source, texts } = baseArticles();
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < N; i++) {
    // The added line makes each copy a different input (a different key), as repeats would not be.
    writeFileSync(join(dir, `${String(i).padStart(6, '0')}.txt`), `${texts[i % texts.length]!.trimEnd()}\n\nBench copy ${i}.\n`);
  }
  return source;
}

interface Row {
  run: string;
  articles: number;
  seconds: number;
  perSecond: number;
  /** Articles/s once start-up is over (scale-out rows). */
  steady?: number;
  /**
   * CPU ms per article: worker extraction and other after each worker's first job; the
   * server over the whole run, and after each worker's first job (null: not measurable here).
   */
  cpu?: { extract: number | null; other: number | null; server: number | null; serverSteady: number | null };
  note: string;
}

function withSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('schema', schema);
  return u.href;
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const u = new URL(url);
  u.searchParams.delete('schema');
  const client = new pg.Client({ connectionString: u.href });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`); // schema names are generated below: [a-z0-9_]
  } finally {
    await client.end();
  }
}

interface WorkerCpu {
  totalMs: number;
  extractMs: number | null;
  otherMs: number | null;
}

interface WorkerJson {
  added: number;
  skipped: number;
  failed: number;
  jobs: number;
  ms: number;
  firstJobMs: number | null;
  /** Date.now() when the first job was done (absent from workers built before it was added). */
  firstJobAt?: number | null;
  cpu?: { end: WorkerCpu; firstJob: WorkerCpu | null };
}

function workerCommand(): { node: string[]; label: string } {
  if (!values.source) return commandFor('worker');
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return { node: ['--import', tsx, join(REPO, 'test/ingest-support/cli.ts'), 'worker'], label: 'tsx test/ingest-support/cli.ts (--source)' };
}

/** utime + stime of a process in ms (clock ticks of 10 ms), or null when it is not on this machine. */
function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** What the server had spent at one moment: its backends' CPU by application_name, and its background processes'. */
interface ServerSample {
  /** Date.now() when taken. */
  at: number;
  backends: Map<string, number>;
  background: number;
}

/**
 * Samples, every 100 ms until stopped, the CPU of the server backends whose
 * application_name starts with `app` (by application_name, so each worker's can be told
 * apart): each backend's last reading counts (a backend's CPU in its last 100 ms before it
 * exits is missed). Also the server's background processes (WAL writer, checkpointer,
 * background writer: the rows of pg_stat_activity without a database), from their first
 * reading, since what a backend leaves undone — flushing the WAL of an asynchronous
 * commit — they do. Null when a /proc entry cannot be read (a remote server).
 */
function sampleServerCpu(url: string, app: string): { stop: () => Promise<ServerSample[] | null> } {
  const u = new URL(url);
  u.searchParams.delete('schema');
  const client = new pg.Client({ connectionString: u.href });
  const seen = new Map<number, { app: string; ms: number }>();
  const backgroundFirst = new Map<number, number>();
  const backgroundLast = new Map<number, number>();
  const samples: ServerSample[] = [];
  let remote = false;
  let running = true;
  const sample = (): ServerSample => {
    const backends = new Map<string, number>();
    for (const b of seen.values()) backends.set(b.app, (backends.get(b.app) ?? 0) + b.ms);
    let background = 0;
    for (const [pid, ms] of backgroundLast) background += ms - (backgroundFirst.get(pid) ?? ms);
    return { at: Date.now(), backends, background };
  };
  const loop = (async () => {
    await client.connect();
    while (running) {
      const r = await client.query<{ pid: number; app: string | null; ours: boolean }>(
        "SELECT pid, application_name AS app, starts_with(application_name, $1) AS ours FROM pg_stat_activity WHERE starts_with(application_name, $1) OR datname IS NULL",
        [app],
      );
      for (const { pid, app: name, ours } of r.rows) {
        const ms = processCpuMs(pid);
        if (ms === null) {
          if (ours) remote = true;
        } else if (ours) {
          seen.set(pid, { app: name ?? app, ms: Math.max(ms, seen.get(pid)?.ms ?? 0) });
        } else {
          if (!backgroundFirst.has(pid)) backgroundFirst.set(pid, ms);
          backgroundLast.set(pid, ms);
        }
      }
      samples.push(sample());
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await client.end();
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return remote || seen.size === 0 ? null : samples;
    },
  };
}

const total = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);

/** The last sample taken by `at` (the first one when none was). */
function sampleAt(samples: readonly ServerSample[], at: number): ServerSample {
  let out = samples[0]!;
  for (const s of samples) if (s.at <= at) out = s;
  return out;
}

/**
 * Server CPU per article once each worker had finished its first job: its backends' CPU
 * from that moment to the end, over the jobs it did after it; the background processes'
 * from the first worker's first job. This leaves out what every new backend costs once
 * (catalog caches, the first plan of each statement: ~70 ms a backend), which the
 * whole-run figure spreads over few articles in a short run.
 */
function steadyServerCpu(samples: readonly ServerSample[], workers: ReadonlyArray<{ app: string; json: WorkerJson }>): { backends: number; background: number } | null {
  const end = samples[samples.length - 1];
  if (!end || workers.some((w) => w.json.firstJobAt === null || w.json.firstJobAt === undefined)) return null;
  let backends = 0;
  let articles = 0;
  for (const w of workers) {
    const from = sampleAt(samples, w.json.firstJobAt!);
    backends += (end.backends.get(w.app) ?? 0) - (from.backends.get(w.app) ?? 0);
    articles += w.json.jobs - 1;
  }
  if (articles <= 0) return null;
  const earliest = sampleAt(samples, Math.min(...workers.map((w) => w.json.firstJobAt!)));
  return { backends: backends / articles, background: (end.background - earliest.background) / articles };
}

function runWorkerProcess(url: string, id: string): Promise<{ code: number | null; json: WorkerJson | null; output: string }> {
  const command = workerCommand();
  const child = spawn(process.execPath, [...command.node, '--db', url, '--once', '--workers', String(THREADS), '--no-analyse', '--quiet', '--json', '--poll', '0.2', '--id', id], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      const line = output.split('\n').find((l) => l.startsWith('{'));
      resolve({ code, json: line ? JSON.parse(line) : null, output });
    }),
  );
}

async function scaleOut(url: string, dir: string, processes: number): Promise<Row> {
  const schema = `bench_ingest_${processes}w_${randomBytes(4).toString('hex')}`;
  const target = withSchema(url, schema);
  try {
    const queue = await JobQueue.open(target);
    try {
      const queued = await enqueueInputs(queue, [dir]);
      if (queued.enqueued !== N) throw new Error(`queued ${queued.enqueued} of ${N} inputs`);
    } finally {
      await queue.close();
    }
    // The store's schema is created before the clock starts, as it would be in a real deployment.
    await (await openStore(target)).close();
    // Each worker's connections carry a name of this run's and its own, so the server
    // backends serving it can be told apart.
    const app = `ng_bench_${randomBytes(4).toString('hex')}`;
    const sampler = sampleServerCpu(url, app);
    const t0 = performance.now();
    const apps = Array.from({ length: processes }, (_, i) => `${app}_${i + 1}`);
    const results = await Promise.all(apps.map((name, i) => {
      const workerUrl = new URL(target);
      workerUrl.searchParams.set('application_name', name);
      return runWorkerProcess(workerUrl.href, `bench-${i + 1}`);
    }));
    const seconds = (performance.now() - t0) / 1000;
    const samples = await sampler.stop();
    for (const r of results) if (r.code !== 0 || !r.json) throw new Error(`worker failed (exit ${r.code}):\n${r.output}`);
    const added = results.reduce((s, r) => s + r.json!.added, 0);
    if (added !== N) throw new Error(`workers added ${added} of ${N} articles`);
    const split = results.map((r) => r.json!.jobs).join(' + ');
    // After each process's first job (start-up, model loading): articles/s summed over the processes.
    const steady = results.reduce((s, r) => s + (r.json!.jobs - 1) / ((r.json!.ms - (r.json!.firstJobMs ?? 0)) / 1000), 0);
    const startup = Math.max(...results.map((r) => r.json!.firstJobMs ?? 0)) / 1000;
    const cpu = workerCpu(results.map((r) => r.json!));
    // Over the whole run the server's CPU includes each backend's start (connections, key
    // look-ups, the first plans of each statement); the steady figure leaves it out.
    const end = samples?.[samples.length - 1];
    const server = end === undefined ? null : (total(end.backends) + end.background) / added;
    const serverNote = end === undefined ? '' : ` (backends ${ms(total(end.backends) / added)} + background ${ms(end.background / added)})`;
    const steadyServer = samples === null ? null : steadyServerCpu(samples, results.map((r, i) => ({ app: apps[i]!, json: r.json! })));
    const serverSteady = steadyServer === null ? null : steadyServer.backends + steadyServer.background;
    const steadyNote = steadyServer === null ? '' : `; server after first job ${ms(serverSteady)} (backends ${ms(steadyServer.backends)} + background ${ms(steadyServer.background)})`;
    return {
      run: `PostgreSQL, ${processes} worker process${processes > 1 ? 'es' : ''} × ${THREADS} thread${THREADS > 1 ? 's' : ''}`,
      articles: added,
      seconds,
      perSecond: added / seconds,
      steady,
      cpu: { ...cpu, server, serverSteady },
      note: `jobs ${split}; first job done after ${startup.toFixed(1)} s (start-up, models), ${steady.toFixed(1)} articles/s after it; CPU ms/article: ${cpuText({ ...cpu, server })}${serverNote}${steadyNote}`,
    };
  } finally {
    await dropSchema(url, schema);
  }
}

/** Workers' CPU per article after their first job: extraction and the rest (null when a worker could not tell them apart). */
function workerCpu(results: readonly WorkerJson[]): { extract: number | null; other: number | null } {
  let extract: number | null = 0;
  let other: number | null = 0;
  let articles = 0;
  for (const r of results) {
    const end = r.cpu?.end;
    const first = r.cpu?.firstJob;
    if (!end || !first || end.extractMs === null || first.extractMs === null || end.otherMs === null || first.otherMs === null) return { extract: null, other: null };
    extract += end.extractMs - first.extractMs;
    other += end.otherMs - first.otherMs;
    articles += r.jobs - 1;
  }
  return articles > 0 ? { extract: extract / articles, other: other / articles } : { extract: null, other: null };
}

const ms = (x: number | null): string => (x === null ? 'n/a' : x.toFixed(1));

function cpuText(c: { extract: number | null; other: number | null; server: number | null }): string {
  return `worker extraction ${ms(c.extract)} / worker other ${ms(c.other)} / server ${ms(c.server)}`;
}

/**
 * The store with its writes discarded: putArticle and the key look-ups answer at once.
 * Ingest with it costs everything but the store, so the difference in process CPU per
 * article is what storing costs — wall-clock "time awaiting writes" overstates it, as the
 * main thread writes while the extraction thread works and an await also waits for
 * whatever else the event loop runs first.
 */
function discardingStore(store: Store): Store {
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'putArticle') return async () => true;
      if (prop === 'existingKeys') return async () => new Set<string>();
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
}

interface SqliteRun {
  row: Row;
  /** Process CPU per article (all threads: extraction, reading, writing). */
  cpuMs: number;
}

async function sqliteSingle(dir: string, workers: number, discard = false): Promise<SqliteRun> {
  const root = mkdtempSync(join(tmpdir(), 'ng-bench-sqlite-'));
  const real = await openStore(join(root, 'bench.db'));
  const store = discard ? discardingStore(real) : real;
  try {
    const c0 = process.cpuUsage();
    const r = await ingest([dir], { store, workers, analyse: false });
    const c = process.cpuUsage(c0);
    if (r.added !== N) throw new Error(`SQLite ingest added ${r.added} of ${N}: ${JSON.stringify(r.failures.slice(0, 3))}`);
    const cpuMs = (c.user + c.system) / 1000 / r.added;
    return {
      cpuMs,
      row: {
        run: `${discard ? 'no store (writes discarded)' : 'SQLite'}, 1 process × ${workers} thread${workers > 1 ? 's' : ''}`,
        articles: r.added,
        seconds: r.ms / 1000,
        perSecond: (r.added * 1000) / r.ms,
        note: discard
          ? `process CPU ${cpuMs.toFixed(1)} ms/article (models included)`
          // storeMs is wall time awaiting writes, which with in-process extraction includes
          // extraction holding the event loop; the process's CPU per article is the firmer figure.
          : `process CPU ${cpuMs.toFixed(1)} ms/article (models included); awaiting store writes ${((100 * r.storeMs) / r.ms).toFixed(1)}% of the run (wall, ${(r.storeMs / r.added).toFixed(1)} ms/article), key look-ups ${r.lookupMs.toFixed(0)} ms`,
      },
    };
  } finally {
    await real.close();
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * The best 2-worker rate on this machine, from the 1-worker run: twice its rate, unless
 * the cores run out first — every article costs its extraction, the rest of the worker's
 * work and the server's, on the same cores when the server is local.
 */
function boundText(one: Row): string {
  const c = one.cpu;
  if (!c || c.extract === null || c.other === null) return '';
  // Per article after start-up, like the rates it bounds: the server's steady figure when there is one.
  const server = c.serverSteady ?? c.server;
  const perArticle = c.extract + c.other + (server ?? 0);
  const cores = availableParallelism();
  const byCores = (1000 * cores) / perArticle;
  const bound = Math.min(2 * one.steady!, byCores);
  const what = server === null ? 'worker CPU only: the server is not on this machine' : `worker + server CPU${c.serverSteady === null ? ' (whole run)' : ''}`;
  return `; bound ×${(bound / one.steady!).toFixed(2)} (${cores} cores / ${perArticle.toFixed(1)} ms per article of ${what} = ${byCores.toFixed(1)} articles/s, vs 2 × ${one.steady!.toFixed(1)})`;
}

async function main(): Promise<void> {
  if (!Number.isInteger(N) || N < 1 || !Number.isInteger(THREADS) || THREADS < 0) throw new Error('--n must be ≥ 1 and --threads ≥ 0');
  const dir = mkdtempSync(join(tmpdir(), 'ng-bench-ingest-'));
  try {
    const source = writeCorpus(join(dir, 'corpus'));
    const corpus = join(dir, 'corpus');
    console.log(`ingest bench: ${N} articles from ${source}; ${availableParallelism()} CPUs; worker command: ${workerCommand().label}`);
    const rows: Row[] = [];
    const discarded = await sqliteSingle(corpus, THREADS, true);
    const sqlite = await sqliteSingle(corpus, THREADS);
    rows.push(discarded.row, sqlite.row);
    const storeShare = `store share of SQLite ingest CPU: ${(sqlite.cpuMs - discarded.cpuMs).toFixed(1)} of ${sqlite.cpuMs.toFixed(1)} ms/article = ${(
      (100 * (sqlite.cpuMs - discarded.cpuMs)) / sqlite.cpuMs
    ).toFixed(1)}% (process CPU with the store minus without it)`;
    let ratio: string | null = null;
    if (PG_URL) {
      const one = await scaleOut(PG_URL, corpus, 1);
      rows.push(one);
      const two = await scaleOut(PG_URL, corpus, 2);
      rows.push(two);
      ratio = `×${(two.perSecond / one.perSecond).toFixed(2)} overall, ×${(two.steady! / one.steady!).toFixed(2)} after start-up${boundText(one)}`;
    } else {
      console.log('PostgreSQL scale-out skipped: set NEWSGRAPH_TEST_PG=postgres://… or pass --db postgres://…');
    }
    console.log('');
    console.log('| run | articles | seconds | articles/s | notes |');
    console.log('|---|---:|---:|---:|---|');
    for (const r of rows) console.log(`| ${r.run} | ${r.articles} | ${r.seconds.toFixed(1)} | ${r.perSecond.toFixed(1)} | ${r.note} |`);
    if (PG_URL) {
      console.log('\nserver = PostgreSQL CPU per article over the whole run; "server after first job" leaves out each backend\'s start-up '
        + '(~70 ms: catalog caches, first plans), counting only what each worker\'s backends spent after its first job, per article done after it.');
    }
    console.log(`\n${storeShare}`);
    if (ratio !== null) console.log(`\n2 worker processes / 1: ${ratio}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
