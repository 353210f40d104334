/**
 * Coding one sentence: triggers → who did it to whom → a draft event with its
 * type, mode and cameo settled. Place, date, modality, source and sizes are
 * attached afterwards (attach.ts); a trigger whose actor cannot be found becomes
 * an orphan that may still lend its counts to a coded event, never an event.
 */
import type { Entity, PloverType } from '../core/record.js';
import type { ArgFinder } from './args.js';
import { argFinder } from './args.js';
import type { Resolver } from './args-resolve.js';
import type { LexEntry, Lexicon } from './lexicon.js';
import { recipientSlots } from './lexicon.js';
import type { Phrase } from './np.js';
import { dyadAt, isNounish, npEndingAt, npStartingAt, phraseEntities } from './np.js';
import { ComplementLinker } from './complements.js';
import { protestTarget } from './protest-target.js';
import { SenseReader } from './senses.js';
import type { Trigger } from './triggers.js';
import type { DocView } from './view.js';
import { entityAt, firstSentenceAt, isActorEntity, isFirm, isState } from './view.js';
import { roles } from '../knowledge/roles.js';

export interface Draft {
  trigger: Trigger;
  entry: LexEntry;
  type: PloverType;
  mode: string | null;
  context: string[];
  cameo: string | null;
  actor: string[];
  recipient: string[];
  /** Places named as the object ("liberated the Aghbend area"). */
  objectPlaces: string[];
  exact: boolean;
  subjectFirst: number | null;
  /** Token ranges used as arguments: noun triggers inside them are not coded again. */
  argSpans: Phrase[];
  /** The phrases the actor was looked for in (empty when no argument was found at all). */
  actorSpans: Phrase[];
  suppressed: boolean;
  /** Set when this event is the infinitive complement of another trigger. */
  governor: Draft | null;
}

// Nouns that open an office's name, whose "of" phrase is the office's field ("Director of Public
// Prosecutions", "Bureau of Investigation", "Court of Appeal").
const OFFICE_HEADS: ReadonlySet<string> = new Set([
  'director', 'directorate', 'minister', 'ministry', 'department', 'secretary', 'office', 'commissioner', 'bureau',
  'inspector', 'inspectorate', 'court', 'agency', 'division', 'unit', 'chief', 'head', 'prosecutor',
]);
// Types whose "from" after a noun is where the act comes from or leaves, not who issued it.
const FROM_IS_ORIGIN: ReadonlySet<string> = new Set(['RETREAT', 'ASSAULT', 'COERCE', 'MOBILIZE', 'SANCTION']);
/** Nouns of an act done to someone, whose possessor is the one it was done to ("his arrest"). */
const PATIENT_NOUNS: ReadonlySet<string> = new Set([
  'arrest', 'detention', 'capture', 'kidnapping', 'kidnap', 'abduction', 'assassination', 'killing', 'murder', 'execution',
  'expulsion', 'deportation', 'extradition', 'imprisonment', 'jailing', 'internment', 'torture', 'release', 'eviction', 'prosecution',
]);

/** Bodies sent to visit, whose nation is the guest when no one is named ("received a Chinese delegation"). */
const DELEGATIONS: ReadonlySet<string> = new Set(['delegation', 'mission', 'deputation']);

/** Light verbs whose object noun carries the event: "Armenia made the allegation". */
const LIGHT = new Set(['tighten', 'extend', 'reimpose', 'lift', 'renew', 'reiterate', 'complete', 'speed', 'insist', 'organize', 'organise', 'press', 'pursue', 'make', 'level', 'launch', 'carry', 'conduct', 'stage', 'hold', 'mount', 'issue', 'file', 'lodge', 'voice', 'express', 'announce', 'order', 'begin', 'start', 'resume', 'continue', 'step', 'intensify', 'escalate', 'wage', 'deliver', 'impose', 'declare', 'sign', 'reach', 'provide', 'give', 'grant', 'send', 'commit', 'perpetrate', 'authorize', 'authorise', 'approve', 'lead', 'join', 'call',
  // verbs of attending and opening an event: "attended talks", "opened negotiations", "concluded talks"
  'attend', 'open', 'enter', 'conclude', 'undertake', 'perform', 'execute', 'chair', 'co-chair',
  // verbs of keeping an act going, whose doer is their subject: "kept up its shelling", "repeated its demand"
  'keep', 'maintain', 'sustain', 'repeat', 'expand', 'broaden', 'widen', 'accelerate', 'redouble', 'prolong']);
