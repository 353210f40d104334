/**
 * The fallback argument finder: subjects, objects and prepositional objects
 * from POS tags and word order alone, for when no dependency parse is present.
 * It handles the shapes news sentences use most (apposition, auxiliary chains,
 * passives with "by", coordinated verb phrases sharing a subject, infinitive and
 * gerund complements, relative clauses) and returns nothing when unsure.
 */
import type { ArgFinder } from './args.js';
import type { Phrase } from './np.js';
import { isNounish, npEndingAt, npStartingAt } from './np.js';
import type { DocView } from './view.js';

const AUX_LEMMAS: ReadonlySet<string> = new Set(['be', 'have', 'do', 'get']);
const BOUNDARY: ReadonlySet<string> = new Set([
  'that', 'which', 'who', 'whom', 'whose', 'but', 'because', 'although', 'though', 'while', 'whereas', 'after',
  'before', 'when', 'since', 'until', 'if', 'unless', 'whether', ';', ':', '“', '”', '"',
]);
const GERUND_PREPS: ReadonlySet<string> = new Set(['by', 'after', 'before', 'while', 'since', 'for', 'in', 'upon', 'without', 'of', 'on', 'with']);
// Verbs that charge their object "with" an act: "charged Japan with violating GATT rules".
const CHARGING: ReadonlySet<string> = new Set(['charge', 'indict', 'credit', 'tax']);
// Prepositions of place and time heading an adjunct between a subject and its verb ("the US on Thursday rejected").
const ADJUNCT_PREPS: ReadonlySet<string> = new Set(['on', 'in', 'at', 'during', 'near', 'across', 'throughout', 'inside', 'outside', 'along', 'around']);
// Predicates whose "of V-ing" complement is the subject's act: "X and Y are guilty of violating".
const OF_PREDICATES: ReadonlySet<string> = new Set(['guilty', 'responsible', 'capable', 'innocent', 'culpable', 'suspected', 'accused', 'convicted']);
// Verbs taking a gerund complement that shares their subject: "resumed shelling", "stopped fighting".
export const CATENATIVE: ReadonlySet<string> = new Set([
  'resume', 'continue', 'start', 'begin', 'keep', 'stop', 'cease', 'quit', 'halt', 'end', 'avoid', 'deny', 'consider', 'risk', 'finish', 'escalate', 'intensify',
]);
// Verbs whose "in" phrase names an act the subject takes part in: "engaged in fighting".
export const PARTAKING: ReadonlySet<string> = new Set(['participate', 'engage', 'involve', 'join', 'enter', 'partake']);
// What joins the members of a list: "killed, wounded or captured".
const LIST_LINKS: ReadonlySet<string> = new Set([',', 'and', 'or']);
// Tags that open a noun phrase: a participle followed by one has an object, and is active.
export const NP_START = /^(?:NN|DT|PRP|CD|JJ)/;
// Nouns of acts, by their ending: an agent after them is theirs ("violations by the military").
const ACT_NOUN = /(?:tions?|sions?|ments?|ances?|ences?)$/;
const MEASURE: ReadonlySet<string> = new Set(['DT', 'PDT', 'CD', 'JJ', 'NN', 'NNS', 'RB', 'PRP$', 'HYPH']);
const PARTICIPLE_NP: ReadonlySet<string> = new Set(['DT', 'JJ', 'CD', 'NN', 'NNS', 'NNP', 'NNPS', 'VBN', 'PRP$']);

export class FlatArgs implements ArgFinder {
  readonly parsed: boolean = false;

  constructor(private readonly v: DocView, private readonly s: number, private readonly e: number) {}

  private x(i: number) {
    return this.v.info[i]!;
  }

  private isVerb(i: number): boolean {
    return this.x(i).xpos.startsWith('VB');
  }

  private isAux(i: number): boolean {
    const t = this.x(i);
    if (t.xpos === 'MD' || t.lower === 'not' || t.lower === "n't" || t.lower === 'never') return true;
    if (t.xpos.startsWith('RB')) return true;
    return t.xpos.startsWith('VB') && t.lemmas.some((l) => AUX_LEMMAS.has(l));
  }

