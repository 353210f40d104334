/**
 * Evaluation of the cross-article analysis (src/corpus), one summary table:
 *
 * (a) Near-duplicates. Real articles from ../shared/data/news-text (BBC News 2004–05 and
 *     Reuters-21578 bodies of at least 80 words) are the corpus. For a sample of them we
 *     make syndicated-style copies: a different dateline/agency prefix, a few words
 *     edited, a boilerplate line added, and at random a paragraph dropped, a paragraph
 *     from another article on the same topic added, the copy's own headline left at the
 *     top of the text. Truth: a copy duplicates its source and nothing else. The whole
 *     corpus (originals, copies and all the other articles) goes through simhash and
 *     findDuplicates at several maxDistance values; a predicted link (article → original)
 *     is correct when both are in the same truth group. Same-topic pairs: different
 *     articles of one BBC category or Reuters topic, the share within the distance.
 *     Shingle sizes 1–5 are compared at the chosen distance.
 * (b) Clustering. Synthetic events from a generated truth (events with actors, place,
 *     day), each reported by several articles with noise: a date off by a day, the
 *     actor given as the country code instead of the government code, a missing
 *     recipient or place, a coarser date; plus negated reports and unrelated events of
 *     the same type in the same days. Events name a person at times, and each report has
 *     an evidence sentence, a near copy of another report's or a rewrite of it. Two
 *     settings: conflict-like (places and dates mostly given) and newswire-like (the shares
 *     measured on Reuters-21578 in the store). Purity: share of events whose cluster's majority
 *     truth event is their own; recall: share of report pairs of one truth event that
 *     share a cluster; and the time for 100k events.
 *
 *   npx tsx bench/corpus-eval.ts
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PloverType } from '../src/core/record.js';
import type { ClusterInputEvent } from '../src/store/types.js';
import { rng, shuffle } from '../src/core/rng.js';
import { simhash, hamming, SHINGLE_WORDS, words } from '../src/corpus/simhash.js';
import { findDuplicates, DEFAULT_MAX_DISTANCE } from '../src/corpus/duplicates.js';
import { clusterEvents } from '../src/corpus/cluster.js';

const NEWS = fileURLToPath(new URL('../../shared/data/news-text/', import.meta.url));

interface Article {
  id: string;
  topic: string;
  title: string;
  paragraphs: string[];
}

function loadArticles(): Article[] {
  const out: Article[] = [];
  const bbc = readFileSync(NEWS + 'bbc-news-articles.jsonl', 'utf8').split('\n').filter((l) => l.trim());
  for (const [i, line] of bbc.entries()) {
    const d = JSON.parse(line) as { category: string; title: string; text: string };
    const paragraphs = d.text.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
    out.push({ id: `bbc${i}`, topic: `bbc:${d.category}`, title: d.title, paragraphs });
  }
  const dir = NEWS + 'reuters21578/';
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
    const docs = JSON.parse(readFileSync(dir + f, 'utf8')) as Array<{ title?: string; body?: string; topics?: string[]; attrs?: { newid?: string } }>;
    for (const d of docs) {
      const body = (d.body ?? '').replace(/\s*Reuter\s*\u0003?\s*$/, '');
      if (body.split(/\s+/).length < 80) continue;
      const paragraphs = body.split(/\n\s{3,}/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
      out.push({ id: `reu${d.attrs?.newid ?? out.length}`, topic: `reu:${d.topics?.[0] ?? 'none'}`, title: d.title ?? '', paragraphs });
    }
  }
  return out;
}

const BOILERPLATE = [
  'This story has been refiled to correct a typographical error.',
  'Copyright 2005 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.',
  '(Reporting by staff; Editing by the desk)',
  'Follow our live coverage for the latest updates.',
  'Sign up for our daily newsletter to get the top stories in your inbox.',
];
const PREFIXES = ['LONDON (AFP) - ', 'NEW YORK, Feb 3 (Reuters) - ', 'WASHINGTON (AP) — ', 'PARIS: ', 'By a staff correspondent. '];
const SWAPS = ['reportedly', 'also', 'officials', 'according', 'on', 'Tuesday', 'the', 'company', 'government', 'however'];

const LONG_WORDS = 300;
type Level = 'light' | 'medium' | 'heavy';
const LEVELS: Level[] = ['light', 'medium', 'heavy'];

/**
 * A syndicated-style copy. light: another dateline/agency prefix, a boilerplate line,
 * two words edited, sometimes the copy's headline left at the top of the text;
 * medium: also one paragraph dropped; heavy: also a paragraph of another article on
 * the same topic added.
 */
