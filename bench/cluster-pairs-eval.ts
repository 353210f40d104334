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
import { buildReutersStore, forEachPair, joined, joinedOutside, loadPairEvents, scoreLabels } from './cluster-pairs.js';
import type { PairEvent, PairLabel } from './cluster-pairs.js';

const LABELS = fileURLToPath(new URL('./data/cluster-pairs.jsonl', import.meta.url));

const { values } = parseArgs({
  options: { db: { type: 'string' }, keep: { type: 'string' }, reanalyse: { type: 'boolean', default: false }, errors: { type: 'string' }, labels: { type: 'string', default: LABELS } },
});

function readLabels(file: string): PairLabel[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as PairLabel | { note: string })
    .filter((r): r is PairLabel => !('note' in r) && (r.same === 0 || r.same === 1));
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
