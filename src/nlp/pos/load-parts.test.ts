import { describe, expect, it } from 'vitest';
import { parseLexicon } from './lexicon.js';
import { decodeModel, encodeModel } from './model.js';
import { ROW_BITS, RowIndex } from './row-index.js';

/** The line-and-column reading parseLexicon replaced, kept as the reference for its semantics. */
function splitParse(tsv: string): ReturnType<typeof parseLexicon> {
  const clusters = new Map<string, readonly [number, number, number]>();
  const caseBucket = new Map<string, number>();
  const ambiguity = new Map<string, string>();
  let section = '';
  for (const line of tsv.split('\n')) {
    if (line.startsWith('#') && !line.includes('\t')) {
      section = line;
      continue;
    }
    const cols = line.split('\t');
    if (section === '#clusters' && cols.length === 4) clusters.set(cols[0]!, [Number(cols[1]), Number(cols[2]), Number(cols[3])]);
    else if (section === '#case' && cols.length === 2) caseBucket.set(cols[0]!, Number(cols[1]));
    else if (section === '#amb' && cols.length === 2) ambiguity.set(cols[0]!, cols[1]!);
  }
  return { clusters, caseBucket, ambiguity };
}

describe('POS lexicon reading', () => {
  it('reads what line splitting reads, odd lines included', () => {
    const tsv = [
      'the\t1\t2\t3', '#clusters', 'the\t298\t88\t3', '#1\t4\t5\t6', 'bad\t1\t2', 'worse\t1\t2\t3\t4', '', 'x\t-1\t007\t+4',
      'y\t\t1e2\t12345678901', 'z\t-\t 7\t3\r', 'the\t9\t9\t9', '#case', 'the\t0', '#amb\t1', 'one\t', 'c\t1\t2',
      '#other', 'o\t1', '#amb', 'that\tDT,IN,WDT', '#\tSYM|NN', 'odd\ta\tb', 'crlf\tNN\r', '#amb\r', 'gone\tNN', '#case', 'last\t4',
    ].join('\n');
    for (const text of [tsv, `${tsv}\n`]) {
      const got = parseLexicon(text);
      const want = splitParse(text);
      expect([...got.clusters]).toEqual([...want.clusters]);
      expect([...got.caseBucket]).toEqual([...want.caseBucket]);
      expect([...got.ambiguity]).toEqual([...want.ambiguity]);
    }
  });
});

describe('POS model reading', () => {
  it('decodes the same from an unaligned copy of the file (the copying path)', () => {
    const m = {
      header: {
        classes: ['NOUN|NN', 'VERB|VB'], scale: 1, features: 3, entries: 4, lexiconBytes: 0,
        tagdict: { words: [], classes: [] }, info: {},
      },
      hashes: Uint32Array.from([5, 0x80000001, 0xfffffffe]),
      rowLength: Uint8Array.from([1, 0, 3]),
      weights: Int16Array.from([-32768, 7, 32767, -1]),
      classOf: Uint8Array.from([1, 0, 1, 0]),
      lexicon: null,
    };
    const bytes = encodeModel(m);
    const shifted = new Uint8Array(bytes.length + 1).subarray(1);
    shifted.set(bytes);
    for (const b of [bytes, shifted]) {
      const back = decodeModel(b);
      expect([...back.hashes]).toEqual([...m.hashes]);
      expect([...back.weights]).toEqual([...m.weights]);
      expect([...back.rowLength]).toEqual([...m.rowLength]);
      expect([...back.classOf]).toEqual([...m.classOf]);
    }
  });
});

describe('POS row index', () => {
  it('finds each feature\'s row in any file order, empty rows as absent, the first of equal hashes', () => {
    const hashes = Uint32Array.from([0xffff0000, 7, 0xffff0001, 7, 0x12345678, 0xffff0000, 0]);
    const lengths = Uint8Array.from([2, 1, 0, 3, 1, 4, 2]);
    const index = new RowIndex(hashes, lengths, 13);
    const ref = (start: number, len: number): number => ((start << ROW_BITS) | len) >>> 0;
    expect(index.rowOf(0xffff0000)).toBe(ref(0, 2));
    expect(index.rowOf(7)).toBe(ref(2, 1));
    expect(index.rowOf(0xffff0001)).toBe(0);
    expect(index.rowOf(0x12345678)).toBe(ref(6, 1));
    expect(index.rowOf(0)).toBe(ref(11, 2));
    expect(index.rowOf(8)).toBe(0);
    expect(() => new RowIndex(hashes, lengths, 12)).toThrow(/rows hold 13 weights/);
  });
});
