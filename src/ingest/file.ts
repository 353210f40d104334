/** Files and stdin → RawInput, within the size limit. */
import { open } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { NewsgraphError } from '../core/errors.js';
import { decodeBytes, gunzipLimited, isGzip } from './decode.js';
import { LIMITS } from './limits.js';
import { kindFromContent, kindFromName } from './sniff.js';
import type { InputKind, RawInput } from './types.js';

export interface ReadOptions {
  /** Force a reader instead of sniffing. */
  kind?: InputKind;
  /** Charset to decode with, overriding declarations. */
  charset?: string | null;
}

export function bytesToInput(bytes: Uint8Array, name: string, uri: string | null, options: ReadOptions, contentType?: string | null, kindHint?: InputKind | null): RawInput {
  const plain = isGzip(bytes) ? gunzipLimited(bytes, name) : bytes;
  const hinted = options.kind ?? kindHint ?? null;
  const { text, charset } = decodeBytes(plain, name, { contentType, charset: options.charset, kind: hinted ?? undefined });
  if (text.trim().length === 0) throw new NewsgraphError('E_EMPTY', 'input contains only whitespace', { input: name });
  return { name, uri, kind: hinted ?? kindFromContent(text), content: text, charset };
}

export async function readFileInput(path: string, options: ReadOptions = {}): Promise<RawInput> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : `cannot open (${code ?? 'unknown error'})`;
    throw new NewsgraphError('E_NOT_FOUND', why, { input: path, cause: e });
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new NewsgraphError('E_NOT_FOUND', 'is a directory (use `newsgraph ingest` for directories)', { input: path });
    if (stat.size > LIMITS.maxInputBytes) {
      throw new NewsgraphError('E_TOO_LARGE', `file is ${stat.size} bytes; the limit is ${LIMITS.maxInputBytes}`, { input: path });
    }
    const bytes = await handle.readFile();
    const kindHint = kindFromName(path);
    return bytesToInput(bytes, path, pathToFileURL(resolve(path)).href, options, null, kindHint);
  } finally {
    await handle.close();
  }
}

export async function readStdin(options: ReadOptions = {}, stream: NodeJS.ReadableStream = process.stdin): Promise<RawInput> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buf.length;
    if (size > LIMITS.maxInputBytes) {
      throw new NewsgraphError('E_TOO_LARGE', `standard input exceeds ${LIMITS.maxInputBytes} bytes`, { input: '-' });
    }
    chunks.push(buf);
  }
  return bytesToInput(Buffer.concat(chunks), '-', null, options);
}
