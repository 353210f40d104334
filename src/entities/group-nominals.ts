/**
 * Unnamed groups named by a common noun: "demonstrators", "a human rights group",
 * "Ibo traditional elders", "ethnic Turks". Found over POS tags (and the parse when
 * there is one); the linker (group-nominal-entities.ts) decides which become entities and
 * which join one.
 *
 * Only non-state groups that act: a role word of a group sector (knowledge/roles.tsv)
 * in the plural, or a group head ("group", "association", …) whose modifier or whole
 * phrase is such a role. Bystander nouns ("residents", "civilians", "victims") are left
 * out: they are what happens to people in a story, rarely who acts in it, and coding
 * them would make every "residents said" an actor. State forces ("police", "troops") are
 * not read here: an actor code needs the state, which state-forces.ts looks for. Armed
 * people of unstated allegiance (UAF: "gunmen", "attackers", "suicide bombers") are read:
 * PLOVER codes them as actors (sector UAF), and an attack by them is an event.
 *
 * A named backer ("Iran-backed militias", "US-backed forces"; compound-qualifiers.ts)
 * says the group is an organised proxy, not unidentified: sector REB, and a generic head
 * ("forces", "factions") is such a group too unless the phrase names a state.
 */
import type { Token } from '../core/doc.js';
import type { ParseOnDemand } from '../core/parses.js';
import type { Span } from '../core/span.js';
import { countries, roles } from '../knowledge/index.js';
import { argumentHead } from './argument-head.js';
import { PROXY_HEADS, readCompound } from './compound-qualifiers.js';

export interface GroupPhrase {
  /** Modifiers and head, without determiner or number: "human rights group". */
  span: Span;
  /** Token indices of the modifiers kept in `span` (the head excluded). */
  modifiers: number[];
  head: number;
  kind: 'role' | 'ethnic';
  /** Canonical role ("protesters" for "demonstrators"); for ethnic groups the people's name. */
  role: string;
  sector: string | null;
  /** The head is a collective noun ("group", "union"): "the group" can refer back to it. */
  collective: boolean;
  /** Subject, object or oblique argument of a verb, by the parse or, without one, by tags. */
  argument: boolean;
  /** A modifier names a backer ("Iran-backed"): a proxy, whose backer is not its country. */
  backed: boolean;
}

/** Sectors of non-state groups that act in events (docs/knowledge.md "Sectors"). */
const GROUP_SECTORS: ReadonlySet<string> = new Set(['CVL', 'OPP', 'REB', 'UAF', 'HRI', 'NGO', 'REF', 'EDU', 'LAB', 'AGR', 'REL', 'CRM', 'HLH']);
/** Modifiers that make a generic head ("forces", "units") a state's, not a proxy's: "Saudi-backed government forces". */
const STATE_WORDS: ReadonlySet<string> = new Set(['government', 'state', 'army', 'military', 'security', 'police', 'federal', 'national', 'border', 'regime', 'special']);

/** Canonical roles of people things happen to: never a group entity of their own. */
const BYSTANDERS: ReadonlySet<string> = new Set(['civilians', 'residents', 'villagers', 'people', 'citizens', 'hostages', 'prisoners', 'detainees', 'victims', 'displaced people']);

/** Singular nouns that name a body of people. */
const GROUP_HEADS: ReadonlySet<string> = new Set(['group', 'association', 'committee', 'organisation', 'organization', 'movement', 'coalition', 'federation', 'union', 'alliance', 'council', 'network', 'front']);
const COLLECTIVE_ROLES: ReadonlySet<string> = new Set(['union', 'militia', 'criminals', 'rights group']);

