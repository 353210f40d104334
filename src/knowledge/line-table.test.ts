import { describe, expect, it } from 'vitest';
import { ByteLines, TextLines } from './line-table.js';

const TABLE = '# a comment\n# another\nid\tname\n1\tTehran\n2\tAğbənd\n\n3\n';

describe('TextLines and ByteLines', () => {
  for (const [kind, make] of [
    ['TextLines', (t: string) => new TextLines(t)],
    ['ByteLines', (t: string) => new ByteLines(Buffer.from(t, 'utf8'))],
  ] as const) {
    it(`${kind}: the data lines after the comments and the header, as split('\\n') gives them`, () => {
      const t = make(TABLE);
      expect(t.size).toBe(4);
      expect([0, 1, 2, 3].map((n) => t.line(n))).toEqual(['1\tTehran', '2\tAğbənd', '', '3']);
      expect([0, 1, 2, 3].map((n) => t.key(n))).toEqual(['1', '2', '', '3']);
    });

    it(`${kind}: a last line without a newline, and a table of comments alone`, () => {
      const t = make('h\na\tb\nc\td');
      expect(t.size).toBe(2);
      expect(t.line(1)).toBe('c\td');
      expect(make('# only\n# comments\n').size).toBe(0);
      expect(make('').size).toBe(0);
    });
  }

  it('TextLines.rest is the line after its first tab', () => {
    const t = new TextLines('key\tpostings\nparis\t1,2,3\ttail\nalone\n');
    expect(t.rest(0)).toBe('1,2,3\ttail');
    expect(t.key(1)).toBe('alone');
    expect(t.rest(1)).toBe('');
  });
});
