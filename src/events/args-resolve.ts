/**
 * From phrases to entity ids, with the few discourse rules an event coder needs:
 * "the two countries" / "both sides" name the last pair of actors mentioned
 * together, and "I"/"we" (and "our forces") inside a quotation are its speaker.
 */
import { bisect } from '../core/bisect.js';
import { roles } from '../knowledge/index.js';
import type { Entity } from '../core/record.js';
import { STATE_SECTORS } from '../core/record.js';
import type { Phrase } from './np.js';
import { conjuncts, isTown, phraseEntities } from './np.js';
import type { DocView, MentionRef } from './view.js';
import { entityAt, FINITE_TAGS, isActorEntity, previousSentenceStart, PUNCT_TAGS, sentenceStartOf } from './view.js';

/** Pronouns that stand for people in the plural. */
const PLURAL_PRONOUNS: ReadonlySet<string> = new Set(['they', 'them', 'their', 'theirs', 'themselves']);
const IMPERSONAL: ReadonlySet<string> = new Set(['it', 'they']);
const POSSESSIVE: ReadonlySet<string> = new Set(['its', 'their']);
const SPEAKERS_OWN: ReadonlySet<string> = new Set(['our', 'my']);
// What a speaker's "our" makes theirs in an event: "our forces attacked", not "our results allow".
const OWN_FORCES: ReadonlySet<string> = new Set(['force', 'troop', 'soldier', 'army', 'navy', 'unit', 'plane', 'warplane', 'jet', 'man', 'fighter', 'police', 'government', 'country', 'nation', 'party', 'member']);
const SUBJECT_RELS: ReadonlySet<string> = new Set(['nsubj', 'nsubj:pass', 'nsubj:outer']);
const OBJECT_RELS: ReadonlySet<string> = new Set(['obj', 'iobj']);
const QUALIFIER_RELS: ReadonlySet<string> = new Set(['amod', 'nmod:poss', 'flat', 'appos']);
// A government named by its office alone: "the junta", "the authorities", "the interim government".
const STATE_BODIES: ReadonlySet<string> = new Set(['government', 'regime', 'junta', 'authorities', 'administration', 'cabinet']);
// A firm named by its trade: "the US firm", "the Japanese carmaker". Not "group" (armed groups),
// nor "bank" (central banks are the state's).
const FIRM_HEADS: ReadonlySet<string> = new Set([
  'firm', 'company', 'corporation', 'carmaker', 'automaker', 'airline', 'carrier', 'retailer', 'maker', 'manufacturer',
  'producer', 'insurer', 'conglomerate', 'giant', 'operator', 'brewer', 'chain', 'supplier', 'publisher', 'distributor',
  'exporter', 'importer', 'broadcaster', 'developer',
]);
// Who heads a firm, when a firm word stands before them: "US bank boss", "a Japanese car company chief".
const FIRM_LEADERS: ReadonlySet<string> = new Set(['boss', 'chief', 'executive', 'chairman', 'head', 'owner', 'founder', 'director', 'president']);
// A private person named by a nation: "a US woman is suing HP". The nation does not sue.
const PRIVATE_PERSON_HEADS: ReadonlySet<string> = new Set([
  'woman', 'man', 'girl', 'boy', 'teenager', 'student', 'pupil', 'couple', 'family', 'mother', 'father', 'son', 'daughter',
  'wife', 'husband', 'user', 'customer', 'consumer', 'shareholder', 'tourist', 'passenger', 'patient', 'fan', 'viewer',
  'motorist', 'homeowner', 'pensioner', 'grandmother', 'grandfather', 'widow',
]);
const PAIR_WORDS = /^(?:the two|both|both the) (?:countries|sides|nations|neighbou?rs|states|governments|parties|armies|rivals|leaders|ministers|presidents|delegations)$/;

export interface Resolved {
  ids: string[];
  exact: boolean;
}

export class Resolver {
  /** Last pair of actors seen as "X and Y", by token index of the "and". */
  private readonly pairs: { at: number; ids: [string, string] }[] = [];

  constructor(private readonly v: DocView, private readonly speakerAt: (tokenIndex: number) => string | null) {
    for (let i = 1; i + 1 < v.toks.length; i++) {
      if (v.info[i]!.lower !== 'and') continue;
      const a = entityAt(v, i - 1);
      const b = entityAt(v, i + 1);
      if (a && b && a.entity.id !== b.entity.id && isActorEntity(a.entity) && isActorEntity(b.entity)) {
        this.pairs.push({ at: i, ids: [a.entity.id, b.entity.id] });
      }
    }
  }

