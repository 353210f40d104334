/**
 * The PostgreSQL store: the conformance suite against a real server, and what only a
 * server store meets — connection failures (refused port, silent server, wrong
 * password, missing database, dropped connections), concurrent migrations and writers,
 * a schema from a newer newsgraph. NEWSGRAPH_TEST_PG names a database the test may
 * create schemas in (.ci/run sets one up); each run uses fresh schemas, dropped after.
 * The checks that need no server (URL checks, refused port, silent server) always run.
 */
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { ARTICLE_COLUMNS, ENTITY_COLUMNS, EVENT_COLUMNS, PARTICIPANT_COLUMNS, QUOTE_COLUMNS } from '../../src/store/sql/columns.js';
import { openPostgresStore } from '../../src/store/postgres/index.js';
import { LATEST_VERSION } from '../../src/store/postgres/migrations.js';
import type { Store } from '../../src/store/types.js';
import { describeStoreConformance } from './conformance.js';
import { fixtureInputs } from './fixtures.js';

const PG_URL = process.env.NEWSGRAPH_TEST_PG;
const SKIP_REASON = '(skipped: set NEWSGRAPH_TEST_PG=postgres://user:pass@host:5432/db to run)';

const schemas: string[] = [];
function freshSchema(): string {
  const name = `ng_test_${randomBytes(6).toString('hex')}`;
  schemas.push(name);
  return name;
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  if (!PG_URL || schemas.length === 0) return;
  await admin(async (c) => {
    for (const s of schemas) await c.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  });
});

async function rejection(p: Promise<unknown>): Promise<{ code?: string; message: string; input?: string | null }> {
  try {
    await p;
  } catch (e) {
    return e as { code?: string; message: string; input?: string | null };
  }
  throw new Error('expected a rejection');
}

