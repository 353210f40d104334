/**
 * Declarative parameters: one description per parameter that both parses the raw
 * query/path string (400 naming the parameter when it is wrong) and yields its
 * OpenAPI schema, so validation and documentation cannot drift apart.
 */
import { badParameter } from './http-error.js';

/** The subset of JSON Schema the parameters use (OpenAPI 3.1 = JSON Schema 2020-12). */
export type JsonSchema = Record<string, unknown>;

export interface Param<T, R extends boolean = boolean> {
  readonly description: string;
  readonly schema: JsonSchema;
  readonly required: R;
  /** Parse a non-empty raw value; throw badParameter(name, …) when it is not acceptable. */
  parse(raw: string, name: string): T;
}

export type ParamSpec = Readonly<Record<string, Param<unknown>>>;

/** The parsed values of a spec: required parameters are present, the others may be undefined. */
export type ParamValues<S extends ParamSpec> = {
  [K in keyof S]: S[K] extends Param<infer T, infer R> ? (R extends true ? T : T | undefined) : never;
};

function param<T>(description: string, schema: JsonSchema, parse: (raw: string, name: string) => T): Param<T, false> {
  return { description, schema, required: false, parse };
}

export function required<T>(p: Param<T, boolean>): Param<T, true> {
  return { ...p, required: true };
}

/** Free text with a length cap (long values are a mistake or an attack, never a useful filter). */
export function text(description: string, options: { maxLength?: number; example?: string } = {}): Param<string, false> {
  const maxLength = options.maxLength ?? 200;
  return param(
    description,
    { type: 'string', minLength: 1, maxLength, ...(options.example === undefined ? {} : { examples: [options.example] }) },
    (raw, name) => {
      if (raw.length > maxLength) throw badParameter(name, `at most ${maxLength} characters (got ${raw.length})`);
      return raw;
    },
  );
}

const DIGITS = /^\d{1,15}$/;

export function integer(description: string, options: { min: number; max?: number; default?: number }): Param<number, false> {
  const { min, max } = options;
  return param(
    description,
    { type: 'integer', minimum: min, ...(max === undefined ? {} : { maximum: max }), ...(options.default === undefined ? {} : { default: options.default }) },
    (raw, name) => {
      if (!DIGITS.test(raw)) throw badParameter(name, `must be a whole number, got ${JSON.stringify(raw)}`);
      const n = Number(raw);
      if (n < min) throw badParameter(name, `must be at least ${min}, got ${n}`);
      if (max !== undefined && n > max) throw badParameter(name, `must be at most ${max}, got ${n}`);
      return n;
    },
  );
}

const DECIMAL = /^(?:0(?:\.\d{1,6})?|1(?:\.0{1,6})?|\.\d{1,6})$/;

/** A number from 0 to 1, written as a plain decimal ("0.5", ".7", "1"). */
export function fraction(description: string): Param<number, false> {
  return param(description, { type: 'number', minimum: 0, maximum: 1 }, (raw, name) => {
    if (!DECIMAL.test(raw)) throw badParameter(name, `must be a number from 0 to 1, got ${JSON.stringify(raw)}`);
    return Number(raw);
  });
}

const TRUE = new Set(['true', '1', 'yes']);
const FALSE = new Set(['false', '0', 'no']);

export function boolean(description: string): Param<boolean, false> {
  return param(description, { type: 'boolean' }, (raw, name) => {
    const v = raw.toLowerCase();
    if (TRUE.has(v)) return true;
    if (FALSE.has(v)) return false;
    throw badParameter(name, `must be true or false, got ${JSON.stringify(raw)}`);
  });
}

export function oneOf<const V extends string>(values: readonly V[], description: string): Param<V, false> {
  return param(description, { type: 'string', enum: [...values] }, (raw, name) => {
    if ((values as readonly string[]).includes(raw)) return raw as V;
    throw badParameter(name, `unknown value ${JSON.stringify(raw)}; expected one of ${values.join(', ')}`);
  });
}

/** Some of the values, comma-separated ("GOV,MIL"), case ignored; each must be one of them. */
export function someOf<const V extends string>(values: readonly V[], description: string): Param<V[], false> {
  const re = new RegExp(`^(?:${values.join('|')})(?:,(?:${values.join('|')}))*$`);
  return param(description, { type: 'string', pattern: re.source, examples: [values.slice(0, 2).join(',')] }, (raw, name) => {
    const parts = raw.split(',').map((s) => s.trim().toUpperCase());
    const bad = parts.find((p) => !(values as readonly string[]).includes(p));
    if (bad !== undefined) throw badParameter(name, `unknown value ${JSON.stringify(bad.slice(0, 20))}; expected some of ${values.join(', ')}, comma-separated`);
    return parts as V[];
  });
}

