import { describe, expect, it } from 'vitest';
import { HttpError } from './http-error.js';
import { articleKey, boolean, integer, isoDate, oneOf, openApiParameters, parsePath, parseQuery, required, text } from './params.js';

function fails(f: () => unknown, parameter: string, message: RegExp): void {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(HttpError);
    const h = e as HttpError;
    expect(h.status).toBe(400);
    expect(h.parameter).toBe(parameter);
    expect(h.message).toMatch(message);
    return;
  }
  throw new Error('expected a 400');
}

const spec = {
  q: required(text('words', { maxLength: 5 })),
  limit: integer('n', { min: 1, max: 1000 }),
  flag: boolean('b'),
  kind: oneOf(['day', 'month'] as const, 'k'),
  since: isoDate('s', 'start'),
  until: isoDate('u', 'end'),
  key: articleKey('a'),
};
const parse = (qs: string) => parseQuery(spec, new URLSearchParams(qs));

describe('parseQuery', () => {
  it('parses every kind of parameter', () => {
    expect(parse('q=abc&limit=20&flag=true&kind=day&since=2024-03-01&key=0123456789ABCDEF')).toEqual({
      q: 'abc', limit: 20, flag: true, kind: 'day', since: '2024-03-01', key: '0123456789abcdef',
    });
  });
  it('treats empty values as absent but still requires required ones', () => {
    expect(parse('q=x&limit=&since=')).toEqual({ q: 'x' });
    fails(() => parse('limit=5'), 'q', /is required/);
    fails(() => parse('q='), 'q', /is required/);
  });
  it('refuses unknown and repeated parameters', () => {
    fails(() => parse('q=x&actr=IRN'), 'actr', /unknown parameter; this route takes q, limit/);
    fails(() => parse('q=x&q=y'), 'q', /more than once/);
  });
  it('checks integers strictly', () => {
    for (const bad of ['abc', '1.5', '-1', '+3', ' 3', '1e3', '0x10', '99999999999999999']) fails(() => parse(`q=x&limit=${encodeURIComponent(bad)}`), 'limit', /whole number|at least|at most/);
    fails(() => parse('q=x&limit=0'), 'limit', /at least 1/);
    fails(() => parse('q=x&limit=1001'), 'limit', /at most 1000/);
    expect(parse('q=x&limit=1000').limit).toBe(1000);
  });
  it('checks booleans, enums, lengths and keys', () => {
    expect(parse('q=x&flag=0').flag).toBe(false);
    fails(() => parse('q=x&flag=maybe'), 'flag', /true or false/);
    fails(() => parse('q=x&kind=week'), 'kind', /expected one of day, month/);
    fails(() => parse('q=abcdef'), 'q', /at most 5 characters/);
    fails(() => parse("q=x&key=' OR 1=1 --"), 'key', /16 hex digits/);
  });
  it('validates dates and widens years and months to their edges', () => {
    expect(parse('q=x&since=2024&until=2024')).toMatchObject({ since: '2024-01-01', until: '2024-12-31' });
    expect(parse('q=x&since=2024-02&until=2024-02')).toMatchObject({ since: '2024-02-01', until: '2024-02-29' });
    expect(parse('q=x&until=2023-02')).toMatchObject({ until: '2023-02-28' });
    expect(parse('q=x&since=2024-03-05T10:30:00Z').since).toBe('2024-03-05T10:30:00Z');
    for (const bad of ['2024-13', '2024-02-30', '2023-02-29', 'yesterday', '24-03-01', '2024-03-01T25:00', '2024/03/01']) {
      fails(() => parse(`q=x&since=${encodeURIComponent(bad)}`), 'since', /ISO date/);
    }
  });
});

describe('parsePath and OpenAPI parameters', () => {
  it('parses path parameters with the same specs', () => {
    const p = { key: required(articleKey('k')) };
    expect(parsePath(p, { key: 'ABCDEF0123456789' })).toEqual({ key: 'abcdef0123456789' });
    fails(() => parsePath(p, { key: 'nope' }), 'key', /16 hex digits/);
  });
  it('describes the parameters it validates', () => {
    const doc = openApiParameters(spec, 'query');
    expect(doc.map((d) => d.name)).toEqual(Object.keys(spec));
    expect(doc.find((d) => d.name === 'q')).toMatchObject({ in: 'query', required: true, schema: { type: 'string', maxLength: 5 } });
    expect(doc.find((d) => d.name === 'limit')).toMatchObject({ required: false, schema: { type: 'integer', minimum: 1, maximum: 1000 } });
    expect(doc.find((d) => d.name === 'kind')).toMatchObject({ schema: { enum: ['day', 'month'] } });
  });
});
