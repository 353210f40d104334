/**
 * The entities of hyphenated qualifiers (compound-qualifiers.ts reads the words): the
 * named part of "US-led", "Iran-backed", "NATO-led" is a mention of its country,
 * organisation or people, and a body a state leads ("the Saudi-led coalition") is that
 * state's military — SAUMIL, as CAMEO codes a coalition by its leader; led by an
 * organisation ("NATO-led troops") it is a mention of the organisation, as "Hamas
 * militants" are Hamas. What a backer backs is read with the other groups
 * (group-nominal-entities.ts): a proxy of its own, whose country the backer is not.
 */
import type { NerSpan } from '../core/doc.js';
import type { Span } from '../core/span.js';
import { countries, organisations, readActor } from '../knowledge/index.js';
import { Cluster } from './cluster.js';
import { HYPHEN, LED_BODIES, readCompound } from './compound-qualifiers.js';
import type { CompoundQualifier } from './compound-qualifiers.js';
import type { LinkContext } from './link-context.js';
import { countryCluster, linkMisc, linkOrganisation, linkPlace } from './named-mentions.js';
import { linkPerson } from './people.js';

/** A hyphen (or Unicode hyphen, en dash) inside the span, not at either end. */
function hasInnerHyphen(text: string, span: Span): boolean {
  return HYPHEN.test(text.slice(span.start + 1, span.end - 1));
}

/**
 * A NER span opening with a hyphenated qualifier ("US-led", "Saudi-led Coalition"): its
 * named part is linked here, and the rest, if any, is returned to be read as tagged —
 * except a bare body word, which the compound's own reading (linkCompounds) covers.
 */
export function afterCompound(ctx: LinkContext, span: NerSpan): NerSpan | null {
  const { text } = ctx.input;
  const space = text.slice(span.start, span.end).search(/\s/);
  const firstEnd = space < 0 ? span.end : span.start + space;
  const q = readCompound(text, { start: span.start, end: firstEnd });
  if (!q) return span;
  compoundPart(ctx, q, span.label);
  const rest = /\S/.exec(text.slice(firstEnd, span.end));
  if (!rest) return null;
  const start = firstEnd + rest.index;
  if (LED_BODIES.has(text.slice(start, span.end).toLowerCase())) return null;
  return { start, end: span.end, label: span.label };
}

/**
 * Links the named part of a compound ("US", "NATO", "Kurdish") to its country,
 * organisation or people, else, when NER labelled the compound, reads it as that label
 * ("Trump-backed" PER); the entity, or null.
 */
function compoundPart(ctx: LinkContext, q: CompoundQualifier, label: NerSpan['label'] | null = null): Cluster | null {
  const { text } = ctx.input;
  if (q.relation === 'backer') ctx.addBackerPart(q.part);
  const found = ctx.entityWith(q.part, (m) => m.start === q.part.start && m.end === q.part.end);
  if (found) return found;
  const surface = text.slice(q.part.start, q.part.end);
  const country = countries().byName(surface) ?? countries().byDemonym(surface);
  if (country) {
    const c = countryCluster(ctx, country.a3);
    c?.add(text, q.part, 'name');
    return c;
  }
  if (organisations().lookup(surface)[0]) linkOrganisation(ctx, q.part);
  else if (countries().group(surface)) linkMisc(ctx, q.part);
  else if (label === 'PER') linkPerson(ctx, q.part);
  else if (label === 'LOC') linkPlace(ctx, q.part);
  else if (label === 'ORG') linkOrganisation(ctx, q.part);
  else return null;
  return ctx.entityWith(q.part, (m) => m.start === q.part.start && m.end === q.part.end) ?? null;
}

/**
 * Hyphenated qualifiers in the tagged text: each named part is linked (NER may have
 * missed "Iran-backed"), and a body led by a state or organisation becomes, or joins,
 * its entity.
 */
export function linkCompounds(ctx: LinkContext): void {
  const { text, tokens } = ctx.input;
  if (!tokens) return;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // Only words with an inner hyphen can be compounds: most tokens are dismissed unsliced.
    if (t.end - t.start < 5 || !hasInnerHyphen(text, t)) continue;
    const q = readCompound(text, t);
    if (!q) continue;
    const leader = compoundPart(ctx, q);
    if (q.relation !== 'leader' || !leader) continue;
    const head = bodyAfter(ctx, i);
    if (head < 0) continue;
    const span = { start: t.start, end: tokens[head]!.end };
    const word = text.slice(tokens[head]!.start, tokens[head]!.end).toLowerCase();
    if (leader.type === 'ORG') {
      leader.add(text, span, 'nominal');
      continue;
    }
    if (leader.type !== 'GPE' && leader.type !== 'NORP') continue;
    const country = leader.country;
    if (country === null || leader.code !== country) continue;
    const reading = readActor(`${text.slice(q.part.start, q.part.end)} ${word}`);
    const canonical = reading?.sector === 'MIL' ? (reading.organisation ?? reading.role ?? word) : word;
    const cluster = ctx.keyed(`GRP:${country}:MIL:${canonical}`, () => {
      const k = new Cluster('ORG', text.slice(span.start, span.end));
      k.country = country;
      k.sector = 'MIL';
      k.role = reading?.sector === 'MIL' ? reading.role : null;
      k.linked = true;
      return k;
    });
    cluster.add(text, span, 'nominal');
  }
}

/** The head of a body word phrase right after token `i` ("coalition", "international coalition forces"), or -1. */
function bodyAfter(ctx: LinkContext, i: number): number {
  const { text } = ctx.input;
  const tokens = ctx.input.tokens!;
  let head = -1;
  for (let k = i + 1; k < tokens.length && k <= i + 3; k++) {
    if (!/^(?:JJ|NN|NNS|NNP|NNPS)$/.test(tokens[k]!.xpos ?? '')) break;
    if (/^NN/.test(tokens[k]!.xpos ?? '')) head = k;
  }
  if (head < 0) return -1;
  return LED_BODIES.has(text.slice(tokens[head]!.start, tokens[head]!.end).toLowerCase()) ? head : -1;
}
