/**
 * How one draft of a sentence governs another: an infinitive complement and the verb or noun
 * before its "to" ("threatened to attack" is one THREATEN, "urged Baku to withdraw" one REQUEST,
 * "agreed to open talks" keeps both), a threat's own clause ("warned it would attack"), and
 * "X says Y must …" as a REQUEST from X to Y (not when Y is X's own state). Split
 * from code.ts, which drafts the events these read.
 */
import type { PloverType } from '../core/record.js';
import type { ArgFinder } from './args.js';
import type { Resolver } from './args-resolve.js';
import type { Draft } from './code.js';
import type { LexEntry } from './lexicon.js';
import type { Trigger } from './triggers.js';
import type { DocView } from './view.js';

const MUST_ENTRY: LexEntry = {
  pattern: 'must', words: ['must'], pos: 'phrase', type: 'REQUEST', mode: null, context: [], cameo: '100',
  recipient: [], swap: false, when: null, notes: 'X says Y must …: a demand (built in, not in the lexicon)',
};
// What one party may be told it must be: a duty, not an inference ("Brazil must be flexible").
const DUTY_ADJECTIVES: ReadonlySet<string> = new Set(['flexible', 'open', 'ready', 'prepared', 'willing', 'careful', 'accountable', 'transparent', 'fair', 'responsible', 'vigilant', 'independent', 'neutral', 'realistic', 'consistent']);
const CONFLICTUAL: ReadonlySet<PloverType> = new Set(['ASSAULT', 'COERCE', 'SANCTION', 'THREATEN']);
const GOVERNING: ReadonlySet<PloverType> = new Set(['THREATEN', 'REQUEST', 'REJECT']);
const UNCOOPERATIVE: ReadonlySet<PloverType> = new Set(['REJECT', 'ACCUSE', 'PROTEST']);

function threatMode(t: Draft): string | null {
  if (t.type === 'ASSAULT') return 'violence';
  if (t.type === 'COERCE') return t.mode === 'seize' ? 'territory' : t.mode === 'arrest' ? 'arrest' : 'restrict';
  if (t.type === 'SANCTION') return t.mode === 'expel' ? 'expel' : 'relations';
  return null;
}

function requestMode(t: Draft): string | null {
  if (t.type === 'RETREAT' || t.type === 'CONCEDE') return 'yield';
  if (t.type === 'CONSULT' || t.type === 'AGREE') return 'meet';
  if (t.type === 'AID' || t.type === 'COOPERATE' || t.type === 'SUPPORT') return 'assist';
  return 'change';
}

export class ComplementLinker {
  constructor(
    private readonly v: DocView,
    private readonly args: ArgFinder,
    private readonly resolver: Resolver,
    private readonly sent: readonly [number, number],
    /** Light verbs (code.ts): "vowed to keep up such raids" is the noun's infinitive. */
    private readonly light: ReadonlySet<string>,
    /** Whether a token lies in a time expression ("threatened on Monday to break relations"). */
    private readonly inTime: (i: number) => boolean,
    /** The finite verb before a token (code.ts), whose subject reports an obligation. */
    private readonly mainVerbBefore: (k: number) => number,
  ) {}

