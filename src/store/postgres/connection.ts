/**
 * Connecting to PostgreSQL: checking the URL, the pool, and turning every failure the
 * server or the network can produce into one E_STORE line that names the URL (password
 * masked) and says what was wrong. Nothing here lets a dropped connection crash the
 * process: pooled clients always have an 'error' listener, and errors surface on the
 * next query instead.
 */
import pg from 'pg';
import { NewsgraphError } from '../../core/errors.js';

/** Give up connecting after this long: a wrong host should fail fast, not hang a CLI. */
export const CONNECT_TIMEOUT_MS = 5_000;

/** Schema names we accept: plain identifiers, so they need no quoting anywhere. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface PgTarget {
  /** What pg connects with: the URL minus our own `schema` parameter. */
  connectionString: string;
  /** The URL without its password: Store.location. */
  location: string;
  /** The URL with the password shown as ***, for messages. */
  masked: string;
  /** Schema the tables live in (search_path), or null for the server's default. */
  schema: string | null;
}

/**
 * Check that `url` is a PostgreSQL URL and work out where the tables go. The schema is
 * `options.schema`, else the URL's `?schema=` parameter, else the server default.
 */
export function parsePostgresUrl(url: string, options: { schema?: string } = {}): PgTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new NewsgraphError('E_STORE', `not a valid database URL: ${maskLoose(url)} (expected postgres://user:password@host:5432/database)`, { input: maskLoose(url) });
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    const shown = mask(parsed, '***');
    throw new NewsgraphError(
      'E_STORE',
      `not a PostgreSQL URL: ${shown} (scheme "${parsed.protocol.replace(/:$/, '')}"; expected postgres:// or postgresql://)`,
      { input: mask(parsed, null) },
    );
  }
  const schema = options.schema ?? parsed.searchParams.get('schema');
  // The schema is part of where the store is: messages and Store.location show it, and
  // the location opens the same store again.
  if (schema !== null) parsed.searchParams.set('schema', schema);
  const location = mask(parsed, null);
  if (schema !== null && !SCHEMA_NAME.test(schema)) {
    throw new NewsgraphError(
      'E_STORE',
      `bad schema name "${schema}" for ${location}: use lower-case letters, digits and _ (at most 63, not starting with a digit)`,
      { input: location },
    );
  }
  const connection = new URL(parsed.href);
  connection.searchParams.delete('schema');
  return { connectionString: connection.href, location, masked: mask(parsed, '***'), schema };
}

/** The URL with its password (in the user part or a `password=` parameter) replaced or removed. */
function mask(url: URL, replacement: string | null): string {
  const copy = new URL(url.href);
  if (copy.password !== '') copy.password = replacement ?? '';
  if (copy.searchParams.has('password')) {
    if (replacement === null) copy.searchParams.delete('password');
    else copy.searchParams.set('password', replacement);
  }
  return copy.href.replace(/\?$/, '');
}

/** Best effort for strings that do not even parse as URLs: hide anything like :password@. */
function maskLoose(text: string): string {
  return text.replace(/:[^@/\s]*@/g, ':***@');
}

export interface PoolSettings {
  /**
   * Commit without waiting for the WAL to reach disk (synchronous_commit = off) in this
   * pool's sessions. Only for ingest workers: a server crash can then lose the last
   * commits, which the job queue redoes (queue.ts explains why none is lost for good).
   */
  asyncCommit?: boolean;
}

export function createPool(target: PgTarget, max = 4, settings: PoolSettings = {}): pg.Pool {
  // Settings go in every connection's startup packet, so no query can run before they
  // are in force (a SET after connecting would race the first query on that client).
  const options = [
    ...(target.schema === null ? [] : [`-c search_path=${target.schema}`]),
    ...(settings.asyncCommit ? ['-c synchronous_commit=off'] : []),
  ];
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    max,
    keepAlive: true,
    ...(options.length === 0 ? {} : { options: options.join(' ') }),
    application_name: 'newsgraph',
  });
  // An idle client whose server went away: pg-pool re-emits the error here and drops the
  // client. Without a listener that would be an uncaught 'error' event; the next query
  // gets a fresh connection or a clear E_STORE.
  pool.on('error', () => undefined);
  return pool;
}

/** SQLSTATE classes and Node network codes that mean the connection, not the query, failed. */
function reasonFor(e: unknown): string {
  const err = e as { code?: string; message?: string; errors?: unknown[] };
  const code = err.code ?? networkCodeOf(err);
  const message = err.message ?? String(e);
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused (is PostgreSQL running and listening on that host and port?)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found';
    case 'ETIMEDOUT':
      return `no answer within ${CONNECT_TIMEOUT_MS / 1000} s`;
    case 'ECONNRESET':
    case 'EPIPE':
      return 'the connection was closed by the server or the network';
    case '28P01':
      return 'password authentication failed (wrong user or password)';
    case '28000':
      return `not allowed to connect: ${message}`;
    case '3D000':
      return `${message} (create it with: createdb <name>, or CREATE DATABASE)`;
    case '57P01':
    case '57P02':
    case '57P03':
      return `the server is shutting down or starting up: ${message}`;
    case '53300':
      return 'the server has too many connections';
    case '42501':
      return `permission denied: ${message} (give newsgraph a schema it may create tables in: ?schema=newsgraph)`;
    case '42P07':
      return `${message}: another program's tables are there (give newsgraph its own schema: ?schema=newsgraph)`;
    default:
      break;
  }
  if (/timeout/i.test(message)) return `no answer within ${CONNECT_TIMEOUT_MS / 1000} s (wrong host or port, or a firewall?)`;
  if (/Connection terminated/i.test(message)) return 'the connection to the server was lost';
  if (/SSL/i.test(message)) return `SSL problem: ${message}`;
  return message;
}

/** Node 20 tries every address of a name and reports an AggregateError: take the first code. */
function networkCodeOf(err: { errors?: unknown[] }): string | undefined {
  for (const inner of err.errors ?? []) {
    const code = (inner as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** Lock waits that ran out, deadlocks, serialization failures: another writer was in the way. */
const BUSY = new Set(['55P03', '40P01', '40001']);

/**
 * Wrap a failure talking to the server as E_STORE, or E_STORE_BUSY when another
 * transaction was in the way (NewsgraphErrors pass through).
 */
export function storeError(target: PgTarget, e: unknown, doing: string): NewsgraphError {
  if (e instanceof NewsgraphError) return e;
  const code = (e as { code?: unknown }).code;
  const busy = typeof code === 'string' && BUSY.has(code);
  return new NewsgraphError(busy ? 'E_STORE_BUSY' : 'E_STORE', `${doing} ${target.masked}: ${reasonFor(e)}`, { input: target.location, cause: e });
}

/**
 * Run `fn` on one client inside BEGIN … COMMIT, rolled back on any error. The client is
 * destroyed rather than returned to the pool when the connection itself failed.
 */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  // A checked-out client has no pool listener; keep a dying connection from throwing.
  const onError = (): void => undefined;
  client.on('error', onError);
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (e) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    }
    throw e;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}
