import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGzip, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NewsgraphError } from '../core/errors.js';
import { expandInputs } from './inputs.js';
import type { InputItem, InputOptions } from './inputs.js';
import type { RawInput } from './types.js';
import { serveRoutes, type LocalServer } from './local-server.test-util.js';
import { fileScratchDir } from '../../test/support/scratch-dir.js';

const root = fileScratchDir('ng-inputs-');
const put = (path: string, content: string | Buffer): string => {
  const p = join(root, path);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, content);
  return p;
};

/** `megabytes` of zeros, gzip-compressed without ever holding them: a gzip bomb. */
async function gzipBomb(megabytes: number): Promise<Buffer> {
  const gz = createGzip({ level: 1 });
  const parts: Buffer[] = [];
  gz.on('data', (d: Buffer) => parts.push(d));
  const done = new Promise((resolve) => gz.on('end', resolve));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < megabytes; i++) gz.write(zeros);
  gz.end();
  await done;
  return Buffer.concat(parts);
}

async function collect(specs: string[], options: InputOptions = {}): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const item of expandInputs(specs, options)) out.push(item);
  return out;
}

const rel = (name: string): string => (name.startsWith(`${root}/`) ? name.slice(root.length + 1) : name);
const label = (i: InputItem): string => (i instanceof NewsgraphError ? `${i.code}:${rel(i.input ?? '')}` : rel(i.name));

async function load(item: InputItem | undefined): Promise<RawInput> {
  if (!item || item instanceof NewsgraphError) throw new Error(`not an item: ${String(item)}`);
  return item.load();
}

async function loadError(item: InputItem | undefined): Promise<NewsgraphError> {
  try {
    await load(item);
  } catch (e) {
    if (e instanceof NewsgraphError) return e;
    throw e;
  }
  throw new Error('loaded without error');
}

const WARC_RECORD = (() => {
  const http_ = 'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Archived page.</p>';
  return `WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://a.example/x\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${Buffer.byteLength(http_)}\r\n\r\n${http_}\r\n\r\n`;
})();

const RSS = '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>F</title><item><title>One</title><link>https://f.example/1</link><content:encoded>&lt;p&gt;Item one.&lt;/p&gt;</content:encoded></item></channel></rss>';

let bomb: Buffer = Buffer.alloc(0);

beforeAll(async () => {
  bomb = await gzipBomb(100);
  expect(bomb.length).toBeLessThan(1024 * 1024);
  put('corpus/a.html', '<html><body><p>A page.</p></body></html>');
  put('corpus/b.txt', 'A text file.');
  put('corpus/empty.txt', '');
  put('corpus/.DS_Store', 'junk');
  put('corpus/.cache/c.html', '<p>hidden</p>');
  put('corpus/feeds/news.xml', RSS);
  put('corpus/feeds/no-extension', RSS);
  put('corpus/lines.jsonl', [JSON.stringify({ id: 'l1', text: 'Line one.' }), '{broken', JSON.stringify({ id: 'l3', html: '<p>Three</p>' })].join('\n'));
  put('corpus/lines.jsonl.gz', gzipSync([JSON.stringify({ id: 'g1', text: 'Gz one.' }), '', JSON.stringify({ id: 'g2', raw: 'Gz two.' })].join('\r\n') + '\r\n'));
  put('corpus/sub/crawl.warc.gz', gzipSync(WARC_RECORD));
  put('corpus/sub/archive-without-extension', WARC_RECORD);
});

