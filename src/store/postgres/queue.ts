/**
 * A job queue in PostgreSQL for scale-out ingest: one process enqueues the inputs
 * (file paths, URLs, JSONL ids), any number of workers on any machines claim them.
 *
 * Claiming uses FOR UPDATE SKIP LOCKED, so concurrent claimers never wait on each other
 * and never get the same job. A claim is a lease (locked_until, on the database's clock
 * so workers' clocks do not matter): a worker that dies stops renewing it, and once it
 * runs out the job can be claimed again. Every claim counts an attempt; after
 * `maxAttempts` the job is failed with its last error — or after the first, when the
 * worker reports the input itself as bad (`fail(…, { permanent: true })`). So delivery is exactly once while
 * workers behave and at least once when one dies mid-job, which the store's idempotent
 * putArticle (same key → nothing changes) turns into effectively once.
 *
 * A worker completes a job in the statement that claims its next one (one round trip,
 * one commit per job instead of two), and its sessions may commit asynchronously
 * (synchronous_commit = off, `PostgresOptions.asyncCommit`): a server crash then loses
 * the last fraction of a second of commits, never a job. Enqueuing always commits
 * synchronously, so a job the enqueuer was told about is on disk. What a crash can lose
 * is a suffix of the WAL, and a job's completion is committed after its article (the
 * claim that completes it is sent once putArticle has returned), so a completion that
 * survives has its article too; a lost completion leaves the job running under an
 * expired lease, and it is claimed and done again, its article stored once. A lost
 * claim, heartbeat or failure likewise only makes a job run again.
 */
import type pg from 'pg';
import { NewsgraphError } from '../../core/errors.js';
import { createPool, inTransaction, parsePostgresUrl, storeError, type PgTarget } from './connection.js';
import { migrate } from './migrate.js';

export interface Job {
  id: number;
  spec: string;
  payload: unknown;
  /** Claims so far, this one included. */
  attempts: number;
  /** Error of the previous attempt (or note of its expired lease), else null. */
  lastError: string | null;
  lockedUntil: Date;
}

export interface JobCounts {
  queued: number;
  running: number;
  done: number;
  failed: number;
}

export interface FailedJob {
  id: number;
  spec: string;
  attempts: number;
  error: string | null;
}

export interface JobQueueOptions {
  /** Schema for the queue's table (as openPostgresStore's), else the URL's or the default. */
  schema?: string;
  /** Claims a job gets before it is failed (default 3). */
  maxAttempts?: number;
  /** Wait before a job that failed is claimable again (default 5 s). */
  retryDelayMs?: number;
}

/** Enqueue in slices so one statement's parameter stays a reasonable size. */
const ENQUEUE_BATCH = 1000;

interface JobRow {
  id: number;
  spec: string;
  payload: unknown;
  attempts: number;
  last_error: string | null;
  locked_until: Date;
}

