/**
 * Evaluation of the PLOVER event coder (src/events), two parts and one table:
 *
 * (a) PLOVER gold-standard records (../shared/data/plover/PLOVER_GSR_CAMEO.txt, 322
 *     sentences, PLOVER 0.5b1 labels mapped to 2.0 as the manual's CAMEO table does:
 *     DEMAND→REQUEST, DISAPPROVE/INVESTIGATE→ACCUSE, FIGHT→ASSAULT). Each record's
 *     `text` runs through the extract pipeline as a clean-text snippet. "type in set":
 *     the gold type is among the predicted events' types; "top type": the type of the
 *     most confident predicted event. Actor/recipient: among predicted events of the
 *     gold type, one whose actor (recipient) mention text overlaps the gold actorText.
 * (b) Our articles (bench/data/events-gold.jsonl, written before tuning): a predicted
 *     event is correct when a gold event has its type, all gold actors are among its
 *     actors (country code or name) and the same modality; precision and recall per
 *     type; quote speakers by the quote containing the gold fragment.
 * (c) Quote articles (bench/data/quotes-gold.jsonl, every quote of each article written
 *     before the system ran on it): a predicted quote matches a gold quote when their
 *     spans overlap (the gold span is where its exact text sits); recall over gold quotes,
 *     precision over predicted ones; speaker, direct/indirect and channel agreement of each
 *     gold quote with its best-overlapping prediction (a null gold speaker wants none, or a
 *     group-noun entity). Scored per set: "dev", the articles src/quotes was tuned on (the
 *     only set whose errors --errors prints), and the held sets ("held", "held2"), each
 *     written after the tuning before it and never tuned on.
 *     Silent misses (no event at all) are explained from the coder's trace against the gold
 *     trigger words: no trigger / no actor / suppressed, in aggregate for the held half.
 * (d) Direct quotations on real news (bench/data/quotes-bbc-gold.jsonl, BBC News articles
 *     of ../shared/data/news-text labelled before their records were read): found, and
 *     the speaker (bench/quotes-bbc-score.ts). Errors are never printed: it is a held set.
 * Speed: articles per second for the whole pipeline on ~600-word articles built by
 * joining our articles.
 *
 *   npx tsx bench/events-eval.ts [--errors] [--no-parser] [--quotes (no GSR, no speed)]
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scoreBbcQuotes } from './quotes-bbc-score.js';
import { isHeldHalf, NEWS_HALVES, scoreNewsEvents, sumHalves } from './events-news-score.js';
import type { NewsEventHalf } from './events-news-score.js';
import { BBC_FILE, REUTERS_DIR } from '../training/common/news-articles.js';
import { tracingPipeline } from './tracing-pipeline.js';
import type { Doc } from '../src/core/doc.js';
import type { ArticleRecord, Entity, EventRecord } from '../src/core/record.js';
import { extract } from '../src/extract.js';
import type { TraceItem } from '../src/events/coder.js';
import { lemmaCandidates } from '../src/events/lemma.js';
import { lexicon } from '../src/events/lexicon.js';
import type { DocView } from '../src/events/view.js';
import { buildView, isActorEntity } from '../src/events/view.js';
import { ploverCategory } from '../src/events/plover.js';
import { parserModelAvailable } from '../src/nlp/parser/index.js';

const SHOW_ERRORS = process.argv.includes('--errors');
// Only our articles and the quote gold: the quick loop while working on src/quotes.
const QUOTES_ONLY = process.argv.includes('--quotes');
const USE_PARSER = !process.argv.includes('--no-parser') && parserModelAvailable();
const GSR = fileURLToPath(new URL('../../shared/data/plover/PLOVER_GSR_CAMEO.txt', import.meta.url));
const OURS = fileURLToPath(new URL('./data/events-gold.jsonl', import.meta.url));
const QUOTES = fileURLToPath(new URL('./data/quotes-gold.jsonl', import.meta.url));
const QUOTES_BBC = fileURLToPath(new URL('./data/quotes-bbc-gold.jsonl', import.meta.url));
const EVENTS_NEWS = fileURLToPath(new URL('./data/events-news-gold.jsonl', import.meta.url));
const OLD_LABELS: Record<string, string> = { DEMAND: 'REQUEST', DISAPPROVE: 'ACCUSE', INVESTIGATE: 'ACCUSE', FIGHT: 'ASSAULT' };

const { pipeline, seen } = tracingPipeline({ parser: USE_PARSER });
seen.on = false;

function run(name: string, text: string, published: string | null = null): ArticleRecord {
  return extract({ name, uri: null, kind: 'text', content: text, published }, pipeline);
}

const norm = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N} ]/gu, ' ').replace(/\s+/g, ' ').trim();

function mentionTexts(r: ArticleRecord, ids: readonly string[]): string[] {
  return ids.flatMap((id) => r.entities.find((e) => e.id === id)?.mentions.map((m) => norm(m.text)) ?? []);
}

function overlaps(gold: string, texts: readonly string[]): boolean {
  const g = norm(gold);
  return g !== '' && texts.some((t) => t !== '' && (t.includes(g) || g.includes(t)));
}

interface GsrActor { actorText?: string }
interface GsrRecord {
  id: string; event: string; text: string; source?: GsrActor[] | string; target?: GsrActor[] | string;
  eventText?: string; textInfo?: { markup?: string } | string | null;
}

function actorsOf(x: GsrActor[] | string | undefined): string[] {
  return Array.isArray(x) ? x.map((a) => a.actorText ?? '').filter((t) => t !== '') : [];
}

/**
 * The gold records split in two by a hash of their id: the "dev" half is the one we
 * may read errors from (--errors prints only its misses); the "held" half is only
 * scored, so a rule fitted to the dev misses shows whether it generalises.
 */
