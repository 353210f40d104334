/**
 * A small router over node:http: routes are data (method, path pattern with :params,
 * parameter specs, schemas, handler), so the same table serves requests and produces
 * the OpenAPI document (openapi.ts). Matching is by path segments; a path that matches
 * with another method gives 405 with an Allow header.
 */
import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error.js';
import { parsePath, parseQuery } from './params.js';
import type { JsonSchema, ParamSpec, ParamValues } from './params.js';

export type Method = 'GET' | 'POST';

export interface Reply {
  status?: number;
  body: unknown;
}

export interface HandlerContext<Q extends ParamSpec, P extends ParamSpec> {
  query: ParamValues<Q>;
  path: ParamValues<P>;
  req: IncomingMessage;
}

export interface ResponseDoc {
  description: string;
  schema: JsonSchema;
}

export interface RouteDef<Q extends ParamSpec, P extends ParamSpec> {
  method: Method;
  /** "/api/articles/:key" */
  path: string;
  summary: string;
  description?: string;
  query: Q;
  pathParams: P;
  /** JSON request body (POST), for the OpenAPI document; the handler validates it. */
  requestBody?: { description: string; schema: JsonSchema };
  responses: Readonly<Record<number, ResponseDoc>>;
  handle(ctx: HandlerContext<Q, P>): Promise<Reply>;
}

/** A route with its parameter types erased, as the table holds it. */
export interface Route {
  readonly method: Method;
  readonly path: string;
  readonly summary: string;
  readonly description: string | undefined;
  readonly query: ParamSpec;
  readonly pathParams: ParamSpec;
  readonly requestBody: RouteDef<ParamSpec, ParamSpec>['requestBody'];
  readonly responses: Readonly<Record<number, ResponseDoc>>;
  readonly segments: readonly string[];
  run(req: IncomingMessage, search: URLSearchParams, rawPath: Readonly<Record<string, string>>): Promise<Reply>;
}

export function defineRoute<Q extends ParamSpec, P extends ParamSpec>(def: RouteDef<Q, P>): Route {
  const segments = def.path.split('/').slice(1);
  const declared = segments.filter((s) => s.startsWith(':')).map((s) => s.slice(1));
  const specified = Object.keys(def.pathParams);
  if (declared.length !== specified.length || declared.some((name) => !specified.includes(name))) {
    throw new Error(`route ${def.method} ${def.path}: path parameters ${declared.join(', ')} do not match the spec (${specified.join(', ')})`);
  }
  return {
    method: def.method,
    path: def.path,
    summary: def.summary,
    description: def.description,
    query: def.query,
    pathParams: def.pathParams,
    requestBody: def.requestBody,
    responses: def.responses,
    segments,
    run(req, search, rawPath) {
      // Path parameters first: a malformed key is reported before the query.
      const path = parsePath(def.pathParams, rawPath);
      const query = parseQuery(def.query, search);
      return def.handle({ query, path, req });
    },
  };
}

export type Match = { route: Route; params: Record<string, string> };

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, 'E_BAD_PATH', `malformed percent-encoding in the path segment ${JSON.stringify(segment.slice(0, 60))}`);
  }
}

export class Router {
  private readonly routes: Route[] = [];

  constructor(routes: readonly Route[]) {
    for (const r of routes) this.add(r);
  }

  private add(route: Route): void {
    const clash = this.routes.find((r) => r.method === route.method && r.path === route.path);
    if (clash) throw new Error(`route ${route.method} ${route.path} defined twice`);
    this.routes.push(route);
  }

  list(): readonly Route[] {
    return this.routes;
  }

  /**
   * The route for a method and a (still percent-encoded) pathname, or an HttpError:
   * 404 when no route has the path, 405 (with Allow) when only other methods do.
   * HEAD is answered by the GET route (node drops the body).
   */
  match(method: string, pathname: string): Match {
    const parts = pathname.split('/').slice(1);
    const allowed = new Set<string>();
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (params === null) continue;
      if (route.method === method || (method === 'HEAD' && route.method === 'GET')) {
        const decoded: Record<string, string> = {};
        for (const [k, v] of Object.entries(params)) decoded[k] = decodeSegment(v);
        return { route, params: decoded };
      }
      allowed.add(route.method);
      if (route.method === 'GET') allowed.add('HEAD');
    }
    if (allowed.size > 0) {
      const allow = [...allowed].sort().join(', ');
      throw new HttpError(405, 'E_METHOD_NOT_ALLOWED', `${method} is not allowed on ${pathname}; use ${allow}`, null, { Allow: allow });
    }
    throw new HttpError(404, 'E_NO_ROUTE', `no API route ${pathname} (GET /openapi.json lists them)`);
  }
}

function matchSegments(pattern: readonly string[], parts: readonly string[]): Record<string, string> | null {
  if (pattern.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] as string;
    const s = parts[i] as string;
    if (p.startsWith(':')) {
      if (s === '') return null;
      params[p.slice(1)] = s;
    } else if (p !== s) {
      return null;
    }
  }
  return params;
}
