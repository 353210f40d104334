/**
 * Pairs of events from two articles, for judging and scoring the cross-article clusters
 * (docs/corpus.md, "Event clusters"): are two reports one real-world event, and did the
 * analysis put them in one cluster?
 *
 * A corpus has far too many pairs to judge, and almost all are plainly different. The
 * pairs judged are drawn from a fixed **universe** that does not depend on which pairs the
 * cluster rules join: two events of one type and modality group, from articles that are not
 * copies of each other, whose days are within the clusters' date tolerance, that share at least an
 * actor code, a named participant, a third of their sentence's content words, or a town.
 * Rules that join a pair outside it are counted apart (they should not). The universe reads
 * names and wording with the anchors' own functions (specificNames, wordingOf), so a change to
 * those moves a few pairs between "near" and "far": the EC Commission becoming a state organ
 * took 41 of 35,153 pairs of the Reuters store out of "near" (33 to "far", 8 out of it). The judged pairs keep the weights of their draw.
 *
 * The universe is split into strata when the pairs are drawn (bench/cluster-pairs-sample.ts):
 * the pairs the rules of that day joined, and the rest, "near" (a shared name, wording or
 * town) and "far" (codes only). Each judged pair carries the weight of its stratum (pairs in
 * the stratum / pairs drawn), so precision and recall over the whole universe can be
 * estimated for any later rules from the same judgements.
 *
 * An event is identified across runs by its article, its sentence's offset, its trigger and
 * its type (the record's event ids follow the coder's order, which changes).
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../src/corpus/ingest.js';
import type { IngestResult } from '../src/corpus/ingest.js';
import { articleSummaries, eventRows } from '../src/export/source.js';
import { openStore } from '../src/store/open.js';
import { reutersArticleLines } from '../training/common/news-articles.js';
import { blockOf, eventDays, DATE_TOLERANCE_DAYS, STRONG_PLACE_KM, codesMatch, gapDays, placeDistance, placeOf, yearGrain } from '../src/corpus/cluster.js';
import type { DayInterval } from '../src/corpus/cluster.js';
import { isTown, overlap, shared, specificNames, wordingOf } from '../src/corpus/cluster-anchors.js';
import { hash64 } from '../src/corpus/simhash.js';
import type { ArticleKey, ClusterInputEvent, EventRow, Store } from '../src/store/types.js';

/** Jaccard overlap of content words from which a pair is "near" (below the clusters' 0.5). */
export const NEAR_WORDING = 0.3;

/** How a judged event is found again: article, sentence offset, trigger and type. */
export interface EventRef {
  doc: string;
  start: number;
  trigger: string;
  type: string;
}

export function refKey(r: EventRef): string {
  return `${r.doc}|${r.start}|${r.trigger}|${r.type}`;
}

/** A pair's identity, the same whichever event comes first. */
export function pairKey(a: EventRef, b: EventRef): string {
  const [x, y] = [refKey(a), refKey(b)].sort();
  return `${x!} ~ ${y!}`;
}

/** A short stable id of a pair key, for judges and messages. */
export function pairId(key: string): string {
  const [hi, lo] = hash64(key);
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0').slice(0, 4);
}

/** Dev or held, from the pair's own key: about half each, whoever draws the pair. */
export function splitOf(key: string): 'dev' | 'held' {
  return (hash64(key)[1] & 1) === 0 ? 'dev' : 'held';
}

export interface PairEvent {
  key: string;
  ref: EventRef;
  row: EventRow;
  input: ClusterInputEvent;
  /** The article it counts as: the one its article duplicates, else its own. */
  original: ArticleKey;
  block: string;
  days: DayInterval | null;
  names: string[];
  words: Uint32Array;
  town: boolean;
}

export type Stratum = 'joined' | 'near' | 'far';

/** An event as the pairs read it: `doc` is the corpus's name of its article. */
export function pairEvent(input: ClusterInputEvent, row: EventRow, doc: string, original: ArticleKey): PairEvent {
  return {
    key: input.key,
    ref: { doc, start: row.evidence.start, trigger: row.trigger, type: row.type },
    row,
    input,
    original,
    block: blockOf(input),
    days: eventDays(input).date,
    names: specificNames(input.names),
    words: wordingOf(input.evidence).words,
    town: input.place !== null && isTown(input.place.name.trim()),
  };
}

