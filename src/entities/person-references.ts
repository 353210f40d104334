/**
 * Mentions of a person named elsewhere in the article, read once every name is linked:
 * a role phrase alone ("the Azeri envoy" → the person with that role and country), a
 * social handle ("@bayramov_jeyhun" → the person whose names it spells), and a pronoun
 * (he/his/she/her → a person before, outside quotations (see antecedent), or the person a
 * fronted "In his statement, …" announces).
 */
import type { Mention } from '../core/record.js';
import type { Span } from '../core/span.js';
import { readActor } from '../knowledge/index.js';
import type { Cluster } from './cluster.js';
import type { LinkContext } from './link-context.js';
import { handleMatches } from './names.js';
import { sameRole } from './role-family.js';
import { phraseMayHaveRole } from './titles.js';

/** "The Azeri Envoy said …", "the Iranian president": a role phrase standing for a person named elsewhere. */
export function linkTitleMentions(ctx: LinkContext): void {
  const { text } = ctx.input;
  const re = /\b[Tt]he((?:\s+[\p{L}’'-]+){1,4})/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // Longest reading first: "the Iranian foreign minister" before "the Iranian foreign".
    const words = m[1]!.trim().split(/\s+/);
    let reading = null;
    let n = words.length;
    for (; n >= 1; n--) {
      // Only a role counts here; most "the …" phrases cannot have one, and are not read.
      reading = phraseMayHaveRole(words, n - 1, words[n - 1]!) ? readActor(words.slice(0, n).join(' ')) : null;
      if (reading?.role) break;
    }
    // The phrase last read: the role's, or the first word when none has one.
    const phrase = words.slice(0, Math.max(n, 1)).join(' ');
    const start = m.index;
    const end = m.index + m[0].indexOf(phrase) + phrase.length;
    if (!reading?.role || reading.organisation || /s$/.test(phrase)) continue;
    // "the leader of the opposition": a role the words after it qualify is another office.
    if (n < words.length && /^of$/i.test(words[n]!)) continue;
    if (ctx.covered({ start, end })) continue;
    // Followed by a name: it is a pre-modifier, already read with the name.
    if (/^\s+\p{Lu}/u.test(text.slice(end, end + 3))) continue;
    // "the Tory leader" is a person of that party: a leader of another (or of none known) is not.
    const ofParty = (c: Cluster): boolean => reading.parties.length === 0 || reading.parties.some((p) => p.name === c.party);
    const person = latestMention(ctx, start, (c) => sameRole(c.role, reading.role) && (reading.country === null || c.country === reading.country) && ofParty(c), (x) => !ctx.insideQuote(x))?.cluster;
    if (person) person.add(text, { start, end }, 'title');
    re.lastIndex = end;
  }
}

export function linkHandles(ctx: LinkContext): void {
  const { text } = ctx.input;
  for (const m of text.matchAll(/(?<![\w@])@[A-Za-z0-9_]{2,30}/g)) {
    const span = { start: m.index, end: m.index + m[0].length };
    const person = ctx.clusters.find((c) => c.type === 'PERSON' && handleMatches(m[0], c.tokens));
    if (person) person.add(text, span, 'handle');
  }
}

export function linkPronouns(ctx: LinkContext): void {
  const { text } = ctx.input;
  for (const m of text.matchAll(/\b(?:he|him|his|she|her|hers|himself|herself)\b/gi)) {
    const span = { start: m.index, end: m.index + m[0].length };
    const target = cataphor(ctx, span) ?? (ctx.insideQuote(span) ? null : antecedent(ctx, span, m[0].toLowerCase()));
    target?.add(text, span, 'pronoun');
  }
}

// Words that open a phrase or clause set before its sentence's subject: "In his statement, …",
// "When he arrived, …", "…, and, while she was away, …".
const FRONTED = /^\s*(?:in|on|at|for|from|during|after|before|when|while|as|since|although|though|despite|following|upon|with|without|like|unlike|through|throughout|within|once|until|if|because)\s[^,]*$/iu;

/**
 * A pronoun inside a phrase fronted before a comma refers forward to the person named right after
 * it: "In his statement, Azerbaijani President Ilham Aliyev …", "when he was introducing the bill,
 * Mr Blunkett said".
 */
function cataphor(ctx: LinkContext, span: Span): Cluster | null {
  const { text } = ctx.input;
  const sentence = ctx.sentenceOf(span.start);
  const from = Math.max(sentence.start, text.lastIndexOf(',', span.start) + 1);
  if (!FRONTED.test(text.slice(from, span.start))) return null;
  const comma = text.indexOf(',', span.end);
  if (comma < 0 || comma >= sentence.end) return null;
  const person = firstMentionIn(ctx, { start: comma, end: Math.min(sentence.end, comma + 80) }, () => true, (m) => m.kind === 'name');
  if (!person) return null;
  // The name opens the main clause, behind its title words at most: not the object of a verb there
  // ("When he arrived, police arrested Smith").
  const at = person.mentions.filter((x) => x.start > comma).reduce((a, x) => Math.min(a, x.start), Infinity);
  return NO_VERB_BEFORE_NAME.test(text.slice(comma + 1, at)) ? person : null;
}

const NO_VERB_BEFORE_NAME = /^\s*(?:(?!(?:is|was|are|were|has|had|have|said|says|told|will|would)\s)[\p{L}’'.-]+(?<!ed)\s+)*$/u;

const FEMININE = new Set(['she', 'her', 'hers', 'herself']);
const REFLEXIVE = new Set(['himself', 'herself']);
// What separates two clauses between a name and a pronoun: "Gerrard has promised him" has none.
const CLAUSE_BREAK = /[,;:"“”(]|\b(?:that|who|whom|which|and|but|or|because|if|when|while|after|before|as|since|to)\b/i;

/**
 * A pronoun's antecedent, within three sentences back: the latest person named before it in its own
 * sentence; else, in the nearest earlier sentence naming one, the first person it names, passing over
 * possessors ("Blair's record", "his claims") when it names another. Across sentences the first
 * person is mostly the subject, the centre of attention a "he" continues ("Fox opened with a speech
 * criticising Blair's record. …, he told the conference": Fox, not Blair). A reflexive takes its own
 * sentence's person only; "him" is never the subject of its own clause ("Gerrard has promised him").
 * A person an honorific marks as a man or a woman is not taken for the other's pronoun.
 */
function antecedent(ctx: LinkContext, span: Span, pronoun: string): Cluster | null {
  const { text, sentences } = ctx.input;
  const gender = FEMININE.has(pronoun) ? 'f' : 'm';
  const agrees = (c: Cluster): boolean => c.gender === null || c.gender === gender;
  const clauseMate = (m: Span): boolean => {
    const between = text.slice(m.end, span.start);
    return !CLAUSE_BREAK.test(between) && between.split(/\s+/).length <= 7;
  };
  const outside = (m: Span): boolean => !ctx.insideQuote(m);
  const mentionOk = pronoun === 'him' ? (m: Span) => outside(m) && !clauseMate(m) : outside;
  const si = ctx.sentenceIndexOf(span.start);
  const own = sentences[si];
  const floor = si >= 3 ? sentences[si - 3]!.start : 0;
  const latest = latestMention(ctx, span.start, agrees, mentionOk);
  if (!latest || latest.start < floor) return null;
  if (own && latest.start >= own.start) return trailingSubject(ctx, own, span, pronoun, agrees, latest.cluster) ?? latest.cluster;
  if (REFLEXIVE.has(pronoun)) return null;
  const sentence = ctx.sentenceOf(latest.start);
  const region = { start: sentence.start, end: Math.min(sentence.end, span.start) };
  const possessor = (m: Span): boolean => /^(?:his|her)$/i.test(text.slice(m.start, m.end)) || /^[’']s?(?![\p{L}])/u.test(text.slice(m.end, m.end + 2));
  const named = (m: Mention): boolean => outside(m) && !possessor(m);
  return firstMentionIn(ctx, region, agrees, named) ?? earlierSubject(ctx, sentence, floor, agrees, named, outside) ?? firstMentionIn(ctx, region, agrees, outside) ?? latest.cluster;
}

/**
 * When the nearest sentence names people only as possessors inside its predicate ("This
 * severance required the British royal spending three days at Epstein's mansion. During the
 * visit, he …"), the person a "he" continues is the one the sentences before it were about:
 * the first person named other than as a possessor in the nearest earlier sentence, back to
 * `floor`. Null when a possessor stands before the sentence's first verb ("Smith's car was
 * stolen. He …": Smith is what that sentence is about), or no earlier sentence names one.
 */
function earlierSubject(
  ctx: LinkContext, sentence: Span, floor: number, agrees: (c: Cluster) => boolean, named: (m: Mention) => boolean, outside: (m: Mention) => boolean,
): Cluster | null {
  const inSentence = (m: Mention): boolean => m.start >= sentence.start && m.end <= sentence.end && outside(m);
  for (const c of ctx.clusters) {
    if (c.type !== 'PERSON' || !agrees(c)) continue;
    for (const m of c.mentions) if (inSentence(m) && !ctx.verbIn(sentence.start, m.start)) return null;
  }
  const { sentences } = ctx.input;
  for (let i = ctx.sentenceIndexOf(sentence.start) - 1; i >= 0 && sentences[i]!.start >= floor; i--) {
    const found = firstMentionIn(ctx, sentences[i]!, agrees, named);
    if (found) return found;
  }
  return null;
}

// A phrase set off after its clause, opening with a preposition: ", on his first official visit".
const TRAILING_ADJUNCT = /,\s*(?:on|in|during|for|after|before|at|with|despite)\s+$/i;

/**
 * "On Monday the Pakistani president met Prime Minister Tony Blair at 10 Downing Street, on his
 * first official visit to London": a possessive in a phrase set off after the clause belongs to
 * the clause's subject, a person named before any verb of the sentence, rather than to the
 * latest person (the object). Null when the sentence opens with no such person, or it is the latest.
 */
function trailingSubject(ctx: LinkContext, own: Span, span: Span, pronoun: string, agrees: (c: Cluster) => boolean, latest: Cluster): Cluster | null {
  if (pronoun !== 'his' && pronoun !== 'her') return null;
  const { text } = ctx.input;
  if (!TRAILING_ADJUNCT.test(text.slice(Math.max(own.start, span.start - 20), span.start))) return null;
  const first = firstMentionIn(ctx, { start: own.start, end: span.start }, agrees, (m) => !ctx.insideQuote(m));
  if (!first || first === latest) return null;
  const at = first.mentions.filter((m) => m.start >= own.start && m.end <= span.start).reduce((a, m) => Math.min(a, m.start), Infinity);
  // Before any verb: the subject, not an object ("Police arrested Smith and Jones, on his orders").
  return ctx.verbIn(own.start, at) ? null : first;
}

/** The latest mention `okMention` accepts, ending before `before`, of a person `ok` accepts. */
function latestMention(ctx: LinkContext, before: number, ok: (c: Cluster) => boolean, okMention: (m: Mention) => boolean): { cluster: Cluster; start: number } | null {
  let best: { cluster: Cluster; start: number } | null = null;
  for (const c of ctx.clusters) {
    if (c.type !== 'PERSON' || !ok(c)) continue;
    for (const m of c.mentions) {
      if (m.end <= before && (best === null || m.start > best.start) && okMention(m)) best = { cluster: c, start: m.start };
    }
  }
  return best;
}

/** The person `ok` accepts with the first mention `okMention` accepts inside `span`. */
function firstMentionIn(ctx: LinkContext, span: Span, ok: (c: Cluster) => boolean, okMention: (m: Mention) => boolean): Cluster | null {
  let best: Cluster | null = null;
  let at = Infinity;
  for (const c of ctx.clusters) {
    if (c.type !== 'PERSON' || !ok(c)) continue;
    for (const m of c.mentions) {
      if (m.start >= span.start && m.end <= span.end && m.start < at && okMention(m)) {
        best = c;
        at = m.start;
      }
    }
  }
  return best;
}
