/**
 * Parser speed on a treebank file with its gold tags, best of three passes, so
 * that JIT warm-up and a busy machine disturb the figure less.
 *
 *   npx tsx training/parser-bench.ts [FILE.conllu] [--model PATH]
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadParser, PARSER_MODEL_PATH } from '../src/nlp/parser/index.js';
import { loadGold } from './parser-data.js';
import { EWT_DIR as SHARED_EWT_DIR } from './common/conllu.js';

function main(): void {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { model: { type: 'string' } } });
  const file = positionals[0] ?? join(process.env.NEWSGRAPH_EWT ?? SHARED_EWT_DIR, 'en_ewt-ud-dev.conllu');
  const parser = loadParser(values.model ?? PARSER_MODEL_PATH);
  const sents = loadGold(file);
  const tokens = sents.reduce((a, s) => a + s.words.length, 0);
  let best = Infinity;
  for (let pass = 0; pass < 3; pass++) {
    const c0 = process.cpuUsage();
    for (const s of sents) parser.parse(s.words, s.upos, s.xpos);
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1e6);
  }
  console.log(JSON.stringify({ tokens, cpuSeconds: best, tokensPerCpuSec: Math.round(tokens / best) }));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