function isHeld(id: string): boolean {
  return createHash('sha256').update(id).digest()[0]! % 2 === 1;
}

/**
 * Why a sentence coded no event, by the coder's own trace against the gold trigger (the
 * markup's "(EVT: …)" words): 'no-trigger' (no lexicon row matched the gold trigger's
 * words; split by whether some word of it is a lexicon anchor at all, under either class,
 * and whether other triggers were found), 'no-actor' (the gold trigger was found but its
 * actor phrase named no entity, or no actor phrase was found), 'suppressed' (the gold
 * trigger was folded into another trigger, or was a noun inside another's argument),
 * 'unlikely' (coded, but the confidence model put it under the floor, CONFIDENCE_FLOOR).
 */
type Why = 'no-trigger' | 'no-actor' | 'suppressed' | 'unlikely';
type Known = 'unknown' | 'other-class' | 'phrase-only' | 'same-class';
type Kind = 'noun' | 'passive' | 'verb';
interface Diagnosis { why: Why; known: Known; otherTriggers: boolean; unnamedPhrase: boolean; kind: Kind | null; head: number | null; detail: string }

function tokText(doc: Doc, first: number, last: number): string {
  return doc.text.slice(doc.tokens[first]!.start, doc.tokens[last]!.end);
}

/** Character spans of the gold trigger in the doc's text: each "(EVT: …)" segment of the markup. */
function goldTriggerSpans(g: GsrRecord, doc: Doc): [number, number][] {
  const markup = typeof g.textInfo === 'object' && g.textInfo !== null ? (g.textInfo.markup ?? '') : typeof g.textInfo === 'string' ? g.textInfo : '';
  const segs = [...markup.matchAll(/\(EVT: ?([^)}]*)[)}]/g)].map((m) => m[1]!.trim()).filter((x) => x !== '');
  if (segs.length === 0 && g.eventText) segs.push(g.eventText);
  const out: [number, number][] = [];
  for (const seg of segs) {
    const at = doc.text.indexOf(seg);
    if (at >= 0) out.push([at, at + seg.length]);
  }
  return out;
}

/**
 * How the lexicon knows the gold trigger's words: as a single-word row of the class the
 * tagger gave ('same-class': matched nothing for another reason, such as a lemma), only
 * under the other class ('other-class': "arrests" tagged a noun, only a verb row), only as
 * the anchor of phrase rows whose other words were absent ('phrase-only'), or not at all.
 */
function knownAs(doc: Doc, spans: readonly [number, number][], v: DocView): Known {
  const lex = lexicon();
  let best: Known = 'unknown';
  const rank: Record<Known, number> = { unknown: 0, 'phrase-only': 1, 'other-class': 2, 'same-class': 3 };
  doc.tokens.forEach((t, i) => {
    if (!spans.some(([a, b]) => t.start < b && a < t.end)) return;
    const text = doc.text.slice(t.start, t.end);
    const own = v.info[i]!.cls;
    for (const cls of ['V', 'N'] as const) {
      for (const l of lemmaCandidates(text, cls)) {
        for (const key of [`V:${l}`, `N:${l}`, `*:${l}`]) {
          const rows = lex.byAnchor.get(key) ?? [];
          if (rows.length === 0) continue;
          const single = rows.some((e) => e.words.length === 1);
          const k: Known = !single ? 'phrase-only' : key[0] === own && cls === own ? 'same-class' : 'other-class';
          if (rank[k] > rank[best]) best = k;
        }
      }
    }
  });
  return best;
}

function kindOf(doc: Doc, t: TraceItem): Kind {
  if (t.trigger.isNoun) return 'noun';
  const h = t.trigger.head;
  const pass = doc.tokens.some((x) => x.head === h && (x.deprel === 'nsubj:pass' || x.deprel === 'aux:pass'));
  return pass ? 'passive' : 'verb';
}