/** A local port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const STORE_TABLES = ['participants', 'events', 'quotes', 'entities', 'clusters', 'conflicts', 'articles'];

if (PG_URL) {
  const conformanceSchema = freshSchema();
  describeStoreConformance(
    'postgres',
    async () => openPostgresStore(PG_URL, { schema: conformanceSchema }),
    async () => {
      // Test-only emptying through a separate connection.
      await admin((c) => c.query(`TRUNCATE ${STORE_TABLES.map((t) => `${conformanceSchema}.${t}`).join(', ')}`));
    },
  );
} else {
  describe.skip(`store conformance: postgres ${SKIP_REASON}`, () => {
    it('runs the conformance suite', () => undefined);
  });
}

describe('postgres store: bad URLs and unreachable servers', () => {
  it('refuses a URL that is not PostgreSQL, without echoing the password', async () => {
    for (const url of ['mysql://ng:secret@localhost/news', 'http://ng:secret@localhost:5432/news', 'not a url :secret@']) {
      const e = await rejection(openPostgresStore(url));
      expect(e.code).toBe('E_STORE');
      expect(e.message).not.toContain('secret');
      expect(JSON.stringify(e)).not.toContain('secret');
    }
    const e = await rejection(openPostgresStore('mysql://ng:secret@localhost/news'));
    expect(e.message).toMatch(/not a PostgreSQL URL: mysql:\/\/ng:\*\*\*@localhost\/news/);
    expect(e.input).toBe('mysql://ng@localhost/news');
  });

  it('refuses a schema name that is not a plain identifier', async () => {
    const e = await rejection(openPostgresStore('postgres://ng@localhost/news', { schema: 'x; DROP TABLE y' }));
    expect(e.code).toBe('E_STORE');
    expect(e.message).toMatch(/bad schema name/);
  });

  it('says the connection was refused, naming the URL with the password masked', async () => {
    const port = await closedPort();
    const url = `postgres://ng:hunter2@127.0.0.1:${port}/news`;
    const e = await rejection(openPostgresStore(url));
    expect(e.code).toBe('E_STORE');
    expect(e.message).toContain(`postgres://ng:***@127.0.0.1:${port}/news`);
    expect(e.message).toMatch(/connection refused/);
    expect(e.message).not.toContain('hunter2');
    expect(e.input).toBe(`postgres://ng@127.0.0.1:${port}/news`);
  });

  it('gives up on a server that never answers within the connect timeout', async () => {
    // Accepts the connection, then says nothing: a firewall or a wrong service.
    const sockets = new Set<net.Socket>();
    const server = net.createServer((s) => sockets.add(s));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    try {
      const started = Date.now();
      const e = await rejection(openPostgresStore(`postgres://ng:pw@127.0.0.1:${port}/news`));
      expect(e.code).toBe('E_STORE');
      expect(e.message).toMatch(/no answer within 5 s/);
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }, 20_000);
});

const describePg = PG_URL ? describe : describe.skip;

describePg(`postgres store: server behaviour${PG_URL ? '' : ` ${SKIP_REASON}`}`, () => {
  const url = PG_URL ?? '';
  const withUrl = (change: (u: URL) => void): string => {
    const u = new URL(url);
    change(u);
    return u.href;
  };

  it('names the store by its URL without the password', async () => {
    const store = await openPostgresStore(withUrl((u) => u.searchParams.set('schema', freshSchema())));
    try {
      const u = new URL(url);
      expect(store.dialect).toBe('postgres');
      if (u.password) expect(store.location).not.toContain(`:${u.password}@`);
      expect(store.location).toContain(u.host);
      expect(store.location).toContain('schema=');
    } finally {
      await store.close();
    }
  });

  it('says the password was wrong', async (ctx) => {
    const wrong = withUrl((u) => {
      u.password = 'definitely-wrong-pw';
    });
    // A server that trusts local connections accepts any password: nothing to test there.
    const trusting = await openPostgresStore(wrong).then(async (s) => (await s.close(), true), () => false);
    if (trusting) ctx.skip();
    const e = await rejection(openPostgresStore(wrong));
    expect(e.code).toBe('E_STORE');
    expect(e.message).toMatch(/password authentication failed/);
    expect(e.message).toContain(':***@');
    expect(e.message).not.toContain('definitely-wrong-pw');
  });

  it('says the database does not exist', async () => {
    const missing = `ng_missing_${randomBytes(4).toString('hex')}`;
    const e = await rejection(openPostgresStore(withUrl((u) => (u.pathname = `/${missing}`))));
    expect(e.code).toBe('E_STORE');
    expect(e.message).toMatch(new RegExp(`database "${missing}" does not exist`));
    expect(e.input).toContain(missing);
  });

  it('has every column the shared row writers (src/store/sql/columns.ts) fill', async () => {
    const schema = freshSchema();
    const store = await openPostgresStore(url, { schema });
    try {
      await store.migrate();
      const r = await admin((c) => c.query<{ table_name: string; column_name: string }>(
        'SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = $1', [schema],
      ));
      const have = new Set(r.rows.map((row) => `${row.table_name}.${row.column_name}`));
      const missing = Object.entries({ articles: ARTICLE_COLUMNS, events: EVENT_COLUMNS, participants: PARTICIPANT_COLUMNS, quotes: QUOTE_COLUMNS, entities: ENTITY_COLUMNS })
        .flatMap(([table, columns]) => columns.map(([column]) => `${table}.${column}`))
        .filter((c) => !have.has(c));
      expect(missing).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('lets two processes migrate an empty schema at once', async () => {
    const schema = freshSchema();
    const [a, b] = await Promise.all([openPostgresStore(url, { schema }), openPostgresStore(url, { schema })]);
    try {
      await Promise.all([a.migrate(), b.migrate(), a.migrate()]);
      expect(await a.schemaVersion()).toBe(LATEST_VERSION);
      expect(await b.schemaVersion()).toBe(LATEST_VERSION);
      const rows = await admin((c) => c.query(`SELECT version FROM ${schema}.newsgraph_schema ORDER BY version`));
      expect(rows.rows.map((r: { version: number }) => r.version)).toEqual(Array.from({ length: LATEST_VERSION }, (_, i) => i + 1));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('keeps one copy when two writers store the same article at once', async () => {
    const schema = freshSchema();
    const stores: Store[] = await Promise.all(Array.from({ length: 4 }, () => openPostgresStore(url, { schema })));
    try {
      await stores[0]!.migrate();
      const inputs = fixtureInputs();
      const results = await Promise.all(stores.flatMap((s) => inputs.map((input) => s.putArticle(input))));
      expect(results.filter(Boolean)).toHaveLength(inputs.length);
      const stats = await stores[1]!.stats();
      expect(stats.articles).toBe(inputs.length);
      expect(stats.events).toBe(inputs.reduce((n, i) => n + i.record.events.length, 0));
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('refuses a database whose schema is newer than this code', async () => {
    const schema = freshSchema();
    const store = await openPostgresStore(url, { schema });
    await store.migrate();
    await store.close();
    await admin((c) => c.query(`INSERT INTO ${schema}.newsgraph_schema (version, name) VALUES ($1, 'from the future')`, [LATEST_VERSION + 1]));
    const e = await rejection(openPostgresStore(url, { schema }));
    expect(e.code).toBe('E_STORE');
    expect(e.message).toMatch(/newer than this newsgraph/);
    expect(e.message).toContain(schema);
  });

  it('refuses to migrate over another program’s tables, suggesting a schema of its own', async () => {
    const schema = freshSchema();
    await admin(async (c) => {
      await c.query(`CREATE SCHEMA ${schema}`);
      await c.query(`CREATE TABLE ${schema}.articles (id serial PRIMARY KEY, body text)`);
    });
    const store = await openPostgresStore(url, { schema });
    try {
      const e = await rejection(store.migrate());
      expect(e.code).toBe('E_STORE');
      expect(e.message).toMatch(/relation "articles" already exists: another program's tables are there/);
      // Nothing of the failed migration stays behind.
      expect(await store.schemaVersion()).toBe(0);
    } finally {
      await store.close();
    }
  });

  it('turns a lost connection into E_STORE and recovers when the server is back', async () => {
    // A proxy between the store and the server that can cut every connection.
    const target = new URL(url);
    const links = new Set<net.Socket>();
    let accepting = true;
    const proxy = net.createServer((client) => {
      if (!accepting) return client.destroy();
      const server = net.connect(Number(target.port || 5432), target.hostname.replace(/^\[|\]$/g, ''));
      for (const [a, b] of [[client, server], [server, client]] as const) {
        links.add(a);
        a.on('error', () => b.destroy());
        a.on('close', () => {
          links.delete(a);
          b.destroy();
        });
        a.pipe(b);
      }
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const { port } = proxy.address() as net.AddressInfo;
    const viaProxy = withUrl((u) => {
      u.hostname = '127.0.0.1';
      u.port = String(port);
    });
    const store = await openPostgresStore(viaProxy, { schema: freshSchema() });
    try {
      await store.migrate();
      const [input] = fixtureInputs();
      expect(await store.putArticle(input!)).toBe(true);

      accepting = false;
      for (const s of links) s.destroy();
      await new Promise((resolve) => setTimeout(resolve, 100));
      const e = await rejection(store.stats());
      expect(e.code).toBe('E_STORE');
      expect(e.message).toContain(`127.0.0.1:${port}`);
      const w = await rejection(store.putArticle(fixtureInputs()[1]!));
      expect(w.code).toBe('E_STORE');

      accepting = true;
      expect((await store.stats()).articles).toBe(1);
    } finally {
      await store.close();
      for (const s of links) s.destroy();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    }
  });
});
