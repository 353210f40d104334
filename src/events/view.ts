/**
 * A per-document view the coder reads: each token's lowercase form, coarse
 * class and lemma candidates computed once, the entity mentions each token
 * lies in, and sentence token ranges. Built in one pass; everything after it
 * is index arithmetic.
 */
import type { Doc, Token } from '../core/doc.js';
import type { Entity, EntityType } from '../core/record.js';
import { coarseClass, lemmaCandidates } from './lemma.js';
import { spanIndexAtOrAfter } from '../core/span.js';

export interface TokInfo {
  lower: string;
  xpos: string;
  cls: 'V' | 'N' | 'O';
  lemmas: string[];
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

// Penn tags for untagged tokens keep the coder from guessing: a bare token is "XX".
function tagOf(t: Token): string {
  return t.xpos ?? (t.upos === 'VERB' ? 'VB' : t.upos === 'NOUN' ? 'NN' : t.upos === 'PROPN' ? 'NNP' : 'XX');
}

// Lemma candidates per (class, lowercased word): news vocabulary repeats, so this
// turns the suffix rules into one map lookup per token after warm-up. Bounded so a
// long-running process cannot grow it without limit.
const LEMMA_CACHE = new Map<string, string[]>();
const LEMMA_CACHE_MAX = 200_000;

function cachedLemmas(text: string, lower: string, cls: 'V' | 'N' | 'O'): string[] {
  if (cls === 'O') return [lower];
  const key = cls + lower;
  let hit = LEMMA_CACHE.get(key);
  if (!hit) {
    hit = lemmaCandidates(text, cls);
    if (LEMMA_CACHE.size >= LEMMA_CACHE_MAX) LEMMA_CACHE.clear();
    LEMMA_CACHE.set(key, hit);
  }
  return hit;
}

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
  // "broadened the offensive/JJ against Ukraine", "Russia's offensive/JJ against": an adjective right
  // after a determiner or possessive that no noun follows, and that the parse (when present) uses as
  // a nominal argument, heads its phrase.
  if ((DETERMINER.has(tagOf(toks[i - 1]!)) || tagOf(toks[i - 1]!) === 'POS') && AFTER_HEAD.has(tagOf(toks[i + 1]!)) && (t.deprel === undefined || NOMINAL_RELS.has(t.deprel))) return 'NN';
  if (!/^[A-Za-z]+ed$/.test(doc.text.slice(t.start, t.end))) return xpos;
  return SUBJECT_END.has(tagOf(toks[i - 1]!)) && OBJECT_START.has(tagOf(toks[i + 1]!)) ? 'VBD' : xpos;
}

function tokInfo(doc: Doc, i: number): TokInfo {
  const t = doc.tokens[i]!;
  const xpos = repairedTag(doc, i);
  const text = doc.text.slice(t.start, t.end);
  const cls = coarseClass(xpos, t.upos);
  const lower = text.toLowerCase().replace(/’/g, "'");
  return { lower, xpos, cls, lemmas: cachedLemmas(text, lower, cls) };
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
  const sentTokens: [number, number][] = [];
  let t = 0;
  for (const s of doc.sentences) {
    while (t < toks.length && toks[t]!.start < s.start) t++;
    const first = t;
    while (t < toks.length && toks[t]!.start < s.end) t++;
    sentTokens.push([first, t]);
  }
  return { doc, toks, info, cover, sentTokens, byId, hasDeps };
}

/**
 * Has tokens [first, end) (one sentence) parsed unless they are, and reads their tags
 * again with the parse (repairedTag consults it). True when it parsed them now. Without
 * a parser (Doc.parses null) nothing changes.
 */
export function parseSentence(v: DocView, first: number, end: number): boolean {
  const parses = v.doc.parses;
  if (!parses || first >= end || v.toks[first]!.deprel !== undefined) return false;
  parses.ensure(first);
  // The view's own array: callers see it read-only, the view keeps it in step with the parse.
  const info = v.info as TokInfo[];
  for (let i = first; i < end; i++) info[i] = tokInfo(v.doc, i);
  return true;
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

const STATE_SECTORS: ReadonlySet<string> = new Set(['GOV', 'MIL', 'DIP', 'COP', 'JUD', 'LEG', 'SPY']);

/** A country or one of its official bodies/office holders. */
export function isState(e: Entity): boolean {
  return e.type === 'GPE' || (e.sector !== null && STATE_SECTORS.has(e.sector));
}
