/** Test-only helpers: raw HTTP requests (fetch would normalise "/../" away) and response validation against the OpenAPI document. */
import { request as httpRequest } from 'node:http';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: unknown;
}

export function request(
  base: string,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string | Buffer; chunks?: Array<string | Buffer> } = {},
): Promise<RawResponse> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    // agent: false: a fresh connection each time, so a closed server is seen as refused, not as a stale keep-alive socket.
    const req = httpRequest({ host: url.hostname, port: url.port, method, path, headers: options.headers ?? {}, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown = undefined;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
      res.on('error', reject);
    });
    // The server may close the connection while an oversized body is still being sent: the response is what counts.
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (options.chunks && (e.code === 'EPIPE' || e.code === 'ECONNRESET')) return;
      reject(e);
    });
    if (options.chunks) {
      let i = 0;
      const next = (): void => {
        if (i === options.chunks!.length) return void req.end();
        const ok = req.write(options.chunks![i++]!);
        if (ok) setImmediate(next);
        else req.once('drain', next);
      };
      next();
    } else {
      req.end(options.body);
    }
  });
}

/** Validate bodies against the response schemas of an OpenAPI document. */
export function responseValidator(doc: Record<string, unknown>): (path: string, method: string, status: number, body: unknown) => string | null {
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  ajv.addSchema({ ...doc, $id: 'openapi.json' });
  const cache = new Map<string, ValidateFunction>();
  const pointer = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');
  return (path, method, status, body) => {
    const ref = `openapi.json#/paths/${pointer(path)}/${method}/responses/${status}/content/${pointer('application/json')}/schema`;
    let validate = cache.get(ref);
    if (!validate) {
      validate = ajv.compile({ $ref: ref });
      cache.set(ref, validate);
    }
    return validate(body) ? null : ajv.errorsText(validate.errors);
  };
}
