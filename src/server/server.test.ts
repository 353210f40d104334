import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NewsgraphError } from '../core/errors.js';
import { MAX_BODY_BYTES } from './body.js';
import { FakeStore, SAMPLE_EVENT } from './fake-store.test-util.js';
import { request, responseValidator } from './http.test-util.js';
import type { RawResponse } from './http.test-util.js';
import { CONTENT_SECURITY_POLICY } from './security.js';
import { startServer } from './server.js';
import type { RunningServer } from './server.js';

const ARTICLE = readFileSync(new URL('../../examples/article.txt', import.meta.url), 'utf8');

let dir: string;
let webRoot: string;
let store: FakeStore;
let server: RunningServer;
let logged: string[];
let validate: ReturnType<typeof responseValidator>;

const get = (path: string, headers: Record<string, string> = {}): Promise<RawResponse> => request(server.url, 'GET', path, { headers });
const post = (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }): Promise<RawResponse> =>
  request(server.url, 'POST', '/api/articles', { headers, body: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body) });

function expectError(res: RawResponse, status: number, code: string, parameter?: string): void {
  expect(res.status, res.text).toBe(status);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  const body = res.json as { error: { code: string; message: string; parameter?: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(5);
  if (parameter !== undefined) expect(body.error.parameter).toBe(parameter);
  expect(res.text).not.toMatch(/\n\s+at /); // no stack trace
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsgraph-serve-'));
  webRoot = join(dir, 'dist');
  mkdirSync(join(webRoot, 'assets'), { recursive: true });
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>ui</title><script type="module" src="/assets/index-AbCd1234.js"></script>');
  writeFileSync(join(webRoot, 'assets', 'index-AbCd1234.js'), 'console.log(1)');
  writeFileSync(join(webRoot, 'assets', 'style.css'), 'body{}');
  writeFileSync(join(webRoot, '.env'), 'SECRET=1');
  writeFileSync(join(dir, 'secret.txt'), 'TOP SECRET');
  symlinkSync(join(dir, 'secret.txt'), join(webRoot, 'link.txt'));
  store = new FakeStore();
  logged = [];
  server = await startServer({ store, port: 0, webRoot, log: (l) => logged.push(l) });
  const doc = (await get('/openapi.json')).json as Record<string, unknown>;
  validate = responseValidator(doc);
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  store.failure = null;
  store.calls.length = 0;
});

describe('GET routes pass validated parameters to the store and answer in the documented shapes', () => {
  const cases: Array<{ path: string; query: string; method: string; expected: unknown[]; doc: string }> = [
    { path: '/api/stats', query: '', method: 'stats', expected: [], doc: '/api/stats' },
    { path: '/api/articles', query: 'since=2024-03&until=2024-03&publisher=Reuters&limit=10&offset=20', method: 'listArticles', expected: [{ since: '2024-03-01', until: '2024-03-31', publisher: 'Reuters', limit: 10, offset: 20 }], doc: '/api/articles' },
    {
      path: '/api/events',
      query: 'actor=IRN&recipient=AZE&actorSector=GOV,mil&recipientSector=CVL&type=ASSAULT&modality=asserted&since=2024-03-01&until=2024-03-31&place=Baku&article=0123456789abcdef&cluster=c1&unique=true&minConfidence=0.5&limit=5',
      method: 'events',
      expected: [{ actor: 'IRN', recipient: 'AZE', actorSector: ['GOV', 'MIL'], recipientSector: ['CVL'], type: 'ASSAULT', modality: 'asserted', since: '2024-03-01', until: '2024-03-31', place: 'Baku', article: '0123456789abcdef', cluster: 'c1', uniqueArticles: true, minConfidence: 0.5, limit: 5 }],
      doc: '/api/events',
    },
    { path: '/api/actors', query: 'match=ira&offset=3', method: 'actors', expected: [{ match: 'ira', offset: 3 }], doc: '/api/actors' },
    { path: '/api/quotes', query: 'speaker=AZEGOV&article=0123456789abcdef&direct=false', method: 'quotes', expected: [{ speaker: 'AZEGOV', article: '0123456789abcdef', direct: false }], doc: '/api/quotes' },
    { path: '/api/dyad', query: 'a=IRN&b=AZE&since=2023', method: 'dyad', expected: ['IRN', 'AZE', { since: '2023-01-01' }], doc: '/api/dyad' },
    { path: '/api/network', query: 'type=ASSAULT&limit=20', method: 'network', expected: [{ type: 'ASSAULT', limit: 20 }], doc: '/api/network' },
    { path: '/api/timeline', query: 'actor=IRN&bucket=day', method: 'timeline', expected: [{ actor: 'IRN', bucket: 'day' }], doc: '/api/timeline' },
    { path: '/api/timeline', query: '', method: 'timeline', expected: [{ bucket: 'month' }], doc: '/api/timeline' },
    { path: '/api/places', query: 'modality=alleged', method: 'places', expected: [{ modality: 'alleged' }], doc: '/api/places' },
    { path: '/api/search', query: 'q=ceasefire%20talks&limit=3', method: 'search', expected: ['ceasefire talks', { limit: 3 }], doc: '/api/search' },
    { path: '/api/clusters', query: 'type=ASSAULT&minArticles=2', method: 'clusters', expected: [{ type: 'ASSAULT', minArticles: 2 }], doc: '/api/clusters' },
    { path: '/api/conflicts', query: 'limit=1000', method: 'corpusConflicts', expected: [{ limit: 1000 }], doc: '/api/conflicts' },
  ];
  for (const c of cases) {
    it(`GET ${c.path}?${c.query}`, async () => {
      const res = await get(`${c.path}${c.query ? '?' + c.query : ''}`);
      expect(res.status, res.text).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(store.last(c.method)).toEqual(c.expected);
      expect(validate(c.doc, 'get', 200, res.json)).toBeNull();
    });
  }

  it('GET /api/events/:key with the colon percent-encoded, as the UI sends it', async () => {
    const res = await get(`/api/events/${encodeURIComponent(SAMPLE_EVENT.key)}`);
    expect(res.status).toBe(200);
    expect(res.json).toEqual(SAMPLE_EVENT);
    expect(validate('/api/events/{key}', 'get', 200, res.json)).toBeNull();
    expectError(await get('/api/events/0123456789abcdef:V99'), 404, 'E_NOT_FOUND');
    expectError(await get('/api/events/not-a-key'), 400, 'E_BAD_PARAMETER', 'key');
  });

  it('GET /api/articles/:key: 404 for an unknown key, 400 for a malformed one', async () => {
    expectError(await get('/api/articles/0123456789abcdef'), 404, 'E_NOT_FOUND');
    expectError(await get('/api/articles/0123'), 400, 'E_BAD_PARAMETER', 'key');
    expectError(await get(`/api/articles/${encodeURIComponent("' OR 1=1 --")}`), 400, 'E_BAD_PARAMETER', 'key');
  });

  it('HEAD answers like GET without a body', async () => {
    const res = await request(server.url, 'HEAD', '/api/stats');
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
  });
});

describe('bad parameters are 400 naming the parameter, and never reach the store', () => {
  const bad: Array<[string, string]> = [
    ['/api/events?type=BOMBING', 'type'],
    ['/api/events?type=assault', 'type'],
    ['/api/events?modality=sure', 'modality'],
    ['/api/events?since=2024-02-30', 'since'],
    ['/api/events?until=last%20week', 'until'],
    ['/api/events?limit=ten', 'limit'],
    ['/api/events?limit=1001', 'limit'],
    ['/api/events?offset=-1', 'offset'],
    ['/api/events?unique=perhaps', 'unique'],
    ['/api/events?actorSector=GOVERNMENT', 'actorSector'],
    ['/api/events?recipientSector=GOV,,MIL', 'recipientSector'],
    ['/api/events?minConfidence=1.5', 'minConfidence'],
    ['/api/events?minConfidence=high', 'minConfidence'],
    ['/api/events?minConfidence=-0.1', 'minConfidence'],
    ['/api/events?minConfidence=1e-1', 'minConfidence'],
    ['/api/events?article=xyz', 'article'],
    ['/api/events?actr=IRN', 'actr'],
    ['/api/events?actor=IRN&actor=AZE', 'actor'],
    ['/api/articles?since=03/01/2024', 'since'],
    ['/api/actors?match=' + 'x'.repeat(201), 'match'],
    ['/api/quotes?direct=yesplease', 'direct'],
    ['/api/dyad?a=IRN', 'b'],
    ['/api/dyad?b=IRN', 'a'],
    ['/api/network?offset=5', 'offset'],
    ['/api/network?limit=0', 'limit'],
    ['/api/timeline?bucket=week', 'bucket'],
    ['/api/places?limit=5', 'limit'],
    ['/api/search', 'q'],
    ['/api/search?q=', 'q'],
    ['/api/clusters?minArticles=0', 'minArticles'],
    ['/api/clusters?type=WAR', 'type'],
    ['/api/conflicts?limit=1.5', 'limit'],
    ['/api/stats?verbose=1', 'verbose'],
  ];
  for (const [path, parameter] of bad) {
    it(path.slice(0, 80), async () => {
      expectError(await get(path), 400, 'E_BAD_PARAMETER', parameter);
      expect(store.calls).toEqual([]);
    });
  }
});

describe('routing errors', () => {
  it('404 JSON for unknown API routes, never the UI page', async () => {
    expectError(await get('/api/nothing'), 404, 'E_NO_ROUTE');
    expectError(await get('/api'), 404, 'E_NO_ROUTE');
    expectError(await get('/api/stats/extra'), 404, 'E_NO_ROUTE');
  });
  it('405 with Allow for a known path and another method', async () => {
    const res = await request(server.url, 'DELETE', '/api/stats');
    expectError(res, 405, 'E_METHOD_NOT_ALLOWED');
    expect(res.headers.allow).toBe('GET, HEAD');
    const put = await request(server.url, 'PUT', '/api/articles', { headers: { 'content-type': 'application/json' }, body: '{}' });
    expectError(put, 405, 'E_METHOD_NOT_ALLOWED');
    expect(put.headers.allow).toBe('GET, HEAD, POST');
    expectError(await request(server.url, 'POST', '/openapi.json'), 405, 'E_METHOD_NOT_ALLOWED');
    expectError(await request(server.url, 'POST', '/index.html'), 405, 'E_METHOD_NOT_ALLOWED');
  });
});

describe('POST /api/articles', () => {
  it('extracts, stores, and answers 201; the same input again is 200 inserted:false without extracting; GET returns it', async () => {
    const first = await post({ raw: ARTICLE, url: 'https://example.com/news/1', published: '2023-03-14' });
    expect(first.status, first.text).toBe(201);
    expect(validate('/api/articles', 'post', 201, first.json)).toBeNull();
    const body = first.json as { key: string; inserted: boolean; record: { title: string; events: unknown[]; source: { uri: string } } };
    expect(body.key).toMatch(/^[0-9a-f]{16}$/);
    expect(body.inserted).toBe(true);
    expect(body.record.title).toMatch(/Upper Lars/);
    expect(body.record.source.uri).toBe('https://example.com/news/1');
    const input = store.last('putArticle')[0] as { key: string; origin: string; simhash: string };
    expect(input).toMatchObject({ key: body.key, origin: 'https://example.com/news/1' });
    expect(input.simhash).toMatch(/^[0-9a-f]{16}$/);

    store.calls.length = 0;
    const again = await post({ raw: ARTICLE });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ key: body.key, inserted: false });
    expect(store.calls.map((c) => c.method)).toEqual(['getArticle']);

    const stored = await get(`/api/articles/${body.key}`);
    expect(stored.status).toBe(200);
    expect(validate('/api/articles/{key}', 'get', 200, stored.json)).toBeNull();
    expect((stored.json as { record: unknown }).record).toEqual(body.record);
  });

  it('the same content as another kind is another article', async () => {
    const asText = await post({ text: ARTICLE });
    const asRaw = await post({ raw: ARTICLE });
    expect((asText.json as { key: string }).key).not.toBe((asRaw.json as { key: string }).key);
  });

  it('415 unless the body is declared JSON (UTF-8)', async () => {
    expectError(await post('{"text":"x"}', {}), 415, 'E_UNSUPPORTED_MEDIA_TYPE');
    expectError(await post('text=x', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'E_UNSUPPORTED_MEDIA_TYPE');
    expectError(await post('{"text":"x"}', { 'content-type': 'text/plain' }), 415, 'E_UNSUPPORTED_MEDIA_TYPE');
    expectError(await post('{"text":"x"}', { 'content-type': 'application/json; charset=latin1' }), 415, 'E_UNSUPPORTED_MEDIA_TYPE');
    expect(store.calls).toEqual([]);
  });

  it('400 for malformed JSON and wrong shapes, naming the field', async () => {
    expectError(await post('{"text": "unterminated'), 400, 'E_BAD_JSON');
    expectError(await post(''), 400, 'E_BAD_JSON');
    expectError(await post('[1,2]'), 400, 'E_BAD_JSON');
    expectError(await post('"just a string"'), 400, 'E_BAD_JSON');
    expectError(await post(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d])), 400, 'E_BAD_JSON');
    expectError(await post({}), 400, 'E_BAD_PARAMETER', 'text');
    expectError(await post({ text: 'a', html: '<p>a</p>' }), 400, 'E_BAD_PARAMETER', 'html');
    expectError(await post({ text: 42 }), 400, 'E_BAD_PARAMETER', 'text');
    expectError(await post({ text: '   ' }), 400, 'E_BAD_PARAMETER', 'text');
    expectError(await post({ text: 'a', body: 'b' }), 400, 'E_BAD_PARAMETER', 'body');
    expectError(await post({ text: 'a', url: 'javascript:alert(1)' }), 400, 'E_BAD_PARAMETER', 'url');
    expectError(await post({ text: 'a', url: 'not a url' }), 400, 'E_BAD_PARAMETER', 'url');
    expectError(await post({ text: 'a', published: 'Tuesday' }), 400, 'E_BAD_PARAMETER', 'published');
    expectError(await post({ text: 'a', title: ['x'] }), 400, 'E_BAD_PARAMETER', 'title');
    expect(store.calls.filter((c) => c.method === 'putArticle')).toEqual([]);
  });

  it('413 for a declared Content-Length over the limit, before any body is read', async () => {
    const res = await request(server.url, 'POST', '/api/articles', {
      headers: { 'content-type': 'application/json', 'content-length': String(MAX_BODY_BYTES + 1) },
      chunks: ['{"text": "'],
    });
    expectError(res, 413, 'E_TOO_LARGE');
    expect(res.headers.connection).toBe('close');
  });

  it('413 for a chunked body that grows past the limit', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    const res = await request(server.url, 'POST', '/api/articles', {
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      chunks: ['{"text": "', ...Array.from({ length: 7 }, () => chunk), '"}'],
    });
    expectError(res, 413, 'E_TOO_LARGE');
    // The server is still there for the next client.
    expect((await get('/api/stats')).status).toBe(200);
  });
});