  /**
   * Infinitive complements: "threatened to attack" is one THREATEN (mode violence),
   * "urged Baku to withdraw" one REQUEST (mode yield); "vowed to retaliate" is a
   * threat, not an AGREE; "agreed to open talks" keeps both (the second is future).
   */
  link(drafts: Draft[]): void {
    for (const d of drafts) {
      // A complement already read as no event ("vowed to fight corruption": no fighting) makes
      // nothing of its governor.
      if (d.suppressed) continue;
      const g = d.trigger.isNoun ? this.lightInfinitive(d.trigger) : this.args.verbGroupStart(d.trigger.head);
      if (g - 1 < this.sent[0] || this.v.info[g - 1]!.xpos !== 'TO') continue;
      // A verb governs across its object ("urged Baku to withdraw"), a noun only right before
      // "to" ("Iraq's threat to invade", "Russia's refusal to withdraw").
      const gov = drafts.find((o) => o !== d && (o.trigger.isNoun
        ? o.trigger.last === g - 2
        : o.trigger.last < g && o.trigger.last >= g - 6 && this.onlyObjectBetween(o.trigger.last, g - 1)));
      if (!gov) continue;
      d.governor = gov;
      // "were prepared to veto": willingness to refuse or denounce is no offer; the refusal is coded (future).
      if (gov.type === 'AGREE' && UNCOOPERATIVE.has(d.type)) {
        gov.suppressed = true;
        continue;
      }
      if (gov.type === 'AGREE' && CONFLICTUAL.has(d.type)) {
        gov.type = 'THREATEN';
        gov.mode = threatMode(d);
        gov.cameo = d.type === 'ASSAULT' ? '138' : '130';
        gov.context = [];
        d.suppressed = true;
      } else if (GOVERNING.has(gov.type)) {
        if (gov.mode === null) gov.mode = gov.type === 'THREATEN' ? threatMode(d) : requestMode(d);
        if (gov.recipient.length === 0 && d.actor.length > 0 && gov.type !== 'THREATEN') gov.recipient = d.actor.filter((id) => !gov.actor.includes(id));
        d.suppressed = true;
      }
      // A threat is directed at whoever the threatened act would hit: "threatened to shell Iraqi
      // towns", "threatened to break relations with Russia"; a refusal at whom the refused act
      // was for ("refused to allow U.S. planes to overfly").
      // Only the threatener's own act: in "warned the states not to allow the guerrillas in" the
      // states would act, and the guerrillas are not warned.
      // So is an offer or a promise: "offered to negotiate with the president of Armenia".
      if ((gov.type === 'THREATEN' || gov.type === 'REJECT' || gov.type === 'AGREE') && gov.recipient.length === 0 && d.actor.some((id) => gov.actor.includes(id))) gov.recipient = d.recipient.filter((id) => !gov.actor.includes(id));
    }
    this.threatClauses(drafts);
    for (const d of drafts) if (d.type === 'THREATEN' && !d.suppressed && d.recipient.length === 0) d.recipient = this.conditionParty(d);
  }

  /**
   * A threat made on a condition is directed at whoever the condition is about: "threatened to
   * stop negotiations if the United States goes ahead", "unless Baghdad accepted its
   * conditions". The "if"/"unless" clause must hang off the threat or off the act it threatens
   * (through complements and purpose clauses); "even if" sets no condition on anyone.
   */
  private conditionParty(d: Draft): string[] {
    if (d.trigger.isNoun || !this.args.parsed) return [];
    const [s, e] = this.sent;
    for (let k = d.trigger.last + 1; k < e; k++) {
      const m = this.v.info[k]!.lower;
      if ((m !== 'if' && m !== 'unless') || this.v.toks[k]!.deprel !== 'mark' || this.v.info[k - 1]?.lower === 'even') continue;
      const clause = this.v.toks[k]!.head;
      if (clause === undefined || this.v.toks[clause]!.deprel !== 'advcl') continue;
      // Up from the condition's verb to the threat, through clausal links only.
      let h = this.v.toks[clause]!.head;
      for (let steps = 0; h !== undefined && h !== d.trigger.head && steps < 3; steps++) {
        const rel = this.v.toks[h]!.deprel ?? '';
        if (rel !== 'xcomp' && rel !== 'advcl' && rel !== 'ccomp') break;
        h = this.v.toks[h]!.head;
      }
      if (h !== d.trigger.head) continue;
      const ids = this.resolver.resolve(this.args.subject(clause)).ids.filter((id) => !d.actor.includes(id));
      if (ids.length > 0 && s <= clause) return ids;
    }
    return [];
  }

  /**
   * A threat's own clause: "North Korea warned it would take military action against South
   * Korea" is one THREATEN, directed at whom the act would hit, as "threatened to attack" is.
   * The clause must be the threatening verb's complement and its act the threatener's.
   */
  private threatClauses(drafts: Draft[]): void {
    for (const d of drafts) {
      if (d.suppressed || d.governor || d.trigger.isNoun || !CONFLICTUAL.has(d.type) || d.type === 'THREATEN') continue;
      const head = this.v.toks[d.trigger.head]!;
      if (head.deprel !== 'ccomp' || head.head === undefined) continue;
      const gov = drafts.find((o) => o !== d && !o.trigger.isNoun && o.type === 'THREATEN' && o.trigger.head === head.head);
      if (!gov || !d.actor.some((id) => gov.actor.includes(id))) continue;
      d.governor = gov;
      d.suppressed = true;
      gov.mode ??= threatMode(d);
      if (gov.recipient.length === 0) gov.recipient = d.recipient.filter((id) => !gov.actor.includes(id));
    }
  }

  /**
   * For a noun whose act a light verb in an infinitive carries ("vowed to keep up such raids",
   * "threatened to launch an offensive"): that verb's position, which "to" precedes; else -1.
   */
  private lightInfinitive(t: Trigger): number {
    let k = t.first - 1;
    while (k > this.sent[0] && /^(?:DT|PDT|JJ|JJR|JJS|CD|PRP\$|RP)$/.test(this.v.info[k]!.xpos)) k--;
    return k > this.sent[0] && this.v.info[k]!.xpos === 'VB' && this.v.info[k]!.lemmas.some((l) => this.light.has(l)) ? k : -1;
  }

