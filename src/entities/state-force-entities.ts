/**
 * Whose a state force named without its state is ("police arrested …", "the army shelled
 * …"; state-forces.ts finds the phrases). First found: a place right after it ("police in
 * Nairobi"); the latest force of the same sector before it whose owner is stated ("Russian
 * troops … the troops", and "UN troops … the troops" are nobody's state); the one country
 * of the places the sentence puts it in ("in Nairobi"); the dateline; the one country the
 * article has named so far (article-places.ts). Places, the dateline and the article
 * speak only for a subject, a force that acts; an object or other mention takes a country
 * only from an earlier force, and an object of a verb whose subject is a state ("Germany
 * deployed troops to Lithuania") or a pronoun is left alone. Nothing said, no entity: an
 * unattributed state is no actor code.
 */
import { bisect } from '../core/bisect.js';
import { STATE_SECTORS } from '../core/record.js';
import type { Span } from '../core/span.js';
import { countries, readActor } from '../knowledge/index.js';
import { ArticlePlaces } from './article-places.js';
import type { LocatedPlace } from './article-places.js';
import { Cluster } from './cluster.js';
import type { LinkContext } from './link-context.js';
import { findForcePhrases } from './state-forces.js';

/** Sectors of state forces and bodies (state-forces.ts); STATE_SECTORS are those of all state actors. */
const FORCE_SECTORS: ReadonlySet<string> = new Set(['MIL', 'COP', 'GOV']);

export function linkStateForces(ctx: LinkContext): void {
  const { text, tokens } = ctx.input;
  if (!tokens || tokens.length === 0 || !tokens.some((t) => t.xpos !== undefined)) return;
  const ranges = ctx.sentenceTokens(tokens);
  const phrases = findForcePhrases(text, tokens, ranges, ctx.input.parses ?? null);
  if (phrases.length === 0) return;
  // Forces the qualifier rule already gave a country ("the Armenian army", "Kenyan police").
  const anchors = new Anchors();
  for (const c of ctx.clusters) {
    if (c.type !== 'ORG' || c.country === null || !FORCE_SECTORS.has(c.sector ?? '')) continue;
    for (const m of c.mentions) anchors.add(m.start, c.sector!, c.country);
  }
  const article = new ArticlePlaces(ctx);
  let sentence = -1;
  let places: LocatedPlace[] = [];
  for (const p of phrases) {
    if (p.qualified) {
      anchors.add(p.span.start, p.sector, statedCountry(ctx, p.span));
      continue;
    }
    if (p.excluded || !p.body || ctx.covered(p.span)) continue;
    if (p.argument === 'object' && ownedBySubject(ctx, p.verb, ranges)) continue;
    const si = ctx.sentenceIndexOf(p.span.start);
    if (si !== sentence) {
      sentence = si;
      places = si >= 0 ? article.placesIn(ctx.input.sentences[si]!) : [];
    }
    // Where a force is says whose it is only for its actions ("police in Nairobi fired …"):
    // a force acted upon or spoken of there is as often a foreign one ("dedicated to soldiers in Iraq").
    const acting = p.argument === 'subject';
    const after = acting ? places.find((x) => /^\s+(?:in|from|across|throughout)\s+(?:the\s+)?$/i.test(text.slice(p.span.end, x.start))) : undefined;
    // "police in London and Brussels": two places, nobody's in particular.
    const also = after && places.find((x) => x.country !== after.country && x.start > after.end && /^\s*(?:,|and|or)\s+(?:the\s+)?$/.test(text.slice(after.end, x.start)));
    let country: string | null | undefined = also ? null : after?.country;
    // "Chad's military high command said today troops killed …": a state reporting what forces
    // did, with no other owner named, reports its own.
    if (country === undefined && acting) country = reporterCountry(ctx, p.span) ?? undefined;
    if (country === undefined) {
      const best = anchors.latestBefore(p.sector, p.span.start);
      if (best) country = best.country;
    }
    if (country === undefined && acting) {
      const found = new Set(places.map((x) => x.country));
      // A country named in this sentence or the one before that is not where the sentence
      // happens may own the force ("Israel struck Gaza. Troops shelled … in Gaza").
      const named = article.countriesNamedNear(si);
      if (found.size === 1 && [...named].every((c) => found.has(c))) country = [...found][0]!;
      // "the authorities" after a country named nearby is that country's, for the event coder to find;
      // a dateline the gazetteer cannot place says no country (null), and the article is not asked.
      else if (found.size === 0 && named.size === 0 && ctx.input.dateline) country = article.datelineCountry();
      // The article so far names one country, and only one: "Security forces fired on
      // protesters in Tahrir Square, Egyptian officials said." Two countries say nothing.
      if (country === undefined) country = article.onlyCountrySoFar(si) ?? undefined;
    }
    if (!country) continue;
    const cluster = ctx.keyed(`GRP:${country}:${p.sector}:${p.canonical}`, () => {
      const k = new Cluster('ORG', text.slice(p.span.start, p.span.end));
      k.country = country;
      k.sector = p.sector;
      k.role = readActor(p.canonical)?.role ?? null;
      return k;
    });
    cluster.add(text, p.span, 'nominal');
    anchors.add(p.span.start, p.sector, country);
  }
}