describe('store failures', () => {
  it('E_STORE_BUSY becomes 503 with Retry-After, and the server keeps serving', async () => {
    store.failure = new NewsgraphError('E_STORE_BUSY', 'database is locked', { input: '/tmp/x.db' });
    const res = await get('/api/events?actor=IRN');
    expectError(res, 503, 'E_STORE_BUSY');
    expect(res.headers['retry-after']).toBe('1');
    const busyPost = await post({ text: 'Something happened in Baku today.' });
    expectError(busyPost, 503, 'E_STORE_BUSY');
    store.failure = null;
    expect((await get('/api/stats')).status).toBe(200);
  });

  it('other store failures (E_STORE) are 503 E_STORE, logged, without the path', async () => {
    const before = logged.length;
    store.failure = new NewsgraphError('E_STORE', 'the disk holding /home/me/private/store.db is full (writing)', { input: '/home/me/private/store.db' });
    const res = await get('/api/stats');
    expectError(res, 503, 'E_STORE');
    expect(res.text).not.toContain('/home/me');
    expect(logged.length).toBe(before + 1);
    expect(logged.at(-1)).toContain('disk holding');
  });

  it('a value the store itself refuses (E_USAGE) is a 400, not a 500', async () => {
    store.failure = new NewsgraphError('E_USAGE', 'since "2024-03-05T99" is not an ISO date', { input: '2024-03-05T99' });
    expectError(await get('/api/events'), 400, 'E_BAD_PARAMETER');
  });

  it('anything else is a 500 without details; the details go to the log', async () => {
    const before = logged.length;
    store.failure = new Error('SQLITE_CORRUPT: database disk image is malformed at /home/me/secret.db');
    const res = await get('/api/stats');
    expectError(res, 500, 'E_INTERNAL');
    expect(res.text).not.toContain('secret.db');
    expect(res.text).not.toContain('SQLITE');
    expect(logged.length).toBe(before + 1);
    expect(logged.at(-1)).toContain('SQLITE_CORRUPT');
    expect(logged.at(-1)).toContain('GET /api/stats');
  });
});