const ADJUNCT_PREPS = new Set(['after', 'during', 'amid', 'following', 'despite']);
// Types whose noun after "amid" may still be the clause's actor's own ("advanced amid heavy fighting").
const FOUGHT_AROUND: ReadonlySet<string> = new Set(['ASSAULT', 'COERCE', 'MOBILIZE']);
// Types whose noun after "despite" is others' answer to the clause's actor ("despite calls for lower rates").
const OPPOSING: ReadonlySet<string> = new Set(['REQUEST', 'ACCUSE', 'PROTEST', 'REJECT', 'THREATEN', 'SANCTION']);
// "claimed responsibility for the attack": verbs by which a party owns an act.
const CLAIMING = new Set(['claim', 'accept', 'take', 'admit', 'assume', 'bear']);
/** Verbs by which a medium cites or reports: "Reuters reported", "the paper quoted". */
const CITING = new Set(['say', 'report', 'quote', 'write', 'tell', 'claim']);
/** Verbs whose subject receives the act their object noun names: "faced criticism", "drew protests". */
const RECEIVING = new Set(['face', 'draw', 'attract', 'receive', 'suffer', 'incur', 'endure', 'weather', 'withstand']);
// "… return to Geneva for talks": a purpose adjunct of a verb of going shares its subject.
const MOTION = new Set(['arrive', 'come', 'go', 'return', 'travel', 'fly', 'head', 'gather', 'leave', 'meet', 'convene']);
const FORCES = new Set(['troop', 'force', 'soldier', 'army', 'military', 'police', 'policeman', 'militia', 'fighter', 'rebel', 'guerrilla', 'peacekeeper', 'protester', 'demonstrator', 'worker', 'student']);
const CROWD = new Set(['protester', 'protestor', 'demonstrator', 'rioter', 'mob', 'crowd', 'marcher']);
const WAR_NOUNS = new Set(['war', 'conflict', 'warfare', 'insurgency', 'occupation', 'invasion']);
// Types that between two firms are trade, not public life ("KLM rejected TWA's invitation", "Lenovo
// signed with IBM", "MCI's directors have backed Verizon"): the judging guide's "deals between
// private firms". Suits, seizures and violence between firms stay events.
const TRADE_TYPES: ReadonlySet<PloverType> = new Set(['AGREE', 'CONSULT', 'SUPPORT', 'REJECT', 'CONCEDE', 'COOPERATE', 'AID', 'REQUEST', 'THREATEN', 'RETREAT']);
// Words that put firms' dealings into public life after all: labour relations, courts and
// regulators ("asked Pan Am's unions to begin negotiations", "agreed to settle pending litigation",
// "asked the London Stock Exchange to launch a formal enquiry").
const PUBLIC_DEALINGS: ReadonlySet<string> = new Set([
  'union', 'worker', 'employee', 'strike', 'court', 'judge', 'lawsuit', 'suit', 'litigation', 'settle', 'settlement',
  'enquiry', 'inquiry', 'investigation', 'probe', 'regulator', 'antitrust', 'government', 'minister', 'ministry',
]);
// Verbs of reporting: their subject speaks of an act, it need not have done it.
const REPORTING: ReadonlySet<string> = new Set(['say', 'tell', 'report', 'announce', 'state', 'add', 'claim', 'confirm', 'deny', 'note', 'warn', 'declare']);
// Nouns naming the form an act takes, so that the noun before them is still the act: "strike action".
const ACT_FORMS: ReadonlySet<string> = new Set([
  'action', 'campaign', 'wave', 'spree', 'operation', 'activity', 'movement', 'march', 'rally', 'plan', 'threat', 'deal',
  'mission', 'effort', 'process', 'bid', 'initiative', 'attempt', 'round', 'session', 'programme', 'program',
  // what carries aid: "an aid package", "aid convoys", "aid flights"
  'package', 'scheme', 'convoy', 'shipment', 'flight', 'delivery', 'money', 'fund', 'budget',
]);

/**
 * A place rather than an actor: a region, a facility, a city (a country is both, and so is a
 * capital that stands for its government: "Washington warned Moscow").
 */
function isPlace(e: Entity): boolean {
  return e.type === 'LOC' || e.type === 'FAC' || (e.type === 'GPE' && !(e.code !== null && (e.code === e.country || e.sector === 'GOV')));
}

export class SentenceCoder {
  constructor(
    private readonly v: DocView,
    private readonly lex: Lexicon,
    private readonly args: ArgFinder,
    private readonly resolver: Resolver,
    private readonly sent: readonly [number, number],
    /** The sentence's noun triggers: an event noun as a verb's subject acts through its own frame. */
    private readonly nouns: readonly Trigger[] = [],
    /** Whether a token lies in a time expression ("threatened on Monday to break relations"). */
    private readonly inTime: (i: number) => boolean = () => false,
  ) {
    this.senses = new SenseReader(v, args, sent, lex.senses, lex.classes);
    this.complements = new ComplementLinker(v, args, resolver, sent, LIGHT, inTime, (k) => this.mainVerbBefore(k));
  }

  private readonly senses: SenseReader;
  private readonly complements: ComplementLinker;

  /**
   * A bare verb row of a light verb ("ordered", "approved", "imposed") whose object is an event
   * noun of the sentence is only that noun's carrier: "ordered an investigation" is the
   * investigation (ACCUSE, by the verb's subject), "approved the deployment of troops" the
   * deployment. A verb's own phrase rows ("impose a curfew") and other objects keep the verb.
   */
  yieldsToNoun(t: Trigger): boolean {
    if (t.isNoun || !t.entries.every((e) => e.pos === 'verb' && e.words.length === 1)) return false;
    if (!this.v.info[t.head]!.lemmas.some((l) => LIGHT.has(l))) return false;
    const objHead = this.args.object(t.last)[0]?.head;
    return objHead !== undefined && this.nouns.some((n) => n.last === objHead);
  }

  /**
   * A noun trigger that is only a modifier of the noun after it ("Iraq's war spokesman", "war
   * crimes", "attack helicopters"): the parse's `compound`, or without a parse a common noun right
   * after it. Not when that noun is a trigger itself ("bomb attack") or names the act's form or
   * carrier ("strike action", "protest campaign", "an aid package").
   */
  qualifiesNoun(t: Trigger, triggers: readonly Trigger[]): boolean {
    if (this.namesOfficeField(t)) return true;
    const next = t.last + 1;
    if (next >= this.sent[1]) return false;
    const head = this.v.toks[t.last]!.head;
    const x = this.v.info[next]!;
    const modifier = this.args.parsed ? this.v.toks[t.last]!.deprel === 'compound' && head !== undefined && head > t.last : x.xpos === 'NN' || x.xpos === 'NNS';
    if (!modifier) return false;
    const h = this.args.parsed ? head! : next;
    if (h >= this.sent[1] || !this.v.info[h]!.xpos.startsWith('NN') || this.v.info[h]!.xpos.startsWith('NNP')) return false;
    if (triggers.some((o) => o !== t && o.first <= h && h <= o.last)) return false;
    return !ACT_FORMS.has(this.v.info[h]!.lemmas[0] ?? this.v.info[h]!.lower);
  }

  /**
   * "deputy director of public prosecutions", "the Federal Bureau of Investigation", "Court of
   * Appeal": a noun after "of" or "for" (and at most two modifiers) that an office's name opens
   * names the office's field, not an act.
   */
  private namesOfficeField(t: Trigger): boolean {
    let k = t.first - 1;
    for (let n = 0; n < 2 && k > this.sent[0] && /^(?:JJ|NNP|NN)$/.test(this.v.info[k]!.xpos) && !/^(?:of|for)$/.test(this.v.info[k]!.lower); n++) k--;
    const prep = this.v.info[k]?.lower;
    if (k - 1 < this.sent[0] || (prep !== 'of' && prep !== 'for')) return false;
    return this.v.info[k - 1]!.lemmas.some((l) => OFFICE_HEADS.has(l));
  }