function diagnose(g: GsrRecord, doc: Doc, trace: readonly TraceItem[]): Diagnosis {
  const v = buildView(doc);
  const spans = goldTriggerSpans(g, doc);
  const hits = trace.filter((t) => {
    const a = doc.tokens[t.trigger.first]!.start;
    const b = doc.tokens[t.trigger.last]!.end;
    return spans.some(([x, y]) => a < y && x < b);
  });
  const show = (items: readonly TraceItem[]): string => items.map((o) => {
    const ph = o.draft?.actorSpans ?? [];
    return `${tokText(doc, o.trigger.first, o.trigger.last)}:${o.outcome}(${ph.map((p) => tokText(doc, p.first, p.last)).join('|') || '-'})`;
  }).join(' ');
  const gold = spans.map(([a, b]) => doc.text.slice(a, b)).join(' … ');
  if (hits.length === 0) {
    const known = knownAs(doc, spans, v);
    return { why: 'no-trigger', known, otherTriggers: trace.length > 0, unnamedPhrase: false, kind: null, head: null, detail: `gold "${gold}" (${known}); found ${show(trace) || 'nothing'}` };
  }
  const unlikely = hits.filter((t) => t.outcome === 'unlikely');
  if (unlikely.length > 0 && hits.every((t) => t.outcome !== 'event')) {
    return { why: 'unlikely', known: 'same-class', otherTriggers: false, unnamedPhrase: false, kind: kindOf(doc, unlikely[0]!), head: null, detail: show(hits) };
  }
  const orphans = hits.filter((t) => t.outcome === 'no-actor');
  if (orphans.length > 0) {
    const unnamed = orphans.some((o) => (o.draft?.actorSpans.length ?? 0) > 0);
    const kind = kindOf(doc, orphans[0]!);
    return { why: 'no-actor', known: 'same-class', otherTriggers: false, unnamedPhrase: unnamed, kind, head: orphans[0]!.trigger.head, detail: `${kind} ${show(hits)}` };
  }
  return { why: 'suppressed', known: 'same-class', otherTriggers: false, unnamedPhrase: false, kind: kindOf(doc, hits[0]!), head: null, detail: show(hits) };
}

interface Half {
  n: number; why: Record<Why, number>; known: Record<Known, number>; kind: Record<Kind, number>; others: number; unnamed: number;
  hasActorEntity: number; goldActors: number; goldActorEntity: number; goldActorHead: number; silentActorHead: number;
  /** Actor and recipient texts found, per half: a rule written from dev misses shows on held. */
  actorN: number; actorOk: number; recipN: number; recipOk: number;
  /** Silent misses by gold type and cause: says which PLOVER types the work should look at. */
  byType: Map<string, number>;
  /** Other-type misses by gold type and the types coded instead. */
  confusions: Map<string, number>;
  /** Silent no-actor misses by the parse path from the gold trigger to the gold actor's head. */
  actorPaths: Map<string, number>;
}
const half = (): Half => ({
  n: 0, why: { 'no-trigger': 0, 'no-actor': 0, suppressed: 0, unlikely: 0 }, known: { unknown: 0, 'other-class': 0, 'phrase-only': 0, 'same-class': 0 },
  kind: { noun: 0, passive: 0, verb: 0 }, others: 0, unnamed: 0,
  hasActorEntity: 0, goldActors: 0, goldActorEntity: 0, goldActorHead: 0, silentActorHead: 0, actorN: 0, actorOk: 0, recipN: 0, recipOk: 0, byType: new Map(), confusions: new Map(), actorPaths: new Map(),
});

/** An entity mention holds the gold actor's last word (its head, in English noun phrases). */
function headCovered(gold: string, mentions: readonly string[]): boolean {
  const head = norm(gold).split(' ').pop() ?? '';
  return head !== '' && mentions.some((m) => m.split(' ').includes(head));
}

/**
 * The dependency path from the gold trigger's head to the gold actor's head (the last
 * token of the first gold actor text found in the sentence), as the labels walked: "^obj"
 * up from the trigger through its own relation, "vnsubj" down to a child. Labels only,
 * no words, so held-half counts say which frame is missing without showing a sentence.
 */
function actorPath(g: GsrRecord, doc: Doc, trigHead: number): string {
  const src = actorsOf(g.source)[0];
  if (src === undefined) return 'no gold actor';
  const at = doc.text.indexOf(src);
  if (at < 0) return 'actor text not found';
  let a = doc.tokens.findIndex((t) => t.start >= at + src.length) - 1;
  if (a < 0) a = doc.tokens.length - 1;
  if (doc.tokens[trigHead]?.head === undefined) return 'no parse';
  const up = (i: number): number[] => {
    const out = [i];
    for (let k = i, n = 0; n < 30; n++) {
      const h = doc.tokens[k]!.head ?? -1;
      if (h < 0) break;
      out.push(h);
      k = h;
    }
    return out;
  };
  const fromT = up(trigHead);
  const fromA = up(a);
  const meet = fromT.find((x) => fromA.includes(x));
  if (meet === undefined) return 'disconnected';
  const ups = fromT.slice(0, fromT.indexOf(meet)).map((k) => `^${doc.tokens[k]!.deprel}`);
  const downs = fromA.slice(0, fromA.indexOf(meet)).reverse().map((k) => `v${doc.tokens[k]!.deprel}`);
  const path = [...ups, ...downs];
  if (SHOW_ERRORS && !isHeld(g.id)) console.log(`GSR actor path ${g.id}: ${path.join(' ')}`);
  // Coarse on purpose: steps up and down and the actor's own relation, so held buckets pool.
  const rel = path[path.length - 1]?.slice(1) ?? '';
  const role = rel.startsWith('nsubj') ? 'subject' : rel === 'obl:agent' ? 'agent' : rel === 'nmod:poss' ? 'possessor' : /^(amod|compound|nmod|obl)/.test(rel) ? 'modifier/oblique' : rel.startsWith('obj') ? 'object' : 'other';
  const where = ups.length === 0 ? (downs.length === 1 ? 'own' : 'inside own') : downs.length <= 1 ? 'governor\'s' : 'elsewhere';
  const inside = trigHead === a ? 'self' : `${where} ${role}`;
  const named = doc.entities.some((e) => e.mentions.some((m) => m.start <= doc.tokens[a]!.start && doc.tokens[a]!.end <= m.end));
  return named ? inside : `${inside} (unnamed)`.replace(/^(.*) \(unnamed\)$/, 'actor head not in an entity');
}