function copyOf(a: Article, donor: Article, level: Level, rand: () => number): string {
  const paras = [...a.paragraphs];
  if (level !== 'light' && paras.length > 2) paras.splice(1 + Math.floor(rand() * (paras.length - 1)), 1);
  if (level === 'heavy' && donor.paragraphs.length > 0) {
    const p = donor.paragraphs[Math.floor(rand() * donor.paragraphs.length)]!;
    paras.splice(1 + Math.floor(rand() * paras.length), 0, p);
  }
  const toks = paras.join('\n\n').split(/(\s+)/);
  for (let k = 0; k < 2; k++) {
    const i = 2 * Math.floor(rand() * Math.floor(toks.length / 2));
    toks[i] = SWAPS[Math.floor(rand() * SWAPS.length)]!;
  }
  let out = PREFIXES[Math.floor(rand() * PREFIXES.length)]! + toks.join('');
  out += '\n\n' + BOILERPLATE[Math.floor(rand() * BOILERPLATE.length)]!;
  if (rand() < 0.3) out = `${a.title}\n\n` + out;
  return out;
}

interface DupResult {
  distance: number;
  recall: Record<Level, number>;
  /** The same for copies of sources of at least LONG_WORDS words. */
  recallLong: Record<Level, number>;
  precision: number;
  /** Predicted links involving a copy, and links between two articles of the source corpus. */
  links: number;
  corpusLinks: number;
  sameTopic: number;
}

