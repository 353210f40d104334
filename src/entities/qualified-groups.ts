/**
 * Group actors named by a national qualifier and a body: "the Armenian army", "Iranian
 * officials", "Azerbaijan's foreign ministry", "Irish nationalist guerrillas" — an
 * organisation of that country and the body's sector. A role phrase that stands for one
 * person ("the Azeri envoy") is left to the title-only mentions (person-references.ts),
 * and a title written before a name to that person.
 */
import type { Span } from '../core/span.js';
import { readActor, roles } from '../knowledge/index.js';
import { Cluster } from './cluster.js';
import { readCompound } from './compound-qualifiers.js';
import type { LinkContext } from './link-context.js';

/** Sectors whose role words name one person ("envoy", "minister") rather than a body. */
const PERSON_ROLE_SECTORS = new Set(['GOV', 'DIP', 'LEG', 'JUD', 'MIL', 'COP', 'MED', 'BUS', 'OPP', 'REB', 'EDU', 'REL']);

/** Up to three lower-case words after a nation's name (or its "'s"); in a headline in capitals, capitalised ones. */
const LOWER_WORDS = /^(?:['’]s)?((?:\s+[\p{Ll}][\p{Ll}-]*){1,3})/u;
const CAPS_WORDS = /^(?:['’]S)?((?:\s+[\p{Lu}][\p{Lu}-]*){1,3})/u;

/** "SPANISH SUNOIL EXPORTERS" → "Spanish sunoil exporters"; a word with a dot stays ("U.S."). */
function capitalsToCase(phrase: string): string {
  return phrase.split(' ').map((w, i) => (w.includes('.') ? w : i === 0 ? w.charAt(0) + w.slice(1).toLowerCase() : w.toLowerCase())).join(' ');
}

/** A plural head: "officials", "businessmen" (not "businessman"). */
const PLURAL = /(?:s|men)$/;

/** Words that end a noun phrase rather than modify its head: verbs, function words. */
const NOT_MODIFIER = new Set(['and', 'or', 'of', 'to', 'in', 'on', 'at', 'for', 'from', 'by', 'with', 'as', 'than', 'who', 'which', 'that', 'have', 'has', 'had', 'were', 'was', 'are', 'is', 'be', 'been', 'will', 'would', 'could', 'should', 'may', 'might', 'can', 'must', 'did', 'do', 'does', 'said', 'says', 'say', 'told', 'also', 'not', 'now', 'then', 'today', 'yesterday']);

/** A lower-case word that can stand between a qualifier and a role head ("nationalist", "paper", "border"). */
function isModifierWord(w: string): boolean {
  return !NOT_MODIFIER.has(w) && !/(?:ed|ing|ly)$/.test(w) && !roles().lookup(w);
}

/** Each country or people named by name, read with the lower-case words after it. */
export function linkQualifiedGroups(ctx: LinkContext): void {
  const { text } = ctx.input;
  const anchors = ctx.clusters.filter((c) => c.type === 'GPE' || c.type === 'NORP').flatMap((c) => c.mentions.filter((m) => m.kind === 'name'));
  for (const m of anchors) {
    // A headline in capitals ("U.S. CHIPMAKERS URGE SANCTIONS") is read in lower case.
    const line = ctx.sentenceOf(m.start);
    const caps = !/\p{Ll}/u.test(text.slice(line.start, line.end));
    const after = (caps ? CAPS_WORDS : LOWER_WORDS).exec(text.slice(m.end, m.end + 60));
    if (!after?.[1]) continue;
    const raw = after[1].trim().split(/\s+/);
    const words = raw.map((w) => w.toLowerCase());
    // Longest body first: "armed forces" before "armed".
    for (let n = words.length; n >= 1; n--) {
      const body = words.slice(0, n).join(' ');
      const phrase = `${m.text} ${body}`;
      // "Irish nationalist guerrillas", "French paper workers": modifiers between the
      // qualifier and a role head keep the head's reading.
      // In capitals a verb looks like any word ("JAPAN ASKS TRADERS"): only a whole role phrase is read.
      const reading = readActor(phrase) ?? (!caps && n >= 2 && words.slice(0, n - 1).every(isModifierWord) ? readActor(`${m.text} ${words[n - 1]!}`) : null);
      if (!reading?.sector || !reading.country) continue;
      const rawBody = raw.slice(0, n).join(' ');
      const end = m.end + (after[0].indexOf(rawBody) + rawBody.length);
      // A title before a name belongs to that person ("Azerbaijani ambassador … Ali Alizada").
      if (ctx.covered({ start: m.start, end }) || personStartsNear(ctx, end)) break;
      if (!caps && reading.role && !reading.organisation && /^\s+(?:to\s+\p{Lu}[\p{L}-]*\s+)?\p{Lu}/u.test(text.slice(end, end + 40))) break;
      // "Iran-backed Iraqi militias": a named backer makes armed men of unstated allegiance a proxy group (REB).
      const backer = backerBefore(text, m.start);
      const from = backer?.start ?? m.start;
      const sector = backer && reading.sector === 'UAF' ? 'REB' : reading.sector;
      const start = /\bthe\s+$/i.test(text.slice(Math.max(0, from - 4), from)) ? from - 4 : from;
      const canonical = reading.organisation ?? reading.role ?? body;
      const personal = reading.role !== null && !reading.organisation && PERSON_ROLE_SECTORS.has(reading.sector) && !PLURAL.test(body);
      if (personal) break; // "the Azeri envoy" is a person: the title-only step resolves it
      const cluster = ctx.keyed(`GRP:${reading.country}:${sector}:${canonical}`, () => {
        // A named body keeps the table's name ("US Senate"); a generic one ("parliament") is no name.
        const named = reading.organisation !== null && /^\p{Lu}/u.test(reading.organisation) ? reading.organisation : null;
        const k = new Cluster('ORG', caps ? named ?? capitalsToCase(text.slice(from, end)) : text.slice(from, end));
        k.country = reading.country;
        k.sector = sector;
        k.role = reading.role;
        k.linked = true;
        return k;
      });
      cluster.add(text, { start, end }, 'nominal');
      break;
    }
  }
}

/** The backer compound word right before `offset` ("Iran-backed" before "Iraqi militias"), as a span, or null. */
function backerBefore(text: string, offset: number): Span | null {
  const m = /(\S+)\s+$/.exec(text.slice(Math.max(0, offset - 40), offset));
  if (!m) return null;
  const start = offset - m[0].length;
  const span = { start, end: start + m[1]!.length };
  return readCompound(text, span)?.relation === 'backer' ? span : null;
}

/** A person's name begins within a few title words after `offset` ("army general Murat Yildiz"). */
function personStartsNear(ctx: LinkContext, offset: number): boolean {
  const { text } = ctx.input;
  const gap = /^(?:\s+[\p{L}-]+){0,3}?\s+/u;
  // Title words are no verbs: "Japanese businessmen called on Takeshita" names no title.
  return ctx.clusters.some((c) => c.type === 'PERSON' && c.mentions.some((m) => m.kind === 'name' && m.start > offset && m.start - offset <= 40 && gap.test(text.slice(offset, m.start)) && !/[,.;]/.test(text.slice(offset, m.start)) && !ctx.verbIn(offset, m.start)));
}
