/**
 * Scale-out ingest over PostgreSQL: `newsgraph ingest --enqueue` puts the inputs in the
 * job queue (src/store/postgres/queue.ts), and any number of `newsgraph worker`
 * processes, on any machines sharing the database, claim them, extract, and store.
 *
 * A job is one input. Inputs a worker can read again by name — a file, from a path,
 * directory or glob — are queued as that name, so the queue stays small and the workers
 * do the reading (the files must be at the same path for them: a shared disk); everything
 * else (URLs, feed items, WARC records, JSONL lines, standard input) is read by the
 * enqueuer and the RawInput itself goes into the job's payload. The queue keeps one job
 * per spec, so enqueuing the same files again adds only the new ones (a file changed
 * in place since it was queued is not queued again: ingest it directly). The reading options (--format, --charset,
 * --allow-private) travel with each job.
 *
 * A job whose input is bad in itself (empty, binary, too large, undecodable, of no known
 * format: `isPermanent` in src/core/errors.ts) is failed on its first attempt; other
 * failures (the store, the network, a timeout, a crashed extraction thread) are retried
 * up to the queue's attempts.
 *
 * While a worker holds a job it renews the lease every third of it; a worker that is
 * killed stops renewing, and once the lease runs out another worker takes the job over
 * (putArticle is idempotent, so a job done twice stores its article once). When the
 * queue drains, the worker that finished the last job runs the corpus analysis.
 */
import { stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { mainThreadCpuMs, processCpuMs } from '../core/cpu-time.js';
import { isNewsgraphError, isPermanent, toNewsgraphError } from '../core/errors.js';
import { sleep } from '../core/sleep.js';
import { expandInputs } from '../ingest/inputs.js';
import type { InputItem, InputOptions } from '../ingest/inputs.js';
import type { InputKind, RawInput } from '../ingest/types.js';
import { isUrl } from '../ingest/url.js';
import type { Job, JobQueue } from '../store/postgres/queue.js';
import type { Store } from '../store/types.js';
import { analyseCorpus } from './analyse.js';
import type { AnalysisSummary, IngestFailure } from './ingest.js';
import { articleKey } from './key.js';
import type { ExtractPool } from './pool.js';

/** The reading options a job carries: the JSON-safe part of InputOptions. */
export interface JobInputOptions {
  kind?: InputKind;
  charset?: string | null;
  allowPrivate?: boolean;
}

export interface JobPayload {
  options?: JobInputOptions;
  /** The input itself, when it cannot be read again from the job's spec. */
  raw?: RawInput;
}

function jobOptions(options: InputOptions): JobInputOptions {
  const o: JobInputOptions = {};
  if (options.kind !== undefined) o.kind = options.kind;
  if (options.charset !== undefined && options.charset !== null) o.charset = options.charset;
  if (options.allowPrivate) o.allowPrivate = true;
  return o;
}

/**
 * Can a worker read this item again from its name alone? Only a plain file: a URL has
 * been fetched already while the specs were expanded (to see whether it is a feed), and
 * feed items, WARC records ("the archived copy, not the live site"), JSONL lines and
 * standard input exist only in what the enqueuer read.
 */
async function readableByName(item: Exclude<InputItem, Error>): Promise<boolean> {
  if (item.name === '-' || isUrl(item.name)) return false;
  try {
    return (await stat(item.name)).isFile();
  } catch {
    return false; // "FILE#id" of a JSONL line, a WARC record's name
  }
}

export interface EnqueueResult {
  seen: number;
  /** New jobs; inputs already in the queue (by name) are left as they are. */
  enqueued: number;
  alreadyQueued: number;
  failed: number;
  failures: IngestFailure[];
  ms: number;
}

const ENQUEUE_BATCH = 500;

export async function enqueueInputs(
  queue: JobQueue,
  specs: readonly string[],
  inputOptions: InputOptions = {},
  onProgress?: (seen: number) => void,
): Promise<EnqueueResult> {
  const started = performance.now();
  const options = jobOptions(inputOptions);
  const result: EnqueueResult = { seen: 0, enqueued: 0, alreadyQueued: 0, failed: 0, failures: [], ms: 0 };
  let batch: Array<{ spec: string; payload: JobPayload }> = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const added = await queue.enqueue(batch);
    result.enqueued += added;
    result.alreadyQueued += batch.length - added;
    batch = [];
    onProgress?.(result.seen);
  };
  for await (const item of expandInputs(specs, inputOptions)) {
    result.seen++;
    try {
      if (isNewsgraphError(item)) throw item;
      if (await readableByName(item)) batch.push({ spec: item.name, payload: { options } });
      else {
        // The queue keeps one job per spec; with the content's key in it, standard input
        // or a JSONL line enqueued again with other content is a new job, the same content is not.
        const raw = await item.load();
        batch.push({ spec: `${item.name} @${articleKey(raw)}`, payload: { options, raw } });
      }
    } catch (e) {
      const error = toNewsgraphError(e, isNewsgraphError(item) ? undefined : item.name);
      result.failed++;
      result.failures.push({ name: error.input ?? '(input)', code: error.code, message: error.message });
    }
    if (batch.length >= ENQUEUE_BATCH) await flush();
  }
  await flush();
  result.ms = performance.now() - started;
  return result;
}

