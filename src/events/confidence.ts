/**
 * An event's confidence: the probability that it is a real event with the right actor, from a
 * logistic model over what the coder knows of it and of its page, and over the words of its
 * trigger and sentence (confidence-words.ts). The model (models/event-confidence.json) is
 * trained by training/train-event-confidence.ts on events read and judged by hand
 * (bench/data/event-validity.jsonl and event-validity-2.jsonl to -4.jsonl).
 *
 * The coder's own score (attach.ts: trigger part of speech, parse, exact match, hedging) knows
 * the sentence only. What it cannot see decides more often: whether the actor is a state, a
 * party or a product, and whether the page is about public life at all. A reader filtering by
 * confidence wants a number that says how often such events are right; this is it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Doc } from '../core/doc.js';
import type { Entity, EventRecord } from '../core/record.js';
import { MODALITIES, PLOVER_TYPES } from '../core/record.js';
import { eventWords } from './confidence-words.js';
import { PAGE_TOPICS, pageTopic, TOPIC_TRUSTED_WORDS } from './page-topic.js';
import { CIVIC_SECTORS, isIgo, isState } from './view.js';

/**
 * Events the model gives less than this are not reported (codeDoc). Cross-validated on the
 * 2,300 judged events, 235 of the 246 it scored under 0.1 were junk, and 11 of 1,061 real
 * events were lost with them; 0.15 would have lost about 30. Training reads the coder with no
 * model, so it sees every event.
 */
export const CONFIDENCE_FLOOR = 0.1;

export const EVENT_CONFIDENCE_MODEL_PATH = fileURLToPath(new URL('../../models/event-confidence.json', import.meta.url));

/** What the page says about every event on it. */
export interface PageSignals {
  /** A sports report (senses.ts): its strikes and attacks are play. */
  sports: boolean;
  /** Share of the page's actor entities that are states or their bodies (view.ts isState). */
  stateShare: number;
  /** Different countries the page's entities belong to. */
  countries: number;
  /** Events coded per sentence. */
  eventsPerSentence: number;
  /** Probability of each page topic (page-topic.ts), PAGE_TOPICS order, scaled down on a short page; all zero without the model. */
  topics: readonly number[];
  /** The spans of direct quotations: words in a quotation are often figures of speech. */
  directQuotes: readonly { start: number; end: number }[];
}

const MARKET_SECTORS: ReadonlySet<string> = new Set(['BUS', 'MED']);

/** The feature names, in the order of the model's weights. */
export const FEATURE_NAMES: readonly string[] = [
  'bias',
  'coder-score-log',
  ...PLOVER_TYPES.map((t) => `type:${t}`),
  ...MODALITIES.map((m) => `modality:${m}`),
  'has-mode',
  'actor:person',
  'actor:org',
  'actor:gpe',
  'actor:group',
  'actor:misc-only',
  'actor:state',
  'actor:political',
  'actor:market',
  'actor:no-country',
  'actor:several',
  'actor:role',
  'recipient',
  'recipient:state',
  'source',
  'location',
  'headline',
  'in-direct-quote',
  'page:sports',
  'page:state-share',
  'page:countries-log',
  'page:events-per-sentence',
  // Politics is the baseline the other topics are measured against.
  'page:business',
  'page:entertainment',
  'page:sport',
  'page:tech',
];

const INDEX = new Map(FEATURE_NAMES.map((n, i) => [n, i]));

function set(x: Float64Array, name: string, value = 1): void {
  const i = INDEX.get(name);
  if (i === undefined) throw new Error(`event confidence: unknown feature ${name}`);
  x[i] = value;
}

/**
 * The page's topic probabilities, scaled down on a short page (TOPIC_TRUSTED_WORDS): seven
 * words of a football result before a sentence about rebels made the page 66% sport. Zero for
 * every topic reads as politics, the baseline.
 */
function topicsOf(doc: { readonly text: string }): number[] {
  const reading = pageTopic(doc);
  if (!reading) return PAGE_TOPICS.map(() => 0);
  const trust = Math.min(1, reading.words / TOPIC_TRUSTED_WORDS);
  return reading.probabilities.map((p) => p * trust);
}

export function pageSignals(doc: Pick<Doc, 'text' | 'sentences' | 'entities' | 'quotes'>, events: readonly EventRecord[], sports: boolean): PageSignals {
  const { entities } = doc;
  const sentences = doc.sentences.length;

  let actors = 0;
  let states = 0;
  const countries = new Set<string>();
  for (const e of entities) {
    if (e.country) countries.add(e.country);
    if (e.type === 'LOC' || e.type === 'FAC') continue;
    actors++;
    if (isState(e) || isIgo(e)) states++;
  }
  return {
    sports,
    stateShare: actors === 0 ? 0 : states / actors,
    countries: countries.size,
    eventsPerSentence: sentences === 0 ? 0 : events.length / sentences,
    directQuotes: doc.quotes.filter((q) => q.direct).map((q) => ({ start: q.start, end: q.end })),
    topics: topicsOf(doc),
  };
}