const MODIFIER_TAGS: ReadonlySet<string> = new Set(['JJ', 'JJR', 'JJS', 'NN', 'NNS', 'NNP', 'NNPS', 'POS', 'HYPH']);
/** NN, NNS, NNP or NNPS. Compared, not looked up in a set: asked of every token, whose tag strings need not share a hash. */
function isNounTag(tg: string): boolean {
  return tg === 'NN' || tg === 'NNS' || tg === 'NNP' || tg === 'NNPS';
}
const ARGUMENT_RELS: ReadonlySet<string> = new Set(['nsubj', 'nsubj:pass', 'obj', 'iobj', 'obl', 'obl:agent']);
/** Words a tagger may call adjectives or nouns that still end a phrase on their left. */
const NOT_MODIFIER: ReadonlySet<string> = new Set(['other', 'such', 'many', 'some', 'several', 'few', 'more', 'most', 'all', 'both', 'thousands', 'hundreds', 'dozens', 'scores', 'millions', 'tens', 'number', 'members', 'group', 'part', 'lot']);
const MAX_MODIFIERS = 4;
/** Capitalised at a sentence start, these still end a phrase. */
const FUNCTION_WORDS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'some', 'all', 'many', 'most', 'several', 'both', 'their', 'his', 'her', 'its', 'our', 'after', 'before', 'when', 'while', 'as', 'if', 'since', 'in', 'on', 'at', 'for', 'from', 'by', 'with', 'but', 'and', 'or', 'so', 'yet', 'then', 'now', 'meanwhile', 'there', 'here', 'up', 'about', 'over', 'under', 'of', 'to', 'only', 'even', 'other', 'also', 'we', 'they', 'he', 'she', 'it', 'i', 'you']);
/** Words that stand for the group they quantify: "hundreds of protesters", "a group of elders". */
const QUANTITY_HEADS: ReadonlySet<string> = new Set(['group', 'groups', 'hundreds', 'thousands', 'dozens', 'scores', 'tens', 'millions', 'number', 'crowd', 'crowds', 'band', 'delegation']);

interface Reading {
  role: string;
  sector: string;
}

function groupRole(phrase: string): Reading | null {
  const r = roles().lookup(phrase);
  if (!r?.sector || !GROUP_SECTORS.has(r.sector) || BYSTANDERS.has(r.role)) return null;
  return { role: r.role, sector: r.sector };
}

function tag(t: Token): string {
  return t.xpos ?? '';
}

/**
 * Subject, object or oblique of a verb. With a parse: the head's relation, through
 * conjunctions ("students and workers marched"). Without one: the phrase starts a
 * sentence or follows a verb or preposition, or a verb follows it.
 */
function isArgument(text: string, tokens: readonly Token[], head: number, first: number, sentenceFirst: number): boolean {
  const lower = (i: number): string => text.slice(tokens[i]!.start, tokens[i]!.end).toLowerCase();
  if (tokens[head]!.deprel !== undefined) {
    // "students and workers marched"; "hundreds of protesters marched": the quantity is the argument.
    return ARGUMENT_RELS.has(tokens[argumentHead(tokens, head, lower, QUANTITY_HEADS)]!.deprel ?? '');
  }
  let before = first - 1;
  while (before >= sentenceFirst && /^(?:DT|CD|PRP\$)$/.test(tag(tokens[before]!))) before--;
  if (before - 1 >= sentenceFirst && lower(before) === 'of' && QUANTITY_HEADS.has(lower(before - 1))) {
    before -= 2;
    while (before >= sentenceFirst && /^(?:DT|CD|PRP\$|JJ)$/.test(tag(tokens[before]!))) before--;
  }
  const prev = before >= sentenceFirst ? tag(tokens[before]!) : '';
  const next = head + 1 < tokens.length ? tag(tokens[head + 1]!) : '';
  return prev === '' || /^(?:VB|IN|TO)/.test(prev) || /^(?:VB|MD)/.test(next);
}

/** Token `t` spells `lower` (lower-case ASCII letters) in any case; read without slicing the text. */
function spells(text: string, t: Token, lower: string): boolean {
  if (t.end - t.start !== lower.length) return false;
  for (let j = 0; j < lower.length; j++) {
    const c = text.charCodeAt(t.start + j);
    if ((c >= 65 && c <= 90 ? c + 32 : c) !== lower.charCodeAt(j)) return false;
  }
  return true;
}

/**
 * Every group phrase in `sentences` (token ranges [first, end)), in text order. A
 * phrase's sentence is parsed (through `parses`) only once the phrase is found.
 */
