/**
 * Senses of a trigger that are not the event its lexicon row names
 * (knowledge/events/senses.tsv): "beat Coria 6-4 7-5" is a match won, "natural disasters
 * that hit the US" harm nobody attacked, "attacked the plan" is criticism. A rule names the
 * trigger lemmas, where to look (the object, a prepositional phrase after the trigger, the
 * subject, a word right before or after a noun trigger, the sentence, the article) and what
 * to look for (a lemma, a noun class of noun-classes.tsv, a score, a word in scare quotes, a
 * verb, a sports report); the first rule that holds says what the trigger is instead:
 * another type, no event, or itself (an exception to the rules after it).
 */
import { countries } from '../knowledge/countries.js';
import { PAGE_TOPICS, pageTopic, TOPIC_TRUSTED_WORDS } from './page-topic.js';
import { tsvRows } from '../knowledge/paths.js';
import { PLOVER_TYPES } from '../core/record.js';
import type { PloverType } from '../core/record.js';
import type { ArgFinder } from './args.js';
import type { Trigger } from './triggers.js';
import type { DocView, TokInfo } from './view.js';
import { CIVIC_SECTORS, entityAt, FINITE_TAGS, isFirm, isIgo, isState, PUNCT_TAGS } from './view.js';

export type SenseScope = 'object' | 'pp' | 'agent' | 'subject' | 'before' | 'after' | 'infinitive' | 'sentence' | 'article';
const SCOPES: ReadonlySet<string> = new Set(['object', 'pp', 'agent', 'subject', 'before', 'after', 'infinitive', 'sentence', 'article']);

/** What a rule turns the trigger into: null for no event. */
export interface Recoding {
  type: PloverType;
  mode: string | null;
  cameo: string | null;
}

export interface SenseRule {
  /** The trigger's type; null for a trigger of any type ("*"). */
  type: PloverType | null;
  /** Trigger lemmas; null for any trigger of the type ("*"). */
  lemmas: ReadonlySet<string> | null;
  scope: SenseScope;
  /** Lemmas, "@class" names, or "<score>", "<quoted>", "<verb>", "<sports-report>". */
  cues: readonly string[];
  /** Ignored when `keep` is set. */
  becomes: Recoding | null;
  /** "=": the trigger stays as it is, and no later row is read (an exception to them). */
  keep: boolean;
}

const TYPES: ReadonlySet<string> = new Set(PLOVER_TYPES);
const SPECIAL = new Set(['<score>', '<quoted>', '<verb>', '<sports-report>', '<prediction>', '<clause>', '<opinion>', '<always>', '<amount>', '<question>', '<be-to>', '<labour>', '<private>', '<firm>', '<not-plural>', '<no-object>', '<averted>', '<after-question>', '<opening-participle>', '<money-market>']);
// The last word of a name that makes its bearer organised labour: "Australian trade unions",
// "bank workers", "union members" (not a state: "Soviet Union").
const LABOUR_WORDS: ReadonlySet<string> = new Set(['union', 'unions', 'workers', 'employees', 'members', 'staff', 'miners', 'teachers', 'nurses', 'doctors', 'drivers', 'pilots', 'dockers', 'crews', 'strikers']);