  speakerOf(tok: number): string | null {
    return this.speakerAt(tok);
  }

  private text(p: Phrase): string {
    const words: string[] = [];
    for (let k = p.first; k <= p.last; k++) words.push(this.v.info[k]!.lower);
    return words.join(' ');
  }

  /**
   * The country, organisation or group a pronoun at `tok` stands for. In its own sentence: for a
   * subject pronoun the nearest subject ("Iraq said its forces killed 15,000 Guards as they
   * crushed …": not the Guards), or the object of the verb whose complement its clause is
   * ("Britain told Iran it must …"); for another pronoun the nearest subject or object. A name
   * inside a modifier is rarely what "it" picks up: in "Washington will announce sanctions against
   * Japanese products after it accused Tokyo", "it" is Washington. Failing those, the nearest name
   * in this sentence; with none there, a subject pronoun takes the previous sentence's head of
   * subject (`mainSubject`), any other the nearest name in that sentence.
   */
  private collectiveBefore(tok: number): string | null {
    const floor = previousSentenceStart(this.v.sentTokens, tok);
    const own = sentenceStartOf(this.v.sentTokens, tok);
    const t = this.v.toks[tok]!;
    if (this.ownUnnamedSubject(tok)) return null;
    // Unparsed, a pronoun opening its sentence is taken for its subject.
    const asSubject = t.deprel === undefined ? tok === own : t.deprel.startsWith('nsubj');
    const clause = t.head !== undefined && t.head >= 0 ? this.v.toks[t.head]! : null;
    const teller = clause?.deprel === 'ccomp' && clause.head !== undefined ? clause.head : -1;
    // "Business leaders said they would be pressing for …": "they" reporting the teller's own plans
    // is the teller, and a teller no entity names is nobody to code.
    if (asSubject && teller >= 0 && this.v.info[tok]!.lower === 'they') {
      const said = this.pluralTeller(teller, own);
      if (said !== undefined) return said;
    }
    let nearest: string | null = null;
    let argument: string | null = null;
    // "via Moscow and Paris. They caught me": a town is where people are, never "they".
    const plural = PLURAL_PRONOUNS.has(this.v.info[tok]!.lower);
    // The nearest name written in the plural ("the Saudis"), which "they" picks up before a
    // subject written in the singular: "Petrobras cancelled a purchase from the Saudis after they refused".
    let pluralNamed: string | null = null;
    for (let k = tok - 1; k >= floor; k--) {
      const r = entityAt(this.v, k);
      if (!r || r.entity.type === 'PERSON' || !isActorEntity(r.entity) || (plural && isTown(r.entity))) continue;
      if (k < own) return argument ?? nearest ?? (asSubject ? this.mainSubject(floor, own) : null) ?? r.entity.id;
      const written = this.v.info[r.last]!.xpos;
      if (plural && pluralNamed === null && (written === 'NNPS' || written === 'NNS')) pluralNamed = r.entity.id;
      const role = this.role(r.last);
      if (asSubject && role === 'object' && this.v.toks[this.headOf(r.last)]!.head === teller) return r.entity.id;
      if (role === 'subject' && pluralNamed !== null && written === 'NNP') return pluralNamed;
      if (role === 'subject' || (!asSubject && role === 'object')) return r.entity.id;
      if (role === 'object') argument ??= r.entity.id;
      nearest ??= r.entity.id;
    }
    return argument ?? nearest;
  }

  /**
   * Who "they" is when the subject of the verb at `verb` that reports it is a plural common noun:
   * the actor its phrase names ("Officials of several Japanese trading houses said they …"), else
   * nobody ("Business leaders said they would be pressing for …", "Bankers said they insisted"),
   * but for state officials, whom the nearest state stands for ("officials insist they are …" in
   * a story about China): undefined leaves that to the caller.
   */
  private pluralTeller(verb: number, own: number): string | null | undefined {
    for (let k = own; k < verb; k++) {
      const t = this.v.toks[k]!;
      if (t.head !== verb || !t.deprel?.startsWith('nsubj')) continue;
      if (this.v.info[k]!.xpos !== 'NNS') return undefined;
      for (let j = own; j < verb; j++) {
        const r = entityAt(this.v, j);
        if (r && isActorEntity(r.entity) && r.entity.type !== 'PERSON' && this.within(j, k)) return r.entity.id;
      }
      // State officials (a role of a state sector): "officials said they …" is left to the nearest state.
      const role = roles().lookup(this.v.info[k]!.lower);
      return role && STATE_SECTORS.has(role.sector ?? '') ? undefined : null;
    }
    return undefined;
  }