  private slots(e: LexEntry): readonly string[] {
    return recipientSlots(e);
  }

  private recipients(e: LexEntry, end: number, isNoun: boolean): Phrase[] {
    const out: Phrase[] = [];
    for (const slot of this.slots(e)) {
      if (slot === 'between') continue;
      // "of" belongs to the noun right before it: an "of" further on is another noun's
      // ("rejected the proposal for a ceasefire during the month of Ramadan").
      if (slot === 'of' && this.v.info[end + 1]?.lower !== 'of') continue;
      // A row ending in its own slot's preposition ("call on", "appeal to") has the phrase right after it.
      const own = slot === this.v.info[end]!.lower;
      const found = slot === 'obj' || own ? (isNoun && !own ? [] : this.args.object(end)) : this.args.prep(end, [slot]);
      if (found.length > 0) {
        out.push(...found);
        // A slot whose phrase names no party lets the next one speak: "demanded support from the
        // Montenegro Assembly", "provided food aid to Liberia".
        if (this.resolver.resolve(found, (x) => !isPlace(x)).ids.length > 0) break;
      }
    }
    // A demand is made of whoever the demanded clause has act: "demanded that the US cancel …".
    if (out.length === 0 && e.type === 'REQUEST') out.push(...this.args.clauseSubject(end));
    return out;
  }

  /**
   * A phrase row that holds the verb's object ("expelled two Russian diplomats", "rejected a
   * U.S. request", "forced the UN refugee agency, UNHCR, out") has its recipient inside itself:
   * the object, or whoever it belongs to ("a U.S. request", "an appeal from President X",
   * "inspectors of the IAEA"); so does one holding its slot's preposition ("appealed to the UN for").
   */
  private objectInTrigger(t: Trigger, e: LexEntry): Phrase[] {
    if (t.last <= t.head) return [];
    const slots = this.slots(e);
    // "appealed to the United Nations for": a slot's preposition inside the row's span.
    for (let k = t.head + 1; k < t.last; k++) {
      if (!slots.includes(this.v.info[k]!.lower)) continue;
      const np = npStartingAt(this.v, k + 1, t.last);
      if (np) return [np];
    }
    if (!slots.some((slot) => slot === 'obj' || slot === 'of')) return [];
    const out: Phrase[] = [{ first: t.head + 1, last: t.last, head: t.last }];
    const next = this.v.info[t.last + 1]?.lower;
    // "prevented the demonstration staged by students": whoever did what the row holds.
    const agentBy = next !== undefined && this.v.info[t.last + 1]!.xpos === 'VBN' && this.v.info[t.last + 2]?.lower === 'by';
    if (isNounish(this.v, t.last) && (next === 'of' || next === 'by' || next === 'from' || agentBy)) {
      const np = npStartingAt(this.v, t.last + (agentBy ? 3 : 2), this.sent[1]);
      if (np) out.push(np);
    }
    return out;
  }

  /** A possessor phrase: "his", "Mubanga's", "the prisoners'". */
  private possessive(p: Phrase): boolean {
    const last = this.v.info[p.last]!;
    return last.xpos === 'POS' || last.xpos === 'PRP$' || (p.first === p.last && last.xpos === 'WP$');
  }

  private nounActor(t: Trigger, e: LexEntry): { actor: Phrase[]; recipient: Phrase[] } {
    const between = this.slots(e).includes('between') ? this.args.prep(t.last, ['between']) : [];
    // "a mediation mission between Syria and Arafat": a third party meets the two sides, who are
    // its recipients; the mediator is found as any other noun's actor is.
    const mediated = e.mode === 'third-party';
    if (between.length > 0 && !mediated) return { actor: between, recipient: [] };
    let recipient = [...(mediated ? between : []), ...this.recipients(e, t.last, true)];
    let mods = this.args.nounModifiers(t.first);
    // "his arrest", "Kennedy's assassination": the possessor of an act done to someone is whom it
    // was done to; its doer, if named, is "by" it. Not with an "of" after it: "Israel's arrest of
    // the Palestinian leader".
    if (mods && PATIENT_NOUNS.has(e.words[0]!) && this.possessive(mods) && this.v.info[t.last + 1]?.lower !== 'of') {
      recipient = [mods, ...recipient];
      mods = null;
    }
    const theatre = this.namesTheatre(t, mods);
    if (mods && !theatre && this.resolver.resolve([mods]).ids.length > 0) return { actor: [mods], recipient };
    const by = this.args.prep(t.last, ['by']);
    if (by.length > 0) return { actor: by, recipient };
    // "Regan has come in for tough criticism", "faced criticism from the opposition", "came under
    // fire from rebels": who receives the act is its recipient, and only "from" names its actor.
    const receiver = this.receiverOf(mods ? mods.first : t.first);
    if (receiver.length > 0) return { actor: this.args.prep(t.last, ['from']), recipient: [...receiver, ...recipient] };
    // "approved an extradition request from the US", "an offer from Tokyo": a "from" right after a
    // noun of what a party says or gives names who issued it. Not where "from" is whence forces
    // move or strike ("the withdrawal from Kabul", "rocket fire from Gaza").
    if (this.v.info[t.last + 1]?.lower === 'from' && !FROM_IS_ORIGIN.has(e.type)) {
      // Only the phrase up to its head: "criticism from consumer groups concerned at obesity in US
      // children" is not the United States'.
      const from = this.args.prep(t.last, ['from']).map((ph) => ({ ...ph, last: Math.max(ph.head, ph.first) }));
      // A town is where a call came from ("said in a telephone conversation from New York").
      if (this.resolver.resolve(from, (x) => isActorEntity(x) && !isPlace(x)).ids.length > 0) return { actor: from, recipient: recipient.filter((r) => !from.some((f) => f.head === r.head)) };
    }
    // The place names where, and the clause around it says nothing of who: "opposition to the Iraq war".
    if (theatre) return { actor: [], recipient };
    // "the withdrawal of Russian troops": where "of" is not the recipient's slot, forces after it act —
    // when they are someone's. Unattributed ("approved the deployment of 500 troops") they say
    // nothing, and whoever carries the noun may still be its actor.
    if (!this.slots(e).includes('of')) {
      const of = this.args.prep(t.last, ['of']).filter((ph) => this.v.info[ph.head]!.lemmas.some((l) => FORCES.has(l)));
      if (of.length > 0 && this.resolver.resolve(of).ids.length > 0) return { actor: of, recipient };
    }
    const npFirst = mods ? mods.first : t.first;
    const answerable = this.responsibleParty(npFirst, t.last);
    if (answerable.length > 0) return { actor: answerable, recipient };
    const light = this.args.lightVerbSubject(npFirst, t.head, LIGHT);
    if (light.length > 0 || npFirst - 1 < this.sent[0]) return { actor: light, recipient };
    // "… after fierce fighting with guerrillas": an adjunct noun shares the clause's actor; so does
    // a reciprocal one after "in" ("In a meeting with Mubarak, Arafat said …": one party of it).
    const p = this.adjunctPrep(npFirst - 1, this.slots(e).includes('with'));
    if (p >= 0) {
      // An adjunct opening the sentence belongs to the clause after its comma.
      const main = p === this.sent[0] ? this.mainVerbAfterComma(t.last) : this.mainVerbBefore(p);
      const motion = this.v.info[p]!.lower !== 'for' || (main >= 0 && this.v.info[main]!.lemmas.some((l) => MOTION.has(l)));
      // "Following Sunday's battle, French officers said": who reports a fight did not fight it.
      const reporter = p === this.sent[0] && main >= 0 && (e.type === 'ASSAULT' || e.type === 'COERCE') && this.v.info[main]!.lemmas.some((l) => REPORTING.has(l));
      // "end Hong Kong unrest amid protests", "pressed ahead despite criticism": what goes on around
      // an act, or is said against it, is others' doing; fighting around it may be the actor's own,
      // and so may what it goes back on ("despite pledges last year that …, Peking has said").
      const prep = this.v.info[p]!.lower;
      const background = (prep === 'amid' && !FOUGHT_AROUND.has(e.type)) || (prep === 'despite' && OPPOSING.has(e.type));
      if (main >= 0 && motion && !reporter && !background && !this.args.passive(main)) return { actor: this.args.subject(main), recipient };
    }
    return { actor: [], recipient };
  }

