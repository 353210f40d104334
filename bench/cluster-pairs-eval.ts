/**
 * How right the cross-article event clusters are, on judged pairs of 1987 Reuters events
 * (bench/data/cluster-pairs.jsonl; bench/cluster-pairs.ts says how they were drawn).
 *
 * Builds a SQLite store of the Reuters-21578 stories with this checkout's pipeline (about
 * 1.5 minutes), then asks of each judged pair whether the analysis put its two events in one
 * cluster. Precision and recall are pair counts weighted by the strata the pairs were drawn
 * from, so they estimate the whole universe of plausible pairs, not the sample. Dev and held
 * are given apart: change the rules looking at dev only.
 *
 *   npm run eval:clusters [-- --db PATH [--reanalyse]] [--keep PATH] [--labels FILE] [--errors dev]
 *
 * --db scores an existing store (built by --keep, or by `newsgraph ingest` of the same
 * lines) instead of building one, after running the corpus analysis on it again with
 * --reanalyse (a second or so: how to try a change of the cluster rules without extracting
 * again); --keep builds the store at PATH and leaves it there. --errors dev (or held) lists
 * that split's judged pairs the clusters get wrong.
 * Needs ../shared/data/news-text (skipped with a note when absent).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { analyseCorpus } from '../src/corpus/analyse.js';
import { openStore } from '../src/store/open.js';
import { REUTERS_DIR } from '../training/common/news-articles.js';
import { buildReutersStore, forEachPair, joined, joinedOutside, loadPairEvents, refKey, relation } from './cluster-pairs.js';
import type { EventRef, PairEvent, Stratum } from './cluster-pairs.js';

const LABELS = fileURLToPath(new URL('./data/cluster-pairs.jsonl', import.meta.url));

const { values } = parseArgs({
  options: { db: { type: 'string' }, keep: { type: 'string' }, reanalyse: { type: 'boolean', default: false }, errors: { type: 'string' }, labels: { type: 'string', default: LABELS } },
});

export interface PairLabel {
  id: string;
  a: EventRef;
  b: EventRef;
  stratum: Stratum;
  weight: number;
  split: 'dev' | 'held';
  /** 1: one real-world event; 0: two. */
  same: 0 | 1;
  /** The judge's reason, in a few words. */
  why?: string;
}

function readLabels(file: string): PairLabel[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as PairLabel | { note: string })
    .filter((r): r is PairLabel => !('note' in r) && (r.same === 0 || r.same === 1));
}

interface Tally {
  pairs: number;
  same: number;
  lost: number;
  tp: number;
  fp: number;
  fn: number;
  /** Unweighted: judged pairs joined, and of them the same event. */
  joined: number;
  joinedSame: number;
  /** Judged pairs that fall outside the universe under this run's events. */
  outside: number;
}

/**
 * The judged pairs scored against one run's events: per split (and "all") the weighted true and
 * false joins and misses, and the pairs of split `errorsOf` that the clusters get wrong.
 */
function scoreLabels(labels: readonly PairLabel[], events: readonly PairEvent[], errorsOf?: string): { tallies: Map<string, Tally>; errors: string[] } {
  // A few events share a reference (one trigger coded twice, for two actors): a pair of
  // references is joined when any of the events they name are, and in the universe likewise.
  const byRef = new Map<string, PairEvent[]>();
  for (const e of events) {
    const list = byRef.get(refKey(e.ref));
    if (list) list.push(e);
    else byRef.set(refKey(e.ref), [e]);
  }
  const any = (as: PairEvent[], bs: PairEvent[], test: (a: PairEvent, b: PairEvent) => boolean): boolean => as.some((a) => bs.some((b) => test(a, b)));
  const tallies = new Map<string, Tally>();
  const errors: string[] = [];
  const tally = (name: string): Tally => {
    let t = tallies.get(name);
    if (!t) tallies.set(name, (t = { pairs: 0, same: 0, lost: 0, tp: 0, fp: 0, fn: 0, joined: 0, joinedSame: 0, outside: 0 }));
    return t;
  };
  for (const l of labels) {
    const a = byRef.get(refKey(l.a));
    const b = byRef.get(refKey(l.b));
    const j = a !== undefined && b !== undefined && any(a, b, joined);
    if (a && b && l.split === errorsOf && j !== (l.same === 1)) errors.push(`${l.id} ${l.stratum} judged ${l.same ? 'same' : 'different'}, ${j ? 'joined' : 'apart'}: ${l.why ?? ''}`);
    for (const t of [tally(l.split), tally('all')]) {
      t.pairs++;
      t.same += l.same;
      if (!a || !b) {
        t.lost++;
        continue;
      }
      if (!any(a, b, (x, y) => relation(x, y) !== null)) t.outside++;
      if (j) {
        t.joined++;
        t.joinedSame += l.same;
      }
      if (j && l.same) t.tp += l.weight;
      else if (j) t.fp += l.weight;
      else if (l.same) t.fn += l.weight;
    }
  }
  return { tallies, errors };
}

const pct = (x: number): string => (Number.isFinite(x) ? (100 * x).toFixed(1) : '-');

async function main(): Promise<void> {
  if (!values.db && !existsSync(REUTERS_DIR)) {
    console.log(`eval:clusters skipped: ${REUTERS_DIR} is absent (it is in ../shared/data/news-text)`);
    return;
  }
  const labels = readLabels(values.labels);
  let path = values.db ?? values.keep;
  let scratch: string | null = null;
  if (!values.db) {
    if (!path) {
      scratch = mkdtempSync(join(tmpdir(), 'newsgraph-eval-clusters-'));
      path = join(scratch, 'reuters.db');
    }
    const t0 = performance.now();
    const r = await buildReutersStore(path);
    console.log(`store: ${r.added} articles added, ${r.failed} failed, in ${((performance.now() - t0) / 1000).toFixed(0)} s; ${r.analysis?.multiArticleClusters ?? '?'} multi-article clusters`);
  }
  try {
    const store = await openStore(path!);
    let events: PairEvent[];
    try {
      if (values.db && values.reanalyse) {
        const a = await analyseCorpus(store);
        console.log(`analysed again: ${a.multiArticleClusters} multi-article clusters`);
      }
      events = await loadPairEvents(store);
    } finally {
      await store.close();
    }
    const { tallies, errors } = scoreLabels(labels, events, values.errors);
    let universe = 0;
    let universeJoined = 0;
    forEachPair(events, (a, b) => {
      universe++;
      if (joined(a, b)) universeJoined++;
    });
    console.log(`\nCluster pairs, 1987 Reuters (${labels.length} judged pairs, ${values.labels})`);
    console.log('split  pairs  same  lost  outside  joined (same)  precision  recall    F1   (weighted by stratum)');
    for (const name of ['dev', 'held', 'all']) {
      const t = tallies.get(name);
      if (!t) continue;
      const p = t.tp / (t.tp + t.fp);
      const r = t.tp / (t.tp + t.fn);
      const f = (2 * p * r) / (p + r);
      console.log(
        `${name.padEnd(5)} ${String(t.pairs).padStart(6)} ${String(t.same).padStart(5)} ${String(t.lost).padStart(5)} ${String(t.outside).padStart(8)}  ${`${t.joined} (${t.joinedSame})`.padStart(13)}  ${pct(p).padStart(9)} ${pct(r).padStart(7)} ${pct(f).padStart(5)}`,
      );
    }
    if (values.errors) console.log(`\n${values.errors} pairs the clusters get wrong:\n${errors.join('\n')}`);
    console.log(`universe: ${universe} pairs, ${universeJoined} joined; joined pairs outside it: ${joinedOutside(events)}`);
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
