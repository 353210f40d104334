/**
 * Where a trigger's arguments are. Two finders answer the same questions: the
 * parse-based one (Token.head/deprel, UD labels) when the 'deps' feature is
 * present, and the POS-only fallback otherwise. The parse-based finder asks the
 * fallback whenever the parse has no answer, so a partial parse never loses
 * what word order alone would find.
 */
import { CATENATIVE, FlatArgs, NP_START, PARTAKING } from './args-flat.js';
import type { Phrase } from './np.js';
import { isNounish, npEndingAt, phraseEntities } from './np.js';
import { FINITE_TAGS as FINITE, parseSentence } from './view.js';
import type { DocView } from './view.js';

export interface ArgFinder {
  readonly parsed: boolean;
  verbGroupStart(h: number): number;
  passive(h: number): boolean;
  /**
   * A past participle heading the sentence with a subject and no auxiliary or object: a
   * headline's passive when the verb takes an object ("Yukos accused of lying", "Nick Griffin
   * arrested"). Only the parse can tell; the caller knows whether the verb takes an object.
   */
  bareParticiple(h: number): boolean;
  /** [first, end) token range of the clause around `h`. */
  clause(h: number): [number, number];
  subject(h: number): Phrase[];
  object(end: number): Phrase[];
  prep(end: number, words: readonly string[]): Phrase[];
  /** The subject of a clause complementing the word at `end` ("demanded that X cancel"). */
  clauseSubject(end: number): Phrase[];
  lightVerbSubject(first: number, head: number, light: ReadonlySet<string>): Phrase[];
  detachedAgent(h: number): Phrase[];
  nounModifiers(first: number): Phrase | null;
}

const SUBJ = new Set(['nsubj', 'nsubj:pass', 'nsubj:outer', 'csubj']);
// Prepositions whose noun may be the subject of an -ing verb after it: "with Monsod accusing",
// "approval by the Transportation Department permitting", "thousands of people calling for".
const CLAUSE_PREPOSITIONS: ReadonlySet<string> = new Set(['with', 'without', 'than', 'despite', 'by', 'of']);
// Verbs whose "to" phrase is whom a message goes to: "wrote to Mr McConnell accusing him".
const ADDRESSING: ReadonlySet<string> = new Set(['write', 'send', 'post', 'talk', 'speak', 'say', 'reply', 'respond', 'appeal', 'complain', 'report', 'turn', 'tweet', 'cable', 'telegraph', 'apply', 'petition', 'announce']);
const OBJ = new Set(['obj', 'iobj']);
// Subordinators after which a bare participle is passive ("if convicted", "when asked").
const CONDITION_MARKS: readonly string[] = ['if', 'when', 'once', 'unless', 'until', 'though', 'although', 'whether'];
// Nouns of what a party issues, which then "condemns", "urges", "deplores" for it.
const STATEMENTS = new Set(['statement', 'communique', 'declaration', 'resolution', 'letter', 'note', 'memorandum', 'message', 'report']);
const ISSUING = new Set(['issue', 'release', 'publish', 'adopt', 'pass', 'send', 'deliver', 'draft', 'circulate', 'sign', 'make', 'put']);
const CASE = new Set(['case']);
// Nouns of asking or letting someone act, whose infinitive that someone does: "Reagan's invitation
// to Gorbachev to visit", "an appeal to the rebels to lay down their arms", "a call on Congress to act".
const DIRECTIVE_NOUNS = new Set(['invitation', 'appeal', 'call', 'request', 'plea', 'order', 'instruction', 'permission', 'pressure', 'ultimatum', 'challenge', 'mandate', 'encouragement']);
const ADDRESSEE_CASES = new Set(['to', 'on', 'upon', 'for']);
// A verb's clausal complement or a noun's clause ("demanded that …", "demands that …"), and its active subject.
const CLAUSES = new Set(['ccomp', 'acl']);
const ACTIVE_SUBJ = new Set(['nsubj']);
const PREP_ARGS = new Set(['obl', 'nmod', 'obl:agent', 'obl:npmod', 'nmod:poss']);

class DepsArgs extends FlatArgs {
  override readonly parsed: boolean = true;
  private readonly kids = new Map<number, number[]>();

