/**
 * `npm run eval:nlp`: one table for the trained NLP stack.
 *  - UPOS / XPOS accuracy and UAS / LAS (predicted tags) on UD EWT test; XPOS agreement on
 *    CoNLL-2003 eng.testb's news POS column;
 *  - NER precision, recall, F1 per type and overall on CoNLL-2003 eng.testb (exact spans);
 *  - sentence-boundary P/R/F1 on EWT test;
 *  - tokens per CPU second of tokenizer + sentences + POS + parser + NER on ~600-word
 *    news articles (BBC 2004-05, ../shared/data/news-text), one core, the median of three runs:
 *    cold (280 articles after a 20-article warm-up, while V8 is still compiling the stack's
 *    code on other threads) and warm (the next 280), with the share of CPU time spent
 *    outside the main thread in each (docs/decisions/0012);
 *  - the same accuracy and stack speed for the beam-search parser (models/parser-beam.bin),
 *    when it is there; its accuracy at widths 3–6 too, and the stack's speed at the narrowest
 *    of them that meets UAS 87 / LAS 84 (the fastest configuration that does);
 *  - LAS over full labels, and beside it as the CoNLL 2018 shared task counts it (universal
 *    part of each label only);
 *  - model load time and peak RSS (both measured by bench/nlp-stack.ts in a fresh child
 *    process running only the stack; the evaluation process's own RSS is shown too);
 *  - the speed and peak RSS of a long ingest (BBC then Reuters-21578, ~3.6 M tokens), in
 *    which every cache of the stack fills up, run with the young generation ingest gives
 *    its threads. The children run bench/nlp-stack.ts compiled to JavaScript module by
 *    module (bench/compiled.ts) with plain node, as the built CLI runs: under tsx they
 *    carried 35–50 MB of loader the product does not have, and bundled into one file
 *    their parser ran ~25% slower than the built CLI's (docs/decisions/0043). The table
 *    shows the RSS before any model is loaded.
 * Needs ../shared/data beside the project; says so and exits 0 when it is absent.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileBench } from './compiled.js';
import type { StackFigures, StackSpeed } from './nlp-stack.js';
import { BBC_FILE } from '../training/common/news-articles.js';
import { EWT_DIR } from '../training/common/conllu.js';
import { evalNer, DEFAULT_NER_TEST } from '../training/eval-ner.js';
import { evalParser, type ParserEval } from '../training/eval-parser.js';
import { BEAM_PARSER_MODEL_PATH } from '../src/nlp/parser/index.js';
import { SEMI_SPACE_FLAG } from '../src/corpus/thread-limits.js';
import { evalNewsPos, evalPos } from '../training/eval-pos.js';
import { evalSentences } from '../training/eval-sentences.js';
import { median, medianOf } from '../training/common/stats.js';

const EWT_TEST = `${EWT_DIR}/en_ewt-ud-test.conllu`;
for (const f of [EWT_TEST, DEFAULT_NER_TEST, BBC_FILE]) {
  if (!existsSync(f)) {
    console.log(`eval:nlp skipped: ${f} is absent (../shared/data is not beside the project)`);
    process.exit(0);
  }
}

// Speed, load times and memory of the stack alone, in a fresh child process: this
// process holds treebanks and test sets, whose memory is not the stack's. The shared
// host's speed drifts from minute to minute, so the stack runs STACK_RUNS times and the
// run with the median speed is reported (all runs' speeds are shown beside it).
const STACK_RUNS = 3;
/** Articles timed again after the first 280, once the JIT compiler has settled (StackFigures.warm). */
const WARM_ARTICLES = 280;
interface StackRuns extends StackFigures {
  /** Tokens per CPU second of every run, ascending. */
  runs: number[];
  /** The run with the median warm speed, and every run's warm speed, ascending. */
  warmRuns: { median: StackSpeed; runs: number[] } | null;
  /** Every run's host reference readings (bench/host-reference.ts), ascending. */
  references: number[];
}
const STACK_BENCH = await compileBench(fileURLToPath(new URL('./nlp-stack.ts', import.meta.url)));
function runStackOnce(parserModel?: string, args: string[] = [], nodeFlags: string[] = [], beamWidth?: number): StackFigures {
  const env = { ...process.env };
  if (parserModel) env.NEWSGRAPH_PARSER_MODEL = parserModel;
  if (beamWidth !== undefined) env.NEWSGRAPH_PARSER_BEAM = String(beamWidth);
  const child = spawnSync(process.execPath, [...nodeFlags, STACK_BENCH, ...args], { encoding: 'utf8', env });
  if (child.status !== 0) throw new Error(`eval:nlp: bench/nlp-stack.ts ${args.join(' ')} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as StackFigures;
}
function runStack(parserModel?: string, beamWidth?: number): StackRuns {
  const all = Array.from({ length: STACK_RUNS }, () => runStackOnce(parserModel, ['--warm', String(WARM_ARTICLES)], [], beamWidth));
  const warm = all.flatMap((r) => (r.warm ? [r.warm] : []));
  return {
    ...medianOf(all, (r) => r.tokensPerCpuSecond),
    runs: all.map((r) => r.tokensPerCpuSecond).sort((a, b) => a - b),
    warmRuns: warm.length === all.length
      ? { median: medianOf(warm, (r) => r.tokensPerCpuSecond), runs: warm.map((r) => r.tokensPerCpuSecond).sort((a, b) => a - b) }
      : null,
    references: all.flatMap((r) => r.hostReference ?? []).sort((a, b) => a - b),
  };
}
/** "12% / 4%": the share of CPU time outside the main thread, cold then warm. */
function background(r: StackRuns): string {
  const pctOf = (x: number | null | undefined): string => (x === null || x === undefined ? 'n/a' : `${Math.round(100 * x)}%`);
  return `${pctOf(r.backgroundCpuShare)} / ${pctOf(r.warmRuns?.median.backgroundCpuShare)}`;
}
const stack = runStack();
// A long ingest (BBC, then Reuters-21578: ~3.6 M tokens): every cache fills and is trimmed,
// so its peak RSS is the stack's steady-state memory, which 300 articles never reach.
// That peak depends on when V8's collector runs, and moved between 355 and 434 MB over
// runs of the same code (decision 0011), so it too is run STACK_RUNS times. It runs with
// the young generation ingest gives its extraction threads (src/corpus/thread-limits.ts),
// where a long ingest runs the stack.
const longRuns = Array.from({ length: STACK_RUNS }, () => runStackOnce(undefined, ['--long'], [SEMI_SPACE_FLAG]))
  .flatMap((r) => (r.long ? [{ ...r.long, startRssMb: r.startRssMb }] : []));
const longRun = longRuns.length > 0
  ? {
      ...medianOf(longRuns, (r) => r.tokensPerCpuSecond),
      speeds: longRuns.map((r) => r.tokensPerCpuSecond).sort((a, b) => a - b),
      peaks: longRuns.map((r) => r.peakRssMb).sort((a, b) => a - b),
      startRss: median(longRuns.map((r) => r.startRssMb)),
    }
  : null;
// The optional beam-search parser (docs/decisions/0007): its accuracy and the stack's speed with it.
const beamModel = existsSync(BEAM_PARSER_MODEL_PATH) ? BEAM_PARSER_MODEL_PATH : null;
const beamStack = beamModel ? runStack(beamModel) : null;

const pos = evalPos(EWT_TEST);
// News: agreement with CoNLL-2003 eng.testb's (automatic) PTB tags; the tagger never trains on testb.
const newsPos = evalNewsPos();
const dep = evalParser(EWT_TEST);
const beamDep = beamModel ? evalParser(EWT_TEST, { model: beamModel }) : null;
// The beam model at narrower widths than it was trained for: accuracy falls and speed rises
// with the width, so the narrowest width that meets issue 3's parser targets (UAS 87, LAS 84)
// is the fastest configuration that does, and the stack is timed with it too.
const NARROW_WIDTHS = [3, 4, 5, 6] as const;
const narrow = beamModel && beamDep ? NARROW_WIDTHS.filter((k) => k < beamDep.width).map((k) => evalParser(EWT_TEST, { model: beamModel, beam: k })) : [];
const meets = (d: ParserEval): boolean => d.uas >= 87 && d.las >= 84;
const narrowest = narrow.find(meets) ?? null;
const narrowStack = beamModel && narrowest ? runStack(beamModel, narrowest.width) : null;
const ner = evalNer(DEFAULT_NER_TEST);
const sb = evalSentences(EWT_TEST, 'paragraphs');

const pct = (x: number): string => (100 * x).toFixed(2);
/**
 * LAS over full labels (acl:relcl ≠ acl), as the targets are read here, and beside it LAS as
 * the CoNLL 2018 shared task's evaluation counts it, over the universal part of each label.
 */
const las = (d: ParserEval): string => `${d.las.toFixed(2)} (CoNLL 2018 LAS, universal relations: ${d.lasUniversal.toFixed(2)})`;
/** ", margin 160": the beam's margin (ParserModel.beamMargin), when it has one. */
const marginNote = (d: ParserEval): string => (d.margin > 0 ? `, margin ${d.margin}` : '');
/** "sentences 0.9, pos 7.5, …": CPU µs per token of each stage. */
const stages = (r: StackSpeed): string => Object.entries(r.stageMicros).map(([k, v]) => `${k} ${v}`).join(', ');
const rows: Array<[string, string]> = [
  ['UPOS accuracy (EWT test)', pct(pos.upos)],
  ['XPOS accuracy (EWT test)', pct(pos.xpos)],
  ['XPOS agreement (CoNLL-2003 eng.testb news)', `${pct(newsPos.xpos)} (running text ${pct(newsPos.textXpos)})`],
  [`UAS (EWT test, ${dep.tags} tags)`, dep.uas.toFixed(2)],
  [`LAS (EWT test, ${dep.tags} tags)`, las(dep)],
];
if (beamDep) {
  rows.push(
    [`UAS, beam parser (width ${beamDep.width}${marginNote(beamDep)}, models/parser-beam.bin)`, beamDep.uas.toFixed(2)],
    [`LAS, beam parser (width ${beamDep.width}${marginNote(beamDep)}, models/parser-beam.bin)`, las(beamDep)],
  );
}
if (narrow.length > 0) {
  rows.push(['  the beam model at widths ' + narrow.map((d) => d.width).join(' / ') + ': UAS / LAS', narrow.map((d) => `${d.uas.toFixed(2)} / ${d.las.toFixed(2)}`).join(' · ')]);
}
for (const t of ['PER', 'ORG', 'LOC', 'MISC', 'overall'] as const) {
  const s = ner.scores[t];
  rows.push([`NER ${t} P / R / F1 (eng.testb)`, `${pct(s.precision)} / ${pct(s.recall)} / ${pct(s.f1)}`]);
}
rows.push(
  ['sentence ends P / R / F1 (EWT test)', `${pct(sb.precision)} / ${pct(sb.recall)} / ${pct(sb.f1)}`],
  ['tokens per CPU second, whole stack, cold', `${stack.tokensPerCpuSecond} (median of ${STACK_RUNS} runs: ${stack.runs.join(', ')}; ${stack.tokens} tokens, ${stack.articles} articles after 20)`],
  ['  CPU µs per token in the stack, by stage', stages(stack)],
  ...(stack.warmRuns
    ? ([
        ['tokens per CPU second, whole stack, warm', `${stack.warmRuns.median.tokensPerCpuSecond} (median of ${STACK_RUNS}: ${stack.warmRuns.runs.join(', ')}; the next ${stack.warmRuns.median.articles} articles, ${stack.warmRuns.median.tokens} tokens)`],
        ['  CPU µs per token in the stack, by stage', stages(stack.warmRuns.median)],
      ] as Array<[string, string]>)
    : []),
  ['  CPU outside the main thread (JIT, GC helpers), cold / warm', background(stack)],
  ['  of which POS alone (EWT)', `${Math.round(pos.wordsPerSecond)}`],
  ['  of which parser alone (EWT)', `${Math.round(dep.tokensPerCpuSec)}`],
  ...(beamStack && beamDep
    ? ([
        ['tokens per CPU second, whole stack, beam parser, cold / warm', `${beamStack.tokensPerCpuSecond} / ${beamStack.warmRuns?.median.tokensPerCpuSecond ?? 'n/a'} (medians of ${STACK_RUNS}; parser ${beamStack.stageMicros.parser} / ${beamStack.warmRuns?.median.stageMicros.parser ?? 'n/a'} µs per token)`],
        ['  of which beam parser alone (EWT)', `${Math.round(beamDep.tokensPerCpuSec)}`],
      ] as Array<[string, string]>)
    : []),
  ...(narrowStack && narrowest
    ? ([
        [`tokens per CPU second, stack, beam width ${narrowest.width} (narrowest meeting 87 / 84), cold / warm`, `${narrowStack.tokensPerCpuSecond} / ${narrowStack.warmRuns?.median.tokensPerCpuSecond ?? 'n/a'} (medians of ${STACK_RUNS}; parser ${narrowStack.stageMicros.parser} / ${narrowStack.warmRuns?.median.stageMicros.parser ?? 'n/a'} µs per token)`],
        ['  of which beam parser alone (EWT)', `${Math.round(narrowest.tokensPerCpuSec)}`],
      ] as Array<[string, string]>)
    : narrow.length > 0 ? [['  no narrower width meets UAS 87 / LAS 84', narrow.map((d) => d.width).join(', ')] as [string, string]] : []),
  ['  of which NER alone (testb)', `${Math.round(ner.tokensPerCpuSecond)}`],
  ...(stack.references.length > 0
    ? [['host reference beside the cold / warm runs (M rounds per CPU s)', `${median(stack.references)} (median of ${stack.references.length}: ${stack.references.join(', ')}; fixed work, bench/host-reference.ts)`] as [string, string]]
    : []),
  ['model load (CPU ms): POS / parser / NER', `${stack.loadMs.pos.toFixed(0)} / ${stack.loadMs.parser.toFixed(0)} / ${stack.loadMs.ner.toFixed(0)}`],
  ['peak RSS, stack (models + articles)', `${stack.peakRssMb} MB`],
  ...(longRun
    ? ([
        ['long ingest (BBC + Reuters-21578): tokens per CPU second', `${longRun.tokensPerCpuSecond} (median of ${longRuns.length}: ${longRun.speeds.join(', ')}; ${longRun.tokens} tokens, ${longRun.articles} articles)`],
        ['  peak RSS of the long ingest (caches full)', `${median(longRun.peaks)} MB (median; runs ${longRun.peaks.join(', ')}; young generation as in ingest's threads)`],
        ['  RSS before loading models (Node and the stack\'s compiled code)', `${longRun.startRss} MB`],
      ] as Array<[string, string]>)
    : []),
  ['peak RSS, this evaluation process', `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (holds the test sets)`],
);
const w = Math.max(...rows.map(([k]) => k.length));
console.log(`newsgraph eval:nlp\n${'-'.repeat(w + 30)}`);
for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