/** Every stored event with what the pairs read, sorted by event key. Walks the whole store. */
export async function loadPairEvents(store: Store): Promise<PairEvent[]> {
  const docs = new Map<ArticleKey, { doc: string; original: ArticleKey }>();
  for await (const a of articleSummaries(store)) {
    // JSONL inputs are stored as "<file>#<id>": the id is the corpus's own name for the story.
    const hash = a.origin.lastIndexOf('#');
    docs.set(a.key, { doc: hash >= 0 ? a.origin.slice(hash + 1) : a.origin, original: a.duplicateOf ?? a.key });
  }
  const rows = new Map<string, EventRow>();
  for await (const e of eventRows(store)) rows.set(e.key, e);
  const out: PairEvent[] = [];
  for (const type of await store.clusterTypes()) {
    for (const input of await store.clusterInput(type)) {
      const row = rows.get(input.key);
      const doc = docs.get(input.articleKey);
      if (!row || !doc) continue;
      out.push(pairEvent(input, row, doc.doc, doc.original));
    }
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function codesShared(a: ClusterInputEvent, b: ClusterInputEvent): boolean {
  const sides = (e: ClusterInputEvent) => [...e.actors, ...e.recipients];
  for (const x of a.actors) for (const y of sides(b)) if (codesMatch(x, y)) return true;
  for (const x of b.actors) for (const y of a.recipients) if (codesMatch(x, y)) return true;
  return false;
}

/** Two towns within the clusters' STRONG_PLACE_KM, measured as the clusters measure them. */
function townsNear(a: PairEvent, b: PairEvent): boolean {
  const p = placeOf(a.input);
  const q = placeOf(b.input);
  return p !== null && q !== null && a.town && b.town && placeDistance(p, q) <= STRONG_PLACE_KM;
}

/** Whether a pair is in the universe, and how close it is: 'near', 'far', or null (outside). */
export function relation(a: PairEvent, b: PairEvent): 'near' | 'far' | null {
  if (a.block !== b.block || a.original === b.original || !a.days || !b.days) return null;
  if (gapDays(a.days, b.days) > DATE_TOLERANCE_DAYS || yearGrain(a.days) !== yearGrain(b.days)) return null;
  if (shared(a.names, b.names, 1) > 0 || overlap(a.words, b.words) >= NEAR_WORDING || townsNear(a, b)) return 'near';
  return codesShared(a.input, b.input) ? 'far' : null;
}

/**
 * Visits every pair of the universe once (index order within the sorted list), with its
 * closeness. A window over each block's events sorted by first day keeps this near linear.
 */
export function forEachPair(events: readonly PairEvent[], visit: (a: PairEvent, b: PairEvent, how: 'near' | 'far') => void): void {
  for (const list of groupBy(events, (e) => (e.days ? e.block : null)).values()) {
    list.sort((x, y) => x.days!.lo - y.days!.lo || (x.key < y.key ? -1 : 1));
    for (let i = 0; i < list.length; i++) {
      const a = list[i]!;
      const limit = a.days!.hi + DATE_TOLERANCE_DAYS;
      for (let j = i + 1; j < list.length && list[j]!.days!.lo <= limit; j++) {
        const b = list[j]!;
        const how = relation(a, b);
        if (how) {
          if (a.key < b.key) visit(a, b, how);
          else visit(b, a, how);
        }
      }
    }
  }
}

/** The events by their reference (refKey): a few share one, a trigger coded twice for two actors. */
export function byReference(events: readonly PairEvent[]): Map<string, PairEvent[]> {
  return groupBy(events, (e) => refKey(e.ref));
}

/** The items by a key, in first-seen order; an item whose key is null is left out. */
function groupBy<T>(items: readonly T[], key: (x: T) => string | null): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of items) {
    const k = key(x);
    if (k === null) continue;
    const list = out.get(k);
    if (list) list.push(x);
    else out.set(k, [x]);
  }
  return out;
}

/** Whether the stored analysis put two events in one cluster. */
export function joined(a: PairEvent, b: PairEvent): boolean {
  return a.row.cluster !== null && a.row.cluster === b.row.cluster;
}

/**
 * Pairs the analysis joined that lie outside the universe: counted by the eval, since the
 * universe's estimates cannot see them. Walks each multi-event cluster's pairs.
 */
export function joinedOutside(events: readonly PairEvent[]): number {
  let n = 0;
  for (const list of groupBy(events, (e) => e.row.cluster).values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!;
        const b = list[j]!;
        if (a.original !== b.original && relation(a, b) === null) n++;
      }
    }
  }
  return n;
}

/**
 * A SQLite store at `path` of every Reuters-21578 story of 200 body characters or more
 * (../shared/data/news-text), ingested and analysed by this checkout's pipeline: the store
 * the judged pairs were drawn from. About 1.5 minutes on two cores.
 */
export async function buildReutersStore(path: string): Promise<IngestResult> {
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-reuters-'));
  const input = join(dir, 'reuters.jsonl');
  try {
    const fd = openSync(input, 'w');
    try {
      for (const line of reutersArticleLines()) writeSync(fd, line + '\n');
    } finally {
      closeSync(fd);
    }
    const store = await openStore(path);
    try {
      return await ingest([input], { store });
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

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

export interface Tally {
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
export function scoreLabels(labels: readonly PairLabel[], events: readonly PairEvent[], errorsOf?: string): { tallies: Map<string, Tally>; errors: string[] } {
  // A pair of references is joined when any of the events they name are, and in the universe likewise.
  const byRef = byReference(events);
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
