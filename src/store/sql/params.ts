/**
 * Parameter collection for SQL built from pieces: each value is added where its
 * placeholder is written, so the text and the values cannot drift apart. The
 * placeholder style is the driver's: SQLite (better-sqlite3) binds named `@p1`,
 * PostgreSQL numbered `$1`.
 */
import { DEFAULT_LIMIT, MAX_LIMIT, type PageQuery } from '../types.js';

export type Placeholder = (n: number) => string;

export const sqlitePlaceholder: Placeholder = (n) => `@p${n}`;
export const postgresPlaceholder: Placeholder = (n) => `$${n}`;

export class SqlParams {
  readonly values: unknown[] = [];
  constructor(private readonly placeholder: Placeholder) {}

  /** Add a value and return its placeholder. */
  add(value: unknown): string {
    this.values.push(value);
    return this.placeholder(this.values.length);
  }

  /** A comma-separated list of placeholders, one per value (for IN lists). */
  list(values: readonly unknown[]): string {
    return values.map((v) => this.add(v)).join(', ');
  }

  /** The values as better-sqlite3 binds `@pN` placeholders. */
  named(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.values.forEach((v, i) => (out[`p${i + 1}`] = v));
    return out;
  }
}

/** Limit and offset with the contract's default (50) and ceiling (1000). */
export function paging(q: PageQuery | undefined, defaultLimit = DEFAULT_LIMIT): { limit: number; offset: number } {
  const limit = q?.limit === undefined || !Number.isFinite(q.limit) ? defaultLimit : Math.min(MAX_LIMIT, Math.max(0, Math.floor(q.limit)));
  const offset = q?.offset === undefined || !Number.isFinite(q.offset) ? 0 : Math.max(0, Math.floor(q.offset));
  return { limit, offset };
}
