/**
 * Ingest: inputs → records → store, idempotent and safe to interrupt.
 *
 * For each input: read it, compute its key (src/corpus/key.ts), skip it when the store
 * already has that key (looked up in batches, before any extraction — re-ingesting a
 * corpus costs a read and a hash per article), extract it in the worker pool, and store
 * it with putArticle, one transaction per article, in the main thread in order of
 * completion. A process killed at any point leaves whole articles or none; the next run
 * skips what is stored and does the rest. At the end the corpus analysis (duplicates,
 * clusters, conflicts) runs over the whole store.
 *
 * A failed input (unreadable, empty, not text, extraction error, a crashed extraction
 * thread) is counted and listed, and the others go on. A store that keeps failing is
 * not an input problem: after a few writes in a row fail, ingest stops and throws, and
 * a rerun resumes where it stopped.
 *
 * Memory stays bounded whatever the corpus size: at most `batchSize` inputs are read
 * ahead, and at most `maxInFlight` articles are between extraction and the store.
 */
import type { ErrorCode } from '../core/errors.js';
import { isNewsgraphError, toNewsgraphError } from '../core/errors.js';
import { sleep } from '../core/sleep.js';
import { expandInputs } from '../ingest/inputs.js';
import type { InputItem, InputOptions } from '../ingest/inputs.js';
import type { RawInput } from '../ingest/types.js';
import type { ArticleInput, ArticleKey, Store } from '../store/types.js';
import { analyseCorpus } from './analyse.js';
import type { AnalysisResult } from './analyse.js';
import { articleKey } from './key.js';
import { ExtractPool, defaultWorkers } from './pool.js';
import type { ExtractOutcome } from './pool.js';

export interface IngestFailure {
  name: string;
  code: ErrorCode;
  message: string;
}

export interface IngestCounts {
  /** Inputs the specs expanded to (including ones that failed to read). */
  seen: number;
  added: number;
  /** Already in the store, or repeated earlier in this run: not extracted again. */
  skipped: number;
  failed: number;
}

export interface IngestProgress extends IngestCounts {
  /** Inputs finished (added + skipped + failed). */
  done: number;
  /** Number of inputs once the specs are fully expanded; null while still expanding. */
  total: number | null;
  elapsedMs: number;
}

export type AnalysisSummary = AnalysisResult;

export interface IngestResult extends IngestCounts {
  failures: IngestFailure[];
  /** Wall time of reading, extracting and storing (analysis not included). */
  ms: number;
  /** Time spent inside putArticle, and in the batched existingKeys look-ups. */
  storeMs: number;
  lookupMs: number;
  /** Extraction threads replaced after a crash or a timeout. */
  crashes: number;
  /** True when stopped early by the abort signal (what was stored stays stored). */
  interrupted: boolean;
  analysis: AnalysisSummary | null;
  /** When the analysis did not run: the stored events it has not taken in yet (`newsgraph analyse`). */
  unanalysed: number | null;
}

export interface IngestOptions {
  store: Store;
  /** Extraction threads (0: in-process). Default: os.availableParallelism(). */
  workers?: number;
  inputOptions?: InputOptions;
  onProgress?: (progress: IngestProgress) => void;
  /** Run the corpus analysis at the end (default true). */
  analyse?: boolean;
  /** Inputs read and looked up together (default 64). */
  batchSize?: number;
  /** Articles read but not yet stored, at most (default 2 × workers + 2). */
  maxInFlight?: number;
  /** Per-article extraction timeout (default: the pool's). */
  timeoutMs?: number;
  /** Stop reading new inputs; what is in flight is finished and stored. */
  signal?: AbortSignal;
  /** How long a write retries a busy store (default BUSY_RETRY_MS). */
  busyRetryMs?: number;
}

/** putArticle, tried again while the store is busy (E_STORE_BUSY) until `retryMs` has passed. */
async function putPatiently(store: Store, input: ArticleInput, retryMs: number): Promise<boolean> {
  const until = Date.now() + retryMs;
  for (;;) {
    try {
      return await store.putArticle(input);
    } catch (e) {
      if (!isNewsgraphError(e) || e.code !== 'E_STORE_BUSY' || Date.now() >= until) throw e;
      await sleep(BUSY_PAUSE_MS);
    }
  }
}

/** Inputs read at the same time within a batch (files, URLs). */
const READ_CONCURRENCY = 8;
/** Consecutive failed writes after which the store, not the articles, is taken to be the problem. */
const STORE_FAILURES_TO_STOP = 3;
/**
 * How long a write retries a store that another process holds locked (E_STORE_BUSY),
 * before the article counts as failed: a corpus analysis applying its result to a large
 * SQLite store holds the lock for seconds (11.7 s at 800k events), past the 5 s one
 * attempt waits, and three such failures in a row would stop the ingest.
 */
export const BUSY_RETRY_MS = 120_000;
const BUSY_PAUSE_MS = 250;

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const run = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, run));
  return results;
}

/** A counting semaphore: at most `limit` articles between reading and the store. */
class Gate {
  private used = 0;
  private readonly waiters: Array<() => void> = [];
  constructor(private readonly limit: number) {}
  async enter(): Promise<void> {
    while (this.used >= this.limit) await new Promise<void>((resolve) => this.waiters.push(resolve));
    this.used++;
  }
  leave(): void {
    this.used--;
    this.waiters.shift()?.();
  }
}