export function parseSenses(tsv: string, classes: ReadonlyMap<string, ReadonlySet<string>>): SenseRule[] {
  return tsvRows(tsv).map(([type = '', lemmas = '', scope = '', cues = '', becomes = '']) => {
    const where = `events senses: row "${type}\t${lemmas}\t${scope}"`;
    if (type !== '*' && !TYPES.has(type)) throw new Error(`${where}: bad type`);
    if (!SCOPES.has(scope)) throw new Error(`${where}: bad scope (want ${[...SCOPES].join(', ')})`);
    const list = cues.split(',').map((c) => c.trim()).filter((c) => c !== '');
    for (const c of list) {
      if (c.startsWith('@') && !classes.has(c)) throw new Error(`${where}: unknown noun class ${c} (see noun-classes.tsv)`);
      if (c.startsWith('<') && !SPECIAL.has(c)) throw new Error(`${where}: unknown cue ${c}`);
    }
    let recoding: Recoding | null = null;
    if (becomes !== '-' && becomes !== '=') {
      const [t = '', mode = '', cameo = ''] = becomes.split(' ');
      if (!TYPES.has(t)) throw new Error(`${where}: "becomes" must be "-", "=" or "TYPE [mode] [cameo]", got "${becomes}"`);
      recoding = { type: t as PloverType, mode: mode === '' || mode === '-' ? null : mode, cameo: cameo === '' ? null : cameo };
    }
    const lemmaSet = lemmas.trim() === '*' ? null : new Set(lemmas.split(',').map((l) => l.trim()));
    return { type: type === '*' ? null : type as PloverType, lemmas: lemmaSet, scope: scope as SenseScope, cues: list, becomes: recoding, keep: becomes === '=' };
  });
}

// Verbs of keeping someone safe from a harm: "save our country from certain destruction".
const KEEPING_SAFE: ReadonlySet<string> = new Set(['save', 'protect', 'shield', 'spare', 'rescue', 'safeguard', 'insulate', 'guard', 'defend', 'secure']);
const QUESTION_WORDS: ReadonlySet<string> = new Set(['if', 'whether', 'what', 'why', 'how', 'who', 'whom', 'which', 'when', 'where', 'about']);
const QUANTITIES: ReadonlySet<string> = new Set(['score', 'hundred', 'thousand', 'dozen', 'million', 'group', 'band', 'unit', 'column', 'contingent', 'number', 'lot']);
// Sums of money, and shares, that stand before what they buy or are part of: "500 mln dlrs of
// subordinated debentures", "meet 40 pct of the market's needs".
const MONEY_UNITS: ReadonlySet<string> = new Set([
  'dlr', 'dlrs', 'dollar', 'stg', 'sterling', 'pound', 'lira', 'lire', 'yen', 'mark', 'franc', 'peso', 'euro', 'rand', 'crown',
  'guilder', 'rupee', 'won', 'ringgit', 'yuan', 'rouble', 'ruble', 'dinar', 'riyal', 'cent', 'pence', 'pct', 'percent', '%',
]);
// A central bank by its name: "Bank of England", "Dutch central bank", "Federal Reserve", "Bundesbank".
const CENTRAL_BANK = /\b(?:bank|reserve|bundesbank|fed)\b/i;
// Words that may stand between a verb and the "to" of its infinitive: "agreed in principle to buy",
// "agreed last year to acquire", "agreed on Friday to reopen".
const INFINITIVE_GAP: ReadonlySet<string> = new Set(['in', 'on', 'at', 'principle', 'last', 'this', 'next', 'earlier', 'later', 'year', 'week', 'month', 'day', 'weekend', 'today', 'yesterday', 'tomorrow', 'also', 'formally', 'tentatively', 'already', 'now', 'then']);
const WEEKDAY = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;
const QUOTE_MARKS = new Set(['"', '“', '‘', "'", '``']);
const CLOSING_QUOTES = new Set(['"', '”', '’', "'", "''"]);
// The speaker as a clause's subject: "warned that it would act", "warned they will retaliate".
const OWN = new Set(['it', 'they', 'we', 'he', 'she', 'i']);
const CONDITION = new Set(['unless', 'if']);
/** Words a warning's reported clause may take before its verb (clauseVerb's reach). */
const PREDICTION_REACH = 16;
const FORECAST_VERBS = new Set(['expect', 'predict', 'forecast', 'anticipate', 'estimate', 'project', 'foresee']);
const RETRIBUTION = new Set(['consequence', 'price', 'punish', 'punishment', 'retaliate', 'retaliation', 'response', 'respond', 'regret', 'sanction', 'measure', 'action', 'countermeasure', 'reprisal']);
// Words after a range that make it a quantity, not a result: "80-85 cents", "50-60%", "16-21 year olds".
const UNITS: ReadonlySet<string> = new Set(['cents', 'cent', 'dlrs', 'dollars', 'pct', 'percent', '%', 'per', 'year', 'years', 'year-old', 'year-olds', 'mln', 'million', 'billion', 'bn', 'km', 'miles', 'barrels', 'tonnes', 'tons', 'kg', 'hours', 'minutes', 'days', 'weeks', 'months', 'people', 'degrees', 'metres', 'meters', 'feet']);
const MONTHS = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$/;