/** The feature vector of one event, its confidence still the coder's own score. */
export function eventFeatures(ev: EventRecord, byId: ReadonlyMap<string, Entity>, page: PageSignals): Float64Array {
  const x = new Float64Array(FEATURE_NAMES.length);
  set(x, 'bias');
  set(x, 'coder-score-log', Math.log(Math.max(ev.confidence, 0.01)));
  set(x, `type:${ev.type}`);
  set(x, `modality:${ev.modality}`);
  if (ev.mode !== null) set(x, 'has-mode');
  const actors = ev.actor.map((id) => byId.get(id)).filter((e): e is Entity => e !== undefined);
  if (actors.some((e) => e.type === 'PERSON')) set(x, 'actor:person');
  if (actors.some((e) => e.type === 'ORG')) set(x, 'actor:org');
  if (actors.some((e) => e.type === 'GPE')) set(x, 'actor:gpe');
  if (actors.some((e) => e.type === 'NORP')) set(x, 'actor:group');
  if (actors.length > 0 && actors.every((e) => e.type === 'MISC')) set(x, 'actor:misc-only');
  if (actors.some((e) => isState(e) || isIgo(e))) set(x, 'actor:state');
  if (actors.some((e) => e.sector !== null && CIVIC_SECTORS.has(e.sector))) set(x, 'actor:political');
  if (actors.some((e) => e.sector !== null && MARKET_SECTORS.has(e.sector))) set(x, 'actor:market');
  if (actors.every((e) => e.country === null && !isIgo(e))) set(x, 'actor:no-country');
  if (actors.length > 1) set(x, 'actor:several');
  if (actors.some((e) => e.role !== null)) set(x, 'actor:role');
  const recipients = ev.recipient.map((id) => byId.get(id)).filter((e): e is Entity => e !== undefined);
  if (recipients.length > 0) set(x, 'recipient');
  if (recipients.some((e) => isState(e) || isIgo(e))) set(x, 'recipient:state');
  if (ev.source !== null) set(x, 'source');
  if (ev.location !== null) set(x, 'location');
  if (ev.evidence.sentence === 0) set(x, 'headline');
  if (page.directQuotes.some((q) => q.start <= ev.trigger.start && ev.trigger.end <= q.end)) set(x, 'in-direct-quote');
  if (page.sports) set(x, 'page:sports');
  set(x, 'page:state-share', page.stateShare);
  set(x, 'page:countries-log', Math.log1p(page.countries));
  set(x, 'page:events-per-sentence', Math.min(page.eventsPerSentence, 3));
  PAGE_TOPICS.forEach((t, i) => {
    if (t !== 'politics') set(x, `page:${t}`, page.topics[i] ?? 0);
  });
  return x;
}

export interface ConfidenceModel {
  /** One weight per FEATURE_NAMES entry, by name. */
  weights: Record<string, number>;
  /** Weights of word features (confidence-words.ts); a word the model lacks weighs nothing. */
  words?: Record<string, number>;
  /** How the weights were made and what they scored (written by the training script). */
  about?: unknown;
}

/** A logistic model over named features; a name the code no longer has is an error. */
export class EventScorer {
  private readonly w: Float64Array;
  private readonly words: ReadonlyMap<string, number>;

  constructor(model: ConfidenceModel) {
    this.words = new Map(Object.entries(model.words ?? {}));
    this.w = new Float64Array(FEATURE_NAMES.length);
    for (const [name, weight] of Object.entries(model.weights)) {
      const i = INDEX.get(name);
      if (i === undefined) throw new Error(`event confidence model: unknown feature "${name}" (retrain with training/train-event-confidence.ts)`);
      this.w[i] = weight;
    }
  }

  /** Words are required: a caller that forgets them gets the features-only half of the model. */
  probability(x: Float64Array, words: readonly string[]): number {
    let z = 0;
    for (let i = 0; i < x.length; i++) z += x[i]! * this.w[i]!;
    for (const word of words) z += this.words.get(word) ?? 0;
    return 1 / (1 + Math.exp(-z));
  }
}

let loaded: EventScorer | null | undefined;

/** The shipped model, or null when its file is absent (the coder's own score then stands). */
export function eventScorer(): EventScorer | null {
  if (loaded === undefined) {
    loaded = existsSync(EVENT_CONFIDENCE_MODEL_PATH)
      ? new EventScorer(JSON.parse(readFileSync(EVENT_CONFIDENCE_MODEL_PATH, 'utf8')) as ConfidenceModel)
      : null;
  }
  return loaded;
}

/** Replace each event's coder score with the model's probability, to two decimals. */
export function rescore(
  events: EventRecord[], byId: ReadonlyMap<string, Entity>, page: PageSignals, scorer: EventScorer, doc: Pick<Doc, 'text' | 'sentences' | 'tokens'>,
): void {
  // Features first, for all: each reads the coder's score, which the loop below replaces.
  const xs = events.map((ev) => eventFeatures(ev, byId, page));
  const words = events.map((ev) => eventWords(ev, doc));
  events.forEach((ev, i) => (ev.confidence = Math.round(scorer.probability(xs[i]!, words[i]!) * 100) / 100));
}
