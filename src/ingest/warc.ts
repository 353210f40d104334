/**
 * WARC 1.0/1.1 archives (plain, or gzip with a member per record) → one input per
 * archived HTML or plain-text page: `response` records whose HTTP status is 200
 * and whose Content-Type is text/html, application/xhtml+xml or text/plain.
 * Requests, metadata, warcinfo, revisits and other payload types are skipped.
 *
 * The file is read as a stream, one gzip member at a time, so a multi-gigabyte
 * crawl never sits in memory; each member may inflate to the input size limit
 * (plus room for headers) and no further, so a gzip bomb stops with E_TOO_LARGE.
 * A member's end can only be found by inflating it, so that error ends the file.
 * A record cut short by the end of the file is E_FORMAT naming the file, the
 * record's offset and target URI, after every complete record before it.
 * Items are named "FILE#<WARC-Target-URI>"; load() undoes the HTTP chunked
 * transfer coding and Content-Encoding, then decodes by the usual charset rules.
 */
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { createInflateRaw, crc32 } from 'node:zlib';
import { NewsgraphError } from '../core/errors.js';
import { decodeContentEncoding, isGzip } from './decode.js';
import { bytesToInput } from './file.js';
import type { ReadOptions } from './file.js';
import type { InputItem } from './inputs.js';
import { LIMITS } from './limits.js';
import type { InputKind, RawInput } from './types.js';

const CHUNK = 64 * 1024;
const EMPTY: Buffer = Buffer.alloc(0);

/** Decompressed (or plain) WARC bytes, pulled on demand. */
interface ByteSource {
  /** Make at least n bytes available; false when the input ends first. */
  fill(n: number): Promise<boolean>;
  /** The bytes available now. */
  peek(): Buffer;
  consume(n: number): void;
  /** Pass over n bytes without keeping them; returns how many there were. */
  skip(n: number): Promise<number>;
  /** Where the next byte is, for messages: "offset N" or "gzip member at offset N". */
  position(): string;
}

/** A file read in chunks, with read-ahead that can be handed back. */
class FileSource implements ByteSource {
  private buf: Buffer = EMPTY;
  private filePos = 0;

  constructor(private readonly handle: FileHandle, private readonly size: number) {}

  async fill(n: number): Promise<boolean> {
    while (this.buf.length < n) {
      const want = Math.max(CHUNK, n - this.buf.length);
      const chunk = Buffer.allocUnsafe(Math.min(want, Math.max(0, this.size - this.filePos)) || 1);
      const { bytesRead } = await this.handle.read(chunk, 0, chunk.length, this.filePos);
      if (bytesRead === 0) return false;
      this.filePos += bytesRead;
      this.buf = this.buf.length === 0 ? chunk.subarray(0, bytesRead) : Buffer.concat([this.buf, chunk.subarray(0, bytesRead)]);
    }
    return true;
  }

  peek(): Buffer {
    return this.buf;
  }

  consume(n: number): void {
    this.buf = this.buf.subarray(n);
  }

  /** Up to `max` bytes, or null at the end of the file. */
  async take(max: number): Promise<Buffer | null> {
    if (!(await this.fill(1))) return null;
    const out = this.buf.subarray(0, max);
    this.consume(out.length);
    return out;
  }

  unread(bytes: Buffer): void {
    if (bytes.length > 0) this.buf = this.buf.length === 0 ? bytes : Buffer.concat([bytes, this.buf]);
  }

  async skip(n: number): Promise<number> {
    if (n <= this.buf.length) {
      this.consume(n);
      return n;
    }
    const fromFile = Math.min(n - this.buf.length, this.size - this.filePos);
    const skipped = this.buf.length + fromFile;
    this.buf = EMPTY;
    this.filePos += fromFile;
    return skipped;
  }

  offset(): number {
    return this.filePos - this.buf.length;
  }

  position(): string {
    return `offset ${this.offset()}`;
  }
}

