import { describe, expect, it } from 'vitest';
import { modelAvailable as nerModelAvailable } from './ner/index.js';
import { parserModelAvailable } from './parser/index.js';
import { posModelAvailable } from './pos/index.js';
import { tagText } from './text-conllu.js';

const haveModels = posModelAvailable() && parserModelAvailable() && nerModelAvailable();
if (!haveModels) console.warn('skipping tagText tests: models/pos.bin, parser.bin or ner.bin missing');

interface Row { id: number; form: string; upos: string; head: number; deprel: string; misc: Map<string, string> }
interface Block { comments: string[]; rows: Row[] }

function blocks(out: string): Block[] {
  expect(out === '' || out.endsWith('\n\n')).toBe(true);
  return out.split('\n\n').filter((b) => b.length > 0).map((b) => {
    const lines = b.split('\n');
    const comments = lines.filter((l) => l.startsWith('#'));
    const rows = lines.filter((l) => !l.startsWith('#')).map((l) => {
      const c = l.split('\t');
      expect(c).toHaveLength(10);
      return {
        id: Number(c[0]), form: c[1]!, upos: c[3]!, head: Number(c[6]), deprel: c[7]!,
        misc: new Map(c[9]!.split('|').map((kv) => kv.split('=') as [string, string])),
      };
    });
    return { comments, rows };
  });
}

/** What every output must satisfy, whatever the text. */
function checkWellFormed(input: string, out: string): Block[] {
  const bs = blocks(out);
  bs.forEach((b, k) => {
    expect(b.comments).toContain(`# sent_id = ${k + 1}`);
    expect(b.comments.filter((c) => c.startsWith('# text = '))).toHaveLength(1);
    for (const c of b.comments) expect(c).not.toMatch(/[\r\n\u2028\u2029\u0085]/);
    expect(b.rows.map((r) => r.id)).toEqual(b.rows.map((_, i) => i + 1));
    expect(b.rows.filter((r) => r.head === 0)).toHaveLength(1);
    let prev = 'O';
    for (const r of b.rows) {
      expect(r.head).toBeGreaterThanOrEqual(0);
      expect(r.head).toBeLessThanOrEqual(b.rows.length);
      expect(r.head).not.toBe(r.id);
      const [s, e] = r.misc.get('TokenRange')!.split(':').map(Number) as [number, number];
      expect(input.slice(s, e).replace(/[\t\r\n\u2028\u2029\u0085]/g, ' ')).toBe(r.form);
      const ner = r.misc.get('NER') ?? 'O';
      expect(ner).toMatch(/^(O|[BI]-(PER|ORG|LOC|MISC))$/);
      if (ner.startsWith('I-')) expect(prev.slice(2)).toBe(ner.slice(2));
      prev = ner;
    }
  });
  return bs;
}

describe.skipIf(!haveModels)('tagText: the stack on plain text as CoNLL-U', () => {
  const input = 'Jeyhun Bayramov, the Azeri foreign minister, reached Tehran on Wednesday. He met\r\n'
    + 'officials of Azerbaijan’s neighbour.\n\n  "We will not accept this," Ali Alizada said.  \n';

  it('writes sentences, paragraphs, tokens with offsets into the input, spacing and names', () => {
    const out = tagText(input);
    const bs = checkWellFormed(input, out);
    expect(out.startsWith('# newdoc\n# newpar\n# sent_id = 1\n')).toBe(true);
    expect(bs).toHaveLength(3);
    expect(bs.map((b) => b.comments.includes('# newpar'))).toEqual([true, false, true]);
    expect(bs[1]!.comments).toContain('# text = He met officials of Azerbaijan’s neighbour.');
    const first = bs[0]!.rows;
    expect(first.slice(0, 2).map((r) => r.misc.get('NER'))).toEqual(['B-PER', 'I-PER']);
    expect(first[1]!.misc.get('SpaceAfter')).toBe('No');
    expect(first[0]!.misc.has('SpaceAfter')).toBe(false);
    const said = bs[2]!.rows.find((r) => r.form === 'said')!;
    expect(said.head).toBe(0);
    expect(bs[2]!.rows.filter((r) => r.form === 'Ali' || r.form === 'Alizada').map((r) => r.misc.get('NER')))
      .toEqual(['B-PER', 'I-PER']);
  });

  it('gives nothing for empty or blank input', () => {
    expect(tagText('')).toBe('');
    expect(tagText(' \n\n\t\r\n ')).toBe('');
  });

  it('stays well-formed on hostile text', () => {
    const cases = [
      'x'.repeat(5000),
      'word '.repeat(1200),
      'A\u0000B\u0007C.\tD\u2028E\u0085F. \u202Eعربي\u202C test.',
      '😀👍🏽 emoji 👨‍👩‍👧 family. Zero\u200Bwidth. Lone \uD800 surrogate.',
      '"Unclosed quote. (Unclosed bracket. U.S. officials met on Monday...',
    ];
    for (const c of cases) checkWellFormed(c, tagText(c));
  });

  it('parses with the parser it is given', () => {
    const flat = (w: string[]): { head: number[]; deprel: string[] } => ({
      head: w.map((_, i) => (i === 0 ? -1 : 0)), deprel: w.map((_, i) => (i === 0 ? 'root' : 'dep')),
    });
    const rows = blocks(tagText('The talks resumed in Geneva.', flat))[0]!.rows;
    expect(rows.map((r) => r.head)).toEqual([0, 1, 1, 1, 1, 1]);
    expect(rows.map((r) => r.deprel)).toEqual(['root', 'dep', 'dep', 'dep', 'dep', 'dep']);
  });
});
