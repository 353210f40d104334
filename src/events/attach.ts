/**
 * Completing a draft into an event record: where (a place the clause governs,
 * else the dateline), when (the governing time expression), how the article
 * holds it (modality), who says so (source) and how sure the coder is.
 */
import type { EventRecord, Quote } from '../core/record.js';
import type { ArgFinder } from './args.js';
import type { Draft } from './code.js';
import { daysBefore, eventDate } from '../core/event-date.js';
import { innerNegation, modalityOf } from './modality.js';
import { conjunctEntity, npStartingAt } from './np.js';
import type { DocView } from './view.js';
import { isPlaceEntity } from './view.js';
import { directedPlace, placeRecipient } from './place-recipient.js';

const LOC_PREPS = new Set(['in', 'at', 'near', 'outside', 'inside', 'across', 'into', 'throughout', 'around', 'within', 'reach', 'arrive', 'visit', 'enter', 'land', 'including']);
const PAST: ReadonlySet<string> = new Set(['VBD', 'VBN']);
const BASE: Record<string, number> = { phrase: 0.85, nphrase: 0.8, verb: 0.75, noun: 0.65 };

export interface AttachContext {
  v: DocView;
  args: ArgFinder;
  sentIndex: number;
  sent: readonly [number, number];
  published: string | null;
  dateline: string | null;
  quoteAt: (offset: number) => Quote | null;
}

/** Prepositions of place that may head the list an "including" names members of. */
const IN_PLACES = new Set(['in', 'at', 'near', 'across', 'throughout', 'around', 'within', 'into', 'outside', 'inside']);

/** Nouns of places smaller than a state: what an "including" after them lists is where. */
const SETTLEMENTS = new Set(['village', 'town', 'city', 'area', 'region', 'province', 'district', 'settlement', 'territory', 'zone', 'neighbourhood', 'neighborhood', 'suburb', 'hamlet', 'county', 'municipality', 'locality']);

/**
 * "including" at `k` lists places only when what it lists members of is itself a place: "attacked
 * several towns in the north, including Idlib", "liberated villages including Aghdam". Members of
 * an object ("asked four countries, including the United States") are the ones acted on, not
 * where the act was.
 */
function placesListed(v: DocView, k: number, from: number): boolean {
  for (let j = k - 1; j >= from && j >= k - 6; j--) {
    const t = v.info[j]!;
    if (t.lemmas.some((l) => SETTLEMENTS.has(l))) return true;
    // "at least four countries" is a count, not a place.
    if (IN_PLACES.has(t.lower) && !(t.lower === 'at' && /^(?:least|most)$/.test(v.info[j + 1]?.lower ?? ''))) return true;
    if (t.xpos.startsWith('VB')) return false;
  }
  return false;
}

/** A place the clause governs: after a locative word, the first one after the trigger first. */
function placeIn(ctx: AttachContext, from: number, to: number, trigger: number): string | null {
  const { v } = ctx;
  let before: string | null = null;
  for (let k = from; k < to; k++) {
    const t = v.info[k]!;
    if (!LOC_PREPS.has(t.lower) && !t.lemmas.some((l) => LOC_PREPS.has(l))) continue;
    if (t.lower === 'including' && !placesListed(v, k, from)) continue;
    let j = k + 1;
    if (v.info[j]?.lower === 'the') j++;
    const np = npStartingAt(v, j, to);
    if (!np) continue;
    const named = conjunctEntity(v, np, isPlaceEntity);
    if (!named) continue;
    const e = named.entity;
    // A nationality word is not a place: "in Iranian waters" names no location by itself.
    if (e.type === 'NORP') continue;
    if (k > trigger) return e.id;
    before ??= e.id;
  }
  return before;
}

/** Auxiliaries that make a participle tell of the past: "has ordered imposed", "was arrested". */
const PAST_AUX = new Set(['has', 'have', 'had', 'was', 'were']);

/** A verb in the past tense, or a participle after a past or perfect auxiliary (within three words). */
function toldAsPast(v: DocView, head: number): boolean {
  const x = v.info[head]!.xpos;
  if (x === 'VBD') return true;
  if (x !== 'VBN') return false;
  for (let k = head - 1; k >= 0 && k >= head - 3; k--) {
    const w = v.info[k]!.lower;
    if (PAST_AUX.has(w)) return true;
    if (w === 'will' || w === 'would' || w === 'to' || w === 'be') return false;
  }
  return false;
}