/** "E_EMPTY: input contains only whitespace" — how a job's error is kept in the queue. */
function jobError(f: IngestFailure): string {
  return `${f.code}: ${f.message}`;
}

export function defaultWorkerId(): string {
  return `${hostname()}:${process.pid}`;
}

export interface QueueWorkerOptions {
  store: Store;
  queue: JobQueue;
  pool: ExtractPool;
  /** Jobs worked on at the same time (default: twice the pool's threads, at least 2). */
  concurrency?: number;
  workerId?: string;
  /** Lease of a claimed job (default 60 s), renewed every third of it. */
  leaseMs?: number;
  /** Wait between claims when the queue has nothing claimable (default 1 s). */
  pollMs?: number;
  /** Return once the queue has no queued or running jobs left (default: keep polling). */
  once?: boolean;
  /** Run the corpus analysis when the queue drains (default true). */
  analyse?: boolean;
  /** Stop claiming; jobs in hand are finished. */
  signal?: AbortSignal;
  onJob?: (event: { job: Job; added: number; skipped: number; failure: IngestFailure | null }) => void;
  /** Something to say that is not a job result (lost lease, analysis). */
  onNote?: (line: string) => void;
}

export interface QueueWorkerResult {
  jobs: number;
  added: number;
  skipped: number;
  failed: number;
  failures: IngestFailure[];
  ms: number;
  /** When the first job was finished (start-up and model loading included), null if none was. */
  firstJobMs: number | null;
  /**
   * The same moment on the wall clock (Date.now()), so that what other processes on the
   * machine measured can be split there (bench:ingest: the server's CPU after it).
   */
  firstJobAt: number | null;
  /**
   * Wall time awaiting store writes. With extraction in-process (0 threads) it includes
   * the extraction that held the event loop meanwhile, so it says little about the
   * store's cost: `cpu` does.
   */
  storeMs: number;
  /** CPU this process spent over the run, at its end and when the first job was done (start-up, models). */
  cpu: { end: WorkerCpu; firstJob: WorkerCpu | null };
  analysis: AnalysisSummary | null;
}

/**
 * CPU milliseconds of this process: in all, in extraction, and the rest (claims, reads,
 * row derivation, the database protocol). Extraction is timed around each in-process
 * extraction; with threads it is all CPU off the main thread (the extraction threads,
 * with GC and libuv helpers), read from /proc on Linux, else null.
 */
export interface WorkerCpu {
  totalMs: number;
  extractMs: number | null;
  otherMs: number | null;
}

export const DEFAULT_LEASE_MS = 60_000;

