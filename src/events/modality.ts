/**
 * What the article says of an event: asserted, negated, hypothetical, future,
 * alleged or historical (docs/events.md, "Modality"). Cues are read in the
 * trigger's own verb group, in the verb group of the verb governing it (an
 * infinitive or a noun object), and in sentence-wide framing before it
 * ("there are reports that", "denied that", "if"). Precedence, strongest first:
 * negated, hypothetical, future, alleged; historical comes from the date.
 */
import type { Modality } from '../core/record.js';
import type { ArgFinder } from './args.js';
import { CATENATIVE } from './args-flat.js';
import type { DocView } from './view.js';

const NEG = new Set(['not', "n't", 'never', 'no', 'nobody', 'none', 'neither', 'nor', 'without']);
const HYPO_MODALS = new Set(['could', 'might', 'may', 'should', 'must', "could've", 'can']);
const FUTURE_MODALS = new Set(['will', 'shall', "'ll", 'wo']);
const HYPO_GOVERNORS = new Set([
  'likely', 'seek', 'want', 'hope', 'aim', 'wish', 'consider', 'threaten', 'risk', 'fear', 'propose', 'urge', 'demand', 'call', 'ask', 'request',
  // nouns governing an infinitive: "Iraq's threat to invade", "calls to resign", "a proposal to hold talks"
  'threat', 'proposal', 'plea', 'appeal', 'ultimatum', 'desire', 'ambition',
  // aims: "efforts to obtain a ceasefire", "Iran's main goal is to occupy Basra" (an attempt is coded
  // as the act, as the PLOVER gold codes "tried to hack", "attempted to assassinate")
  'effort', 'bid', 'goal', 'aim', 'objective',
]);
// Verbs whose object names what has not happened: "expect further attacks", "fear a war".
const OBJECT_FUTURE = new Set(['expect', 'anticipate', 'predict', 'forecast', 'foresee']);
const OBJECT_HYPO = new Set(['fear', 'risk', 'avert', 'prevent', 'deter', 'seek', 'want', 'urge']);
const FUTURE_GOVERNORS = new Set([
  'plan', 'intend', 'expect', 'schedule', 'set', 'due', 'prepare', 'agree', 'pledge', 'promise', 'vow', 'offer',
  'decide', 'go', 'vote', 'resolve', 'commit', 'announce', 'about', 'poise',
  // adjectives of readiness: "is willing to send", "is prepared to lift"
  'willing', 'ready', 'prepared', 'determined', 'eager',
  // nouns: "the decision to withdraw", "its plan to deploy", "readiness to resume talks"
  'decision', 'intention', 'intent', 'commitment', 'invitation', 'agreement', 'deal', 'readiness', 'willingness', 'determination',
]);
const NEG_GOVERNORS = new Set([
  'fail', 'refuse', 'decline', 'deny', 'avoid', 'cease', 'stop', 'refusal', 'failure',
  // reluctance: "the Chinese have been reluctant to commit to a meeting"
  'reluctant', 'unwilling', 'loath', 'hesitant', 'unable', 'reluctance', 'unwillingness', 'inability',
]);
/**
 * Verbs that ask someone else to act, the someone between them and the "to": the act asked for
 * has not happened ("urging the Department of Homeland Security to accept its offer", "called on
 * Japan to open its markets"). Not orders: the PLOVER gold codes "ordered the newspaper La Prensa
 * to suspend publication" as the coercion done.
 */
