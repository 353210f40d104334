/**
 * Output identity and speed of the parser on EWT with predicted tags.
 *
 *   npx tsx training/parser-identity.ts --write /tmp/parser-ref.jsonl   # dump a reference
 *   npx tsx training/parser-identity.ts /tmp/parser-ref.jsonl           # compare + time
 *   [--model FILE] [--beam K]                                           # another model or beam width
 *
 * --write tags EWT dev and test with models/pos.bin and stores, per sentence,
 * the words, the predicted tags and the parser's heads and labels. Comparing
 * parses the stored words with the STORED tags (so a changed tagger cannot
 * disturb the check), fails on any differing head or label, and prints tokens
 * per CPU second on dev (best of 3 passes, process.cpuUsage).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { beamWidthOf, loadParser, PARSER_MODEL_PATH } from '../src/nlp/parser/index.js';
import { tagTokens } from '../src/nlp/pos/index.js';
import { loadGold } from './parser-data.js';
import { EWT_DIR as SHARED_EWT_DIR } from './common/conllu.js';

interface Row {
  set: string;
  words: string[];
  upos: string[];
  xpos: string[];
  head: number[];
  deprel: string[];
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { write: { type: 'string' }, model: { type: 'string' }, beam: { type: 'string' }, passes: { type: 'string', default: '3' } },
  });
  const parser = loadParser(values.model ?? PARSER_MODEL_PATH, values.beam === undefined ? undefined : beamWidthOf(values.beam, '--beam'));
  if (values.write) {
    const dir = process.env.NEWSGRAPH_EWT ?? SHARED_EWT_DIR;
    const lines: string[] = [];
    for (const set of ['dev', 'test']) {
      for (const s of loadGold(join(dir, `en_ewt-ud-${set}.conllu`))) {
        const t = tagTokens(s.words);
        const r = parser.parse(s.words, t.upos, t.xpos);
        const row: Row = { set, words: s.words, upos: t.upos, xpos: t.xpos, head: r.head, deprel: r.deprel };
        lines.push(JSON.stringify(row));
      }
    }
    writeFileSync(values.write, lines.join('\n') + '\n');
    console.log(`wrote ${lines.length} sentences to ${values.write}`);
    return;
  }
  const ref = positionals[0];
  if (!ref) throw new Error('usage: parser-identity.ts REF.jsonl | --write REF.jsonl');
  const rows = readFileSync(ref, 'utf8').split('\n').filter((l) => l).map((l) => JSON.parse(l) as Row);
  let diffs = 0;
  let tokens = 0;
  for (const row of rows) {
    const r = parser.parse(row.words, row.upos, row.xpos);
    tokens += row.words.length;
    for (let i = 0; i < row.words.length; i++) {
      if (r.head[i] !== row.head[i] || r.deprel[i] !== row.deprel[i]) {
        if (diffs < 10) console.error(`diff: ${row.set} "${row.words.join(' ')}" token ${i}`);
        diffs++;
      }
    }
  }
  const dev = rows.filter((r) => r.set === 'dev');
  const devTokens = dev.reduce((a, r) => a + r.words.length, 0);
  let best = Infinity;
  for (let pass = 0; pass < Number(values.passes); pass++) {
    const c0 = process.cpuUsage();
    for (const r of dev) parser.parse(r.words, r.upos, r.xpos);
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1e6);
  }
  console.log(JSON.stringify({
    sentences: rows.length, tokens, differingTokens: diffs,
    devTokens, cpuSeconds: best, tokensPerCpuSec: Math.round(devTokens / best),
  }));
  if (diffs > 0) process.exitCode = 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