  /** The entity is a news medium the sentence cites: "according to X", "told X", "X said", "X reported". */
  private citedMedium(id: string): boolean {
    const e = this.v.byId.get(id);
    if (!e || !(e.sector === 'MED' || e.code?.endsWith('MED'))) return false;
    for (let k = this.sent[0]; k < this.sent[1]; k++) {
      const r = this.v.cover[k]?.find((x) => x.entity.id === id && x.first === k);
      if (!r) continue;
      const before = this.v.info[k - 1]?.lower ?? '';
      // Past the names listed after it: "The Sunday Times and The Sunday Telegraph say".
      let j = r.last + 1;
      for (let listed = 0; listed < 4 && (this.v.info[j]?.lower === 'and' || this.v.info[j]?.lower === ','); listed++) {
        const next = this.v.cover[j + 1]?.find((x) => x.first === j + 1);
        if (!next) break;
        j = next.last + 1;
      }
      const after = this.v.info[j]?.lemmas ?? [];
      if ((k - 1 >= this.sent[0] && (before === 'told' || before === 'to')) || after.some((l) => CITING.has(l))) return true;
    }
    return false;
  }

  /**
   * The subject of a verb that receives the noun phrase starting at `first`: its object ("faced
   * criticism", "drew protests"), or after "come under" and "come in for"; [] when there is none.
   */
  private receiverOf(first: number): Phrase[] {
    const before = (k: number): string => (k >= this.sent[0] ? this.v.info[k]!.lower : '');
    const come = (k: number): boolean => k >= this.sent[0] && this.v.info[k]!.xpos.startsWith('VB') && this.v.info[k]!.lemmas.includes('come');
    if (before(first - 1) === 'under' && come(first - 2)) return this.args.subject(first - 2);
    if (before(first - 1) === 'for' && before(first - 2) === 'in' && come(first - 3)) return this.args.subject(first - 3);
    const k = first - 1;
    const x = k >= this.sent[0] ? this.v.info[k]! : null;
    return x && x.xpos.startsWith('VB') && x.lemmas.some((l) => RECEIVING.has(l)) ? this.args.subject(k) : [];
  }

  /**
   * "the Iraq war", "the Kabul bombing": a place's bare name before an event noun says where it
   * happened, not who did it ("an Israeli raid", "a US strike" do name their actor): a town's
   * name before any event noun, a country's before a noun of war.
   */
  private namesTheatre(t: Trigger, mods: Phrase | null): boolean {
    if (!mods) return false;
    const places: Entity[] = [];
    for (let k = mods.first; k <= mods.last; k++) {
      const e = entityAt(this.v, k)?.entity;
      if (!e) continue;
      // "the Iran-Iraq war": two states in one word are its parties, not its place.
      if (dyadAt(this.v, k).length > 0) return false;
      if (e.type !== 'GPE' && e.type !== 'LOC') return false;
      // A possessor is the actor: "Washington's objections", "Lebanon's civil war".
      if (!this.v.info[k]!.xpos.startsWith('NNP') || this.v.info[k + 1]?.xpos === 'POS') return false;
      places.push(e);
    }
    if (places.length === 0) return false;
    const war = this.v.info[t.head]!.lemmas.some((l) => WAR_NOUNS.has(l));
    return war || places.every((e) => e.geo !== null && (e.geo.precision === 'city' || e.geo.precision === 'locality'));
  }

