/**
 * A pool of extraction worker threads with a bounded queue.
 *
 * Extraction is synchronous and CPU-bound (the models run on the calling thread), so
 * ingest runs it in worker threads and keeps the main thread for reading inputs and
 * writing the store. The pool holds at most `maxPending` articles (running + waiting);
 * callers await `ready()` before `extract()`, which is what stops a 100k-file directory
 * from being read into memory ahead of the extraction.
 *
 * With more than one thread, the first starts alone: it loads the models and builds their
 * read-only tables (parser weights, POS weight entries, the place gazetteer's bytes) into
 * shared memory (core/shared-tables.ts), and the others start once it is ready and read
 * those tables instead of building their own: about 23 MB less for each thread after the
 * first.
 *
 * A thread that dies (an uncaught error, out of memory under resourceLimits, a hang past
 * the timeout) is replaced, and the article it was working on comes back as a failure
 * naming that article — never lost silently. A thread that dies before it has even
 * loaded its modules means the installation is broken; the pool then fails every
 * request with that error instead of respawning forever.
 *
 * Running from TypeScript sources (tsx, vitest) the worker file is extract-worker.ts,
 * which plain Node cannot load; the thread then loads it through tsx (see workerEntry).
 * tsx is a dev dependency and TypeScript sources only exist in a development checkout,
 * so it is always there when needed; the built package (dist/) loads extract-worker.js
 * directly. The alternative — extracting in-process whenever not built — would leave
 * the threaded path untested by the test suite. `workers: 0` still extracts in-process
 * (no threads) for debugging and for hosts where threads are unwanted.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ResourceLimits } from 'node:worker_threads';
import { NewsgraphError } from '../core/errors.js';
import type { RawInput } from '../ingest/types.js';
import { WORKER_MARKER, extractForStore } from './extract-worker.js';
import { THREAD_LIMITS } from './thread-limits.js';
import type { ExtractOutcome, WorkerMessage, WorkerRequest, WorkerSetup } from './extract-worker.js';
import type { SharedTables } from '../core/shared-tables.js';

export type { ExtractOutcome, SerialisedError } from './extract-worker.js';

export interface PoolOptions {
  /** Worker threads; 0 extracts in the calling thread. Default: os.availableParallelism(). */
  workers?: number;
  /** Articles held (running + waiting) before ready() makes callers wait. Default 2 × workers (at least 2). */
  maxPending?: number;
  /**
   * An article still extracting after this long, plus timeoutPerMbMs for each million
   * characters of its content, has its thread terminated and fails with E_TIMEOUT.
   * Default 120 s.
   */
  timeoutMs?: number;
  /**
   * Extraction time grows with the text (about 4–5 s per million characters in one
   * thread, more while two threads share the machine), so a fixed limit would stop long
   * articles that are merely long. Default 10 s.
   */
  timeoutPerMbMs?: number;
  /**
   * Passed to each thread over THREAD_LIMITS (e.g. maxOldGenerationSizeMb, so one huge
   * article kills a thread, not the process).
   */
  resourceLimits?: ResourceLimits;
  /**
   * The thread's module, speaking extract-worker's protocol (WorkerMessage / WorkerRequest).
   * Default: extract-worker. Tests give one that crashes on demand.
   */
  entry?: URL;
}

export const DEFAULT_TIMEOUT_MS = 120_000;
export const DEFAULT_TIMEOUT_PER_MB_MS = 10_000;
/**
 * Inputs at least this long extract one at a time. Extraction holds about 200 bytes per
 * character at its peak (3.6 GB for the 20 MB limit), so two such texts in two threads
 * could exhaust a laptop; shorter inputs keep the other threads busy meanwhile.
 */
export const LONG_INPUT_CHARS = 1_000_000;

const isLong = (raw: RawInput): boolean => raw.content.length >= LONG_INPUT_CHARS;

export function defaultWorkers(): number {
  return availableParallelism();
}

interface Task {
  id: number;
  raw: RawInput;
  resolve: (outcome: ExtractOutcome) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  task: Task | null;
  timer: NodeJS.Timeout | null;
  /** Set once the pool has given up on this thread (crash, timeout, close), so its later events are ignored. */
  retired: boolean;
}

