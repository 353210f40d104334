/**
 * From a speaker phrase to an entity id, using the entities stage's mentions:
 * prefer a person inside the phrase (its rightmost: the head of "Azerbaijani
 * ambassador to Pakistan Ali Alizada"), then an organisation, then a country;
 * a pronoun takes the nearest person mentioned before it outside any quote (mentions
 * inside quotations are never speakers); a
 * nominal phrase with no entity inside takes the entity it stands in apposition to,
 * else the latest entity one of whose mentions holds its head noun ("the minister" →
 * the person named "Health Minister …"), else, for an organisation noun ("the
 * company", "the agency"), the latest organisation. A phrase headed by a relational noun
 * ("Ruiz's lawyer", "a friend of the victim") never resolves to the entity it names beside
 * that noun; a "he"/"she" after an unnamed spokesperson is that spokesperson, so the body spoken for.
 */
import type { Entity, EntityType, MentionKind } from '../core/record.js';
import type { Span } from '../core/span.js';
import { firstSpanStartingAt } from '../core/span.js';
import { PRONOUN_RE } from './phrases.js';

interface IndexedMention extends Span {
  entity: string;
  type: EntityType;
  kind: MentionKind;
  /** A place that is no state (a city, a region): "it said" is never Basra. */
  mere: boolean;
}

const PREFERENCE: readonly EntityType[] = ['PERSON', 'ORG', 'GPE'];
// Head nouns that name an organisation, so "the agency said" may take the latest one named.
const ORG_NOUNS = new Set([
  'company', 'firm', 'group', 'agency', 'ministry', 'department', 'organisation', 'organization', 'union', 'party',
  'army', 'military', 'police', 'bank', 'council', 'commission', 'authority', 'court', 'office', 'embassy', 'body',
  'board', 'carmaker', 'airline', 'operator', 'regulator', 'institute', 'university', 'association', 'federation',
  'alliance', 'committee', 'coalition', 'movement', 'broadcaster', 'newspaper', 'insurer', 'lender', 'startup', 'charity',
]);
const DETERMINER = /^(?:the|a|an|his|her|their|its)\s+/i;
/**
 * Head nouns of a person other than the one named beside them: "Ruiz's lawyer", "a friend of the
 * victim", "an aide to the president" are not Ruiz, the victim or the president. (A spokesperson is
 * not here: by our convention a spokesperson's words are those of the body they speak for.)
 */
