import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNewsgraphError } from '../core/errors.js';
import { fetchUrlInput } from './url.js';
import { serveRoutes, type LocalServer } from './local-server.test-util.js';

let server: LocalServer;
let base = '';

beforeAll(async () => {
  server = await serveRoutes({
    '/article': (res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<html><head><title>T</title></head><body><p>Hello from the page.</p></body></html>');
    },
    '/redirect': (res) => {
      res.writeHead(302, { location: '/article' });
      res.end();
    },
    '/slow': (res) => {
      setTimeout(() => res.end('late'), 5_000).unref();
    },
    '/endless': (res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const timer = setInterval(() => res.write('x'.repeat(16_384)), 1);
      res.on('close', () => clearInterval(timer));
    },
    '/pdf': (res) => {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end('%PDF-1.4');
    },
  });
  base = server.base;
});

afterAll(() => {
  server.close();
});

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (e) {
    return isNewsgraphError(e) ? e.code : `not-coded: ${String(e)}`;
  }
  return undefined;
}

describe('fetchUrlInput', () => {
  it('refuses loopback addresses unless allowed', async () => {
    expect(await codeOf(fetchUrlInput(`${base}/article`))).toBe('E_PRIVATE_ADDRESS');
    expect(await codeOf(fetchUrlInput('http://localhost:9/article'))).toBe('E_PRIVATE_ADDRESS');
  });

  it('fetches, follows redirects and sniffs HTML when allowed', async () => {
    const input = await fetchUrlInput(`${base}/redirect`, { allowPrivate: true });
    expect(input.kind).toBe('html');
    expect(input.uri).toBe(`${base}/article`);
    expect(input.content).toContain('Hello from the page.');
  });

  it('times out on a slow server', async () => {
    expect(await codeOf(fetchUrlInput(`${base}/slow`, { allowPrivate: true, headersTimeoutMs: 200, totalTimeoutMs: 400 }))).toBe('E_TIMEOUT');
  });

  it('stops an endless body at the size limit', async () => {
    expect(await codeOf(fetchUrlInput(`${base}/endless`, { allowPrivate: true, maxBytes: 200_000 }))).toBe('E_TOO_LARGE');
  });

  it('reports HTTP errors, unsupported types, bad schemes and unreachable hosts', async () => {
    expect(await codeOf(fetchUrlInput(`${base}/missing`, { allowPrivate: true }))).toBe('E_HTTP');
    expect(await codeOf(fetchUrlInput(`${base}/pdf`, { allowPrivate: true }))).toBe('E_FORMAT');
    expect(await codeOf(fetchUrlInput('ftp://example.com/x'))).toBe('E_BAD_URL');
    expect(await codeOf(fetchUrlInput('http://[::1'))).toBe('E_BAD_URL');
    expect(await codeOf(fetchUrlInput('http://127.0.0.1:9/', { allowPrivate: true, headersTimeoutMs: 1000 }))).toBe('E_FETCH');
  });
});