  /** First token of the auxiliary chain before verb `h` ("has been" in "has been fighting"). */
  verbGroupStart(h: number): number {
    let k = h;
    while (k - 1 >= this.s && this.isAux(k - 1)) k--;
    return k;
  }

  /** Word order alone cannot tell a headline's passive from a past tense the tagger misread. */
  bareParticiple(_h: number): boolean {
    return false;
  }

  passive(h: number, depth = 0): boolean {
    if (this.listedBeforeAgent(h)) return true;
    if (this.x(h).xpos !== 'VBN') return false;
    // "troops backed by tanks": a participle between a noun and its "by" agent is a reduced passive.
    if (this.reducedRelative(h) && h + 1 < this.e && this.x(h + 1).lower === 'by') return true;
    for (let k = this.verbGroupStart(h); k < h; k++) {
      const l = this.x(k).lemmas[0];
      if (l === 'be' || l === 'get') return true;
    }
    // "had been killed, wounded or captured": a participle listed after a passive one shares its voice.
    if (depth < 4 && h - 2 >= this.s && LIST_LINKS.has(this.x(h - 1).lower)) {
      if (this.passive(h - 2, depth + 1)) return true;
      // "was evicted in April and sentenced to 50 weeks": one with no object after it, joined to a
      // passive participle across the first one's adjuncts.
      if (this.x(h - 1).lower === ',' || NP_START.test(this.x(h + 1)?.xpos ?? '')) return false;
      for (let k = h - 3; k >= this.s && k >= h - 8; k--) {
        const x = this.x(k).xpos;
        if (x === 'VBN') return this.passive(k, depth + 1);
        if (x.startsWith('VB') || x === 'MD' || x === ',') return false;
      }
    }
    return false;
  }

  /**
   * "the forces of X, supported, trained and armed by Paris, scored …": a word set off by a comma
   * that a list of participles and a "by" agent follow is a reduced passive, whatever the tagger
   * made of it ("supported/VBD").
   */
  private listedBeforeAgent(h: number): boolean {
    const x = this.x(h).xpos;
    if ((x !== 'VBN' && x !== 'VBD') || this.x(h - 1)?.lower !== ',') return false;
    const j = this.participleRun(h + 1);
    return j > h + 1 && j < this.e && this.x(j).lower === 'by' && this.x(j - 1).xpos === 'VBN';
  }

  /** The first token from `from` on that is neither a past participle nor a list's link. */
  private participleRun(from: number): number {
    let j = from;
    while (j < this.e && (this.x(j).xpos === 'VBN' || LIST_LINKS.has(this.x(j).lower))) j++;
    return j;
  }

  clause(h: number): [number, number] {
    let a = h;
    while (a - 1 >= this.s && !BOUNDARY.has(this.x(a - 1).lower)) a--;
    if (a - 1 >= this.s && ['if', 'unless', 'whether'].includes(this.x(a - 1).lower)) a--;
    let b = h + 1;
    while (b < this.e && !BOUNDARY.has(this.x(b).lower)) b++;
    return [a, b];
  }

  /** The verb that governs an infinitive or gerund ending before `k`, skipping adverbs. */
  private verbBefore(k: number): number {
    for (let j = k; j >= this.s; j--) {
      if (this.isVerb(j) && !this.isAux(j)) return j;
      if (BOUNDARY.has(this.x(j).lower)) return -1;
    }
    return -1;
  }

