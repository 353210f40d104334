/**
 * The PLOVER coder over a whole Doc: per sentence, triggers → drafts → events;
 * then counts attached, duplicates merged, ids given in text order, and the
 * article's internal contradictions listed. Linear in the number of tokens.
 */
import type { Doc } from '../core/doc.js';
import type { Conflict, EventRecord, Quote } from '../core/record.js';
import { firstSpanStartingAt } from '../core/span.js';
import { firstContaining } from '../core/span-order.js';
import { argFinder } from './args.js';
import { Resolver } from './args-resolve.js';
import { complete } from './attach.js';
import type { EventScorer, PageSignals } from './confidence.js';
import { CONFIDENCE_FLOOR, eventScorer, pageSignals, rescore } from './confidence.js';
import type { Draft } from './code.js';
import { SentenceCoder } from './code.js';
import type { SeizeWitness } from './conflicts.js';
import { findConflicts } from './conflicts.js';
import type { Lexicon } from './lexicon.js';
import { lexicon } from './lexicon.js';
import { isSportsReport } from './senses.js';
import { findSizes } from './size.js';
import type { Trigger } from './triggers.js';
import { findTriggers } from './triggers.js';
import { buildView, parseSentence } from './view.js';
import { fillWarRecipients } from './war-sides.js';

export interface Coded {
  events: EventRecord[];
  conflicts: Conflict[];
  /** What the page says about all its events (confidence.ts reads it). */
  page: PageSignals;
}

/**
 * What became of each trigger, for diagnosis (bench/events-eval.ts): an event, folded
 * into a twin, suppressed by another trigger (an infinitive complement, an obligation),
 * a noun inside another trigger's argument, an orphan without an actor entity, or an event
 * the confidence model put under CONFIDENCE_FLOOR.
 */
export type TriggerOutcome = 'event' | 'merged' | 'suppressed' | 'in-argument' | 'modifier' | 'no-actor' | 'unlikely';
export interface TraceItem {
  sentence: number;
  trigger: Trigger;
  outcome: TriggerOutcome;
  /** The draft, when one was made (not for 'in-argument' or 'modifier'). */
  draft: Draft | null;
}
export type Trace = (item: TraceItem) => void;

function quoteFinder(quotes: readonly Quote[]): (offset: number) => Quote | null {
  return (offset) => firstContaining(quotes, offset);
}

function hasMust(v: ReturnType<typeof buildView>, first: number, end: number): boolean {
  for (let i = first; i < end; i++) if (v.info[i]!.lower === 'must') return true;
  return false;
}

function inside(spans: readonly { first: number; last: number }[], a: number, b: number): boolean {
  return spans.some((s) => s.first <= a && b <= s.last);
}

