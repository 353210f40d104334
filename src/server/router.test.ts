import { describe, expect, it } from 'vitest';
import { HttpError } from './http-error.js';
import { required, text } from './params.js';
import { defineRoute, Router } from './router.js';

const ok = async () => ({ body: null });
const routes = [
  defineRoute({ method: 'GET', path: '/api/things', summary: 's', query: {}, pathParams: {}, responses: {}, handle: ok }),
  defineRoute({ method: 'POST', path: '/api/things', summary: 's', query: {}, pathParams: {}, responses: {}, handle: ok }),
  defineRoute({ method: 'GET', path: '/api/things/:id', summary: 's', query: {}, pathParams: { id: required(text('id')) }, responses: {}, handle: ok }),
];

function thrown(f: () => unknown): HttpError {
  try {
    f();
  } catch (e) {
    if (e instanceof HttpError) return e;
    throw e;
  }
  throw new Error('expected an HttpError');
}

describe('Router', () => {
  const router = new Router(routes);
  it('matches method and path, decoding parameters', () => {
    expect(router.match('GET', '/api/things').route.method).toBe('GET');
    expect(router.match('POST', '/api/things').route.method).toBe('POST');
    expect(router.match('GET', '/api/things/a%3AV1').params).toEqual({ id: 'a:V1' });
    expect(router.match('HEAD', '/api/things').route.method).toBe('GET');
  });
  it('answers 404 for unknown paths and 405 with Allow for other methods', () => {
    expect(thrown(() => router.match('GET', '/api/nothing')).status).toBe(404);
    expect(thrown(() => router.match('GET', '/api/things/')).status).toBe(404);
    expect(thrown(() => router.match('GET', '/api/things/a/b')).status).toBe(404);
    const e = thrown(() => router.match('DELETE', '/api/things'));
    expect(e.status).toBe(405);
    expect(e.headers.Allow).toBe('GET, HEAD, POST');
    expect(thrown(() => router.match('POST', '/api/things/x')).headers.Allow).toBe('GET, HEAD');
  });
  it('refuses malformed percent-encoding', () => {
    expect(thrown(() => router.match('GET', '/api/things/%E0%A4%A')).code).toBe('E_BAD_PATH');
  });
  it('refuses a route table whose path and parameter spec disagree, or a duplicate route', () => {
    expect(() => defineRoute({ method: 'GET', path: '/x/:id', summary: '', query: {}, pathParams: {}, responses: {}, handle: ok })).toThrow(/do not match/);
    expect(() => new Router([routes[0]!, routes[0]!])).toThrow(/defined twice/);
  });
});
