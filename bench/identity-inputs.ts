/**
 * The inputs the whole-pipeline identity checks run on (bench/records-identity.ts,
 * bench/parse-on-demand.ts): ~200 BBC articles built as bench/pipeline.ts builds them,
 * 40 of them again through the scraped-text reader, the golden inputs, examples/, the
 * seed article and the article-extraction-benchmark HTML pages. Inputs under ../shared
 * are skipped with a message when it is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { bytesToInput, readFileInput } from '../src/ingest/file.js';
import type { RawInput } from '../src/ingest/types.js';
import { BENCHMARK_DIR, benchmarkPages } from '../training/common/benchmark-pages.js';
import { newsArticleTexts } from '../training/common/news-articles.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SHARED = join(ROOT, '../shared');
const BBC = join(SHARED, 'data/news-text/bbc-news-articles.jsonl');
const SEED = join(SHARED, 'seeds/000_436aaab28d82e5a0.txt');
const N_BBC = Number(process.env.IDENTITY_ARTICLES ?? 200);

export async function identityInputs(): Promise<{ bbc: RawInput[]; all: RawInput[] }> {
  const bbc: RawInput[] = [];
  const all: RawInput[] = [];
  if (existsSync(BBC)) {
    for (const [i, t] of newsArticleTexts(N_BBC).entries()) {
      bbc.push({ name: `bbc${i}`, uri: null, kind: 'text', content: t, published: '2005-01-01' });
    }
    // The same texts through the scraped-text reader too, which the "text" kind skips.
    for (const [i, t] of newsArticleTexts(40).entries()) all.push({ name: `bbc-raw${i}`, uri: null, kind: 'raw', content: t });
  } else console.log(`skipped: ${BBC} is absent`);
  const golden = join(ROOT, 'test/golden');
  for (const dir of readdirSync(golden, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    const spec = JSON.parse(readFileSync(join(golden, dir, 'expected.json'), 'utf8')) as { options?: { charset?: string } };
    const file = readdirSync(join(golden, dir)).find((f) => f.startsWith('input.'))!;
    all.push(await readFileInput(join(golden, dir, file), { charset: spec.options?.charset ?? null }));
  }
  all.push(await readFileInput(join(ROOT, 'examples/article.txt')));
  for (const f of readdirSync(join(ROOT, 'examples/articles')).sort()) all.push(await readFileInput(join(ROOT, 'examples/articles', f)));
  if (existsSync(SEED)) all.push({ name: SEED, uri: null, kind: 'raw', content: readFileSync(SEED, 'utf8') });
  else console.log(`skipped: ${SEED} is absent`);
  const pages = benchmarkPages();
  for (const p of pages) all.push(bytesToInput(gunzipSync(p.bytes()), `${p.id}.html.gz`, null, { kind: 'html' }));
  if (pages.length === 0) console.log(`skipped: ${BENCHMARK_DIR} is absent`);
  return { bbc, all: [...bbc, ...all] };
}

