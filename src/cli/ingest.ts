/**
 * `newsgraph ingest <inputs...>`: read, extract and store a corpus (src/corpus/ingest.ts),
 * with a progress line on stderr and a summary on stdout; or, with --enqueue, put the
 * inputs in the PostgreSQL job queue for `newsgraph worker` processes.
 */
import { parseArgs } from 'node:util';
import { NewsgraphError } from '../core/errors.js';
import { ingest } from '../corpus/ingest.js';
import type { IngestResult } from '../corpus/ingest.js';
import { defaultWorkers } from '../corpus/pool.js';
import { ProgressReporter, seconds, summaryLines } from '../corpus/progress.js';
import type { ProgressStream } from '../corpus/progress.js';
import { enqueueInputs } from '../corpus/scale-out.js';
import type { InputOptions } from '../ingest/inputs.js';
import type { InputKind } from '../ingest/types.js';
import { isPostgresUrl, openStore } from '../store/open.js';
import { JobQueue } from '../store/postgres/queue.js';

export const INGEST_HELP = `Usage: newsgraph ingest [options] <input...>

Extract every input and store the records; inputs already stored are skipped, so
running it again (after an interruption, or on a grown corpus) only adds what is new.
Inputs: files, directories, globs, feeds, WARC files, http(s) URLs, - for stdin.

Options:
  --db PATH|URL        the store: a SQLite file (default ./newsgraph.db) or postgres://…
  --workers N          extraction threads (default: ${defaultWorkers()} on this machine; 0: in-process)
  --jsonl-in FILE      also read inputs from JSON lines {"id", "text"|"raw"|"html", "published"?, "title"?, "url"?}
  --format KIND        force the reader: html | raw (scraped text) | text (clean body)
  --charset NAME       decode input bytes with this charset (e.g. windows-1252)
  --allow-private      allow URLs that resolve to loopback or private addresses
  --no-analyse         skip the corpus analysis (duplicates, clusters, conflicts) at the end
  --if-empty           do nothing when the store already holds articles (npm start seeds the demo this way)
  --enqueue            PostgreSQL only: queue the inputs for \`newsgraph worker\` instead of extracting
  --json               print the summary as one JSON object
  --quiet              no progress on stderr
  --debug              print stack traces with errors

Exit code: 0 when every input was stored or already there, 1 when any failed, 2 on bad usage.`;

const KINDS: readonly InputKind[] = ['html', 'raw', 'text'];

export function parseWorkers(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) throw new NewsgraphError('E_USAGE', `--workers must be a whole number ≥ 0, not "${value}"`);
  return n;
}

export interface IngestIo {
  /** Where progress goes (default: process.stderr; a line-per-interval log when it is not a terminal). */
  progress?: ProgressStream;
  /** Stops reading new inputs (default: the first SIGINT / SIGTERM). */
  signal?: AbortSignal;
}

/** First Ctrl-C: finish what is in flight and report; the second one kills as usual. */
function interruptSignal(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const stop = (): void => {
    controller.abort();
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return { signal: controller.signal, dispose: stop };
}

export async function runIngest(argv: readonly string[], out: (line: string) => void, err: (line: string) => void, io: IngestIo = {}): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      workers: { type: 'string' },
      'jsonl-in': { type: 'string' },
      format: { type: 'string' },
      charset: { type: 'string' },
      'allow-private': { type: 'boolean', default: false },
      'no-analyse': { type: 'boolean', default: false },
      'if-empty': { type: 'boolean', default: false },
      enqueue: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      debug: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    out(INGEST_HELP);
    return 0;
  }
  const jsonlIn = values['jsonl-in'];
  if (positionals.length === 0 && jsonlIn === undefined) {
    throw new NewsgraphError('E_USAGE', 'ingest needs at least one input (file, directory, glob, feed, WARC, URL, - for stdin) or --jsonl-in FILE');
  }
  if (values.format !== undefined && !KINDS.includes(values.format as InputKind)) {
    throw new NewsgraphError('E_USAGE', `--format must be one of ${KINDS.join(', ')}`);
  }
  const workers = parseWorkers(values.workers);
  const inputOptions: InputOptions = {
    ...(values.format !== undefined ? { kind: values.format as InputKind } : {}),
    charset: values.charset ?? null,
    allowPrivate: values['allow-private'],
    ...(jsonlIn !== undefined ? { jsonlIn } : {}),
  };

  if (values.enqueue) return enqueue(values.db, positionals, inputOptions, values.json, out);

  const store = await openStore(values.db);
  if (values['if-empty'] && (await store.stats()).articles > 0) {
    await store.close();
    out(`${store.location} already holds articles: nothing ingested (--if-empty)`);
    return 0;
  }
  const reporter = values.quiet ? null : new ProgressReporter(io.progress ?? process.stderr);
  const interrupt = io.signal ? null : interruptSignal();
  let result: IngestResult;
  try {
    result = await ingest(positionals, {
      store,
      ...(workers !== undefined ? { workers } : {}),
      inputOptions,
      analyse: !values['no-analyse'],
      signal: io.signal ?? interrupt!.signal,
      ...(reporter ? { onProgress: (p) => reporter.update(p) } : {}),
    });
  } finally {
    reporter?.finish();
    interrupt?.dispose();
    await store.close();
  }
  if (values.json) out(JSON.stringify({ store: store.location, ...result }));
  else for (const line of summaryLines(result)) out(line);
  if (result.interrupted) return 130;
  return result.failed > 0 ? 1 : 0;
}

async function enqueue(db: string | undefined, specs: readonly string[], inputOptions: InputOptions, json: boolean, out: (line: string) => void): Promise<number> {
  if (db === undefined || !isPostgresUrl(db)) {
    throw new NewsgraphError('E_USAGE', '--enqueue needs a PostgreSQL store: --db postgres://user:password@host/database (workers share it)');
  }
  const queue = await JobQueue.open(db);
  try {
    const r = await enqueueInputs(queue, specs, inputOptions);
    if (json) out(JSON.stringify({ store: queue.location, ...r }));
    else {
      out(`queued ${r.enqueued} new input${r.enqueued === 1 ? '' : 's'} of ${r.seen} in ${seconds(r.ms)} (${r.alreadyQueued} already in the queue, ${r.failed} failed to read)`);
      if (r.failures.length > 0) {
        out('failed:');
        for (const f of r.failures) out(`  ${f.name}: ${f.message} [${f.code}]`);
      }
      const c = await queue.counts();
      out(`queue at ${queue.location}: ${c.queued} queued, ${c.running} running, ${c.done} done, ${c.failed} failed — start \`newsgraph worker --db …\` to process it`);
    }
    return r.failed > 0 ? 1 : 0;
  } finally {
    await queue.close();
  }
}
