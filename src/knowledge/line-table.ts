/**
 * The data lines of a knowledge table kept as one text and an array of line offsets.
 *
 * A table of 100k+ lines split into strings costs a string object per line, and V8 makes
 * each line a view that keeps the whole file's text alive besides (a "sliced string",
 * 32 bytes each). Offsets into the one text cost 4 bytes a line, and a line becomes a
 * string only when it is read.
 */

/** Where each data line starts, after the leading `#` comment lines and the header line. */
function dataLineStarts(size: number, at: (i: number) => number, next: (from: number) => number): Uint32Array {
  const starts: number[] = [];
  let i = 0;
  while (i < size && at(i) === 0x23 /* # */) i = next(i);
  if (i < size) i = next(i); // the header
  for (; i < size; i = next(i)) starts.push(i);
  return Uint32Array.from(starts);
}

/** Lines of a text held as a JavaScript string: lines compare in its (UTF-16) order. */
export class TextLines {
  readonly size: number;
  private readonly starts: Uint32Array;

  constructor(private readonly text: string) {
    const end = (from: number): number => {
      const nl = text.indexOf('\n', from);
      return nl < 0 ? text.length : nl;
    };
    this.starts = dataLineStarts(text.length, (i) => text.charCodeAt(i), (from) => end(from) + 1);
    this.size = this.starts.length;
  }

  private end(n: number): number {
    const nl = this.text.indexOf('\n', this.starts[n]!);
    return nl < 0 ? this.text.length : nl;
  }

  line(n: number): string {
    return this.text.slice(this.starts[n]!, this.end(n));
  }

  /** The line's first field (up to its first tab, or the whole line). */
  key(n: number): string {
    const s = this.starts[n]!;
    const tab = this.text.indexOf('\t', s);
    const e = this.end(n);
    return this.text.slice(s, tab < 0 || tab > e ? e : tab);
  }

  /** The line's text after its first tab ('' when it has none). */
  rest(n: number): string {
    const s = this.starts[n]!;
    const tab = this.text.indexOf('\t', s);
    const e = this.end(n);
    return tab < 0 || tab > e ? '' : this.text.slice(tab + 1, e);
  }
}

/** Lines of UTF-8 bytes, decoded when read: half the memory of a string for text that is not all Latin-1. */
export class ByteLines {
  readonly size: number;
  private readonly starts: Uint32Array;

  constructor(private readonly bytes: Buffer) {
    const next = (from: number): number => {
      const nl = bytes.indexOf(0x0a, from);
      return nl < 0 ? bytes.length : nl + 1;
    };
    this.starts = dataLineStarts(bytes.length, (i) => bytes[i]!, next);
    this.size = this.starts.length;
  }

  line(n: number): string {
    const s = this.starts[n]!;
    const nl = this.bytes.indexOf(0x0a, s);
    return this.bytes.toString('utf8', s, nl < 0 ? this.bytes.length : nl);
  }

  /** The line's first field, read as Latin-1 (for ASCII keys such as ids). */
  key(n: number): string {
    const s = this.starts[n]!;
    let e = s;
    const b = this.bytes;
    while (e < b.length && b[e] !== 0x09 && b[e] !== 0x0a) e++;
    return b.toString('latin1', s, e);
  }
}
