/**
 * Fetch one URL as an article input: http(s) only, redirects followed by hand
 * (each hop re-checked), loopback/private addresses refused unless allowed
 * (checked on the resolved address at connect time, so DNS cannot smuggle one
 * in), a deadline for headers and one for the whole body, and a size cap that
 * stops endless bodies.
 */
import http from 'node:http';
import https from 'node:https';
import { lookup as dnsLookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import { NewsgraphError } from '../core/errors.js';
import { isPrivateAddress } from './address.js';
import { bytesToInput } from './file.js';
import type { ReadOptions } from './file.js';
import { LIMITS } from './limits.js';
import { kindFromContentType, kindFromName } from './sniff.js';
import type { RawInput } from './types.js';

export interface FetchOptions extends ReadOptions {
  allowPrivate?: boolean;
  headersTimeoutMs?: number;
  totalTimeoutMs?: number;
  maxBytes?: number;
}

interface Response {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export function isUrl(spec: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(spec);
}

function guardedLookup(input: string, allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as unknown as { address: string; family: number }[];
      const bad = list.find((a) => isPrivateAddress(a.address));
      if (bad && !allowPrivate) {
        return callback(new NewsgraphError('E_PRIVATE_ADDRESS', `${hostname} resolves to private address ${bad.address} (use --allow-private to allow)`, { input }), '', 0);
      }
      const first = list[0];
      if (!first) return callback(new Error(`no address for ${hostname}`), '', 0);
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: typeof list) => void)(null, list);
      callback(null, first.address, first.family);
    });
  };
}

function requestOnce(url: URL, input: string, opts: Required<Pick<FetchOptions, 'allowPrivate' | 'headersTimeoutMs' | 'maxBytes'>>, deadline: number): Promise<Response> {
  return new Promise((resolve, reject) => {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) && isPrivateAddress(host) && !opts.allowPrivate) {
      reject(new NewsgraphError('E_PRIVATE_ADDRESS', `${host} is a loopback or private address (use --allow-private to allow)`, { input }));
      return;
    }
    const lib = url.protocol === 'https:' ? https : http;
    const req = lib.request(url, {
      method: 'GET',
      headers: { 'user-agent': 'newsgraph/0.1 (+https://github.com/newsgraph)', accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.9,*/*;q=0.5', 'accept-encoding': 'identity' },
      lookup: guardedLookup(input, opts.allowPrivate),
    });
    const fail = (e: NewsgraphError): void => {
      req.destroy();
      reject(e);
    };
    const remaining = deadline - Date.now();
    const totalTimer = setTimeout(() => fail(new NewsgraphError('E_TIMEOUT', `no complete response within ${LIMITS.fetchTotalTimeoutMs} ms`, { input })), Math.max(0, remaining));
    const headersTimer = setTimeout(() => fail(new NewsgraphError('E_TIMEOUT', `no response headers within ${opts.headersTimeoutMs} ms`, { input })), Math.min(opts.headersTimeoutMs, Math.max(0, remaining)));
    const done = (): void => {
      clearTimeout(totalTimer);
      clearTimeout(headersTimer);
    };
    req.on('error', (e) => {
      done();
      const ng = e instanceof NewsgraphError ? e : ((e as { cause?: unknown }).cause instanceof NewsgraphError ? (e as { cause: NewsgraphError }).cause : null);
      reject(ng ?? new NewsgraphError('E_FETCH', `cannot fetch: ${(e as NodeJS.ErrnoException).code ?? e.message}`, { input, cause: e }));
    });
    req.on('response', (res) => {
      clearTimeout(headersTimer);
      const declared = Number(res.headers['content-length'] ?? NaN);
      if (declared > opts.maxBytes) {
        done();
        fail(new NewsgraphError('E_TOO_LARGE', `response is ${declared} bytes; the limit is ${opts.maxBytes}`, { input }));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > opts.maxBytes) {
          done();
          fail(new NewsgraphError('E_TOO_LARGE', `response exceeds ${opts.maxBytes} bytes`, { input }));
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => {
        done();
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
      });
      res.on('error', (e) => {
        done();
        reject(new NewsgraphError('E_FETCH', `connection failed while reading: ${e.message}`, { input, cause: e }));
      });
    });
    req.end();
  });
}

/** What a successful fetch gives: the final URL after redirects, its Content-Type and the body bytes. */
export interface Fetched {
  url: string;
  contentType: string | null;
  body: Buffer;
}

/** Fetch a URL's bytes under the guard and limits, without deciding what they are. */
export async function fetchUrl(spec: string, options: FetchOptions = {}): Promise<Fetched> {
  let url: URL;
  try {
    url = new URL(spec);
  } catch (e) {
    throw new NewsgraphError('E_BAD_URL', 'malformed URL', { input: spec, cause: e });
  }
  const opts = {
    allowPrivate: options.allowPrivate ?? false,
    headersTimeoutMs: options.headersTimeoutMs ?? LIMITS.fetchHeadersTimeoutMs,
    maxBytes: options.maxBytes ?? LIMITS.maxInputBytes,
  };
  const deadline = Date.now() + (options.totalTimeoutMs ?? LIMITS.fetchTotalTimeoutMs);
  for (let hop = 0; hop <= LIMITS.maxRedirects; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new NewsgraphError('E_BAD_URL', `unsupported scheme ${url.protocol} (only http and https)`, { input: spec });
    }
    const res = await requestOnce(url, spec, opts, deadline);
    if (res.status >= 300 && res.status < 400 && res.headers.location) {
      url = new URL(res.headers.location, url);
      continue;
    }
    if (res.status < 200 || res.status >= 300) {
      throw new NewsgraphError('E_HTTP', `HTTP ${res.status}`, { input: spec });
    }
    return { url: url.href, contentType: res.headers['content-type'] ?? null, body: res.body };
  }
  throw new NewsgraphError('E_FETCH', `more than ${LIMITS.maxRedirects} redirects`, { input: spec });
}

/** Fetched bytes → an article input, the reader chosen from Content-Type, else the URL path, else the content. */
export function fetchedToInput(fetched: Fetched, name: string, options: ReadOptions = {}): RawInput {
  const kind = kindFromContentType(fetched.contentType, name) ?? kindFromName(new URL(fetched.url).pathname);
  return bytesToInput(fetched.body, name, fetched.url, options, fetched.contentType, kind);
}

export async function fetchUrlInput(spec: string, options: FetchOptions = {}): Promise<RawInput> {
  return fetchedToInput(await fetchUrl(spec, options), spec, options);
}
