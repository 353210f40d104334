/**
 * A per-document view the coder reads: each token's lowercase form, coarse
 * class and lemma candidates computed once, the entity mentions each token
 * lies in, and sentence token ranges. Built in one pass; everything after it
 * is index arithmetic.
 */
import { prefixEnd } from '../article/dateline.js';
import type { Doc, Token } from '../core/doc.js';
import { STATE_SECTORS } from '../core/record.js';
import type { Entity, EntityType } from '../core/record.js';
import { coarseClass, lemmaCandidates } from './lemma.js';
import type { LexEntry } from './lexicon.js';
import { bisect } from '../core/bisect.js';
import { sentenceTokenRanges, spanIndexAtOrAfter } from '../core/span.js';

export interface TokInfo {
  lower: string;
  xpos: string;
  cls: 'V' | 'N' | 'O';
  lemmas: string[];
  /** What is known of a verb's or noun's (class, lowercased word), shared by every token that has it; null for other words. */
  word: WordReading | null;
}

/**
 * The reading of one (class, lowercased word), kept across documents: its lemma candidates
 * and, filled in by the trigger finder, the lexicon rows it may anchor (a function of the
 * class, the word and its candidates). One object per word, so a token's rows are found
 * through the lookup that found its lemmas instead of a second one.
 */
export interface WordReading {
  readonly lemmas: string[];
  /** The lexicon `anchors` were found in; another lexicon finds them again. */
  anchorsOf: object | null;
  anchors: readonly LexEntry[];
}

export interface MentionRef {
  entity: Entity;
  first: number;
  last: number;
  kind: string;
}

export interface DocView {
  doc: Doc;
  toks: readonly Token[];
  info: readonly TokInfo[];
  /** Mentions covering each token (most tokens: none). */
  cover: ReadonlyArray<readonly MentionRef[] | undefined>;
  /** [first, end) token ranges per sentence index. */
  sentTokens: ReadonlyArray<readonly [number, number]>;
  byId: ReadonlyMap<string, Entity>;
  hasDeps: boolean;
}

/**
 * Lookups in DocView.sentTokens, which are in text order: bisections, since a scan per
 * event or phrase made long documents quadratic.
 */
type SentenceRanges = ReadonlyArray<readonly [number, number]>;

/** Index of the first sentence whose token range starts at token `first`, or -1. */
export function firstSentenceAt(ranges: SentenceRanges, first: number): number {
  const i = bisect(ranges.length, (k) => ranges[k]![0] >= first);
  return ranges[i]?.[0] === first ? i : -1;
}

/** Index of the sentence holding token `tok`. */
function sentenceIndexOf(ranges: SentenceRanges, tok: number): number {
  return Math.max(0, bisect(ranges.length, (k) => ranges[k]![0] > tok) - 1);
}

/** The first token of the sentence before the one holding token `tok` (of its own sentence when that is the first). */
export function previousSentenceStart(ranges: SentenceRanges, tok: number): number {
  return ranges[Math.max(0, sentenceIndexOf(ranges, tok) - 1)]![0];
}

/** The first token of the sentence holding token `tok`. */
export function sentenceStartOf(ranges: SentenceRanges, tok: number): number {
  return ranges[sentenceIndexOf(ranges, tok)]![0];
}

// Penn tags for untagged tokens keep the coder from guessing: a bare token is "XX".
function tagOf(t: Token): string {
  return t.xpos ?? (t.upos === 'VERB' ? 'VB' : t.upos === 'NOUN' ? 'NN' : t.upos === 'PROPN' ? 'NNP' : 'XX');
}

// Readings per verb or noun (class, lowercased word): news vocabulary repeats, so this turns
// the suffix rules into one map lookup per token after warm-up. One map per class, keyed by
// the word itself: a key built per token ("V" + word) would be a new string to hash every
// time. Other words are their own lemma and are not kept: a lookup in a map of the whole
// vocabulary costs more (memory, not instructions) than their one-word list.
// Bounded so a long-running process cannot grow them without limit.
const READINGS = { V: new Map<string, WordReading>(), N: new Map<string, WordReading>() };
const READINGS_MAX = 100_000;

function readingOf(text: string, lower: string, cls: 'V' | 'N'): WordReading {
  const cache = READINGS[cls];
  let hit = cache.get(lower);
  if (!hit) {
    hit = { lemmas: lemmaCandidates(text, cls), anchorsOf: null, anchors: [] };
    if (cache.size >= READINGS_MAX) cache.clear();
    cache.set(lower, hit);
  }
  return hit;
}

