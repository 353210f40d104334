import { describe, expect, it } from 'vitest';
import { isNewsgraphError } from '../core/errors.js';
import { decodeBytes } from './decode.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isNewsgraphError(e) ? e.code : 'not-coded';
  }
  return undefined;
}

describe('decodeBytes', () => {
  it('decodes UTF-8 and strips nothing but the BOM', () => {
    expect(decodeBytes(Buffer.from('\uFEFFAzerbaijan’s', 'utf8'), 'x').text).toBe('Azerbaijan’s');
  });

  it('honours a Windows-1252 <meta> declaration', () => {
    const html = Buffer.concat([
      Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>', 'latin1'),
      Buffer.from([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x97, 0x20, 0xfc]),
      Buffer.from('</p></body></html>', 'latin1'),
    ]);
    const { text, charset } = decodeBytes(html, 'page.html', { kind: 'html' });
    expect(charset).toBe('windows-1252');
    expect(text).toContain('“Café” — ü');
  });

  it('honours the Content-Type header and treats latin1 as Windows-1252', () => {
    const { text } = decodeBytes(Buffer.from([0x93, 0x68, 0x69, 0x94]), 'u', { contentType: 'text/html; charset=ISO-8859-1' });
    expect(text).toBe('“hi”');
  });

  it('decodes UTF-16 with a BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Tehran', 'utf16le')]);
    expect(decodeBytes(bytes, 'x').text).toBe('Tehran');
  });

  it('refuses empty, binary and invalid UTF-8 input with coded errors', () => {
    expect(codeOf(() => decodeBytes(Buffer.alloc(0), 'x'))).toBe('E_EMPTY');
    expect(codeOf(() => decodeBytes(Buffer.from('%PDF-1.4 ...'), 'x'))).toBe('E_BINARY');
    expect(codeOf(() => decodeBytes(Buffer.from([0x41, 0x00, 0x42]), 'x'))).toBe('E_BINARY');
    expect(codeOf(() => decodeBytes(Buffer.from([0x41, 0xff, 0xfe, 0x42, 0xc3]), 'x'))).toBe('E_ENCODING');
    expect(codeOf(() => decodeBytes(Buffer.from('abc'), 'x', { charset: 'no-such-charset' }))).toBe('E_ENCODING');
  });
});
