/**
 * Extraction for the store, and the body of one extraction worker thread.
 *
 * `extractForStore` is the unit of CPU work ingest hands out: the record and the
 * SimHash of its text, both computed off the main thread so that the main thread
 * only reads inputs and writes the store. The pool runs it in-process (workers 0)
 * or, in a worker thread, through the message handler below.
 *
 * Each thread loads the models once, lazily on its first article (extract() keeps its
 * pipeline in a module-level variable), and then serves one article at a time: the
 * pool never sends a second before the first has answered, so when a thread dies the
 * pool knows exactly which article killed it.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { toNewsgraphError } from '../core/errors.js';
import { recordedTables, recordSharedTables, useSharedTables } from '../core/shared-tables.js';
import type { SharedTables } from '../core/shared-tables.js';
import { places } from '../knowledge/places.js';
import { defaultParser } from '../nlp/parser/index.js';
import { loadTagger } from '../nlp/pos/index.js';
import type { ErrorCode } from '../core/errors.js';
import type { ArticleRecord } from '../core/record.js';
import { extract } from '../extract.js';
import type { RawInput } from '../ingest/types.js';
import { simhash } from './simhash.js';

/** A NewsgraphError as it crosses a thread boundary (classes do not survive structured clone). */
export interface SerialisedError {
  code: ErrorCode;
  message: string;
  input: string | null;
}

export type ExtractOutcome = { ok: true; record: ArticleRecord; simhash: string } | { ok: false; error: SerialisedError };

export function extractForStore(raw: RawInput): ExtractOutcome {
  try {
    const record = extract(raw);
    return { ok: true, record, simhash: simhash(record.text) };
  } catch (e) {
    const error = toNewsgraphError(e, raw.name);
    return { ok: false, error: { code: error.code, message: error.message, input: error.input } };
  }
}

/** Marker the pool puts in workerData, so importing this module elsewhere never starts a listener. */
export const WORKER_MARKER = 'newsgraph-extract-worker';

export interface WorkerRequest {
  id: number;
  raw: RawInput;
}
/** `tables`: what the recording thread built into shared memory, for the threads after it. */
export type WorkerMessage = { type: 'ready'; tables?: SharedTables } | { type: 'result'; id: number; outcome: ExtractOutcome };

/** What the pool puts in workerData. */
export interface WorkerSetup {
  role: typeof WORKER_MARKER;
  /** Load the models now, building their read-only tables into shared memory, and hand them back. */
  record?: boolean;
  /** Tables a recording thread built: read, not built. */
  tables?: SharedTables;
}

/**
 * Loads what every extraction loads lazily, so that the tables are built while recording.
 * A model that fails to load is left to fail the articles that need it, naming itself,
 * as it does in a thread that did not record.
 */
function loadSharedTables(): SharedTables {
  recordSharedTables();
  for (const load of [loadTagger, defaultParser, places]) {
    try {
      load();
    } catch {
      // Reported by the articles that need it.
    }
  }
  return recordedTables();
}

const setup = workerData as Partial<WorkerSetup> | null;
if (!isMainThread && parentPort !== null && setup?.role === WORKER_MARKER) {
  const port = parentPort;
  if (setup.tables) useSharedTables(setup.tables);
  const tables = setup.record ? loadSharedTables() : undefined;
  port.on('message', (request: WorkerRequest) => {
    const message: WorkerMessage = { type: 'result', id: request.id, outcome: extractForStore(request.raw) };
    port.postMessage(message);
  });
  // Tells the pool that the module graph loaded: a thread that dies before this is a
  // broken installation, not a bad article, and the pool stops instead of respawning.
  port.postMessage({ type: 'ready', ...(tables ? { tables } : {}) } satisfies WorkerMessage);
}
