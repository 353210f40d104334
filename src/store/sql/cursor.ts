/**
 * Keyset paging for the lists ordered "date descending, undated last, then key" (events
 * by sort date, articles by publication day). A page ends at a position — the last row's
 * date and key — and the next page is the rows after that position, found by seeking the
 * list's index there instead of counting OFFSET rows from the top: each page costs the
 * same however deep into the list it is, and rows written meanwhile before the position
 * cannot shift later pages (with OFFSET one row would be read twice) nor rows removed
 * before it make one be skipped.
 *
 * The cursor handed to callers is opaque (base64url of JSON) so they pass it back
 * unchanged; only these functions read it.
 */
import { NewsgraphError } from '../../core/errors.js';
import type { SqlParams } from './params.js';

/** Where a page ended: the last row's date (null when undated) and unique key. */
export interface ListPosition {
  date: string | null;
  key: string;
}

export function encodeCursor(p: ListPosition): string {
  return Buffer.from(JSON.stringify([p.date, p.key]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): ListPosition {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (Array.isArray(value) && value.length === 2 && (value[0] === null || typeof value[0] === 'string') && typeof value[1] === 'string') {
    return { date: value[0] as string | null, key: value[1] };
  }
  throw new NewsgraphError('E_USAGE', `"${cursor}" is not a page cursor this store handed out (pass a page's \`next\` unchanged)`, { input: cursor });
}

/** The cursor of a page's last row when the page is full (more may follow), else null. */
export function nextCursor<T>(items: readonly T[], limit: number, position: (last: T) => ListPosition): string | null {
  const last = items[items.length - 1];
  return last !== undefined && items.length === limit ? encodeCursor(position(last)) : null;
}

export interface KeysetList {
  /** `FROM …` with its aliases, e.g. "FROM events e" (joins included). */
  from: string;
  /** The list's filters, already added to `params`. */
  conditions: readonly string[];
  /** The date column ordered descending, undated last, and the unique key column. */
  date: string;
  key: string;
}

/**
 * SELECT of the keys (column `key`) of the `limit` rows after `after` (skipping `offset`
 * of them) in the order `date DESC NULLS LAST, key`. NULLs sit at one end of the list's
 * index, so "after" is two index ranges: the dated rows past the position (a range on
 * the date, so the index is sought, not scanned from the top), then the undated rows —
 * each limited, then merged; a position among the undated rows needs only the second.
 */
export function keysetKeysSql(list: KeysetList, after: ListPosition, limit: number, offset: number, params: SqlParams): string {
  const take = limit + offset;
  const range = (extra: string[]): string => [...list.conditions, ...extra].join(' AND ');
  const undatedAfter = after.date === null ? [`${list.key} > ${params.add(after.key)}`] : [];
  const undated = `SELECT 1 AS part, ${list.date} AS sd, ${list.key} AS key ${list.from} WHERE ${range([`${list.date} IS NULL`, ...undatedAfter])} `
    + `ORDER BY ${list.key} LIMIT ${take}`;
  const parts = [`SELECT * FROM (${undated}) u`];
  if (after.date !== null) {
    const d = params.add(after.date);
    const dated = `SELECT 0 AS part, ${list.date} AS sd, ${list.key} AS key ${list.from} `
      + `WHERE ${range([`${list.date} <= ${d}`, `(${list.date} < ${d} OR ${list.key} > ${params.add(after.key)})`])} `
      + `ORDER BY ${list.date} DESC NULLS LAST, ${list.key} LIMIT ${take}`;
    parts.unshift(`SELECT * FROM (${dated}) d`);
  }
  return `SELECT key FROM (${parts.join(' UNION ALL ')}) k ORDER BY part, sd DESC, key LIMIT ${limit} OFFSET ${offset}`;
}