interface Loaded {
  name: string;
  raw: RawInput;
  key: ArticleKey;
}

export async function ingest(specs: readonly string[], options: IngestOptions): Promise<IngestResult> {
  const { store } = options;
  const started = performance.now();
  const workers = options.workers ?? defaultWorkers();
  const batchSize = options.batchSize ?? 64;
  const gate = new Gate(options.maxInFlight ?? 2 * workers + 2);
  const counts: IngestCounts = { seen: 0, added: 0, skipped: 0, failed: 0 };
  const failures: IngestFailure[] = [];
  let total: number | null = null;
  let storeMs = 0;
  let lookupMs = 0;
  let storeFailuresInARow = 0;
  let fatal: unknown = null;
  // Keys accepted in this run, so a repeated input is not extracted twice.
  const accepted = new Set<ArticleKey>();
  const tasks = new Set<Promise<void>>();
  // Writes go one at a time: the SQLite driver is synchronous underneath, and with
  // PostgreSQL one writer keeps transactions from contending for the same rows.
  let writes: Promise<void> = Promise.resolve();

  const report = (): void => {
    if (!options.onProgress) return;
    const done = counts.added + counts.skipped + counts.failed;
    options.onProgress({ ...counts, done, total, elapsedMs: performance.now() - started });
  };
  const fail = (e: unknown, name: string): void => {
    const error = toNewsgraphError(e, name);
    counts.failed++;
    failures.push({ name: error.input ?? name, code: error.code, message: error.message });
    report();
  };

  const write = async (item: Loaded, outcome: ExtractOutcome): Promise<void> => {
    if (!outcome.ok) {
      counts.failed++;
      failures.push({ name: outcome.error.input ?? item.name, code: outcome.error.code, message: outcome.error.message });
      report();
      return;
    }
    const t = performance.now();
    try {
      const input = { key: item.key, record: outcome.record, origin: item.raw.name, simhash: outcome.simhash };
      const stored = await putPatiently(store, input, options.busyRetryMs ?? BUSY_RETRY_MS);
      storeFailuresInARow = 0;
      if (stored) counts.added++;
      else counts.skipped++; // another process stored it since the look-up
      report();
    } catch (e) {
      fail(e, item.name);
      if (++storeFailuresInARow >= STORE_FAILURES_TO_STOP) fatal ??= e;
    } finally {
      storeMs += performance.now() - t;
    }
  };

  const pool = new ExtractPool({ workers, ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}) });

  const submit = async (item: Loaded): Promise<void> => {
    await gate.enter();
    await pool.ready();
    const task = pool
      .extract(item.raw)
      .then(
        (outcome) => {
          writes = writes.then(() => write(item, outcome));
          return writes;
        },
        (e: unknown) => {
          fatal ??= e;
        },
      )
      .finally(() => {
        gate.leave();
        tasks.delete(task);
      });
    tasks.add(task);
  };

  let interrupted = false;
  const processBatch = async (batch: Array<Exclude<InputItem, Error>>): Promise<void> => {
    const loaded = await mapLimit(batch, READ_CONCURRENCY, async (item): Promise<Loaded | null> => {
      try {
        const raw = await item.load();
        return { name: item.name, raw, key: articleKey(raw) };
      } catch (e) {
        fail(e, item.name);
        return null;
      }
    });
    const fresh = loaded.filter((l): l is Loaded => l !== null);
    const t = performance.now();
    const stored = fresh.length === 0 ? new Set<ArticleKey>() : await store.existingKeys([...new Set(fresh.map((l) => l.key))]);
    lookupMs += performance.now() - t;
    for (const [i, item] of fresh.entries()) {
      if (fatal !== null) return;
      if (options.signal?.aborted) {
        // Not looked at: not counted, a rerun will do them.
        counts.seen -= fresh.length - i;
        interrupted = true;
        return;
      }
      if (stored.has(item.key) || accepted.has(item.key)) {
        counts.skipped++;
        report();
        continue;
      }
      accepted.add(item.key);
      await submit(item);
    }
  };

  try {
    let batch: Array<Exclude<InputItem, Error>> = [];
    for await (const item of expandInputs(specs, options.inputOptions)) {
      if (options.signal?.aborted) {
        interrupted = true;
        counts.seen -= batch.length;
        break;
      }
      counts.seen++;
      if (isNewsgraphError(item)) {
        fail(item, item.input ?? '(input)');
        continue;
      }
      batch.push(item);
      if (batch.length >= batchSize) {
        await processBatch(batch);
        batch = [];
      }
      if (fatal !== null) break;
    }
    if (!interrupted && fatal === null) {
      total = counts.seen;
      await processBatch(batch);
    }
    if (interrupted) total = null;
    while (tasks.size > 0) await Promise.all([...tasks]);
    await writes;
  } finally {
    await pool.close();
  }
  if (fatal !== null) throw toNewsgraphError(fatal);
  const ms = performance.now() - started;
  report();

  const analyse = options.analyse !== false && !interrupted;
  const analysis = analyse ? await analyseCorpus(store) : null;
  const unanalysed = analysis ? null : (await store.stats()).unanalysed;
  return { ...counts, failures, ms, storeMs, lookupMs, crashes: pool.crashes, interrupted, analysis, unanalysed };
}