function sameActors(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/**
 * Code a document's events. `scorer` turns the coder's own scores into the confidence model's
 * probabilities; null leaves the coder's scores (the confidence model is trained on them).
 */
export function codeDoc(doc: Doc, lex: Lexicon = lexicon(), traceTo?: Trace, scorer: EventScorer | null = eventScorer()): Coded {
  // Trace items wait until the confidence model has said which events are reported.
  const traced: TraceItem[] = [];
  const trace: Trace | undefined = traceTo ? (item) => traced.push(item) : undefined;
  const tracedAs = new Map<EventRecord, TraceItem>();
  const v = buildView(doc);
  const quoteAt = quoteFinder(doc.quotes);
  const resolver = new Resolver(v, (i) => {
    const q = quoteAt(v.toks[i]!.start);
    return q?.direct ? q.speaker : null;
  });
  const timeTokens = new Uint8Array(v.toks.length);
  // Times are few and sorted tokens are many: walk one pointer instead of a product.
  for (const t of doc.times) {
    for (let i = firstSpanStartingAt(v.toks, t.start); i < v.toks.length && v.toks[i]!.end <= t.end; i++) timeTokens[i] = 1;
  }
  const events: EventRecord[] = [];
  const witnesses: SeizeWitness[] = [];
  const explicitPlace = new Set<EventRecord>();
  const published = doc.meta.published?.value ?? null;
  const dateline = doc.meta.dateline?.place ?? null;
  v.sentTokens.forEach((sent, si) => {
    const [first, end] = sent;
    if (end <= first) return;
    let triggers = findTriggers(v, lex, first, end);
    if (triggers.length === 0 && !hasMust(v, first, end)) return;
    // Only now is the sentence parsed (when a parser runs on demand). Its tags read without
    // the parse find every trigger they find with it (a parse only turns nouns back into
    // adjectives), so a sentence skipped above would have been skipped parsed too.
    if (parseSentence(v, first, end)) {
      triggers = findTriggers(v, lex, first, end);
      if (triggers.length === 0 && !hasMust(v, first, end)) return;
    }
    const args = argFinder(v, first, end);
    const coder = new SentenceCoder(v, lex, args, resolver, sent, triggers.filter((t) => t.isNoun), (i) => timeTokens[i] === 1);
    const drafts: Draft[] = [];
    for (const t of triggers) if (!t.isNoun && !coder.yieldsToNoun(t)) drafts.push(coder.draft(t));
    // Nouns are checked against the verbs' arguments only, as before any noun is drafted.
    const verbDrafts = [...drafts];
    for (const t of triggers) {
      if (!t.isNoun) continue;
      // "Iraq's war spokesman", "war crimes": a noun that only qualifies another names no event.
      if (coder.qualifiesNoun(t, triggers)) {
        trace?.({ sentence: si, trigger: t, outcome: 'modifier', draft: null });
        continue;
      }
      const hostDraft = verbDrafts.find((d) => inside(d.argSpans, t.first, t.last));
      // "Russia's refusal to withdraw": a noun governing the infinitive whose subject it is, is coded.
      if (!hostDraft || coder.governsInfinitive(t, hostDraft)) {
        drafts.push(coder.draft(t));
        continue;
      }
      // The act an accusation is about is an act of its own when the accusation's argument names
      // who did it ("condemned Israel's raid", "blamed the bombing on ETA"); elsewhere an argument
      // noun is often only proposed or refused ("threatened to veto the EU's aid package").
      // The accuser is never the one it accuses. So is an attack fought off ("crushed an Iranian
      // attack", "repelled their offensive"): it was made, by the other side.
      const repelled = hostDraft.type === 'ASSAULT' && t.entries.some((en) => en.type === 'ASSAULT');
      const own = hostDraft.type === 'ACCUSE' || repelled ? coder.draft(t) : null;
      if (own && own.actor.length > 0 && !own.actor.some((id) => hostDraft.actor.includes(id))) drafts.push(own);
      else trace?.({ sentence: si, trigger: t, outcome: 'in-argument', draft: null });
    }
    drafts.push(...coder.obligations(drafts));
    drafts.sort((a, b) => a.trigger.first - b.trigger.first);
    coder.linkComplements(drafts);
    const ctx = { v, args, sentIndex: si, sent, published, dateline, quoteAt };
    const coded: EventRecord[] = [];
    for (const d of drafts) {
      if (d.suppressed) {
        trace?.({ sentence: si, trigger: d.trigger, outcome: 'suppressed', draft: d });
        continue;
      }
      const ev = complete(ctx, d);
      if (d.actor.length === 0) {
        trace?.({ sentence: si, trigger: d.trigger, outcome: 'no-actor', draft: d });
        if (ev.type === 'COERCE' && ev.mode === 'seize' && d.recipient.length > 0 && d.objectPlaces.length > 0) {
          witnesses.push({ location: d.objectPlaces[0]!, from: d.recipient });
        }
        continue;
      }
      const twin = coded.find((o) => o.type === ev.type && sameActors(o.actor, ev.actor) && o.modality === ev.modality);
      if (twin) {
        for (const r of ev.recipient) if (!twin.recipient.includes(r)) twin.recipient.push(r);
        twin.location ??= ev.location;
        trace?.({ sentence: si, trigger: d.trigger, outcome: 'merged', draft: d });
        continue;
      }
      if (traceTo) {
        const item: TraceItem = { sentence: si, trigger: d.trigger, outcome: 'event', draft: d };
        trace?.(item);
        tracedAs.set(ev, item);
      }
      if (d.objectPlaces.length > 0 || (ev.location !== null && ev.location !== dateline)) explicitPlace.add(ev);
      coded.push(ev);
    }
    attachSizes(v, first, end, (i) => timeTokens[i] === 1, coded);
    events.push(...coded);
  });
  fillWarRecipients(events, v.byId);
  events.sort((a, b) => a.trigger.start - b.trigger.start);
  const page = pageSignals(doc, events, isSportsReport(v, lex.classes.get('@sport-term')));
  let reported = events;
  if (scorer) {
    rescore(events, v.byId, page, scorer, doc);
    reported = events.filter((e) => e.confidence >= CONFIDENCE_FLOOR);
    for (const e of events) {
      const item = tracedAs.get(e);
      if (item && e.confidence < CONFIDENCE_FLOOR) item.outcome = 'unlikely';
    }
  }
  if (traceTo) for (const item of traced) traceTo(item);
  reported.forEach((e, i) => (e.id = `V${i + 1}`));
  const explicitIds = new Set(reported.filter((e) => explicitPlace.has(e)).map((e) => e.id));
  return { events: reported, conflicts: findConflicts(reported, v.byId, witnesses, explicitIds), page };
}

function attachSizes(
  v: ReturnType<typeof buildView>,
  first: number,
  end: number,
  isTime: (i: number) => boolean,
  coded: EventRecord[],
): void {
  const hits = findSizes(v, first, end, isTime);
  for (const h of hits) {
    const wanted = h.field === 'arrested' ? 'COERCE' : 'ASSAULT';
    const cueOff = v.toks[h.cue]!.start;
    let target = coded.find((e) => e.trigger.start <= cueOff && cueOff < e.trigger.end && e.type === wanted) ?? null;
    if (!target) {
      let bestDist = Infinity;
      for (const e of coded) {
        if (e.type !== wanted || (wanted === 'COERCE' && e.mode !== 'arrest')) continue;
        const dist = Math.abs(e.trigger.start - cueOff);
        if (dist < bestDist) {
          bestDist = dist;
          target = e;
        }
      }
    }
    if (!target) continue;
    target.size ??= { dead: null, injured: null, arrested: null };
    target.size[h.field] ??= h.range;
  }
}
