import { describe, expect, it } from 'vitest';
import { tagConllu } from './conllu-tag.js';
import type { ConlluAnnotators } from './conllu-tag.js';
import { parserModelAvailable } from './parser/index.js';
import { posModelAvailable } from './pos/index.js';

const INPUT = [
  '# newdoc id = test-1',
  '# sent_id = test-1-1',
  "# text = I don't know.",
  '1\tI\tI\t_\t_\t_\t_\t_\t_\t_',
  "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_",
  '2\tdo\tdo\t_\t_\t_\t_\t_\t_\t_',
  "3\tn't\tnot\t_\t_\t_\t_\t_\t_\t_",
  '4\tknow\tknow\t_\t_\t_\t_\t_\t_\tSpaceAfter=No',
  '5\t.\t.\t_\t_\t_\t_\t_\t_\t_',
  '',
  '# sent_id = test-1-2',
  '1\tGo\tgo\t_\t_\t_\t_\t_\t_\t_',
  '1.1\tyou\tyou\t_\t_\t_\t_\t_\t_\t_',
  '',
  '',
].join('\n');

/** A stand-in tagger and parser: everything hangs from the first word. */
const STUB: ConlluAnnotators = {
  tag: (w) => ({ upos: w.map(() => 'X'), xpos: w.map(() => 'XX') }),
  parse: (w) => ({ head: w.map((_, i) => (i === 0 ? -1 : 0)), deprel: w.map((_, i) => (i === 0 ? 'root' : 'dep')) }),
};

describe('tagConllu', () => {
  it('fills UPOS, XPOS, HEAD and DEPREL and keeps everything else', () => {
    const out = tagConllu(INPUT, STUB).split('\n');
    const inp = INPUT.split('\n');
    expect(out).toHaveLength(inp.length);
    for (let i = 0; i < inp.length; i++) {
      const a = inp[i]!;
      if (!/^\d+\t/.test(a)) {
        expect(out[i]).toBe(a);
        continue;
      }
      const c = out[i]!.split('\t');
      const o = a.split('\t');
      expect([c[0], c[1], c[2], c[5], c[8], c[9]]).toEqual([o[0], o[1], o[2], o[5], o[8], o[9]]);
      expect(c[3]).toBe('X');
      expect(c[6]).toBe(c[0] === '1' ? '0' : '1');
    }
  });

  it('keeps CRLF line endings', () => {
    expect(tagConllu(INPUT.replace(/\n/g, '\r\n'), STUB)).toBe(tagConllu(INPUT, STUB).replace(/\n/g, '\r\n'));
  });
});

const haveModels = parserModelAvailable() && posModelAvailable();
if (!haveModels) console.warn('skipping tagConllu model test: models/pos.bin or models/parser.bin missing');

describe.skipIf(!haveModels)('tagConllu with the trained models', () => {
  it('produces a single-rooted tree per sentence', () => {
    const out = tagConllu(INPUT);
    const first = out.split('\n\n')[0]!.split('\n').filter((l) => /^\d+\t/.test(l));
    expect(first.filter((l) => l.split('\t')[6] === '0')).toHaveLength(1);
    expect(first.map((l) => l.split('\t')[3])).not.toContain('_');
  });
});