  /**
   * "Two Palestinians were killed in an Israeli raid": an agentless harm done "in"/"during" a
   * violent event noun takes that noun's actor, or for a reciprocal noun its "with" party.
   */
  private inAttack(last: number): Phrase[] {
    const [, e] = this.sent;
    for (let k = last + 1; k + 1 < e; k++) {
      const w = this.v.info[k]!.lower;
      if (w === ';' || w === 'but' || w === 'and' || this.v.info[k]!.xpos === 'VBD') return [];
      if (w !== 'in' && w !== 'during') continue;
      const n = this.nouns.find((x) => x.first > k && x.first <= k + 5 && x.entries.some((en) => en.type === 'ASSAULT' || en.type === 'COERCE'));
      if (!n) continue;
      let mods = true;
      for (let j = k + 1; j < n.first && mods; j++) mods = /^(DT|JJ|NNPS?|NNS?|HYPH|CD|VBN)$/.test(this.v.info[j]!.xpos);
      if (!mods) continue;
      const own = this.nounActor(n, n.entries[0]!).actor;
      // "killed in clashes with Israeli troops": a reciprocal noun's "with" party is one of its sides.
      if (own.length === 0 && this.slots(n.entries[0]!).includes('between')) return this.args.prep(n.last, ['with']);
      return own;
    }
    return [];
  }

  /**
   * The party owning an agentless attack: "X claimed/admitted responsibility" (or credit) in this
   * sentence or the one before, or "… blamed on X" after the verb in this one. Word order, as for
   * the noun frames; a negated claim ("did not claim") owns nothing.
   */
  private claimant(last: number): Phrase[] {
    const [s, e] = this.sent;
    const info = (k: number) => this.v.info[k]!;
    for (let k = last + 1; k + 1 < e; k++) {
      if (info(k).lemmas.includes('blame') && info(k).xpos.startsWith('VB') && info(k + 1).lower === 'on') {
        const on = npStartingAt(this.v, k + 2, e);
        return on ? [on] : [];
      }
    }
    const si = firstSentenceAt(this.v.sentTokens, s);
    const prev = si > 0 ? this.v.sentTokens[si - 1]! : null;
    for (const [a, b, args] of [[s, e, this.args], ...(prev ? [[prev[0], prev[1], argFinder(this.v, prev[0], prev[1])] as const] : [])] as const) {
      for (let k = a; k < b; k++) {
        const w = info(k).lower;
        if (w !== 'responsibility' && w !== 'credit') continue;
        let j = k - 1;
        while (j > a && /^(DT|JJ|PRP\$)$/.test(info(j).xpos)) j--;
        if (!info(j).xpos.startsWith('VB') || !info(j).lemmas.some((l) => CLAIMING.has(l))) continue;
        let negated = false;
        for (let g = args.verbGroupStart(j); g < j; g++) negated ||= ['not', "n't", 'never'].includes(info(g).lower);
        if (!negated) return args.subject(j);
      }
    }
    return [];
  }

  /**
   * A violent event noun heading a verb's subject: the subject phrase contains it with only
   * modifiers before it, or (word order, which stops at prepositions) the phrase is the tail of a
   * chain of prepositional phrases hung from it ("the attack on Kabul by the Taliban killed").
   */
  private eventNounSubject(subj: readonly Phrase[]): Trigger | null {
    const p = subj[0];
    if (!p) return null;
    const violent = (n: Trigger): boolean => n.entries.some((e) => e.type === 'ASSAULT' || e.type === 'COERCE');
    for (const n of this.nouns) {
      if (!violent(n) || n.first < p.first || n.last > p.last) continue;
      let mods = true;
      for (let k = p.first; k < n.first && mods; k++) mods = /^(DT|JJ|NNPS?|NNS?|HYPH|POS|PRP\$|CD|VBN)$/.test(this.v.info[k]!.xpos);
      // The phrase's head is the noun or lies after it (its prepositional tail).
      if (mods && p.head >= n.first) return n;
    }
    let k = p.first - 1;
    for (let hops = 0; hops < 3 && k - 1 >= this.sent[0] && this.v.info[k]!.xpos === 'IN'; hops++) {
      const n = this.nouns.find((x) => x.last === k - 1);
      if (n) return violent(n) ? n : null;
      const np = npEndingAt(this.v, k - 1, this.sent[0]);
      if (!np) return null;
      k = np.first - 1;
    }
    return null;
  }

  /**
   * Who is answerable for the act a noun names: "Hamas claimed responsibility for the bombing",
   * "Israel held Hamas responsible for the attack", "Hamas was blamed for the attack", "Israel
   * blamed Hamas for the attack", "blamed the attack on Hamas". Word order only (the frames are
   * fixed phrases); the noun phrase starts at `npFirst` and ends at `last`.
   */
  private responsibleParty(npFirst: number, last: number): Phrase[] {
    const [s] = this.sent;
    const info = (k: number) => this.v.info[k]!;
    const f = npFirst - 1;
    if (f - 1 >= s && info(f).lower === 'for') {
      let j = f - 1;
      if (info(j).lemmas.includes('responsibility')) {
        while (j - 1 >= s && /^(DT|JJ|PRP\$)$/.test(info(j - 1).xpos)) j--;
        const verb = j - 1;
        if (verb >= s && info(verb).xpos.startsWith('VB') && info(verb).lemmas.some((l) => CLAIMING.has(l))) return this.args.subject(verb);
        return [];
      }
      // "Hamas was blamed for": the passive's subject.
      if (info(j).xpos === 'VBN' && info(j).lemmas.includes('blame')) return this.args.subject(j);
      if (info(j).lower === 'responsible') {
        // "Israel held Hamas responsible for": the phrase before "responsible"; "Hamas is responsible for": the subject.
        const held = npEndingAt(this.v, j - 1, s);
        if (held && held.first - 1 >= s && info(held.first - 1).lemmas.includes('hold')) return [held];
        return info(j - 1)?.lemmas.includes('be') ? this.args.subject(j) : [];
      }
      // "Israel blamed Hamas for": the object of "blame".
      const np = npEndingAt(this.v, j, s);
      if (np && np.first - 1 >= s && info(np.first - 1).xpos.startsWith('VB') && info(np.first - 1).lemmas.includes('blame')) return [np];
      return [];
    }
    // "an attack blamed on the Taliban", "the bombing, blamed on ETA,": a reduced passive after the noun.
    let b = last + 1;
    if (info(b)?.lower === ',') b++;
    if (info(b)?.xpos === 'VBN' && info(b)!.lemmas.includes('blame') && info(b + 1)?.lower === 'on') {
      const on = npStartingAt(this.v, b + 2, this.sent[1]);
      return on ? [on] : [];
    }
    // "the attack, which the Taliban claimed", "… for which Hamas claimed responsibility", "…, which
    // police blamed on ETA": a relative clause owning the act.
    if (info(b)?.lower === 'for' && info(b + 1)?.lower === 'which') b++;
    if (info(b)?.lower === 'which' || (info(b)?.lower === 'that' && info(b)!.xpos !== 'IN')) {
      const np = npStartingAt(this.v, b + 1, this.sent[1]);
      // Across auxiliaries ("which the Taliban has claimed"); a negated claim owns nothing.
      let v = np ? np.last + 1 : this.sent[1];
      let negated = false;
      for (; v < this.sent[1] && (/^(MD|RB)$/.test(info(v).xpos) || info(v).lemmas.includes('have') || info(v).lemmas.includes('do')); v++) {
        negated ||= ['not', "n't", 'never'].includes(info(v).lower);
      }
      if (np && !negated && v < this.sent[1] && info(v).xpos.startsWith('VB')) {
        if (info(v).lemmas.includes('claim')) return [np];
        if (info(v).lemmas.includes('blame') && info(v + 1)?.lower === 'on') {
          const on = npStartingAt(this.v, v + 2, this.sent[1]);
          return on ? [on] : [];
        }
      }
    }
    // "blamed the attack on Hamas": the noun is the object of "blame", the party after "on".
    if (f >= s && info(f).xpos.startsWith('VB') && info(f).lemmas.includes('blame') && info(last + 1)?.lower === 'on') {
      const on = npStartingAt(this.v, last + 2, this.sent[1]);
      return on ? [on] : [];
    }
    return [];
  }

