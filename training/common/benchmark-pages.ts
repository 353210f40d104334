/**
 * The article-extraction benchmark's 181 web pages of November 2019
 * (../shared/data/article-extraction-benchmark), read as the CLI reads a fetched page: the
 * gzip bytes as HTML, with the page's URL. One split into development and held-out halves,
 * fixed by a hash of the page id, serves every bench that reads these pages.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bytesToInput } from '../../src/ingest/file.js';
import type { RawInput } from '../../src/ingest/types.js';

export const BENCHMARK_DIR = resolve(import.meta.dirname, '../../../shared/data/article-extraction-benchmark');

/**
 * Development / held-out halves by a hash of the page id, fixed forever so that
 * tuning on "dev" never sees "held".
 */
export function splitOf(id: string): 'dev' | 'held' {
  const h = createHash('sha256').update(`newsgraph-split:${id}`).digest();
  return (h[0]! & 1) === 0 ? 'dev' : 'held';
}

export interface BenchmarkPage {
  id: string;
  url: string;
  half: 'dev' | 'held';
  /** The hand-made reference text of the article's body. */
  reference: string;
  /** The page's gzip bytes, read when asked. */
  bytes(): Buffer;
  /** The page as the pipeline's input. */
  input(): RawInput;
}

/** The pages in id order; none when the benchmark is absent. */
export function benchmarkPages(dir = BENCHMARK_DIR): BenchmarkPage[] {
  if (!existsSync(join(dir, 'ground-truth.json'))) return [];
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { url: string; articleBody: string }>;
  return readdirSync(join(dir, 'html'))
    .filter((f) => f.endsWith('.html.gz'))
    .sort()
    .map((f) => {
      const id = f.slice(0, -'.html.gz'.length);
      const t = truth[id];
      if (t === undefined) throw new Error(`no ground truth for ${id}`);
      const bytes = (): Buffer => readFileSync(join(dir, 'html', f));
      return { id, url: t.url, half: splitOf(id), reference: t.articleBody, bytes, input: () => bytesToInput(bytes(), f, t.url, { kind: 'html' }) };
    });
}