export class JobQueue {
  readonly location: string;
  private readonly maxAttempts: number;
  private readonly retryDelayMs: number;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly target: PgTarget,
    options: JobQueueOptions,
    /** False when the pool is a store's (onPool): closing the queue leaves it open. */
    private readonly ownsPool = true,
  ) {
    this.location = target.location;
    this.maxAttempts = options.maxAttempts ?? 3;
    this.retryDelayMs = options.retryDelayMs ?? 5_000;
  }

  static async open(url: string, options: JobQueueOptions = {}): Promise<JobQueue> {
    const target = parsePostgresUrl(url, options);
    checkAttempts(options, target);
    const pool = createPool(target, 2);
    try {
      await migrate(pool, target);
    } catch (e) {
      await pool.end().catch(() => undefined);
      throw storeError(target, e, 'cannot open the job queue at');
    }
    return new JobQueue(pool, target, options);
  }

  /**
   * The queue in a store's database, over that store's pool (PostgresStore.jobQueue): a
   * worker then keeps one set of connections, so the server starts, caches catalogs and
   * plans statements for fewer backends. The schema must be migrated (openStore does it).
   */
  static onPool(pool: pg.Pool, target: PgTarget, options: Omit<JobQueueOptions, 'schema'> = {}): JobQueue {
    checkAttempts(options, target);
    return new JobQueue(pool, target, options, false);
  }

  /** Add jobs; a spec already in the queue (in any state) is left as it is. Returns how many were new. */
  async enqueue(specs: ReadonlyArray<{ spec: string; payload?: unknown }>): Promise<number> {
    let added = 0;
    try {
      for (let i = 0; i < specs.length; i += ENQUEUE_BATCH) {
        const slice = specs.slice(i, i + ENQUEUE_BATCH).map((s) => ({ spec: s.spec, payload: s.payload ?? null }));
        // One JSON array parameter: the order of the input is kept in the ids. Committed
        // synchronously whatever the session's setting: enqueued jobs must survive a crash.
        added += await inTransaction(this.pool, async (client) => {
          await client.query('SET LOCAL synchronous_commit = on');
          const r = await client.query(
            `INSERT INTO jobs (spec, payload)
             SELECT e->>'spec', CASE WHEN jsonb_typeof(e->'payload') = 'null' THEN NULL ELSE e->'payload' END
               FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(e, n)
              ORDER BY n
             ON CONFLICT (spec) DO NOTHING`,
            [JSON.stringify(slice)],
          );
          return r.rowCount ?? 0;
        });
      }
    } catch (e) {
      throw storeError(this.target, e, 'cannot enqueue jobs in');
    }
    return added;
  }

  /**
   * Claim the oldest claimable job for `leaseMs`: a queued one, or a running one whose
   * lease ran out (its worker is presumed dead). Null when there is nothing to do now.
   * `complete`: a job this worker finished, marked done in the same statement (as
   * complete() would), so a worker going from one job to the next makes one round trip.
   */
  async claim(workerId: string, leaseMs: number, options: { complete?: number | null } = {}): Promise<Job | null> {
    checkLease(leaseMs);
    try {
      // One statement, so one round trip and its own transaction. It marks the finished
      // job done, fails the jobs whose last allowed attempt lost its lease (they are not
      // retried), then takes the oldest claimable one. No two of these touch the same row:
      // the finished job is left out of the other two (its lease may have run out), and
      // the sweep and the claim split on attempts (≥ max vs < max). SKIP LOCKED in both:
      // two claimers at once must not wait on (or deadlock over) each other's rows.
      const r = await this.pool.query<JobRow>({
        name: 'newsgraph_complete_and_claim_job',
        text: `WITH done AS (
                 UPDATE jobs SET state = 'done', locked_until = NULL, updated_at = now()
                  WHERE id = $4::int AND worker = $1 AND state = 'running'
                 RETURNING id),
               swept AS (
                 UPDATE jobs SET state = 'failed', locked_until = NULL, updated_at = now(),
                        last_error = format('lease of worker %s expired on attempt %s of %s', worker, attempts, $3::int)
                  WHERE id IN (SELECT id FROM jobs
                                WHERE state = 'running' AND locked_until < now() AND attempts >= $3
                                  AND id IS DISTINCT FROM $4::int
                                FOR UPDATE SKIP LOCKED)
                 RETURNING id),
               next AS (
                 SELECT id FROM jobs
                  WHERE attempts < $3
                    AND ((state = 'queued' AND available_at <= now())
                      OR (state = 'running' AND locked_until < now()))
                    AND id IS DISTINCT FROM $4::int
                  ORDER BY id
                  LIMIT 1
                  FOR UPDATE SKIP LOCKED)
               UPDATE jobs j
                  SET state = 'running', worker = $1, attempts = j.attempts + 1,
                      locked_until = now() + make_interval(secs => $2::double precision / 1000),
                      updated_at = now(),
                      last_error = CASE WHEN j.state = 'running'
                                        THEN format('lease of worker %s expired on attempt %s', j.worker, j.attempts)
                                        ELSE j.last_error END
                 FROM next
                WHERE j.id = next.id
               RETURNING j.id, j.spec, j.payload, j.attempts, j.last_error, j.locked_until`,
        values: [workerId, leaseMs, this.maxAttempts, options.complete ?? null],
      });
      const row = r.rows[0];
      return row === undefined ? null : toJob(row);
    } catch (e) {
      throw storeError(this.target, e, options.complete == null ? 'cannot claim a job from' : 'cannot complete a job and claim the next from');
    }
  }

  /** Extend the lease; false when this worker no longer holds the job (its lease ran out and another took it). */
  async heartbeat(id: number, workerId: string, leaseMs: number): Promise<boolean> {
    checkLease(leaseMs);
    return this.update(
      'cannot renew the lease of a job in',
      `UPDATE jobs SET locked_until = now() + make_interval(secs => $3::double precision / 1000), updated_at = now()
        WHERE id = $1 AND worker = $2 AND state = 'running'`,
      [id, workerId, leaseMs],
    );
  }

  /** Mark the job done; false when this worker no longer holds it. */
  async complete(id: number, workerId: string): Promise<boolean> {
    return this.update(
      'cannot complete a job in',
      `UPDATE jobs SET state = 'done', locked_until = NULL, updated_at = now()
        WHERE id = $1 AND worker = $2 AND state = 'running'`,
      [id, workerId],
    );
  }

  /**
   * Record a failed attempt: the job is queued again after the retry delay, or failed for
   * good when it has had its attempts — or at once when the failure is `permanent` (the
   * input itself is bad, `isPermanent` in src/core/errors.ts: another attempt would fail
   * the same way). Returns the job's new state, or null when this worker no longer holds it.
   */
  async fail(id: number, workerId: string, message: string, options: { permanent?: boolean } = {}): Promise<'queued' | 'failed' | null> {
    try {
      const r = await this.pool.query<{ state: 'queued' | 'failed' }>(
        `UPDATE jobs
            SET state = CASE WHEN $6::boolean OR attempts >= $4 THEN 'failed' ELSE 'queued' END,
                locked_until = NULL, last_error = $3, updated_at = now(),
                available_at = now() + make_interval(secs => $5::double precision / 1000)
          WHERE id = $1 AND worker = $2 AND state = 'running'
          RETURNING state`,
        [id, workerId, message, this.maxAttempts, this.retryDelayMs, options.permanent === true],
      );
      return r.rows[0]?.state ?? null;
    } catch (e) {
      throw storeError(this.target, e, 'cannot record a failed job in');
    }
  }

  async counts(): Promise<JobCounts> {
    try {
      const r = await this.pool.query<{ state: keyof JobCounts; n: number }>('SELECT state, count(*)::int AS n FROM jobs GROUP BY state');
      const counts: JobCounts = { queued: 0, running: 0, done: 0, failed: 0 };
      for (const row of r.rows) counts[row.state] = row.n;
      return counts;
    } catch (e) {
      throw storeError(this.target, e, 'cannot count the jobs in');
    }
  }

  /** Jobs that ran out of attempts, oldest first, with their last error (for the ingest report). */
  async failed(limit = 100): Promise<FailedJob[]> {
    try {
      const r = await this.pool.query<{ id: number; spec: string; attempts: number; last_error: string | null }>(
        `SELECT id, spec, attempts, last_error FROM jobs WHERE state = 'failed' ORDER BY id LIMIT $1`,
        [limit],
      );
      return r.rows.map((row) => ({ id: row.id, spec: row.spec, attempts: row.attempts, error: row.last_error }));
    } catch (e) {
      throw storeError(this.target, e, 'cannot list the failed jobs in');
    }
  }

  async close(): Promise<void> {
    if (this.ownsPool) await this.pool.end();
  }

  private async update(doing: string, sql: string, params: unknown[]): Promise<boolean> {
    try {
      const r = await this.pool.query(sql, params);
      return (r.rowCount ?? 0) > 0;
    } catch (e) {
      throw storeError(this.target, e, doing);
    }
  }
}

function checkAttempts(options: { maxAttempts?: number }, target: PgTarget): void {
  if (options.maxAttempts !== undefined && !(Number.isInteger(options.maxAttempts) && options.maxAttempts >= 1)) {
    throw new NewsgraphError('E_USAGE', `maxAttempts must be a whole number ≥ 1, got ${options.maxAttempts}`, { input: target.location });
  }
}

function checkLease(leaseMs: number): void {
  if (!(Number.isFinite(leaseMs) && leaseMs > 0)) {
    throw new NewsgraphError('E_USAGE', `a job lease must be a positive number of milliseconds, got ${leaseMs}`);
  }
}

function toJob(row: JobRow): Job {
  return { id: row.id, spec: row.spec, payload: row.payload, attempts: row.attempts, lastError: row.last_error, lockedUntil: row.locked_until };
}
