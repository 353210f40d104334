/**
 * JSON lines of snippets or pages: {"id", "text" | "raw" | "html", "published"?,
 * "title"?, "url"?}. Each line becomes one input, or one coded error in its
 * place, so a corpus keeps its order and one bad line never stops the rest.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { NewsgraphError } from '../core/errors.js';
import { LIMITS } from './limits.js';
import type { InputKind, RawInput } from './types.js';

const KINDS: readonly InputKind[] = ['text', 'raw', 'html'];

export function parseJsonlLine(line: string, where: string): RawInput {
  let obj: unknown;
  try {
    obj = JSON.parse(line);
  } catch (e) {
    throw new NewsgraphError('E_BAD_JSONL', `not valid JSON: ${(e as Error).message}`, { input: where, cause: e });
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
    throw new NewsgraphError('E_BAD_JSONL', 'a line must be a JSON object', { input: where });
  }
  const o = obj as Record<string, unknown>;
  const id = typeof o.id === 'string' || typeof o.id === 'number' ? String(o.id) : null;
  const name = id === null ? where : `${where.replace(/:\d+$/, '')}#${id}`;
  const present = KINDS.filter((k) => typeof o[k] === 'string');
  if (present.length !== 1) {
    throw new NewsgraphError('E_BAD_JSONL', 'a line needs exactly one of "text", "raw" or "html" as a string', { input: name });
  }
  const kind = present[0]!;
  for (const field of ['published', 'title', 'url'] as const) {
    if (o[field] !== undefined && o[field] !== null && typeof o[field] !== 'string') {
      throw new NewsgraphError('E_BAD_JSONL', `"${field}" must be a string`, { input: name });
    }
  }
  return {
    name,
    uri: (o.url as string | undefined) ?? null,
    kind,
    content: o[kind] as string,
    published: (o.published as string | undefined) ?? null,
    title: (o.title as string | undefined) ?? null,
  };
}

/** Yield each non-blank line's input, or the error that stands in its place. */
export async function* readJsonl(path: string): AsyncGenerator<RawInput | NewsgraphError> {
  const stream = createReadStream(path, { encoding: 'utf8' });
  const opened = new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  try {
    await opened;
  } catch (e) {
    throw new NewsgraphError('E_NOT_FOUND', `cannot read JSONL file (${(e as NodeJS.ErrnoException).code ?? 'error'})`, { input: path, cause: e });
  }
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim().length === 0) continue;
    const where = `${path}:${n}`;
    if (line.length > LIMITS.maxJsonlLineBytes) {
      yield new NewsgraphError('E_TOO_LARGE', `line is longer than ${LIMITS.maxJsonlLineBytes} characters`, { input: where });
      continue;
    }
    try {
      yield parseJsonlLine(line, where);
    } catch (e) {
      yield e as NewsgraphError;
    }
  }
}
