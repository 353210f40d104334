/**
 * "The Farm Credit Administration (FCA) … the FCA said": an organisation's abbreviation,
 * introduced in brackets right after its full name, is the same organisation. Without this
 * the article has two entities for one body, and its events are split between them.
 *
 * Run last, once every other step has linked its mentions: moving mentions between clusters
 * would leave the mention index (mention-index.ts) pointing at the old ones.
 */
import type { Span } from '../core/span.js';
import type { Cluster } from './cluster.js';
import type { LinkContext } from './link-context.js';

const ABBREVIATION = /^[A-Z][A-Za-z&]{1,7}$/;

/**
 * Whether `abbr` can abbreviate `name`: its letters, in order, are initials of the name's words
 * (hyphenated parts count, "of" and "and" may be skipped or used: "Department of Transportation"
 * → DOT, "Office for National Statistics" → ONS), the first letter from one of the first two words.
 */
export function abbreviates(abbr: string, name: string): boolean {
  const letters = abbr.replace(/&/g, '').toLowerCase();
  const initials = name.split(/[\s-]+/).filter((w) => /^\p{L}/u.test(w)).map((w) => w[0]!.toLowerCase());
  if (letters.length < 2 || initials.length < letters.length) return false;
  if (initials[0] !== letters[0] && initials[1] !== letters[0]) return false;
  let i = 0;
  for (const ch of initials) if (i < letters.length && ch === letters[i]) i++;
  return i === letters.length;
}

/**
 * The body a bracketed mention follows, "(DOT)" after "the U.S. Department of Transportation":
 * the cluster of `byEnd` whose mention ends right before the opening bracket, when the mention
 * is closed by one.
 */
export function bracketedAfter(text: string, m: Span, byEnd: ReadonlyMap<number, Cluster>): Cluster | undefined {
  if (text[m.end] !== ')') return undefined;
  const gap = /\s*\($/.exec(text.slice(Math.max(0, m.start - 3), m.start));
  return gap ? byEnd.get(m.start - gap[0].length) : undefined;
}

export function mergeAbbreviations(ctx: LinkContext): void {
  const { text } = ctx.input;
  const byEnd = new Map<number, Cluster>();
  for (const c of ctx.clusters) if (c.type === 'ORG') for (const m of c.mentions) if (m.kind === 'name') byEnd.set(m.end, c);
  for (const short of ctx.clusters) {
    if (short.type !== 'ORG' || short.mentions.length === 0) continue;
    for (const m of short.mentions) {
      if (m.kind !== 'name' || !ABBREVIATION.test(m.text)) continue;
      const full = bracketedAfter(text, m, byEnd);
      if (!full || full === short || full.mentions.length === 0 || !abbreviates(m.text, full.name)) continue;
      // Two bodies a table knows apart stay apart.
      if (full.linked && short.linked) break;
      const [into, from] = short.linked ? [short, full] : [full, short];
      for (const x of from.mentions) into.add(text, x, x.kind);
      into.fill({ country: from.country, role: from.role, sector: from.sector });
      into.code ??= from.code;
      for (const x of from.mentions) byEnd.set(x.end, into);
      from.mentions.length = 0;
      break;
    }
  }
}
