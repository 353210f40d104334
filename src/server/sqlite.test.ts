/**
 * The server over a real SQLite store: POST/GET round trips, every route's answer
 * against the OpenAPI schemas with real rows, hostile filter values, a locked store,
 * and the `newsgraph serve` command's start and stop.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNewsgraphError } from '../core/errors.js';
import { runServe } from '../cli/serve.js';
import { openStore } from '../store/open.js';
import type { EventRow, Page, Store } from '../store/types.js';
import { request, responseValidator } from './http.test-util.js';
import type { RawResponse } from './http.test-util.js';
import { startServer } from './server.js';
import type { RunningServer } from './server.js';

const ARTICLES = [
  `Iran and Azerbaijan hold border talks in Baku

BAKU, March 4, 2024 (Reuters) - The foreign minister of Iran met his counterpart from Azerbaijan in Baku on Monday, officials said.

Azerbaijan accused Iran of shelling a border village, a spokesman said. "We want calm on the border," the minister told reporters.
`,
  `France sends aid to Kenya after floods

NAIROBI, April 12, 2024 (AFP) - France sent medical aid to Kenya on Friday after floods killed 40 people in the west of the country.

"We stand with Kenya," the French ambassador said in Nairobi.
`,
  `Police arrest protesters in Lima

LIMA, May 20, 2024 (Reuters) - Police in Peru arrested 25 protesters outside Congress in Lima on Sunday, the interior ministry said.

Protesters demanded the resignation of the government.
`,
];

let dir: string;
let store: Store;
let server: RunningServer;
let validate: ReturnType<typeof responseValidator>;
const keys: string[] = [];

const get = (path: string): Promise<RawResponse> => request(server.url, 'GET', path);
const post = (body: unknown): Promise<RawResponse> => request(server.url, 'POST', '/api/articles', { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsgraph-serve-sqlite-'));
  store = await openStore(join(dir, 'store.db'));
  server = await startServer({ store, port: 0, webRoot: null, log: () => {} });
  validate = responseValidator((await get('/openapi.json')).json as Record<string, unknown>);
  for (const raw of ARTICLES) {
    const res = await post({ raw, url: `https://news.example/${keys.length}` });
    expect(res.status, res.text).toBe(201);
    keys.push((res.json as { key: string }).key);
  }
});

afterAll(async () => {
  await server.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('round trip through a SQLite store', () => {
  it('stores what was posted, once', async () => {
    const again = await post({ raw: ARTICLES[0] });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ key: keys[0], inserted: false });
    const stats = await get('/api/stats');
    expect(validate('/api/stats', 'get', 200, stats.json)).toBeNull();
    expect(stats.json).toMatchObject({ articles: 3 });
    const list = await get('/api/articles');
    expect(validate('/api/articles', 'get', 200, list.json)).toBeNull();
    expect((list.json as Page<{ key: string }>).items.map((a) => a.key).sort()).toEqual([...keys].sort());
    const one = await get(`/api/articles/${keys[1]}`);
    expect(validate('/api/articles/{key}', 'get', 200, one.json)).toBeNull();
    expect(one.json).toMatchObject({ key: keys[1], uri: 'https://news.example/1', origin: 'https://news.example/1' });
  });

  it('lists events, and each event is reachable by its key', async () => {
    const res = await get('/api/events?limit=1000');
    expect(validate('/api/events', 'get', 200, res.json)).toBeNull();
    const page = res.json as Page<EventRow>;
    expect(page.total).toBeGreaterThan(0);
    for (const event of page.items) {
      const one = await get(`/api/events/${encodeURIComponent(event.key)}`);
      expect(one.status).toBe(200);
      expect(one.json).toEqual(event);
    }
    const byArticle = (await get(`/api/events?article=${keys[0]}`)).json as Page<EventRow>;
    expect(byArticle.items.every((e) => e.articleKey === keys[0])).toBe(true);
    const paged = (await get('/api/events?limit=1&offset=1')).json as Page<EventRow>;
    expect(paged).toMatchObject({ limit: 1, offset: 1, total: page.total });
    expect(paged.items.length).toBe(Math.min(1, page.total - 1));
  });

  it('answers every GET route in its documented shape', async () => {
    const routes: Array<[string, string]> = [
      ['/api/actors', '/api/actors'],
      ['/api/actors?match=ira', '/api/actors'],
      ['/api/quotes', '/api/quotes'],
      ['/api/quotes?direct=true', '/api/quotes'],
      ['/api/dyad?a=IRN&b=AZE', '/api/dyad'],
      ['/api/network', '/api/network'],
      ['/api/timeline?bucket=day', '/api/timeline'],
      ['/api/timeline?since=2024&until=2024', '/api/timeline'],
      ['/api/places', '/api/places'],
      ['/api/search?q=protesters', '/api/search'],
      ['/api/clusters', '/api/clusters'],
      ['/api/conflicts', '/api/conflicts'],
    ];
    for (const [path, doc] of routes) {
      const res = await get(path);
      expect(res.status, `${path}: ${res.text}`).toBe(200);
      expect(validate(doc, 'get', 200, res.json), path).toBeNull();
    }
    const hits = (await get('/api/search?q=protesters')).json as Page<{ article: { key: string } }>;
    expect(hits.items.map((h) => h.article.key)).toContain(keys[2]);
  });
});

describe('hostile filter values are data, never SQL', () => {
  const hostile = ["' OR 1=1 --", "') OR ('1'='1", '" OR ""="', '%', '_', '*', "IRN'; DROP TABLE articles; --", '\\'];
  const filters = ['/api/events?actor=', '/api/events?recipient=', '/api/events?place=', '/api/events?cluster=', '/api/articles?publisher=', '/api/quotes?speaker=', '/api/network?actor=', '/api/places?actor=', '/api/timeline?actor='];
  for (const value of hostile) {
    it(JSON.stringify(value), async () => {
      for (const f of filters) {
        const res = await get(f + encodeURIComponent(value));
        expect(res.status, f + value).toBe(200);
        const body = res.json as { total?: number; items?: unknown[]; nodes?: unknown[]; edges?: unknown[] } | unknown[];
        if (Array.isArray(body)) expect(body, f + value).toEqual([]);
        else if (body.nodes) expect(body.edges, f + value).toEqual([]);
        else expect(body.total, f + value).toBe(0);
      }
      const actors = await get(`/api/actors?match=${encodeURIComponent(value)}`);
      expect(actors.status).toBe(200);
      expect((actors.json as Page<unknown>).total).toBeLessThan(((await get('/api/actors')).json as Page<unknown>).total || 1);
      const dyad = await get(`/api/dyad?a=${encodeURIComponent(value)}&b=IRN`);
      expect(dyad.json).toMatchObject({ months: [] });
      // Full-text syntax in a search is either matched as words or refused, never an error page or every article.
      const search = await get(`/api/search?q=${encodeURIComponent(value)}`);
      expect([200, 400], search.text).toContain(search.status);
      if (search.status === 200) expect((search.json as Page<unknown>).total).toBeLessThan(3);
      expect((await get('/api/stats')).json).toMatchObject({ articles: 3 });
    });
  }
});

describe('a locked store', () => {
  it('answers 503 E_STORE_BUSY while another process holds the write lock, then works again', async () => {
    const other = new Database(join(dir, 'store.db'), { timeout: 0 });
    try {
      other.exec('BEGIN IMMEDIATE');
      const res = await post({ text: 'Kenya and Uganda signed a trade agreement in Kampala on Tuesday, officials said.' });
      expect(res.status, res.text).toBe(503);
      expect(res.json).toMatchObject({ error: { code: 'E_STORE_BUSY' } });
      expect(res.headers['retry-after']).toBe('1');
      other.exec('ROLLBACK');
    } finally {
      other.close();
    }
    const retry = await post({ text: 'Kenya and Uganda signed a trade agreement in Kampala on Tuesday, officials said.' });
    expect(retry.status).toBe(201);
  });
});

describe('newsgraph serve', () => {
  async function serve(args: string[]): Promise<{ url: string; lines: string[]; stop: () => Promise<number> }> {
    const lines: string[] = [];
    const controller = new AbortController();
    let announce: (url: string) => void = () => {};
    const started = new Promise<string>((resolve) => (announce = resolve));
    const done = runServe([...args, '--port', '0'], (l) => {
      lines.push(l);
      const m = /^Open (\S+) in a browser/.exec(l);
      if (m) announce(m[1]!);
    }, (l) => lines.push(l), { stop: controller.signal, webRoot: null });
    const url = await Promise.race([started, done.then(() => { throw new Error(`serve ended early: ${lines.join('\n')}`); })]);
    return { url, lines, stop: () => (controller.abort(), done) };
  }

  it('creates a missing store, says so, serves it, and stops cleanly', async () => {
    const path = join(dir, 'new.db');
    const s = await serve(['--db', path]);
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(s.lines.join('\n')).toContain(`created a new, empty store at ${path}`);
    const res = await request(s.url, 'GET', '/api/stats');
    expect(res.json).toMatchObject({ articles: 0 });
    expect(await s.stop()).toBe(0);
    expect(s.lines.at(-1)).toContain('store closed');
    // The port is free again: the server is really gone.
    await expect(request(s.url, 'GET', '/api/stats')).rejects.toThrow();
    // A second start finds the store and does not claim to create it.
    const again = await serve(['--db', path]);
    expect(again.lines.join('\n')).not.toContain('created');
    expect(await again.stop()).toBe(0);
  });

  it('refuses a corrupt store file at start with E_STORE naming it', async () => {
    const path = join(dir, 'corrupt.db');
    writeFileSync(path, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4096, 0x5a)]));
    const error = await runServe(['--db', path, '--port', '0'], () => {}, () => {}).catch((e: unknown) => e);
    expect(isNewsgraphError(error) && error.code).toBe('E_STORE');
    expect(String((error as Error).message)).toContain(path);
  });

  it('refuses bad options and a port in use', async () => {
    const code = async (args: string[]): Promise<string | false> => {
      const e = await runServe(args, () => {}, () => {}).catch((x: unknown) => x);
      return isNewsgraphError(e) && e.code;
    };
    expect(await code(['--db', join(dir, 'x.db'), '--port', 'eighty'])).toBe('E_USAGE');
    expect(await code(['--db', join(dir, 'x.db'), '--port', '70000'])).toBe('E_USAGE');
    expect(await code(['extra'])).toBe('E_USAGE');
    const port = new URL(server.url).port;
    expect(await code(['--db', join(dir, 'x.db'), '--port', port])).toBe('E_USAGE');
  });
});