interface Anchor {
  at: number;
  country: string | null;
}

/**
 * Forces whose owner is known, by sector, sorted by offset: the latest one before a
 * phrase is a binary search (a scan of all per phrase made long documents quadratic).
 * Of anchors at the same offset the first added counts, as in a scan in adding order.
 */
class Anchors {
  private readonly bySector = new Map<string, Anchor[]>();

  add(at: number, sector: string, country: string | null): void {
    let list = this.bySector.get(sector);
    if (!list) this.bySector.set(sector, (list = []));
    // After every anchor at or before `at`: equal offsets stay in adding order.
    list.splice(firstAbove(list, at), 0, { at, country });
  }

  latestBefore(sector: string, offset: number): Anchor | null {
    const list = this.bySector.get(sector);
    if (!list) return null;
    const i = firstAbove(list, offset - 1);
    if (i === 0) return null;
    return list[firstAbove(list, list[i - 1]!.at - 1)]!;
  }
}

/** Index of the first anchor after `at` (offsets are integers). */
function firstAbove(list: readonly Anchor[], at: number): number {
  return bisect(list.length, (i) => list[i]!.at > at);
}

/**
 * The country of a state source that reports the clause a force opens ("Chad's military high
 * command said today troops killed …", "A communique said warplanes hit …" after "Iraq said"
 * does not count: the reporter must be named in the sentence); null when the clause is not
 * reported, or its reporter names no state or several.
 */
function reporterCountry(ctx: LinkContext, span: Span): string | null {
  const sentence = ctx.sentenceOf(span.start);
  const before = ctx.input.text.slice(sentence.start, span.start);
  const m = REPORTED.exec(before);
  if (!m) return null;
  const reporterEnd = sentence.start + m.index;
  const found = new Set<string>();
  for (const c of ctx.clusters) {
    if (c.country === null) continue;
    const state = (c.type === 'GPE' && c.code === c.country) || (c.type === 'ORG' && STATE_SECTORS.has(c.sector ?? ''));
    if (state && c.mentions.some((x) => x.start >= sentence.start && x.end <= reporterEnd)) found.add(c.country);
  }
  return found.size === 1 ? [...found][0]! : null;
}

// A reporting verb right before the clause, across "that" and a time word: "… said today troops …".
const REPORTED = /\s(?:said|says|reported|reports|announced|claimed|stated)(?:\s+(?:that|today|yesterday|tonight|on\s+\w+day))*\s+(?:the\s+)?$/i;

/** The one country a force's own qualifiers name ("Kenyan police"), else null (also for "UN troops"). */
function statedCountry(ctx: LinkContext, span: Span): string | null {
  const found = new Set<string>();
  for (const c of ctx.clusters) {
    if (c.country === null || (c.type !== 'GPE' && c.type !== 'NORP')) continue;
    if (c.mentions.some((m) => m.start >= span.start && m.end <= span.end && !ctx.inBackerPart(m))) found.add(c.country);
  }
  for (const w of ctx.input.text.slice(span.start, span.end).split(/\s+/)) {
    const c = countries().byDemonym(w) ?? countries().byName(w);
    if (c) found.add(c.a3);
  }
  return found.size === 1 ? [...found][0]! : null;
}

/**
 * The subject of `verb` is a state or state body, or a pronoun that may stand for one: the
 * verb's object is its. The verb's sentence is parsed already: findForcePhrases ensured
 * it before reading the verb, and a subject lies in its verb's sentence.
 */
function ownedBySubject(ctx: LinkContext, verb: number | null, ranges: readonly (readonly [number, number])[]): boolean {
  const { text } = ctx.input;
  const tokens = ctx.input.tokens!;
  // Without a parse the subject is not known: an object is left alone.
  if (verb === null) return true;
  // A head lies in its dependent's sentence: only the verb's sentence is searched (a
  // whole-article scan per force phrase made long documents quadratic).
  const [first, end] = ranges[ctx.sentenceIndexOf(tokens[verb]!.start)] ?? [0, tokens.length];
  for (let k = first; k < end; k++) {
    const t = tokens[k]!;
    if (t.head !== verb || (t.deprel !== 'nsubj' && t.deprel !== 'nsubj:pass')) continue;
    // "it", "they", "which", "that": whoever it stands for may own the object.
    if (/^(?:PRP|WDT|WP|DT|EX)/.test(t.xpos ?? '')) return true;
    const owner = ctx.entityWith(t, (m) => m.start <= t.start && t.end <= m.end);
    if (owner) return owner.type === 'GPE' || owner.type === 'NORP' || FORCE_SECTORS.has(owner.sector ?? '') || owner.sector === 'DIP';
    const sector = readActor(text.slice(t.start, t.end).toLowerCase())?.sector;
    return sector !== undefined && sector !== null && STATE_SECTORS.has(sector);
  }
  return false;
}
