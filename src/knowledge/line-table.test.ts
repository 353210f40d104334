import { describe, expect, it } from 'vitest';
import { ByteLines } from './line-table.js';

const lines = (text: string): ByteLines => new ByteLines(Buffer.from(text, 'utf8'));

describe('ByteLines', () => {
  it('holds the data lines after the comments and the header, as split("\\n") gives them', () => {
    const t = lines('# a comment\n# another\nid\tname\n1\tTehran\n2\tAğbənd\n\n3\n');
    expect(t.size).toBe(4);
    expect([0, 1, 2, 3].map((n) => t.line(n))).toEqual(['1\tTehran', '2\tAğbənd', '', '3']);
    expect([0, 1, 2, 3].map((n) => t.key(n))).toEqual(['1', '2', '', '3']);
  });

  it('reads a last line without a newline, and a table of comments alone', () => {
    const t = lines('h\na\tb\nc\td');
    expect(t.size).toBe(2);
    expect(t.line(1)).toBe('c\td');
    expect(lines('# only\n# comments\n').size).toBe(0);
    expect(lines('').size).toBe(0);
  });

  it('splits a line at its first tab into key and rest, decoding UTF-8', () => {
    const t = lines('key\tpostings\nağbənd\t1,2,3\ttail\nalone\n');
    expect(t.key(0)).toBe('ağbənd');
    expect(t.rest(0)).toBe('1,2,3\ttail');
    expect(t.key(1)).toBe('alone');
    expect(t.rest(1)).toBe('');
  });
});
