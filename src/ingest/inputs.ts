/**
 * Input specs (what `newsgraph extract` and `ingest` are given) → input items.
 *
 *  - "-": standard input;
 *  - an http(s) URL: fetched (guarded), then a feed if it is one, else one article;
 *  - a directory or a glob: its files, each as below (see expand.ts);
 *  - a file by extension or content: .jsonl / .jsonl.gz → a line each; .warc /
 *    .warc.gz → an archived page each (warc.ts); RSS / Atom / RDF (sniffed from
 *    the first element, or .rss/.atom/.rdf/.xml) → an item each (feed.ts);
 *    anything else → one article by the single-input readers.
 *
 * Items come in a fixed order (specs in order; files sorted; records, lines and
 * feed items in document order; then --jsonl-in). An item's load() does the work
 * of reading it, so a caller can skip items cheaply and load several at once.
 * The exceptions are what must be read to know the items at all: a URL spec is
 * fetched, and a feed, WARC or JSONL file is read, while the generator runs.
 * A spec that fails as a whole yields one NewsgraphError naming it, and the
 * generator goes on with the next.
 */
import { createGunzip } from 'node:zlib';
import { open, readFile } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import type { Readable } from 'node:stream';
import { NewsgraphError, isNewsgraphError, toNewsgraphError } from '../core/errors.js';
import { gunzipLimited, isGzip } from './decode.js';
import { expandPath } from './expand.js';
import type { FoundFile } from './expand.js';
import { feedItemsFromBytes, sniffFeed } from './feed.js';
import { readFileInput, readStdin } from './file.js';
import { parseJsonlLine } from './jsonl.js';
import { LIMITS } from './limits.js';
import { kindFromName } from './sniff.js';
import type { SourceOptions } from './source.js';
import type { RawInput } from './types.js';
import { fetchUrl, fetchedToInput, isUrl } from './url.js';
import { warcItems } from './warc.js';

export type InputItem = { name: string; load: () => Promise<RawInput> } | NewsgraphError;

export interface InputOptions extends SourceOptions {
  /** A JSON lines file whose lines follow the other inputs (--jsonl-in). */
  jsonlIn?: string;
}

const JSONL = /\.jsonl(?:\.gz)?$/i;
const WARC = /\.warc(?:\.gz)?$/i;
const FEED_EXT = /\.(?:rss|atom|rdf|xml)(?:\.gz)?$/i;
const SNIFF_BYTES = 64 * 1024;

// ---------------------------------------------------------------- JSON lines

/**
 * The lines of a JSONL file (gzip or not) as items, by the rules of
 * parseJsonlLine. Lines are split from bytes with a length cap, so an endless
 * line never sits whole in memory; in a gzip file such a line ends the file,
 * since finding its end would mean inflating without bound.
 */
export async function* jsonlItems(path: string): AsyncGenerator<InputItem> {
  let handle: FileHandle;
  let gzip: boolean;
  try {
    handle = await open(path, 'r');
    const magic = Buffer.alloc(2);
    await handle.read(magic, 0, 2, 0);
    gzip = isGzip(magic);
  } catch (e) {
    yield new NewsgraphError('E_NOT_FOUND', `cannot read JSONL file (${(e as NodeJS.ErrnoException).code ?? 'error'})`, { input: path, cause: e });
    return;
  }
  const file = handle.createReadStream({ start: 0 });
  let source: Readable = file;
  if (gzip) {
    const gunzip = createGunzip();
    source = pipeline(file, gunzip, () => undefined);
  }
  const max = LIMITS.maxJsonlLineBytes;
  let parts: Buffer[] = [];
  let length = 0;
  let tooLong = false;
  let n = 0;
  const finishLine = (): InputItem | null => {
    n++;
    const where = `${path}:${n}`;
    if (tooLong) return new NewsgraphError('E_TOO_LARGE', `line is longer than ${max} bytes`, { input: where });
    let line = Buffer.concat(parts).toString('utf8');
    if (n === 1) line = line.replace(/^\uFEFF/, '');
    if (line.trim().length === 0) return null;
    try {
      const raw = parseJsonlLine(line.replace(/\r$/, ''), where);
      return { name: raw.name, load: () => Promise.resolve(raw) };
    } catch (e) {
      return toNewsgraphError(e, where);
    }
  };
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      let start = 0;
      for (;;) {
        const nl = chunk.indexOf(0x0a, start);
        const piece = chunk.subarray(start, nl === -1 ? chunk.length : nl);
        if (!tooLong && length + piece.length > max) {
          tooLong = true;
          parts = [];
        }
        if (tooLong && gzip) {
          yield new NewsgraphError('E_TOO_LARGE', `line is longer than ${max} bytes once decompressed (the rest of the gzip file is not read)`, { input: `${path}:${n + 1}` });
          return;
        }
        if (!tooLong) {
          parts.push(piece);
          length += piece.length;
        }
        if (nl === -1) break;
        const item = finishLine();
        if (item) yield item;
        parts = [];
        length = 0;
        tooLong = false;
        start = nl + 1;
      }
    }
    if (length > 0 || tooLong) {
      const item = finishLine();
      if (item) yield item;
    }
  } catch (e) {
    const gz = (e as { code?: string }).code?.startsWith('Z_') ?? false;
    yield new NewsgraphError('E_FORMAT', gz ? `corrupt gzip data after line ${n}` : `cannot read after line ${n}: ${(e as Error).message}`, { input: path, cause: e });
  } finally {
    source.destroy();
    await handle.close().catch(() => undefined);
  }
}