describe('security headers and Host check', () => {
  it('every kind of response carries the CSP and the other headers', async () => {
    for (const res of [await get('/api/stats'), await get('/api/nothing'), await get('/'), await get('/openapi.json'), await get('/assets/none.js')]) {
      expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    }
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|data:|\*/);
  });

  it('answers only to loopback host names when bound to loopback (DNS rebinding)', async () => {
    const port = new URL(server.url).port;
    expectError(await get('/api/stats', { host: `evil.example:${port}` }), 421, 'E_MISDIRECTED');
    expectError(await get('/', { host: 'attacker.test' }), 421, 'E_MISDIRECTED');
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, 'app.localhost']) {
      expect((await get('/api/stats', { host })).status).toBe(200);
    }
  });
});

describe('the web UI files', () => {
  it('serves index.html at / and for client-side paths', async () => {
    for (const path of ['/', '/index.html', '/events', '/article/0123456789abcdef']) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.text).toContain('<title>ui</title>');
    }
  });

  it('serves assets with their types; hashed names are immutable', async () => {
    const js = await get('/assets/index-AbCd1234.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const css = await get('/assets/style.css');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.headers['cache-control']).toBe('no-cache');
    const again = await get('/assets/style.css', { 'if-none-match': String(css.headers.etag) });
    expect(again.status).toBe(304);
    expect((await get('/assets/missing-AbCd1234.js')).status).toBe(404);
  });

  it('a client hanging up half-way through a file is not logged as a failure', async () => {
    // Large enough that the stream is still being written when the client goes.
    writeFileSync(join(webRoot, 'assets', 'big-AbCd1234.js'), 'x'.repeat(8 * 1024 * 1024));
    const before = logged.length;
    await new Promise<void>((resolve, reject) => {
      const req = httpGet(new URL('/assets/big-AbCd1234.js', server.url), (res) => {
        res.once('data', () => {
          req.destroy();
          // Give the server time to see the broken pipe and report (or not) its error.
          setTimeout(resolve, 300);
        });
      });
      req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' ? undefined : reject(e)));
    });
    expect(logged.slice(before)).toEqual([]);
    expect((await get('/assets/style.css')).status).toBe(200); // still serving
  });

  it('never serves a file outside the root, however the path is written', async () => {
    const attempts = [
      '/../secret.txt',
      '/../package.json',
      '/%2e%2e/secret.txt',
      '/%2E%2E/%2E%2E/package.json',
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/link.txt',
      '/.env',
      '/index.html%00.txt',
      '//etc/passwd',
    ];
    for (const path of attempts) {
      const res = await get(path);
      expect(res.text, path).not.toContain('TOP SECRET');
      expect(res.text, path).not.toContain('"name": "newsgraph"');
      expect(res.text, path).not.toContain('SECRET=1');
      expect(res.text, path).not.toContain('root:');
      expect([200, 400, 404], path).toContain(res.status);
      if (res.status === 200) expect(res.text, path).toContain('<title>ui</title>');
    }
  });

  it('without a build, / explains how to build the UI', async () => {
    const bare = await startServer({ store, port: 0, webRoot: join(dir, 'no-such-dist'), log: () => {} });
    try {
      const res = await request(bare.url, 'GET', '/');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.text).toContain('not built');
      expect(res.text).toContain('vite build web');
      expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect((await request(bare.url, 'GET', '/api/stats')).status).toBe(200);
    } finally {
      await bare.close();
    }
  });
});