const RELATIONAL_NOUNS = new Set([
  'lawyer', 'lawyers', 'attorney', 'attorneys', 'barrister', 'solicitor', 'counsel',
  'wife', 'husband', 'widow', 'widower', 'partner', 'girlfriend', 'boyfriend', 'fiancé', 'fiancée', 'fiance', 'fiancee',
  'mother', 'father', 'parents', 'daughter', 'son', 'sister', 'brother', 'cousin', 'uncle', 'aunt', 'nephew', 'niece',
  'grandmother', 'grandfather', 'family', 'relative', 'relatives', 'friend', 'friends', 'neighbour', 'neighbours',
  'neighbor', 'neighbors', 'colleague', 'colleagues', 'teammate', 'teammates', 'aide', 'aides', 'adviser', 'advisers',
  'advisor', 'advisors', 'deputy', 'agent', 'biographer', 'doctor', 'physician',
]);
// What follows a head noun in its phrase: "a lawyer for Ruiz", "an aide to the president".
const COMPLEMENT = /\s+(?:for|of|to|representing)\s[\s\S]*$/u;
// A spokesperson introduced by a phrase, whom a later "he"/"she" refers to: "a spokesman for the Health
// Ministry", "an embassy spokeswoman". Resolved as a speaker phrase, it gives the body spoken for.
const SPOKESPERSON = /(?<![\p{L}])(?:a|an|the)\s+(?:[\p{L}’'-]+\s+){0,3}?spokes(?:man|woman|person)(?:\s+(?:for|of)\s+(?:the\s+)?[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]*)*)?/giu;
// How far back a pronoun looks for a spokesperson phrase.
const SPOKESPERSON_REACH = 300;

export class SpeakerResolver {
  /** Mentions outside quotations (a speaker is never named inside what is said), by start. */
  private readonly mentions: IndexedMention[];
  private readonly longest: number;

  private readonly quoted: readonly Span[];

  constructor(private readonly text: string, entities: readonly Entity[], quoted: readonly Span[]) {
    const all = entities
      .flatMap((e) => e.mentions.map((m) => ({ start: m.start, end: m.end, entity: e.id, type: e.type, kind: m.kind, mere: e.type === 'GPE' && e.code === null })))
      .sort((a, b) => a.start - b.start);
    // Quotations are in text order and do not overlap: one pointer walks them beside the mentions.
    const spans = [...quoted].sort((a, b) => a.start - b.start);
    this.quoted = spans;
    let j = 0;
    this.mentions = all.filter((m) => {
      while (j + 1 < spans.length && spans[j + 1]!.start <= m.start) j++;
      const q = spans[j];
      return !(q !== undefined && q.start <= m.start && m.end <= q.end);
    });
    this.longest = this.mentions.reduce((n, m) => Math.max(n, m.end - m.start), 0);
  }

  /** Index of the first mention starting at or after `offset`. */
  private from(offset: number): number {
    return firstSpanStartingAt(this.mentions, offset);
  }

  /** Mentions starting in [start, end). */
  private within(start: number, end: number): IndexedMention[] {
    const out: IndexedMention[] = [];
    for (let i = this.from(start); i < this.mentions.length && this.mentions[i]!.start < end; i++) out.push(this.mentions[i]!);
    return out;
  }

  resolve(phrase: Span): string | null {
    const words = this.text.slice(phrase.start, phrase.end);
    const head = /([\p{L}’'-]+)\s*$/u.exec(words.replace(COMPLEMENT, ''));
    if (head?.[1] !== undefined && RELATIONAL_NOUNS.has(head[1].toLowerCase())) return this.relational(phrase, words, phrase.start + head.index);
    // Before the entities stage's own link for the pronoun, which knows no unnamed spokesperson.
    if (/^\s*(?:he|she)\s*$/i.test(words)) {
      const voice = this.spokespersonBefore(phrase.start);
      if (voice) return this.resolve(voice);
    }
    const inside = this.within(phrase.start - this.longest, phrase.end).filter((m) => phrase.start < m.end);
    for (const type of PREFERENCE) {
      const found = inside.filter((m) => m.type === type);
      if (found.length > 0) return found[found.length - 1]!.entity;
    }
    if (PRONOUN_RE.test(words.trim())) {
      if (/^(?:it|they|we)$/i.test(words.trim())) return this.previous(phrase.start, ['ORG', 'GPE']);
      if (/^I$/.test(words.trim())) return null;
      return this.previous(phrase.start, ['PERSON']);
    }
    const apposed = this.apposition(phrase.start);
    if (apposed !== null) return apposed;
    return DETERMINER.test(words) ? this.byHeadNoun(phrase.start, words, true) : null;
  }

  /**
   * A phrase headed by a relational noun at `headStart` ("Ruiz's lawyer", "a friend of the
   * victim"): the entities it names are not the speaker. A mention covering the head is (the
   * entities stage may have linked "his lawyer" to the lawyer), then a name in apposition; a
   * definite phrase ("the lawyer", "his lawyer") may take the person introduced by that noun
   * before; an indefinite one introduces somebody unnamed.
   */
  private relational(phrase: Span, words: string, headStart: number): string | null {
    const covering = this.within(phrase.start - this.longest, phrase.end).filter((m) => m.start <= headStart && headStart < m.end && m.kind !== 'pronoun');
    if (covering.length > 0) return covering[covering.length - 1]!.entity;
    const apposed = this.apposition(phrase.start);
    if (apposed !== null) return apposed;
    return /^(?:the|his|her|their|its)\s/i.test(words) ? this.byHeadNoun(phrase.start, words, false) : null;
  }

  /** A person named just before a phrase and a comma: "Jeyhun Bayramov, the Azeri foreign minister, said". */
  private apposition(start: number): string | null {
    if (!/,\s*$/.test(this.text.slice(Math.max(0, start - 3), start))) return null;
    const app = this.within(start - 3 - this.longest, start).filter((m) => m.end <= start && start - m.end <= 3 && m.type === 'PERSON');
    return app.length > 0 ? app[app.length - 1]!.entity : null;
  }

  /** "the minister" → the latest entity with a mention such as "Health Minister"; "the company" → the latest organisation. */
  private byHeadNoun(offset: number, words: string, orgFallback: boolean): string | null {
    const head = /([\p{L}’'-]+)\s*$/u.exec(words.replace(COMPLEMENT, ''))?.[1]?.toLowerCase();
    if (!head) return null;
    // Most mentions before the phrase do not hold the head noun at all: a plain scan rules them out
    // before the regex (case-insensitive, Unicode) reads them, or is even made.
    const ascii = /^[a-z]+$/.test(head);
    let holds: RegExp | null = null;
    for (let i = this.from(offset) - 1; i >= 0; i--) {
      const m = this.mentions[i]!;
      if (m.end > offset || m.kind === 'pronoun') continue;
      if (ascii && !mayHoldAscii(this.text, m.start, m.end, head)) continue;
      holds ??= headPattern(head);
      if (holds.test(this.text.slice(m.start, m.end))) return m.entity;
    }
    return orgFallback && ORG_NOUNS.has(head) ? this.previous(offset, ['ORG']) : null;
  }

  /** The first person, else organisation, named in `span` outside quotes: the subject of a sentence holding a partial quote. */
  firstNamed(span: Span): string | null {
    const inside = this.within(span.start, span.end).filter((x) => x.end <= span.end);
    return (inside.find((x) => x.type === 'PERSON') ?? inside.find((x) => x.type === 'ORG'))?.entity ?? null;
  }

  /** The first person named in `span` outside quotes, by a name or title (not a pronoun). */
  firstPerson(span: Span): string | null {
    return this.within(span.start, span.end).find((x) => x.end <= span.end && x.type === 'PERSON' && x.kind !== 'pronoun')?.entity ?? null;
  }

  /** Persons named by name or title in `span` outside quotes. */
  personsIn(span: Span): Set<string> {
    return new Set(this.within(span.start, span.end).filter((x) => x.end <= span.end && x.type === 'PERSON' && x.kind !== 'pronoun').map((x) => x.entity));
  }

  /** The entity of the first mention starting in [from, to). */
  entityStartingIn(from: number, to: number): string | null {
    return this.within(from, to)[0]?.entity ?? null;
  }

  /**
   * The spokesperson phrase a "he"/"she" at `offset` refers to: one after the last person named
   * before it ("Minister X … a spokesman for the ministry said … he added"), outside quotes.
   */
  private spokespersonBefore(offset: number): Span | null {
    let named = 0;
    for (let i = this.from(offset) - 1; i >= 0; i--) {
      const m = this.mentions[i]!;
      if (m.end <= offset && m.type === 'PERSON' && m.kind !== 'pronoun') {
        named = m.end;
        break;
      }
    }
    const from = Math.max(named, offset - SPOKESPERSON_REACH);
    const window = this.text.slice(from, offset);
    let voice: Span | null = null;
    SPOKESPERSON.lastIndex = 0;
    for (let m = SPOKESPERSON.exec(window); m; m = SPOKESPERSON.exec(window)) {
      const span = { start: from + m.index, end: from + m.index + m[0].length };
      // "Ahmed Fawzi, a spokesman for …": in apposition, the spokesperson is the person just named.
      const apposed = named > 0 && /^\s*,\s*$/.test(this.text.slice(named, span.start));
      if (!apposed && !this.quoted.some((q) => q.start <= span.start && span.start < q.end)) voice = span;
    }
    return voice;
  }

  private previous(offset: number, types: readonly EntityType[]): string | null {
    for (let i = this.from(offset) - 1; i >= 0; i--) {
      const m = this.mentions[i]!;
      if (m.end <= offset && types.includes(m.type) && !m.mere) return m.entity;
    }
    return null;
  }
}

/**
 * False only when text[start, end) cannot match headPattern(head) for a head of ASCII lower-case
 * letters: the span is all ASCII (where case-insensitive matching is plain ASCII case folding) and
 * holds no copy of the head in any case. Anything else is left to the pattern.
 */
function mayHoldAscii(text: string, start: number, end: number, head: string): boolean {
  for (let k = start; k < end; k++) if (text.charCodeAt(k) >= 128) return true;
  const n = head.length;
  const first = head.charCodeAt(0);
  for (let k = start; k + n <= end; k++) {
    if ((text.charCodeAt(k) | 0x20) !== first) continue;
    let j = 1;
    while (j < n && (text.charCodeAt(k + j) | 0x20) === head.charCodeAt(j)) j++;
    if (j === n) return true;
  }
  return false;
}

/** Head nouns repeat across phrases and articles: each pattern is compiled once (no `g` flag, so sharing is safe). */
const HEAD_PATTERNS = new Map<string, RegExp>();

function headPattern(head: string): RegExp {
  let re = HEAD_PATTERNS.get(head);
  if (!re) {
    if (HEAD_PATTERNS.size >= 5_000) HEAD_PATTERNS.clear();
    re = new RegExp(`(?<![\\p{L}])${head.replace(/[^\p{L}]/gu, '.')}(?![\\p{L}])`, 'iu');
    HEAD_PATTERNS.set(head, re);
  }
  return re;
}