  /** Token `j` lies in the phrase headed by `k`, by at most three arcs up. */
  private within(j: number, k: number): boolean {
    let x = j;
    for (let up = 0; up <= 3; up++) {
      if (x === k) return true;
      const h = this.v.toks[x]!.head;
      if (h === undefined || h < 0) return false;
      x = h;
    }
    return false;
  }

  /**
   * "ministers had kept to their pledge": a plural possessive inside its clause's object or
   * oblique belongs to that clause's own plural subject. When that subject names no entity, the
   * pronoun stands for nobody the coder can code, not for a name further back.
   */
  private ownUnnamedSubject(tok: number): boolean {
    if (this.v.info[tok]!.lower !== 'their') return false;
    // Up from the pronoun to the verb of its clause: poss → noun → (case/nmod …) → verb.
    let k = tok;
    for (let up = 0; up < 4; up++) {
      const h = this.v.toks[k]!.head;
      if (h === undefined || h < 0) return false;
      k = h;
      if (this.v.info[k]!.xpos.startsWith('VB')) break;
    }
    if (!this.v.info[k]!.xpos.startsWith('VB')) return false;
    for (let j = sentenceStartOf(this.v.sentTokens, tok); j < tok; j++) {
      if (this.v.toks[j]!.head !== k || !SUBJECT_RELS.has(this.v.toks[j]!.deprel ?? '')) continue;
      return this.v.info[j]!.xpos === 'NNS' && entityAt(this.v, j) === null;
    }
    return false;
  }

  /**
   * The country, organisation or group named before the first finite verb of tokens [from, to):
   * for a sentence opening with "It", the previous sentence's main actor ("The GATT Council
   * yesterday ruled that the U.S. tax breached trade rules. It called on Washington …"). Read
   * by word order, since that sentence may have had nothing to parse for.
   */
  private mainSubject(from: number, to: number): string | null {
    // The last name before the verb heads the subject ("US state Texas has", "Anglo-Dutch giant
    // Unilever is"); not one after a preposition ("In London, the bank said") or in an
    // appositive after the head ("Boeing Co, the US plane maker, said").
    let found: string | null = null;
    let closed = false;
    for (let k = from; k < to; k++) {
      const x = this.v.info[k]!;
      if (FINITE_TAGS.has(x.xpos)) break;
      if (x.lower === ',' && found !== null) closed = true;
      const r = entityAt(this.v, k);
      if (!r || r.first !== k || r.entity.type === 'PERSON' || !isActorEntity(r.entity)) continue;
      if (!closed && this.v.info[k - 1]?.xpos !== 'IN') found = r.entity.id;
    }
    return found;
  }

  /** "our forces", "our government": a speaker's own body, by its head noun. */
  private speakersForces(c: Phrase): boolean {
    return c.first < c.last && SPEAKERS_OWN.has(this.v.info[c.first]!.lower) && this.v.info[c.head]!.lemmas.some((l) => OWN_FORCES.has(l));
  }

  /** Whether token `k` heads, or qualifies the head of, a clause's subject or object. */
  private role(k: number): 'subject' | 'object' | null {
    // A conjunct shares its head's role: "DUSHANBE — Tajikistan denied" (the dateline parsed as subject).
    let h = this.headOf(k);
    for (let up = 0; up < 3 && this.v.toks[h]!.deprel === 'conj'; up++) {
      const head = this.v.toks[h]!.head;
      if (head === undefined || head < 0) break;
      h = head;
    }
    const rel = this.v.toks[h]!.deprel;
    if (rel === undefined) return null;
    if (SUBJECT_RELS.has(rel)) return 'subject';
    return OBJECT_RELS.has(rel) ? 'object' : null;
  }