/**
 * A sports report: this many different @sport-term words, or this many scores beside a few of
 * them (ranges in a casualty report, "aged 18-60", "20-30 dead", are no scores).
 */
const SPORT_TERMS = 5;
const SPORT_SCORES = 2;
const SPORT_TERMS_WITH_SCORES = 2;
const sportsReports = new WeakMap<DocView, boolean>();

// The page topic model's word for it, when it is sure: a sports page that names few terms of the
// list ("beating Norwich", "pulled out of the Kooyong Classic"). Never for a short text.
const SPORT_PAGE = 0.95;

function sportPage(v: DocView): boolean {
  const topic = pageTopic(v.doc);
  if (!topic || topic.words < TOPIC_TRUSTED_WORDS) return false;
  return (topic.probabilities[PAGE_TOPICS.indexOf('sport')] ?? 0) >= SPORT_PAGE;
}

export function isSportsReport(v: DocView, terms: ReadonlySet<string> | undefined): boolean {
  let known = sportsReports.get(v);
  if (known === undefined) {
    const seen = new Set<string>();
    if (terms) {
      for (const info of v.info) {
        const hit = inClass(info, terms);
        if (hit !== undefined) seen.add(hit);
      }
    }
    known = seen.size >= SPORT_TERMS || (seen.size >= SPORT_TERMS_WITH_SCORES && scores(v, 0, v.info.length, SPORT_SCORES) >= SPORT_SCORES) || sportPage(v);
    sportsReports.set(v, known);
  }
  return known;
}

/** The word of a noun class a token is (one of its lemmas, else its lower-case form), or undefined. */
function inClass(info: TokInfo, set: ReadonlySet<string>): string | undefined {
  return info.lemmas.find((l) => set.has(l)) ?? (set.has(info.lower) ? info.lower : undefined);
}

/** Whether the token range holds a result such as "6-4" (see scores). */
function hasScore(v: DocView, first: number, end: number): boolean {
  return scores(v, first, end, 1) > 0;
}

/**
 * Results such as "6-4", "19-13" or "2 - 1" in the token range, counted up to `enough`: small
 * numbers, not a year span ("2004-05"), a date range ("10-16 January") or a quantity ("80-85 cents").
 */
function scores(v: DocView, first: number, end: number, enough: number): number {
  let n = 0;
  for (let k = first; k < end && n < enough; k++) {
    const w = v.info[k]!.lower;
    const glued = /^(\d{1,3})-(\d{1,3})$/.exec(w);
    const spaced = /^\d{1,3}$/.test(w) && (v.info[k + 1]?.lower === '-' || v.info[k + 1]?.lower === '–') && /^\d{1,3}$/.test(v.info[k + 2]?.lower ?? '');
    if (!glued && !spaced) continue;
    const next = v.info[k + (glued ? 1 : 3)]?.lower ?? '';
    if (!MONTHS.test(next) && !UNITS.has(next)) n++;
  }
  return n;
}

export class SenseReader {
  constructor(
    private readonly v: DocView,
    private readonly args: ArgFinder,
    private readonly sent: readonly [number, number],
    private readonly rules: readonly SenseRule[],
    private readonly classes: ReadonlyMap<string, ReadonlySet<string>>,
  ) {}