function evalGsr(): { n: number; inSet: number; top: number; actorN: number; actorOk: number; recipN: number; recipOk: number; held: { n: number; inSet: number; top: number }; silent: { dev: number; held: number }; halves: { dev: Half; held: Half } } | null {
  if (!existsSync(GSR)) return null;
  const records = (JSON.parse(readFileSync(GSR, 'utf8')) as GsrRecord[]).filter((r) => r.event !== 'DOCUMENT');
  const t = { n: 0, inSet: 0, top: 0, actorN: 0, actorOk: 0, recipN: 0, recipOk: 0, held: { n: 0, inSet: 0, top: 0 }, silent: { dev: 0, held: 0 }, halves: { dev: half(), held: half() } };
  seen.on = true;
  for (const g of records) {
    const gold = OLD_LABELS[g.event] ?? g.event;
    const r = run(g.id, g.text);
    const held = isHeld(g.id);
    const h = t.halves[held ? 'held' : 'dev'];
    const doc = seen.doc!;
    const actorEnts = doc.entities.filter(isActorEntity);
    h.n++;
    if (actorEnts.length > 0) h.hasActorEntity++;
    const goldSrc = actorsOf(g.source);
    const mentions = actorEnts.flatMap((e) => e.mentions.map((m) => norm(m.text)));
    const headNamed = goldSrc.some((a) => headCovered(a, mentions));
    if (goldSrc.length > 0) {
      h.goldActors++;
      if (goldSrc.some((a) => overlaps(a, mentions))) h.goldActorEntity++;
      if (headNamed) h.goldActorHead++;
    }
    t.n++;
    const types = new Set(r.events.map(ploverCategory));
    const top = [...r.events].sort((a, b) => b.confidence - a.confidence)[0];
    const inSet = types.has(gold as EventRecord['type']);
    const topOk = top !== undefined && ploverCategory(top) === gold;
    if (inSet) t.inSet++;
    if (topOk) t.top++;
    // Misses with no event at all (a recall gap) vs with other types (a wrong reading): counted
    // for both halves, which says what kind of work would help without showing held items.
    if (!inSet && r.events.length === 0) {
      t.silent[held ? 'held' : 'dev']++;
      const d = diagnose(g, doc, seen.trace);
      h.why[d.why]++;
      if (d.why === 'no-trigger') h.known[d.known]++;
      const key = `${gold}:${d.why === 'no-trigger' ? 'T' : d.why === 'no-actor' ? 'A' : d.why === 'unlikely' ? 'U' : 'S'}`;
      h.byType.set(key, (h.byType.get(key) ?? 0) + 1);
      if (d.why === 'no-actor' && d.kind) h.kind[d.kind]++;
      if (d.why === 'no-actor' && d.head !== null) {
        const path = actorPath(g, doc, d.head);
        h.actorPaths.set(path, (h.actorPaths.get(path) ?? 0) + 1);
      }
      if (d.why === 'no-trigger' && d.otherTriggers) h.others++;
      if (d.unnamedPhrase) h.unnamed++;
      if (headNamed) h.silentActorHead++;
      if (SHOW_ERRORS && !held) console.log(`GSR silent ${g.id} ${d.why} ${d.detail} | gold actor=${goldSrc.join('; ')}${headNamed ? '' : ' (not an entity)'}`);
    }
    if (!inSet && r.events.length > 0) {
      const key = `${gold}→${[...types].sort().join('+')}`;
      h.confusions.set(key, (h.confusions.get(key) ?? 0) + 1);
    }
    if (held) {
      t.held.n++;
      if (inSet) t.held.inSet++;
      if (topOk) t.held.top++;
    }
    const same = r.events.filter((e) => ploverCategory(e) === gold);
    const src = actorsOf(g.source);
    const tar = actorsOf(g.target);
    if (src.length > 0) {
      t.actorN++;
      h.actorN++;
      if (same.some((e) => src.some((a) => overlaps(a, mentionTexts(r, e.actor))))) {
        t.actorOk++;
        h.actorOk++;
      } else if (SHOW_ERRORS && !held && same.length > 0) {
        console.log(`GSR actor ${g.id} gold=${src.join('; ')} got ${same.map((e) => `${e.trigger.text}→[${mentionTexts(r, e.actor).join('|')}]`).join(' ')} | ${g.text}`);
      }
    }
    if (tar.length > 0) {
      t.recipN++;
      h.recipN++;
      if (same.some((e) => tar.some((a) => overlaps(a, mentionTexts(r, [...e.recipient, ...e.actor]))))) {
        t.recipOk++;
        h.recipOk++;
      } else if (SHOW_ERRORS && !held && same.length > 0) {
        const got = same.map((e) => `${e.trigger.text}→[${mentionTexts(r, e.recipient).join('|')}]`).join(' ');
        console.log(`GSR recipient ${g.id} gold=${tar.join('; ')} got ${got} | ${g.text}`);
      }
    }
    if (SHOW_ERRORS && !held && !inSet) console.log(`GSR miss ${g.id} gold=${gold} got=[${[...types].join(',')}] ${g.text}`);
  }
  seen.on = false;
  return t;
}