/** Punctuation and quotation marks, by PTB tag: what sets a clause or a name apart. */
export const PUNCT_TAGS = /^(?:[,:.]|HYPH|NFP|-LRB-|-RRB-|``|'')$/;

/** Tags of a finite verb group's first word. */
export const FINITE_TAGS: ReadonlySet<string> = new Set(['VBD', 'VBZ', 'VBP', 'MD']);
const OBJECT_START: ReadonlySet<string> = new Set(['DT', 'CD', 'PRP$', 'NNP', 'NNPS', 'NNS', 'PRP']);
const DETERMINER: ReadonlySet<string> = new Set(['DT', 'PRP$']);
const AFTER_HEAD: ReadonlySet<string> = new Set(['IN', 'TO', ',', '.', ':', 'CC', 'VBD', 'VBZ', 'VBP', 'MD']);
const NOMINAL_RELS: ReadonlySet<string> = new Set(['obj', 'nsubj', 'nsubj:pass', 'obl', 'nmod', 'iobj']);
const SUBJECT_END: ReadonlySet<string> = new Set(['NN', 'NNS', 'NNP', 'NNPS', 'PRP']);

/**
 * A past participle the tagger read as an adjective between a noun phrase and
 * the start of another ("guerrillas wounded two soldiers", "the US on Thursday
 * rejected calls") is a finite verb: an adjective there would leave the sentence
 * without one. "The wounded soldiers" (after a determiner) stays an adjective.
 */
function repairedTag(doc: Doc, i: number): string {
  const toks = doc.tokens;
  const t = toks[i]!;
  const xpos = tagOf(t);
  if (xpos !== 'JJ' || i === 0 || i + 1 >= toks.length) return xpos;
  // "broadened the offensive/JJ against Ukraine", "Russia's offensive/JJ against", "a new Iranian
  // offensive/JJ near Basra": an adjective after a determiner or possessive (and other adjectives)
  // that no noun follows, and that the parse (when present) uses as a nominal argument, heads its phrase.
  let d = i - 1;
  while (d > 0 && d > i - 4 && tagOf(toks[d]!) === 'JJ') d--;
  if ((DETERMINER.has(tagOf(toks[d]!)) || tagOf(toks[d]!) === 'POS') && AFTER_HEAD.has(tagOf(toks[i + 1]!)) && (t.deprel === undefined || NOMINAL_RELS.has(t.deprel))) return 'NN';
  if (!/^[A-Za-z]+ed$/.test(doc.text.slice(t.start, t.end))) return xpos;
  return SUBJECT_END.has(tagOf(toks[i - 1]!)) && OBJECT_START.has(tagOf(toks[i + 1]!)) ? 'VBD' : xpos;
}

/**
 * The token's text lower-cased, with ’ as '. Most tokens are lower-case ASCII already:
 * told by their codes, they skip toLowerCase, which is slow on a slice of a text that
 * holds any non-Latin-1 character (as news text with curly quotes does).
 */
function lowerOf(text: string, start: number, end: number, surface: string): string {
  let upper = false;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c >= 128) {
      const folded = surface.toLowerCase();
      return folded.includes('’') ? folded.replace(/’/g, "'") : folded;
    }
    if (c >= 65 && c <= 90) upper = true;
  }
  return upper ? surface.toLowerCase() : surface;
}

function infoOf(doc: Doc, t: Token, xpos: string): TokInfo {
  const text = doc.text.slice(t.start, t.end);
  const cls = coarseClass(xpos, t.upos);
  const lower = lowerOf(doc.text, t.start, t.end, text);
  if (cls === 'O') return { lower, xpos, cls, lemmas: [lower], word: null };
  const word = readingOf(text, lower, cls);
  return { lower, xpos, cls, lemmas: word.lemmas, word };
}

function tokInfo(doc: Doc, i: number): TokInfo {
  return infoOf(doc, doc.tokens[i]!, repairedTag(doc, i));
}

/**
 * The view of a Doc whose sentences may be parsed later, on demand (Doc.parses): a
 * token of an unparsed sentence is read as if there were no parser, until
 * `parseSentence` parses it.
 */