  /**
   * The recoding of the first rule that holds for a trigger coded as `type` whose actors are
   * `actors` (entity ids): undefined when none holds.
   */
  read(t: Trigger, type: PloverType, actors: readonly string[] = []): Recoding | null | undefined {
    const lemmas = this.v.info[t.head]!.lemmas;
    for (const r of this.rules) {
      if ((r.type !== null && r.type !== type) || (r.lemmas !== null && !lemmas.some((l) => r.lemmas!.has(l)))) continue;
      if (this.holds(r, t, actors)) return r.keep ? undefined : r.becomes;
    }
    return undefined;
  }

  /**
   * "warned that demand would outstrip supply", "warned that an armed conflict could escalate":
   * a clause after the verb whose subject is something other than the speaker, who foretells
   * rather than threatens. No prediction: the speaker's own deed ("warned that it would act"),
   * unless a verb of forecasting makes it one ("warned that it expects earnings to fall"); a
   * conditional ("… walkouts unless there was a rethink"); a clause the verb does not take at
   * once ("warned Israel not to …").
   */
  private isPrediction(t: Trigger, actors: readonly string[]): boolean {
    const start = this.clauseStart(t);
    // After "that", a subject of a dozen words ("that the continued impact of a weaker dollar and
    // … may") still opens the reported clause; without it, such a stretch is an object and more.
    const k = this.clauseVerb(start, start > t.last + 1 ? PREDICTION_REACH : 10);
    if (k < 0) return this.frontedPrediction(t);
    if (this.namesConditionOrRetribution(k, this.sent[1])) return false;
    // "warned that it expects earnings to fall": the speaker's own forecast is still a forecast.
    if (this.v.info[k]!.lemmas.some((l) => FORECAST_VERBS.has(l))) return true;
    for (let j = start; j < k; j++) {
      if (OWN.has(this.v.info[j]!.lower)) return false;
      if (this.v.cover[j]?.some((m) => actors.includes(m.entity.id))) return false;
    }
    return true;
  }

  /**
   * A condition or a retribution in tokens [from, to) makes a forecast a threat: "there could be
   * further walkouts unless …", "Taiwan's leaders would face consequences".
   */
  private namesConditionOrRetribution(from: number, to: number): boolean {
    for (let j = from; j < to; j++) {
      const info = this.v.info[j]!;
      if (CONDITION.has(info.lower) || info.lemmas.some((l) => RETRIBUTION.has(l))) return true;
    }
    return false;
  }

  /**
   * "Ten years of golden performance may come to an end, Deloitte has warned": the warning closes
   * its sentence and the clause it reports comes first, set off by a comma before the speaker. A
   * forecast unless that clause names a condition, a retribution or a duty ("… could be dragged to the WTO,
   * a step that could trigger sanctions, the EU warned"; "… if refugees were turned away, she
   * warned").
   */
  private frontedPrediction(t: Trigger): boolean {
    for (let j = t.last + 1; j < this.sent[1]; j++) {
      const x = this.v.info[j]!;
      if (!(PUNCT_TAGS.test(x.xpos) || x.xpos.startsWith('RB') || x.xpos === 'NN' || x.xpos === 'NNP')) return false;
    }
    let comma = -1;
    for (let j = t.first - 1; j > this.sent[0]; j--) {
      if (this.v.info[j]!.lower === ',') {
        comma = j;
        break;
      }
      if (FINITE_TAGS.has(this.v.info[j]!.xpos) && !this.v.info[j]!.lemmas.some((l) => l === 'have' || l === 'be')) return false;
    }
    if (comma < 0) return false;
    if (this.namesConditionOrRetribution(this.sent[0], comma)) return false;
    let finite = false;
    for (let j = this.sent[0]; j < comma; j++) {
      const info = this.v.info[j]!;
      // "… must not be swept under the carpet, the Tories have warned": a demand, not a forecast.
      if (info.lower === 'must' || info.lower === 'should') return false;
      if (FINITE_TAGS.has(info.xpos)) finite = true;
    }
    return finite;
  }

