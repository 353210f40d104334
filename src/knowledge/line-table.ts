/**
 * The data lines of a knowledge table kept as its UTF-8 bytes and an array of line offsets.
 *
 * A table of 100k+ lines split into strings costs a string object per line, and V8 makes
 * each line a view that keeps the whole file's text alive besides (a "sliced string",
 * 32 bytes each); a text with any character beyond Latin-1 is also held at two bytes a
 * character. Offsets into the bytes cost 4 bytes a line, and a line becomes a string only
 * when it is read.
 */

/** Lines of UTF-8 bytes, decoded when read. */
export class ByteLines {
  readonly size: number;
  private readonly starts: Uint32Array;

  constructor(private readonly bytes: Buffer) {
    // The data lines start after the leading `#` comment lines and the header line.
    const next = (from: number): number => {
      const nl = bytes.indexOf(0x0a, from);
      return nl < 0 ? bytes.length : nl + 1;
    };
    const starts: number[] = [];
    let i = 0;
    while (i < bytes.length && bytes[i] === 0x23 /* # */) i = next(i);
    if (i < bytes.length) i = next(i);
    for (; i < bytes.length; i = next(i)) starts.push(i);
    this.starts = Uint32Array.from(starts);
    this.size = this.starts.length;
  }

  line(n: number): string {
    const s = this.starts[n]!;
    const nl = this.bytes.indexOf(0x0a, s);
    return this.bytes.toString('utf8', s, nl < 0 ? this.bytes.length : nl);
  }

  /** The line's first field (up to its first tab, or the whole line). */
  key(n: number): string {
    const s = this.starts[n]!;
    return this.bytes.toString('utf8', s, this.fieldEnd(s));
  }

  /** The line's text after its first tab ('' when it has none). */
  rest(n: number): string {
    const s = this.starts[n]!;
    const tab = this.fieldEnd(s);
    const b = this.bytes;
    if (tab >= b.length || b[tab] !== 0x09) return '';
    const nl = b.indexOf(0x0a, tab);
    return b.toString('utf8', tab + 1, nl < 0 ? b.length : nl);
  }

  /** Where the field starting at s ends: its tab, newline, or the end of the bytes. */
  private fieldEnd(s: number): number {
    const b = this.bytes;
    let e = s;
    while (e < b.length && b[e] !== 0x09 && b[e] !== 0x0a) e++;
    return e;
  }
}
