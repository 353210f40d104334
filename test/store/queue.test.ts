/**
 * The PostgreSQL job queue against a real server: NEWSGRAPH_TEST_PG names a database the
 * test may create schemas in (.ci/run sets one up). Every test gets a fresh schema,
 * dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createPool, parsePostgresUrl } from '../../src/store/postgres/connection.js';
import { openPostgresStore } from '../../src/store/postgres/index.js';
import { ERROR_CODES, isPermanent, NewsgraphError, type ErrorCode } from '../../src/core/errors.js';
import type { ArticleRecord } from '../../src/core/record.js';
import type { ExtractOutcome } from '../../src/corpus/extract-worker.js';
import { ExtractPool } from '../../src/corpus/pool.js';
import { runQueueWorker } from '../../src/corpus/scale-out.js';
import type { RawInput } from '../../src/ingest/types.js';
import { JobQueue, type JobQueueOptions } from '../../src/store/postgres/queue.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/types.js';

const PG_URL = process.env.NEWSGRAPH_TEST_PG;
const describePg = PG_URL ? describe : describe.skip;
const title = PG_URL ? 'PostgreSQL job queue' : 'PostgreSQL job queue (skipped: set NEWSGRAPH_TEST_PG=postgres://… to run)';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describePg(title, () => {
  const url = PG_URL ?? '';
  const schemas: string[] = [];
  const open: JobQueue[] = [];

  async function queue(schema: string, options: Omit<JobQueueOptions, 'schema'> = {}): Promise<JobQueue> {
    const q = await JobQueue.open(url, { ...options, schema });
    open.push(q);
    return q;
  }
  function freshSchema(): string {
    const name = `ng_queue_${randomBytes(6).toString('hex')}`;
    schemas.push(name);
    return name;
  }

  afterEach(async () => {
    await Promise.all(open.splice(0).map((q) => q.close()));
  });
  afterAll(async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    } finally {
      await client.end();
    }
  });

  it('enqueues each spec once and keeps payloads', async () => {
    const q = await queue(freshSchema());
    expect(await q.enqueue([{ spec: 'a.txt' }, { spec: 'b.txt', payload: { charset: 'latin1' } }, { spec: 'a.txt' }])).toBe(2);
    expect(await q.enqueue([{ spec: 'b.txt' }, { spec: 'c.txt', payload: [1, 'two'] }])).toBe(1);
    expect(await q.counts()).toEqual({ queued: 3, running: 0, done: 0, failed: 0 });

    const seen = [];
    for (let job = await q.claim('w', 60_000); job; job = await q.claim('w', 60_000)) {
      seen.push({ spec: job.spec, payload: job.payload, attempts: job.attempts });
      expect(await q.complete(job.id, 'w')).toBe(true);
    }
    // Oldest first, in the order given.
    expect(seen).toEqual([
      { spec: 'a.txt', payload: null, attempts: 1 },
      { spec: 'b.txt', payload: { charset: 'latin1' }, attempts: 1 },
      { spec: 'c.txt', payload: [1, 'two'], attempts: 1 },
    ]);
    // Done jobs are not enqueued again.
    expect(await q.enqueue([{ spec: 'a.txt' }])).toBe(0);
    expect(await q.counts()).toEqual({ queued: 0, running: 0, done: 3, failed: 0 });
  });

  it('hands each job to exactly one of several concurrent claimers', async () => {
    const schema = freshSchema();
    const first = await queue(schema);
    const total = 120;
    await first.enqueue(Array.from({ length: total }, (_, i) => ({ spec: `doc-${i}` })));
    // Four queues (four pools, as four processes would have), two workers each.
    const queues = [first, await queue(schema), await queue(schema), await queue(schema)];
    const claimed: number[] = [];
    const perWorker = new Map<string, number>();
    const workers = queues.flatMap((q, qi) =>
      [0, 1].map(async (wi) => {
        const worker = `worker-${qi}-${wi}`;
        for (let job = await q.claim(worker, 60_000); job; job = await q.claim(worker, 60_000)) {
          claimed.push(job.id);
          perWorker.set(worker, (perWorker.get(worker) ?? 0) + 1);
          await sleep(1); // some "work", so the claimers interleave
          expect(await q.complete(job.id, worker)).toBe(true);
        }
      }),
    );
    await Promise.all(workers);
    expect(claimed).toHaveLength(total);
    expect(new Set(claimed).size).toBe(total);
    expect(await first.counts()).toEqual({ queued: 0, running: 0, done: total, failed: 0 });
    // More than one worker did something: the test really ran them concurrently.
    expect(perWorker.size).toBeGreaterThan(1);
  });

  it('lets another worker claim a job whose lease expired, and only the new holder completes it', async () => {
    const schema = freshSchema();
    const a = await queue(schema);
    const b = await queue(schema);
    await a.enqueue([{ spec: 'slow.html' }]);
    const job = await a.claim('dead-worker', 1000);
    expect(job).not.toBeNull();
    expect(await b.claim('live-worker', 60_000)).toBeNull();
    await sleep(1300);
    const again = await b.claim('live-worker', 60_000);
    expect(again?.id).toBe(job?.id);
    expect(again?.attempts).toBe(2);
    expect(again?.lastError).toMatch(/lease of worker dead-worker expired/);
    // The worker that lost its lease is told so and cannot finish or fail the job.
    expect(await a.heartbeat(job!.id, 'dead-worker', 60_000)).toBe(false);
    expect(await a.complete(job!.id, 'dead-worker')).toBe(false);
    expect(await a.fail(job!.id, 'dead-worker', 'late')).toBeNull();
    expect(await b.complete(again!.id, 'live-worker')).toBe(true);
    expect(await b.counts()).toEqual({ queued: 0, running: 0, done: 1, failed: 0 });
  });

  it('marks the finished job done in the claim of the next one, only while this worker holds it', async () => {
    const schema = freshSchema();
    const q = await queue(schema);
    const other = await queue(schema);
    await q.enqueue([{ spec: 'one' }, { spec: 'two' }, { spec: 'three' }]);
    const one = await q.claim('w', 60_000);
    const two = await q.claim('w', 60_000, { complete: one!.id });
    expect(two?.spec).toBe('two');
    expect(await q.counts()).toEqual({ queued: 1, running: 1, done: 1, failed: 0 });

    // A job whose lease ran out is completed, not claimed again by the same statement.
    const three = await q.claim('w', 200, { complete: two!.id });
    expect(three?.spec).toBe('three');
    await sleep(400);
    expect(await q.claim('w', 60_000, { complete: three!.id })).toBeNull();
    expect(await q.counts()).toEqual({ queued: 0, running: 0, done: 3, failed: 0 });

    // A worker whose job was taken over cannot complete it that way either.
    await q.enqueue([{ spec: 'four' }]);
    const four = await q.claim('slow', 200);
    await sleep(400);
    const taken = await other.claim('fast', 60_000);
    expect(taken?.id).toBe(four?.id);
    expect(await q.claim('slow', 60_000, { complete: four!.id })).toBeNull();
    expect(await q.counts()).toEqual({ queued: 0, running: 1, done: 3, failed: 0 });
    expect(await other.claim('fast', 60_000, { complete: taken!.id })).toBeNull();
    expect(await q.counts()).toEqual({ queued: 0, running: 0, done: 4, failed: 0 });
  });

  it("runs on a store's connections, whose sessions commit asynchronously; closing the queue leaves them open", async () => {
    const schema = freshSchema();
    const store = await openPostgresStore(url, { schema, asyncCommit: true });
    try {
      await store.migrate();
      const q = store.jobQueue({ maxAttempts: 2 });
      expect(await q.enqueue([{ spec: 'a' }, { spec: 'b' }])).toBe(2);
      const job = await q.claim('w', 60_000);
      expect(job?.spec).toBe('a');
      await q.close();
      // The store (and the queue's rows) are still there through another queue.
      expect((await store.stats()).articles).toBe(0);
      const again = await queue(schema);
      expect(await again.counts()).toEqual({ queued: 1, running: 1, done: 0, failed: 0 });
    } finally {
      await store.close();
    }
    // The setting is in the sessions' startup packet: every connection has it from its first statement.
    const pool = createPool(parsePostgresUrl(url, { schema }), 1, { asyncCommit: true });
    try {
      expect((await pool.query<{ synchronous_commit: string }>('SHOW synchronous_commit')).rows[0]?.synchronous_commit).toBe('off');
    } finally {
      await pool.end();
    }
  });

  it('keeps a job from others while its worker renews the lease', async () => {
    const schema = freshSchema();
    const a = await queue(schema);
    const b = await queue(schema);
    await a.enqueue([{ spec: 'long.warc' }]);
    const job = await a.claim('busy', 2000);
    await sleep(1200);
    expect(await a.heartbeat(job!.id, 'busy', 2000)).toBe(true);
    await sleep(1200);
    // 2.4 s after the claim: past the first lease, inside the renewed one.
    expect(await b.claim('other', 60_000)).toBeNull();
    expect(await a.complete(job!.id, 'busy')).toBe(true);
  });

  it('retries a failing job, then fails it with the last error after its attempts', async () => {
    const q = await queue(freshSchema(), { maxAttempts: 3, retryDelayMs: 0 });
    await q.enqueue([{ spec: 'broken.pdf' }, { spec: 'fine.txt' }]);
    const errors = ['E_STORE_BUSY: first', 'E_STORE_BUSY: second', 'E_STORE_BUSY: third'];
    for (const [i, message] of errors.entries()) {
      const job = await q.claim('w', 60_000);
      expect(job?.spec).toBe('broken.pdf');
      expect(job?.attempts).toBe(i + 1);
      expect(job?.lastError).toBe(i === 0 ? null : errors[i - 1]);
      expect(await q.fail(job!.id, 'w', message)).toBe(i < 2 ? 'queued' : 'failed');
    }
    const next = await q.claim('w', 60_000);
    expect(next?.spec).toBe('fine.txt');
    await q.complete(next!.id, 'w');
    expect(await q.claim('w', 60_000)).toBeNull();
    expect(await q.counts()).toEqual({ queued: 0, running: 0, done: 1, failed: 1 });
    expect(await q.failed()).toEqual([{ id: expect.any(Number), spec: 'broken.pdf', attempts: 3, error: 'E_STORE_BUSY: third' }]);
  });

  it('fails a job at once when its failure is permanent', async () => {
    const q = await queue(freshSchema(), { maxAttempts: 3, retryDelayMs: 0 });
    await q.enqueue([{ spec: 'empty.txt' }]);
    const job = await q.claim('w', 60_000);
    expect(await q.fail(job!.id, 'w', 'E_EMPTY: input contains only whitespace', { permanent: true })).toBe('failed');
    expect(await q.claim('w', 60_000)).toBeNull();
    expect(await q.failed()).toEqual([{ id: job!.id, spec: 'empty.txt', attempts: 1, error: 'E_EMPTY: input contains only whitespace' }]);
  });

  it('a worker fails a bad-input job on its first attempt and retries transient failures', async () => {
    const schema = freshSchema();
    const q = await queue(schema, { maxAttempts: 3, retryDelayMs: 0 });
    const raw = (name: string): RawInput => ({ name, uri: null, kind: 'text', content: `text of ${name}` });
    await q.enqueue(['empty.txt', 'slow.txt', 'crashing.txt', 'busy.txt', 'mixed.jsonl'].map((name) => ({ spec: name, payload: { raw: raw(name) } })));
    const calls = new Map<string, number>();
    // Extraction as the pool reports it, per input: bad input, a timeout once, a thread
    // that crashes every time; the rest extract and then meet the store.
    const pool = {
      workers: 0,
      extract: (input: RawInput): Promise<ExtractOutcome> => {
        const n = (calls.get(input.name) ?? 0) + 1;
        calls.set(input.name, n);
        const fail = (code: ErrorCode, message: string): Promise<ExtractOutcome> => Promise.resolve({ ok: false, error: { code, message, input: input.name } });
        if (input.name === 'empty.txt') return fail('E_EMPTY', 'input contains only whitespace');
        if (input.name === 'slow.txt' && n === 1) return fail('E_TIMEOUT', 'extraction took longer than 60 s');
        if (input.name === 'crashing.txt') return fail('E_INTERNAL', 'extraction thread exited with code 1');
        return Promise.resolve({ ok: true, record: { events: [] } as unknown as ArticleRecord, simhash: '0'.repeat(16) });
      },
    } as unknown as ExtractPool;
    const stored: string[] = [];
    const store = {
      existingKeys: () => Promise.resolve(new Set<string>()),
      putArticle: (input: { origin: string }): Promise<boolean> => {
        if (input.origin === 'busy.txt' && (calls.get('busy.txt') ?? 0) < 2) {
          return Promise.reject(new NewsgraphError('E_STORE_BUSY', 'lock timeout storing busy.txt'));
        }
        stored.push(input.origin);
        return Promise.resolve(true);
      },
    } as unknown as Store;
    const result = await runQueueWorker({ store, queue: q, pool, concurrency: 1, once: true, analyse: false, pollMs: 10 });

    expect(calls.get('empty.txt')).toBe(1);
    expect(calls.get('slow.txt')).toBe(2);
    expect(calls.get('crashing.txt')).toBe(3);
    expect(calls.get('busy.txt')).toBe(2);
    expect(stored.sort()).toEqual(['busy.txt', 'mixed.jsonl', 'slow.txt']);
    const jobs = await jobRows(schema);
    expect(jobs).toEqual([
      { spec: 'empty.txt', state: 'failed', attempts: 1, last_error: 'E_EMPTY: input contains only whitespace' },
      { spec: 'slow.txt', state: 'done', attempts: 2, last_error: 'E_TIMEOUT: extraction took longer than 60 s' },
      { spec: 'crashing.txt', state: 'failed', attempts: 3, last_error: 'E_INTERNAL: extraction thread exited with code 1' },
      { spec: 'busy.txt', state: 'done', attempts: 2, last_error: 'E_STORE_BUSY: lock timeout storing busy.txt' },
      { spec: 'mixed.jsonl', state: 'done', attempts: 1, last_error: null },
    ]);
    expect(result.failed).toBe(2);
    expect(result.failures.map((f) => f.code).sort()).toEqual(['E_EMPTY', 'E_INTERNAL']);
  });

  it('a worker told to stop when the queue drains runs the analysis even when its loops race over the last job', async () => {
    const q = await queue(freshSchema(), { retryDelayMs: 0 });
    await q.enqueue([{ spec: 'one.txt', payload: { raw: { name: 'one.txt', uri: null, kind: 'text', content: 'Troops left the town of Tal Afar on Monday, officials said.' } } }]);
    // The race: loop A finishes the only job, and its claim that marks it done is slow; loop B
    // meanwhile finds the queue not yet drained (its count, taken before A's claim lands, is slow
    // to return) while A, seeing B analysing, skips the analysis. Neither may stop without it.
    const racing = Object.create(q) as JobQueue;
    racing.claim = async (worker, lease, options = {}) => {
      if (options.complete != null) await sleep(100);
      return q.claim(worker, lease, options);
    };
    racing.counts = async () => {
      const counts = await q.counts();
      await sleep(200);
      return counts;
    };
    const dir = mkdtempSync(join(tmpdir(), 'ng-race-'));
    const store = await openStore(join(dir, 'race.db'));
    const pool = new ExtractPool({ workers: 0 });
    try {
      const result = await runQueueWorker({ store, queue: racing, pool, concurrency: 2, once: true, pollMs: 20 });
      expect(result.added).toBe(1);
      expect(result.analysis?.articles).toBe(1);
    } finally {
      await pool.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('waits the retry delay before a failed job is claimable again', async () => {
    const q = await queue(freshSchema(), { retryDelayMs: 1000 });
    await q.enqueue([{ spec: 'flaky-url' }]);
    const job = await q.claim('w', 60_000);
    expect(await q.fail(job!.id, 'w', 'E_TIMEOUT')).toBe('queued');
    expect(await q.claim('w', 60_000)).toBeNull();
    await sleep(1300);
    expect((await q.claim('w', 60_000))?.attempts).toBe(2);
  });

  it('fails a job whose worker died on its last attempt', async () => {
    const q = await queue(freshSchema(), { maxAttempts: 1 });
    await q.enqueue([{ spec: 'crashes-the-worker.html' }]);
    expect(await q.claim('doomed', 200)).not.toBeNull();
    await sleep(400);
    expect(await q.claim('next', 60_000)).toBeNull();
    expect(await q.counts()).toEqual({ queued: 0, running: 0, done: 0, failed: 1 });
    const [failed] = await q.failed();
    expect(failed?.error).toMatch(/lease of worker doomed expired on attempt 1 of 1/);
  });

  it('survives connections the server drops', async () => {
    // A name of its own, so the test ends only this queue's connections.
    const app = `ng_lost_${randomBytes(4).toString('hex')}`;
    const tagged = new URL(url);
    tagged.searchParams.set('application_name', app);
    const q = await JobQueue.open(tagged.href, { schema: freshSchema() });
    open.push(q);
    await q.enqueue([{ spec: 'x' }]);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      // As a server restart or a network cut would: the pooled connections die while idle.
      const r = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [app]);
      expect(r.rowCount).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    await sleep(200);
    // The pool dropped the dead connections without an uncaught error and connects again.
    expect(await q.counts()).toEqual({ queued: 1, running: 0, done: 0, failed: 0 });
  });

  async function jobRows(schema: string): Promise<Array<{ spec: string; state: string; attempts: number; last_error: string | null }>> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(`SELECT spec, state, attempts, last_error FROM ${schema}.jobs ORDER BY id`)).rows;
    } finally {
      await client.end();
    }
  }

  it('rejects bad arguments clearly', async () => {
    const q = await queue(freshSchema());
    await expect(q.claim('w', 0)).rejects.toMatchObject({ code: 'E_USAGE' });
    await expect(JobQueue.open(url, { schema: freshSchema(), maxAttempts: 0 })).rejects.toMatchObject({ code: 'E_USAGE' });
    await expect(JobQueue.open('mysql://u:secret@localhost/db')).rejects.toMatchObject({ code: 'E_STORE' });
  });
});

// The classification the worker applies; needs no server.
describe('which failures are permanent (isPermanent)', () => {
  it('calls the input-content codes permanent and the rest transient', () => {
    const permanent = ERROR_CODES.filter((code) => isPermanent(new NewsgraphError(code, 'x')));
    expect(permanent).toEqual(['E_EMPTY', 'E_BINARY', 'E_TOO_LARGE', 'E_ENCODING', 'E_FORMAT', 'E_BAD_JSONL', 'E_PRIVATE_ADDRESS', 'E_BAD_URL', 'E_NO_CONTENT', 'E_USAGE']);
  });

  it('reads a flattened failure, and calls anything else transient', () => {
    expect(isPermanent({ name: 'a.txt', code: 'E_ENCODING', message: 'bad bytes' })).toBe(true);
    expect(isPermanent({ name: 'a.txt', code: 'E_STORE_BUSY', message: 'lock timeout' })).toBe(false);
    // A driver error's code (SQLSTATE, errno) is not one of ours.
    expect(isPermanent(Object.assign(new Error('deadlock detected'), { code: '40P01' }))).toBe(false);
    expect(isPermanent(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toBe(false);
    expect(isPermanent(new Error('boom'))).toBe(false);
    expect(isPermanent(null)).toBe(false);
    expect(isPermanent('E_EMPTY')).toBe(false);
  });
});