  constructor(private readonly dv: DocView, private readonly ds: number, private readonly de: number) {
    super(dv, ds, de);
    for (let i = ds; i < de; i++) {
      const h = dv.toks[i]!.head;
      if (h === undefined || h < 0) continue;
      let list = this.kids.get(h);
      if (!list) this.kids.set(h, (list = []));
      list.push(i);
    }
  }

  private rel(i: number): string {
    return this.dv.toks[i]!.deprel ?? '';
  }

  private children(i: number, rels: ReadonlySet<string>): number[] {
    return (this.kids.get(i) ?? []).filter((c) => rels.has(this.rel(c)));
  }

  /** The phrase a head token spans, cut at clauses and punctuation; nested conjuncts stay ("from Syria and Libya"). */
  private span(h: number): Phrase {
    let first = h;
    let last = h;
    const walk = (i: number, top: boolean): void => {
      for (const c of this.kids.get(i) ?? []) {
        const r = this.rel(c);
        // A locative adverb's phrase places the head, it is no part of it: "a missile south of Iran's Kharg island".
        if (r === 'punct' || r === 'acl:relcl' || r === 'acl' || r.startsWith('advcl') || (!top && r === 'appos') || (r === 'advmod' && this.dv.info[c]!.xpos === 'RB' && c > i)) continue;
        if (top && (r === 'conj' || r === 'cc' || r === 'case' || r === 'mark')) continue;
        first = Math.min(first, c);
        last = Math.max(last, c);
        walk(c, false);
      }
    };
    walk(h, true);
    return { first, last, head: h };
  }

  /** A participle phrase closed by a comma before its noun's own verb: "soldiers, killed in …, were". */
  private aside(h: number): boolean {
    let last = h;
    const walk = (i: number): void => {
      for (const c of this.kids.get(i) ?? []) {
        if (this.rel(c) === 'punct') continue;
        last = Math.max(last, c);
        walk(c);
      }
    };
    walk(h);
    const noun = this.dv.toks[h]!.head;
    const verb = noun === undefined ? undefined : this.dv.toks[noun]!.head;
    return this.dv.info[last + 1]?.lower === ',' && verb !== undefined && verb > last + 1;
  }

  /** A head and its conjuncts ("Armenia and Azerbaijan"), each as its own phrase. */
  private withConjuncts(h: number): Phrase[] {
    const out = [this.span(h)];
    for (const c of this.children(h, new Set(['conj']))) out.push(this.span(c));
    return out;
  }

  /**
   * Only modifiers between: no conjunction, preposition or punctuation — except
   * coordinated adjectives ("Ethiopian and Tigrayan negotiators"), which the parse often
   * breaks off the noun they modify.
   */
  private prenominal(from: number, to: number): boolean {
    let adjectives = true;
    let plain = true;
    for (let k = from; k < to; k++) {
      const { xpos: x, lower } = this.dv.info[k]!;
      if (x === 'CC' || x === 'IN' || x === ',' || x === 'POS') plain = false;
      if (!(x === 'JJ' || x === 'NNP' || (x === 'CC' && (lower === 'and' || lower === 'or')) || x === ',')) adjectives = false;
    }
    return plain || (adjectives && this.dv.info[from]!.xpos === 'JJ');
  }