/** Read one gzip member from `raw`: header, deflate stream (inflated within `cap`), trailer. */
async function inflateMember(raw: FileSource, input: string, cap: number): Promise<{ data: Buffer; truncated: boolean }> {
  const at = raw.offset();
  const corrupt = (why: string, cause?: unknown): NewsgraphError => new NewsgraphError('E_FORMAT', `gzip member at offset ${at}: ${why}`, { input, cause });
  if (!(await raw.fill(10))) return { data: EMPTY, truncated: true };
  const h = raw.peek();
  if (h[0] !== 0x1f || h[1] !== 0x8b || h[2] !== 8) throw corrupt('not gzip data (a WARC.gz must be gzip members end to end)');
  const flags = h[3]!;
  let p = 10;
  if (flags & 4) {
    if (!(await raw.fill(p + 2))) return { data: EMPTY, truncated: true };
    p += 2 + raw.peek().readUInt16LE(p);
  }
  for (const bit of [8, 16]) {
    if (!(flags & bit)) continue; // FNAME, FCOMMENT: zero-terminated
    let zero = -1;
    while ((zero = raw.peek().indexOf(0, p)) === -1) {
      if (raw.peek().length > p + LIMITS.maxHeaderBytes) throw corrupt('gzip header field too long');
      if (!(await raw.fill(raw.peek().length + 1))) return { data: EMPTY, truncated: true };
    }
    p = zero + 1;
  }
  if (flags & 2) p += 2;
  if (!(await raw.fill(p))) return { data: EMPTY, truncated: true };
  raw.consume(p);

  const inflater = createInflateRaw();
  const out: Buffer[] = [];
  let size = 0;
  let crc = 0;
  let tooBig = false;
  let failure: Error | null = null;
  inflater.on('data', (d: Buffer) => {
    size += d.length;
    if (size > cap) {
      tooBig = true;
      inflater.destroy();
      return;
    }
    crc = crc32(d, crc);
    out.push(d);
  });
  inflater.on('error', (e) => {
    failure = e;
  });
  const ended = new Promise<void>((resolve) => {
    inflater.once('end', resolve);
    inflater.once('close', resolve);
  });
  const write = (chunk: Buffer): Promise<void> => new Promise((resolve) => inflater.write(chunk, () => resolve()));
  const checkFailure = (atEof = false): void => {
    if (tooBig) throw new NewsgraphError('E_TOO_LARGE', `gzip member at offset ${at} inflates beyond ${cap} bytes (the rest of the file is not read: a member's end is only found by inflating it)`, { input });
    const f = failure as (Error & { code?: string }) | null;
    // At the end of the file zlib reports the missing rest as Z_BUF_ERROR: that is truncation, reported by the caller.
    if (f && !(atEof && f.code === 'Z_BUF_ERROR')) throw corrupt(`corrupt deflate data (${f.message})`, f);
  };
  let fed = 0;
  for (;;) {
    const chunk = await raw.take(16 * 1024);
    if (!chunk) {
      // The file ends inside the deflate stream: keep what inflated, report truncation.
      inflater.end();
      await ended;
      checkFailure(true);
      return { data: Buffer.concat(out), truncated: true };
    }
    await Promise.race([write(chunk), ended]);
    fed += chunk.length;
    checkFailure();
    const unused = fed - inflater.bytesWritten;
    if (unused > 0) {
      // The deflate stream ended inside this chunk: hand back what follows it.
      raw.unread(chunk.subarray(chunk.length - unused));
      await ended;
      checkFailure();
      break;
    }
  }
  if (!(await raw.fill(8))) return { data: Buffer.concat(out), truncated: true };
  const trailer = raw.peek();
  if (trailer.readUInt32LE(0) !== crc >>> 0 || trailer.readUInt32LE(4) !== size % 2 ** 32) throw corrupt('checksum or length does not match (damaged file)');
  raw.consume(8);
  return { data: Buffer.concat(out), truncated: false };
}

/** The decompressed bytes of a gzip WARC, member by member. */
class GzipSource implements ByteSource {
  private buf: Buffer = EMPTY;
  private ended = false;
  /** Offset of the first truncated member, reported once the records in it are used up. */
  truncatedAt: number | null = null;
  /** [decompressed position where a member starts, its compressed offset], oldest first. */
  private members: Array<[number, number]> = [];
  private consumed = 0;

  constructor(private readonly raw: FileSource, private readonly input: string, private readonly cap: number) {}

  async fill(n: number): Promise<boolean> {
    while (this.buf.length < n) {
      if (this.ended || !(await this.raw.fill(1))) {
        this.ended = true;
        return false;
      }
      const offset = this.raw.offset();
      const { data, truncated } = await inflateMember(this.raw, this.input, this.cap);
      this.members.push([this.consumed + this.buf.length, offset]);
      if (truncated) {
        this.truncatedAt = offset;
        this.ended = true;
      }
      this.buf = this.buf.length === 0 ? data : Buffer.concat([this.buf, data]);
    }
    return true;
  }

  peek(): Buffer {
    return this.buf;
  }

  consume(n: number): void {
    this.buf = this.buf.subarray(n);
    this.consumed += n;
    while (this.members.length > 1 && this.members[1]![0] <= this.consumed) this.members.shift();
  }