interface GoldEvent { type: string; actor: string[]; recipient: string[]; modality: string }
interface GoldArticle { id: string; published: string; text: string; events: GoldEvent[]; quotes: { contains: string; speaker: string }[] }

function entityMatches(e: Entity | undefined, spec: string): boolean {
  if (!e) return false;
  if (/^[A-Z]{3}$/.test(spec)) return e.country === spec || (e.code?.startsWith(spec) ?? false);
  return norm(e.name).includes(norm(spec)) || e.mentions.some((m) => norm(m.text).includes(norm(spec)));
}

function eventMatches(r: ArticleRecord, p: EventRecord, g: GoldEvent): boolean {
  const ents = p.actor.map((id) => r.entities.find((e) => e.id === id));
  return p.type === g.type && p.modality === g.modality && g.actor.every((spec) => ents.some((e) => entityMatches(e, spec)));
}

interface TypeTally { tp: number; fp: number; fn: number }

function evalOurs(): { byType: Map<string, TypeTally>; quotes: number; quoteOk: number; recipN: number; recipOk: number; articles: GoldArticle[] } {
  const articles = readFileSync(OURS, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as GoldArticle);
  const byType = new Map<string, TypeTally>();
  const tally = (type: string): TypeTally => {
    let t = byType.get(type);
    if (!t) byType.set(type, (t = { tp: 0, fp: 0, fn: 0 }));
    return t;
  };
  let quotes = 0;
  let quoteOk = 0;
  let recipN = 0;
  let recipOk = 0;
  for (const a of articles) {
    const r = run(a.id, a.text, a.published);
    const used = new Set<number>();
    for (const p of r.events) {
      const gi = a.events.findIndex((g, i) => !used.has(i) && eventMatches(r, p, g));
      if (gi >= 0) {
        used.add(gi);
        tally(p.type).tp++;
        const g = a.events[gi]!;
        if (g.recipient.length > 0) {
          recipN++;
          const ents = p.recipient.map((id) => r.entities.find((e) => e.id === id));
          if (g.recipient.every((spec) => ents.some((e) => entityMatches(e, spec)))) recipOk++;
        }
      } else {
        tally(p.type).fp++;
        if (SHOW_ERRORS) console.log(`FP ${a.id} ${p.type}/${p.modality} actor=[${p.actor.map((id) => r.entities.find((e) => e.id === id)?.name).join(', ')}] "${p.trigger.text}"`);
      }
    }
    a.events.forEach((g, i) => {
      if (used.has(i)) return;
      tally(g.type).fn++;
      if (SHOW_ERRORS) console.log(`FN ${a.id} ${g.type}/${g.modality} actor=[${g.actor.join(', ')}]`);
    });
    for (const q of a.quotes) {
      quotes++;
      const found = r.quotes.find((x) => x.text.includes(q.contains) || r.text.slice(x.start, x.end).includes(q.contains));
      const sp = found?.speaker ? r.entities.find((e) => e.id === found.speaker) : undefined;
      if (entityMatches(sp, q.speaker)) quoteOk++;
      else if (SHOW_ERRORS) console.log(`QUOTE ${a.id} "${q.contains}" want ${q.speaker} got ${sp?.name ?? 'none'}`);
    }
  }
  return { byType, quotes, quoteOk, recipN, recipOk, articles };
}

interface GoldQuote { text: string; speaker: string | null; direct: boolean; channel: string | null }
interface QuoteArticle { id: string; set?: string; published: string; text: string; quotes: GoldQuote[] }
interface QuoteTally {
  articles: number; gold: number; predicted: number; found: number; predictedOk: number; speakerOk: number;
  directOk: number; channelOk: number; goldChannel: number; goldChannelOk: number;
  /** Speaker right of matched quotes, by gold direct (d) / indirect (i). */
  byKind: Record<'d' | 'i', { n: number; ok: number }>;
}
const newQuoteTally = (): QuoteTally => ({
  articles: 0, gold: 0, predicted: 0, found: 0, predictedOk: 0, speakerOk: 0, directOk: 0, channelOk: 0,
  goldChannel: 0, goldChannelOk: 0, byKind: { d: { n: 0, ok: 0 }, i: { n: 0, ok: 0 } },
});

/**
 * A gold speaker of null (an unnamed "one witness", "critics") wants no speaker, or an
 * entity that is only a group noun ("Farmers"): never a named entity.
 */
function unnamed(e: Entity | undefined): boolean {
  return e === undefined || e.mentions.every((m) => m.kind === 'nominal' || m.kind === 'pronoun');
}

type Overlapping = { start: number; end: number };
const overlap = (x: Overlapping, y: Overlapping): number => Math.min(x.end, y.end) - Math.max(x.start, y.start);

/**
 * The quote gold by set: "dev" (src/quotes was tuned on it; --errors prints its errors) and the
 * held sets ("held", "held2": written after, only scored, their errors never printed).
 */
