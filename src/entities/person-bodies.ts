/**
 * A person the article places in an organisation acts for it: "Barclays chief executive John
 * Varley", "David Rose, chief executive of Hereford Hospitals NHS Trust", "Ian Fogg, an analyst
 * at Jupiter Research", "Paul Tucker, a member of the Bank of England's Monetary Policy
 * Committee". Such a person takes the organisation's sector and country. The organisation's
 * sector outranks the one a role word gives: a "vice president" of a record company is no
 * government's, a "chief executive" of a hospital trust no firm's. An office holder the
 * tables know (people.ts) keeps their office.
 *
 * Run last (link.ts), when organisations have their sectors and countries and abbreviations
 * have joined their bodies: it reads the entities' mentions directly, not the mention index.
 */
import { STATE_SECTORS } from '../core/record.js';
import { roles, TRANSNATIONAL_ROOTS } from '../knowledge/index.js';
import type { Cluster } from './cluster.js';
import type { LinkContext } from './link-context.js';

/**
 * Words for a place in an organisation that roles.tsv leaves out because they say nothing of
 * a sector on their own ("analyst", "director"); roles.tsv's role words count as well.
 */
const POSITIONS: ReadonlySet<string> = new Set([
  'analyst', 'analysts', 'economist', 'economists', 'founder', 'co-founder', 'director', 'manager', 'boss', 'member',
  'lawyer', 'lawyers', 'partner', 'strategist', 'head', 'chief', 'owner', 'researcher', 'scientist', 'professor',
  'trader', 'broker', 'dealer', 'secretary', 'treasurer', 'governor', 'deputy', 'commissioner', 'officer',
]);

function isPosition(words: readonly string[]): boolean {
  const last = words[words.length - 1];
  if (last === undefined) return false;
  if (POSITIONS.has(last)) return true;
  for (let n = Math.min(3, words.length); n >= 1; n--) if (roles().lookup(words.slice(-n).join(' ')) !== undefined) return true;
  return false;
}

/** "Barclays chief executive ": an organisation, maybe its possessive, then position words, right before the name. */
const BETWEEN_BEFORE = /^(?:['’]s?)?\s+((?:[\p{Ll}-]+\s+){1,4})$/u;
/** ", chief executive of ", ", an analyst at the ": an apposition's position words and the word that leads to the body. */
const APPOSITION_TO = /^,\s+(?:(?:the|a|an)\s+)?((?:[\p{Ll}-]+\s+){0,3}[\p{Ll}-]+)\s+(?:of|at|with|for|from)\s+(?:the\s+)?$/u;
/** ", Barclays' chief economist,": the part between the name and the body. */
const APPOSITION_OWNER = /^,\s+(?:the\s+)?$/u;
const OWNED_POSITION = /^(?:['’]s?)?\s+((?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+)\s*[,.;]/u;

export function codePeopleByTheirBodies(ctx: LinkContext): void {
  const { text } = ctx.input;
  const byStart = new Map<number, Cluster>();
  const byEnd = new Map<number, Cluster>();
  for (const c of ctx.clusters) {
    if (c.type !== 'ORG' || c.sector === null) continue;
    for (const m of c.mentions) {
      if (m.kind !== 'name') continue;
      byStart.set(m.start, c);
      byEnd.set(m.end, c);
    }
  }
  if (byStart.size === 0) return;
  for (const person of ctx.clusters) {
    if (person.type !== 'PERSON' || person.linked) continue;
    for (const m of person.mentions) {
      if (m.kind !== 'name') continue;
      const body = bodyBefore(text, m.start, byEnd) ?? bodyAfter(text, m.end, byStart);
      if (!body) continue;
      // A state's own people keep the sector of their post: a minister of an interior ministry
      // (a police body in the tables) is a minister.
      if (!(person.sector !== null && STATE_SECTORS.has(person.sector) && STATE_SECTORS.has(body.sector!))) person.sector = body.sector;
      person.country ??= body.country;
      // A body of no state gives its root: an OPEC official is IGO-coded, as OPEC is.
      const root = body.code?.slice(0, 3);
      if (person.country === null && root && TRANSNATIONAL_ROOTS.has(root) && person.sector !== null) person.code ??= root + person.sector;
      break;
    }
  }
}

/** "Barclays chief executive John Varley": the body whose name ends a few position words before the person's. */
function bodyBefore(text: string, start: number, byEnd: ReadonlyMap<number, Cluster>): Cluster | undefined {
  const left = text.slice(Math.max(0, start - 60), start);
  for (let i = left.length - 1; i >= 0; i--) {
    const body = byEnd.get(start - left.length + i);
    if (!body) continue;
    const m = BETWEEN_BEFORE.exec(left.slice(i));
    if (m && isPosition(m[1]!.trim().split(/\s+/))) return body;
    return undefined;
  }
  return undefined;
}

/** ", chief executive of Hereford Hospitals NHS Trust", ", Barclays' chief economist,". */
function bodyAfter(text: string, end: number, byStart: ReadonlyMap<number, Cluster>): Cluster | undefined {
  const right = text.slice(end, end + 80);
  for (let i = 1; i < right.length; i++) {
    const body = byStart.get(end + i);
    if (!body) continue;
    const lead = right.slice(0, i);
    const to = APPOSITION_TO.exec(lead);
    if (to && isPosition(to[1]!.split(/\s+/))) return body;
    if (APPOSITION_OWNER.test(lead)) {
      const after = body.mentions.find((x) => x.start === end + i);
      const own = after ? OWNED_POSITION.exec(text.slice(after.end, after.end + 60)) : null;
      if (own && isPosition(own[1]!.split(/\s+/))) return body;
    }
    return undefined;
  }
  return undefined;
}
