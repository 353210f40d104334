/**
 * `newsgraph worker --db postgres://…`: claim inputs from the job queue that
 * `newsgraph ingest --enqueue` filled, extract and store them (src/corpus/scale-out.ts).
 * Run as many as the database and the machines allow; each uses --workers threads.
 */
import { parseArgs } from 'node:util';
import { NewsgraphError } from '../core/errors.js';
import { ExtractPool, defaultWorkers } from '../corpus/pool.js';
import { analysisLine, seconds } from '../corpus/progress.js';
import { DEFAULT_LEASE_MS, defaultWorkerId, runQueueWorker } from '../corpus/scale-out.js';
import type { QueueWorkerResult } from '../corpus/scale-out.js';
import { isPostgresUrl } from '../store/open.js';
import { openPostgresStore } from '../store/postgres/index.js';
import type { JobQueue } from '../store/postgres/queue.js';
import { parseWorkers } from './ingest.js';

export const WORKER_HELP = `Usage: newsgraph worker --db postgres://… [options]

Claim queued inputs (from \`newsgraph ingest --enqueue\`), extract and store them.
A worker that dies loses its jobs' leases; other workers take them over.

Options:
  --db URL           the PostgreSQL store holding the queue (required)
  --workers N        extraction threads (default: ${defaultWorkers()} on this machine; 0: in-process)
  --once             exit when the queue has no queued or running jobs left (default: keep waiting for more)
  --lease SECONDS    how long a claimed job stays ours without a heartbeat (default ${DEFAULT_LEASE_MS / 1000})
  --poll SECONDS     wait between claims when there is nothing to do (default 1)
  --id NAME          worker name in the queue (default host:pid)
  --no-analyse       do not run the corpus analysis when the queue drains
  --json             print the summary as one JSON object
  --quiet            no line per job on stderr

Exit code: 0 when every job this worker finished was stored, 1 when any failed for good.`;

function positiveSeconds(value: string | undefined, option: string, fallbackMs: number): number {
  if (value === undefined) return fallbackMs;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new NewsgraphError('E_USAGE', `${option} must be a positive number of seconds, not "${value}"`);
  return Math.round(n * 1000);
}

export async function runWorker(argv: readonly string[], out: (line: string) => void, err: (line: string) => void, io: { signal?: AbortSignal } = {}): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      workers: { type: 'string' },
      once: { type: 'boolean', default: false },
      lease: { type: 'string' },
      poll: { type: 'string' },
      id: { type: 'string' },
      'no-analyse': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    out(WORKER_HELP);
    return 0;
  }
  if (positionals.length > 0) throw new NewsgraphError('E_USAGE', `worker takes no inputs (got "${positionals[0]}"); queue them with newsgraph ingest --enqueue`);
  const db = values.db;
  if (db === undefined || !isPostgresUrl(db)) {
    throw new NewsgraphError('E_USAGE', 'worker needs the PostgreSQL store that holds the queue: --db postgres://user:password@host/database');
  }
  const workers = parseWorkers(values.workers) ?? defaultWorkers();
  const leaseMs = positiveSeconds(values.lease, '--lease', DEFAULT_LEASE_MS);
  const pollMs = positiveSeconds(values.poll, '--poll', 1_000);
  const workerId = values.id ?? defaultWorkerId();

  const controller = new AbortController();
  const stop = (): void => {
    if (!values.quiet) err(`newsgraph worker ${workerId}: stopping after the jobs in hand`);
    controller.abort();
  };
  if (!io.signal) {
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
  // Asynchronous commits, and the queue on the store's connections: the queue redoes
  // what a server crash could lose (src/store/postgres/queue.ts), and one set of
  // connections costs the server fewer backends to start and plan for.
  const store = await openPostgresStore(db, { asyncCommit: true });
  let queue: JobQueue | null = null;
  let pool: ExtractPool | null = null;
  let result: QueueWorkerResult;
  try {
    await store.migrate();
    queue = store.jobQueue();
    pool = new ExtractPool({ workers });
    result = await runQueueWorker({
      store,
      queue,
      pool,
      workerId,
      leaseMs,
      pollMs,
      once: values.once,
      analyse: !values['no-analyse'],
      signal: io.signal ?? controller.signal,
      onJob: values.quiet
        ? undefined
        : ({ job, added, skipped, failure }) => {
            const what = failure ? `failed: ${failure.message} [${failure.code}] (attempt ${job.attempts})` : added > 0 ? 'added' : skipped > 0 ? 'already stored' : 'nothing to store';
            err(`newsgraph worker ${workerId}: ${job.spec}: ${what}`);
          },
      onNote: values.quiet ? undefined : (line) => err(`newsgraph worker ${workerId}: ${line}`),
    });
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await pool?.close();
    await queue?.close();
    await store.close();
  }
  if (values.json) {
    out(JSON.stringify({ worker: workerId, store: store.location, ...result }));
  } else {
    const rate = result.ms > 0 ? ((result.added + result.skipped) * 1000) / result.ms : 0;
    out(
      `worker ${workerId}: ${result.jobs} jobs in ${seconds(result.ms)} (${rate.toFixed(1)} articles/s): ${result.added} added, ${result.skipped} skipped (already stored), ${result.failed} failed`,
    );
    if (result.analysis) out(analysisLine(result.analysis));
    for (const f of result.failures) out(`  ${f.name}: ${f.message} [${f.code}]`);
  }
  return result.failed > 0 ? 1 : 0;
}
