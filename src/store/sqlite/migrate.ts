/**
 * Versioned migrations for the SQLite store. The applied versions are rows of
 * schema_migrations; each pending migration runs in its own IMMEDIATE transaction
 * that re-reads the version first, so two processes opening a new store at once take
 * turns and the second skips what the first did.
 */
import type Database from 'better-sqlite3';
import { NewsgraphError } from '../../core/errors.js';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations.js';

const VERSION_TABLE = 'schema_migrations';

function hasTable(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** The schema version the file is at: 0 for an empty database. */
export function readSchemaVersion(db: Database.Database): number {
  if (!hasTable(db, VERSION_TABLE)) return 0;
  const row = db.prepare(`SELECT max(version) AS v FROM ${VERSION_TABLE}`).get() as { v: number | null };
  return row.v ?? 0;
}

/**
 * Refuse a file newsgraph cannot use: a database of some other program (tables but
 * no schema_migrations), or one written by a newer newsgraph.
 */
export function checkSchema(db: Database.Database, path: string, latest = LATEST_VERSION): number {
  const version = readSchemaVersion(db);
  if (version === 0) {
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").get() as { n: number };
    if (tables.n > 0) throw new NewsgraphError('E_STORE', `${path} is an SQLite database of another program, not a newsgraph store`, { input: path });
  }
  if (version > latest) {
    throw new NewsgraphError(
      'E_STORE',
      `the store ${path} has schema version ${version}, newer than this newsgraph knows (${latest}): upgrade newsgraph to use it`,
      { input: path },
    );
  }
  return version;
}

export function migrate(db: Database.Database, path: string, migrations: readonly Migration[] = MIGRATIONS): void {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  const latest = sorted.at(-1)?.version ?? 0;
  let current = checkSchema(db, path, latest);
  for (const m of sorted) {
    if (m.version <= current) continue;
    const step = db.transaction(() => {
      // Another process may have migrated while we waited for the lock.
      if (readSchemaVersion(db) >= m.version) return;
      db.exec(`CREATE TABLE IF NOT EXISTS ${VERSION_TABLE} (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
      db.exec(m.sql);
      db.prepare(`INSERT INTO ${VERSION_TABLE} (version, name, applied_at) VALUES (?, ?, ?)`).run(m.version, m.name, new Date().toISOString());
    });
    step.immediate();
    current = readSchemaVersion(db);
  }
}
