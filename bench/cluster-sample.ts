/**
 * A random sample of a store's multi-article event clusters, printed for a person to
 * judge: is every member a report of one real-world event? The same store, seed and size
 * give the same sample, so a judgement can be checked and repeated after a change (draw a
 * fresh seed to measure a change, not the one the change was made on).
 *
 *   npm run sample:clusters -- --db PATH|URL [--seed 1] [--n 25] [--members 6]
 *
 * Each cluster: id, type, articles, dates; then up to `--members` events with modality,
 * date (own, or "pub" for one inferred from the publication day), place, actors → recipients
 * (codes, else names), the trigger and the evidence sentence.
 */
import { rng, shuffle } from '../src/core/rng.js';
import { openStore } from '../src/store/open.js';
import type { EventCluster, EventRow, Participant } from '../src/store/types.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

const who = (ps: readonly Participant[]): string => ps.map((p) => p.code ?? p.name).join(', ');

function line(e: EventRow): string {
  const date = e.date ? `${e.date.value}${e.date.inferred ? ' pub' : ''}` : 'undated';
  const sentence = e.evidence.text.replace(/\s+/g, ' ').slice(0, 220);
  return `  - ${e.modality} ${date} ${e.place?.name ?? '-'} [${who(e.actors)}] → [${who(e.recipients)}] «${e.trigger}» ${sentence}`;
}

async function main(): Promise<void> {
  const db = arg('db', '');
  if (!db) throw new Error('cluster-sample: --db PATH|URL is required');
  const seed = Number(arg('seed', '1'));
  const n = Number(arg('n', '25'));
  const members = Number(arg('members', '6'));
  const store = await openStore(db);
  try {
    const all: EventCluster[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await store.clusters({ minArticles: 2, limit: 1000, offset });
      all.push(...page.items);
      if (page.items.length < 1000) break;
    }
    all.sort((a, b) => (a.id < b.id ? -1 : 1));
    shuffle(all, rng(seed));
    console.log(`${all.length} clusters with two articles or more; ${Math.min(n, all.length)} drawn with seed ${seed}`);
    for (const c of all.slice(0, n)) {
      console.log(`\n=== ${c.id} ${c.type} · ${c.articles} articles · ${c.firstDate ?? '?'} … ${c.lastDate ?? '?'} · ${c.place ?? '-'}`);
      const page = await store.events({ cluster: c.id, limit: members });
      for (const e of page.items) console.log(line(e));
    }
  } finally {
    await store.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