  /**
   * The entity `id` that "they" at `tok` stands for, with the names listed beside it in the
   * last mention of it before `tok` in that sentence: "The New York Shipping Association and
   * International Longshoremen's Association said they agreed" is both of them.
   */
  private withConjuncts(id: string, tok: number): string[] {
    const own = sentenceStartOf(this.v.sentTokens, tok);
    let at: MentionRef | null = null;
    for (let k = tok - 1; k >= own && at === null; k--) {
      const r = entityAt(this.v, k);
      if (r?.entity.id === id) at = r;
    }
    if (at === null || this.v.toks[at.last]!.deprel === undefined) return [id];
    // Up conj arcs only: a name that qualifies another ("the UK's Human Rights Watch") is not listed beside it.
    const top = (k: number): number => {
      let h = k;
      for (let up = 0; up < 6 && this.v.toks[h]!.deprel === 'conj' && this.v.toks[h]!.head! >= 0; up++) h = this.v.toks[h]!.head!;
      return h;
    };
    const root = top(at.last);
    const out: string[] = [];
    for (let k = own; k < tok; k++) {
      const r = entityAt(this.v, k);
      if (!r || r.entity.type === 'PERSON' || !isActorEntity(r.entity) || out.includes(r.entity.id) || top(r.last) !== root) continue;
      out.push(r.entity.id);
    }
    return out.includes(id) ? out : [id];
  }

  /** The token a qualifier at `k` qualifies ("Iranian" in "Iranian forces"), else `k`. */
  private headOf(k: number): number {
    const t = this.v.toks[k]!;
    return t.deprel !== undefined && QUALIFIER_RELS.has(t.deprel) && t.head !== undefined && t.head >= 0 ? t.head : k;
  }

  /**
   * "the junta", "the authorities": a definite government with no country of its own, the
   * state named last before it (this sentence or the one before), as for "it"; else null.
   */
  private stateBodyAt(c: Phrase): string | null {
    if (this.v.info[c.first]!.lower !== 'the' || !STATE_BODIES.has(this.v.info[c.head]!.lower) || c.head !== c.last) return null;
    for (let k = c.first + 1; k < c.head; k++) {
      const x = this.v.info[k]!;
      if (!(x.xpos === 'JJ' || x.xpos === 'VBN' || x.lower === 'military')) return null;
    }
    const floor = previousSentenceStart(this.v.sentTokens, c.first);
    for (let k = c.first - 1; k >= floor; k--) {
      const e = entityAt(this.v, k)?.entity;
      if (e && e.type === 'GPE' && e.code !== null && e.code === e.country) return e.id;
    }
    return null;
  }

  /** A phrase headed by a word for a firm ("the Japanese carmaker"). */
  private isFirmHead(c: Phrase): boolean {
    return this.v.info[c.head]!.lemmas.some((l) => FIRM_HEADS.has(l));
  }

  /**
   * A phrase headed by a word for a firm or a private person ("a US woman"), or for a firm's head
   * after a firm word ("US bank boss", "a Japanese car company chief").
   */
  private isPrivateHead(c: Phrase): boolean {
    const head = this.v.info[c.head]!;
    if (this.isFirmHead(c) || head.lemmas.some((l) => PRIVATE_PERSON_HEADS.has(l))) return true;
    if (!head.lemmas.some((l) => FIRM_LEADERS.has(l))) return false;
    for (let k = c.first; k < c.head; k++) if (this.v.info[k]!.lemmas.some((l) => FIRM_HEADS.has(l) || l === 'bank')) return true;
    return false;
  }

  /**
   * The entity is named in the phrase only by a pronoun after its head, in a phrase other than an
   * "of" one: "many in his own party". "The commander of its forces" is the state's.
   */
  private onlyPronounAfterHead(c: Phrase, id: string): boolean {
    let found = false;
    for (let k = c.first; k <= c.last; k++) {
      if (entityAt(this.v, k)?.entity.id !== id) continue;
      if (k <= c.head || !this.v.info[k]!.xpos.startsWith('PRP')) return false;
      let prep = '';
      for (let j = k - 1; j > c.head && prep === ''; j--) if (this.v.info[j]!.xpos === 'IN') prep = this.v.info[j]!.lower;
      if (prep === '' || prep === 'of') return false;
      found = true;
    }
    return found;
  }

