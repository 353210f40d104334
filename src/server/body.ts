/**
 * Reading a JSON request body with a hard size cap. The cap is enforced twice: a
 * declared Content-Length over it is refused before reading anything, and a chunked
 * body is counted as it arrives and abandoned the moment it passes the cap, so a
 * client cannot make the server buffer more than the limit.
 */
import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error.js';

/** 5 MiB: far above any news article (HTML pages included), far below a memory problem. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

function tooLarge(limit: number): HttpError {
  return new HttpError(413, 'E_TOO_LARGE', `request body is over the limit of ${limit} bytes (${(limit / 1048576).toFixed(0)} MiB)`, null, { Connection: 'close' });
}

/** Refuse anything but JSON (also what makes cross-site form posts impossible: they cannot send it without a CORS preflight). */
export function requireJson(req: IncomingMessage): void {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type !== 'application/json') {
    throw new HttpError(415, 'E_UNSUPPORTED_MEDIA_TYPE', `request body must be JSON (Content-Type: application/json), got ${type === '' ? 'no Content-Type' : JSON.stringify(type)}`);
  }
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.headers['content-type'] ?? '')?.[1]?.toLowerCase();
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw new HttpError(415, 'E_UNSUPPORTED_MEDIA_TYPE', `JSON bodies must be UTF-8, got charset=${charset}`);
  }
}

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        // Stop here: pause (no more reads from the socket) rather than destroy, so
        // that the 413 answer can still be written on this connection.
        cleanup();
        req.pause();
        chunks.length = 0;
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (e: Error): void => {
      cleanup();
      reject(e);
    };
    // The client went away mid-body: nobody will read an answer, but the promise must settle.
    const onClose = (): void => {
      cleanup();
      reject(new HttpError(400, 'E_BAD_JSON', 'the client closed the connection before the body was complete'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

/** Read and parse a JSON body; 400 when it is not valid UTF-8 JSON. */
export async function readJson(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  requireJson(req);
  const bytes = await readBody(req, limit);
  if (bytes.length === 0) throw new HttpError(400, 'E_BAD_JSON', 'request body is empty; expected a JSON object');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError(400, 'E_BAD_JSON', 'request body is not valid UTF-8');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new HttpError(400, 'E_BAD_JSON', `request body is not valid JSON: ${(e as Error).message}`);
  }
}
