/** An input spec from the command line — a path, a URL or "-" — → RawInput. */
import { readFileInput, readStdin } from './file.js';
import type { ReadOptions } from './file.js';
import { fetchUrlInput, isUrl } from './url.js';
import type { FetchOptions } from './url.js';
import type { RawInput } from './types.js';

export type SourceOptions = ReadOptions & FetchOptions;

export async function readSource(spec: string, options: SourceOptions = {}): Promise<RawInput> {
  if (spec === '-') return readStdin(options);
  if (isUrl(spec)) return fetchUrlInput(spec, options);
  return readFileInput(spec, options);
}
