import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isNewsgraphError } from '../core/errors.js';
import { readJsonl } from './jsonl.js';
import { testScratchDir } from '../../test/support/scratch-dir.js';

describe('readJsonl', () => {
  it('yields inputs and coded errors in line order', async () => {
    const dir = testScratchDir('ng-jsonl-');
    const file = join(dir, 'in.jsonl');
    writeFileSync(file, [
      JSON.stringify({ id: 'a', text: 'Troops withdrew.', published: '2020-12-09' }),
      '',
      '{not json',
      JSON.stringify({ id: 'c', text: 'x', html: '<p>y</p>' }),
      JSON.stringify({ id: 7, html: '<p>Hi</p>', title: 'T', url: 'https://example.com/a' }),
    ].join('\n'));
    const out = [];
    for await (const item of readJsonl(file)) out.push(item);
    expect(out).toHaveLength(4);
    expect(out[0]).toMatchObject({ name: `${file}#a`, kind: 'text', content: 'Troops withdrew.', published: '2020-12-09' });
    expect(isNewsgraphError(out[1]) && out[1].code).toBe('E_BAD_JSONL');
    expect(isNewsgraphError(out[1]) && out[1].input).toBe(`${file}:3`);
    expect(isNewsgraphError(out[2]) && out[2].message).toMatch(/exactly one of/);
    expect(out[3]).toMatchObject({ name: `${file}#7`, kind: 'html', title: 'T', uri: 'https://example.com/a' });
  });
});