// ---------------------------------------------------------------- feeds

async function readWhole(path: string, size: number): Promise<Buffer> {
  if (size > LIMITS.maxInputBytes) throw new NewsgraphError('E_TOO_LARGE', `file is ${size} bytes; the limit is ${LIMITS.maxInputBytes}`, { input: path });
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new NewsgraphError('E_NOT_FOUND', `cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`, { input: path, cause: e });
  }
  return isGzip(bytes) ? Buffer.from(gunzipLimited(bytes, path)) : bytes;
}

async function readHead(path: string): Promise<Buffer> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    const head = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0);
    return head.subarray(0, bytesRead);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new NewsgraphError('E_NOT_FOUND', code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? 'error'})`, { input: path, cause: e });
  } finally {
    await handle?.close();
  }
}

// ---------------------------------------------------------------- files and URLs

function single(path: string, options: SourceOptions): InputItem {
  return { name: path, load: () => readFileInput(path, options) };
}

/** Does the name alone say which single-input reader (or which refusal) applies? */
function nameDecides(path: string): boolean {
  try {
    return kindFromName(path) !== null;
  } catch {
    return true; // a known unsupported format: readFileInput says which
  }
}

async function* fileItems(found: FoundFile, options: SourceOptions): AsyncGenerator<InputItem> {
  const { path, size } = found;
  if (!found.regular) {
    yield single(path, options);
    return;
  }
  if (JSONL.test(path)) {
    yield* jsonlItems(path);
    return;
  }
  if (WARC.test(path)) {
    yield* warcItems(path, options);
    return;
  }
  const feedByName = FEED_EXT.test(path);
  if (!feedByName && nameDecides(path)) {
    yield single(path, options);
    return;
  }
  let head = await readHead(path);
  if (isGzip(head)) head = await readWhole(path, size);
  if (feedByName || sniffFeed(head)) {
    const bytes = head.length < SNIFF_BYTES && !isGzip(head) ? head : await readWhole(path, size);
    yield* feedItemsFromBytes(bytes, path, { baseUrl: null, contentType: null }, options);
  } else if (head.subarray(0, 8).toString('latin1').startsWith('WARC/1.')) {
    yield* warcItems(path, options);
  } else {
    yield single(path, options);
  }
}

function isFeedType(contentType: string | null): { feed: boolean; xml: boolean } {
  const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  return { feed: /^application\/(?:rss|atom|rdf)\+xml$/.test(type), xml: /[/+]xml$/.test(type) && !/xhtml/.test(type) };
}

async function* urlItems(spec: string, options: SourceOptions): AsyncGenerator<InputItem> {
  const fetched = await fetchUrl(spec, options);
  const body = isGzip(fetched.body) ? Buffer.from(gunzipLimited(fetched.body, spec)) : fetched.body;
  const type = isFeedType(fetched.contentType);
  if (type.feed || type.xml || sniffFeed(body)) {
    yield* feedItemsFromBytes(body, spec, { baseUrl: fetched.url, contentType: fetched.contentType }, options);
  } else {
    yield { name: spec, load: async () => fetchedToInput({ ...fetched, body }, spec, options) };
  }
}

async function* specItems(spec: string, options: SourceOptions): AsyncGenerator<InputItem> {
  if (spec === '-') {
    yield { name: '-', load: () => readStdin(options) };
    return;
  }
  if (isUrl(spec)) {
    yield* urlItems(spec, options);
    return;
  }
  for await (const found of expandPath(spec)) {
    if (isNewsgraphError(found)) {
      yield found;
      continue;
    }
    try {
      yield* fileItems(found, options);
    } catch (e) {
      yield toNewsgraphError(e, found.path);
    }
  }
}

/** Every input the specs stand for, in order, then the lines of options.jsonlIn. */
export async function* expandInputs(specs: readonly string[], options: InputOptions = {}): AsyncGenerator<InputItem> {
  for (const spec of specs) {
    try {
      yield* specItems(spec, options);
    } catch (e) {
      yield toNewsgraphError(e, spec);
    }
  }
  if (options.jsonlIn !== undefined) yield* jsonlItems(options.jsonlIn);
}
