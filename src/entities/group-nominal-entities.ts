/**
 * The entities of unnamed groups (group-nominals.ts finds the phrases: "demonstrators",
 * "Ibo traditional elders", "a human rights group"): one entity per group an argument of
 * a verb names; later mentions of the same role ("the protesters") and "the group" join
 * it. A country comes only from a national adjective inside the phrase or a country
 * right after it ("rebels in the Ivory Coast"), and only when it names one country;
 * otherwise the entity has its sector and no code (docs/knowledge.md "Code scheme").
 * A phrase whose modifier is an armed group ("Hamas militants") is that group.
 */
import { countries } from '../knowledge/index.js';
import { Cluster } from './cluster.js';
import { bareCollectiveAt, findGroupPhrases } from './group-nominals.js';
import type { GroupPhrase } from './group-nominals.js';
import type { LinkContext } from './link-context.js';

interface Placed { phrase: GroupPhrase; country: string | null; qualifier: string }

/** A group entity made (or joined) here, with what later bare mentions must match to join it. */
interface Made { cluster: Cluster; role: string; sector: string | null; at: number; collective: boolean }

export function linkGroupNominals(ctx: LinkContext): void {
  const { text, tokens } = ctx.input;
  if (!tokens || tokens.length === 0 || !tokens.some((t) => t.xpos !== undefined)) return;
  const phrases = findGroupPhrases(text, tokens, ctx.sentenceTokens(tokens), ctx.input.parses ?? null);
  const placed: Placed[] = [];
  const made: Made[] = [];
  for (const phrase of phrases) {
    const read = qualifierOf(ctx, phrase);
    if (read && 'owner' in read) {
      // "Hamas militants" are Hamas, and so are "the militants" after them.
      read.owner.add(text, phrase.span, 'nominal');
      if (!made.some((m) => m.cluster === read.owner && m.role === phrase.role)) made.push({ cluster: read.owner, role: phrase.role, sector: phrase.sector, at: phrase.span.start, collective: phrase.collective });
    } else if (read) {
      const after = postModifier(ctx, phrase.span.end);
      if (after === 'member') continue;
      if (after && (read.country === null || read.country === after.country)) placed.push({ phrase: { ...phrase, span: { start: phrase.span.start, end: after.end } }, country: after.country, qualifier: read.qualifier });
      else placed.push({ phrase, ...read });
    }
  }
  // Common nouns before the head tell groups of one role apart: "bank workers" are not "oil workers"
  // (a noun of the role itself, "trade" of "trade union", tells nothing more).
  const nounMods = (p: Placed): string => p.phrase.modifiers
    .filter((k) => /^NNS?$/.test(tokens[k]!.xpos ?? '') && !/^\p{Lu}/u.test(text.charAt(tokens[k]!.start)))
    .map((k) => text.slice(tokens[k]!.start, tokens[k]!.end).toLowerCase())
    .filter((w) => !p.phrase.role.split(' ').includes(w))
    .join(' ');
  const keyOf = (p: Placed): string => `NOM:${p.phrase.kind}:${p.country ?? ''}:${p.phrase.sector ?? ''}:${p.phrase.role}:${p.qualifier}:${nounMods(p)}`;
  // Nothing tells this group from another of its role: a later bare mention may join the latest.
  const isBare = (p: Placed): boolean => p.country === null && p.qualifier === '' && nounMods(p) === '';
  // Arguments make entities; every other mention may only join one.
  for (const p of placed) {
    if (!p.phrase.argument) continue;
    const earlier = isBare(p) ? latestGroup(made, p.phrase.role, p.phrase.sector, p.phrase.span.start) : null;
    const cluster = earlier ?? ctx.keyed(keyOf(p), () => {
      const k = new Cluster(p.phrase.kind === 'ethnic' ? 'NORP' : 'ORG', text.slice(p.phrase.span.start, p.phrase.span.end));
      k.country = p.country;
      k.sector = p.phrase.sector;
      k.role = p.phrase.kind === 'ethnic' ? null : p.phrase.role;
      return k;
    });
    if (!made.some((m) => m.cluster === cluster)) made.push({ cluster, role: p.phrase.role, sector: p.phrase.sector, at: p.phrase.span.start, collective: p.phrase.collective });
    cluster.add(text, p.phrase.span, 'nominal');
  }
  if (made.length === 0) return;
  for (const p of placed) {
    if (p.phrase.argument) continue;
    const own = ctx.lookup(keyOf(p));
    const target = own ?? (isBare(p) ? latestGroup(made, p.phrase.role, p.phrase.sector, p.phrase.span.start) ?? made.find((m) => m.role === p.phrase.role && m.sector === p.phrase.sector)?.cluster ?? null : null);
    target?.add(text, p.phrase.span, 'nominal');
  }
  // "the group" refers back to the latest collective group before it.
  for (let i = 1; i < tokens.length; i++) {
    if (!bareCollectiveAt(text, tokens, i)) continue;
    const span = { start: tokens[i]!.start, end: tokens[i]!.end };
    if (ctx.covered(span)) continue;
    let best: { cluster: Cluster; at: number } | null = null;
    for (const m of made) {
      if (!m.collective) continue;
      for (const x of m.cluster.mentions) if (x.end <= span.start && (!best || x.start > best.at)) best = { cluster: m.cluster, at: x.start };
    }
    best?.cluster.add(text, { start: tokens[i - 1]!.start, end: span.end }, 'nominal');
  }
}