  override passive(h: number): boolean {
    const kids = this.kids.get(h) ?? [];
    if (kids.some((c) => this.rel(c) === 'aux:pass')) return true;
    // A passive subject without a passive auxiliary, after a perfect "have" ("… have agreed"), is a misparse.
    if (kids.some((c) => this.rel(c) === 'nsubj:pass') && !this.perfectActive(h)) return true;
    // A past participle modifying a noun is a reduced passive relative: "property seized by forces".
    // One with an object of its own, set off by a comma, or hanging from a noun the parse made
    // the root ("students rallied/VBN in Tehran": no verb heads the sentence), is an active verb
    // misparsed; but a comma-set participle closed by a comma is an aside on the noun: "Five
    // soldiers, killed in an ambush by rebels, were buried".
    if (this.rel(h) === 'acl' && this.dv.info[h]!.xpos === 'VBN' && (this.dv.info[h - 1]?.lower !== ',' || this.aside(h)) && this.children(h, OBJ).length === 0) {
      if (this.verbRooted()) return true;
    }
    // A participle set off by a comma, with no object and "of" or "to" right after it, is passive
    // on the noun before it: "Bernie Ebbers is on trial, accused of overseeing a fraud" (the tagger
    // must have read it as a participle).
    if (this.dv.info[h]!.xpos === 'VBN' && this.dv.info[h - 1]?.lower === ',' && (this.dv.info[h + 1]?.lower === 'of' || this.dv.info[h + 1]?.lower === 'to') && this.bare(h, false)) return true;
    // A bare participle joined to a passive one shares its voice and its subject, the one acted on:
    // "was evicted in April and sentenced to 50 weeks", "was caught by police and deported".
    if (this.rel(h) === 'conj' && this.dv.info[h]!.xpos === 'VBN' && !kids.some((c) => this.rel(c).startsWith('aux')) && this.children(h, OBJ).length === 0) {
      const head = this.dv.toks[h]!.head ?? -1;
      if (head >= this.ds && head < this.de && head < h && this.dv.info[head]!.xpos === 'VBN' && this.passive(head)) return true;
    }
    // A participle opening a conditional or temporal clause is passive on the main clause's
    // subject: "If convicted, Eder could receive …", "When asked, the spokesman declined".
    if (this.rel(h) === 'advcl' && this.dv.info[h]!.xpos === 'VBN' && CONDITION_MARKS.some((w) => this.hasMark(h, w))) {
      if (this.bare(h, false)) return true;
    }
    return super.passive(h);
  }

  override bareParticiple(h: number): boolean {
    if (this.rel(h) !== 'root') return false;
    // The tagger may read a headline's participle as a past tense; "by" and a party right after it
    // say which it is ("Blair and Brown criticised/VBD by MPs"), where "by 5 pct" does not.
    const x = this.dv.info[h]!.xpos;
    if (x !== 'VBN' && !(x === 'VBD' && (this.byParty(h) || (this.headline(h) && this.ofOrTo(h))))) return false;
    // A noun phrase right after it is its object, whatever the parse made of it: "Vincent Cable,
    // for the Liberal Democrats, accused/VBN Mr Brown of ducking tough choices".
    if (h + 1 < this.de && NP_START.test(this.dv.info[h + 1]!.xpos)) return false;
    return this.bare(h, true) && (this.kids.get(h) ?? []).some((c) => this.rel(c) === 'nsubj');
  }

  /** "by" and a party right after the verb at `h` ("criticised by MPs"), not a figure ("by 5 pct"). */
  private byParty(h: number): boolean {
    return this.dv.info[h + 1]?.lower === 'by' && h + 2 < this.de && !/^(?:CD|\$)$/.test(this.dv.info[h + 2]!.xpos);
  }

  /**
   * A headline: the verb is written in capitals, or its sentence opens the document (the title of
   * a story) and ends without a full stop. "FUJI BANK ACCUSED OF MISUSE …", "Labour accused of
   * broken pledge"; in running text "Davis warned of miscarriages of justice" is active.
   */
  private headline(h: number): boolean {
    const word = this.dv.doc.text.slice(this.dv.toks[h]!.start, this.dv.toks[h]!.end);
    if (word === word.toUpperCase() && /[A-Z]/.test(word)) return true;
    return this.ds === 0 && this.dv.info[this.de - 1]?.lower !== '.';
  }

  /** "of", or "to" and a verb, right after the verb at `h`: "ACCUSED OF MISUSE", "URGED TO RESTRAIN". */
  private ofOrTo(h: number): boolean {
    const next = this.dv.info[h + 1]?.lower;
    return next === 'of' || (next === 'to' && (this.dv.info[h + 2]?.xpos.startsWith('VB') ?? false));
  }

  /**
   * A participle with no auxiliary and no object of its own: what makes it read as a passive
   * without one. `orCopula`: no copula either (a headline's "X arrested" has none).
   */
  private bare(h: number, orCopula: boolean): boolean {
    const kids = this.kids.get(h) ?? [];
    if (kids.some((c) => this.rel(c).startsWith('aux') || (orCopula && this.rel(c) === 'cop'))) return false;
    return this.children(h, OBJ).length === 0;
  }

