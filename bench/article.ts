/**
 * `npm run bench:article`: article-body extraction on the Scrapinghub/Zyte benchmark
 * (../shared/data/article-extraction-benchmark), scored with the benchmark's own
 * metric (bench/metric.ts), for our extractor and for plain Readability over
 * linkedom in the same run, so that timings on a shared machine stay comparable.
 *
 * Flags:
 *   --split        also print the development and held-out halves (splitOf in training/common/benchmark-pages.ts)
 *   --dump DIR     write each page's predictions and per-page scores to DIR (debugging)
 *   --only dev|held  score one half only
 *   --data DIR     the benchmark folder (default ../shared/data/article-extraction-benchmark)
 *   --reps N       time each page N times (default 3) and keep the fastest: on a
 *                  shared machine the minimum is the stable estimate of the cost
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parse } from '../src/article/html/dom.js';
import { extractHtml } from '../src/article/html/index.js';
import { bootstrap, pageCounts, scores, type Counts } from './metric.js';
import { BENCHMARK_DIR as DEFAULT_DATA, benchmarkPages } from '../training/common/benchmark-pages.js';
import { median } from '../training/common/stats.js';


interface Page {
  id: string;
  url: string;
  html: string;
  reference: string;
  half: 'dev' | 'held';
}

interface Extractor {
  name: string;
  run(page: Page): string;
}

const extractors: Extractor[] = [
  {
    name: 'newsgraph',
    run: (p) => {
      try {
        return extractHtml(p.html, { url: p.url, name: p.id }).paragraphs.join('\n');
      } catch {
        return '';
      }
    },
  },
  {
    name: 'readability+linkedom',
    run: (p) => {
      try {
        const document = parse(p.html);
        return new Readability(document as never).parse()?.textContent ?? '';
      } catch {
        return '';
      }
    },
  },
];

function loadPages(DATA: string): Page[] {
  return benchmarkPages(DATA).map((p) => ({ id: p.id, url: p.url, html: gunzipSync(p.bytes()).toString('utf8'), reference: p.reference, half: p.half }));
}


interface Row {
  name: string;
  pages: (Counts & { exact: boolean })[];
  ms: number[];
}

function table(title: string, rows: Row[], keep: (i: number) => boolean): string {
  const head = `${title}\n${'extractor'.padEnd(22)}${'precision'.padStart(10)}${'recall'.padStart(10)}${'F1 ±'.padStart(18)}${'accuracy'.padStart(10)}${'median ms'.padStart(11)}`;
  const lines = rows.map((r) => {
    const pages = r.pages.filter((_, i) => keep(i));
    const ms = r.ms.filter((_, i) => keep(i));
    const s = scores(pages);
    const ci = bootstrap(pages);
    return (
      r.name.padEnd(22) +
      s.precision.toFixed(3).padStart(10) +
      s.recall.toFixed(3).padStart(10) +
      `${s.f1.toFixed(3)} ± ${ci.f1.toFixed(3)}`.padStart(18) +
      s.accuracy.toFixed(3).padStart(10) +
      median(ms).toFixed(1).padStart(11)
    );
  });
  return [head, ...lines].join('\n');
}

function main(): void {
  const args = process.argv.slice(2);
  const flag = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const data = resolve(flag('--data') ?? DEFAULT_DATA);
  if (!existsSync(join(data, 'ground-truth.json'))) {
    console.log(`bench:article: benchmark data not found at ${data}; nothing to do.`);
    return;
  }
  const only = flag('--only');
  const reps = Math.max(1, Number(flag('--reps') ?? 3) || 3);
  const dump = flag('--dump');
  let pages = loadPages(data);
  if (only === 'dev' || only === 'held') pages = pages.filter((p) => p.half === only);

  // Warm-up: JIT and module initialisation must not be charged to the first pages.
  for (const e of extractors) for (const p of pages.slice(0, 5)) e.run(p);

  const rows: Row[] = extractors.map((e) => ({ name: e.name, pages: [], ms: [] }));
  const outputs: string[][] = extractors.map(() => []);
  pages.forEach((p, i) => {
    // Alternate the order so neither extractor always runs on a cold cache.
    const order = i % 2 === 0 ? extractors.map((_, k) => k) : extractors.map((_, k) => extractors.length - 1 - k);
    for (const k of order) {
      let best = Infinity;
      let text = '';
      for (let r = 0; r < reps; r++) {
        const t0 = performance.now();
        text = extractors[k]!.run(p);
        best = Math.min(best, performance.now() - t0);
      }
      rows[k]!.ms[i] = best;
      rows[k]!.pages[i] = pageCounts(p.reference, text);
      outputs[k]![i] = text;
    }
  });

  const title = `article-extraction-benchmark: ${pages.length} pages${only ? ` (${only} half)` : ''}`;
  console.log(table(title, rows, () => true));
  if (args.includes('--split') && !only) {
    for (const half of ['dev', 'held'] as const) {
      const n = pages.filter((p) => p.half === half).length;
      console.log('\n' + table(`${half} half: ${n} pages`, rows, (i) => pages[i]!.half === half));
    }
  }

  if (dump !== undefined) {
    mkdirSync(dump, { recursive: true });
    const summary = pages.map((p, i) => {
      const per = rows.map((r) => {
        const c = r.pages[i]!;
        return { tp: c.tp, fp: c.fp, fn: c.fn };
      });
      extractors.forEach((e, k) => writeFileSync(join(dump, `${p.id}.${e.name}.txt`), outputs[k]![i]!));
      writeFileSync(join(dump, `${p.id}.ref.txt`), p.reference);
      return { id: p.id, url: p.url, half: p.half, per };
    });
    writeFileSync(join(dump, 'summary.json'), JSON.stringify(summary, null, 1));
  }
}

main();
