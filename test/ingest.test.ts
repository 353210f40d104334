// Ingest: the article key, the extraction pool (threads, crashes, timeouts), progress
// output, and ingest itself into a temporary SQLite store (counts, idempotency,
// failed inputs named, exit code through the CLI entry).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { runIngest } from '../src/cli/ingest.js';
import { NewsgraphError } from '../src/core/errors.js';
import { runWorker } from '../src/cli/worker.js';
import { ingest } from '../src/corpus/ingest.js';
import type { IngestProgress, IngestResult } from '../src/corpus/ingest.js';
import { articleKey } from '../src/corpus/key.js';
import { ExtractPool, LONG_INPUT_CHARS } from '../src/corpus/pool.js';
import { YOUNG_GENERATION_MB } from '../src/corpus/thread-limits.js';
import { ProgressReporter, summaryLines } from '../src/corpus/progress.js';
import { extract } from '../src/extract.js';
import type { RawInput } from '../src/ingest/types.js';
import { openStore } from '../src/store/open.js';
import { articleText, writeArticles } from './ingest-support/articles.js';
import { fileScratchDir } from './support/scratch-dir.js';

const root = fileScratchDir('ng-ingest-');
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const raw = (name: string, content: string): RawInput => ({ name, uri: null, kind: 'raw', content });

describe('articleKey', () => {
  it('is the first 16 hex digits of sha256(kind + "\\n" + content)', () => {
    // sha256("raw\nabc"), computed independently: printf 'raw\nabc' | sha256sum
    expect(articleKey({ kind: 'raw', content: 'abc' })).toBe('3b92e3bc95281ed0');
    expect(articleKey({ kind: 'text', content: 'abc' })).not.toBe(articleKey({ kind: 'raw', content: 'abc' }));
  });
});

/** A worker speaking extract-worker's protocol that misbehaves on demand. */
const MISBEHAVING = new URL(
  'data:text/javascript,' +
    encodeURIComponent(`
import { parentPort, resourceLimits } from 'node:worker_threads';
parentPort.on('message', (req) => {
  const c = req.raw.content;
  if (c === 'limits') return parentPort.postMessage({ type: 'result', id: req.id, outcome: { ok: true, record: { text: JSON.stringify(resourceLimits) }, simhash: '0000000000000000' } });
  if (c === 'throw') throw new Error('boom');
  if (c === 'exit') process.exit(3);
  if (c === 'hang') for (;;) {}
  if (c.startsWith('slow:')) { const until = Date.now() + parseInt(c.slice(5), 10); while (Date.now() < until) {} }
  if (c.startsWith('timed:')) {
    const start = Date.now();
    while (Date.now() < start + parseInt(c.slice(6), 10)) {}
    return parentPort.postMessage({ type: 'result', id: req.id, outcome: { ok: true, record: { text: JSON.stringify({ start, end: Date.now() }) }, simhash: '0000000000000000' } });
  }
  parentPort.postMessage({ type: 'result', id: req.id, outcome: { ok: true, record: { text: c }, simhash: '0000000000000000' } });
});
parentPort.postMessage({ type: 'ready' });
`),
);
/** A worker that records a shared table when asked to, and reports which it holds. */
const RECORDING = new URL(
  'data:text/javascript,' +
    encodeURIComponent(`
import { parentPort, workerData } from 'node:worker_threads';
const tables = workerData.record ? { probe: { type: 'Int32Array', buffer: new SharedArrayBuffer(4) } } : undefined;
if (tables) new Int32Array(tables.probe.buffer)[0] = 42;
parentPort.on('message', (req) => {
  const until = Date.now() + 100;
  while (Date.now() < until) {}
  const text = JSON.stringify({ record: workerData.record === true, probe: workerData.tables ? new Int32Array(workerData.tables.probe.buffer)[0] : null });
  parentPort.postMessage({ type: 'result', id: req.id, outcome: { ok: true, record: { text }, simhash: '0000000000000000' } });
});
parentPort.postMessage({ type: 'ready', ...(tables ? { tables } : {}) });
`),
);
const BROKEN = new URL('data:text/javascript,' + encodeURIComponent(`throw new Error('cannot load models');`));

