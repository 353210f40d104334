/**
 * The binary form of the POS model (models/pos.bin), written by
 * training/train-pos.ts and read here. Sparse rows keep it small: each kept
 * feature hash owns a short list of (class, Int16 weight) pairs, and most
 * features matter for only a few of the classes.
 *
 * Layout, little-endian:
 *   "NGPOS" 0x00, u16 version, u32 header length, header JSON (UTF-8),
 *   zero padding to 4 bytes, u32 hashes[F], i16 weights[E], padding to 4,
 *   u8 rowLength[F], u8 classOf[E], gzipped lexicon text (header.lexiconBytes)
 */
import { gzipSync } from 'node:zlib';
import { gunzipWhole } from '../../core/inflate.js';
import type { Lexicon } from './features.js';
import { formatLexicon, parseLexicon } from './lexicon.js';


export const MAGIC = 'NGPOS';
export const FORMAT_VERSION = 2;

export interface PosHeader {
  /** Combined "UPOS|XPOS" class names, indexed by class id. */
  classes: string[];
  /** Weight = int16 value × scale. */
  scale: number;
  features: number;
  entries: number;
  /** Size of the gzipped lexicon at the end of the file; 0 when there is none. */
  lexiconBytes: number;
  /** Frequent unambiguous words, tagged without scoring. */
  tagdict: { words: string[]; classes: number[] };
  /** Free-form facts about how the model was made (data, seed, accuracy). */
  info: Record<string, unknown>;
}

export interface PosModelData {
  header: PosHeader;
  hashes: Uint32Array;
  rowLength: Uint8Array;
  weights: Int16Array;
  classOf: Uint8Array;
  lexicon: Lexicon | null;
}

const pad4 = (n: number): number => (n + 3) & ~3;

const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

type NumberArray<A> = { new (buffer: ArrayBufferLike, byteOffset: number, length: number): A; new (length: number): A; BYTES_PER_ELEMENT: number };

/**
 * `length` little-endian numbers from bytes[at ..]: a view over the bytes when the
 * platform is little-endian and the offset aligned, else a copy read through `get`.
 */
function littleEndianArray<A extends Uint32Array | Int16Array>(
  Kind: NumberArray<A>, bytes: Uint8Array, at: number, length: number, get: (byteAt: number) => number,
): A {
  const size = Kind.BYTES_PER_ELEMENT;
  if (LITTLE_ENDIAN && (bytes.byteOffset + at) % size === 0) return new Kind(bytes.buffer, bytes.byteOffset + at, length);
  const out = new Kind(length);
  for (let i = 0; i < length; i++) out[i] = get(at + size * i);
  return out;
}

export function encodeModel(m: PosModelData): Uint8Array {
  const lex = m.lexicon ? gzipSync(formatLexicon(m.lexicon), { level: 9 }) : new Uint8Array(0);
  const json = new TextEncoder().encode(JSON.stringify({ ...m.header, lexiconBytes: lex.length }));
  const F = m.hashes.length;
  const E = m.weights.length;
  const headEnd = pad4(12 + json.length);
  const hashesAt = headEnd;
  const weightsAt = hashesAt + 4 * F;
  const lengthsAt = pad4(weightsAt + 2 * E);
  const classesAt = lengthsAt + F;
  const buf = new Uint8Array(classesAt + E + lex.length);
  const dv = new DataView(buf.buffer);
  for (let i = 0; i < MAGIC.length; i++) buf[i] = MAGIC.charCodeAt(i);
  dv.setUint16(6, FORMAT_VERSION, true);
  dv.setUint32(8, json.length, true);
  buf.set(json, 12);
  for (let i = 0; i < F; i++) dv.setUint32(hashesAt + 4 * i, m.hashes[i]!, true);
  for (let i = 0; i < E; i++) dv.setInt16(weightsAt + 2 * i, m.weights[i]!, true);
  buf.set(m.rowLength, lengthsAt);
  buf.set(m.classOf, classesAt);
  buf.set(lex, classesAt + E);
  return buf;
}

/**
 * Reads the model from the file's bytes. Its arrays are views over those bytes where
 * the platform allows (no copy: the weights alone are 1.3M entries), so the bytes must
 * not be changed while the model is in use.
 */
export function decodeModel(bytes: Uint8Array): PosModelData {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = String.fromCharCode(...bytes.subarray(0, MAGIC.length));
  if (magic !== MAGIC) throw new Error('pos model: bad magic (not a newsgraph POS model)');
  const version = dv.getUint16(6, true);
  if (version !== FORMAT_VERSION) throw new Error(`pos model: format ${version}, expected ${FORMAT_VERSION}`);
  const jsonLen = dv.getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + jsonLen))) as PosHeader;
  const F = header.features;
  const E = header.entries;
  const hashesAt = pad4(12 + jsonLen);
  const weightsAt = hashesAt + 4 * F;
  const lengthsAt = pad4(weightsAt + 2 * E);
  const classesAt = lengthsAt + F;
  const lexAt = classesAt + E;
  if (bytes.byteLength < lexAt + header.lexiconBytes) throw new Error('pos model: truncated file');
  return {
    header,
    hashes: littleEndianArray(Uint32Array, bytes, hashesAt, F, (at) => dv.getUint32(at, true)),
    weights: littleEndianArray(Int16Array, bytes, weightsAt, E, (at) => dv.getInt16(at, true)),
    rowLength: bytes.subarray(lengthsAt, lengthsAt + F),
    classOf: bytes.subarray(classesAt, classesAt + E),
    lexicon: header.lexiconBytes > 0
      ? parseLexicon(gunzipWhole(bytes.subarray(lexAt, lexAt + header.lexiconBytes)).toString('utf8'))
      : null,
  };
}
