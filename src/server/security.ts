/**
 * Headers every response carries, and the Host check that keeps a loopback server
 * from being reached through DNS rebinding.
 */
import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error.js';

/**
 * Only the server's own origin: no inline script or style, no eval, no remote origin,
 * no data: URLs (the UI build inlines nothing: web/vite.config.ts), no framing.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export function isLoopback(host: string): boolean {
  return LOOPBACK_NAMES.has(host) || host.startsWith('127.') || host.endsWith('.localhost');
}

/**
 * A server bound to loopback answers only requests addressed to a loopback name or
 * address. A web page on another site could otherwise point its own host name at
 * 127.0.0.1 (DNS rebinding) and read the API as "same origin". A server bound to
 * another interface was exposed on purpose and takes any Host.
 */
export function checkHost(req: IncomingMessage, boundHost: string): void {
  if (!isLoopback(boundHost)) return;
  const header = req.headers.host;
  if (header === undefined) return; // HTTP/1.0 clients; a browser always sends Host.
  const name = header.startsWith('[') ? header.slice(0, header.indexOf(']') + 1) : header.replace(/:\d+$/, '');
  if (isLoopback(name.toLowerCase().replace(/^\[|\]$/g, ''))) return;
  throw new HttpError(421, 'E_MISDIRECTED', `this server answers only to localhost (it is bound to ${boundHost}); the request was addressed to ${JSON.stringify(name.slice(0, 100))}`);
}