describe('ExtractPool', () => {
  it('extracts in worker threads the same records as in-process', async () => {
    const pool = new ExtractPool({ workers: 2 });
    try {
      const inputs = [0, 1, 2].map((i) => raw(`a${i}`, articleText(i)));
      const outcomes = await Promise.all(inputs.map((r) => pool.extract(r)));
      outcomes.forEach((o, i) => {
        expect(o.ok).toBe(true);
        if (!o.ok) return;
        expect(o.record).toEqual(extract(inputs[i]!));
        expect(o.simhash).toMatch(/^[0-9a-f]{16}$/);
      });
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('replaces a thread that crashes and reports its article as failed, by name', async () => {
    const pool = new ExtractPool({ workers: 1, entry: MISBEHAVING });
    try {
      const outcomes = await Promise.all(['a', 'throw', 'b', 'exit', 'c'].map((c) => pool.extract(raw(`in-${c}`, c))));
      expect(outcomes.map((o) => (o.ok ? 'ok' : `${o.error.code} ${o.error.input}`))).toEqual(['ok', 'E_INTERNAL in-throw', 'ok', 'E_INTERNAL in-exit', 'ok']);
      expect(outcomes[1]!.ok ? '' : outcomes[1]!.error.message).toContain('boom');
      expect(pool.crashes).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it('stops a thread stuck past the timeout and goes on with a new one', async () => {
    const pool = new ExtractPool({ workers: 1, entry: MISBEHAVING, timeoutMs: 300 });
    try {
      const outcomes = await Promise.all(['hang', 'after'].map((c) => pool.extract(raw(c, c))));
      expect(outcomes[0]).toMatchObject({ ok: false, error: { code: 'E_TIMEOUT', input: 'hang' } });
      expect(outcomes[1]!.ok).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('gives a long text more time, in proportion to its length', async () => {
    const pool = new ExtractPool({ workers: 1, entry: MISBEHAVING, timeoutMs: 300, timeoutPerMbMs: 1000 });
    try {
      // 600 ms of work: past the base limit for a short text, within it plus 1 s per million characters for a long one.
      const long = await pool.extract(raw('long', `slow:600 ${'x'.repeat(1_000_000)}`));
      expect(long.ok).toBe(true);
      const short = await pool.extract(raw('short', 'slow:600'));
      expect(short).toMatchObject({ ok: false, error: { code: 'E_TIMEOUT', input: 'short' } });
      expect(short.ok ? '' : short.error.message).toContain('300 ms');
    } finally {
      await pool.close();
    }
  });

  it('extracts long inputs one at a time, and short ones beside them', async () => {
    const pool = new ExtractPool({ workers: 2, entry: MISBEHAVING });
    try {
      const long = (ms: number): string => `timed:${ms} ${'x'.repeat(LONG_INPUT_CHARS)}`;
      const outcomes = await Promise.all([raw('long1', long(300)), raw('long2', long(300)), raw('short', 'timed:50')].map((r) => pool.extract(r)));
      const [a, b, c] = outcomes.map((o) => {
        if (!o.ok) throw new Error(o.error.message);
        return JSON.parse((o.record as unknown as { text: string }).text) as { start: number; end: number };
      });
      expect(b!.start).toBeGreaterThanOrEqual(a!.end);
      // The short one did not wait behind the second long one.
      expect(c!.start).toBeLessThan(a!.end);
    } finally {
      await pool.close();
    }
  });

  it('fails every article with the reason when threads cannot even start, instead of respawning', async () => {
    const pool = new ExtractPool({ workers: 2, entry: BROKEN });
    try {
      const outcomes = await Promise.all(['a', 'b', 'c'].map((c) => pool.extract(raw(c, c))));
      for (const o of outcomes) expect(o).toMatchObject({ ok: false, error: { code: 'E_INTERNAL' } });
      expect(pool.failure?.message).toContain('cannot load models');
      await expect(pool.extract(raw('d', 'd'))).rejects.toThrow(/cannot load models/);
    } finally {
      await pool.close();
    }
  });

  it('bounds each thread\'s young generation, under the limits the caller adds', async () => {
    const limitsOf = async (pool: ExtractPool): Promise<Record<string, number>> => {
      try {
        const o = await pool.extract(raw('limits', 'limits'));
        if (!o.ok) throw new Error(o.error.message);
        return JSON.parse((o.record as unknown as { text: string }).text) as Record<string, number>;
      } finally {
        await pool.close();
      }
    };
    expect(await limitsOf(new ExtractPool({ workers: 1, entry: MISBEHAVING }))).toMatchObject({ maxYoungGenerationSizeMb: YOUNG_GENERATION_MB });
    expect(await limitsOf(new ExtractPool({ workers: 1, entry: MISBEHAVING, resourceLimits: { maxOldGenerationSizeMb: 512 } }))).toMatchObject({
      maxYoungGenerationSizeMb: YOUNG_GENERATION_MB,
      maxOldGenerationSizeMb: 512,
    });
    expect(await limitsOf(new ExtractPool({ workers: 1, entry: MISBEHAVING, resourceLimits: { maxYoungGenerationSizeMb: 48 } }))).toMatchObject({ maxYoungGenerationSizeMb: 48 });
  });

  it('starts the other threads with the tables the first one built into shared memory', async () => {
    const pool = new ExtractPool({ workers: 2, entry: RECORDING, maxPending: 6 });
    try {
      const outcomes = await Promise.all(['1', '2', '3', '4', '5', '6'].map((c) => pool.extract(raw(c, c))));
      const seen = new Set(outcomes.map((o) => (o.ok ? (o.record as unknown as { text: string }).text : o.error.message)));
      expect([...seen].sort()).toEqual(['{"record":false,"probe":42}', '{"record":true,"probe":null}']);
    } finally {
      await pool.close();
    }
  });

  it('holds callers at ready() once maxPending articles are in the pool', async () => {
    const pool = new ExtractPool({ workers: 1, entry: MISBEHAVING, maxPending: 2 });
    try {
      const first = [pool.extract(raw('1', '1')), pool.extract(raw('2', '2'))];
      let passed = false;
      const gate = pool.ready().then(() => (passed = true));
      await Promise.resolve();
      expect(passed).toBe(false);
      await Promise.all(first);
      await gate;
      expect(passed).toBe(true);
    } finally {
      await pool.close();
    }
  });
});

const progress = (p: Partial<IngestProgress>): IngestProgress => ({ seen: 0, added: 0, skipped: 0, failed: 0, done: 0, total: null, elapsedMs: 0, ...p });

describe('progress', () => {
  it('redraws one line in place on a terminal, with a bar once the total is known', () => {
    const chunks: string[] = [];
    const r = new ProgressReporter({ write: (c: string) => chunks.push(c), isTTY: true, columns: 120 }, { redrawMs: 0 });
    r.update(progress({ seen: 5, done: 2, added: 2, elapsedMs: 1000 }));
    r.update(progress({ seen: 10, done: 10, added: 7, skipped: 2, failed: 1, total: 10, elapsedMs: 2000 }));
    r.finish();
    expect(chunks[0]).toBe('\r2 of 5+ articles  2.0/s  added 2  skipped 0  errors 0\x1b[K');
    expect(chunks[1]).toMatch(/^\r\[#{30}\] 10\/10 articles {2}5\.0\/s {2}added 7 {2}skipped 2 {2}errors 1\x1b\[K$/);
    expect(chunks[2]).toBe('\r\x1b[K');
    expect(chunks.join('')).not.toContain('\n');
  });

  it('never draws past the last column: the bar goes first on a narrow terminal', () => {
    for (const columns of [0, 40, 72, 200]) {
      const chunks: string[] = [];
      const r = new ProgressReporter({ write: (c: string) => chunks.push(c), isTTY: true, columns }, { redrawMs: 0 });
      r.update(progress({ seen: 1234, done: 1000, added: 990, skipped: 5, failed: 5, total: 1234, elapsedMs: 10_000 }));
      const visible = chunks[0]!.replace(/^\r/, '').replace(/\x1b\[K$/, '');
      expect(visible.length).toBeLessThan(columns > 0 ? columns : 80);
      if (columns >= 100) expect(visible).toMatch(/^\[#+-+\] 1000\/1234 articles/);
    }
  });

  it('writes plain lines every N articles when not a terminal', () => {
    const chunks: string[] = [];
    const r = new ProgressReporter({ write: (c: string) => chunks.push(c) }, { everyArticles: 10, everySeconds: 3600 });
    for (let done = 1; done <= 25; done++) r.update(progress({ seen: done, done, added: done, elapsedMs: done * 100 }));
    expect(chunks).toEqual(['newsgraph ingest: 10 of 10+ articles  10.0/s  added 10  skipped 0  errors 0\n', 'newsgraph ingest: 20 of 20+ articles  10.0/s  added 20  skipped 0  errors 0\n']);
  });

  it('summarises counts, rate, store share and each failure with its code', () => {
    const result: IngestResult = {
      seen: 4, added: 2, skipped: 1, failed: 1, ms: 2000, storeMs: 500, lookupMs: 10, crashes: 0, interrupted: false, analysis: null, unanalysed: 0,
      failures: [{ name: 'empty.txt', code: 'E_EMPTY', message: 'input has no bytes' }],
    };
    expect(summaryLines(result)).toEqual([
      'ingested 4 inputs in 2.0 s (2.0 articles/s): 2 added, 1 skipped (already stored), 1 failed',
      'store: 0.5 s writing (25.0% of the run), 0.0 s looking up keys',
      'failed:',
      '  empty.txt: input has no bytes [E_EMPTY]',
    ]);
    // Without the analysis (--no-analyse, or interrupted), the events it has not taken in are counted.
    expect(summaryLines({ ...result, unanalysed: 17 })[2]).toBe('analysis: not run; 17 stored events are in no cluster yet (newsgraph analyse)');
  });
});

describe('ingest into SQLite', () => {
  const dbPath = (name: string): string => join(root, `${name}.db`);

  it('stores every article once; re-ingesting adds nothing; a grown corpus adds only the new ones', async () => {
    const dir = join(root, 'corpus');
    writeArticles(dir, 6);
    const store = await openStore(dbPath('idem'));
    try {
      const seen: IngestProgress[] = [];
      const first = await ingest([dir], { store, workers: 1, onProgress: (p) => seen.push(p) });
      expect(first).toMatchObject({ seen: 6, added: 6, skipped: 0, failed: 0, failures: [], interrupted: false });
      expect(first.analysis?.articles).toBe(6);
      expect(seen.at(-1)).toMatchObject({ done: 6, total: 6, added: 6 });
      expect((await store.stats()).articles).toBe(6);

      // In-process from here on: the threaded path is covered above and by test/kill.test.ts.
      const again = await ingest([dir], { store, workers: 0 });
      expect(again).toMatchObject({ seen: 6, added: 0, skipped: 6, failed: 0 });
      expect((await store.stats()).articles).toBe(6);

      // A grown corpus: only the new ones are added; a repeated input counts as skipped.
      writeArticles(dir, 2, 6);
      writeFileSync(join(root, 'copy-of-1.txt'), articleText(0));
      const grown = await ingest([dir, join(root, 'copy-of-1.txt')], { store, workers: 0, analyse: false });
      expect(grown).toMatchObject({ seen: 9, added: 2, skipped: 7, failed: 0, analysis: null });
      expect(again.unanalysed).toBeNull();
      expect(grown.unanalysed).toBe((await store.stats()).unanalysed);
      expect(grown.unanalysed).toBeGreaterThan(0);
      expect((await store.stats()).articles).toBe(8);
    } finally {
      await store.close();
    }
  }, 60_000);

  it('waits out a store another process holds locked, and fails the article once it waited too long', async () => {
    const dir = join(root, 'busy');
    writeArticles(dir, 3);
    const store = await openStore(dbPath('busy'));
    try {
      // A store that is busy for its first four writes, as while an analysis applies its result.
      let busy = 4;
      const put = store.putArticle.bind(store);
      store.putArticle = (input) => (busy-- > 0 ? Promise.reject(new NewsgraphError('E_STORE_BUSY', 'the store is locked', { input: 'x.db' })) : put(input));
      const patient = await ingest([dir], { store, workers: 0, analyse: false });
      expect(patient).toMatchObject({ added: 3, failed: 0 });
      writeArticles(dir, 1, 3);
      busy = 1;
      const hasty = await ingest([dir], { store, workers: 0, analyse: false, busyRetryMs: 0 });
      expect(hasty).toMatchObject({ added: 0, skipped: 3, failed: 1 });
      expect(hasty.failures[0]).toMatchObject({ code: 'E_STORE_BUSY' });
    } finally {
      await store.close();
    }
  }, 60_000);

  it('stops reading on the abort signal, finishes what is in flight, and a rerun does the rest', async () => {
    const dir = join(root, 'interrupted');
    writeArticles(dir, 8);
    const store = await openStore(dbPath('interrupted'));
    try {
      const controller = new AbortController();
      const stopped = await ingest([dir], { store, workers: 0, batchSize: 2, signal: controller.signal, onProgress: (p) => p.added === 2 && controller.abort() });
      expect(stopped.interrupted).toBe(true);
      expect(stopped.analysis).toBeNull();
      expect(stopped.added).toBeGreaterThanOrEqual(2);
      expect(stopped.added).toBeLessThan(8);
      expect(stopped.seen).toBe(stopped.added);
      const rest = await ingest([dir], { store, workers: 0, analyse: false });
      expect(rest).toMatchObject({ added: 8 - stopped.added, skipped: stopped.added, interrupted: false });
    } finally {
      await store.close();
    }
  }, 60_000);

  it('lists broken inputs as failed with their names and stores the others', async () => {
    const dir = join(root, 'mixed');
    writeArticles(dir, 3);
    const empty = join(dir, 'empty.txt');
    const badUtf8 = join(dir, 'bad-utf8.txt');
    writeFileSync(empty, '');
    // A lone continuation byte and a truncated sequence: not UTF-8, and declared as such.
    writeFileSync(badUtf8, Buffer.concat([Buffer.from('Storm hits coast\n\nRain fell '), Buffer.from([0x80, 0xc3]), Buffer.from(' all day.\n')]));
    const store = await openStore(dbPath('mixed'));
    try {
      const result = await ingest([dir, join(root, 'no-such-file.txt')], { store, workers: 0, inputOptions: { charset: 'utf-8' }, analyse: false });
      expect(result.added).toBe(3);
      expect(result.failed).toBe(3);
      const byName = Object.fromEntries(result.failures.map((f) => [f.name, f.code]));
      expect(byName).toEqual({ [empty]: 'E_EMPTY', [badUtf8]: 'E_ENCODING', [join(root, 'no-such-file.txt')]: 'E_NOT_FOUND' });
      expect((await store.stats()).articles).toBe(3);
    } finally {
      await store.close();
    }
  }, 60_000);

  it('runIngest prints the summary, lists failures with codes and exits 1 when an input failed', async () => {
    const dir = join(root, 'cli');
    writeArticles(dir, 2);
    writeFileSync(join(dir, 'zero.txt'), '');
    const db = dbPath('cli');
    const out: string[] = [];
    const err: string[] = [];
    const progressChunks: string[] = [];
    const code = await runIngest(['--db', db, '--workers', '0', dir], (l) => out.push(l), (l) => err.push(l), { progress: { write: (c: string) => progressChunks.push(c) }, signal: new AbortController().signal });
    expect(code).toBe(1);
    expect(out[0]).toMatch(/^ingested 3 inputs in .* 2 added, 0 skipped \(already stored\), 1 failed$/);
    expect(out).toContainEqual(expect.stringMatching(new RegExp(`^  ${escapeRegExp(join(dir, 'zero.txt'))}: .+ \\[E_EMPTY\\]$`)));
    expect(out.some((l) => l.startsWith('analysis: 2 articles'))).toBe(true);

    const json: string[] = [];
    const again = await runIngest(['--db', db, '--workers', '0', '--json', join(dir, '001.txt'), join(dir, '002.txt')], (l) => json.push(l), () => undefined, { progress: { write: () => true }, signal: new AbortController().signal });
    expect(again).toBe(0);
    expect(JSON.parse(json[0]!)).toMatchObject({ seen: 2, added: 0, skipped: 2, failed: 0 });
  }, 60_000);

  it('rejects bad usage with E_USAGE', async () => {
    const run = (args: string[]): Promise<number> => runIngest(args, () => undefined, () => undefined);
    await expect(run([])).rejects.toMatchObject({ code: 'E_USAGE' });
    await expect(run(['--workers', 'two', 'x.txt'])).rejects.toMatchObject({ code: 'E_USAGE' });
    await expect(run(['--format', 'pdf', 'x.txt'])).rejects.toMatchObject({ code: 'E_USAGE' });
    await expect(run(['--enqueue', '--db', join(root, 'x.db'), 'x.txt'])).rejects.toMatchObject({ code: 'E_USAGE' });
  });
});

const PG_URL = process.env.NEWSGRAPH_TEST_PG;
const describePg = PG_URL ? describe : describe.skip;

describePg(PG_URL ? 'ingest --enqueue and worker (PostgreSQL)' : 'ingest --enqueue and worker (skipped: set NEWSGRAPH_TEST_PG=postgres://… to run)', () => {
  it('queues files by path and JSONL lines with their content; a worker drains the queue; enqueuing again adds nothing', async () => {
    const schema = `ng_ingest_${randomBytes(5).toString('hex')}`;
    const url = new URL(PG_URL!);
    url.searchParams.set('schema', schema);
    const db = url.href;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    try {
      const dir = join(root, `queue-${schema}`);
      writeArticles(dir, 3);
      const badUtf8 = join(dir, 'zz-bad-utf8.txt');
      writeFileSync(badUtf8, Buffer.from([0x52, 0x61, 0x69, 0x6e, 0x20, 0x80, 0xc3, 0x0a]));
      const jsonl = join(root, `lines-${schema}.jsonl`);
      writeFileSync(jsonl, [JSON.stringify({ id: 'a', raw: articleText(40) }), '{"id": "broken"', JSON.stringify({ id: 'b', text: articleText(41) })].join('\n') + '\n');

      const out: string[] = [];
      const code = await runIngest(['--db', db, '--enqueue', '--charset', 'utf-8', '--jsonl-in', jsonl, dir], (l) => out.push(l), () => undefined);
      expect(code).toBe(1); // the malformed JSONL line
      expect(out[0]).toMatch(/^queued 6 new inputs of 7 /);
      expect(out).toContainEqual(expect.stringMatching(new RegExp(`^  ${escapeRegExp(jsonl)}:2: .+ \\[E_BAD_JSONL\\]$`)));
      const jobs = (await admin.query<{ spec: string; raw: boolean }>(`SELECT spec, payload ? 'raw' AS raw FROM ${schema}.jobs ORDER BY id`)).rows;
      expect(jobs.filter((j) => !j.raw).map((j) => j.spec)).toEqual([join(dir, '001.txt'), join(dir, '002.txt'), join(dir, '003.txt'), badUtf8]);
      expect(jobs.filter((j) => j.raw).map((j) => j.spec.replace(/ @[0-9a-f]{16}$/, ''))).toEqual([`${jsonl}#a`, `${jsonl}#b`]);

      const again: string[] = [];
      await runIngest(['--db', db, '--enqueue', '--charset', 'utf-8', '--jsonl-in', jsonl, dir], (l) => again.push(l), () => undefined);
      expect(again[0]).toMatch(/^queued 0 new inputs of 7 .*6 already in the queue/);

      // The bad file fails in the worker, is retried by the queue, and fails for good.
      const result: string[] = [];
      const workerCode = await runWorker(['--db', db, '--once', '--workers', '0', '--poll', '0.2', '--json'], (l) => result.push(l), () => undefined, { signal: new AbortController().signal });
      const summary = JSON.parse(result[0]!) as { jobs: number; added: number; failed: number; failures: Array<{ name: string; code: string }>; analysis: { articles: number } | null };
      expect(workerCode).toBe(1);
      expect(summary).toMatchObject({ added: 5, failed: 1, failures: [{ name: badUtf8, code: 'E_ENCODING' }], analysis: { articles: 5 } });
      const states = (await admin.query<{ state: string; n: number }>(`SELECT state, count(*)::int AS n FROM ${schema}.jobs GROUP BY state ORDER BY state`)).rows;
      expect(states).toEqual([{ state: 'done', n: 5 }, { state: 'failed', n: 1 }]);
    } finally {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    }
  }, 120_000);
});