export function findGroupPhrases(
  text: string, tokens: readonly Token[], sentences: ReadonlyArray<readonly [number, number]>, parses: ParseOnDemand | null = null,
): GroupPhrase[] {
  const out: GroupPhrase[] = [];
  const argument = (i: number, first: number, sFirst: number): boolean => {
    parses?.ensure(i);
    return isArgument(text, tokens, i, first, sFirst);
  };
  const word = (i: number): string => text.slice(tokens[i]!.start, tokens[i]!.end);
  for (const [sFirst, sEnd] of sentences) {
    for (let i = sFirst; i < sEnd; i++) {
      const t = tokens[i]!;
      const tg = tag(t);
      if (!isNounTag(tg)) continue;
      // The last noun of its phrase: "workers' rights" is about rights.
      if (i + 1 < sEnd && (isNounTag(tag(tokens[i + 1]!)) || tag(tokens[i + 1]!) === 'POS')) continue;
      const head = word(i);
      const lower = head.toLowerCase();
      const collectiveHead = GROUP_HEADS.has(lower);
      // Most nouns end no role phrase, and every phrase read below but a collective head's
      // modifiers ends in this noun: such a noun can only be an "ethnic …" people.
      // ("ethnic" is ASCII: no other character lower-cases into it, so spells() reads it exactly.)
      const proxyHead = PROXY_HEADS.has(lower);
      if (!collectiveHead && !proxyHead && !roles().mayEnd(head) && !(i > sFirst && spells(text, tokens[i - 1]!, 'ethnic'))) continue;
      const mods: number[] = [];
      for (let k = i - 1; k >= sFirst && mods.length < MAX_MODIFIERS; k--) {
        const w = word(k).toLowerCase();
        // A capitalised word is a qualifier whatever the tagger says ("Ibo/DT", "Hamas/VBZ").
        // A number is no qualifier, capitalised at a sentence start or not ("Two suicide bombers").
        const proper = /^\p{Lu}/u.test(word(k)) && !FUNCTION_WORDS.has(w) && tag(tokens[k]!) !== 'CD';
        if ((!MODIFIER_TAGS.has(tag(tokens[k]!)) && !proper) || NOT_MODIFIER.has(w)) break;
        mods.unshift(k);
      }
      const words = mods.map(word);
      const first = mods[0] ?? i;
      const span = { start: tokens[first]!.start, end: t.end };
      const backed = mods.some((k) => readCompound(text, tokens[k]!)?.relation === 'backer');
      const ethnicAt = mods.findIndex((k) => word(k).toLowerCase() === 'ethnic');
      // "ethnic Turks", "ethnic Albanians": a people, not the state of the same name.
      if (ethnicAt >= 0 && ethnicAt === mods.length - 1 && /^\p{Lu}/u.test(word(i)) && (tg === 'NNPS' || tg === 'NNS' || /s$/.test(lower))) {
        const people = countries().group(word(i)) ?? null;
        const state = people ? null : countries().byDemonym(word(i));
        if (people || state) {
          out.push({ span, modifiers: mods, head: i, kind: 'ethnic', role: `ethnic ${word(i)}`, sector: null, collective: false, argument: argument(i, first, sFirst), backed: false });
          continue;
        }
      }
      const plural = tg === 'NNS' || tg === 'NNPS';
      let reading: Reading | null = null;
      // Longest phrase ending in the head first ("human rights group", "trade union"), then
      // what the modifiers name ("student union", "farmers' association"), then the head.
      for (let j = 0; j < words.length && !reading; j++) reading = groupRole([...words.slice(j), word(i)].join(' ').replace(/\s+(['’]s?)(?=\s)/g, '$1'));
      if (collectiveHead) {
        for (let j = 0; j < words.length && !reading; j++) {
          const mod = words.slice(j).filter((w) => !/^['’]s?$/.test(w)).join(' ').replace(/['’]s?$/, '');
          if (mod) reading = groupRole(mod);
        }
      }
      reading ??= groupRole(lower);
      // "US-backed forces", "Iran-backed factions": a backer and no state of their own.
      if (backed && (reading === null || !GROUP_SECTORS.has(reading.sector)) && proxyHead && plural && !words.some(namesState)) reading = { role: lower, sector: 'REB' };
      if (!reading) continue;
      // Backed by somebody named is allegiance stated: no longer unidentified.
      if (backed && reading.sector === 'UAF') reading = { role: reading.role, sector: 'REB' };
      const collective = collectiveHead || COLLECTIVE_ROLES.has(reading.role);
      if (!plural && !collective) continue; // "a protester" is one person
      out.push({ span, modifiers: mods, head: i, kind: 'role', role: reading.role, sector: reading.sector, collective, argument: argument(i, first, sFirst), backed });
    }
  }
  return out;
}

/** A modifier saying whose state the phrase is: a national adjective or name, or a state word ("government"). */
function namesState(w: string): boolean {
  return STATE_WORDS.has(w.toLowerCase()) || countries().byDemonym(w) !== undefined || countries().byName(w) !== undefined;
}

/** "the group", "the union", "the organisation": a bare collective head that may refer back. */
export function bareCollectiveAt(text: string, tokens: readonly Token[], i: number): boolean {
  if (i === 0) return false;
  // Asked of every token: the tags and "the" are read before any word is sliced out.
  if (tag(tokens[i]!) !== 'NN' || (i + 1 < tokens.length && isNounTag(tag(tokens[i + 1]!)))) return false;
  if (!spells(text, tokens[i - 1]!, 'the')) return false;
  return GROUP_HEADS.has(text.slice(tokens[i]!.start, tokens[i]!.end).toLowerCase());
}