/** Matches any string of the pattern (keys, ids); the pattern is the documentation. */
export function pattern(description: string, re: RegExp, what: string, normalize: (raw: string) => string = (s) => s): Param<string, false> {
  return param(description, { type: 'string', pattern: re.source }, (raw, name) => {
    const v = normalize(raw);
    if (!re.test(v)) throw badParameter(name, `must be ${what}, got ${JSON.stringify(raw.slice(0, 60))}`);
    return v;
  });
}

export const ARTICLE_KEY = /^[0-9a-f]{16}$/;
export const EVENT_KEY = /^[0-9a-f]{16}:V\d{1,9}$/;

export function articleKey(description: string): Param<string, false> {
  return pattern(description, ARTICLE_KEY, '16 hex digits (an article key)', (s) => s.toLowerCase());
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?)?)?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * An ISO date: YYYY, YYYY-MM, YYYY-MM-DD, or a datetime. A year or month is widened to
 * its first day (`edge: "start"`, for since) or its last day (`edge: "end"`, for until),
 * because the store compares dates as ISO strings and "2024-03-31" ≤ "2024-03" is false.
 */
export function isoDate(description: string, edge: 'start' | 'end'): Param<string, false> {
  return param(
    description,
    { type: 'string', pattern: DATE.source, examples: ['2024-03-01', '2024-03', '2024'] },
    (raw, name) => {
      const m = DATE.exec(raw);
      const bad = (): never => {
        throw badParameter(name, `must be an ISO date (YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm…), got ${JSON.stringify(raw.slice(0, 60))}`);
      };
      if (!m) return bad();
      const year = Number(m[1]);
      const month = m[2] === undefined ? undefined : Number(m[2]);
      const day = m[3] === undefined ? undefined : Number(m[3]);
      if (month !== undefined && (month < 1 || month > 12)) return bad();
      if (month !== undefined && day !== undefined && (day < 1 || day > daysInMonth(year, month))) return bad();
      const time = m[4];
      if (time !== undefined) {
        const hh = Number(time.slice(1, 3));
        const mm = Number(time.slice(4, 6));
        const ss = time.length >= 9 && time[6] === ':' ? Number(time.slice(7, 9)) : 0;
        if (hh > 23 || mm > 59 || ss > 59) return bad();
        return raw;
      }
      const pad = (n: number): string => String(n).padStart(2, '0');
      if (month === undefined) return edge === 'start' ? `${m[1]}-01-01` : `${m[1]}-12-31`;
      if (day === undefined) return `${m[1]}-${pad(month)}-${edge === 'start' ? '01' : pad(daysInMonth(year, month))}`;
      return raw;
    },
  );
}

/**
 * Parse a query string against a spec. Unknown parameters are refused (a misspelt
 * filter would otherwise silently return everything), as are repeated ones; an empty
 * value counts as absent, so HTML forms can send blank fields.
 */
export function parseQuery<S extends ParamSpec>(spec: S, search: URLSearchParams): ParamValues<S> {
  const out: Record<string, unknown> = {};
  const seen = new Set<string>();
  for (const [name, raw] of search) {
    if (!Object.hasOwn(spec, name)) {
      const known = Object.keys(spec);
      throw badParameter(name, `unknown parameter${known.length ? `; this route takes ${known.join(', ')}` : '; this route takes none'}`);
    }
    if (seen.has(name)) throw badParameter(name, 'given more than once');
    seen.add(name);
    const p = spec[name] as Param<unknown>;
    if (raw !== '') out[name] = p.parse(raw, name);
  }
  for (const [name, p] of Object.entries(spec)) {
    if (p.required && out[name] === undefined) throw badParameter(name, 'is required');
  }
  return out as ParamValues<S>;
}

/** Parse path parameters (already split out and percent-decoded by the router). */
export function parsePath<S extends ParamSpec>(spec: S, raw: Readonly<Record<string, string>>): ParamValues<S> {
  const out: Record<string, unknown> = {};
  for (const [name, p] of Object.entries(spec)) {
    const value = raw[name];
    if (value === undefined || value === '') throw badParameter(name, 'is required');
    out[name] = p.parse(value, name);
  }
  return out as ParamValues<S>;
}

/** OpenAPI parameter objects for a spec. */
export function openApiParameters(spec: ParamSpec, where: 'query' | 'path'): Array<Record<string, unknown>> {
  return Object.entries(spec).map(([name, p]) => ({
    name,
    in: where,
    required: where === 'path' ? true : p.required,
    description: p.description,
    schema: p.schema,
  }));
}