  /** An actor that is organised labour: a LAB sector, or a name ending in "unions", "workers" … */
  private isLabour(id: string): boolean {
    const e = this.v.byId.get(id);
    if (!e || isState(e)) return false;
    return e.sector === 'LAB' || LABOUR_WORDS.has(e.name.toLowerCase().split(/\s+/).pop() ?? '');
  }

  /**
   * Every actor is a private party: a firm, a person or a body with no public sector of its own
   * (not a state or its body, an IGO, a party, an armed group, a union or a civil body).
   */
  private allPrivate(actors: readonly string[]): boolean {
    return actors.length > 0 && actors.every((id) => {
      const e = this.v.byId.get(id);
      if (!e || isState(e) || isIgo(e) || e.type === 'GPE' || e.type === 'NORP' || this.isLabour(id)) return false;
      if (e.sector !== null && CIVIC_SECTORS.has(e.sector)) return false;
      // A named body of some country whose sector is unknown may be a public one: not private.
      if (e.sector === null && e.country !== null && e.type !== 'PERSON') return false;
      const last = e.name.split(/\s+/).pop() ?? '';
      // A group named by a common noun ("Rovers fans", "armed youths") is people acting in the street.
      if (/^[a-z]/.test(last)) return false;
      // A people named for its nation or faith ("ethnic Albanians", "Kurds") is a party to
      // public life even when the entities stage gave it no country.
      return countries().byDemonym(last) === undefined && countries().group(last) === undefined;
    });
  }

  /**
   * '"Why build your own grid?" he asked', '"… 130?," asked Republic's Cohen': the trigger comes
   * right after a question mark, with only closing quotes, a comma and its subject between.
   */
  private followsQuestion(t: Trigger): boolean {
    for (let k = t.first - 1, skipped = 0; k >= this.sent[0] && skipped <= 4; k--, skipped++) {
      const x = this.v.info[k]!;
      if (x.lower === '?') return true;
      const closing = CLOSING_QUOTES.has(x.lower) || x.lower === ',';
      if (!closing && x.xpos !== 'PRP' && x.xpos !== 'NNP') return false;
    }
    return false;
  }

  /** Every actor is a business: of the business or media sector, or named as a company ("… Inc", "… Plc"). */
  private allFirms(actors: readonly string[]): boolean {
    return actors.length > 0 && actors.every((id) => {
      const e = this.v.byId.get(id);
      return e !== undefined && isFirm(e);
    });
  }

  /** "asking reporter Oliver Finegold if he is …", "asked Morrison about concerns": "if", "whether", "about" or a wh-word after the trigger and its object. */
  private isQuestion(t: Trigger): boolean {
    for (let k = t.last + 1; k < this.sent[1] && k <= t.last + 8; k++) {
      const x = this.v.info[k]!;
      // "about" asks a question only of the one asked ("asked Morrison about …"), not after what
      // is asked for ("asked for information about transactions").
      if (QUESTION_WORDS.has(x.lower)) return x.lower !== 'about' || t.last === t.head;
      if (x.xpos.startsWith('VB') || x.xpos === 'TO' || x.lower === ',') return false;
    }
    return false;
  }

  /**
   * 'Malaska asked, "Could it …?"', "it was Morrison who took over, and": an active verb with no
   * object, and punctuation or the sentence's end right after it.
   */
  private noObject(t: Trigger): boolean {
    // A phrase ending in a preposition wants its object ("what she asked for."); a particle does not.
    if (t.isNoun || this.endsInPreposition(t) || this.args.passive(t.head) || this.args.object(t.last).length > 0) return false;
    return t.last + 1 >= this.sent[1] || /^[^\p{L}\p{N}]+$/u.test(this.v.info[t.last + 1]!.lower);
  }

  /** A verb phrase row whose last word is a preposition: "fire on", "look into", "ask for". */
  private endsInPreposition(t: Trigger): boolean {
    return t.last > t.head && this.v.info[t.last]!.xpos === 'IN';
  }