function duplicateEval(distances: number[]): { rows: DupResult[]; shingles: string[]; corpus: number; copies: number; longCopies: number; exact: number; usPerArticle: number } {
  const rand = rng(7);
  // Exact copies inside the source corpora (Reuters-21578 has many) are dropped so that
  // the truth is clean; near-copies among the originals remain and are reported apart.
  const seen = new Set<string>();
  let exact = 0;
  const articles = loadArticles().filter((a) => {
    const norm = words(a.paragraphs.join(' ')).join(' ');
    if (seen.has(norm)) {
      exact++;
      return false;
    }
    seen.add(norm);
    return true;
  });
  const byTopic = new Map<string, Article[]>();
  for (const a of articles) byTopic.set(a.topic, [...(byTopic.get(a.topic) ?? []), a]);
  const sample = [...articles];
  shuffle(sample, rand);
  const texts: Array<{ key: string; group: string; level: Level | null; text: string; published: string }> = articles.map((a) => ({
    key: a.id, group: a.id, level: null, text: a.paragraphs.join('\n\n'), published: '2005-01-01',
  }));
  for (const src of sample.slice(0, 800)) {
    const peers = byTopic.get(src.topic)!;
    for (const level of LEVELS) {
      const donor = peers[Math.floor(rand() * peers.length)]!;
      texts.push({ key: `${src.id}~${level}`, group: src.id, level, text: copyOf(src, donor, level, rand), published: '2005-01-02' });
    }
  }
  const copies = texts.filter((t) => t.level !== null);
  const longSource = new Set(articles.filter((a) => words(a.paragraphs.join(' ')).length >= LONG_WORDS).map((a) => a.id));
  const group = new Map(texts.map((t) => [t.key, t.group]));
  const isCopy = new Set(copies.map((t) => t.key));

  const fingerprintAll = (shingle: number) => texts.map((t) => ({ key: t.key, simhash: simhash(t.text, shingle), publisher: null, published: t.published, ingestedAt: '2024-01-01T00:00:00Z' }));
  // Same-topic pairs of different articles, fixed once for every setting.
  const pairs: Array<[number, number]> = [];
  for (let k = 0; k < 40000; k++) {
    const i = Math.floor(rand() * articles.length);
    const peers = byTopic.get(articles[i]!.topic)!;
    const j = articles.indexOf(peers[Math.floor(rand() * peers.length)]!);
    if (i !== j) pairs.push([i, j]);
  }

  const score = (fps: ReturnType<typeof fingerprintAll>, d: number): DupResult => {
    const dups = findDuplicates(fps, d);
    let correct = 0;
    let links = 0;
    let corpusLinks = 0;
    for (const [k, orig] of dups) {
      if (!isCopy.has(k) && !isCopy.has(orig)) {
        corpusLinks++;
        continue;
      }
      links++;
      if (group.get(k) === group.get(orig)) correct++;
    }
    // A copy is found when it ends in one group with its source (either may be the original).
    const root = (k: string): string => dups.get(k) ?? k;
    const recall = { light: 0, medium: 0, heavy: 0 };
    const recallLong = { light: 0, medium: 0, heavy: 0 };
    const long = copies.filter((t) => longSource.has(t.group));
    for (const t of copies) {
      if (root(t.key) !== root(t.group)) continue;
      recall[t.level!]++;
      if (longSource.has(t.group)) recallLong[t.level!]++;
    }
    for (const l of LEVELS) {
      recall[l] /= copies.length / LEVELS.length;
      recallLong[l] /= Math.max(1, long.length / LEVELS.length);
    }
    const near = pairs.filter(([i, j]) => hamming(fps[i]!.simhash, fps[j]!.simhash) <= d).length;
    return { distance: d, recall, recallLong, precision: links ? correct / links : 1, links, corpusLinks, sameTopic: near / pairs.length };
  };

  const fps = fingerprintAll(SHINGLE_WORDS);
  const rows = distances.map((d) => score(fps, d));
  const shingles: string[] = [];
  for (const k of [1, 2, 3, 4, 5]) {
    const r = score(fingerprintAll(k), DEFAULT_MAX_DISTANCE);
    shingles.push(`k=${k}: P ${r.precision.toFixed(3)} R(light/medium/heavy) ${LEVELS.map((l) => r.recall[l].toFixed(2)).join('/')} same-topic ${(100 * r.sameTopic).toFixed(2)}%`);
  }

  // Speed on ~600-word articles made by joining articles.
  const long: string[] = [];
  for (let i = 0; long.length < 200; i++) {
    let t = '';
    for (let j = i; t.split(/\s+/).length < 600; j++) t += texts[j % texts.length]!.text + '\n\n';
    long.push(t.split(/\s+/).slice(0, 600).join(' '));
  }
  const t0 = performance.now();
  for (let r = 0; r < 5; r++) for (const t of long) simhash(t);
  const usPerArticle = ((performance.now() - t0) * 1000) / (5 * long.length);
  return { rows, shingles, corpus: texts.length, copies: copies.length, longCopies: copies.filter((t) => longSource.has(t.group)).length, exact, usPerArticle };
}

// ---------------------------------------------------------------- clustering

const COUNTRIES = ['IRN', 'USA', 'ISR', 'RUS', 'UKR', 'TUR', 'SYR', 'ARM', 'AZE', 'GEO', 'IRQ', 'SAU', 'EGY', 'CHN', 'IND', 'PAK'];
const SECTORS = ['GOV', 'MIL', 'COP', 'REB', 'OPP', ''];
const TYPES: PloverType[] = ['ASSAULT', 'COERCE', 'PROTEST', 'CONSULT', 'ACCUSE', 'SANCTION', 'AID', 'THREATEN'];

function day(base: number, offset: number): string {
  return new Date(Date.UTC(2023, 0, 1) + (base + offset) * 86_400_000).toISOString().slice(0, 10);
}

interface TruthEvent {
  id: number;
  type: PloverType;
  actor: string;
  recipient: string;
  day: number;
  lat: number;
  lon: number;
  place: string;
}

/**
 * How reports give an event: the share of reports with a place, with their own date (not
 * only the publication day), with a recipient; the share of events with a named
 * participant (a person, a firm); the share of reports that copy another's wording.
 */
