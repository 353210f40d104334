/**
 * Serving the built web UI (web/dist). Paths are decoded and checked segment by segment
 * before they touch the file system ("..", NUL, backslashes refused), and the resolved
 * real path must stay inside the root, so neither encoded traversal nor a symlink can
 * reach files outside it. Unknown paths outside /assets/ get index.html, so that deep
 * links into the UI load the app; missing assets are plain 404s.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { HttpError } from './http-error.js';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.tsv': 'text/tab-separated-values; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function contentType(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Vite names built assets name-HASH.ext (8+ base64url characters): such a file never changes. */
const HASHED = /^\/assets\/.+[-.][A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

export function cacheControl(urlPath: string): string {
  return HASHED.test(urlPath) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

export const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>newsgraph</title></head>
<body>
<h1>newsgraph</h1>
<p>The web UI is not built, so there is nothing to show here yet. The API works: see <a href="/openapi.json">/openapi.json</a> and <a href="/api/stats">/api/stats</a>.</p>
<p>To build the UI, run <code>npx vite build web</code> in the newsgraph directory (it writes web/dist), then reload this page.</p>
</body></html>
`;

/**
 * The safe relative segments of a URL pathname, or an HttpError. Decoding happens once,
 * here, per segment, so "%2e%2e" and "..%2f" are seen for what they are.
 */
export function safeSegments(pathname: string): string[] {
  const segments: string[] = [];
  for (const raw of pathname.split('/')) {
    if (raw === '') continue;
    let s: string;
    try {
      s = decodeURIComponent(raw);
    } catch {
      throw new HttpError(400, 'E_BAD_PATH', 'malformed percent-encoding in the path');
    }
    if (s === '..' || s.includes('/') || s.includes('\\') || s.includes('\0')) throw new HttpError(400, 'E_BAD_PATH', 'the path leaves the web root');
    if (s === '.') continue;
    segments.push(s);
  }
  return segments;
}

export interface StaticOptions {
  /** Directory of the built UI; null or missing: answer with the "not built" page. */
  root: string | null;
}

export class StaticFiles {
  private rootReal: Promise<string | null>;

  constructor(private readonly options: StaticOptions) {
    this.rootReal = this.resolveRoot();
  }

  private async resolveRoot(): Promise<string | null> {
    if (this.options.root === null) return null;
    try {
      const real = await realpath(this.options.root);
      await stat(join(real, 'index.html'));
      return real;
    } catch {
      return null;
    }
  }

  /** Serve GET/HEAD of a non-API path. */
  async serve(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      throw new HttpError(405, 'E_METHOD_NOT_ALLOWED', `${req.method ?? '?'} is not allowed on ${pathname}; use GET or HEAD`, null, { Allow: 'GET, HEAD' });
    }
    // The UI may be built while the server runs: look again when it was missing.
    let root = await this.rootReal;
    if (root === null) {
      this.rootReal = this.resolveRoot();
      root = await this.rootReal;
    }
    if (root === null) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
      res.end(NOT_BUILT_PAGE);
      return;
    }
    const segments = safeSegments(pathname);
    // Dot-files (.git, .env …) are never part of a build: do not reveal whether one exists.
    const hidden = segments.some((s) => s.startsWith('.'));
    let file = hidden ? null : await this.find(root, segments);
    let urlPath = '/' + segments.join('/');
    if (file === null) {
      if (segments[0] === 'assets' || hidden) throw new HttpError(404, 'E_NOT_FOUND', `no file ${pathname}`);
      file = join(root, 'index.html');
      urlPath = '/index.html';
    }
    await sendFile(req, res, file, urlPath);
  }

  /** The real path of an existing regular file inside root, else null. */
  private async find(root: string, segments: readonly string[]): Promise<string | null> {
    let candidate = join(root, ...segments);
    try {
      let info = await stat(candidate);
      if (info.isDirectory()) {
        candidate = join(candidate, 'index.html');
        info = await stat(candidate);
      }
      if (!info.isFile()) return null;
      const real = await realpath(candidate);
      // A symlink pointing out of the build is refused like "..".
      if (real !== root && !real.startsWith(root + sep)) return null;
      return real;
    } catch {
      return null;
    }
  }
}

async function sendFile(req: IncomingMessage, res: ServerResponse, file: string, urlPath: string): Promise<void> {
  const info = await stat(file);
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const headers = {
    'Content-Type': contentType(file),
    'Cache-Control': cacheControl(urlPath),
    ETag: etag,
    'Last-Modified': info.mtime.toUTCString(),
  };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Length': String(info.size) });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await pipeline(createReadStream(file), res);
}