  // `depth` bounds the walk: the flat reading calls back into this override for governing verbs.
  override subject(h: number, depth = 0): Phrase[] {
    if (depth > 3) return [];
    // Two subjects is a parse error ("TBILISI — … Mirzoyan arrived"): the nearest noun is right
    // (a stray determiner split off a name, "SPLM / A", is no subject).
    // A nominal with its own case marker ("including helicopter gunships") is an oblique the
    // parse took for the subject: word order finds the real one ("Russian aircraft including … killed").
    // A subject with a subject of its own is a clause: a nominal predicate the parse took for
    // the subject ("… are both neighbours of Iran"), or a csubj, whose own subject is not the
    // verb's actor either. Word order finds the subject, as for the case marker above.
    const own = this.children(h, SUBJ).filter((c) => !this.children(c, CASE).length && !this.children(c, SUBJ).length).sort((a, b) => Number(!isNounish(this.dv, a)) - Number(!isNounish(this.dv, b)) || Math.abs(h - a) - Math.abs(h - b));
    // A relative pronoun stands for the noun phrase it follows ("X, who have been fighting …").
    const rel = own[0] !== undefined ? this.antecedent(own[0]) : null;
    if (rel) return [rel];
    if (own.length > 0) {
      const parsed = this.withConjuncts(own[0]!);
      // A parse that cut "European Community foreign ministers" to "foreign ministers":
      // the contiguous noun phrase before the verb group is the fuller subject.
      const flat = super.subject(h, depth);
      const p0 = parsed[parsed.length - 1]!;
      const f0 = flat[0];
      if (parsed.length === 1 && f0 && f0.last === p0.last && f0.first < p0.first && this.prenominal(f0.first, p0.first)) return [{ ...p0, first: f0.first }];
      // A subject parsed away from the verb while a noun phrase sits right before it: trust word order.
      const g = this.verbGroupStart(h);
      if (f0 && f0.last === g - 1 && p0.last < g - 1 && p0.last < f0.first && isNounish(this.dv, f0.head)) return flat;
      return parsed;
    }
    // "issued a statement deploring Japan's imbalance": a statement says what its issuer does.
    const stated = this.dv.toks[h]!.head ?? -1;
    if (this.rel(h) === 'acl' && this.dv.info[h]!.xpos === 'VBG' && stated >= this.ds && stated < this.de && this.dv.info[stated]!.lemmas.some((l) => STATEMENTS.has(l))) {
      const verb = this.verbAbove(stated);
      // Only its issuer's: "vetoed a resolution censuring Nicaragua" is not the vetoer's censure.
      if (verb >= 0 && this.dv.info[verb]!.lemmas.some((l) => ISSUING.has(l))) return this.subject(verb, depth + 1);
    }
    // A noun phrase right before the verb group is its subject whatever the parse says
    // (a greedy parse often hangs "after the army liberated" off the wrong verb); but not the
    // object of a preposition before a bare -ing verb: "posted on Twitter accusing Big Machine",
    // "fired on protesters killing three".
    const g = this.verbGroupStart(h);
    if (g - 1 >= this.ds && isNounish(this.dv, g - 1) && !(g === h && this.dv.info[h]!.xpos === 'VBG' && this.afterPreposition(g - 1, h))) return super.subject(h, depth);
    // "accused Russia of shelling": the gerund's actor is the object before "of".
    if (g - 1 >= this.ds && (this.dv.info[g - 1]!.lower === 'of' || this.dv.info[g - 1]!.lower === 'with') && this.dv.info[h]!.xpos === 'VBG') return super.subject(h, depth);
    // "prepared to resume shelling": a gerund right after a catenative verb shares its subject,
    // whatever clause the parse hung the gerund from.
    if (g - 1 >= this.ds && this.dv.info[h]!.xpos === 'VBG' && this.dv.info[g - 1]!.xpos.startsWith('VB') && this.dv.info[g - 1]!.lemmas.some((l) => CATENATIVE.has(l))) {
      return this.subject(g - 1, depth + 1);
    }
    // "Russia, which has bases in both countries, called on …": a finite verb right after
    // a relative clause set off by commas after the sentence's first noun phrase has that
    // phrase as its subject, wherever the parse hung the verb (often inside the clause).
    const opening = this.relativeOpening(g);
    if (opening) return [opening];
    const r = this.rel(h);
    const head = this.dv.toks[h]!.head ?? -1;
    if (head >= this.ds && head < this.de) {
      // "began a hunger strike to demand …": an infinitive modifying a noun that names no actor
      // is the purpose of the clause, whose subject acts ("the first country to recognise" keeps the noun).
      if (r === 'acl' && this.hasMark(h, 'to') && !this.namesActor(head)) {
        const gov = this.dv.toks[head]!.head ?? -1;
        if (gov >= this.ds && gov < this.de && this.dv.info[gov]!.xpos.startsWith('VB')) return this.subject(gov, depth + 1);
      }
      if (r === 'xcomp') {
        const obj = this.children(head, OBJ);
        if (obj.length > 0) return this.withConjuncts(obj[0]!);
        return this.subject(head, depth + 1);
      }
      // "were killed or wounded in fighting": an -ing event noun (no object) after "in" or "during"
      // a passive clause says where the victims were hurt; they did not fight (the nouns' rule in
      // code.ts). "would be set loose in attacking his record" has an object: the subject acts.
      if (r === 'advcl' && this.dv.info[h]!.xpos === 'VBG' && (this.hasMark(h, 'in') || this.hasMark(h, 'during')) && this.passive(head) && this.children(h, OBJ).length === 0) return [];
      if (r === 'conj' || r === 'advcl') {
        const shared = this.subject(head, depth + 1);
        // "The Soviet Union has said its missions are watched and has accused Washington": a verb
        // whose own group is singular ("has accused") shares no plural subject; the clause the
        // parse hung it under has its subject further up.
        if (r === 'conj' && shared.length === 1 && this.disagrees(h, shared[0]!)) {
          const up = this.verbAbove(head);
          const higher = up >= 0 ? this.subject(up, depth + 1) : [];
          if (higher.length > 0 && !this.disagrees(h, higher[0]!)) return higher;
          // Else the nearest earlier singular verb group's subject, by word order ("the Soviet Union has said").
          for (let k = h - 1; k > this.ds; k--) {
            if (this.dv.info[k]!.xpos !== 'VBZ' || this.verbGroupStart(k) !== k) continue;
            const np = npEndingAt(this.dv, k - 1, this.ds);
            const x = np ? this.dv.info[np.head]!.xpos : '';
            if (np && (x === 'NN' || x === 'NNP')) return [np];
          }
        }
        return shared;
      }
      // "attacked an al-Shabaab base, killing 30 militants": an -ing clause after a comma is an
      // adverbial of the clause's verb, whatever noun the parse hung it from.
      if (r === 'acl' && this.dv.info[h]!.xpos === 'VBG' && this.dv.info[h - 1]?.lower === ',') {
        const verb = this.verbAbove(head);
        if (verb >= 0) return this.subject(verb, depth + 1);
      }
      if (r === 'acl' && this.hasMark(h, 'to')) {
        const addressee = this.addressee(head, h);
        if (addressee >= 0) return this.withConjuncts(addressee);
      }
      if (r === 'acl:relcl' || r === 'acl') return this.withConjuncts(head);
    }
    return super.subject(h, depth);
  }