/**
 * What follows a group phrase and says whose it is: "rebels in the Ivory Coast",
 * "students throughout Indonesia" (the country, and the phrase's new end), or
 * "activists from the Fatah Party", "workers of the United Bus Company" ('member': the
 * named body stands for them, as before this rule existed).
 */
function postModifier(ctx: LinkContext, end: number): { country: string; end: number } | 'member' | null {
  const { text } = ctx.input;
  // "from the defeated Fatah Party": one lower-case word may stand before the name.
  const m = /^\s+(in|from|throughout|across|of)\s+(?:the\s+)?(\p{Ll}[\p{Ll}-]*\s+)?/iu.exec(text.slice(end, end + 40));
  if (!m) return null;
  const starts = [end + m[0].length, end + m[0].length - (m[2]?.length ?? 0)];
  for (const c of ctx.clusters) {
    const name = c.mentions.find((x) => starts.includes(x.start) && x.kind === 'name');
    if (!name) continue;
    if (c.type === 'ORG' || c.type === 'PERSON') return m[1]!.toLowerCase() === 'of' || m[1]!.toLowerCase() === 'from' ? 'member' : null;
    // Only the country itself: "rebels in Kivu" says where, not whose.
    if (c.type === 'GPE' && c.country !== null && c.code === c.country && m[1]!.toLowerCase() !== 'of') return { country: c.country, end: name.end };
  }
  return null;
}

/** The latest group entity of this role mentioned before `offset`. */
function latestGroup(made: readonly Made[], role: string, sector: string | null, offset: number): Cluster | null {
  let best: Cluster | null = null;
  let at = -1;
  for (const m of made) {
    if (m.role !== role || m.sector !== sector) continue;
    for (const x of m.cluster.mentions) if (x.start < offset && x.start > at) {
      best = m.cluster;
      at = x.start;
    }
  }
  return best;
}

/**
 * What the modifiers of a group phrase say about whom it belongs to: a country (one
 * national adjective or name, no other), and its proper-adjective qualifier ("ibo",
 * "shia") that keeps differently qualified groups apart. Null when the phrase is
 * already an entity's or names a person, organisation or place as its owner
 * ("Hamas militants" are Hamas).
 */
function qualifierOf(ctx: LinkContext, phrase: GroupPhrase): { country: string | null; qualifier: string } | { owner: Cluster } | null {
  const { text } = ctx.input;
  const tokens = ctx.input.tokens!;
  const head = tokens[phrase.head]!;
  let owner: Cluster | null = null;
  for (const { cluster: c, mention: m } of ctx.mentionsAround(phrase.span)) {
    if (m.end <= phrase.span.start || m.start >= phrase.span.end || ctx.inBackerPart(m)) continue;
    const onHead = m.start < head.end && m.end > head.start;
    // "ethnic Turks" tagged as a nationality stays a people; anything else on the head is its own entity.
    if (onHead && !(phrase.kind === 'ethnic' && (c.type === 'NORP' || c.type === 'MISC'))) return null;
    if (onHead || c.type === 'GPE' || c.type === 'NORP' || c.type === 'MISC') continue;
    // "Hamas gunmen" are Hamas too: an armed group's armed men are the group.
    if (c.type === 'ORG' && c.sector !== null && (c.sector === phrase.sector || (c.sector === 'REB' && phrase.sector === 'UAF')) && m.kind === 'name') owner = c;
    else return null;
  }
  if (owner) return { owner };
  const found = new Set<string>();
  const qualifier: string[] = [];
  for (const k of phrase.modifiers) {
    const w = text.slice(tokens[k]!.start, tokens[k]!.end);
    if (!/^\p{Lu}/u.test(w)) continue;
    const tok = tokens[k]!;
    const covering = ctx.entityWith(tok, (m) => m.start <= tok.start && tok.end <= m.end);
    const country = covering?.country ?? (countries().byDemonym(w) ?? countries().byName(w))?.a3 ?? null;
    if (country) found.add(country);
    else qualifier.push(w.toLowerCase());
  }
  return { country: found.size === 1 ? [...found][0]! : null, qualifier: qualifier.join(' ') };
}
