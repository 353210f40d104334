import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NewsgraphError } from '../core/errors.js';
import { expandGlob, expandPath, segmentRegExp, walkDirectory } from './expand.js';
import type { Found } from './expand.js';
import { fileScratchDir } from '../../test/support/scratch-dir.js';

const root = fileScratchDir('ng-expand-');

beforeAll(() => {
  const put = (path: string, content = 'x'): void => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  };
  put('b.txt');
  put('a.html');
  put('empty.html', '');
  put('.hidden.html');
  put('.git/config');
  put('sub/z.html');
  put('sub/c.txt');
  put('sub/deeper/d.html');
  put('sub/deeper/e1.txt');
  put('sub/deeper/e2.txt');
  put('sub/deeper/f.txt');
  put('weird [1].txt');
  // A link back up the tree (a loop) and a link to a file that is gone.
  symlinkSync(join(root, 'sub'), join(root, 'sub/deeper/loop'));
  symlinkSync(join(root, 'nowhere.txt'), join(root, 'sub/dangling.txt'));
});

async function list(gen: AsyncGenerator<Found>): Promise<string[]> {
  const out: string[] = [];
  for await (const f of gen) {
    out.push(f instanceof NewsgraphError ? `${f.code}:${relative(root, f.input!)}` : relative(root, f.path));
  }
  return out;
}

describe('walkDirectory', () => {
  it('lists files depth first in sorted order, skipping dot-files and dot-dirs, once each despite a symlink loop', async () => {
    expect(await list(walkDirectory(root))).toEqual([
      'a.html',
      'b.txt',
      'E_EMPTY:empty.html',
      'sub/c.txt',
      'E_NOT_FOUND:sub/dangling.txt',
      'sub/deeper/d.html',
      'sub/deeper/e1.txt',
      'sub/deeper/e2.txt',
      'sub/deeper/f.txt',
      'sub/z.html',
      'weird [1].txt',
    ]);
  });

  it('gives the same order every time', async () => {
    expect(await list(walkDirectory(root))).toEqual(await list(walkDirectory(root)));
  });
});

describe('globs', () => {
  it.each([
    ['**/*.html', ['a.html', 'sub/deeper/d.html', 'sub/z.html', 'E_EMPTY:empty.html']],
    ['*.txt', ['b.txt', 'weird [1].txt']],
    ['sub/deeper/e?.txt', ['sub/deeper/e1.txt', 'sub/deeper/e2.txt']],
    ['sub/deeper/[def]*.txt', ['sub/deeper/e1.txt', 'sub/deeper/e2.txt', 'sub/deeper/f.txt']],
    ['sub/deeper/[!e]*', ['sub/deeper/d.html', 'sub/deeper/f.txt']],
    ['sub/**', ['sub/c.txt', 'sub/deeper/d.html', 'sub/deeper/e1.txt', 'sub/deeper/e2.txt', 'sub/deeper/f.txt', 'sub/z.html', 'E_NOT_FOUND:sub/dangling.txt']],
    ['*/deeper/*.html', ['sub/deeper/d.html']],
    ['.*.html', ['.hidden.html']],
  ])('%s', async (pattern, expected) => {
    const got = await list(expandGlob(join(root, pattern)));
    // Sorted by path; error entries sort by the path they name.
    expect(got.slice().sort()).toEqual(expected.slice().sort());
    const paths = got.map((g) => g.replace(/^E_\w+:/, ''));
    expect(paths).toEqual(paths.slice().sort());
  });

  it('reports a pattern that matches nothing', async () => {
    expect(await list(expandGlob(join(root, '**/*.pdf')))).toEqual(['E_NOT_FOUND:**/*.pdf']);
  });

  it('translates segments into anchored expressions', () => {
    expect(segmentRegExp('*.html').test('a.html')).toBe(true);
    expect(segmentRegExp('*.html').test('a.html.bak')).toBe(false);
    expect(segmentRegExp('[abc]?.txt').test('b1.txt')).toBe(true);
    expect(segmentRegExp('[abc]?.txt').test('d1.txt')).toBe(false);
    expect(segmentRegExp('[!a-c]x').test('dx')).toBe(true);
    expect(segmentRegExp('[!a-c]x').test('bx')).toBe(false);
    expect(segmentRegExp('a.(b)+').test('a.(b)+')).toBe(true);
    expect(segmentRegExp('[]]').test(']')).toBe(true);
    expect(segmentRegExp('x[').test('x[')).toBe(true);
    expect(segmentRegExp('\\*').test('*')).toBe(true);
    expect(segmentRegExp('\\*').test('a')).toBe(false);
  });
});

describe('expandPath', () => {
  it('takes an existing path literally, even with glob characters in it', async () => {
    expect(await list(expandPath(join(root, 'weird [1].txt')))).toEqual(['weird [1].txt']);
  });

  it('names a missing path and an empty file', async () => {
    expect(await list(expandPath(join(root, 'missing.txt')))).toEqual(['E_NOT_FOUND:missing.txt']);
    const [empty] = await (async () => {
      const out: Found[] = [];
      for await (const f of expandPath(join(root, 'empty.html'))) out.push(f);
      return out;
    })();
    expect(empty).toMatchObject({ code: 'E_EMPTY', input: join(root, 'empty.html'), message: 'empty input (0 bytes)' });
  });
});