  /**
   * The entity only describes the phrase's head: it is named before the head with no punctuation
   * between ("the US firm", "the UK's six largest operators"), or after it ("the seventh largest
   * carrier in the US"); not in "Iran - Opec's second-biggest producer", where it is set apart.
   */
  private describesHead(c: Phrase, id: string): boolean {
    let seen = false;
    for (let k = c.first; k < c.head; k++) {
      if (entityAt(this.v, k)?.entity.id === id) seen = true;
      else if (seen && PUNCT_TAGS.test(this.v.info[k]!.xpos)) return false;
    }
    return true;
  }

  /**
   * The company a definite firm's description refers back to: the organisation named last before it, in
   * this sentence or the one before, that no state owns (business, media or no sector) and that
   * has no country other than the description's ("the US firm": not a British one).
   */
  private firmBefore(c: Phrase, countries: readonly (string | null)[]): Entity | null {
    // Only "the" refers back, and to one firm: "a US firm", "US carriers" name none of those before.
    if (this.v.info[c.first]!.lower !== 'the' || this.v.info[c.head]!.xpos !== 'NN') return null;
    const floor = previousSentenceStart(this.v.sentTokens, c.first);
    for (let k = c.first - 1; k >= floor; k--) {
      const e = entityAt(this.v, k)?.entity;
      if (!e || e.type !== 'ORG' || (e.sector !== null && e.sector !== 'BUS' && e.sector !== 'MED')) continue;
      if (e.country !== null && !countries.includes(e.country)) continue;
      return e;
    }
    return null;
  }

  /** Pairs are in text order, so the last one before `tok` is found by bisection. */
  private lastPairBefore(tok: number): [string, string] | null {
    const i = bisect(this.pairs.length, (k) => this.pairs[k]!.at >= tok);
    return i > 0 ? this.pairs[i - 1]!.ids : null;
  }

  resolve(phrases: readonly Phrase[], accept: (e: Entity) => boolean = isActorEntity): Resolved {
    const ids: string[] = [];
    let exact = true;
    for (const p of phrases) {
      for (const c of conjuncts(this.v, p)) {
        const words = this.text(c);
        if (PAIR_WORDS.test(words)) {
          const pair = this.lastPairBefore(c.first);
          if (pair) for (const id of pair) if (!ids.includes(id)) ids.push(id);
          exact = false;
          continue;
        }
        // "we", and "our forces" in a quotation: its speaker's.
        if ((c.first === c.last && (words === 'i' || words === 'we')) || this.speakersForces(c)) {
          const sp = this.speakerAt(c.first);
          if (sp && !ids.includes(sp)) ids.push(sp);
          if (sp || c.first === c.last) continue;
        }
        let named = phraseEntities(this.v, c, accept);
        // "criticised by many in his own party": the party's members, not "his" Blair.
        named = named.filter((n) => n.exact || !this.onlyPronounAfterHead(c, n.entity.id));
        // "The US firm agreed": the firm, not the United States; the firm named last, when one was.
        // "A US woman is suing HP": nobody named.
        if (named.length > 0 && this.isPrivateHead(c) && named.every((n) => !n.exact && (n.entity.type === 'GPE' || n.entity.type === 'NORP') && this.describesHead(c, n.entity.id))) {
          const firm = this.isFirmHead(c) ? this.firmBefore(c, named.map((n) => n.entity.country)) : null;
          named = firm ? [{ entity: firm, exact: false }] : [];
          exact = false;
          if (!firm) continue;
        }
        for (const n of named) {
          if (!ids.includes(n.entity.id)) ids.push(n.entity.id);
          if (!n.exact) exact = false;
        }
        if (named.length === 0) {
          const state = this.stateBodyAt(c);
          if (state !== null) {
            if (!ids.includes(state)) ids.push(state);
            exact = false;
            continue;
          }
        }
        // "it"/"they" (and "its troops") stand for the nearest collective actor before them.
        const first = this.v.info[c.first]!.lower;
        if (named.length === 0 && ((c.first === c.last && IMPERSONAL.has(first)) || POSSESSIVE.has(first))) {
          const id = this.collectiveBefore(c.first);
          const all = id && PLURAL_PRONOUNS.has(first) ? this.withConjuncts(id, c.first) : id ? [id] : [];
          for (const x of all) if (!ids.includes(x)) ids.push(x);
          exact = false;
        }
      }
    }
    return { ids, exact };
  }
}