interface Reporting {
  label: string;
  place: number;
  ownDate: number;
  recipient: number;
  named: number;
  copy: number;
}

/** Conflict reporting: places and dates given, as in the first version of this generator. */
const CONFLICT: Reporting = { label: 'conflict-like', place: 0.8, ownDate: 0.9, recipient: 0.8, named: 0.6, copy: 0.3 };
/**
 * Newswire: the shares measured on 14,035 events of 16,945 Reuters-21578 articles stored by
 * `newsgraph ingest` (12% with a place, 29% with their own date, 22% with a recipient, 60%
 * with a person or a named non-state organisation among their participants).
 */
const NEWSWIRE: Reporting = { label: 'newswire-like', place: 0.12, ownDate: 0.29, recipient: 0.22, named: 0.6, copy: 0.3 };

const NAME_POOL = 1500;
const VOCABULARY = 5000;
const SENTENCE_WORDS = 14;

function syntheticEvents(truths: number, seed: number, days: number, how: Reporting = CONFLICT): { events: ClusterInputEvent[]; truth: Map<string, number> } {
  const rand = rng(seed);
  // Names and wording draw from their own stream, so the other draws stay those of the first version.
  const more = rng(seed + 1000);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  // Letters only: a word with a digit is a number to the wording anchor.
  const word = (): string => Math.floor(more() * VOCABULARY).toString(26).replace(/[0-9]/g, (d) => 'qrstuvwxyz'[Number(d)]!).padStart(3, 'z');
  const events: ClusterInputEvent[] = [];
  const truth = new Map<string, number>();
  for (let t = 0; t < truths; t++) {
    const ca = pick(COUNTRIES);
    let cb = pick(COUNTRIES);
    while (cb === ca) cb = pick(COUNTRIES);
    const ev: TruthEvent = {
      id: t, type: pick(TYPES), actor: ca + pick(SECTORS), recipient: cb + pick(SECTORS), day: Math.floor(rand() * days),
      lat: 25 + rand() * 25, lon: 30 + rand() * 40, place: `place${Math.floor(rand() * 5000)}`,
    };
    const name = more() < how.named ? `Person ${Math.floor(more() * NAME_POOL)}` : null;
    const sentence = Array.from({ length: SENTENCE_WORDS }, word);
    const reports = 1 + Math.floor(-Math.log(1 - rand()) * 3);
    for (let r = 0; r < reports; r++) {
      const key = `a${t}-${r}:E1`;
      const actor = rand() < 0.2 ? ev.actor.slice(0, 3) : ev.actor;
      const negated = rand() < 0.05;
      const shift = rand() < 0.25 ? (rand() < 0.5 ? -1 : 1) : 0;
      const coarse = rand() < 0.05;
      const noDate = rand() < 1 - how.ownDate;
      const jitter = (rand() - 0.5) * 0.2;
      // A copy keeps the wording but a word or two; a rewrite keeps about a third of it.
      const copy = more() < how.copy;
      const evidence = sentence.map((w) => (more() < (copy ? 0.93 : 0.35) ? w : word())).join(' ');
      events.push({
        key, articleKey: `a${t}-${r}`, type: ev.type, mode: null, modality: negated ? 'negated' : 'asserted',
        actors: [actor], recipients: rand() < 1 - how.recipient ? [] : [ev.recipient],
        names: name !== null && more() < 0.8 ? [{ name, type: 'PERSON', country: null, sector: null }] : [],
        evidence,
        date: noDate ? null : coarse ? day(ev.day, 0).slice(0, 7) : day(ev.day, shift),
        dateGrain: noDate ? null : coarse ? 'month' : 'day',
        place: rand() < 1 - how.place ? null : { name: ev.place, lat: ev.lat + jitter, lon: ev.lon + jitter },
        publisher: `pub${Math.floor(rand() * 40)}`, published: day(ev.day, rand() < 0.5 ? 0 : 1),
        dead: null, injured: null, arrested: null,
      });
      // Negated reports are their own truth: they must not join the asserted ones.
      truth.set(key, negated ? -1 - events.length : t);
    }
  }
  return { events, truth };
}