  /**
   * "save our country from certain destruction": a noun after "from" that a verb of keeping safe
   * governs, with no party named for it, is a harm warded off, not one done.
   */
  private averted(t: Trigger): boolean {
    if (!t.isNoun) return false;
    let k = t.first - 1;
    for (let n = 0; n < 3 && k > this.sent[0] && this.v.info[k]!.lower !== 'from'; n++) k--;
    if (this.v.info[k]?.lower !== 'from') return false;
    // "from Iranian attacks" in a war names attacks going on; only a harm no one is named for is
    // only warded off.
    for (let j = k + 1; j < t.first; j++) if (entityAt(this.v, j)) return false;
    for (let j = k - 1, n = 0; j >= this.sent[0] && n < 8; j--, n++) {
      const x = this.v.info[j]!;
      if (x.xpos.startsWith('VB')) return x.lemmas.some((l) => KEEPING_SAFE.has(l));
    }
    return false;
  }

  /** Where a clause right after the trigger would start (after a "that"). */
  private clauseStart(t: Trigger): number {
    return this.v.info[t.last + 1]?.lower === 'that' ? t.last + 2 : t.last + 1;
  }

  /**
   * The finite verb of a clause starting at `start` ("that demand would", "they were"): within
   * `reach` words, no comma before it, not opened by a preposition; -1 when there is none.
   */
  private clauseVerb(start: number, reach = 10): number {
    let k = start;
    for (; k < this.sent[1] && k < start + reach; k++) {
      const x = this.v.info[k]!.xpos;
      if (FINITE_TAGS.has(x)) break;
      if (x === ',' || x === 'IN' && k === start) return -1;
    }
    return k === start || k >= this.sent[1] || k >= start + reach ? -1 : k;
  }

  private holds(r: SenseRule, t: Trigger, actors: readonly string[]): boolean {
    // A row naming <private> holds only for private parties; its other cues then decide.
    if (r.cues.includes('<private>') && !this.allPrivate(actors)) return false;
    if (r.cues.includes('<firm>') && !this.allFirms(actors)) return false;
    // A row naming <not-plural> holds only for a trigger that is no plural noun: "talk of a deal"
    // is rumour, "talks of this kind" are negotiations.
    if (r.cues.includes('<not-plural>') && /^NNP?S$/.test(this.v.info[t.head]!.xpos)) return false;
    if (r.cues.includes('<always>')) return true;
    if (r.cues.includes('<question>')) return this.isQuestion(t);
    if (r.cues.includes('<no-object>')) return this.noObject(t);
    if (r.cues.includes('<averted>')) return this.averted(t);
    if (r.cues.includes('<after-question>')) return this.followsQuestion(t);
    // "Asked about the fall in prices, Nazer said …": a participle opening the sentence puts a
    // question to the speaker, no request to anyone.
    // The tagger may read it as a past tense; with nothing before it, it has no subject to be one.
    if (r.cues.includes('<opening-participle>')) return !t.isNoun && t.first === this.sent[0] && (this.v.info[t.first]!.xpos === 'VBN' || this.v.info[t.first]!.xpos === 'VBD');
    // "outsourcing is to blame": a "to" right before the trigger, and a form of "be" before it.
    if (r.cues.includes('<be-to>')) return this.v.info[t.first - 1]?.lower === 'to' && (this.v.info[t.first - 2]?.lemmas.includes('be') ?? false);
    if (r.cues.includes('<prediction>')) return this.isPrediction(t, actors);
    if (r.cues.includes('<labour>')) return actors.some((id) => this.isLabour(id));
    if (r.cues.includes('<clause>')) return !t.isNoun && this.clauseVerb(this.clauseStart(t)) >= 0;
    if (r.cues.includes('<opinion>')) {
      const k = t.isNoun ? -1 : this.clauseVerb(this.clauseStart(t));
      return k >= 0 && this.v.info[k]!.xpos !== 'MD';
    }
    if (r.scope === 'article') return r.cues.includes('<sports-report>') && isSportsReport(this.v, this.classes.get('@sport-term'));
    if (r.scope === 'sentence') {
      return r.cues.some((c) => {
        if (c === '<score>') return hasScore(this.v, this.sent[0], this.sent[1]);
        if (c === '<money-market>') return this.namesMoneyMarket(actors);
        return this.anyIn(c, this.sent[0], this.sent[1]);
      });
    }
    return this.tokens(r.scope, t).some((k) => r.cues.some((c) => this.matches(c, k)));
  }