export function complete(ctx: AttachContext, d: Draft): EventRecord {
  const { v, args } = ctx;
  const t = d.trigger;
  const doc = v.doc;
  const startOff = v.toks[t.first]!.start;
  const endOff = v.toks[t.last]!.end;
  const [ca, cb] = args.clause(t.head);
  const from = Math.min(ca, d.subjectFirst ?? ca);
  const sentSpan = doc.sentences[ctx.sentIndex]!;
  let location = d.objectPlaces[0] ?? placeIn(ctx, from, cb, t.head);
  // Only a place after the trigger is where the act is directed: "police in Cairo arrested" or
  // "groups in the United States to help" name where the actor is.
  const ahead = d.objectPlaces[0] !== undefined ? v.byId.get(d.objectPlaces[0]) : args.parsed ? directedPlace(v, d, ctx.sent) ?? undefined : undefined;
  const named = placeRecipient(d, ahead, v.byId);
  if (!location && d.entry.context.includes('territory')) location = placeIn(ctx, t.head, cb, t.head);
  location ??= ctx.dateline;
  const clauseSpan = { start: v.toks[ca]!.start, end: v.toks[Math.max(ca, cb - 1)]!.end };
  const quoteOfTrigger = ctx.quoteAt(startOff);
  const sameVoice = (x: { start: number }): boolean => ctx.quoteAt(x.start) === quoteOfTrigger;
  const triggerSpan = { start: startOff, end: endOff };
  const pastAct = !t.isNoun && toldAsPast(v, t.head);
  let date = eventDate(doc.times, clauseSpan, sentSpan, ctx.published, triggerSpan, sameVoice, pastAct);
  // Reported speech ("Police arrested 12 people, officials said on Sunday"): the time of
  // saying is not the event's, but it bounds it and is nearer than the publication date,
  // so it stands in as an inferred date. A direct quotation keeps the publication date:
  // its words may describe any time. A past act takes no later time from it.
  if (date?.inferred && quoteOfTrigger && !quoteOfTrigger.direct) {
    const said = eventDate(doc.times, sentSpan, sentSpan, ctx.published, triggerSpan, undefined, pastAct);
    if (said && !said.inferred) date = { ...said, inferred: true };
  }
  let mod = modalityOf(v, args, ctx.sent, t.head, t.first, t.isNoun, d.subjectFirst);
  // A negation inside a verb phrase trigger negates it: "is not willing to", "did not hold talks".
  if (!t.isNoun && mod.modality !== 'negated' && innerNegation(v, t.first, t.last)) mod = { modality: 'negated', hedge: 0.9 };
  let modality = mod.modality;
  if (modality === 'asserted' && date && !date.inferred) {
    const days = daysBefore(date.value, ctx.published);
    if (days !== null && days > 365) modality = 'historical';
    // A date after publication makes an event future only if its verb is not in the past tense
    // (a past-tense verb means the date was resolved forward by mistake).
    else if (days !== null && days < 0 && date.grain !== 'year' && !PAST.has(v.info[t.head]!.xpos)) modality = 'future';
  }
  const quote = quoteOfTrigger;
  let source = quote?.speaker ?? null;
  source ??= accordingTo(ctx);
  if (source !== null && d.actor.length === 1 && d.actor[0] === source && quote === null) source = null;
  const base = BASE[d.entry.pos] ?? 0.7;
  const confidence = base * (args.parsed ? 1 : 0.9) * (d.exact ? 1 : 0.85) * mod.hedge * (d.entry.pattern === 'warn' ? 0.8 : 1);
  return {
    id: '',
    type: d.type,
    mode: d.mode,
    context: d.context,
    actor: d.actor,
    recipient: named === null ? d.recipient : [named],
    location,
    date,
    modality,
    source,
    size: null,
    trigger: { start: startOff, end: endOff, text: doc.text.slice(startOff, endOff) },
    evidence: { sentence: ctx.sentIndex, start: sentSpan.start, end: sentSpan.end },
    confidence: Math.round(confidence * 100) / 100,
    cameo: d.cameo,
  };
}

/** "according to X" anywhere in the sentence names the event's source. */
function accordingTo(ctx: AttachContext): string | null {
  const { v, sent } = ctx;
  for (let k = sent[0]; k + 2 < sent[1]; k++) {
    if (v.info[k]!.lower !== 'according' || v.info[k + 1]!.lower !== 'to') continue;
    const np = npStartingAt(v, k + 2, sent[1]);
    if (!np) return null;
    const named = conjunctEntity(v, np);
    return named ? named.entity.id : null;
  }
  return null;
}
