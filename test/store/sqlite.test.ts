/**
 * The SQLite store: the conformance suite on a temporary file, and what only a file
 * store meets — foreign and damaged files, directories, locks, a schema from a newer
 * newsgraph.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { LATEST_VERSION } from '../../src/store/sqlite/migrations.js';
import type { Store } from '../../src/store/types.js';
import { describeStoreConformance } from './conformance.js';
import { fixtureInputs } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-sqlite-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
const tempPath = (): string => join(dir, `store-${++n}.db`);

const TABLES = ['participants', 'events', 'quotes', 'entities', 'records', 'articles_fts', 'articles', 'clusters', 'conflicts'];

describeStoreConformance(
  'sqlite',
  async () => {
    const store = await openSqliteStore(tempPath());
    await store.migrate();
    return store;
  },
  (store) => {
    // Test-only emptying through a second connection to the same file.
    const db = new Database(store.location);
    db.transaction(() => {
      for (const t of TABLES) db.prepare(`DELETE FROM ${t}`).run();
    })();
    db.close();
  },
);

async function rejection(p: Promise<unknown>): Promise<{ code?: string; message: string; input?: string | null }> {
  try {
    await p;
  } catch (e) {
    return e as { code?: string; message: string; input?: string | null };
  }
  throw new Error('expected a rejection');
}

describe('sqlite store files', () => {
  it('opens ./newsgraph.db-style paths through openStore and migrates them', async () => {
    const path = tempPath();
    const store = await openStore(path);
    expect(store.dialect).toBe('sqlite');
    expect(store.location).toBe(path);
    expect(await store.schemaVersion()).toBe(LATEST_VERSION);
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    await store.close();
  });

  it('refuses a file that is not an SQLite database, naming it', async () => {
    const path = join(dir, 'notes.txt');
    writeFileSync(path, 'These are my notes, not a database.\n'.repeat(200));
    const e = await rejection(openStore(path));
    expect(e.code).toBe('E_STORE');
    expect(e.message).toContain(path);
    expect(e.message).toMatch(/not an SQLite database/);
    expect(readFileSync(path, 'utf8')).toMatch(/^These are my notes/);
  });

  it('refuses a truncated or damaged store', async () => {
    const path = tempPath();
    const store = await openStore(path);
    for (const input of fixtureInputs()) await store.putArticle(input);
    await store.close();
    const bytes = readFileSync(path);
    expect(bytes.length).toBeGreaterThan(8192);

    // Cut in the middle of the tables.
    const truncated = join(dir, 'truncated.db');
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const t = await rejection((async () => {
      const s = await openStore(truncated);
      try {
        await s.events({ limit: 1000 });
        await s.search('government');
        await s.stats();
      } finally {
        await s.close();
      }
    })());
    expect(t.code).toBe('E_STORE');
    expect(t.message).toContain(truncated);

    // Header intact, schema page overwritten.
    const damaged = join(dir, 'damaged.db');
    const copy = Buffer.from(bytes);
    copy.fill(0xa5, 100, 4096);
    writeFileSync(damaged, copy);
    const d = await rejection(openStore(damaged));
    expect(d.code).toBe('E_STORE');
    expect(d.message).toContain(damaged);
  });

  it('refuses a directory and an unwritable location', async () => {
    const sub = join(dir, 'a-directory');
    mkdirSync(sub);
    const e = await rejection(openStore(sub));
    expect(e.code).toBe('E_STORE');
    expect(e.message).toContain(sub);
    const missing = join(dir, 'no', 'such', 'place', 'x.db');
    const m = await rejection(openStore(missing));
    expect(m.code).toBe('E_STORE');
    expect(m.message).toContain(missing);
  });

  it('refuses another program’s database', async () => {
    const path = tempPath();
    const db = new Database(path);
    db.exec('CREATE TABLE contacts (name TEXT)');
    db.close();
    const e = await rejection(openStore(path));
    expect(e.code).toBe('E_STORE');
    expect(e.message).toMatch(/not a newsgraph store/);
  });

  it('says E_STORE_BUSY when another process holds the lock past the wait', async () => {
    const path = tempPath();
    const setup = await openStore(path);
    await setup.close();
    const store = await openSqliteStore(path, { busyTimeoutMs: 150 });
    const other = new Database(path);
    other.exec('BEGIN EXCLUSIVE');
    other.prepare('INSERT INTO clusters (id, seq, type, actors, recipients, mentions, articles, sources, events) VALUES (?, 0, ?, ?, ?, 0, 0, 0, ?)').run('X', 'AGREE', '[]', '[]', '[]');
    try {
      const started = Date.now();
      const [input] = fixtureInputs();
      const e = await rejection(store.putArticle(input!));
      expect(e.code).toBe('E_STORE_BUSY');
      expect(e.message).toContain(path);
      expect(Date.now() - started).toBeGreaterThanOrEqual(100);
      // Readers are not blocked by a writer (WAL).
      expect((await store.stats()).articles).toBe(0);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    // Once free, the same write goes through.
    const [input] = fixtureInputs();
    expect(await store.putArticle(input!)).toBe(true);
    await store.close();
  });

  it('locks the store only to apply the analysis: articles are stored while it is computed, and kept', async () => {
    const path = tempPath();
    const store = await openStore(path);
    const [a, b, c] = fixtureInputs();
    await store.putArticle(a!);
    const other = new Database(path);
    other.pragma('busy_timeout = 0');
    async function* clusters(): AsyncGenerator<never[]> {
      yield [];
      // Between batches: this store and another process both write, neither waits.
      expect(await store.putArticle(b!)).toBe(true);
      other.exec('BEGIN IMMEDIATE');
      other.exec('COMMIT');
      yield [];
    }
    await store.writeAnalysis({ duplicates: new Map(), clusters: clusters(), conflicts: [] });
    expect((await store.stats()).articles).toBe(2);
    // A failing analysis loses nothing stored meanwhile either.
    async function* failing(): AsyncGenerator<never[]> {
      expect(await store.putArticle(c!)).toBe(true);
      yield [];
      throw new Error('the analysis broke');
    }
    await expect(store.writeAnalysis({ duplicates: new Map(), clusters: failing(), conflicts: [] })).rejects.toThrow('the analysis broke');
    expect((await store.stats()).articles).toBe(3);
    other.close();
    await store.close();
  });

  it('refuses a store whose schema is newer than this code', async () => {
    const path = tempPath();
    const store: Store = await openStore(path);
    await store.close();
    const db = new Database(path);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(LATEST_VERSION + 1, 'from the future', new Date().toISOString());
    db.close();
    const e = await rejection(openStore(path));
    expect(e.code).toBe('E_STORE');
    expect(e.message).toContain(path);
    expect(e.message).toMatch(/newer than this newsgraph/);
  });

  it('refuses a PostgreSQL URL it cannot use without echoing the password', async () => {
    const e = await rejection(openStore('postgres://ng:secret@localhost/news'));
    expect(e.code).toBe('E_STORE');
    expect(JSON.stringify(e)).not.toContain('secret');
    expect(e.input).not.toContain('secret');
  });
});