  private tokens(scope: SenseScope, t: Trigger): number[] {
    switch (scope) {
      case 'object': {
        if (t.isNoun) return [];
        // A verb phrase that ends in a preposition ("fire on") reads its verb's object too: in
        // "fired 2,400 staff on Thursday" the "on" is the day's, and the staff are what was fired.
        const endsInPreposition = this.endsInPreposition(t);
        const verbObject = endsInPreposition ? this.args.object(t.head)[0]?.head : undefined;
        // The preposition's own noun is the verb's phrase it opens ("looks into the cameras"): a
        // parse gives a preposition no object.
        const head = (endsInPreposition ? this.args.prep(t.head, [this.v.info[t.last]!.lower])[0]?.head : undefined) ?? this.args.object(t.last)[0]?.head;
        const own = [...(t.last > t.head ? [t.last] : []), ...(verbObject === undefined ? [] : [this.possessed(verbObject)])];
        if (head === undefined) return own;
        // "offer 3,500 billion lire of treasury bills": the sum and what it buys both count.
        const bought = this.moneyOf(head);
        return [this.possessed(head), ...(bought === head ? [] : [this.possessed(bought)]), ...own];
      }
      case 'pp':
        return this.args.prep(t.last, ['in', 'at', 'to', 'for', 'of', 'on']).map((p) => this.possessed(p.head));
      case 'agent':
        return this.args.prep(t.last, ['by']).map((p) => p.head);
      case 'subject':
        return t.isNoun ? [] : this.args.subject(t.head).map((p) => this.counted(p.head));
      case 'before': {
        // A phrase trigger's own words before its head count too ("missile strike", "bomb attacks").
        const inside: number[] = [];
        for (let k = t.first; k < t.head; k++) inside.push(k);
        return [...inside, t.first - 1, t.first - 2].filter((k) => k >= this.sent[0]);
      }
      case 'after':
        return t.last + 1 < this.sent[1] ? [t.last + 1] : [];
      case 'infinitive': {
        // "refused to say": the verb of a "to" right after the trigger, or of the trigger's own "to" ("declined to say").
        if (this.v.info[t.last]?.lower === 'to' && t.last > t.first) return t.last + 1 < this.sent[1] ? [t.last + 1] : [];
        const to = this.infinitiveTo(t.last);
        if (to >= 0) return to + 1 < this.sent[1] ? [to + 1] : [];
        // After the verb's object: "invited Melaye and Murray-Bruce to appear", the infinitive its xcomp.
        return t.isNoun ? [] : this.xcompInfinitives(t.head);
      }
      default:
        return [];
    }
  }

  /** The verbs of "to" infinitives that are complements (xcomp) of the verb at `h`, after it. */
  private xcompInfinitives(h: number): number[] {
    const out: number[] = [];
    for (let k = h + 1; k < this.sent[1]; k++) {
      const x = this.v.toks[k]!;
      if (x.head === h && x.deprel === 'xcomp' && this.v.info[k - 1]?.lower === 'to') out.push(k);
    }
    return out;
  }

  /**
   * The "to" of the infinitive after the verb at `h`: right after it, or after a short time or
   * manner adverbial ("agreed in principle to buy", "agreed in November to sell"); -1 when none.
   */
  private infinitiveTo(h: number): number {
    for (let k = h + 1; k < this.sent[1] && k <= h + 4; k++) {
      const x = this.v.info[k]!;
      if (x.lower === 'to') return k;
      const gap = INFINITIVE_GAP.has(x.lower) || MONTHS.test(x.lower) || WEEKDAY.test(x.lower) || x.xpos === 'CD' || (x.xpos === 'RB' && x.lower.endsWith('ly'));
      if (!gap) return -1;
    }
    return -1;
  }