  subject(h: number, depth = 0): Phrase[] {
    if (depth > 3) return [];
    const g = this.verbGroupStart(h);
    const k = g - 1;
    if (k < this.s) return [];
    const t = this.x(k);
    if (t.xpos === 'TO') {
      // Infinitive: "urged Iran to withdraw" (object control) or "agreed to open" (subject control).
      const gov = this.verbBefore(k - 1);
      if (gov < 0) return [];
      const obj = npStartingAt(this.v, gov + 1, k);
      // "warned the states not to allow": the negation stands between the object and its "to".
      let end = k - 1;
      while (end > gov && (this.x(end).lower === 'not' || this.x(end).lower === 'never')) end--;
      if (obj && obj.last === end && !this.passive(gov)) return [obj];
      return this.subject(gov, depth + 1);
    }
    if (t.xpos.startsWith('VB') && this.x(h).xpos === 'VBG' && this.x(h).lower.endsWith('ing') && t.lemmas.some((l) => CATENATIVE.has(l))) {
      return this.subject(k, depth + 1);
    }
    if (t.xpos === 'IN' && this.x(h).xpos === 'VBG' && GERUND_PREPS.has(t.lower)) {
      // "accused Armenia of shelling": the object before "of"; "by liberating": the main subject.
      if (t.lower === 'of') {
        if (k - 1 >= this.s && OF_PREDICATES.has(this.x(k - 1).lower)) {
          const cop = this.verbOrAuxBefore(k - 2);
          return cop >= 0 ? this.subject(cop, depth + 1) : [];
        }
        const np = npEndingAt(this.v, k - 1, this.s);
        return np ? [np] : [];
      }
      // "charged Japan with violating": the charged object, as "accused … of".
      if (t.lower === 'with') {
        const np = npEndingAt(this.v, k - 1, this.s);
        const verb = np ? np.first - 1 : -1;
        if (np && verb >= this.s && this.x(verb).xpos.startsWith('VB') && this.x(verb).lemmas.some((l) => CHARGING.has(l))) return [np];
      }
      const gov = this.verbBefore(k - 1);
      return gov >= 0 ? this.subject(gov, depth + 1) : [];
    }
    if (t.xpos === 'WDT' || t.xpos === 'WP' || (t.lower === 'that' && t.xpos !== 'IN')) {
      const before = this.x(k - 1)?.lower === ',' ? k - 2 : k - 1;
      const np = npEndingAt(this.v, before, this.s);
      return np ? [np] : [];
    }
    if (t.xpos === 'CC' || (t.lower === ',' && this.isVerbPhraseEnd(k - 1))) {
      const prev = this.previousVerb(k - 1);
      return prev >= 0 ? this.subject(prev, depth + 1) : [];
    }
    if (t.lower === ',') {
      // An apposition between subject and verb: "Ali Alizada, the envoy, said".
      // A participle inside it is a reduced relative ("a body linked to the OAU"), not a verb of the clause.
      let j = k - 1;
      while (j >= this.s && this.x(j).lower !== ',' && (!this.isVerb(j) || this.reducedRelative(j))) j--;
      if (j > this.s && this.x(j).lower === ',') {
        const np = npEndingAt(this.v, j - 1, this.s);
        if (np) return [np];
      }
      return [];
    }
    const np = npEndingAt(this.v, k, this.s);
    return np ? [this.beyondAdjuncts(np)] : [];
  }

  /**
   * The subject behind what sits between it and the verb: place and time adjuncts
   * ("The US on Thursday rejected" → the US … Thursday, headed by US) and the object
   * of a participle ("British aircraft using guided missiles killed" → British aircraft).
   */
  private beyondAdjuncts(np: Phrase): Phrase {
    let out = np;
    for (let n = 0; n < 2; n++) {
      const p = out.first - 1;
      if (p - 1 < this.s || this.x(p).xpos !== 'IN' || !ADJUNCT_PREPS.has(this.x(p).lower)) break;
      const before = npEndingAt(this.v, p - 1, this.s);
      if (!before) break;
      out = { first: before.first, last: out.last, head: before.head };
    }
    // "Government troops backed by tanks attacked": a reduced passive relative with its agent.
    const by = out.first - 1;
    if (by - 2 >= this.s && this.x(by).lower === 'by' && this.reducedRelative(by - 1)) {
      const before = npEndingAt(this.v, by - 2, this.s);
      if (before) return before;
    }
    let j = out.first - 1;
    // An "-ed" modifier tagged as a past verb ("using precision guided/VBD missiles") is still inside the object.
    while (j >= this.s && (PARTICIPLE_NP.has(this.x(j).xpos) || (this.x(j).xpos === 'VBD' && this.x(j).lower.endsWith('ed') && j + 1 <= out.last)) && j >= out.first - 4) j--;
    // The -ing check keeps a mistagged noun ("watchdog/VBG Amnesty International accused") out;
    // a noun before the participle keeps out a prenominal one ("the founding Agnelli family").
    if (j - 1 >= this.s && j < out.first && this.x(j).xpos === 'VBG' && this.x(j).lower.endsWith('ing')) {
      const before = npEndingAt(this.v, j - 1, this.s);
      if (before && isNounish(this.v, before.head)) return before;
    }
    return out;
  }

