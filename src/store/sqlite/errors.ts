/**
 * SQLite failures → the store's coded errors, each naming the database file: a lock
 * held past the busy timeout is E_STORE_BUSY (retry later), anything the file or the
 * filesystem causes is E_STORE. Errors that are not SQLite's (bugs) pass through.
 */
import { NewsgraphError, isNewsgraphError } from '../../core/errors.js';

function sqliteCode(e: unknown): string | null {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

export function storeError(e: unknown, path: string, doing: string): unknown {
  if (isNewsgraphError(e)) return e;
  const code = sqliteCode(e);
  if (code === null) return e;
  const message = e instanceof Error ? e.message : String(e);
  const fail = (c: 'E_STORE' | 'E_STORE_BUSY', text: string): NewsgraphError => new NewsgraphError(c, text, { input: path, cause: e });
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return fail('E_STORE_BUSY', `the store ${path} is locked by another process and stayed locked while ${doing}; try again when it is free`);
  }
  if (code === 'SQLITE_NOTADB') return fail('E_STORE', `${path} is not an SQLite database (${doing})`);
  if (code.startsWith('SQLITE_CORRUPT')) return fail('E_STORE', `the store ${path} is corrupt: ${message} (${doing})`);
  if (code.startsWith('SQLITE_CANTOPEN')) return fail('E_STORE', `cannot open the store ${path}: ${message}`);
  if (code.startsWith('SQLITE_READONLY')) return fail('E_STORE', `the store ${path} is read-only: ${message} (${doing})`);
  if (code === 'SQLITE_FULL') return fail('E_STORE', `the disk holding ${path} is full (${doing})`);
  return fail('E_STORE', `the store ${path} failed while ${doing}: ${message} [${code}]`);
}
