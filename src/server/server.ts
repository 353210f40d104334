/**
 * The HTTP server: API routes (routes.ts), the OpenAPI document, and the built UI
 * (static-files.ts), behind one request handler that sets the security headers on
 * every response and turns every failure into the JSON error shape.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isNewsgraphError } from '../core/errors.js';
import type { Store } from '../store/types.js';
import { errorBody, HttpError, toHttpError } from './http-error.js';
import { openApiDocument } from './openapi.js';
import { Router } from './router.js';
import { apiRoutes } from './routes.js';
import { checkHost, SECURITY_HEADERS } from './security.js';
import { StaticFiles } from './static-files.js';

export interface ServerOptions {
  store: Store;
  /** 0 picks a free port (tests). Default 8080. */
  port?: number;
  /** Default 127.0.0.1: reachable from this machine only. */
  host?: string;
  /** Directory of the built UI (web/dist); null serves the "UI not built" page. */
  webRoot?: string | null;
  /** Where unexpected errors are reported (stack traces stay here, never in responses). */
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  server: Server;
  /** Stop accepting, let running requests finish (at most `graceMs`), then close. The store stays open: its owner closes it. */
  close(graceMs?: number): Promise<void>;
}

function sendJson(req: IncomingMessage, res: ServerResponse, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : text);
}

/** Split the request target without normalising it: "/../x" must reach the traversal check as it was sent. */
function splitTarget(target: string): { pathname: string; search: URLSearchParams } {
  if (!target.startsWith('/')) throw new HttpError(400, 'E_BAD_PATH', 'the request target must be a path starting with /');
  const q = target.indexOf('?');
  const pathname = q === -1 ? target : target.slice(0, q);
  return { pathname, search: new URLSearchParams(q === -1 ? '' : target.slice(q + 1)) };
}

/** Error codes of a stream whose client went away: no bug, and nobody to answer. */
const HUNG_UP = new Set(['ERR_STREAM_PREMATURE_CLOSE', 'ECONNRESET', 'EPIPE']);

export function createRequestHandler(options: { store: Store; host: string; webRoot: string | null; log: (line: string) => void }): (req: IncomingMessage, res: ServerResponse) => void {
  const router = new Router(apiRoutes(options.store));
  const openApi = JSON.stringify(openApiDocument(router.list()));
  const files = new StaticFiles({ root: options.webRoot });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const method = req.method ?? 'GET';
    const { pathname, search } = splitTarget(req.url ?? '/');
    checkHost(req, options.host);
    if (pathname === '/openapi.json') {
      if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, 'E_METHOD_NOT_ALLOWED', `${method} is not allowed on /openapi.json; use GET or HEAD`, null, { Allow: 'GET, HEAD' });
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(openApi)), 'Cache-Control': 'no-cache' });
      res.end(method === 'HEAD' ? undefined : openApi);
      return;
    }
    if (pathname === '/api' || pathname.startsWith('/api/')) {
      const { route, params } = router.match(method, pathname);
      const reply = await route.run(req, search, params);
      sendJson(req, res, reply.status ?? 200, reply.body);
      return;
    }
    await files.serve(req, res, pathname);
  }

  return (req, res) => {
    handle(req, res).catch((e: unknown) => {
      // A client that hangs up mid-download breaks the file stream ("Premature close"):
      // nothing went wrong here and nobody is left to answer.
      if (HUNG_UP.has(String((e as { code?: unknown } | null)?.code))) {
        res.destroy();
        return;
      }
      const { error, unexpected } = toHttpError(e);
      if (unexpected) {
        // A coded store error explains itself; anything else is a bug and needs its stack.
        const detail = isNewsgraphError(e) ? `${e.message} [${e.code}]` : e instanceof Error ? (e.stack ?? e.message) : String(e);
        options.log(`newsgraph serve: ${req.method ?? '?'} ${(req.url ?? '').slice(0, 200)} failed: ${detail}`);
      }
      if (res.headersSent) {
        // A file stream broke half-way: the status is gone, only the connection can tell the client.
        res.destroy();
        return;
      }
      sendJson(req, res, error.status, errorBody(error), error.headers);
      if (error.status === 413) {
        // Node discards (but still receives) the rest of an oversized body; cut the
        // connection shortly after the answer is out so a client cannot keep streaming.
        // Not at once: a reset could discard the answer before the client reads it.
        const socket = req.socket;
        res.on('finish', () => setTimeout(() => socket.destroy(), 1000).unref());
      }
    });
  };
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const server = createServer(createRequestHandler({ store: options.store, host, webRoot: options.webRoot ?? null, log }));
  // Slow clients cannot hold a connection open indefinitely.
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : shownHost}:${address.port}/`;
  let closing: Promise<void> | undefined;
  return {
    url,
    server,
    close(graceMs = 5000) {
      closing ??= new Promise<void>((resolve) => {
        const timer = setTimeout(() => server.closeAllConnections(), graceMs);
        timer.unref();
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}