  async skip(n: number): Promise<number> {
    let left = n;
    while (left > 0) {
      if (this.buf.length === 0 && !(await this.fill(1))) break;
      const step = Math.min(left, this.buf.length);
      this.consume(step);
      left -= step;
    }
    return n - left;
  }

  position(): string {
    const member = this.members.findLast(([start]) => start <= this.consumed);
    return `gzip member at offset ${member?.[1] ?? this.raw.offset()}`;
  }
}

/** Where a header block ends ("\r\n\r\n", or "\n\n" from sloppy writers): index after it, or -1. */
function headerEnd(bytes: Buffer, from = 0): number {
  const crlf = bytes.indexOf('\r\n\r\n', from);
  const lf = bytes.indexOf('\n\n', from);
  if (crlf === -1) return lf === -1 ? -1 : lf + 2;
  return lf !== -1 && lf < crlf ? lf + 2 : crlf + 4;
}

function parseFields(lines: readonly string[]): Map<string, string> {
  const fields = new Map<string, string>();
  let last: string | null = null;
  for (const line of lines) {
    if (/^[ \t]/.test(line) && last !== null) {
      fields.set(last, `${fields.get(last)} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    last = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    fields.set(last, fields.has(last) ? `${fields.get(last)}, ${value}` : value);
  }
  return fields;
}

interface HttpHead {
  status: number;
  headers: Map<string, string>;
  bodyStart: number;
}

export function parseHttpHead(block: Buffer): HttpHead | null {
  const end = headerEnd(block.subarray(0, LIMITS.maxHeaderBytes));
  if (end === -1) return null;
  const lines = block.toString('latin1', 0, end).split(/\r?\n/);
  const status = /^HTTP\/\d+(?:\.\d+)?[ \t]+(\d{3})/.exec(lines[0] ?? '');
  if (!status) return null;
  return { status: Number(status[1]), headers: parseFields(lines.slice(1)), bodyStart: end };
}

function kindOfPayload(contentType: string | undefined): InputKind | null {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'text/plain') return 'raw';
  return null;
}

/**
 * Undo HTTP/1.1 chunked transfer coding. A body whose first line is not a chunk
 * size was stored already decoded (some crawlers keep the header), so it is
 * returned as it is; a body cut off mid-chunk keeps what arrived.
 */
export function dechunk(body: Buffer, input: string): Buffer {
  const parts: Buffer[] = [];
  let pos = 0;
  for (;;) {
    const eol = body.indexOf('\n', pos);
    if (eol === -1) {
      if (pos === 0) return body;
      break;
    }
    const sizeText = body.toString('latin1', pos, eol).replace(/\r$/, '').split(';')[0]!.trim();
    if (!/^[0-9a-fA-F]{1,8}$/.test(sizeText)) {
      if (pos === 0) return body;
      throw new NewsgraphError('E_FORMAT', `malformed chunked transfer coding at byte ${pos} of the HTTP body`, { input });
    }
    const size = parseInt(sizeText, 16);
    if (size === 0) break;
    const start = eol + 1;
    parts.push(body.subarray(start, start + size));
    if (start + size >= body.length) break;
    pos = start + size;
    if (body[pos] === 0x0d) pos++;
    if (body[pos] === 0x0a) pos++;
  }
  return Buffer.concat(parts);
}

/** An archived HTTP response → the article input it carries. */
export function payloadToInput(block: Buffer, head: HttpHead, name: string, uri: string | null, kind: InputKind, options: ReadOptions = {}): RawInput {
  let body = block.subarray(head.bodyStart);
  if (/chunked/i.test(head.headers.get('transfer-encoding') ?? '')) {
    body = dechunk(body, name);
  } else {
    const length = head.headers.get('content-length');
    if (length && /^\d+$/.test(length) && Number(length) < body.length) body = body.subarray(0, Number(length));
  }
  const encoding = head.headers.get('content-encoding');
  // Some crawlers store the payload decoded but keep the header: only gunzip what is gzip.
  if (!/gzip/i.test(encoding ?? '') || isGzip(body)) body = Buffer.from(decodeContentEncoding(body, encoding, name));
  return bytesToInput(body, name, uri, options, head.headers.get('content-type') ?? null, kind);
}

const VERSION = /^WARC\/1\.[01]$/;

/** Every wanted record of a WARC file as an input item, in file order. */
export async function* warcItems(path: string, options: ReadOptions = {}): AsyncGenerator<InputItem> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    yield new NewsgraphError('E_NOT_FOUND', `cannot open WARC file (${(e as NodeJS.ErrnoException).code ?? 'error'})`, { input: path, cause: e });
    return;
  }
  try {
    const raw = new FileSource(handle, (await handle.stat()).size);
    await raw.fill(2);
    const gzip = isGzip(raw.peek());
    const src: ByteSource = gzip ? new GzipSource(raw, path, LIMITS.maxInputBytes + 2 * LIMITS.maxHeaderBytes) : raw;
    const fail = (message: string, code: 'E_FORMAT' | 'E_TOO_LARGE' = 'E_FORMAT'): NewsgraphError => new NewsgraphError(code, message, { input: path });
    try {
      for (;;) {
        // Records are followed by CRLF CRLF; tolerate any run of line breaks between them.
        let more: boolean;
        while ((more = await src.fill(1)) && (src.peek()[0] === 0x0d || src.peek()[0] === 0x0a)) src.consume(1);
        if (!more) break;
        const where = src.position();
        // Read no further than the header needs: in a gzip WARC, the next member may be a bomb.
        let end = headerEnd(src.peek().subarray(0, LIMITS.maxHeaderBytes));
        while (end === -1) {
          const have = src.peek().length;
          if (have >= LIMITS.maxHeaderBytes) throw fail(`WARC record at ${where}: header longer than ${LIMITS.maxHeaderBytes} bytes (is this a WARC file?)`);
          if (!(await src.fill(have + 1))) throw fail(`truncated WARC record at ${where}: the file ends inside its header`);
          end = headerEnd(src.peek().subarray(0, LIMITS.maxHeaderBytes));
        }
        const lines = src.peek().toString('utf8', 0, end).split(/\r?\n/);
        if (!VERSION.test(lines[0]!.trim())) {
          throw fail(`not a WARC 1.0/1.1 record at ${where} (starts "${lines[0]!.slice(0, 40)}")`);
        }
        const fields = parseFields(lines.slice(1));
        const lengthText = fields.get('content-length') ?? '';
        if (!/^\d+$/.test(lengthText)) throw fail(`WARC record at ${where} has no valid Content-Length`);
        const length = Number(lengthText);
        const type = (fields.get('warc-type') ?? '').toLowerCase();
        const uri = fields.get('warc-target-uri')?.replace(/^<(.*)>$/, '$1') ?? null;
        const name = `${path}#${uri ?? where.replace(/ /g, '-')}`;
        src.consume(end);
        const isHttpResponse = type === 'response' && /^application\/http\b/i.test(fields.get('content-type') ?? 'application/http');
        const tooLong = length > LIMITS.maxInputBytes + LIMITS.maxHeaderBytes;
        if (!isHttpResponse || tooLong) {
          if (isHttpResponse) {
            // Say so only when the oversized record is a page we would have read.
            await src.fill(Math.min(length, LIMITS.maxHeaderBytes));
            const head = parseHttpHead(src.peek().subarray(0, Math.min(length, LIMITS.maxHeaderBytes)));
            if (head?.status === 200 && kindOfPayload(head.headers.get('content-type'))) {
              yield new NewsgraphError('E_TOO_LARGE', `archived response is ${length} bytes; the limit is ${LIMITS.maxInputBytes}`, { input: name });
            }
          }
          const skipped = await src.skip(length);
          if (skipped < length) throw fail(`truncated WARC record at ${where} (${uri ?? 'no target URI'}): the file ends after ${skipped} of ${length} bytes`);
          continue;
        }
        if (!(await src.fill(length))) {
          throw fail(`truncated WARC record at ${where} (${uri ?? 'no target URI'}): the file ends after ${src.peek().length} of ${length} bytes`);
        }
        const block = Buffer.from(src.peek().subarray(0, length));
        src.consume(length);
        const head = parseHttpHead(block);
        if (!head) {
          yield new NewsgraphError('E_FORMAT', `response record at ${where} does not hold an HTTP response`, { input: name });
          continue;
        }
        const kind = head.status === 200 ? kindOfPayload(head.headers.get('content-type')) : null;
        if (!kind) continue;
        yield { name, load: async () => payloadToInput(block, head, name, uri, kind, options) };
      }
      if (src instanceof GzipSource && src.truncatedAt !== null) throw fail(`gzip member at offset ${src.truncatedAt} is truncated (the file ends inside it)`);
    } catch (e) {
      if (!(e instanceof NewsgraphError)) throw e;
      yield e;
    }
  } finally {
    await handle.close();
  }
}