function evalQuotes(): Map<string, QuoteTally> | null {
  if (!existsSync(QUOTES)) return null;
  // Lines without text (the file's note) are not articles.
  const articles = readFileSync(QUOTES, 'utf8').split('\n').filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Partial<QuoteArticle>).filter((a): a is QuoteArticle => typeof a.text === 'string');
  const sets = new Map<string, QuoteTally>();
  const chan = (c: string | null): string => norm(c ?? '');
  for (const a of articles) {
    const set = a.set ?? 'dev';
    let t = sets.get(set);
    if (!t) sets.set(set, (t = newQuoteTally()));
    t.articles++;
    // Only the set src/quotes is tuned on shows its errors: the held sets stay unseen.
    const show = SHOW_ERRORS && set === 'dev';
    const r = run(a.id, a.text, a.published);
    const spans = a.quotes.map((g) => {
      const at = r.text.indexOf(g.text);
      if (at < 0) throw new Error(`events-eval: ${QUOTES} ${a.id}: quote text not in the article: ${JSON.stringify(g.text)}`);
      return { start: at, end: at + g.text.length };
    });
    t.predicted += r.quotes.length;
    for (const p of r.quotes) {
      if (spans.some((s) => overlap(s, p) > 0)) t.predictedOk++;
      else if (show) console.log(`QUOTE FP ${a.id} "${p.text}" (${p.direct ? 'direct' : 'indirect'}, speaker ${r.entities.find((e) => e.id === p.speaker)?.name ?? 'none'})`);
    }
    for (const [i, g] of a.quotes.entries()) {
      t.gold++;
      if (g.channel !== null) t.goldChannel++;
      const s = spans[i]!;
      const best = [...r.quotes].filter((p) => overlap(s, p) > 0).sort((x, y) => overlap(s, y) - overlap(s, x))[0];
      if (!best) {
        if (show) console.log(`QUOTE miss ${a.id} "${g.text}" (${g.direct ? 'direct' : 'indirect'}, ${g.speaker ?? 'no speaker'})`);
        continue;
      }
      t.found++;
      const sp = best.speaker ? r.entities.find((e) => e.id === best.speaker) : undefined;
      const speakerOk = g.speaker === null ? unnamed(sp) : entityMatches(sp, g.speaker);
      const kind = t.byKind[g.direct ? 'd' : 'i'];
      kind.n++;
      if (speakerOk) {
        t.speakerOk++;
        kind.ok++;
      }
      if (best.direct === g.direct) t.directOk++;
      const channelOk = chan(best.channel) === chan(g.channel);
      if (channelOk) t.channelOk++;
      if (channelOk && g.channel !== null) t.goldChannelOk++;
      if (show && !speakerOk) console.log(`QUOTE speaker ${a.id} "${g.text.slice(0, 50)}" want ${g.speaker ?? 'none'} got ${sp?.name ?? 'none'}${sp ? ` (${sp.type})` : ''} cue=${best.cue ?? '-'}`);
      if (show && best.direct !== g.direct) console.log(`QUOTE direct ${a.id} "${g.text.slice(0, 50)}" want ${g.direct} got ${best.direct} ("${best.text.slice(0, 50)}")`);
      if (show && !channelOk) console.log(`QUOTE channel ${a.id} "${g.text.slice(0, 50)}" want ${g.channel ?? 'none'} got ${best.channel ?? 'none'}`);
    }
  }
  return sets;
}

function speed(articles: readonly GoldArticle[]): { perSecond: number; words: number } {
  const docs: string[] = [];
  let buf: string[] = [];
  let words = 0;
  for (let k = 0; docs.length < 40; k++) {
    const text = articles[k % articles.length]!.text;
    buf.push(text);
    words += text.split(/\s+/).length;
    if (words >= 600) {
      docs.push(buf.join('\n\n'));
      buf = [];
      words = 0;
    }
  }
  run('warm', docs[0]!);
  const t0 = performance.now();
  for (const [i, d] of docs.entries()) run(`speed-${i}`, d, '2023-05-10');
  const secs = (performance.now() - t0) / 1000;
  return { perSecond: docs.length / secs, words: Math.round(docs.reduce((s, d) => s + d.split(/\s+/).length, 0) / docs.length) };
}

const pct = (a: number, b: number): string => (b === 0 ? '   –' : (a / b).toFixed(2));

