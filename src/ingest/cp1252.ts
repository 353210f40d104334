/**
 * Windows-1252 decoding. Node 20's TextDecoder("windows-1252") decodes as
 * ISO-8859-1, turning curly quotes and dashes (0x80–0x9F) into C1 control
 * characters, so those 32 bytes are mapped here by the WHATWG table. The five
 * bytes the table leaves undefined map to the same-numbered code points, as
 * browsers do.
 */
const HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const part = bytes.subarray(i, i + CHUNK);
    const codes = new Uint16Array(part.length);
    for (let j = 0; j < part.length; j++) {
      const b = part[j]!;
      codes[j] = b >= 0x80 && b < 0xa0 ? HIGH[b - 0x80]! : b;
    }
    chunks.push(String.fromCharCode(...codes));
  }
  return chunks.join('');
}
