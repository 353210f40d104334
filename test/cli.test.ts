// The CLI through its entry function (fast) and, once, through the built bin.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runExtract } from '../src/cli/extract.js';
import { validateRecord } from '../src/core/schema.js';
import { fileScratchDir } from '../test/support/scratch-dir.js';

const dir = fileScratchDir('ng-cli-');
const file = (name: string, content: string | Buffer): string => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const EXAMPLE = fileURLToPath(new URL('../examples/article.txt', import.meta.url));

async function run(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runExtract(args, (l) => out.push(l), (l) => err.push(l));
  return { code, out, err };
}

describe('newsgraph extract', () => {
  it('prints one valid record for one input, indented with --pretty', async () => {
    const { code, out } = await run([EXAMPLE, '--pretty']);
    expect(code).toBe(0);
    expect(out).toHaveLength(1);
    expect(out[0]).toContain('\n  "schema"');
    const record = JSON.parse(out[0]!);
    expect(validateRecord(record)).toEqual({ valid: true, errors: [] });
    expect(record.authors).toEqual([{ name: 'Nino Beridze', role: 'Diplomatic Correspondent' }]);
  });

  it('prints one line per input in order, errors in place, exit 1 at the end', async () => {
    const html = file('a.html', '<html><head><title>Floods hit the coast | Daily</title></head><body><article><p>Heavy rain flooded coastal towns on Sunday, officials said, and roads were closed.</p><p>Rescue teams moved hundreds of people to shelters overnight.</p></article></body></html>');
    const { code, out, err } = await run([EXAMPLE, join(dir, 'missing.txt'), html]);
    expect(code).toBe(1);
    expect(out).toHaveLength(3);
    expect(JSON.parse(out[0]!).schema).toBe('newsgraph.article/1');
    expect(JSON.parse(out[1]!)).toEqual({ error: { input: join(dir, 'missing.txt'), code: 'E_NOT_FOUND', message: 'no such file' } });
    expect(JSON.parse(out[2]!).source.format).toBe('html');
    expect(err).toEqual([`newsgraph: ${join(dir, 'missing.txt')}: no such file [E_NOT_FOUND]`]);
  });

  it('reads --jsonl-in: text bodies taken as they are, one record per line in order', async () => {
    const jsonl = file('in.jsonl', [
      JSON.stringify({ id: 's1', text: 'Adsense 300 x 250 is not removed from a clean body.', published: '2020-12-09' }),
      JSON.stringify({ id: 's2' }),
      JSON.stringify({ id: 's3', raw: 'A Title Line\n\nBy Jane Doe\n\nThe council met on Monday and voted to close the bridge for repairs next month.' }),
    ].join('\n'));
    const { code, out } = await run(['--jsonl-in', jsonl]);
    expect(code).toBe(1);
    const [a, b, c] = out.map((l) => JSON.parse(l));
    expect(a.text).toBe('Adsense 300 x 250 is not removed from a clean body.');
    expect(a.sentences).toEqual([[0, a.text.length]]);
    expect(a.published).toEqual({ value: '2020-12-09', text: '2020-12-09' });
    for (const field of ['entities', 'times', 'quotes', 'events', 'conflicts']) expect(Array.isArray(a[field])).toBe(true);
    expect(b.error.code).toBe('E_BAD_JSONL');
    expect(c.title).toBe('A Title Line');
    expect(c.authors).toEqual([{ name: 'Jane Doe', role: null }]);
  });

  it('gives coded one-line errors for bad input', async () => {
    const cases: Array<[string, string]> = [
      [file('empty.txt', ''), 'E_EMPTY'],
      [file('bin.dat', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2])), 'E_BINARY'],
      [file('bad.txt', Buffer.from([0x48, 0x69, 0xff, 0xfe, 0x21])), 'E_ENCODING'],
      [file('doc.pdf', '%PDF-1.4'), 'E_FORMAT'],
      [file('deep.html', '<html><body>' + '<div>'.repeat(10_000) + 'text' + '</div>'.repeat(10_000) + '</body></html>'), 'E_FORMAT'],
    ];
    for (const [path, code] of cases) {
      const r = await run([path]);
      expect(r.code, path).toBe(1);
      expect(JSON.parse(r.out[0]!).error.code, path).toBe(code);
      expect(r.err).toHaveLength(1);
      expect(r.err[0]).toContain(path);
    }
  });

  it('refuses a page over the size limit without reading it', async () => {
    const big = file('big.html', Buffer.alloc(50 * 1024 * 1024, 0x61));
    const r = await run([big]);
    expect(JSON.parse(r.out[0]!).error).toMatchObject({ code: 'E_TOO_LARGE', input: big });
  });

  it('refuses loopback URLs unless --allow-private', async () => {
    const r = await run(['http://127.0.0.1:9/x']);
    expect(JSON.parse(r.out[0]!).error.code).toBe('E_PRIVATE_ADDRESS');
  });
});

const BIN = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
describe.skipIf(!existsSync(BIN))('the built bin', () => {
  it('runs, prints the schema, and exits 2 on usage errors without a stack trace', () => {
    const schema = spawnSync(process.execPath, [BIN, 'schema'], { encoding: 'utf8' });
    expect(schema.status).toBe(0);
    expect(JSON.parse(schema.stdout).title).toMatch(/article record/);
    const bad = spawnSync(process.execPath, [BIN, 'extract', '--nope'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/^newsgraph: .*\[E_USAGE\]/);
  });

  it('ends quietly when the reader of its output goes away (| head)', () => {
    const examples = fileURLToPath(new URL('../examples/articles/', import.meta.url));
    // 12 records, ~110 KB: more than a pipe holds, so writes go on after head has exited.
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" extract "${examples}"*.txt | head -c 12`], { encoding: 'utf8' });
    expect(r.stdout).toMatch(/^\{"schema":/);
    expect(r.stdout).toHaveLength(12);
    expect(r.stderr).toBe('');
  });

  it('reads stdin', () => {
    const r = spawnSync(process.execPath, [BIN, 'extract', '-'], { input: 'Heavy rain flooded coastal towns on Sunday and officials closed the main roads.', encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).text).toMatch(/^Heavy rain/);
  });
});