describe('GET /openapi.json', () => {
  it('documents every route with the parameters the server validates', async () => {
    const res = await get('/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.json as { openapi: string; paths: Record<string, Record<string, { parameters: Array<{ name: string; in: string; required: boolean; schema: Record<string, unknown> }> }>> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/actors', '/api/articles', '/api/articles/{key}', '/api/clusters', '/api/conflicts', '/api/dyad', '/api/events', '/api/events/{key}',
      '/api/network', '/api/places', '/api/quotes', '/api/search', '/api/stats', '/api/timeline',
    ]);
    expect(Object.keys(doc.paths['/api/articles']!).sort()).toEqual(['get', 'post']);
    const events = doc.paths['/api/events']!.get!.parameters.map((p) => p.name);
    expect(events).toEqual(['actor', 'recipient', 'actorSector', 'recipientSector', 'type', 'modality', 'since', 'until', 'place', 'article', 'cluster', 'unique', 'minConfidence', 'limit', 'offset']);
    const type = doc.paths['/api/events']!.get!.parameters.find((p) => p.name === 'type')!;
    expect(type.schema.enum).toContain('ASSAULT');
    const limit = doc.paths['/api/events']!.get!.parameters.find((p) => p.name === 'limit')!;
    expect(limit.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 1000, default: 50 });
    expect(doc.paths['/api/dyad']!.get!.parameters.filter((p) => p.required).map((p) => p.name)).toEqual(['a', 'b']);
    expect(doc.paths['/api/articles/{key}']!.get!.parameters[0]).toMatchObject({ name: 'key', in: 'path', required: true });
  });
});
