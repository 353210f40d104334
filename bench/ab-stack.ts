/**
 * Old against new NLP stack (sentences + POS + parser + NER) in one process, article by
 * article interleaved, so that load from other jobs on a shared machine falls on both
 * sides alike (separate runs here swing ±30%). OLD_ROOT is another checkout of the
 * project (e.g. `git worktree add /tmp/old <rev>`, with node_modules linked and its
 * own models/). Run both import orders: the version imported second measures a few per
 * cent slow even when identical; the geometric mean of the two ratios cancels that.
 *
 *   npx tsx bench/ab-stack.ts OLD_ROOT [--articles 600] [--old-first]
 *
 * Prints tokens per CPU second of each side and new/old CPU. Skips with a message when
 * ../shared's BBC articles are absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { BBC_FILE } from '../training/common/news-articles.js';

type Run = (text: string) => number;

interface StageLike { run(doc: unknown): void }

async function stackOf(root: string): Promise<Run> {
  const load = async <T>(rel: string): Promise<T> => (await import(pathToFileURL(resolve(root, rel)).href)) as T;
  const D = await load<{ Doc: new (p: string[], m: unknown) => { tokens: unknown[] }; emptyMeta: (o: object) => unknown }>('src/core/doc.ts');
  const stages = [
    (await load<{ sentenceStage: StageLike }>('src/nlp/sentences.ts')).sentenceStage,
    (await load<{ posStage: StageLike }>('src/nlp/pos/index.ts')).posStage,
    (await load<{ parserStage: StageLike }>('src/nlp/parser/stage.ts')).parserStage,
    (await load<{ nerStage: StageLike }>('src/nlp/ner/index.ts')).nerStage,
  ];
  return (text) => {
    const doc = new D.Doc(text.split(/\n\s*\n/).map((p) => p.trim()), D.emptyMeta({ language: 'en' }));
    for (const s of stages) s.run(doc);
    return doc.tokens.length;
  };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { articles: { type: 'string', default: '600' }, 'old-first': { type: 'boolean', default: false } },
  });
  const oldRoot = positionals[0];
  if (!oldRoot) throw new Error('usage: npx tsx bench/ab-stack.ts OLD_ROOT [--articles 600] [--old-first]');
  if (!existsSync(BBC_FILE)) {
    console.log(`ab-stack skipped: ${BBC_FILE} is absent (../shared is not beside the project)`);
    return;
  }
  const newRoot = fileURLToPath(new URL('..', import.meta.url));
  const texts: string[] = [];
  for (const line of readFileSync(BBC_FILE, 'utf8').split('\n')) {
    if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
    if (texts.length >= Number(values.articles)) break;
  }
  const names = values['old-first'] ? (['old', 'new'] as const) : (['new', 'old'] as const);
  const runs = new Map<string, Run>();
  for (const k of names) runs.set(k, await stackOf(k === 'old' ? oldRoot : newRoot));
  const cpu = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const ms = { old: 0, new: 0 };
  let tokens = 0;
  texts.forEach((text, i) => {
    // Alternate which side goes first, so that neither always meets the other's cache.
    for (const k of i % 2 ? names : [...names].reverse()) {
      const t0 = cpu();
      const n = runs.get(k)!(text);
      const dt = cpu() - t0;
      if (i < 20) continue; // warm-up
      ms[k] += dt;
      if (k === 'new') tokens += n;
    }
  });
  const tps = (m: number): number => Math.round((tokens / m) * 1000);
  console.log(`import order ${names.join(' → ')}: tokens per CPU second old ${tps(ms.old)}, new ${tps(ms.new)}; new/old CPU ${(ms.new / ms.old).toFixed(3)}`);
}

await main();
