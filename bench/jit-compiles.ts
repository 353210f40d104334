/**
 * How much of the NLP stack's cold and warm runs (bench/nlp-stack.ts) is V8's
 * optimising compiler at work: each run is made in a fresh child process with
 * --trace-opt on for that run alone, and the compile times V8 prints for it are
 * summed (all three phases: prepare, compile on a helper thread, finalise).
 * Decision 0012 explains why this matters for the cold figure.
 *
 * Also lists the functions compiled most in the cold runs: a function compiled
 * again and again is being deoptimised (a branch it had never taken, an object of
 * a new shape) and recompiled.
 *
 *   npx tsx bench/jit-compiles.ts [--runs 3] [--top 12]
 *
 * The tracing costs a little time itself, so the speeds printed here are not the
 * eval figures (npm run eval:nlp).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BBC_FILE } from '../training/common/news-articles.js';
import type { StackFigures, StackSpeed } from './nlp-stack.js';
import { median } from '../training/common/stats.js';

const STACK = fileURLToPath(new URL('./nlp-stack.ts', import.meta.url));
const COMPILED = /^\[completed compiling 0x[0-9a-f]+ <JSFunction ([^ >(]*)[^\]]*?( OSR)? - took ([\d.]+), ([\d.]+), ([\d.]+) ms\]$/;

interface WindowRun {
  cpuMs: number;
  tokensPerCpuSecond: number;
  compiles: number;
  compileMs: number;
  /** Compile ms and count by function name. */
  byFunction: Map<string, { ms: number; n: number }>;
}

function runWindow(name: 'cold' | 'warm'): WindowRun {
  const r = spawnSync(process.execPath, ['--import', 'tsx', STACK, '--warm', '280', '--trace-jit', name], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (r.status !== 0) throw new Error(`jit-compiles: nlp-stack.ts failed: ${r.stderr || r.error?.message}`);
  const lines = r.stdout.trim().split('\n');
  const figures = JSON.parse(lines[lines.length - 1]!) as StackFigures;
  const speed: StackSpeed | undefined = name === 'cold' ? figures : figures.warm;
  if (!speed) throw new Error('jit-compiles: nlp-stack.ts printed no warm run');
  const byFunction = new Map<string, { ms: number; n: number }>();
  let compiles = 0;
  let compileMs = 0;
  for (const line of lines) {
    const m = COMPILED.exec(line);
    if (!m) continue;
    const ms = Number(m[3]) + Number(m[4]) + Number(m[5]);
    const fn = (m[1] || '(anonymous)') + (m[2] ? ' (OSR)' : '');
    compiles++;
    compileMs += ms;
    const e = byFunction.get(fn) ?? { ms: 0, n: 0 };
    e.ms += ms;
    e.n++;
    byFunction.set(fn, e);
  }
  return { cpuMs: (1000 * speed.tokens) / speed.tokensPerCpuSecond, tokensPerCpuSecond: speed.tokensPerCpuSecond, compiles, compileMs, byFunction };
}


function main(): void {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, top: { type: 'string', default: '12' } } });
  if (!existsSync(BBC_FILE)) {
    console.log(`jit-compiles skipped: ${BBC_FILE} is absent (../shared/data is not beside the project)`);
    return;
  }
  const runs = Number(values.runs);
  const top = Number(values.top);
  if (!(runs >= 1) || !(top >= 0)) throw new Error('jit-compiles: --runs must be at least 1 and --top at least 0');
  const cold: WindowRun[] = [];
  const warm: WindowRun[] = [];
  // Alternating, so that a slow minute of the host falls on both.
  for (let i = 0; i < runs; i++) {
    cold.push(runWindow('cold'));
    warm.push(runWindow('warm'));
  }
  const row = (label: string, rs: WindowRun[]): string => {
    const share = rs.map((r) => (100 * r.compileMs) / r.cpuMs);
    return [
      label.padEnd(6),
      String(median(rs.map((r) => r.tokensPerCpuSecond))).padStart(10),
      median(rs.map((r) => r.cpuMs)).toFixed(0).padStart(8),
      String(median(rs.map((r) => r.compiles))).padStart(9),
      median(rs.map((r) => r.compileMs)).toFixed(0).padStart(11),
      `${median(share).toFixed(1)}% (${share.map((x) => x.toFixed(1)).join(', ')})`.padStart(24),
    ].join('  ');
  };
  console.log(`newsgraph jit-compiles: the stack's timed runs (280 articles each), medians of ${runs} fresh processes per run`);
  console.log('-'.repeat(80));
  console.log('run     tokens/CPU s  CPU ms  compiles  compile ms  compile share of CPU (runs)');
  console.log(row('cold', cold));
  console.log(row('warm', warm));
  if (top > 0) {
    const all = new Map<string, { ms: number; n: number }>();
    for (const r of cold) {
      for (const [fn, e] of r.byFunction) {
        const a = all.get(fn) ?? { ms: 0, n: 0 };
        a.ms += e.ms / runs;
        a.n += e.n / runs;
        all.set(fn, a);
      }
    }
    console.log(`\nmost compiled in the cold run (mean per run): compile ms, compilations, function`);
    for (const [fn, e] of [...all].sort((a, b) => b[1].ms - a[1].ms).slice(0, top)) {
      console.log(`${e.ms.toFixed(1).padStart(8)}  ${e.n.toFixed(1).padStart(5)}  ${fn}`);
    }
  }
}

main();
