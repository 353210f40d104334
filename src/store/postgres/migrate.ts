/**
 * Versioned migrations for the PostgreSQL store. Each migration runs in its own
 * transaction that first takes a transaction-scoped advisory lock, so two processes
 * starting on an empty database at once (two ingest workers) take turns: the second
 * waits, then sees the version the first wrote and skips what is done.
 */
import type pg from 'pg';
import { NewsgraphError } from '../../core/errors.js';
import { inTransaction, storeError, type PgTarget } from './connection.js';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations.js';

export { LATEST_VERSION };

const VERSION_TABLE = 'newsgraph_schema';

/** The schema version the database is at (0 when newsgraph has never migrated it). */
export async function readSchemaVersion(db: pg.Pool | pg.PoolClient): Promise<number> {
  const exists = await db.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [VERSION_TABLE]);
  if (exists.rows[0]?.t == null) return 0;
  const r = await db.query<{ v: number | null }>(`SELECT max(version) AS v FROM ${VERSION_TABLE}`);
  return r.rows[0]?.v ?? 0;
}

export function tooNew(target: PgTarget, found: number, latest = LATEST_VERSION): NewsgraphError {
  return new NewsgraphError(
    'E_STORE',
    `the database at ${target.location} has newsgraph schema version ${found}, newer than this newsgraph knows (${latest}): upgrade newsgraph`,
    { input: target.location },
  );
}

/** Bring the database to the latest version; throws E_STORE when it is newer than the code. */
export async function migrate(pool: pg.Pool, target: PgTarget, migrations: readonly Migration[] = MIGRATIONS): Promise<void> {
  const lockKey = `newsgraph.migrate:${target.schema ?? '(default)'}`;
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  const latest = sorted.at(-1)?.version ?? 0;
  for (;;) {
    let finished: boolean;
    try {
      finished = await inTransaction(pool, async (client) => {
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lockKey]);
        if (target.schema !== null) {
          const has = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [target.schema]);
          // The name was checked against a plain-identifier pattern when the URL was parsed.
          if (has.rowCount === 0) await client.query(`CREATE SCHEMA ${target.schema}`);
        }
        await client.query(
          `CREATE TABLE IF NOT EXISTS ${VERSION_TABLE} (
             version integer PRIMARY KEY,
             name text NOT NULL,
             applied_at timestamptz NOT NULL DEFAULT now()
           )`,
        );
        const current = await readSchemaVersion(client);
        if (current > latest) throw tooNew(target, current, latest);
        const next = sorted.find((m) => m.version > current);
        if (next === undefined) return true;
        await client.query(next.sql);
        await client.query(`INSERT INTO ${VERSION_TABLE} (version, name) VALUES ($1, $2)`, [next.version, next.name]);
        return false;
      });
    } catch (e) {
      throw storeError(target, e, 'cannot migrate the schema of');
    }
    if (finished) return;
  }
}