  /**
   * Whether the noun phrase ending at `k` is the object of a preposition ("on Twitter", "wrote to
   * Mr McConnell") and not the subject of the -ing verb `h` after it: after "with", "than", "by" or
   * "of" the noun is that verb's subject ("with Secretary Monsod accusing", "other than the
   * Commission releasing"), and so is a noun the parse makes the verb's subject or hangs it from
   * ("tourists visiting Europe").
   */
  private afterPreposition(k: number, h: number): boolean {
    const np = npEndingAt(this.dv, k, this.ds);
    if (np === null || np.first - 1 < this.ds) return false;
    const prep = this.dv.info[np.first - 1]!;
    if (prep.xpos !== 'IN' || CLAUSE_PREPOSITIONS.has(prep.lower)) return false;
    const verb = this.dv.toks[h]!;
    const noun = this.dv.toks[np.head]!;
    // "to" names an addressee only after a verb of writing or speaking: "objected to Ukraine
    // opening an investigation" is Ukraine's investigation.
    if (prep.lower === 'to' && !this.addressedAfter(np.first - 1)) return false;
    if (verb.head === np.head && verb.deprel?.startsWith('acl')) return false;
    return !(noun.head === h && noun.deprel?.startsWith('nsubj'));
  }

  /** Whether the verb before the "to" at `to` (within three words: "had written two letters to") is one of writing or speaking. */
  private addressedAfter(to: number): boolean {
    for (let k = to - 1; k >= this.ds && k >= to - 4; k--) {
      const x = this.dv.info[k]!;
      if (x.xpos.startsWith('VB')) return x.lemmas.some((l) => ADDRESSING.has(l));
    }
    return false;
  }