function failure(raw: RawInput, code: NewsgraphError['code'], message: string): ExtractOutcome {
  return { ok: false, error: { code, message, input: raw.name } };
}

/** The ESM build of tsx's API (require.resolve would give the CommonJS one, which cannot tsImport ESM). */
function tsxEsmApi(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { exports?: Record<string, { import?: { default?: string } } | string> };
  const entry = pkg.exports?.['./esm/api'];
  const file = typeof entry === 'object' ? entry.import?.default : undefined;
  if (file === undefined) throw new NewsgraphError('E_INTERNAL', `cannot find tsx's ESM API in ${manifest} (needed to run extraction threads from TypeScript sources)`);
  return pathToFileURL(resolve(dirname(manifest), file)).href;
}

/**
 * What a thread runs: the built worker module, or — from TypeScript sources — a small
 * bootstrap that loads extract-worker.ts through tsx's tsImport. (Node 20 does not apply
 * loader hooks given with --import in a worker's execArgv to the worker's own entry, so
 * passing tsx there is not enough.)
 */
function workerEntry(): URL {
  const fromSources = import.meta.url.endsWith('.ts');
  if (!fromSources) return new URL('./extract-worker.js', import.meta.url);
  const source = new URL('./extract-worker.ts', import.meta.url).href;
  const tsx = tsxEsmApi();
  const bootstrap = `import { tsImport } from ${JSON.stringify(tsx)};\nawait tsImport(${JSON.stringify(source)}, ${JSON.stringify(import.meta.url)});\n`;
  return new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`);
}

export class ExtractPool {
  readonly workers: number;
  readonly maxPending: number;
  private readonly timeoutMs: number;
  private readonly timeoutPerMbMs: number;
  private readonly resourceLimits: ResourceLimits;
  private readonly entry: URL;
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private readonly waiters: Array<() => void> = [];
  private pending = 0;
  private nextId = 1;
  private broken: NewsgraphError | null = null;
  private closed = false;
  private started = false;
  /** Threads replaced after a crash or timeout, for the summary. */
  crashes = 0;
  /** The read-only model tables the first thread built into shared memory (core/shared-tables.ts). */
  private tables: SharedTables | undefined;
  /** Threads to start once the first has built the tables. */
  private deferred = 0;

  constructor(options: PoolOptions = {}) {
    const workers = options.workers ?? defaultWorkers();
    if (!Number.isInteger(workers) || workers < 0) throw new NewsgraphError('E_USAGE', `workers must be a whole number ≥ 0, not ${workers}`);
    this.workers = workers;
    this.maxPending = options.maxPending ?? Math.max(2, 2 * workers);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.timeoutPerMbMs = options.timeoutPerMbMs ?? DEFAULT_TIMEOUT_PER_MB_MS;
    this.resourceLimits = { ...THREAD_LIMITS, ...options.resourceLimits };
    this.entry = options.entry ?? workerEntry();
  }

  /** Resolves when the pool can take another article without exceeding maxPending. */
  async ready(): Promise<void> {
    while (this.pending >= this.maxPending) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  /** Articles accepted and not yet answered. */
  get inFlight(): number {
    return this.pending;
  }

  /**
   * Extract one article. Resolves with the record or the article's failure; rejects only
   * when the pool itself is unusable (closed, or threads that cannot start). The threads
   * keep the process alive until close().
   */
  extract(raw: RawInput): Promise<ExtractOutcome> {
    if (this.closed) return Promise.reject(new NewsgraphError('E_INTERNAL', 'extraction pool is closed'));
    if (this.broken) return Promise.reject(this.broken);
    this.pending++;
    if (this.workers === 0) {
      // setImmediate lets timers and I/O (progress, store writes) run between articles.
      return new Promise<ExtractOutcome>((resolve) => setImmediate(() => resolve(extractForStore(raw)))).finally(() => this.settled());
    }
    // Threads start on first use: a re-run that finds everything stored starts none.
    // With several, the first loads the models, building their read-only tables into
    // shared memory, and the others start once it is ready, with those tables.
    if (!this.started) {
      this.started = true;
      this.slots.push(this.spawn(this.workers > 1));
      this.deferred = this.workers - 1;
    }
    return new Promise<ExtractOutcome>((resolve) => {
      this.queue.push({ id: this.nextId++, raw, resolve });
      this.dispatch();
    }).finally(() => this.settled());
  }

  /** Why the pool stopped working (threads that cannot load the extractor), else null. */
  get failure(): NewsgraphError | null {
    return this.broken;
  }

  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots.splice(0);
    for (const slot of slots) slot.retired = true;
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private settled(): void {
    this.pending--;
    const waiter = this.waiters.shift();
    if (waiter) waiter();
  }

  private spawn(record = false): Slot {
    const setup: WorkerSetup = { role: WORKER_MARKER, ...(record ? { record } : {}), ...(this.tables ? { tables: this.tables } : {}) };
    const worker = new Worker(this.entry, { workerData: setup, resourceLimits: this.resourceLimits });
    const slot: Slot = { worker, ready: false, task: null, timer: null, retired: false };
    worker.on('message', (message: WorkerMessage) => this.onMessage(slot, message));
    worker.on('error', (e) => this.onDeath(slot, `extraction thread crashed: ${e.message}`));
    worker.on('exit', (code) => this.onDeath(slot, `extraction thread exited (code ${code})`));
    return slot;
  }

  private onMessage(slot: Slot, message: WorkerMessage): void {
    if (slot.retired) return;
    if (message.type === 'ready') {
      slot.ready = true;
      if (message.tables) this.tables = message.tables;
      for (; this.deferred > 0 && !this.closed && !this.broken; this.deferred--) this.slots.push(this.spawn());
      this.dispatch();
      return;
    }
    const task = slot.task;
    if (task === null || task.id !== message.id) return;
    this.finish(slot);
    task.resolve(message.outcome);
    this.dispatch();
  }

  private onDeath(slot: Slot, why: string): void {
    if (slot.retired) return;
    slot.retired = true;
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    const task = slot.task;
    this.finish(slot);
    if (!slot.ready) {
      // Died loading its modules: no article is to blame, and a new thread would die too.
      this.break(new NewsgraphError('E_INTERNAL', `${why} before it could load the extractor`));
      return;
    }
    if (task) task.resolve(failure(task.raw, 'E_INTERNAL', `${why} while extracting this input`));
    this.replace();
  }

  private replace(): void {
    if (this.closed || this.broken) return;
    this.crashes++;
    this.slots.push(this.spawn());
    this.dispatch();
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.task = null;
  }

  private break(error: NewsgraphError): void {
    this.broken = error;
    const queued = this.queue.splice(0);
    for (const slot of this.slots.splice(0)) {
      slot.retired = true;
      if (slot.task) queued.push(slot.task);
      void slot.worker.terminate();
    }
    for (const task of queued) task.resolve(failure(task.raw, 'E_INTERNAL', error.message));
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (!slot.ready || slot.task !== null || slot.retired) continue;
      const at = this.nextTask();
      if (at < 0) return;
      const task = this.queue.splice(at, 1)[0]!;
      slot.task = task;
      slot.timer = setTimeout(() => this.onTimeout(slot), this.limitFor(task.raw));
      slot.worker.postMessage({ id: task.id, raw: task.raw } satisfies WorkerRequest);
    }
  }

  /** The first queued task that may start now (-1: none): a long input waits for another long one. */
  private nextTask(): number {
    if (!this.slots.some((s) => s.task !== null && isLong(s.task.raw))) return 0;
    return this.queue.findIndex((t) => !isLong(t.raw));
  }

  /** The time an input may take: the base limit, and more for a long text. */
  private limitFor(raw: RawInput): number {
    return this.timeoutMs + Math.round((this.timeoutPerMbMs * raw.content.length) / 1e6);
  }

  private onTimeout(slot: Slot): void {
    if (slot.retired || slot.task === null) return;
    const task = slot.task;
    slot.retired = true;
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    this.finish(slot);
    void slot.worker.terminate();
    const ms = this.limitFor(task.raw);
    const limit = ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
    task.resolve(failure(task.raw, 'E_TIMEOUT', `extraction took longer than ${limit}; its thread was stopped`));
    this.replace();
  }
}
