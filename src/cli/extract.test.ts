// `newsgraph extract` over the inputs expandInputs adds: directories, feeds, WARC.
// Plain files, URLs and stdin are covered by test/cli.test.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runExtract } from './extract.js';
import { testScratchDir } from '../../test/support/scratch-dir.js';

async function run(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runExtract(args, (l) => out.push(l), (l) => err.push(l));
  return { code, out, err };
}

describe('newsgraph extract over directories, feeds and WARC', () => {
  it('prints one record per feed item and archived page, in order, errors in place; --pretty gives way to lines', async () => {
    const dir = testScratchDir('ng-extract-');
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'a-feed.rss'), `<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Coast Daily</title>
<item><title>Floods hit the coast</title><link>https://news.example.com/floods</link><pubDate>Sun, 05 May 2024 14:30:00 GMT</pubDate>
<content:encoded><![CDATA[<p>Heavy rain flooded coastal towns on Sunday, officials said, and roads were closed.</p><p>Rescue teams moved hundreds of people to shelters overnight.</p>]]></content:encoded></item>
</channel></rss>`);
    const page = 'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><head><title>Port closed</title></head><body><article><p>The port closed on Tuesday because of the storm, the harbour master said.</p></article></body></html>';
    const record = `WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://port.example/closed\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${Buffer.byteLength(page)}\r\n\r\n${page}\r\n\r\n`;
    writeFileSync(join(dir, 'in', 'b-crawl.warc.gz'), gzipSync(record));
    writeFileSync(join(dir, 'in', 'c-empty.html'), '');

    const { code, out, err } = await run([join(dir, 'in'), '--pretty']);
    expect(code).toBe(1);
    expect(out).toHaveLength(3);
    expect(out.every((l) => !l.includes('\n'))).toBe(true);
    const [feed, warc, empty] = out.map((l) => JSON.parse(l));
    expect(feed.title).toBe('Floods hit the coast');
    expect(feed.source.uri).toBe('https://news.example.com/floods');
    expect(feed.published.value).toMatch(/^2024-05-05T14:30/);
    expect(feed.text).toMatch(/^Heavy rain flooded coastal towns/);
    expect(warc.source.uri).toBe('https://port.example/closed');
    expect(warc.text).toMatch(/The port closed on Tuesday/);
    expect(empty.error).toEqual({ input: join(dir, 'in', 'c-empty.html'), code: 'E_EMPTY', message: 'empty input (0 bytes)' });
    expect(err).toEqual([`newsgraph: ${join(dir, 'in', 'c-empty.html')}: empty input (0 bytes) [E_EMPTY]`]);
  });
});
