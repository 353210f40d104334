/**
 * Bytes → text. The charset comes, in order, from a byte-order mark, the
 * HTTP Content-Type header, an HTML <meta> declaration, or an explicit user
 * choice; with none of these the bytes must be valid UTF-8. Invalid UTF-8 is an
 * error rather than a guess, since silently turning it into U+FFFD would store
 * corrupted text; the message says how to state the charset.
 */
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { TextDecoder } from 'node:util';
import { NewsgraphError } from '../core/errors.js';
import type { InputKind } from './types.js';
import { LIMITS } from './limits.js';
import { decodeWindows1252 } from './cp1252.js';

export interface Decoded {
  text: string;
  charset: string;
}

const LABEL_ALIASES: Record<string, string> = {
  'latin1': 'windows-1252', 'latin-1': 'windows-1252', 'iso-8859-1': 'windows-1252',
  'us-ascii': 'windows-1252', 'ascii': 'windows-1252', 'cp1252': 'windows-1252', 'utf8': 'utf-8',
};

function normaliseCharset(label: string): string {
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  return LABEL_ALIASES[l] ?? l;
}

export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const m = contentType ? /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType) : null;
  return m?.[1] ? normaliseCharset(m[1]) : null;
}

/** <meta charset="…"> or <meta http-equiv="Content-Type" content="…charset=…"> in the first 4 KB. */
export function charsetFromMeta(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return m?.[1] ? normaliseCharset(m[1]) : null;
}

function bomCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

const BINARY_SIGNATURES: ReadonlyArray<[string, number[]]> = [
  ['PDF', [0x25, 0x50, 0x44, 0x46]], ['ZIP', [0x50, 0x4b, 0x03, 0x04]], ['PNG', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG', [0xff, 0xd8, 0xff]], ['GIF', [0x47, 0x49, 0x46, 0x38]], ['ELF', [0x7f, 0x45, 0x4c, 0x46]],
  ['WebP/RIFF', [0x52, 0x49, 0x46, 0x46]], ['SQLite', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65]],
];

export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Gunzip within the size limit, so a small bomb cannot expand without bound (zlib stops at maxOutputLength). */
export function gunzipLimited(bytes: Uint8Array, input: string): Uint8Array {
  try {
    return gunzipSync(bytes, { maxOutputLength: LIMITS.maxInputBytes });
  } catch (e) {
    throw limitedError(e, input, 'gzip');
  }
}

function limitedError(e: unknown, input: string, what: string): NewsgraphError {
  const tooBig = e instanceof RangeError || (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
  return new NewsgraphError(
    tooBig ? 'E_TOO_LARGE' : 'E_FORMAT',
    tooBig ? `${what} content expands beyond ${LIMITS.maxInputBytes} bytes` : `corrupt ${what} data`,
    { input, cause: e },
  );
}

/**
 * Undo an HTTP Content-Encoding (as archived in WARC payloads): gzip, deflate
 * (zlib-wrapped or, as some servers send it, raw) and brotli, each within the
 * size limit. Several codings are undone last-applied first.
 */
export function decodeContentEncoding(bytes: Uint8Array, contentEncoding: string | null | undefined, input: string): Uint8Array {
  const codings = (contentEncoding ?? '').toLowerCase().split(',').map((c) => c.trim()).filter((c) => c && c !== 'identity');
  let out = bytes;
  for (const coding of codings.reverse()) {
    const opts = { maxOutputLength: LIMITS.maxInputBytes };
    if (coding === 'gzip' || coding === 'x-gzip') {
      out = gunzipLimited(out, input);
    } else if (coding === 'deflate') {
      try {
        out = out[0] !== undefined && (out[0] & 0x0f) === 8 && ((out[0] << 8) | (out[1] ?? 0)) % 31 === 0 ? inflateSync(out, opts) : inflateRawSync(out, opts);
      } catch (e) {
        throw limitedError(e, input, 'deflate');
      }
    } else if (coding === 'br') {
      try {
        out = brotliDecompressSync(out, opts);
      } catch (e) {
        throw limitedError(e, input, 'brotli');
      }
    } else {
      throw new NewsgraphError('E_FORMAT', `unsupported Content-Encoding "${coding}"`, { input });
    }
  }
  return out;
}

/** Refuse bytes that are not text: a known binary signature, or NUL bytes outside UTF-16. */
export function assertText(bytes: Uint8Array, input: string, charset: string | null): void {
  for (const [name, sig] of BINARY_SIGNATURES) {
    if (sig.every((b, i) => bytes[i] === b)) {
      throw new NewsgraphError('E_BINARY', `binary content (${name}), not a text or HTML article`, { input });
    }
  }
  if (charset?.startsWith('utf-16')) return;
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0) throw new NewsgraphError('E_BINARY', 'binary content (NUL bytes), not a text or HTML article', { input });
  }
}

export function decodeBytes(
  bytes: Uint8Array,
  input: string,
  hints: { contentType?: string | null; charset?: string | null; kind?: InputKind } = {},
): Decoded {
  if (bytes.length === 0) throw new NewsgraphError('E_EMPTY', 'empty input (0 bytes)', { input });
  const bom = bomCharset(bytes);
  const declared =
    bom ?? (hints.charset ? normaliseCharset(hints.charset) : null) ?? charsetFromContentType(hints.contentType) ??
    (hints.kind !== 'raw' && hints.kind !== 'text' ? charsetFromMeta(bytes) : null);
  assertText(bytes, input, declared);
  const charset = declared ?? 'utf-8';
  if (charset === 'windows-1252') return { text: decodeWindows1252(bytes), charset };
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: true, ignoreBOM: false });
  } catch (e) {
    throw new NewsgraphError('E_ENCODING', `unknown charset "${charset}"`, { input, cause: e });
  }
  try {
    return { text: decoder.decode(bytes), charset };
  } catch (e) {
    const how = declared ? `not valid ${charset}` : 'not valid UTF-8 and no charset is declared (use --charset, e.g. --charset windows-1252)';
    throw new NewsgraphError('E_ENCODING', `bytes are ${how}`, { input, cause: e });
  }
}