  /**
   * The adjunct preposition a noun trigger hangs off, through measure phrases
   * ("after five days of fighting"); -1 when there is none.
   */
  private adjunctPrep(k: number, reciprocal = false): number {
    let p = k;
    for (let n = 0; n < 2 && p > this.sent[0] && this.v.info[p]!.lower === 'of'; n++) {
      let j = p - 1;
      while (j >= this.sent[0] && /^(DT|CD|JJ|NNS?)$/.test(this.v.info[j]!.xpos)) j--;
      if (j === p - 1) return -1;
      p = j;
    }
    if (p < this.sent[0]) return -1;
    const w = this.v.info[p]!.lower;
    return ADJUNCT_PREPS.has(w) || w === 'for' || (reciprocal && w === 'in') ? p : -1;
  }

  /** The first finite verb after the comma closing an opening adjunct that ends at or after `k`. */
  private mainVerbAfterComma(k: number): number {
    const [, end] = this.sent;
    let j = k + 1;
    while (j < end && this.v.info[j]!.lower !== ',') j++;
    for (j++; j < end; j++) {
      const x = this.v.info[j]!;
      if (x.xpos === 'VBD' || x.xpos === 'VBZ' || x.xpos === 'VBP') return x.lemmas.includes('be') || x.lemmas.includes('have') ? this.lexicalAfter(j) : j;
      if (x.xpos === 'MD') return this.lexicalAfter(j);
    }
    return -1;
  }

  /** The lexical verb ending the auxiliary chain that starts at `j` ("has been" → "meeting"). */
  private lexicalAfter(j: number): number {
    let k = j;
    while (k + 1 < this.sent[1] && (this.v.info[k + 1]!.xpos.startsWith('VB') || this.v.info[k + 1]!.xpos.startsWith('RB'))) k++;
    return this.v.info[k]!.xpos.startsWith('VB') ? k : j;
  }

  private mainVerbBefore(k: number): number {
    for (let j = k - 1; j >= this.sent[0]; j--) {
      const x = this.v.info[j]!;
      if ((x.xpos === 'VBD' || x.xpos === 'VBZ' || x.xpos === 'VBP' || x.xpos === 'VBN') && !x.lemmas.includes('be')) return j;
    }
    return -1;
  }