  /** "500 mln dlrs of subordinated debentures", "40 pct of the needs": what a sum or a share is of; else the word itself. */
  private moneyOf(head: number): number {
    if (!this.v.info[head]!.lemmas.some((l) => MONEY_UNITS.has(l)) || this.v.info[head + 1]?.lower !== 'of') return head;
    let k = head + 2;
    while (k + 1 < this.sent[1] && /^(?:DT|JJ|CD|NNP?S?|HYPH)$/.test(this.v.info[k + 1]!.xpos)) k++;
    return k < this.sent[1] && this.v.info[k]!.xpos.startsWith('NN') ? k : head;
  }

  /**
   * A central bank's daily business with the banks: the sentence names the money market ("provided
   * the money market with 345 mln stg assistance"), its liquidity or the discount houses, and every
   * actor is a central bank, or a country whose money market it is ("U.K. MONEY MARKET GIVEN …").
   * A state's debt or payments named beside its money market lines stay its own acts.
   */
  private namesMoneyMarket(actors: readonly string[]): boolean {
    let named = false;
    const marketOf = new Set<string>();
    for (let k = this.sent[0]; k < this.sent[1]; k++) {
      const x = this.v.info[k]!;
      const next = this.v.info[k + 1]?.lower ?? '';
      const market = x.lower === 'money' && next.startsWith('market');
      if (market || x.lower === 'liquidity' || (x.lower === 'discount' && next.startsWith('house'))) named = true;
      if (market) for (const m of this.v.cover[k - 1] ?? []) marketOf.add(m.entity.id);
    }
    return named && actors.length > 0 && actors.every((id) => {
      const e = this.v.byId.get(id);
      return e !== undefined && (marketOf.has(id) || (e.type === 'ORG' && e.sector === 'GOV' && CENTRAL_BANK.test(e.name)));
    });
  }

  /** "Scores of Syrian troops": the thing counted, not the count. */
  private counted(head: number): number {
    if (!this.v.info[head]!.lemmas.some((l) => QUANTITIES.has(l)) || this.v.info[head + 1]?.lower !== 'of') return head;
    let k = head + 2;
    while (k + 1 < this.sent[1] && /^(?:DT|JJ|CD|NNP?S?)$/.test(this.v.info[k + 1]!.xpos)) k++;
    return k < this.sent[1] && this.v.info[k]!.xpos.startsWith('NN') ? k : head;
  }

  /** "the government's failure": the thing possessed, not its possessor. */
  private possessed(head: number): number {
    if (this.v.info[head + 1]?.xpos !== 'POS') return head;
    for (let k = head + 2; k < Math.min(head + 6, this.sent[1]); k++) if (this.v.info[k]!.xpos.startsWith('NN')) return k;
    return head;
  }

  private matches(cue: string, k: number): boolean {
    const info = this.v.info[k];
    if (!info) return false;
    if (cue === '<quoted>') return QUOTE_MARKS.has(this.v.info[k - 1]?.lower ?? '');
    if (cue === '<verb>') return info.xpos.startsWith('VB');
    if (cue === '<amount>') return info.xpos === 'CD' || info.xpos === '$' || /^[$£€¥]?\d/.test(info.lower);
    // The other special cues are read over the whole rule (holds), never against one word.
    if (SPECIAL.has(cue)) return false;
    if (cue.startsWith('@')) {
      const set = this.classes.get(cue);
      return set !== undefined && inClass(info, set) !== undefined;
    }
    return info.lemmas.includes(cue) || info.lower === cue;
  }

  private anyIn(cue: string, first: number, end: number): boolean {
    for (let k = first; k < end; k++) if (this.matches(cue, k)) return true;
    return false;
  }
}