  /** A past participle right after a noun, as in "a body linked to …": it modifies the noun. */
  private reducedRelative(j: number): boolean {
    return this.x(j).xpos === 'VBN' && j - 1 >= this.s && /^NNS?$/.test(this.x(j - 1).xpos);
  }

  /** The nearest verb or auxiliary before `k` ("are" in "X are guilty of"), within the clause. */
  private verbOrAuxBefore(k: number): number {
    for (let j = k; j >= this.s; j--) {
      if (this.isVerb(j)) return j;
      if (BOUNDARY.has(this.x(j).lower) || this.x(j).lower === ',') return -1;
    }
    return -1;
  }

  private isVerbPhraseEnd(k: number): boolean {
    return k >= this.s && !this.isVerb(k) && this.previousVerb(k) >= 0;
  }

  /** The nearest main verb before `k` in the sentence, not crossing a clause boundary. */
  private previousVerb(k: number): number {
    for (let j = k; j >= this.s; j--) {
      if (BOUNDARY.has(this.x(j).lower)) return -1;
      if (this.isVerb(j) && !this.isAux(j) && this.x(j).xpos !== 'VBG' && !this.reducedRelative(j)) return j;
    }
    return -1;
  }

  object(end: number): Phrase[] {
    let k = end + 1;
    while (k < this.e && (this.x(k).xpos === 'RP' || this.x(k).xpos.startsWith('RB'))) k++;
    const np = npStartingAt(this.v, k, this.e);
    return np ? [np] : [];
  }

  /**
   * The subject of a clause complementing the word at `end`: "demanded that the US cancel",
   * "demands that Burundi's government grant", "pushed for the US to support". A bare noun
   * phrase counts only with a verb's base form or a modal after it ("demanded the US cancel");
   * "demanded the withdrawal of troops" has none.
   */
  clauseSubject(end: number): Phrase[] {
    let k = end + 1;
    while (k < this.e && this.x(k).xpos.startsWith('RB')) k++;
    // A trigger may end in its own "for" ("called for Peru to withdraw").
    const own = this.x(end).lower === 'for';
    const lead = own ? 'for' : this.v.info[k]?.lower;
    const marked = lead === 'that' || lead === 'for';
    if (marked && !own) k++;
    const np = npStartingAt(this.v, k, this.e);
    if (!np) return [];
    let after = np.last + 1;
    while (after < this.e && this.x(after).xpos.startsWith('RB')) after++;
    const next = this.v.info[after]?.xpos ?? '';
    if (lead === 'for') return next === 'TO' ? [np] : [];
    if (next === 'VB' || next === 'MD' || (marked && (next === 'VBZ' || next === 'VBP' || next === 'VBD'))) return [np];
    return [];
  }

  prep(end: number, words: readonly string[]): Phrase[] {
    const [, b] = this.clause(end);
    for (let k = end + 1; k < b; k++) {
      const t = this.x(k);
      if (k > end + 1 && (t.xpos === 'VBD' || t.xpos === 'VBZ' || t.xpos === 'VBP' || t.xpos === 'MD')) break;
      if (words.length === 1 && words[0] === 'by' && this.ownsLaterAgent(end, k)) break;
      if (words.includes(t.lower)) {
        const np = npStartingAt(this.v, k + 1, b);
        if (np) return [np];
      }
    }
    return [];
  }

