/**
 * `newsgraph serve`: the HTTP API and the web UI over one store. Binds to 127.0.0.1
 * unless told otherwise; a missing SQLite file is created (and the output says so),
 * a corrupt or locked one stops the start with a clear error. SIGINT/SIGTERM stop
 * accepting, let running requests finish, and close the store.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { NewsgraphError } from '../core/errors.js';
import { isLoopback } from '../server/security.js';
import { startServer } from '../server/server.js';
import type { RunningServer } from '../server/server.js';
import { DEFAULT_STORE_PATH, defaultStoreSpec, isPostgresUrl, openStore } from '../store/open.js';
import type { Store } from '../store/types.js';

export { startServer } from '../server/server.js';

export const SERVE_HELP = `Usage: newsgraph serve [options]

Serve the JSON API (/api/…, described at /openapi.json) and the web UI over a store.

Options:
  --db PATH|URL   the store: an SQLite file (created when absent) or a postgres:// URL
                  (default $NEWSGRAPH_DB, else ./${DEFAULT_STORE_PATH})
  --port N        port to listen on (default 8080; 0 picks a free one)
  --host ADDR     address to bind (default 127.0.0.1: this machine only). The API has
                  no authentication: bind another address only on a trusted network.
`;

/** web/dist beside src/ (tsx) or dist/ (built): both are two levels below the package root. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

function parsePort(value: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) throw new NewsgraphError('E_USAGE', `--port must be a number from 0 to 65535, got "${value}"`);
  return Number(value);
}

function listenError(e: unknown, host: string, port: number): NewsgraphError {
  const code = (e as { code?: string }).code;
  if (code === 'EADDRINUSE') return new NewsgraphError('E_USAGE', `port ${port} on ${host} is already in use; choose another with --port`, { cause: e });
  if (code === 'EACCES') return new NewsgraphError('E_USAGE', `not allowed to listen on port ${port} (ports below 1024 need privileges); choose another with --port`, { cause: e });
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return new NewsgraphError('E_USAGE', `cannot bind to --host ${host}: not an address of this machine`, { cause: e });
  return new NewsgraphError('E_INTERNAL', `cannot start the server on ${host}:${port}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
}

export interface ServeOptions {
  /** Stop the server when aborted (tests); signals do the same from a terminal. */
  stop?: AbortSignal;
  webRoot?: string | null;
}

export async function runServe(argv: readonly string[], out: (line: string) => void, err: (line: string) => void, options: ServeOptions = {}): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      debug: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    out(SERVE_HELP.trimEnd());
    return 0;
  }
  if (positionals.length > 0) throw new NewsgraphError('E_USAGE', `serve takes no arguments (got "${positionals[0]}"); name the store with --db`);
  const port = parsePort(values.port);
  const host = values.host.trim();
  if (host === '') throw new NewsgraphError('E_USAGE', '--host is empty');

  const spec = values.db ?? defaultStoreSpec();
  const created = !isPostgresUrl(spec) && !existsSync(resolve(spec));
  // Open errors (corrupt file, foreign database, lock held, bad URL) stop here with the store's own message.
  const store: Store = await openStore(spec);
  let server: RunningServer;
  try {
    if (created) out(`newsgraph: created a new, empty store at ${store.location}`);
    const stats = await store.stats();
    try {
      server = await startServer({ store, port, host, webRoot: options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot, log: err });
    } catch (e) {
      throw listenError(e, host, port);
    }
    out(`newsgraph serve: ${store.location} (${stats.articles} articles, ${stats.events} events)`);
    out(`Open ${server.url} in a browser (API at ${server.url}api/…, description at ${server.url}openapi.json). Ctrl-C stops.`);
    if (!isLoopback(host)) err(`newsgraph serve: warning: listening on ${host}, reachable from other machines; the API has no authentication and accepts new articles`);
  } catch (e) {
    await store.close();
    throw e;
  }

  await new Promise<void>((done) => {
    const stop = (why: string): void => {
      process.off('SIGINT', onSigint);
      process.off('SIGTERM', onSigterm);
      options.stop?.removeEventListener('abort', onAbort);
      out(`newsgraph serve: ${why}, stopping`);
      done();
    };
    const onSigint = (): void => stop('interrupted');
    const onSigterm = (): void => stop('terminated');
    const onAbort = (): void => stop('stopped');
    process.once('SIGINT', onSigint);
    process.once('SIGTERM', onSigterm);
    if (options.stop?.aborted) stop('stopped');
    else options.stop?.addEventListener('abort', onAbort, { once: true });
  });
  await server.close();
  await store.close();
  out('newsgraph serve: store closed');
  return 0;
}