const ASKING_OTHERS = new Set(['urge', 'ask', 'call', 'press', 'request', 'invite', 'encourage', 'persuade', 'pressure', 'push', 'appeal', 'implore', 'beg', 'challenge', 'want']);
/** What may stand between such a verb and its "to": the one asked ("the U.S. government", "them", "Japan's leaders"). */
const ASKED_INNER = new Set(['of', 'and']);
const ASKED_NP = /^(?:DT|PDT|JJ|JJR|JJS|CD|NN|NNS|NNP|NNPS|POS|PRP|PRP\$|HYPH)$/;
const STOPPING = new Set(['stop', 'cease', 'quit', 'halt', 'end', 'avoid', 'deny']);
const DENY = new Set(['deny', 'refute', 'dismiss', 'reject']);
const HYPO_NOUN_CUES = new Set(['threat', 'risk', 'fear', 'danger', 'possibility', 'prospect', 'possible', 'potential', 'likely', 'looming', 'feared', 'spectre', 'specter', 'brink']);
const ALLEGED_WORDS = new Set(['reportedly', 'allegedly', 'purportedly', 'supposedly', 'apparently', 'unconfirmed', 'rumour', 'rumor', 'allegation', 'accusation']);
const ALLEGED_BEFORE_THAT = new Set(['report', 'claim', 'allege', 'rumour', 'rumor', 'suggest', 'speculation', 'allegation']);
const SPEECH = new Set(['say', 'tell', 'announce', 'pledge', 'state', 'insist', 'add', 'confirm', 'promise', 'warn', 'declare']);
const ACCUSING = new Set(['accuse', 'charge', 'blame', 'suspect', 'allege', 'convict']);
const RESET = new Set([';', 'but', 'however', 'whereas']);
const NO_SUBJECT = new Set(['no', 'none', 'nobody']);
const CONDITIONAL = new Set(['if', 'unless', 'whether']);
const CONDITIONED_SPEECH = new Set([...SPEECH, 'threaten', 'vow', 'demand', 'urge', 'ask', 'call', 'insist']);
const COPULA_HAVE = new Set(['be', 'have']);
const AUXILIARIES = new Set(['be', 'have', 'do']);
/** Negations that put the auxiliary before the subject: "neither can Xi allow", "nor did they". */
const INVERTING_NEG = new Set(['neither', 'nor', 'never']);

export interface ModalityResult {
  modality: Modality;
  /** Confidence multiplier: hedged readings count for less. */
  hedge: number;
}

function lemmaIn(v: DocView, i: number, set: ReadonlySet<string>): boolean {
  return v.info[i]!.lemmas.some((l) => set.has(l));
}

function verbGroupCue(v: DocView, from: number, to: number, _sentFirst: number, speechBefore: boolean): Modality | null {
  let found: Modality | null = null;
  for (let k = from; k < to; k++) {
    const t = v.info[k]!;
    if (NEG.has(t.lower)) return 'negated';
    if (t.xpos === 'MD' || FUTURE_MODALS.has(t.lower) || HYPO_MODALS.has(t.lower)) {
      if (FUTURE_MODALS.has(t.lower)) found ??= 'future';
      else if (t.lower === 'would') found = speechBefore ? (found ?? 'future') : 'hypothetical';
      else if (HYPO_MODALS.has(t.lower)) found = 'hypothetical';
    }
  }
  return found;
}

/** A negation word among a phrase trigger's own tokens ("is not willing to", "held no talks"). */
export function innerNegation(v: DocView, first: number, last: number): boolean {
  for (let k = first + 1; k < last; k++) if (NEG.has(v.info[k]!.lower)) return true;
  return false;
}

/** An "if" or "unless" clause modifying the verb at `h` (parsed sentences only). */
function conditionAfter(v: DocView, h: number, sent: readonly [number, number]): boolean {
  for (let k = h + 1; k < sent[1]; k++) {
    const t = v.toks[k]!;
    // "even if" concedes, it sets no condition: "will not quit even if his side slump".
    if (!CONDITIONAL.has(v.info[k]!.lower) || v.info[k - 1]!.lower === 'even' || t.deprel !== 'mark' || t.head === undefined || t.head < 0) continue;
    const clause = v.toks[t.head]!;
    if (clause.deprel === 'advcl' && clause.head === h) return true;
  }
  return false;
}

/**
 * The verb a noun phrase opening at `np` is the object of: the verb right before it, past
 * adjectives and determiners already skipped; -1 when another word comes between.
 */
function objectVerb(v: DocView, np: number, clauseStart: number): number {
  const k = np - 1;
  if (k < clauseStart) return -1;
  const x = v.info[k]!.xpos;
  return x.startsWith('VB') && x !== 'VBN' ? k : -1;
}

/**
 * A verb that asks someone to act stands before the one asked, whom `last` ends: "urging [the
 * Department of Homeland Security] to", "called on [Japan] to".
 */
function askedBefore(v: DocView, s: number, last: number): boolean {
  let k = last;
  // "the Department of Homeland Security", "Japan and South Korea": an "of" or "and" inside the one asked.
  while (k >= s && k > last - 8 && (ASKED_NP.test(v.info[k]!.xpos) || ASKED_INNER.has(v.info[k]!.lower))) k--;
  if (k === last || k < s) return false;
  const on = (v.info[k]!.lower === 'on' || v.info[k]!.lower === 'upon') && k - 1 >= s;
  if (on) k--;
  // "call" asks only with "on": "called Trump's move to withdraw a mistake" names the move.
  if (!on && v.info[k]!.lemmas.includes('call')) return false;
  return v.info[k]!.xpos.startsWith('VB') && lemmaIn(v, k, ASKING_OTHERS);
}