export function buildView(doc: Doc): DocView {
  const toks = doc.tokens;
  const info: TokInfo[] = new Array<TokInfo>(toks.length);
  let hasDeps = doc.parses !== null;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    info[i] = tokInfo(doc, i);
    if (t.deprel !== undefined && t.head !== undefined) hasDeps = true;
  }
  const cover: (MentionRef[] | undefined)[] = new Array<MentionRef[] | undefined>(toks.length);
  const byId = new Map<string, Entity>();
  for (const e of doc.entities) {
    byId.set(e.id, e);
    for (const m of e.mentions) {
      const first = spanIndexAtOrAfter(toks, m.start);
      let last = first;
      while (last + 1 < toks.length && toks[last + 1]!.start < m.end) last++;
      if (first >= toks.length || toks[first]!.start >= m.end) continue;
      const ref: MentionRef = { entity: e, first, last, kind: m.kind };
      for (let k = first; k <= last; k++) (cover[k] ??= []).push(ref);
    }
  }
  const sentTokens = sentenceTokenRanges(doc.sentences, toks);
  // A dateline or an agency's credit says where and from whom the story is, never who acts in it:
  // "BISHKEK, Sept 16 (Reuters) - Several hundred people protested" is no protest by Reuters.
  for (const [first, end] of sentTokens) {
    if (end <= first) continue;
    const cut = prefixEnd(doc, first, end);
    if (cut !== null) cover.fill(undefined, first, cut);
  }
  return { doc, toks, info, cover, sentTokens, byId, hasDeps };
}

/**
 * Has tokens [first, end) (one sentence) parsed unless they are, and reads their tags
 * again with the parse (repairedTag consults it). True when it parsed them now and the
 * parse changed a tag: everything else in a token's reading follows from its tag, so
 * when no tag changed the sentence reads exactly as before. Without a parser (Doc.parses
 * null) nothing changes.
 */
export function parseSentence(v: DocView, first: number, end: number): boolean {
  const parses = v.doc.parses;
  if (!parses || first >= end || v.toks[first]!.deprel !== undefined) return false;
  parses.ensure(first);
  // The view's own array: callers see it read-only, the view keeps it in step with the parse.
  const info = v.info as TokInfo[];
  let changed = false;
  for (let i = first; i < end; i++) {
    const xpos = repairedTag(v.doc, i);
    if (xpos === info[i]!.xpos) continue;
    info[i] = infoOf(v.doc, v.toks[i]!, xpos);
    changed = true;
  }
  return changed;
}

const ACTOR_TYPES: ReadonlySet<EntityType> = new Set(['PERSON', 'ORG', 'GPE', 'NORP', 'MISC']);
const PLACE_TYPES: ReadonlySet<EntityType> = new Set(['GPE', 'LOC', 'FAC']);

export function isActorEntity(e: Entity): boolean {
  return ACTOR_TYPES.has(e.type);
}

export function isPlaceEntity(e: Entity): boolean {
  return PLACE_TYPES.has(e.type);
}

/** The mention of an actor-like entity that best stands for token `i`: the longest covering it. */
export function entityAt(v: DocView, i: number): MentionRef | null {
  const refs = v.cover[i];
  if (!refs) return null;
  let best: MentionRef | null = null;
  for (const r of refs) {
    if (!isActorEntity(r.entity) && !isPlaceEntity(r.entity)) continue;
    if (!best || r.last - r.first > best.last - best.first) best = r;
  }
  return best;
}

/** A country or one of its official bodies/office holders. */
export function isState(e: Entity): boolean {
  return e.type === 'GPE' || (e.sector !== null && STATE_SECTORS.has(e.sector));
}

/** Sectors of organised public life outside the state: parties, rebels, unions, civil society. */
export const CIVIC_SECTORS: ReadonlySet<string> = new Set(['OPP', 'REB', 'LAB', 'CVL', 'HRI', 'NGO', 'REF', 'UAF', 'CRM', 'REL']);

/** An intergovernmental body (its code's root is IGO). */
export function isIgo(e: Entity): boolean {
  return e.code?.startsWith('IGO') === true;
}

// A name that says its bearer is a company: "Hercules Inc", "Norcros Plc", "Fiat Group".
const COMPANY_NAME = /\b(?:Inc|Corp|Corporation|Co|Ltd|Plc|PLC|AG|SA|NV|SpA|GmbH|LLC|Bhd|Group|Holdings|Industries|Motors|Airlines|Airways)\.?$/;

/**
 * A business: an organisation of the business or media sector, or of no known sector and named
 * as a company. Not an IGO, nor a public body named like a firm ("Federal Deposit Insurance Corporation").
 */
export function isFirm(e: Entity): boolean {
  if (e.type !== 'ORG' || isIgo(e)) return false;
  if (e.sector !== null) return e.sector === 'BUS' || e.sector === 'MED';
  return COMPANY_NAME.test(e.name);
}
