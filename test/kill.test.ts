// Crash safety, for real: a `newsgraph ingest` process is SIGKILLed at several points
// after it has stored some articles, then run again to completion. Every article must
// then be in the store exactly once, with all its derived rows and no orphan rows, and
// the SQLite file must pass its integrity check.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { articleKey } from '../src/corpus/key.js';
import { enqueueInputs } from '../src/corpus/scale-out.js';
import { openStore } from '../src/store/open.js';
import { JobQueue } from '../src/store/postgres/queue.js';
import { writeArticles } from './ingest-support/articles.js';
import { REPO, commandFor } from './ingest-support/command.js';
import { testScratchDir } from './support/scratch-dir.js';

const ARTICLES = 30;
/** Kill once the store holds at least this many articles (each run resumes from the last). */
const KILL_AT = [4, 11, 19];

function storedCount(db: string): number {
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (conn.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    } finally {
      conn.close();
    }
  } catch {
    return 0; // not created or not migrated yet
  }
}

function start(args: string[], subcommand: 'ingest' | 'worker' = 'ingest'): { child: ChildProcess; exit: Promise<number | null>; output: () => string } {
  const command = commandFor(subcommand);
  const child = spawn(process.execPath, [...command.node, ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exit, output: () => output };
}

describe('ingest killed mid-run', () => {
  it(`SIGKILLed at ${KILL_AT.length} points and rerun: every article once, no orphans, integrity ok`, async () => {
    const root = testScratchDir('ng-kill-');
    const dir = join(root, 'articles');
    const paths = writeArticles(dir, ARTICLES);
    const db = join(root, 'store.db');
    const args = ['--db', db, '--workers', '1', '--quiet', dir];

    const killedAt: number[] = [];
    for (const threshold of KILL_AT) {
      const run = start(args);
      let exited = false;
      void run.exit.then(() => (exited = true));
      while (!exited && storedCount(db) < threshold) await new Promise((r) => setTimeout(r, 5));
      if (exited) throw new Error(`ingest finished before it could be killed at ${threshold} articles:\n${run.output()}`);
      run.child.kill('SIGKILL');
      await run.exit;
      killedAt.push(storedCount(db));
    }
    // Each kill landed mid-run: some stored, not all.
    for (const n of killedAt) {
      expect(n).toBeGreaterThan(0);
      expect(n).toBeLessThan(ARTICLES);
    }

    const last = start([...args, '--json']);
    expect(await last.exit, last.output()).toBe(0);
    const summary = JSON.parse(last.output().split('\n').find((l) => l.startsWith('{'))!) as { added: number; skipped: number; failed: number };
    expect(summary.failed).toBe(0);
    expect(summary.added + summary.skipped).toBe(ARTICLES);
    expect(summary.skipped).toBe(killedAt.at(-1));

    const conn = new Database(db, { readonly: true });
    try {
      expect(conn.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(conn.pragma('foreign_key_check')).toEqual([]);
      const one = (sql: string): number => (conn.prepare(sql).get() as { n: number }).n;
      expect(one('SELECT count(*) AS n FROM articles')).toBe(ARTICLES);
      expect(one('SELECT count(DISTINCT origin) AS n FROM articles')).toBe(ARTICLES);
      // Rows of a missing article, and articles missing part of their rows.
      expect(one('SELECT count(*) AS n FROM events WHERE article_key NOT IN (SELECT key FROM articles)')).toBe(0);
      expect(one('SELECT count(*) AS n FROM entities WHERE article_key NOT IN (SELECT key FROM articles)')).toBe(0);
      expect(one('SELECT count(*) AS n FROM quotes WHERE article_key NOT IN (SELECT key FROM articles)')).toBe(0);
      expect(one('SELECT count(*) AS n FROM participants WHERE event_key NOT IN (SELECT key FROM events)')).toBe(0);
      expect(one('SELECT count(*) AS n FROM articles WHERE key NOT IN (SELECT article_key FROM records)')).toBe(0);
      expect(one('SELECT count(*) AS n FROM articles a WHERE a.event_count != (SELECT count(*) FROM events e WHERE e.article_key = a.key)')).toBe(0);
      expect(one('SELECT count(*) AS n FROM events')).toBeGreaterThan(0);
    } finally {
      conn.close();
    }

    // Every input is there under its own key, through the store's own API too.
    const store = await openStore(db);
    try {
      expect((await store.stats()).articles).toBe(ARTICLES);
      for (const path of paths) {
        const stored = await store.getArticle(articleKey({ kind: 'raw', content: readFileSync(path, 'utf8') }));
        expect(stored?.origin).toBe(path);
      }
    } finally {
      await store.close();
    }
  }, 300_000);
});

const PG_URL = process.env.NEWSGRAPH_TEST_PG;
const describePg = PG_URL ? describe : describe.skip;

describePg(PG_URL ? 'queue worker killed mid-job' : 'queue worker killed mid-job (skipped: set NEWSGRAPH_TEST_PG=postgres://… to run)', () => {
  it('another worker takes its job over once the lease runs out; every article stored once', async () => {
    const schema = `ng_kill_${randomBytes(5).toString('hex')}`;
    const url = new URL(PG_URL!);
    url.searchParams.set('schema', schema);
    const target = url.href;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    const one = async (sql: string): Promise<number> => Number((await admin.query<{ n: string }>(sql)).rows[0]!.n);
    try {
      const root = testScratchDir('ng-kill-pg-');
      const paths = writeArticles(join(root, 'articles'), 12);
      const queue = await JobQueue.open(target);
      try {
        expect((await enqueueInputs(queue, [join(root, 'articles')])).enqueued).toBe(12);
      } finally {
        await queue.close();
      }
      await (await openStore(target)).close();

      // Worker A: killed while it holds a job, after it has stored a few.
      const a = start(['--db', target, '--workers', '1', '--lease', '2', '--poll', '0.2', '--id', 'worker-a', '--quiet'], 'worker');
      let exited = false;
      void a.exit.then(() => (exited = true));
      const heldByA = async (): Promise<number> => one(`SELECT count(*) AS n FROM ${schema}.jobs WHERE state = 'running' AND worker = 'worker-a'`);
      while (!exited && ((await one(`SELECT count(*) AS n FROM ${schema}.articles`)) < 3 || (await heldByA()) === 0)) await new Promise((r) => setTimeout(r, 20));
      if (exited) throw new Error(`worker A exited before it could be killed:\n${a.output()}`);
      a.child.kill('SIGKILL');
      await a.exit;
      const orphaned = (await admin.query<{ id: number }>(`SELECT id FROM ${schema}.jobs WHERE state = 'running' AND worker = 'worker-a'`)).rows.map((r) => r.id);
      // A worker keeps up to two jobs per thread in flight, so it may die holding one or two.
      expect(orphaned.length).toBeGreaterThanOrEqual(1);
      expect(orphaned.length).toBeLessThanOrEqual(2);

      // Worker B: waits out A's lease, takes its job over, drains the queue, exits.
      const b = start(['--db', target, '--workers', '1', '--lease', '2', '--poll', '0.2', '--id', 'worker-b', '--once', '--json'], 'worker');
      expect(await b.exit, b.output()).toBe(0);
      const taken = (await admin.query<{ state: string; worker: string; attempts: number }>(`SELECT state, worker, attempts FROM ${schema}.jobs WHERE id = ANY($1::bigint[]) ORDER BY id`, [orphaned])).rows;
      expect(taken).toEqual(orphaned.map(() => ({ state: 'done', worker: 'worker-b', attempts: 2 })));
      expect(await one(`SELECT count(*) AS n FROM ${schema}.jobs WHERE state <> 'done'`)).toBe(0);

      const store = await openStore(target);
      try {
        expect((await store.stats()).articles).toBe(12);
        for (const path of paths) {
          expect((await store.getArticle(articleKey({ kind: 'raw', content: readFileSync(path, 'utf8') })))?.origin).toBe(path);
        }
        // B ran the analysis when the queue drained.
        expect((await store.stats()).clusters).toBeGreaterThan(0);
      } finally {
        await store.close();
      }
    } finally {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    }
  }, 300_000);
});
