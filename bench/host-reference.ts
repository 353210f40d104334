/**
 * A fixed workload that reads the host, not the code: the same work every time, shaped
 * like the NLP stack's (hashing, then reads scattered over a table larger than the
 * last-level cache's share a process gets). The stack's speed on this shared machine
 * drifts up to 2× from minute to minute with other tenants' load; run beside the stack,
 * in the same process and minute, this says how fast the host was when the stack ran,
 * so that a slower stack figure can be read as slower code or a slower host.
 *
 *   npx tsx bench/host-reference.ts [--runs 3]
 *   npx tsx bench/host-reference.ts --check 16
 *
 * --check N tests whether the reference reads what slows the stack: N times, the same
 * 150 BBC articles through the warmed-up stack between two reference runs, then the
 * correlation of the two speeds over the N rounds. Identical work on both sides, so
 * what varies is the host (docs/decisions/0012 has the figures).
 */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { processCpuMs } from '../src/core/cpu-time.js';
import { correlation, variation } from '../training/common/stats.js';

/** 16 MB of Int32: as large as the parser's and NER's tables together. */
const TABLE_BITS = 22;
/** Rounds per run: about 0.1–0.2 s of CPU on the development VM. */
const ROUNDS = 1 << 22;

let table: Int32Array | null = null;

function tableOf(): Int32Array {
  if (table) return table;
  table = new Int32Array(1 << TABLE_BITS);
  let x = 0x9e3779b9;
  for (let i = 0; i < table.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    table[i] = x;
  }
  return table;
}

/** One pass of the workload; returns its checksum, so that nothing can be optimised away. */
function work(t: Int32Array): number {
  const mask = t.length - 1;
  let h = 0x811c9dc5;
  let acc = 0;
  for (let i = 0; i < ROUNDS; i++) {
    // FNV-1a over the round's four bytes, as the models hash their features.
    h = Math.imul(h ^ (i & 0xff), 0x01000193);
    h = Math.imul(h ^ ((i >>> 8) & 0xff), 0x01000193);
    h = Math.imul(h ^ ((i >>> 16) & 0xff), 0x01000193);
    h = Math.imul(h ^ (i >>> 24), 0x01000193);
    // The read's address comes from the hash, not from the last read: independent
    // misses overlap, as the stack's row reads do.
    acc = (acc + t[(h ^ (h >>> 15)) & mask]!) | 0;
  }
  return acc;
}

/** Million rounds per CPU second of one run of the workload (the table is built once, untimed). */
export function hostReference(): number {
  const t = tableOf();
  work(t); // compiled and the table touched before the timed pass
  const c0 = processCpuMs();
  const sum = work(t);
  const ms = processCpuMs() - c0;
  if (sum === 0x7fffffff) console.error('host-reference: unlikely checksum'); // keeps `sum` live
  return Math.round(ROUNDS / 1000 / ms);
}

/** Frees the table (16 MB) when a caller measures its own memory afterwards. */
export function releaseHostReference(): void {
  table = null;
}

async function check(rounds: number): Promise<void> {
  const { readFileSync } = await import('node:fs');
  const { Doc, emptyMeta } = await import('../src/core/doc.js');
  const { sentenceStage } = await import('../src/nlp/sentences.js');
  const { posStage } = await import('../src/nlp/pos/index.js');
  const { parserStage } = await import('../src/nlp/parser/stage.js');
  const { nerStage } = await import('../src/nlp/ner/index.js');
  const { BBC_FILE } = await import('../training/common/news-articles.js');
  const texts = readFileSync(BBC_FILE, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .slice(0, 450)
    .map((l) => (JSON.parse(l) as { text: string }).text);
  const stack = [sentenceStage, posStage, parserStage, nerStage];
  const run = (t: string): number => {
    const d = new Doc(t.split(/\n\s*\n/).map((p) => p.trim()), emptyMeta({ language: 'en' }));
    for (const s of stack) s.run(d);
    return d.tokens.length;
  };
  for (const t of texts.slice(0, 300)) run(t);
  const reference: number[] = [];
  const stackSpeed: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const before = hostReference();
    let tokens = 0;
    const c0 = processCpuMs();
    for (const t of texts.slice(300)) tokens += run(t);
    stackSpeed.push(Math.round(tokens / ((processCpuMs() - c0) / 1000)));
    reference.push((before + hostReference()) / 2);
  }
  console.log(
    JSON.stringify({
      rounds,
      correlation: Math.round(1000 * correlation(reference, stackSpeed)) / 1000,
      variation: { reference: Math.round(1000 * variation(reference)) / 1000, stack: Math.round(1000 * variation(stackSpeed)) / 1000 },
      reference,
      stackTokensPerCpuSecond: stackSpeed,
    }),
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, check: { type: 'string' } } });
  if (values.check !== undefined) {
    const rounds = Number(values.check);
    if (!(rounds >= 3)) throw new Error('host-reference: --check needs at least 3 rounds');
    await check(rounds);
    return;
  }
  const runs = Number(values.runs);
  if (!(runs >= 1)) throw new Error('host-reference: --runs must be at least 1');
  const speeds: number[] = [];
  for (let i = 0; i < runs; i++) speeds.push(hostReference());
  console.log(JSON.stringify({ millionRoundsPerCpuSecond: speeds }));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