const gsr = QUOTES_ONLY ? null : evalGsr();
const ours = evalOurs();
const quoteSets = evalQuotes();
const sp = QUOTES_ONLY ? null : speed(ours.articles);
const rows: string[][] = [];
if (gsr) {
  rows.push(['PLOVER GSR', 'type in set', pct(gsr.inSet, gsr.n), `${gsr.inSet}/${gsr.n}`]);
  rows.push(['PLOVER GSR', 'top type', pct(gsr.top, gsr.n), `${gsr.top}/${gsr.n}`]);
  const dev = { n: gsr.n - gsr.held.n, inSet: gsr.inSet - gsr.held.inSet };
  rows.push(['PLOVER GSR dev', 'type in set', pct(dev.inSet, dev.n), `${dev.inSet}/${dev.n} (errors shown by --errors)`]);
  rows.push(['PLOVER GSR held', 'type in set', pct(gsr.held.inSet, gsr.held.n), `${gsr.held.inSet}/${gsr.held.n} (never inspected)`]);
  const devMiss = dev.n - dev.inSet;
  const heldMiss = gsr.held.n - gsr.held.inSet;
  rows.push(['PLOVER GSR misses', 'no event / other', `${gsr.silent.dev}/${devMiss - gsr.silent.dev}`, `dev; held ${gsr.silent.held}/${heldMiss - gsr.silent.held}`]);
  const hd = gsr.halves;
  const why = (x: Half): string => `${x.why['no-trigger']}/${x.why['no-actor']}/${x.why.suppressed}/${x.why.unlikely}`;
  rows.push(['PLOVER GSR silent', 'why: no trigger/no actor/suppr./unlikely', why(hd.dev), `dev; held ${why(hd.held)} (against the gold EVT words)`]);
  const known = (x: Half): string => `${x.known.unknown}/${x.known['phrase-only']}/${x.known['other-class']}/${x.known['same-class']}`;
  rows.push(['PLOVER GSR silent', 'no trigger: unknown/phrase/class/same', known(hd.dev), `dev; held ${known(hd.held)} (how the lexicon knows the gold words)`]);
  rows.push(['PLOVER GSR silent', 'no trigger: others found', `${hd.dev.others}`, `dev; held ${hd.held.others} (other triggers, none of them the gold one)`]);
  const kind = (x: Half): string => `${x.kind.verb}/${x.kind.passive}/${x.kind.noun}`;
  rows.push(['PLOVER GSR silent', 'no actor: verb/passive/noun', kind(hd.dev), `dev; held ${kind(hd.held)} (the gold trigger's class)`]);
  rows.push(['PLOVER GSR silent', 'no actor: phrase unnamed', `${hd.dev.unnamed}`, `dev; held ${hd.held.unnamed} (the rest found no actor phrase)`]);
  const byType = (x: Half): string => [...x.byType].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, n]) => `${k} ${n}`).join(', ');
  rows.push(['PLOVER GSR silent dev', 'by type:cause', '', `${byType(hd.dev)} (T no trigger, A no actor, S suppressed, U unlikely)`]);
  // Held buckets of one would point at single sentences: they are pooled as "others".
  const heldByType = (x: Half): string => {
    const big = [...x.byType].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const rest = [...x.byType].filter(([, n]) => n < 2).reduce((t, [, n]) => t + n, 0);
    return [...big.map(([k, n]) => `${k} ${n}`), ...(rest > 0 ? [`others ${rest}`] : [])].join(', ');
  };
  rows.push(['PLOVER GSR silent held', 'by type:cause', '', heldByType(hd.held)]);
  const all = (m: Map<string, number>): string => [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, n]) => `${k} ${n}`).join(', ');
  const pooled = (m: Map<string, number>): string => {
    const big = [...m].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const rest = [...m].filter(([, n]) => n < 2).reduce((t, [, n]) => t + n, 0);
    return [...big.map(([k, n]) => `${k} ${n}`), ...(rest > 0 ? [`others ${rest}`] : [])].join(', ');
  };
  rows.push(['PLOVER GSR other dev', 'gold→coded', '', all(hd.dev.confusions)]);
  rows.push(['PLOVER GSR other held', 'gold→coded', '', pooled(hd.held.confusions)]);
  rows.push(['PLOVER GSR no-actor dev', 'trigger→actor path', '', all(hd.dev.actorPaths)]);
  rows.push(['PLOVER GSR no-actor held', 'trigger→actor path', '', pooled(hd.held.actorPaths)]);
  rows.push(['PLOVER GSR silent', 'gold actor head is entity', `${hd.dev.silentActorHead}`, `dev; held ${hd.held.silentActorHead} (of the silent misses)`]);
  rows.push(['PLOVER GSR', 'has actor entity', pct(hd.dev.hasActorEntity, hd.dev.n), `dev ${hd.dev.hasActorEntity}/${hd.dev.n}; held ${pct(hd.held.hasActorEntity, hd.held.n)} ${hd.held.hasActorEntity}/${hd.held.n}`]);
  rows.push(['PLOVER GSR', 'gold actor text ~ entity', pct(hd.dev.goldActorEntity, hd.dev.goldActors), `dev ${hd.dev.goldActorEntity}/${hd.dev.goldActors}; held ${pct(hd.held.goldActorEntity, hd.held.goldActors)} ${hd.held.goldActorEntity}/${hd.held.goldActors} (texts overlap)`]);
  rows.push(['PLOVER GSR', 'gold actor head entity', pct(hd.dev.goldActorHead, hd.dev.goldActors), `dev ${hd.dev.goldActorHead}/${hd.dev.goldActors}; held ${pct(hd.held.goldActorHead, hd.held.goldActors)} ${hd.held.goldActorHead}/${hd.held.goldActors} (a mention holds its last word)`]);
  const texts = (x: Half, ok: 'actorOk' | 'recipOk', n: 'actorN' | 'recipN'): string => `${pct(x[ok], x[n])} ${x[ok]}/${x[n]}`;
  rows.push(['PLOVER GSR', 'actor text', pct(gsr.actorOk, gsr.actorN), `${gsr.actorOk}/${gsr.actorN}; dev ${texts(hd.dev, 'actorOk', 'actorN')}, held ${texts(hd.held, 'actorOk', 'actorN')}`]);
  rows.push(['PLOVER GSR', 'recipient text', pct(gsr.recipOk, gsr.recipN), `${gsr.recipOk}/${gsr.recipN}; dev ${texts(hd.dev, 'recipOk', 'recipN')}, held ${texts(hd.held, 'recipOk', 'recipN')}`]);
} else rows.push(['PLOVER GSR', 'skipped', '', QUOTES_ONLY ? '--quotes' : `${GSR} absent`]);
let tp = 0;
let fp = 0;
let fn = 0;
for (const [type, t] of [...ours.byType].sort()) {
  tp += t.tp;
  fp += t.fp;
  fn += t.fn;
  rows.push([`ours ${type}`, 'P / R', `${pct(t.tp, t.tp + t.fp)} / ${pct(t.tp, t.tp + t.fn)}`, `tp ${t.tp} fp ${t.fp} fn ${t.fn}`]);
}
rows.push(['ours ALL', 'P / R', `${pct(tp, tp + fp)} / ${pct(tp, tp + fn)}`, `tp ${tp} fp ${fp} fn ${fn}, ${ours.articles.length} articles`]);
rows.push(['ours', 'recipient ok', pct(ours.recipOk, ours.recipN), `${ours.recipOk}/${ours.recipN} matched events with a gold recipient`]);
rows.push(['ours', 'quote speaker', pct(ours.quoteOk, ours.quotes), `${ours.quoteOk}/${ours.quotes}`]);
for (const [set, qs] of [...(quoteSets ?? new Map<string, QuoteTally>())].sort()) {
  const k = (x: { n: number; ok: number }): string => `${x.ok}/${x.n}`;
  const name = `quotes ${set}`;
  rows.push([name, 'recall', pct(qs.found, qs.gold), `${qs.found}/${qs.gold} gold quotes overlapped by a prediction, ${qs.articles} articles${set === 'dev' ? ' (errors shown by --errors)' : ' (errors never printed)'}`]);
  rows.push([name, 'precision', pct(qs.predictedOk, qs.predicted), `${qs.predictedOk}/${qs.predicted} predicted quotes overlapping a gold one`]);
  rows.push([name, 'speaker', pct(qs.speakerOk, qs.gold), `${qs.speakerOk}/${qs.gold} of all gold; of found ${pct(qs.speakerOk, qs.found)}, direct ${k(qs.byKind.d)}, indirect ${k(qs.byKind.i)}`]);
  rows.push([name, 'direct/indirect agree', pct(qs.directOk, qs.found), `${qs.directOk}/${qs.found} found quotes`]);
  rows.push([name, 'channel agree', pct(qs.channelOk, qs.found), `${qs.channelOk}/${qs.found} found quotes (none = none counts); stated channels ${qs.goldChannelOk}/${qs.goldChannel}`]);
}
if (!quoteSets) rows.push(['quotes', 'skipped', '', `${QUOTES} absent`]);
const bbc = scoreBbcQuotes(readFileSync(QUOTES_BBC, 'utf8'), BBC_FILE, (id, text) => extract({ name: id, uri: null, kind: 'text', content: text }, pipeline));
if (bbc) {
  rows.push(['quotes bbc', 'found', pct(bbc.found, bbc.gold), `${bbc.found}/${bbc.gold} direct quotations of real news found, ${bbc.articles} BBC articles (errors never printed)`]);
  rows.push(['quotes bbc', 'speaker', pct(bbc.speakerOk, bbc.gold), `${bbc.speakerOk}/${bbc.gold} of all gold; of found ${pct(bbc.speakerOk, bbc.found)}`]);
} else rows.push(['quotes bbc', 'skipped', '', `${BBC_FILE} absent`]);
if (!QUOTES_ONLY) {
  const news = scoreNewsEvents(readFileSync(EVENTS_NEWS, 'utf8'), REUTERS_DIR, (id, text, published) => extract({ name: id, uri: null, kind: 'raw', content: text, published }, pipeline));
  if (news) {
    const newsRows = (set: string, x: NewsEventHalf, held: boolean): void => {
      const name = `news events ${set}`;
      rows.push([name, 'recall: type / type+actors', `${pct(x.typeFound, x.required)} / ${pct(x.found, x.required)}`, `${x.typeFound}, ${x.found} of ${x.required} gold events with the actor in their sentence, ${x.stories} Reuters stories${held ? ' (errors never printed)' : ' (errors shown by --errors)'}`]);
      rows.push([name, 'precision', pct(x.codedRight, x.coded), `${x.codedRight}/${x.coded} coded events matching a gold one (type, sentence, actors); not hypothetical: ${pct(x.codedFirmRight, x.codedFirm)} ${x.codedFirmRight}/${x.codedFirm}`]);
      rows.push([name, 'recipient', pct(x.recipientOk, x.recipientGold), `${x.recipientOk}/${x.recipientGold} found events whose gold names a recipient; actor only outside the sentence: ${x.implicitFound}/${x.implicit} coded`]);
      if (!held && SHOW_ERRORS) for (const e of x.errors) console.log(`news ${e}`);
    };
    for (const h of NEWS_HALVES) newsRows(h, news[h], isHeldHalf(h));
    newsRows('held, all', sumHalves(NEWS_HALVES.filter(isHeldHalf).map((h) => news[h])), true);
  } else rows.push(['news events', 'skipped', '', `${REUTERS_DIR} absent`]);
}
if (sp) rows.push(['speed', 'articles/s', sp.perSecond.toFixed(1), `~${sp.words} words each, ${USE_PARSER ? 'with' : 'without'} parser`]);
const w = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
console.log(rows.map((r) => r.map((c, i) => c.padEnd(w[i]!)).join('  ')).join('\n'));