  /**
   * For a verb whose finite verb group starts at g right after a comma: the noun phrase
   * opening the sentence when "NP, which/who …," sits between it and the verb; else null.
   */
  private relativeOpening(g: number): Phrase | null {
    // The verb group's first word is finite: "called", "has called", not "calling". A lone
    // past form may be tagged VBN here (the tagger reads "…, called" as a participle); one
    // with a "by" agent after it ("…, backed by France,") is a participle indeed.
    const x = this.dv.info[g]!;
    const pastForm = x.xpos === 'VBN' && this.dv.info[g + 1]?.lower !== 'by';
    if (!(FINITE.has(x.xpos) || pastForm) || this.dv.info[g - 1]?.lower !== ',') return null;
    for (let k = g - 2; k > this.ds + 1; k--) {
      const t = this.dv.info[k]!;
      if (t.xpos.startsWith('VB') && k < g - 2 && this.dv.info[k - 1]?.lower === ',') return null; // another clause
      if (!(t.xpos === 'WP' || t.xpos === 'WDT') || this.dv.info[k - 1]!.lower !== ',') continue;
      const np = this.antecedent(k);
      return np && np.first === this.ds ? np : null;
    }
    return null;
  }

  /** The noun phrase a relative pronoun at `k` refers to (before it, across a comma), or null. */
  private antecedent(k: number): Phrase | null {
    const x = this.dv.info[k]!;
    if (!(x.xpos === 'WP' || x.xpos === 'WDT') || x.lower === 'what') return null;
    const before = this.dv.info[k - 1]?.lower === ',' ? k - 2 : k - 1;
    return npEndingAt(this.dv, before, this.ds);
  }

  /** A verb group with a singular present form ("has accused", "says") and a plural noun subject. */
  private disagrees(h: number, subject: Phrase): boolean {
    let singular = false;
    for (let k = this.verbGroupStart(h); k <= h; k++) if (this.dv.info[k]!.xpos === 'VBZ') singular = true;
    const x = this.dv.info[subject.head]!.xpos;
    return singular && (x === 'NNS' || x === 'NNPS');
  }

  /** The nearest verb above token `i` in the parse, through nominal heads; -1 if none. */
  private verbAbove(i: number): number {
    let k = this.dv.toks[i]!.head ?? -1;
    for (let n = 0; n < 6 && k >= this.ds && k < this.de; n++) {
      if (this.dv.info[k]!.xpos.startsWith('VB')) return k;
      k = this.dv.toks[k]!.head ?? -1;
    }
    return -1;
  }

  /** The parse's root of this sentence is a verb (a noun root means it missed the main verb). */
  private verbRooted(): boolean {
    for (let i = this.ds; i < this.de; i++) if ((this.dv.toks[i]!.head ?? 0) < 0) return this.dv.info[i]!.xpos.startsWith('VB');
    return false;
  }

  /** The nearest auxiliary before the verb is a form of "have": "have agreed", "has not signed". */
  private perfectActive(h: number): boolean {
    for (let k = h - 1; k >= this.ds && k >= this.verbGroupStart(h); k--) {
      const x = this.dv.info[k]!;
      if (x.xpos.startsWith('RB')) continue;
      return x.lemmas.includes('have');
    }
    return false;
  }

