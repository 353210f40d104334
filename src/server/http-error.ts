/**
 * Errors the API answers with: an HTTP status, a stable code, a message, and the
 * parameter at fault when there is one. Everything a handler throws ends up here,
 * so the wire format {"error": {code, message, parameter?}} has one source.
 */
import { isNewsgraphError } from '../core/errors.js';
import type { ErrorCode } from '../core/errors.js';

/** Codes the API adds to the library's NewsgraphError codes (docs/api.md lists them). */
export type ApiErrorCode =
  | 'E_BAD_PARAMETER'
  | 'E_BAD_JSON'
  | 'E_BAD_PATH'
  | 'E_NO_ROUTE'
  | 'E_NOT_FOUND'
  | 'E_METHOD_NOT_ALLOWED'
  | 'E_TOO_LARGE'
  | 'E_UNSUPPORTED_MEDIA_TYPE'
  | 'E_MISDIRECTED'
  | 'E_STORE_BUSY'
  | 'E_INTERNAL';

export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode | ErrorCode,
    message: string,
    readonly parameter: string | null = null,
    /** Extra response headers (Allow for 405, Retry-After for 503). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

export const badParameter = (parameter: string, message: string): HttpError =>
  new HttpError(400, 'E_BAD_PARAMETER', `${parameter}: ${message}`, parameter);

export const notFound = (what: string): HttpError => new HttpError(404, 'E_NOT_FOUND', what);

/** The library codes that mean "the article you sent cannot be made into a record". */
const UNPROCESSABLE: ReadonlySet<ErrorCode> = new Set(['E_EMPTY', 'E_BINARY', 'E_ENCODING', 'E_FORMAT', 'E_NO_CONTENT', 'E_BAD_URL']);

export interface ErrorBody {
  error: { code: string; message: string; parameter?: string };
}

/**
 * Turn anything thrown into the status and body the client sees. Unexpected errors
 * become a 500 with a fixed message (the details go to the server log, never to the
 * client: no stack traces, no file paths).
 */
/** `unexpected`: the server log should record it (a bug, or a store failure whose details stay private). */
export function toHttpError(e: unknown): { error: HttpError; unexpected: boolean } {
  if (e instanceof HttpError) return { error: e, unexpected: false };
  if (isNewsgraphError(e)) {
    if (e.code === 'E_STORE_BUSY') {
      return { error: new HttpError(503, 'E_STORE_BUSY', 'the store is busy (locked by another process); try again shortly', null, { 'Retry-After': '1' }), unexpected: false };
    }
    // The store failing for another reason (disk full, file damaged or removed while serving): the
    // service is unavailable rather than broken; the details (paths) go to the log only.
    if (e.code === 'E_STORE') return { error: new HttpError(503, 'E_STORE', 'the store cannot be used right now; the server log has the details'), unexpected: true };
    // The store refusing a value the parameter checks let through (they should agree; this keeps it a 400 if not).
    if (e.code === 'E_USAGE') return { error: new HttpError(400, 'E_BAD_PARAMETER', e.message), unexpected: false };
    if (e.code === 'E_TOO_LARGE') return { error: new HttpError(413, 'E_TOO_LARGE', e.message), unexpected: false };
    if (UNPROCESSABLE.has(e.code)) return { error: new HttpError(422, e.code, e.message), unexpected: false };
  }
  return { error: new HttpError(500, 'E_INTERNAL', 'internal error; the server log has the details'), unexpected: true };
}

export function errorBody(e: HttpError): ErrorBody {
  return { error: { code: e.code, message: e.message, ...(e.parameter === null ? {} : { parameter: e.parameter }) } };
}