  /**
   * Whether the participle at `k` takes the "by" agents after it away from the trigger ending at
   * `end`: "injured in a strike called by the unions", "raids on shipping reported by Baghdad".
   * Not a participle right after the trigger ("the strike, called by the unions": the noun's own
   * reduced relative, whose agent is the noun's actor), one in the trigger's verb group ("this
   * allegation is being made by Armenia"), one listed with the trigger ("suspended and sued by
   * his employer"), an attributive one ("raids on suspected pirates by the FBI"), or a gerund
   * after a preposition ("banned from taking part … by a court").
   */
  private ownsLaterAgent(end: number, k: number): boolean {
    const t = this.x(k);
    const adjacent = k === end + 1 || (k === end + 2 && this.x(end + 1).lower === ',');
    if (adjacent || this.isAux(k - 1)) return false;
    // Participles listed with the trigger share its agent: "supported, trained and armed by Paris".
    if (this.participleRun(end + 1) > k && (this.x(end).xpos === 'VBN' || this.x(end).xpos === 'VBD')) return false;
    if (t.xpos === 'VBN') {
      // An attributive participle takes no agent ("raids on suspected pirates by the FBI"), but
      // the act it qualifies does ("demonstrations against alleged violations by the military").
      const next = this.v.info[k + 1]?.xpos ?? '';
      if (next.startsWith('NN') || next.startsWith('JJ')) {
        let n = k + 1;
        while (n + 1 < this.e && /^(?:NN|NNS|JJ)$/.test(this.x(n + 1).xpos)) n++;
        return ACT_NOUN.test(this.x(n).lower);
      }
      return !(LIST_LINKS.has(this.x(k - 1).lower) && k - 2 === end);
    }
    return t.xpos === 'VBG' && this.x(k - 1).xpos.startsWith('NN');
  }

  /**
   * The agent of a passive set off after a parenthetical: "was accused of misusing funds,
   * much of it embezzled, by government officials". A comma before "by" closes the
   * inserted material, so the phrase attaches back to the clause's passive verb.
   */
  detachedAgent(h: number): Phrase[] {
    for (let k = h + 1; k + 1 < this.e; k++) {
      const w = this.x(k).lower;
      if (w === ';' || w === 'but' || w === '“' || w === '”' || w === '"') return [];
      if (w !== 'by' || this.x(k - 1).lower !== ',' || this.x(k + 1).xpos === 'VBG') continue;
      const np = npStartingAt(this.v, k + 1, this.e);
      return np ? [np] : [];
    }
    return [];
  }

  /**
   * Subject of a light verb whose object is the noun at `first` ("Armenia made the allegation"),
   * or of a verb of taking part whose "in" phrase it is ("took part in the talks", "engaged in
   * fighting"). `_head` is the noun's head, which the parse-based finder reads.
   */
  lightVerbSubject(first: number, _head: number, light: ReadonlySet<string>): Phrase[] {
    // Across a quantity or measure phrase: "will provide nearly 25,000 tons of emergency food aid".
    let k = first - 1;
    while (k >= this.s && k >= first - 7 && (MEASURE.has(this.x(k).xpos) || this.x(k).lower === 'of')) k--;
    // A phrasal verb's particle: "stepped up attacks", "kept up its shelling".
    if (k - 1 >= this.s && this.x(k).xpos === 'RP' && this.isVerb(k - 1)) k--;
    if (k >= this.s && (this.x(k).lower === 'in' || this.x(k).lower === 'into')) {
      const v = this.partakingVerb(k - 1);
      return v >= 0 ? this.subject(v) : [];
    }
    if (k < this.s || !this.isVerb(k) || !this.x(k).lemmas.some((l) => light.has(l))) return [];
    return this.subject(k);
  }

  /**
   * The verb of taking part ending at `k`, before an "in" ("participated", "engaged", "were
   * involved", "took part", "took an active part"), or -1.
   */
  private partakingVerb(k: number): number {
    if (k < this.s) return -1;
    if (this.isVerb(k)) return this.x(k).lemmas.some((l) => PARTAKING.has(l)) ? k : -1;
    if (!this.x(k).lemmas.includes('part')) return -1;
    let j = k - 1;
    while (j >= this.s && j >= k - 3 && /^(DT|JJ|RB)$/.test(this.x(j).xpos)) j--;
    return j >= this.s && this.isVerb(j) && this.x(j).lemmas.some((l) => l === 'take' || l === 'play') ? j : -1;
  }

  /** The NP left of a noun trigger, excluding the trigger: its possessor or modifiers. */
  nounModifiers(first: number): Phrase | null {
    if (first - 1 < this.s) return null;
    return npEndingAt(this.v, first - 1, this.s);
  }
}
