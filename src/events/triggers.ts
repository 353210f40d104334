/**
 * Finding lexicon triggers in a sentence: one map lookup per lemma candidate of
 * each token, then the rest of a phrase matched in order (verb phrases may skip
 * up to five tokens between words, noun phrases are contiguous but for a noun class's
 * own modifiers). The longest
 * match at a token wins; its words are consumed so "air strike" is not also "strike".
 */
import type { LexEntry, Lexicon } from './lexicon.js';
import type { DocView, TokInfo } from './view.js';

export interface Trigger {
  /** Matched rows of the same (maximal) length: conditional rows first. */
  entries: LexEntry[];
  first: number;
  last: number;
  /** The token whose arguments are the event's: the verb, or the noun phrase's last word. */
  head: number;
  isNoun: boolean;
}

// Gaps stop at verbs, infinitives and punctuation, so a wide one stays inside a noun phrase.
const MAX_GAP = 5;
// A phrasal verb's particle follows its whole object, apposition included: "forced the UN
// refugee agency, UNHCR, out of the country". Only the particle may cross commas and a longer gap.
const PARTICLES = new Set(['out', 'off', 'down', 'up', 'back', 'away', 'over']);
const PARTICLE_GAP = 10;
// What may stand between a noun phrase row's word and the class noun it names: determiners,
// numbers and adjectives ("the remaining", "more than 200 political"), never another noun.
const CLASS_MODIFIER_GAP = 4;
const NOUN_MODIFIER = /^(?:DT|PDT|CD|JJ|JJR|JJS|PRP\$|VBN|HYPH|RBR)$/;
const STOP = new Set([',', ';', ':', '.', '“', '”', '"', '(', ')', 'that', 'which', 'who', 'but', 'and']);

function wordMatches(v: DocView, lex: Lexicon, i: number, word: string): boolean {
  const t = v.info[i]!;
  if (word.startsWith('@')) {
    // A class stands for a noun: "send @aid-goods" is not "send word of food shortages".
    const cls = lex.classes.get(word);
    return t.cls === 'N' && cls !== undefined && t.lemmas.some((l) => cls.has(l));
  }
  return t.lower === word || t.lemmas.includes(word);
}

const APPOSED_NAME = /^(?:NNP|NNPS|HYPH|POS)$/;
const MAX_APPOSITION = 5;

/** The closing comma of ", Name Name," opening at token `k`, or -1. */
function appositionEnd(v: DocView, k: number, end: number): number {
  if (v.info[k]!.lower !== ',') return -1;
  for (let j = k + 1; j < end && j <= k + 1 + MAX_APPOSITION; j++) {
    if (v.info[j]!.lower === ',') return j > k + 1 ? j : -1;
    if (!APPOSED_NAME.test(v.info[j]!.xpos)) return -1;
  }
  return -1;
}

/** Token indices of the phrase's later words, or null. */
function matchRest(v: DocView, lex: Lexicon, e: LexEntry, at: number, end: number): number[] | null {
  const out: number[] = [at];
  let pos = at;
  for (let w = 1; w < e.words.length; w++) {
    let found = -1;
    const particle = e.pos === 'phrase' && w === e.words.length - 1 && PARTICLES.has(e.words[w]!);
    // A noun phrase is contiguous, except that a noun class may take its own modifiers:
    // "release of @captives" is "the release of 200 political prisoners".
    const classed = e.pos === 'nphrase' && e.words[w]!.startsWith('@');
    let gap = e.pos === 'nphrase' ? (classed ? CLASS_MODIFIER_GAP : 0) : particle ? PARTICLE_GAP : MAX_GAP;
    for (let k = pos + 1; k < end && k <= pos + 1 + gap; k++) {
      // A name set off by commas is an apposition of the object, crossed whole: "dragged the
      // Inspector-General of Police, Ibrahim Idris, to court".
      const close = e.pos === 'phrase' && !particle ? appositionEnd(v, k, end) : -1;
      if (close > 0) {
        gap += close - k + 1;
        k = close;
        continue;
      }
      if (wordMatches(v, lex, k, e.words[w]!)) {
        found = k;
        break;
      }
      if (classed) {
        if (NOUN_MODIFIER.test(v.info[k]!.xpos)) continue;
        break;
      }
      if (particle && v.info[k]!.lower === ',') continue;
      if (STOP.has(v.info[k]!.lower) && e.words[w] !== v.info[k]!.lower) break;
      // A gap never spans another verb or an infinitive: "have agreed to resume talks" is not "have talks".
      // An -ing word before a noun modifies it ("impose swingeing tariffs"); a past participle may be the
      // main verb ("had held merger talks"), so it still ends the gap.
      const attributive = v.info[k]!.xpos === 'VBG' && (v.info[k + 1]?.xpos ?? '').startsWith('NN');
      if ((v.info[k]!.xpos.startsWith('VB') && !attributive) || v.info[k]!.xpos === 'TO' || v.info[k]!.xpos === 'MD') break;
    }
    if (found < 0) return null;
    out.push(found);
    pos = found;
  }
  return out;
}

/** The lexicon's anchors split by key class, so a word's lookups need no "V:"-style key strings. */
interface AnchorMaps {
  readonly any: ReadonlyMap<string, readonly LexEntry[]>;
  readonly verb: ReadonlyMap<string, readonly LexEntry[]>;
  readonly noun: ReadonlyMap<string, readonly LexEntry[]>;
}

const ANCHOR_MAPS = new WeakMap<Lexicon, AnchorMaps>();
const NO_ENTRIES: readonly LexEntry[] = [];