  draft(t: Trigger): Draft {
    let actorPh: Phrase[];
    let recipPh: Phrase[];
    let subjectFirst: number | null = null;
    let targets: string[] = [];
    let passive = false;
    const lead = t.entries[0]!;
    if (t.isNoun) {
      ({ actor: actorPh, recipient: recipPh } = this.nounActor(t, lead));
    } else {
      const subj = this.args.subject(t.head);
      subjectFirst = subj[0]?.first ?? null;
      // A bare participle is passive only for a verb that takes an object: "Nick Griffin
      // arrested" is, "students rallied" (tagged VBN) is not.
      const takesObject = this.slots(lead)[0] === 'obj' && !lead.swap;
      passive = this.args.passive(t.head) || (takesObject && this.args.bareParticiple(t.head));
      if (passive) {
        actorPh = this.args.prep(t.last, ['by']);
        if (this.resolver.resolve(actorPh).ids.length === 0) actorPh = this.args.detachedAgent(t.last);
        // "Five soldiers were killed …, and the Taliban claimed responsibility": an agentless attack
        // takes the party that owns it; no owner named, no event.
        if (lead.type === 'ASSAULT' && this.resolver.resolve(actorPh).ids.length === 0) actorPh = this.inAttack(t.last);
        if (lead.type === 'ASSAULT' && this.resolver.resolve(actorPh).ids.length === 0) actorPh = this.claimant(t.last);
        recipPh = subj;
        // "the envoy was received by the president": a swap row's passive subject is its guest,
        // and "by" names the host ("the ceremony, hosted by Chris Rock": no guest, no visit).
        if (lead.swap && (lead.recipient ?? []).length === 0) [actorPh, recipPh] = [this.namesGuest(subj) ? subj : [], actorPh];
      } else if (lead.swap) {
        // "received the envoy": the guest is the object. A row naming a slot has its giver there
        // ("received military aid from the United States"), or inside itself ("U.S. aid").
        const from = lead.recipient ?? [];
        actorPh = from.length === 0 ? this.args.object(t.last) : this.args.prep(t.last, from);
        if (from.length === 0 && !this.namesGuest(actorPh)) actorPh = [];
        if (from.length > 0 && this.resolver.resolve(actorPh).ids.length === 0) {
          const own: Phrase = { first: t.head + 1, last: t.last, head: t.last };
          // "obtain its first loans": the receiver's own word names no giver.
          const taker = this.resolver.resolve(subj).ids;
          actorPh = this.resolver.resolve([own]).ids.some((id) => !taker.includes(id)) ? [own] : [];
        }
        recipPh = subj;
      } else {
        actorPh = subj;
        // "An Israeli air strike on Gaza killed five", "the attack by the Taliban killed 12": the harm
        // is done by whoever the event noun names as its actor; never by its target ("the attack on
        // Kabul killed 12" has none).
        const carrier = lead.type === 'ASSAULT' ? this.eventNounSubject(subj) : null;
        if (carrier) {
          const own = this.nounActor(carrier, carrier.entries[0]!);
          if (this.resolver.resolve(own.actor).ids.length > 0) actorPh = own.actor;
          // "the Iraq war had hit trust": the war's place is no actor of what the war did.
          else if (this.namesTheatre(carrier, this.args.nounModifiers(carrier.first))) actorPh = [];
          // Only the target right after the noun ("attack on Kabul"), not a word-order guess further
          // on; a reciprocal noun's other party fights too ("clashes with Hezbollah killed two").
          else if (!this.slots(carrier.entries[0]!).includes('between')) targets = this.resolver.resolve(own.recipient.filter((ph) => ph.first === carrier.last + 2), () => true).ids;
        }
        // "Fighting erupted between X and Y": a gerund read as a verb with no subject is the
        // event's name, and "between" names all its parties.
        if (subj.length === 0 && this.v.info[t.head]!.xpos === 'VBG') {
          const between = this.args.prep(t.last, ['between']);
          if (this.resolver.resolve(between).ids.length > 1) actorPh = between;
        }
        recipPh = this.recipients(lead, t.last, false);
        // The phrase found after the trigger stays an argument span: a noun in it is no event of its own.
        // A place found after it is no party: "demanded the withdrawal of Serbian forces from Bosnia".
        if (!this.resolver.resolve(recipPh, () => true).ids.some((id) => !isPlace(this.v.byId.get(id)!))) recipPh = [...this.objectInTrigger(t, lead), ...recipPh];
        const between = this.slots(lead).includes('between') ? this.args.prep(t.last, ['between']) : [];
        recipPh.push(...between);
      }
    }
    const actor = this.resolver.resolve(actorPh);
    actor.ids = actor.ids.filter((id) => !targets.includes(id));
    // A news medium the sentence cites ("According to Reuters, they plan to seize …", "Kyodo News
    // Agency said members … filed a complaint calling for …") reports the act; read through a
    // pronoun or another phrase, it is no actor of it.
    if (!actor.exact) actor.ids = actor.ids.filter((id) => !this.citedMedium(id));
    // Inside a direct quotation a verb without a subject is the speaker's own act ("Pleased to host …").
    const speaker = !t.isNoun && subjectFirst === null ? this.resolver.speakerOf(t.head) : null;
    if (speaker !== null && !lead.swap && !passive && actor.ids.length === 0) {
      actor.ids.push(speaker);
      actor.exact = false;
    }
    const chosen = this.chooseEntry(t, actor.ids);
    let entry = chosen ?? lead;
    // A protest that reports speech is an expression of opinion, which the manual codes ACCUSE
    // (PROTEST "presumes significant physical activity"): "…, a rights group protested".
    if (entry.type === 'PROTEST' && !t.isNoun && this.reportsSpeech(t.head, subjectFirst)) {
      entry = t.entries.find((e) => e.type === 'ACCUSE') ?? entry;
    }
    const riot = entry.type === 'ASSAULT' && !t.isNoun && actorPh.some((ph) => this.v.info[ph.head]!.lemmas.some((l) => CROWD.has(l)));
    const recip = this.resolver.resolve(recipPh, () => true);
    if (speaker !== null && lead.swap && !recip.ids.includes(speaker)) recip.ids.push(speaker);
    const places: string[] = [];
    const recipient: string[] = [];
    for (const id of recip.ids) {
      const ent = this.v.byId.get(id);
      if (!ent || actor.ids.includes(id)) continue;
      if (isPlace(ent)) places.push(id);
      else recipient.push(id);
    }
    // Territory is taken in the object ("liberated the Aghbend area", "control over Nagorno-Karabakh").
    if (entry.context.includes('territory')) {
      const objs = [...(t.isNoun ? [] : this.args.object(t.last)), ...this.args.prep(t.last, ['over', 'of'])];
      for (const id of this.resolver.resolve(objs, (e) => e.type !== 'PERSON' && e.type !== 'NORP' && e.type !== 'ORG').ids) {
        if (!places.includes(id) && !actor.ids.includes(id)) places.unshift(id);
      }
    }
    const d: Draft = {
      trigger: t, entry, type: entry.type, mode: entry.mode, context: [...entry.context], cameo: entry.cameo,
      actor: actor.ids, recipient, objectPlaces: places, exact: actor.exact, subjectFirst,
      argSpans: [...actorPh, ...recipPh], actorSpans: actorPh, suppressed: chosen === null, governor: null,
    };
    if (d.suppressed) return d;
    // Violence by a civilian crowd is a violent protest (manual PROTEST `riot`, CAMEO 145):
    // "protesters stormed the palace" is not a military assault.
    if (riot) {
      d.type = 'PROTEST';
      d.mode = 'riot';
      d.cameo = '145';
      d.context = [];
      return d;
    }
    if (d.type === 'PROTEST' && d.recipient.length === 0) d.recipient = protestTarget(this.v, this.resolver, this.sent, t.last, d.actor);
    this.peacekeeping(d);
    this.otherSense(d);
    this.betweenFirms(d);
    this.refineMode(d);
    return d;
  }