  /**
   * "Russia said Sudan must return the helicopter": a demand by the reporter of the
   * obligation (CAMEO codes it 10x). One REQUEST from the speaker, or the subject of the
   * verb the clause hangs off, to the obliged party; the obliged act only sets the mode.
   */
  obligations(drafts: Draft[]): Draft[] {
    const out: Draft[] = [];
    const [s, e] = this.sent;
    for (let m = s; m < e; m++) {
      if (this.v.info[m]!.lower !== 'must') continue;
      let h = m + 1;
      let be = false;
      for (; h < e && (this.v.info[h]!.xpos.startsWith('RB') || this.v.info[h]!.lower === 'be'); h++) be ||= this.v.info[h]!.lower === 'be';
      if (h >= e || !this.v.info[h]!.xpos.startsWith('VB') && this.v.info[h]!.xpos !== 'JJ') continue;
      // "That must be bad", "who must be glad", "must be wondering": an inference. After "be" only
      // a passive ("must be replaced") or a duty ("must be flexible", "must be prepared to trade")
      // is asked of anyone.
      if (be && !this.isDutyAfterBe(h)) continue;
      const obliged = this.args.subject(m);
      const recip = this.resolver.resolve(obliged);
      if (recip.ids.length === 0 || obliged.length === 0) continue;
      let actorIds = this.resolver.speakerOf(m) ? [this.resolver.speakerOf(m)!] : [];
      if (actorIds.length === 0) {
        const gov = this.mainVerbBefore(obliged[0]!.first);
        if (gov < 0 || this.args.passive(gov)) continue;
        actorIds = this.resolver.resolve(this.args.subject(gov)).ids;
      }
      actorIds = actorIds.filter((id) => !recip.ids.includes(id));
      if (actorIds.length === 0 || recip.ids.every((id) => this.ownState(id, actorIds))) continue;
      const inner = drafts.find((d) => d.trigger.head === h);
      if (inner) inner.suppressed = true;
      const trigger: Trigger = { entries: [MUST_ENTRY], first: m, last: m, head: m, isNoun: false };
      out.push({
        trigger, entry: MUST_ENTRY, type: 'REQUEST', mode: inner ? requestMode(inner) : null, context: inner ? [...inner.context] : [],
        cameo: '100', actor: actorIds, recipient: recip.ids, objectPlaces: [], exact: false, subjectFirst: null,
        argSpans: obliged, actorSpans: [], suppressed: false, governor: null,
      });
    }
    return out;
  }

  /**
   * The state itself (a country or its people) that every actor belongs to: "Zhao said China must
   * also expand the market", "Balladur said the French deficit must be reduced" state a policy,
   * and ask nothing of another party.
   */
  private ownState(id: string, actorIds: readonly string[]): boolean {
    const e = this.v.byId.get(id);
    if (!e || e.country === null || (e.type !== 'GPE' && e.type !== 'NORP')) return false;
    return actorIds.every((a) => this.v.byId.get(a)?.country === e.country);
  }

  private isDutyAfterBe(h: number): boolean {
    const x = this.v.info[h]!;
    if (x.xpos === 'VBN') return true;
    return x.xpos === 'JJ' && (DUTY_ADJECTIVES.has(x.lower) || this.v.info[h + 1]?.lower === 'to');
  }

  /** The noun trigger `t` stands right before the "to" of the infinitive that `d` heads. */
  governsInfinitive(t: Trigger, d: Draft): boolean {
    if (!t.isNoun || d.trigger.isNoun) return false;
    const g = this.args.verbGroupStart(d.trigger.head);
    return g - 2 === t.last && this.v.info[g - 1]!.xpos === 'TO';
  }

  private onlyObjectBetween(from: number, to: number): boolean {
    for (let k = from + 1; k < to; k++) {
      const x = this.v.info[k]!.xpos;
      if (this.inTime(k) || (x === 'IN' && this.inTime(k + 1))) continue;
      // An -ing word before a noun or adjective modifies it: "warned neighbouring states not to".
      if (x === 'VBG' && /^(?:JJ|NN)/.test(this.v.info[k + 1]?.xpos ?? '')) continue;
      if (x.startsWith('VB') || x === '.' || x === ',' || x === 'IN') return false;
    }
    return true;
  }
}