async function readJob(job: Job): Promise<Array<RawInput | IngestFailure>> {
  const payload = (job.payload ?? {}) as JobPayload;
  if (payload.raw) return [payload.raw];
  const out: Array<RawInput | IngestFailure> = [];
  for await (const item of expandInputs([job.spec], payload.options ?? {})) {
    try {
      if (isNewsgraphError(item)) throw item;
      out.push(await item.load());
    } catch (e) {
      const error = toNewsgraphError(e, isNewsgraphError(item) ? undefined : item.name);
      out.push({ name: error.input ?? job.spec, code: error.code, message: error.message });
    }
  }
  return out;
}

function isFailure(x: RawInput | IngestFailure): x is IngestFailure {
  return 'code' in x;
}

export async function runQueueWorker(options: QueueWorkerOptions): Promise<QueueWorkerResult> {
  const { store, queue, pool } = options;
  const started = performance.now();
  const workerId = options.workerId ?? defaultWorkerId();
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const pollMs = options.pollMs ?? 1_000;
  // Twice the threads: while one job extracts, another's claim, read and write (database
  // round trips) go on, so the threads are not left idle waiting for the network.
  const concurrency = options.concurrency ?? Math.max(2, 2 * pool.workers);
  const cpuStart = processCpuMs();
  const mainStart = mainThreadCpuMs();
  let inProcessExtractMs = 0;
  const cpuNow = (): WorkerCpu => {
    const totalMs = processCpuMs() - cpuStart;
    if (pool.workers === 0) return { totalMs, extractMs: inProcessExtractMs, otherMs: totalMs - inProcessExtractMs };
    const main = mainThreadCpuMs();
    if (main === null || mainStart === null) return { totalMs, extractMs: null, otherMs: null };
    return { totalMs, extractMs: Math.max(0, totalMs - (main - mainStart)), otherMs: main - mainStart };
  };
  const result: QueueWorkerResult = {
    jobs: 0, added: 0, skipped: 0, failed: 0, failures: [], ms: 0, firstJobMs: null, firstJobAt: null, storeMs: 0,
    cpu: { end: { totalMs: 0, extractMs: null, otherMs: null }, firstJob: null }, analysis: null,
  };
  let jobsSinceAnalysis = 0;
  let busy = 0;
  let analysing = false;
  // Store writes one at a time, as in ingest().
  let writes: Promise<unknown> = Promise.resolve();

  const storeOne = async (raw: RawInput): Promise<'added' | 'skipped' | IngestFailure> => {
    const key = articleKey(raw);
    if ((await store.existingKeys([key])).has(key)) return 'skipped';
    const before = pool.workers === 0 ? processCpuMs() : 0;
    const outcome = await pool.extract(raw);
    // In-process extraction holds the event loop while it runs, so little else is counted here.
    if (pool.workers === 0) inProcessExtractMs += processCpuMs() - before;
    if (!outcome.ok) return { name: outcome.error.input ?? raw.name, code: outcome.error.code, message: outcome.error.message };
    const write = writes.then(async () => {
      const t = performance.now();
      try {
        return await store.putArticle({ key, record: outcome.record, origin: raw.name, simhash: outcome.simhash });
      } finally {
        result.storeMs += performance.now() - t;
      }
    });
    writes = write.catch(() => undefined);
    return (await write) ? 'added' : 'skipped';
  };

  /** Work on one job; true when it is to be marked done (by the loop's next claim). */
  const work = async (job: Job): Promise<boolean> => {
    let lost = false;
    const renew = setInterval(() => {
      queue.heartbeat(job.id, workerId, leaseMs).then(
        (held) => {
          if (!held && !lost) {
            lost = true;
            options.onNote?.(`lease on job ${job.id} (${job.spec}) was lost; another worker has it`);
          }
        },
        (e: unknown) => options.onNote?.(`cannot renew the lease on job ${job.id}: ${(e as Error).message}`),
      );
    }, Math.max(50, Math.floor(leaseMs / 3)));
    let added = 0;
    let skipped = 0;
    // The job's error: its first failure that another attempt might not repeat, else its
    // first failure. Only a job whose every failure is permanent is failed at once.
    let failure: IngestFailure | null = null;
    let transient = false;
    try {
      for (const input of await readJob(job)) {
        const outcome = isFailure(input) ? input : await storeOne(input).catch((e: unknown) => {
          // Anything thrown that is not a NewsgraphError becomes E_INTERNAL: transient.
          const error = toNewsgraphError(e, input.name);
          return { name: error.input ?? input.name, code: error.code, message: error.message };
        });
        if (outcome === 'added') added++;
        else if (outcome === 'skipped') skipped++;
        else {
          const permanent = isPermanent(outcome);
          if (!permanent && !transient) failure = outcome;
          else failure ??= outcome;
          transient ||= !permanent;
        }
      }
    } finally {
      clearInterval(renew);
    }
    result.jobs++;
    if (result.firstJobMs === null) {
      result.firstJobMs = performance.now() - started;
      result.firstJobAt = Date.now();
      result.cpu.firstJob = cpuNow();
    }
    jobsSinceAnalysis++;
    result.added += added;
    result.skipped += skipped;
    if (failure) {
      const state = await queue.fail(job.id, workerId, jobError(failure), { permanent: !transient });
      // Counted as failed only once the queue gives up on it: earlier attempts are retried.
      if (state === 'failed') {
        result.failed++;
        result.failures.push(failure);
      }
    }
    options.onJob?.({ job, added, skipped, failure });
    return failure === null;
  };

  const drained = async (): Promise<boolean> => {
    const c = await queue.counts();
    return c.queued === 0 && c.running === 0;
  };

  // A loop that fails (the database went away) stops the others before the error is
  // reported: they would only fail the same way, or claim jobs nobody finishes.
  const halt = new AbortController();
  const stopped = (): boolean => halt.signal.aborted || options.signal?.aborted === true;
  const stopSignal = options.signal ? AbortSignal.any([halt.signal, options.signal]) : halt.signal;

  const loop = async (): Promise<void> => {
    // The job this loop finished last: the claim of the next one marks it done in the
    // same statement (one round trip per job, not two). A worker killed before that
    // claim leaves it running; its lease runs out and it is done again (stored once).
    let finished: number | null = null;
    while (!stopped()) {
      const job = await queue.claim(workerId, leaseMs, { complete: finished });
      finished = null;
      if (job === null) {
        // The worker that finished the last job analyses: a drained queue means the
        // store holds everything, and doing it once per drain keeps it cheap.
        if (busy === 0 && !analysing && jobsSinceAnalysis > 0 && options.analyse !== false) {
          analysing = true;
          try {
            if (await drained()) {
              jobsSinceAnalysis = 0;
              options.onNote?.('queue drained; running the corpus analysis');
              result.analysis = await analyseCorpus(store);
            }
          } finally {
            analysing = false;
          }
        }
        // A worker told to stop once the queue is drained stops only after the analysis: another
        // loop may have skipped it, having found the queue not yet drained while this loop's last
        // claim was completing that loop's last job (so neither analysed).
        const analysed = jobsSinceAnalysis === 0 || options.analyse === false;
        if (options.once && busy === 0 && !analysing && analysed && (await drained())) return;
        await sleep(pollMs, stopSignal);
        continue;
      }
      busy++;
      try {
        if (await work(job)) finished = job.id;
      } finally {
        busy--;
      }
    }
    if (finished !== null) await queue.complete(finished, workerId);
  };

  const guarded = async (): Promise<void> => {
    try {
      await loop();
    } catch (e) {
      halt.abort();
      throw e;
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: concurrency }, guarded));
  await writes;
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw toNewsgraphError(failed.reason);
  result.ms = performance.now() - started;
  result.cpu.end = cpuNow();
  return result;
}