function anchorMaps(lex: Lexicon): AnchorMaps {
  let maps = ANCHOR_MAPS.get(lex);
  if (maps) return maps;
  const any = new Map<string, readonly LexEntry[]>();
  const verb = new Map<string, readonly LexEntry[]>();
  const noun = new Map<string, readonly LexEntry[]>();
  for (const [key, entries] of lex.byAnchor) {
    const sep = key.indexOf(':');
    const cls = key.slice(0, sep);
    const word = key.slice(sep + 1);
    (cls === '*' ? any : cls === 'V' ? verb : cls === 'N' ? noun : undefined)?.set(word, entries);
  }
  maps = { any, verb, noun };
  ANCHOR_MAPS.set(lex, maps);
  return maps;
}

/**
 * The rows a token may anchor, in the order of its keys "*:word", then "V:lemma" or
 * "N:lemma" per lemma candidate, then for a noun "*:lemma" per candidate (a plural head
 * of a noun phrase anchor: "joint exercises" is anchored at "joint"). A row reached by two
 * keys is kept once, at its first place: trying it again could not change the match.
 * A verb's or noun's rows are found once per word and lexicon, and kept on its reading.
 */
function rowsOf(lex: Lexicon, maps: AnchorMaps, t: TokInfo): readonly LexEntry[] {
  const word = t.word;
  // Words other than verbs and nouns have no kept reading: their one key is looked up in the
  // lexicon's small map of "*" anchors.
  if (word === null) return maps.any.get(t.lower) ?? NO_ENTRIES;
  if (word.anchorsOf === lex) return word.anchors;
  const out: LexEntry[] = [];
  const add = (list: readonly LexEntry[] | undefined): void => {
    if (list) for (const e of list) if (!out.includes(e)) out.push(e);
  };
  add(maps.any.get(t.lower));
  const byLemma = t.cls === 'V' ? maps.verb : maps.noun;
  for (const l of t.lemmas) add(byLemma.get(l));
  if (t.cls === 'N') for (const l of t.lemmas) add(maps.any.get(l));
  word.anchorsOf = lex;
  word.anchors = out.length === 0 ? NO_ENTRIES : out;
  return word.anchors;
}

// Words before a participle that leave it a modifier of the noun after it, not a verb:
// "raided alleged ANC bases", "expressed restricted optimism", "the wounded soldiers". Not a
// comma: "Vincent Cable, for the Liberal Democrats, accused/VBN Mr Brown" is a finite verb.
const DETERMINING = /^(?:DT|PDT|JJ|JJR|JJS|PRP\$|CD|POS)$/;
const PREPOSITION_OR_VERB = /^(?:IN|VBD|VBZ|VBP|VBG|VBN)$/;
const AUXILIARY: ReadonlySet<string> = new Set(['be', 'have', 'get']);

/** A past participle between a determiner, adjective, preposition or finite verb and a noun; an -ing word after a determiner or adjective. */
function attributive(v: DocView, i: number, first: number): boolean {
  const t = v.info[i]!;
  const next = v.info[i + 1];
  // "the visiting Polish leader", "numbers of visiting Japanese tourists": an -ing word after a
  // determiner or adjective modifies what follows ("by attacking Iranian positions" acts).
  if (t.xpos === 'VBG' && next && /^(?:JJ|NN)/.test(next.xpos) && i > first) return DETERMINING.test(v.info[i - 1]!.xpos);
  if (t.xpos !== 'VBN' || !next || !next.xpos.startsWith('NN')) return false;
  if (i === first) return true;
  const prev = v.info[i - 1]!;
  return (DETERMINING.test(prev.xpos) || PREPOSITION_OR_VERB.test(prev.xpos)) && !prev.lemmas.some((l) => AUXILIARY.has(l));
}

export function findTriggers(v: DocView, lex: Lexicon, first: number, end: number): Trigger[] {
  const out: Trigger[] = [];
  const maps = anchorMaps(lex);
  const consumed = new Uint8Array(end - first);
  for (let i = first; i < end; i++) {
    if (consumed[i - first]) continue;
    const rows = rowsOf(lex, maps, v.info[i]!);
    if (rows.length === 0) continue;
    // A word inside an organisation's name names no act: "the General Agreement on Tariffs and Trade".
    if (v.cover[i]?.some((r) => r.entity.type === 'ORG' && r.kind === 'name' && r.last > r.first && i > r.first)) continue;
    let best: { entries: LexEntry[]; idx: number[] } | null = null;
    for (const e of rows) {
      if (best && e.words.length < best.idx.length) continue;
      if (e.pos === 'nphrase' && e.words.length === 1) continue;
      const idx = matchRest(v, lex, e, i, end);
      if (!idx) continue;
      if (!best || idx.length > best.idx.length) best = { entries: [e], idx };
      else if (idx.length === best.idx.length && !best.entries.includes(e)) best.entries.push(e);
    }
    if (!best) continue;
    const last = best.idx[best.idx.length - 1]!;
    const lead = best.entries[0]!;
    const isNoun = lead.pos === 'noun' || lead.pos === 'nphrase';
    if (!isNoun && last === i && attributive(v, i, first)) continue;
    for (let k = i; k <= last; k++) consumed[k - first] = 1;
    best.entries.sort((a, b) => (a.when === null ? 1 : 0) - (b.when === null ? 1 : 0));
    out.push({ entries: best.entries, first: i, last, head: isNoun ? last : i, isNoun });
  }
  return out;
}
