/**
 * The NLP stack alone, in a fresh process: loads the models, then runs tokenizer +
 * sentences + POS + parser + NER over ~600-word news articles (BBC 2004-05 from
 * ../shared/data/news-text), one article at a time as the pipeline does, and prints
 * one JSON line: model load CPU ms, tokens per CPU second after a 20-article warm-up,
 * each stage's CPU µs per token, and the process's peak RSS; then the same over the
 * next `--warm` articles, once the JIT compiler has settled (see `warm` below). Run by
 * eval:nlp in a child process, so that the RSS is the stack's own and not that of the
 * evaluation's treebanks and test sets.
 *
 *   npx tsx bench/nlp-stack.ts [--articles 300] [--warm 280] [--long] [--trace-jit cold|warm]
 *
 * --trace-jit turns on V8's --trace-opt for the run named, and for it alone, so that
 * the optimising compiler's work inside it can be counted (bench/jit-compiles.ts).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { mainThreadCpuMs, processCpuMs } from '../src/core/cpu-time.js';
import { Doc, emptyMeta } from '../src/core/doc.js';
import { loadNer } from '../src/nlp/ner/load.js';
import { nerStage } from '../src/nlp/ner/index.js';
import { parse } from '../src/nlp/parser/index.js';
import { parserStage } from '../src/nlp/parser/stage.js';
import { loadTagger, posStage } from '../src/nlp/pos/index.js';
import { sentenceStage } from '../src/nlp/sentences.js';
import { BBC_FILE, reutersTexts } from '../training/common/news-articles.js';
import { hostReference, releaseHostReference } from './host-reference.js';

/** Speed of the stack over a run of articles. */
export interface StackSpeed {
  tokens: number;
  articles: number;
  tokensPerCpuSecond: number;
  /** CPU µs per token of each stage inside the stack (tokenizing counts under sentences). */
  stageMicros: Record<string, number>;
  /**
   * Share of the process's CPU time spent outside the main thread (V8's compiler and
   * garbage-collector helpers), or null where /proc/self/task is not readable. It counts
   * in tokensPerCpuSecond, as it does on one core.
   */
  backgroundCpuShare: number | null;
}

export interface StackFigures extends StackSpeed {
  loadMs: { pos: number; parser: number; ner: number };
  peakRssMb: number;
  /** RSS before any model is loaded: Node, the modules imported and, when run through tsx, its loader. */
  startRssMb: number;
  /**
   * The next articles after the first run: the JIT compiler has finished with the
   * stack's code, and the type caches hold the words of the articles before.
   */
  warm?: StackSpeed;
  /**
   * With --long: the rest of the BBC articles and all Reuters bodies after the timed
   * ones: their speed, and the peak RSS of the whole run (caches full).
   */
  long?: { articles: number; tokens: number; tokensPerCpuSecond: number; peakRssMb: number };
  /**
   * With --warm: the host reference workload's speed (bench/host-reference.ts, million
   * rounds per CPU second) measured right after the cold run and right after the warm
   * one, so that a reader can tell a slow host from slow code.
   */
  hostReference?: number[];
}

const cpuMs = (f: () => void): number => {
  const t = processCpuMs();
  f();
  return processCpuMs() - t;
};

function main(): void {
  const startRssMb = Math.round(process.memoryUsage().rss / 2 ** 20);
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '300' },
      warm: { type: 'string', default: '0' },
      long: { type: 'boolean', default: false },
      'trace-jit': { type: 'string' },
    },
  });
  const max = Number(values.articles);
  const warm = Number(values.warm);
  if (!(max > 20) || !(warm >= 0)) throw new Error('nlp-stack: --articles must be over 20 and --warm at least 0');
  const traced = values['trace-jit'];
  if (traced !== undefined && traced !== 'cold' && traced !== 'warm') throw new Error('nlp-stack: --trace-jit takes cold or warm');
  const loadMs = {
    pos: cpuMs(() => loadTagger()),
    parser: cpuMs(() => parse(['.'], ['PUNCT'], ['.'])),
    ner: cpuMs(() => loadNer()),
  };
  // All of BBC only for --long: the texts held count in the measured peak RSS.
  const bbc: string[] = [];
  for (const line of readFileSync(BBC_FILE, 'utf8').split('\n')) {
    if (line.trim()) bbc.push((JSON.parse(line) as { text: string }).text);
    if (!values.long && bbc.length >= max + warm) break;
  }
  const texts = bbc.slice(0, max);
  const stack = [sentenceStage, posStage, parserStage, nerStage];
  const stageMs = new Float64Array(stack.length);
  const run = (t: string, timed: boolean): number => {
    const d = new Doc(t.split(/\n\s*\n/).map((p) => p.trim()), emptyMeta({ language: 'en' }));
    stack.forEach((s, i) => {
      // A CPU clock read per stage and article: ~1 µs against ~15 ms of work per article.
      const t0 = timed ? processCpuMs() : 0;
      s.run(d);
      if (timed) stageMs[i]! += processCpuMs() - t0;
    });
    return d.tokens.length;
  };
  for (const t of texts.slice(0, 20)) run(t, false);
  const timed = (articles: readonly string[], name: 'cold' | 'warm'): StackSpeed => {
    // V8 prints a line per finished optimisation while the flag is on.
    if (traced === name) setFlagsFromString('--trace-opt');
    const speed = timedRun(articles);
    if (traced === name) setFlagsFromString('--no-trace-opt');
    return speed;
  };
  const timedRun = (articles: readonly string[]): StackSpeed => {
    stageMs.fill(0);
    let tokens = 0;
    const main0 = mainThreadCpuMs();
    const ms = cpuMs(() => {
      for (const t of articles) tokens += run(t, true);
    });
    const main1 = mainThreadCpuMs();
    return {
      tokens,
      articles: articles.length,
      tokensPerCpuSecond: Math.round(tokens / (ms / 1000)),
      stageMicros: Object.fromEntries(stack.map((st, i) => [st.name, Math.round((10000 * stageMs[i]!) / tokens) / 10])),
      backgroundCpuShare: main0 === null || main1 === null ? null : Math.round((1000 * Math.max(0, ms - (main1 - main0))) / ms) / 1000,
    };
  };
  const out: StackFigures = {
    loadMs,
    startRssMb,
    ...timed(texts.slice(20), 'cold'),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  if (warm > 0) {
    // After the cold run's peak RSS is read: the reference's 16 MB table is not the stack's.
    const reference = [hostReference()];
    out.warm = timed(bbc.slice(max, max + warm), 'warm');
    reference.push(hostReference());
    releaseHostReference();
    out.hostReference = reference;
  }
  if (values.long) {
    let n = 0;
    let longTokens = 0;
    const longMs = cpuMs(() => {
      // After the timed articles, the rest of BBC, then Reuters (3.4 M words in all), read
      // as they are run (texts held would count in the peak RSS): every cache of the stack
      // fills up and is trimmed.
      const rest = function* (): Generator<string> {
        yield* bbc.slice(max + warm);
        yield* reutersTexts();
      };
      for (const t of rest()) {
        longTokens += run(t, false);
        n++;
      }
    });
    out.long = {
      articles: n,
      tokens: longTokens,
      tokensPerCpuSecond: Math.round(longTokens / (longMs / 1000)),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  }
  console.log(JSON.stringify(out));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
