/**
 * Open a PostgreSQL store: check the URL, connect once (so a wrong host, port,
 * password or database fails here, within the connect timeout, with E_STORE naming the
 * URL without its password), and refuse a schema newer than this code. The schema is
 * not migrated here: callers run `store.migrate()` (openStore does), which creates the
 * schema and tables on an empty database.
 */
import { createPool, parsePostgresUrl, storeError } from './connection.js';
import { LATEST_VERSION, readSchemaVersion, tooNew } from './migrate.js';
import { PostgresStore } from './store.js';

export interface PostgresOptions {
  /** Schema for the tables (default: the URL's `?schema=`, else the server's search_path). */
  schema?: string;
  /**
   * Commit without waiting for the disk (synchronous_commit = off): for `newsgraph
   * worker`, whose queue redoes what a server crash loses (connection.ts, queue.ts).
   * The corpus analysis still commits synchronously.
   */
  asyncCommit?: boolean;
}

export async function openPostgresStore(url: string, options: PostgresOptions = {}): Promise<PostgresStore> {
  const target = parsePostgresUrl(url, options);
  const pool = createPool(target, 4, { asyncCommit: options.asyncCommit === true });
  try {
    const version = await readSchemaVersion(pool);
    if (version > LATEST_VERSION) throw tooNew(target, version);
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw storeError(target, e, 'cannot connect to');
  }
  return new PostgresStore(pool, target);
}

export { PostgresStore } from './store.js';
export { JobQueue } from './queue.js';
