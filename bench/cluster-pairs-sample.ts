/**
 * Draws event pairs from a store for judging (bench/cluster-pairs.ts says which pairs and
 * why): a random sample of each stratum of the universe, written as JSON lines with
 * `same: null` for the judge to fill, each with its stratum's weight and its split
 * (dev or held, by a hash of the pair, so a pair keeps its split whoever draws it), and
 * a text file that shows each pair for reading.
 *
 *   npm run sample:cluster-pairs -- --db PATH --seed 1 [--joined 90] [--near 60] [--far 50]
 *       --out pairs.jsonl --show pairs.txt
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { rng, shuffle } from '../src/core/rng.js';
import { openStore } from '../src/store/open.js';
import { byReference, forEachPair, joined, loadPairEvents, pairId, pairKey, splitOf } from './cluster-pairs.js';
import type { PairEvent, Stratum } from './cluster-pairs.js';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    seed: { type: 'string', default: '1' },
    joined: { type: 'string', default: '90' },
    near: { type: 'string', default: '60' },
    far: { type: 'string', default: '50' },
    out: { type: 'string' },
    show: { type: 'string' },
  },
});

/** Keeps a uniform sample of `n` items from a stream (reservoir sampling). */
class Reservoir<T> {
  readonly items: T[] = [];
  seen = 0;
  constructor(
    private readonly n: number,
    private readonly random: () => number,
  ) {}
  add(x: T): void {
    this.seen++;
    if (this.items.length < this.n) this.items.push(x);
    else {
      const j = Math.floor(this.random() * this.seen);
      if (j < this.n) this.items[j] = x;
    }
  }
}

function sentenceWithTrigger(e: PairEvent): string {
  const text = e.row.evidence.text.replace(/\s+/g, ' ');
  const i = text.indexOf(e.row.trigger);
  return i < 0 ? text : `${text.slice(0, i)}[[${e.row.trigger}]]${text.slice(i + e.row.trigger.length)}`;
}

function who(e: PairEvent, side: 'actors' | 'recipients'): string {
  return e.row[side].map((p) => `${p.name}${p.code ? ` (${p.code})` : ''}`).join('; ') || '-';
}

function show(e: PairEvent): string {
  const date = e.row.date ? `${e.row.date.value}${e.row.date.inferred ? ' (publication day)' : ''}` : 'undated';
  return [
    `  ${e.ref.doc} · published ${e.row.article.published ?? '?'} · «${e.row.article.title ?? ''}»`,
    `  ${e.row.type} ${e.row.modality} · ${who(e, 'actors')} → ${who(e, 'recipients')} · date ${date} · place ${e.row.place?.name ?? '-'}`,
    `  ${sentenceWithTrigger(e)}`,
  ].join('\n');
}

async function main(): Promise<void> {
  if (!values.db || !values.out) throw new Error('sample:cluster-pairs: --db PATH and --out FILE are required');
  const random = rng(Number(values.seed));
  const wanted: Record<Stratum, number> = { joined: Number(values.joined), near: Number(values.near), far: Number(values.far) };
  const store = await openStore(values.db);
  let events: PairEvent[];
  try {
    events = await loadPairEvents(store);
  } finally {
    await store.close();
  }
  const pools: Record<Stratum, Reservoir<[PairEvent, PairEvent]>> = {
    joined: new Reservoir(wanted.joined, random),
    near: new Reservoir(wanted.near, random),
    far: new Reservoir(wanted.far, random),
  };
  // Events whose reference another event shares could not be told apart when judged.
  const plain = [...byReference(events).values()].filter((list) => list.length === 1).map((list) => list[0]!);
  forEachPair(plain, (a, b, how) => pools[joined(a, b) ? 'joined' : how].add([a, b]));
  const rows: string[] = [];
  const shown: string[] = [];
  for (const stratum of ['joined', 'near', 'far'] as const) {
    const pool = pools[stratum];
    const drawn = [...pool.items];
    shuffle(drawn, random);
    console.log(`${stratum}: ${pool.seen} pairs in the universe, ${drawn.length} drawn`);
    for (const [a, b] of drawn) {
      const key = pairKey(a.ref, b.ref);
      const id = pairId(key);
      rows.push(JSON.stringify({ id, a: a.ref, b: b.ref, stratum, weight: pool.seen / drawn.length, split: splitOf(key), same: null }));
      shown.push(`=== ${id}\n${show(a)}\n  ---\n${show(b)}\n`);
    }
  }
  // Judges read the pairs in a random order, not stratum by stratum.
  const order = shown.map((_, i) => i);
  shuffle(order, random);
  writeFileSync(values.out, rows.join('\n') + '\n');
  if (values.show) writeFileSync(values.show, order.map((i) => shown[i]!).join('\n'));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