export function modalityOf(
  v: DocView,
  args: ArgFinder,
  sent: readonly [number, number],
  h: number,
  first: number,
  isNoun: boolean,
  subjectFirst: number | null,
  depth = 0,
): ModalityResult {
  const [s] = sent;
  const [clauseStart] = args.clause(h);
  let speechBefore = false;
  let alleged = false;
  let negated = false;
  let hypothetical = false;
  for (let k = s; k < first; k++) {
    const t = v.info[k]!;
    if (RESET.has(t.lower)) {
      alleged = negated = hypothetical = false;
      continue;
    }
    if (t.xpos.startsWith('VB') && lemmaIn(v, k, SPEECH)) speechBefore = true;
    if (ALLEGED_WORDS.has(t.lower) || ALLEGED_WORDS.has(t.lemmas[0]!)) alleged = true;
    if (t.lower === 'that' && k > s && lemmaIn(v, k - 1, ALLEGED_BEFORE_THAT)) alleged = true;
    if (t.lower === 'to' && k > s && v.info[k - 1]!.lower === 'said' && v.info[k + 1]?.lower === 'have') alleged = true;
    if (t.xpos.startsWith('VB') && lemmaIn(v, k, DENY) && (v.info[k + 1]?.lower === 'that' || v.info[k + 1]?.xpos === 'VBG')) negated = true;
    if (CONDITIONAL.has(t.lower) && k >= clauseStart) hypothetical = true;
  }
  // "accused Russia of shelling …", "accused Israel of the attack": the accused act is a claim.
  let np = first;
  if (isNoun) while (np - 1 > s && /^(DT|JJ|PRP\$|CD)$/.test(v.info[np - 1]!.xpos)) np--;
  if ((isNoun || v.info[h]!.xpos === 'VBG') && np - 1 > s && v.info[np - 1]!.lower === 'of') {
    for (let k = np - 2; k >= Math.max(s, np - 8); k--) if (v.info[k]!.xpos.startsWith('VB')) {
      if (lemmaIn(v, k, ACCUSING)) alleged = true;
      break;
    }
  }
  // The trigger names a claim itself ("this allegation").
  if (ALLEGED_WORDS.has(v.info[h]!.lemmas[0]!)) alleged = true;
  if (negated) return { modality: 'negated', hedge: 0.9 };
  // The subject of a passive carries the negation in "no civilians were killed".
  if (subjectFirst !== null) {
    for (let k = subjectFirst; k < first && k < subjectFirst + 3; k++) if (NO_SUBJECT.has(v.info[k]!.lower)) return { modality: 'negated', hedge: 0.9 };
    // The negation opens an inverted clause before its subject: "neither can Xi allow this", "nor did Iran attack".
    const aux = v.info[subjectFirst - 1];
    if (subjectFirst - 2 >= s && (aux?.xpos === 'MD' || (aux?.xpos.startsWith('VB') && lemmaIn(v, subjectFirst - 1, AUXILIARIES))) && INVERTING_NEG.has(v.info[subjectFirst - 2]!.lower)) {
      return { modality: 'negated', hedge: 0.9 };
    }
  }
  const own = isNoun ? null : verbGroupCue(v, args.verbGroupStart(h), h, s, speechBefore);
  // "if Tokyo did not allow more access": the act is the condition, not a denial.
  if (own === 'negated') return hypothetical ? { modality: 'hypothetical', hedge: 0.75 } : { modality: 'negated', hedge: 0.9 };
  // An act on a condition: "it would take military action if the drills continued". A warning
  // or a demand on a condition is still made ("warned that … unless there was a rethink").
  if (!isNoun && !lemmaIn(v, h, CONDITIONED_SPEECH) && conditionAfter(v, h, sent)) hypothetical = true;
  let governed: Modality | null = null;
  if (isNoun) {
    // A noun takes the modality of the verb it hangs off: "could escalate into a regional war".
    for (let k = first - 1; k >= Math.max(clauseStart, first - 3); k--) {
      if (HYPO_NOUN_CUES.has(v.info[k]!.lower) || HYPO_NOUN_CUES.has(v.info[k]!.lemmas[0]!)) hypothetical = true;
      if (NEG.has(v.info[k]!.lower)) return { modality: 'negated', hedge: 0.9 };
    }
    governed = verbGroupCue(v, clauseStart, first, s, speechBefore);
    // ... or of the verb it is the subject of: "an armed conflict between A and B could escalate".
    for (let k = h + 1; k < Math.min(sent[1], h + 10); k++) {
      const x = v.info[k]!;
      if (x.xpos === 'MD' || x.xpos.startsWith('VB')) {
        const cue = verbGroupCue(v, k, Math.min(k + 3, sent[1]), s, speechBefore);
        if (cue === 'hypothetical' || cue === 'negated') governed = cue;
        break;
      }
      if (x.lower === ',' || x.lower === 'that' || x.lower === 'which') break;
    }
    for (let k = clauseStart; k < first; k++) {
      // "agreed to resume talks", and a governing noun: "Iran's agreement to resume talks".
      if ((v.info[k]!.xpos.startsWith('VB') || v.info[k]!.xpos.startsWith('NN')) && lemmaIn(v, k, FUTURE_GOVERNORS) && v.info[k + 1]?.lower === 'to') governed ??= 'future';
    }
    // The verb whose object the noun is: "expect further Iranian attacks", "efforts to obtain a ceasefire".
    const verb = objectVerb(v, np, clauseStart);
    if (verb >= 0 && governed === null) {
      if (lemmaIn(v, verb, OBJECT_HYPO)) governed = 'hypothetical';
      else if (lemmaIn(v, verb, OBJECT_FUTURE)) governed = 'future';
      else if (depth < 2) {
        const outer = modalityOf(v, args, sent, verb, args.verbGroupStart(verb), false, null, depth + 1);
        if (outer.modality === 'hypothetical' || outer.modality === 'future') governed = outer.modality;
      }
    }
  } else {
    const g = args.verbGroupStart(h);
    // A coordinated verb shares its partner's frame: "would like to congratulate … and pay tribute".
    if (g - 1 > s && v.info[g - 1]!.xpos === 'CC' && depth < 2) {
      for (let k = g - 2; k >= s; k--) {
        if (v.info[k]!.xpos.startsWith('VB') && !COPULA_HAVE.has(v.info[k]!.lemmas[0]!)) {
          const partner = modalityOf(v, args, sent, k, k, false, null, depth + 1);
          if (partner.modality !== 'asserted') return partner;
          break;
        }
        if (RESET.has(v.info[k]!.lower) || v.info[k]!.lower === 'that') break;
      }
    }
    // A gerund after a catenative verb takes that verb's frame: "prepared to resume shelling"
    // is future, "stopped shelling" says the shelling no longer happens.
    const cat = g - 1;
    if (depth < 2 && cat >= s && v.info[h]!.xpos === 'VBG' && v.info[cat]!.xpos.startsWith('VB') && lemmaIn(v, cat, CATENATIVE)) {
      if (lemmaIn(v, cat, STOPPING)) return { modality: 'negated', hedge: 0.85 };
      const outer = modalityOf(v, args, sent, cat, args.verbGroupStart(cat), false, null, depth + 1);
      if (outer.modality !== 'asserted') return outer;
    }
    if (g - 1 >= s && v.info[g - 1]!.xpos === 'TO') {
      let gov = g - 2;
      while (gov >= s && v.info[gov]!.xpos.startsWith('RB')) gov--;
      // "the goal is to occupy": the noun before the copula governs.
      if (gov - 1 >= s && v.info[gov]!.lemmas[0] === 'be' && v.info[gov - 1]!.xpos.startsWith('NN')) gov--;
      if (gov >= s) {
        if (lemmaIn(v, gov, NEG_GOVERNORS)) return { modality: 'negated', hedge: 0.85 };
        if (lemmaIn(v, gov, HYPO_GOVERNORS)) governed = 'hypothetical';
        else if (lemmaIn(v, gov, FUTURE_GOVERNORS) || v.info[gov]!.lower === 'going') governed = 'future';
        else if (askedBefore(v, s, gov)) governed = 'hypothetical';
        const outer = verbGroupCue(v, args.verbGroupStart(gov), gov, s, speechBefore);
        if (outer === 'negated') return { modality: 'negated', hedge: 0.85 };
        if (outer === 'hypothetical') governed = 'hypothetical';
        else if (outer === 'future') governed ??= 'future';
      }
    }
  }
  if (governed === 'negated') return { modality: 'negated', hedge: 0.9 };
  if (own === 'hypothetical' || governed === 'hypothetical' || hypothetical) return { modality: 'hypothetical', hedge: 0.75 };
  if (own === 'future' || governed === 'future') return { modality: 'future', hedge: 0.85 };
  if (alleged) return { modality: 'alleged', hedge: 0.8 };
  return { modality: 'asserted', hedge: 1 };
}