  /**
   * Whom a directive noun at `noun` is addressed to, named between it and its infinitive at `inf`:
   * "invitation to Gorbachev to visit" → Gorbachev; -1 when it is not such a noun or names nobody.
   */
  private addressee(noun: number, inf: number): number {
    if (!this.dv.info[noun]!.lemmas.some((l) => DIRECTIVE_NOUNS.has(l))) return -1;
    for (const c of this.kids.get(noun) ?? []) {
      if (c <= noun || c >= inf || !this.rel(c).startsWith('nmod')) continue;
      if (this.children(c, CASE).some((k) => ADDRESSEE_CASES.has(this.dv.info[k]!.lower))) return c;
    }
    return -1;
  }

  private hasMark(h: number, word: string): boolean {
    return (this.kids.get(h) ?? []).some((c) => this.rel(c) === 'mark' && this.dv.info[c]!.lower === word);
  }

  /** The noun's phrase names an actor entity, or is a pronoun. */
  private namesActor(n: number): boolean {
    if (this.dv.info[n]!.xpos === 'PRP') return true;
    return phraseEntities(this.dv, this.span(n)).length > 0;
  }

  /**
   * Word order first; else the parse: the noun is the object of a light verb however far
   * apart ("held on Monday the first round of talks"), or the "in" phrase of a verb of taking part.
   */
  override lightVerbSubject(first: number, head: number, light: ReadonlySet<string>): Phrase[] {
    const flat = super.lightVerbSubject(first, head, light);
    if (flat.length > 0) return flat;
    const gov = this.dv.toks[head]!.head ?? -1;
    if (gov < this.ds || gov >= this.de || !this.dv.info[gov]!.xpos.startsWith('VB')) return [];
    const lemmas = this.dv.info[gov]!.lemmas;
    const r = this.rel(head);
    if (r === 'obj' && lemmas.some((l) => light.has(l))) return this.subject(gov);
    const inCase = (this.kids.get(head) ?? []).some((c) => this.rel(c) === 'case' && (this.dv.info[c]!.lower === 'in' || this.dv.info[c]!.lower === 'into'));
    if (r === 'obl' && inCase && lemmas.some((l) => PARTAKING.has(l))) return this.subject(gov);
    return [];
  }

  override object(end: number): Phrase[] {
    const obj = this.children(end, OBJ);
    // A relative pronoun object stands for the phrase before it: "Iran, which the Americans blame".
    const rel = obj[0] !== undefined ? this.antecedent(obj[0]) : null;
    if (rel) return [rel];
    if (obj.length > 0) return this.withConjuncts(obj[0]!);
    return super.object(end);
  }

  override clauseSubject(end: number): Phrase[] {
    // The parse's clausal complement (of a verb) or clause (of a noun: "demands that …"), when
    // it has an active subject; else word order.
    for (const c of this.children(end, CLAUSES)) {
      if (c <= end || !this.demandedClause(c)) continue;
      const subj = this.children(c, ACTIVE_SUBJ);
      if (subj.length > 0 && isNounish(this.dv, subj[0]!)) return this.withConjuncts(subj[0]!);
    }
    return super.clauseSubject(end);
  }

  /**
   * A clause that states what is demanded: "that …", or a bare subjunctive or modal clause
   * ("demanded the US cancel"). A question ("asked if BMW would …", "asked: "How can they …"")
   * states nothing demanded.
   */
  private demandedClause(c: number): boolean {
    const kids = this.kids.get(c) ?? [];
    if (kids.some((k) => this.rel(k) === 'mark' && this.dv.info[k]!.lower !== 'that')) return false;
    if (kids.some((k) => this.dv.info[k]!.xpos.startsWith('W'))) return false;
    if (kids.some((k) => this.rel(k) === 'mark')) return true;
    return this.dv.info[c]!.xpos === 'VB' && !kids.some((k) => this.rel(k).startsWith('aux') && this.dv.info[k]!.xpos !== 'MD');
  }

  override prep(end: number, words: readonly string[]): Phrase[] {
    for (const c of this.children(end, PREP_ARGS)) {
      const cases = (this.kids.get(c) ?? []).filter((k) => this.rel(k) === 'case');
      if (cases.some((k) => words.includes(this.dv.info[k]!.lower))) return this.withConjuncts(c);
    }
    return super.prep(end, words);
  }
}

export function argFinder(v: DocView, first: number, end: number): ArgFinder {
  if (!v.hasDeps) return new FlatArgs(v, first, end);
  parseSentence(v, first, end);
  return new DepsArgs(v, first, end);
}

