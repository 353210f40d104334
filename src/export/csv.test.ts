import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_EOL, csvField, csvRow } from './csv.js';

describe('csv', () => {
  it('quotes only fields that need it and doubles inner quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(0)).toBe('0');
    expect(csvField(false)).toBe('false');
    expect(csvField(' padded ')).toBe(' padded ');
  });

  it('round-trips through csv-parse', () => {
    const rows = [['a', 'b,c', 'd "e"'], ['line\nbreak', '', 'x\r\ny']];
    const text = rows.map((r) => csvRow(r) + CSV_EOL).join('');
    expect(parse(text, { relax_column_count: false })).toEqual(rows);
  });
});
