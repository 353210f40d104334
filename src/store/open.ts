/**
 * Open the store a user names: nothing → $NEWSGRAPH_DB, else ./newsgraph.db; a
 * postgres:// or postgresql:// URL → PostgreSQL; anything else → an SQLite file at that
 * path. The schema is brought up to date before the store is handed out.
 */
import { openPostgresStore } from './postgres/index.js';
import { openSqliteStore } from './sqlite/index.js';
import type { Store } from './types.js';

export const DEFAULT_STORE_PATH = 'newsgraph.db';

export function isPostgresUrl(spec: string): boolean {
  return /^postgres(ql)?:\/\//i.test(spec);
}

/** The store a command uses when --db is not given. */
export function defaultStoreSpec(): string {
  const env = process.env.NEWSGRAPH_DB?.trim();
  return env !== undefined && env !== '' ? env : DEFAULT_STORE_PATH;
}

export async function openStore(spec?: string): Promise<Store> {
  const target = spec === undefined || spec.trim() === '' ? defaultStoreSpec() : spec.trim();
  const store = isPostgresUrl(target) ? await openPostgresStore(target) : await openSqliteStore(target);
  try {
    await store.migrate();
  } catch (e) {
    await store.close();
    throw e;
  }
  return store;
}
