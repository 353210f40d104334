import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGzip, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { NewsgraphError } from '../core/errors.js';
import type { RawInput } from './types.js';
import type { InputItem } from './inputs.js';
import { dechunk, warcItems } from './warc.js';
import { fileScratchDir } from '../../test/support/scratch-dir.js';

const dir = fileScratchDir('ng-warc-');
const file = (name: string, content: Buffer): string => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

let serial = 0;
function record(type: string, uri: string | null, block: Buffer, contentType = 'application/http; msgtype=response', declaredLength = block.length): Buffer {
  const head = [
    'WARC/1.1',
    `WARC-Type: ${type}`,
    ...(uri ? [`WARC-Target-URI: ${uri}`] : []),
    'WARC-Date: 2024-05-05T10:00:00Z',
    `WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-${String(++serial).padStart(12, '0')}>`,
    `Content-Type: ${contentType}`,
    `Content-Length: ${declaredLength}`,
  ].join('\r\n');
  return Buffer.concat([Buffer.from(`${head}\r\n\r\n`), block, Buffer.from('\r\n\r\n')]);
}

function httpResponse(status: string, headers: Record<string, string>, body: Buffer | string): Buffer {
  const lines = [`HTTP/1.1 ${status}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)].join('\r\n');
  return Buffer.concat([Buffer.from(`${lines}\r\n\r\n`), typeof body === 'string' ? Buffer.from(body) : body]);
}

function chunked(body: Buffer, size: number): Buffer {
  const parts: Buffer[] = [];
  for (let i = 0; i < body.length; i += size) {
    const piece = body.subarray(i, i + size);
    parts.push(Buffer.from(`${piece.length.toString(16)};ext=1\r\n`), piece, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from('0\r\nX-Trailer: y\r\n\r\n'));
  return Buffer.concat(parts);
}

const PAGE = Buffer.concat([
  Buffer.from('<html><head><title>Storm warning</title></head><body><article><p>', 'latin1'),
  Buffer.from([0x93]), Buffer.from('Stay indoors,', 'latin1'), Buffer.from([0x94]),
  Buffer.from(' officials said on Monday as the storm approached the coast.</p></article></body></html>', 'latin1'),
]);

/** warcinfo, request, a chunked + gzip HTML response, a 404, an image, metadata, a text/plain response with a short Content-Length. */
function goodRecords(): Buffer[] {
  return [
    record('warcinfo', null, Buffer.from('software: hand-written\r\nformat: WARC File Format 1.1\r\n'), 'application/warc-fields'),
    record('request', 'https://news.example.com/storm', Buffer.from('GET /storm HTTP/1.1\r\nHost: news.example.com\r\n\r\n'), 'application/http; msgtype=request'),
    record('response', 'https://news.example.com/storm', httpResponse('200 OK', {
      'Content-Type': 'text/html; charset=windows-1252', 'Transfer-Encoding': 'chunked', 'Content-Encoding': 'gzip',
    }, chunked(gzipSync(PAGE), 37))),
    record('response', 'https://news.example.com/missing', httpResponse('404 Not Found', { 'Content-Type': 'text/html' }, '<html>gone</html>')),
    record('response', 'https://news.example.com/logo.png', httpResponse('200 OK', { 'Content-Type': 'image/png' }, Buffer.from([0x89, 0x50, 0x4e, 0x47]))),
    record('metadata', 'https://news.example.com/storm', Buffer.from('outlinks: https://news.example.com/\r\n'), 'application/warc-fields'),
    record('response', 'https://news.example.com/wire.txt', httpResponse('200 OK', { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': '44' },
      'Ships stayed in port as the storm arrived.\n\nTRAILING JUNK BEYOND CONTENT-LENGTH')),
  ];
}

async function collect(path: string): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const item of warcItems(path)) out.push(item);
  return out;
}

function names(items: InputItem[]): string[] {
  return items.map((i) => (i instanceof NewsgraphError ? `${i.code}` : i.name));
}

async function load(item: InputItem | undefined): Promise<RawInput> {
  if (!item || item instanceof NewsgraphError) throw new Error(`not an item: ${String(item)}`);
  return item.load();
}

describe('warcItems', () => {
  it('reads gzip-per-record WARC: HTML and text responses only; a truncated last record is E_FORMAT after the others', async () => {
    const truncated = record('response', 'https://news.example.com/cut', httpResponse('200 OK', { 'Content-Type': 'text/html' }, '<p>only part</p>'), 'application/http; msgtype=response', 5000);
    const members = [...goodRecords(), truncated].map((r) => gzipSync(r));
    const path = file('crawl.warc.gz', Buffer.concat(members));
    const items = await collect(path);
    expect(names(items)).toEqual([`${path}#https://news.example.com/storm`, `${path}#https://news.example.com/wire.txt`, 'E_FORMAT']);

    const html = await load(items[0]);
    expect(html).toMatchObject({ kind: 'html', uri: 'https://news.example.com/storm', charset: 'windows-1252', name: `${path}#https://news.example.com/storm` });
    expect(html.content).toContain('“Stay indoors,” officials said');

    const text = await load(items[1]);
    expect(text).toMatchObject({ kind: 'raw', content: 'Ships stayed in port as the storm arrived.\n\n' });

    const lastOffset = members.slice(0, -1).reduce((n, m) => n + m.length, 0);
    expect(items[2]).toMatchObject({ input: path });
    expect((items[2] as NewsgraphError).message).toBe(`truncated WARC record at gzip member at offset ${lastOffset} (https://news.example.com/cut): the file ends after ${truncated.length - (truncated.indexOf('\r\n\r\n') + 4)} of 5000 bytes`);
  });

  it('reads plain WARC the same way and reports a file cut inside a record by its offset', async () => {
    const records = goodRecords();
    const last = record('response', 'https://news.example.com/late', httpResponse('200 OK', { 'Content-Type': 'text/html' }, '<p>late</p>'));
    const whole = Buffer.concat([...records, last]);
    const path = file('plain.warc', whole.subarray(0, whole.length - 20));
    const items = await collect(path);
    expect(names(items)).toEqual([`${path}#https://news.example.com/storm`, `${path}#https://news.example.com/wire.txt`, 'E_FORMAT']);
    const offset = records.reduce((n, r) => n + r.length, 0);
    expect((items[2] as NewsgraphError).message).toMatch(new RegExp(`^truncated WARC record at offset ${offset} \\(https://news.example.com/late\\)`));
    expect((await load(items[0])).content).toContain('Stay indoors');
  });

  it('reports a gzip file cut inside a member after the records before it', async () => {
    const members = goodRecords().map((r) => gzipSync(r));
    const whole = Buffer.concat(members);
    const path = file('cut.warc.gz', whole.subarray(0, whole.length - 30));
    const items = await collect(path);
    expect(names(items)).toEqual([`${path}#https://news.example.com/storm`, 'E_FORMAT']);
    expect((items[1] as NewsgraphError).message).toMatch(/truncated WARC record at gzip member at offset \d+ \(https:\/\/news.example.com\/wire.txt\)/);
  });

  it('stops a gzip bomb member at the size limit with E_TOO_LARGE, quickly', async () => {
    // One member: a response header declaring 100 MB, then 100 MB of zeros, compressed to ~100 KB.
    const head = Buffer.from(`WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://bomb.example/\r\nContent-Type: application/http\r\nContent-Length: ${100 * 1024 * 1024}\r\n\r\n`);
    const gz = createGzip({ level: 1 });
    const parts: Buffer[] = [];
    gz.on('data', (d: Buffer) => parts.push(d));
    const done = new Promise((resolve) => gz.on('end', resolve));
    gz.write(head);
    const zeros = Buffer.alloc(1024 * 1024);
    for (let i = 0; i < 100; i++) gz.write(zeros);
    gz.end();
    await done;
    const bomb = Buffer.concat(parts);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const path = file('bomb.warc.gz', Buffer.concat([gzipSync(goodRecords()[2]!), bomb]));
    const started = Date.now();
    const items = await collect(path);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(names(items)).toEqual([`${path}#https://news.example.com/storm`, 'E_TOO_LARGE']);
    expect((items[1] as NewsgraphError).message).toMatch(/^gzip member at offset \d+ inflates beyond/);
  });

  it('refuses a file that is not WARC, and a record without Content-Length', async () => {
    const notWarc = file('notes.warc', Buffer.from('hello\r\n\r\nworld'));
    expect(await collect(notWarc)).toEqual([expect.objectContaining({ code: 'E_FORMAT', message: expect.stringMatching(/not a WARC 1.0\/1.1 record at offset 0/) })]);
    const noLength = file('nolength.warc', Buffer.from('WARC/1.0\r\nWARC-Type: response\r\n\r\nbody'));
    expect(await collect(noLength)).toEqual([expect.objectContaining({ code: 'E_FORMAT', message: expect.stringMatching(/no valid Content-Length/) })]);
  });

  it('undoes deflate Content-Encoding', async () => {
    const path = file('deflate.warc', record('response', 'https://d.example/', httpResponse('200 OK', { 'Content-Type': 'text/html; charset=utf-8', 'Content-Encoding': 'deflate' }, deflateSync(Buffer.from('<p>Deflated page text.</p>')))));
    const [item] = await collect(path);
    expect((await load(item)).content).toBe('<p>Deflated page text.</p>');
  });
});

describe('dechunk', () => {
  it('joins chunks, ignores extensions and trailers, and leaves unchunked bodies alone', () => {
    expect(dechunk(chunked(Buffer.from('hello chunked world'), 4), 'x').toString()).toBe('hello chunked world');
    expect(dechunk(Buffer.from('<html>already decoded</html>'), 'x').toString()).toBe('<html>already decoded</html>');
    expect(dechunk(Buffer.from('5\r\nhello\r\n3\r\nwo'), 'x').toString()).toBe('hellowo');
    expect(() => dechunk(Buffer.from('5\r\nhello\r\nzz\r\n'), 'x')).toThrow(expect.objectContaining({ code: 'E_FORMAT' }));
  });
});