function purityAndRecall(how: Reporting): { purity: number; recall: number; events: number; clusters: number } {
  const { events, truth } = syntheticEvents(3000, 11, 60, how);
  const clusters = clusterEvents(events, new Map());
  let pure = 0;
  const clusterOf = new Map<string, string>();
  for (const c of clusters) {
    const counts = new Map<number, number>();
    for (const k of c.events) {
      counts.set(truth.get(k)!, (counts.get(truth.get(k)!) ?? 0) + 1);
      clusterOf.set(k, c.id);
    }
    pure += Math.max(...counts.values());
  }
  const byTruth = new Map<number, string[]>();
  for (const [k, t] of truth) byTruth.set(t, [...(byTruth.get(t) ?? []), k]);
  let pairs = 0;
  let together = 0;
  for (const ks of byTruth.values()) {
    for (let i = 0; i < ks.length; i++) {
      for (let j = i + 1; j < ks.length; j++) {
        pairs++;
        if (clusterOf.get(ks[i]!) === clusterOf.get(ks[j]!)) together++;
      }
    }
  }
  return { purity: pure / events.length, recall: pairs ? together / pairs : 1, events: events.length, clusters: clusters.length };
}

function printCluster(): void {
  const pct = (x: number): string => (100 * x).toFixed(1) + '%';
  for (const how of [CONFLICT, NEWSWIRE]) {
    const cl = purityAndRecall(how);
    console.log(`\nClustering (synthetic, ${how.label}): ${cl.events} events → ${cl.clusters} clusters; purity ${pct(cl.purity)}, pair recall ${pct(cl.recall)}`);
  }
  const big = syntheticEvents(30000, 12, 365).events.slice(0, 100_000);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  clusterEvents(big, new Map());
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  console.log(`${big.length} events clustered in ${ms.toFixed(0)} ms (${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU)`);
}

function main(): void {
  if (process.argv.includes('--cluster-only')) return printCluster();
  if (!existsSync(NEWS + 'bbc-news-articles.jsonl') || !existsSync(NEWS + 'reuters21578')) {
    console.log(`corpus-eval: skipped — ${NEWS} is absent (../shared/data/news-text is needed for the duplicate evaluation)`);
    return;
  }
  const dup = duplicateEval([0, 3, 6, 8, 10, 11, 12, 13, 14, 16, 18]);
  const pct = (x: number): string => (100 * x).toFixed(1).padStart(6) + '%';
  console.log(`\nNear-duplicates: ${dup.corpus} articles (${dup.exact} exact repeats in the sources dropped), ${dup.copies} syndicated-style copies; shingle ${SHINGLE_WORDS} words; simhash ${dup.usPerArticle.toFixed(0)} µs per 600-word article`);
  console.log('maxDistance | recall light | medium | heavy  | precision | links | links among originals | same-topic pairs within');
  for (const r of dup.rows) {
    const mark = r.distance === DEFAULT_MAX_DISTANCE ? ' ← chosen' : '';
    console.log(`${String(r.distance).padStart(11)} |      ${pct(r.recall.light)} | ${pct(r.recall.medium)} | ${pct(r.recall.heavy)} | ${pct(r.precision)}   | ${String(r.links).padStart(5)} | ${String(r.corpusLinks).padStart(21)} | ${(100 * r.sameTopic).toFixed(3)}%${mark}`);
  }
  const chosen = dup.rows.find((r) => r.distance === DEFAULT_MAX_DISTANCE);
  if (chosen) console.log(`copies of sources with ≥ ${LONG_WORDS} words (${dup.longCopies}) at maxDistance ${DEFAULT_MAX_DISTANCE}: recall light ${pct(chosen.recallLong.light)}, medium ${pct(chosen.recallLong.medium)}, heavy ${pct(chosen.recallLong.heavy)}`);
  console.log(`shingle sizes at maxDistance ${DEFAULT_MAX_DISTANCE}: ${dup.shingles.join('; ')}`);
  if (!process.argv.includes('--no-cluster')) printCluster();
}

main();