  /** An act of trade (TRADE_TYPES) with firms on both sides is no event, unless its sentence names public dealings. */
  private betweenFirms(d: Draft): void {
    if (d.suppressed || !TRADE_TYPES.has(d.type) || d.recipient.length === 0) return;
    // A firm's side: the firm, or a person of the business sector ("Chrysler treasurer Fred Zuckerman").
    const trading = (ids: readonly string[]): boolean => ids.length > 0 && ids.every((id) => {
      const e = this.v.byId.get(id);
      return e !== undefined && (isFirm(e) || (e.type === 'PERSON' && e.sector === 'BUS'));
    });
    if (!trading(d.actor) || !trading(d.recipient)) return;
    for (let k = this.sent[0]; k < this.sent[1]; k++) if (this.v.info[k]!.lemmas.some((l) => PUBLIC_DEALINGS.has(l))) return;
    d.suppressed = true;
  }

  /**
   * A verb used as a reporting verb: a "that"-clause, colon or quotation after it
   * ("protested that …"), or a clause before its subject it reports, set off by a
   * comma ("X is failing …, a rights group protested here Wednesday").
   */
  private reportsSpeech(h: number, subjectFirst: number | null): boolean {
    const next = this.v.info[h + 1]?.lower ?? '';
    if (next === 'that' || next === ':' || next === '“' || next === '"') return true;
    if (subjectFirst === null || subjectFirst - 1 <= this.sent[0] || this.v.info[subjectFirst - 1]!.lower !== ',') return false;
    // An opening adverbial clause ("After the vote was annulled, students protested") reports nothing.
    const open = this.v.info[this.sent[0]]!.xpos;
    if (open === 'IN' || open === 'WRB' || open.startsWith('RB') || open === 'VBG' || open === 'VBN') return false;
    for (let k = this.sent[0]; k < subjectFirst - 1; k++) {
      const x = this.v.info[k]!.xpos;
      if (x === 'VBD' || x === 'VBZ' || x === 'VBP' || x === 'MD') return true;
    }
    return false;
  }

  /**
   * Peacekeepers sent are AID, not a threatening MOBILIZE (manual, AID and MOBILIZE):
   * "the deployment of NATO peacekeeping troops", "deployed peacekeepers to Bosnia".
   */
  private peacekeeping(d: Draft): void {
    if (d.type !== 'MOBILIZE') return;
    const t = d.trigger;
    const moved = t.isNoun ? this.args.prep(t.last, ['of']) : this.args.object(t.last);
    for (const ph of moved) {
      for (let k = ph.first; k <= ph.last; k++) {
        if (!this.v.info[k]!.lower.startsWith('peacekeep')) continue;
        d.type = 'AID';
        d.mode = null;
        d.cameo = '074';
        d.context = ['peacekeeping'];
        return;
      }
    }
  }

  /** Another sense of the trigger (senses.ts): another type, or no event at all. */
  private otherSense(d: Draft): void {
    const r = this.senses.read(d.trigger, d.type, d.actor);
    if (r === undefined) return;
    if (r === null) {
      d.suppressed = true;
      return;
    }
    d.type = r.type;
    d.mode = r.mode;
    d.cameo = r.cameo;
    d.context = [];
  }

  /**
   * A host's guest is a party the object names: a person, body or state heading it, or the nation
   * or state of a person or delegation it heads ("hosted the Iraqi foreign minister"). Things are
   * no guests, nor is a party named inside a thing: "received her Oscar", "received 75 pct of
   * Argo's assets", "received a statement from Philip Green", "receive the balance in Australian dlrs".
   */
  private namesGuest(phrases: readonly Phrase[]): boolean {
    return phrases.some((p) => phraseEntities(this.v, p).some((n) => {
      if (n.exact) return n.entity.type !== 'MISC';
      if (n.entity.type !== 'GPE' && n.entity.type !== 'NORP') return false;
      const head = this.v.info[p.head]!;
      return roles().lookup(head.lower) !== undefined || head.lemmas.some((l) => DELEGATIONS.has(l));
    }));
  }

  /**
   * The trigger's first row whose actor condition holds. With no actor found, the first row: the
   * condition cannot be read. With an actor that no row's condition takes, none: "the rebels
   * dispersed" is no crowd control, "received an OBE" no visit.
   */
  private chooseEntry(t: Trigger, actor: readonly string[]): LexEntry | null {
    const found = t.entries.find((e) => this.holds(e, actor));
    if (found) return found;
    return actor.length === 0 ? t.entries[0]! : null;
  }

  private holds(e: LexEntry, actor: readonly string[]): boolean {
    if (e.when === null) return true;
    const first = actor[0] ? this.v.byId.get(actor[0]) : undefined;
    if (!first) return false;
    if (e.when === 'coded') return first.country !== null || first.sector !== null;
    return e.when === 'state' ? isState(first) : !isState(first);
  }

  /** Mode from instruments or the object's head (modes.tsv). */
  private refineMode(d: Draft): void {
    const [a, b] = this.args.clause(d.trigger.head);
    const objHead = d.trigger.isNoun ? -1 : (this.args.object(d.trigger.last)[0]?.head ?? -1);
    for (const r of this.lex.modes) {
      if (r.type !== d.type) continue;
      if (r.scope === 'object') {
        if (objHead < 0 || !this.v.info[objHead]!.lemmas.includes(r.word)) continue;
      } else {
        if (d.mode !== null) continue;
        let hit = false;
        for (let k = a; k < b && !hit; k++) hit = this.v.info[k]!.lemmas[0] === r.word || this.v.info[k]!.lower === r.word;
        if (!hit) continue;
      }
      if (d.type === 'COERCE' && r.mode === 'abduct') {
        d.type = 'ASSAULT';
        d.cameo = '181';
      }
      d.mode = r.mode;
      return;
    }
  }

  /** Infinitive complements (complements.ts). */
  linkComplements(drafts: Draft[]): void {
    this.complements.link(drafts);
  }

  /** "X says Y must …" (complements.ts). */
  obligations(drafts: Draft[]): Draft[] {
    return this.complements.obligations(drafts);
  }

  /** The noun trigger `t` stands right before the "to" of the infinitive that `d` heads. */
  governsInfinitive(t: Trigger, d: Draft): boolean {
    return this.complements.governsInfinitive(t, d);
  }
}