describe('expandInputs over files', () => {
  it('expands a directory into files, lines, feed items and archived pages, in a fixed order', async () => {
    const items = await collect([join(root, 'corpus')]);
    expect(items.map(label)).toEqual([
      'corpus/a.html',
      'corpus/b.txt',
      'E_EMPTY:corpus/empty.txt',
      'corpus/feeds/news.xml#https://f.example/1',
      'corpus/feeds/no-extension#https://f.example/1',
      'corpus/lines.jsonl#l1',
      'E_BAD_JSONL:corpus/lines.jsonl:2',
      'corpus/lines.jsonl#l3',
      'corpus/lines.jsonl.gz#g1',
      'corpus/lines.jsonl.gz#g2',
      'corpus/sub/archive-without-extension#https://a.example/x',
      'corpus/sub/crawl.warc.gz#https://a.example/x',
    ]);
    expect(await load(items[0])).toMatchObject({ kind: 'html', content: '<html><body><p>A page.</p></body></html>' });
    expect(await load(items[9])).toMatchObject({ kind: 'raw', content: 'Gz two.' });
    expect((await load(items[11])).content).toBe('<p>Archived page.</p>');
  });

  it('takes globs, goes on after a missing file, and puts --jsonl-in lines last', async () => {
    const items = await collect([join(root, 'corpus/**/*.txt'), join(root, 'nope.html'), join(root, 'corpus/a.html')], { jsonlIn: join(root, 'corpus/lines.jsonl') });
    expect(items.map(label)).toEqual([
      'corpus/b.txt',
      'E_EMPTY:corpus/empty.txt',
      'E_NOT_FOUND:nope.html',
      'corpus/a.html',
      'corpus/lines.jsonl#l1',
      'E_BAD_JSONL:corpus/lines.jsonl:2',
      'corpus/lines.jsonl#l3',
    ]);
    expect(items[2]).toMatchObject({ message: 'no such file' });
  });

  it('defers the reading of plain files to load()', async () => {
    const path = put('later.html', '<p>before</p>');
    const [item] = await collect([path]);
    writeFileSync(path, '<p>after</p>');
    expect((await load(item)).content).toBe('<p>after</p>');
  });

  it('stops gzip bombs at the size limit: a .html.gz file and a .jsonl.gz file', async () => {
    const html = put('bomb.html.gz', bomb);
    // Two gzip members: a good line and the start of a second one, then the bomb.
    const jsonl = put('bomb.jsonl.gz', Buffer.concat([gzipSync(JSON.stringify({ id: 'ok', text: 'Before the bomb.' }) + '\n{"id": "b", "text": "'), bomb]));
    const started = Date.now();
    const items = await collect([html, jsonl]);
    expect(items.map(label)).toEqual(['bomb.html.gz', 'bomb.jsonl.gz#ok', 'E_TOO_LARGE:bomb.jsonl.gz:2']);
    expect(await loadError(items[0])).toMatchObject({ code: 'E_TOO_LARGE', input: html });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it.skipIf(spawnSync('mkfifo', ['--version']).error !== undefined)('does not peek at a FIFO named on the command line: it can be read once', async () => {
    const fifo = join(root, 'pipe');
    spawnSync('mkfifo', [fifo]);
    const [item] = await collect([fifo]);
    expect(item).toMatchObject({ name: fifo });
    const writer = spawn('sh', ['-c', 'printf "Words through a pipe." > "$1"', 'sh', fifo]);
    const exited = new Promise((resolve) => writer.on('exit', resolve));
    expect((await load(item)).content).toBe('Words through a pipe.');
    await exited;
  });

  it('yields a stdin item without reading stdin', async () => {
    const [item] = await collect(['-']);
    expect(item).toMatchObject({ name: '-' });
  });
});

let server: LocalServer;
let base = '';

beforeAll(async () => {
  server = await serveRoutes({
    '/page': (res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<html><body><p>From the web.</p></body></html>');
    },
    '/feed.xml': (res) => {
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.end(RSS);
    },
    '/bomb': (res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      res.end(bomb);
    },
  });
  base = server.base;
});

afterAll(() => {
  server.close();
});

describe('expandInputs over URLs', () => {
  it('fetches a URL once: an article stays one item, a feed becomes its items', async () => {
    const items = await collect([`${base}/page`, `${base}/feed.xml`, `${base}/missing`], { allowPrivate: true });
    expect(items.map((i) => (i instanceof NewsgraphError ? i.code : i.name))).toEqual([`${base}/page`, `${base}/feed.xml#https://f.example/1`, 'E_HTTP']);
    expect(await load(items[0])).toMatchObject({ kind: 'html', uri: `${base}/page`, content: '<html><body><p>From the web.</p></body></html>' });
  });

  it('stops a gzip bomb served over HTTP at the size limit', async () => {
    const started = Date.now();
    const [item] = await collect([`${base}/bomb`], { allowPrivate: true });
    expect(item).toMatchObject({ code: 'E_TOO_LARGE', input: `${base}/bomb` });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
