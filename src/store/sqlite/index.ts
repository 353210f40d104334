/**
 * Open an SQLite store file: create it when absent, refuse what is not a newsgraph
 * store (another program's database, a corrupt file, a directory, a schema newer than
 * this code) with E_STORE naming the path. The schema is not migrated here: callers
 * run `store.migrate()` (openStore does).
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { NewsgraphError } from '../../core/errors.js';
import { storeError } from './errors.js';
import { checkSchema } from './migrate.js';
import { SqliteStore } from './store.js';

export interface SqliteOptions {
  /** How long to wait for another process's lock before E_STORE_BUSY (default 5000 ms). */
  busyTimeoutMs?: number;
}

export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

export function openSqliteStore(path: string, options: SqliteOptions = {}): Promise<SqliteStore> {
  const location = resolve(path);
  let isDirectory = false;
  try {
    isDirectory = statSync(location).isDirectory();
  } catch {
    // Absent: SQLite creates it (or says why it cannot).
  }
  if (isDirectory) return Promise.reject(new NewsgraphError('E_STORE', `${location} is a directory, not a store file`, { input: location }));

  let db: Database.Database;
  try {
    db = new Database(location, { timeout: options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS });
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    return Promise.reject(
      typeof code === 'string' && code.startsWith('SQLITE_')
        ? storeError(e, location, 'opening')
        : new NewsgraphError('E_STORE', `cannot open the store ${location}: ${e instanceof Error ? e.message : String(e)}`, { input: location, cause: e }),
    );
  }
  try {
    // The first statements read the file header: a foreign or damaged file fails here.
    db.pragma('journal_mode = WAL');
    // WAL with synchronous=NORMAL: a crash loses at most the last commits, never consistency.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    checkSchema(db, location);
  } catch (e) {
    db.close();
    return Promise.reject(storeError(e, location, 'opening'));
  }
  return Promise.resolve(new SqliteStore(db, location));
}

export { SqliteStore } from './store.js';
