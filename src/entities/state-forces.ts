/**
 * State forces named without their state: "police arrested …", "security forces fired
 * on …", "the army shelled …", "the authorities detained …". Found over POS tags (and the
 * parse when there is one); the linker (state-force-entities.ts) decides whose they are —
 * an earlier force of the same kind, the place the sentence puts them in, the dateline —
 * and makes no entity when nothing says: an unattributed state is no actor code.
 *
 * A force with a capitalised qualifier ("Kenyan police", "UN troops", "U.S. soldier") is
 * returned too, marked `qualified`: the linker's qualifier reading (qualified-groups.ts)
 * owns it, and it tells later bare mentions whose they are. Armed people of unstated
 * allegiance ("gunmen", "attackers") are no state force and are not read here.
 */
import type { Token } from '../core/doc.js';
import type { ParseOnDemand } from '../core/parses.js';
import { argumentHead } from './argument-head.js';
import type { Span } from '../core/span.js';
import { resolvePlace } from '../geo/resolve.js';
import type { PlaceContext } from '../geo/resolve.js';
import { countries, readActor } from '../knowledge/index.js';

export type ForceSector = 'MIL' | 'COP' | 'GOV';

export interface ForcePhrase {
  /** Modifiers and head, without determiner or number: "riot police", "army". */
  span: Span;
  head: number;
  sector: ForceSector;
  /** What the knowledge calls the body ("police", "armed forces", "government") or its members ("soldiers"). */
  canonical: string;
  /** A body or a plural ("the army", "troops"); a single "soldier" is a person, never a group entity. */
  body: boolean;
  /** A capitalised modifier says whose the force is ("Kenyan police", "UN troops"). */
  qualified: boolean;
  /**
   * Not a force of its own in this story: owned by a possessive ("its troops", "Syria's
   * army"), indefinite or negated ("an army of …", "any troops"), qualified by a word
   * that puts it on another side ("rebel soldiers", "foreign troops"), or "loyal to" somebody.
   */
  excluded: boolean;
  /** The canonical role, when the knowledge reads the phrase as one ("soldiers"); null for a body ("police"). */
  role: string | null;
  /** Subject (or passive agent) of a verb, or its object or oblique; null when neither. */
  argument: 'subject' | 'object' | null;
  /** With a parse: the verb an object phrase depends on, whose subject may own it ("deployed troops"). */
  verb: number | null;
}

/** Head words of state forces; the sector and canonical name come from the knowledge tables. */
const FORCE_HEADS: ReadonlySet<string> = new Set([
  'police', 'policemen', 'policewomen', 'policeman', 'policewoman', 'gendarmes', 'gendarme', 'gendarmerie',
  'troops', 'soldiers', 'soldier', 'army', 'military', 'forces', 'guards', 'officers', 'authorities', 'junta',
  // a state's arms named for their force: "warplanes hit …" after "Iraqi warplanes struck …"
  'warplanes', 'warplane', 'bombers', 'gunships', 'warships', 'warship', 'gunboats', 'gunboat',
]);
/** First letters (lower-case char codes) of the head words. */
const HEAD_INITIALS: ReadonlySet<number> = new Set([...FORCE_HEADS].map((w) => w.charCodeAt(0)));
/** Heads too general alone ("forces loyal to …", "officers" of anything): read only with a modifier. */
const NEEDS_MODIFIER: ReadonlySet<string> = new Set(['forces', 'guards', 'officers']);
/** Heads naming one person. */
const PERSON_HEADS: ReadonlySet<string> = new Set(['policeman', 'policewoman', 'gendarme', 'soldier']);
/** Lower-case modifiers that keep a force the state's own ("riot police", "government troops"). */
const STATE_MODIFIERS: ReadonlySet<string> = new Set([
  'riot', 'security', 'government', 'armed', 'state', 'federal', 'national', 'border', 'police', 'paramilitary',
  'military', 'army', 'local', 'provincial', 'regional', 'municipal', 'immigration', 'customs', 'prison',
  'traffic', 'secret', 'special', 'elite', 'uniformed', 'plainclothes', 'plain-clothes', 'senior', 'junior', 'top',
]);
/** Modifiers that make a general head ("forces", "guards", "officers") a state force. */
const FORCE_MODIFIERS: ReadonlySet<string> = new Set(['security', 'government', 'armed', 'state', 'federal', 'border', 'police', 'paramilitary', 'riot', 'special', 'military', 'army']);
/** Quantities end a phrase on their left and say nothing of whose it is: "several soldiers", "additional troops". */
const QUANTITY_WORDS: ReadonlySet<string> = new Set(['several', 'many', 'more', 'most', 'some', 'few', 'fewer', 'all', 'both', 'additional', 'extra', 'numerous', 'hundreds', 'thousands', 'dozens', 'scores']);
/** Determiners after which a phrase names no particular force: "an army of volunteers", "any troops", "no soldiers". */
/** Words of time the tagger reads as nouns: "said today troops killed …" has no "today troops". */
const TIME_WORDS: ReadonlySet<string> = new Set(['today', 'yesterday', 'tonight', 'tomorrow', 'now', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const NOT_DEFINITE: ReadonlySet<string> = new Set(['a', 'an', 'any', 'no', 'another', 'each', 'every', 'either', 'neither']);
const SUBJECT_RELS: ReadonlySet<string> = new Set(['nsubj', 'nsubj:pass', 'obl:agent', 'csubj']);
const OBJECT_RELS: ReadonlySet<string> = new Set(['obj', 'iobj', 'obl']);
const NOUN_TAGS: ReadonlySet<string> = new Set(['NN', 'NNS', 'NNP', 'NNPS']);
const MODIFIER_TAGS: ReadonlySet<string> = new Set(['JJ', 'NN', 'NNS', 'NNP', 'NNPS', 'HYPH', 'VBN']);
/** Words standing for the force they quantify: "hundreds of police", "a unit of soldiers". */
const QUANTITY_HEADS: ReadonlySet<string> = new Set(['hundreds', 'thousands', 'dozens', 'scores', 'tens', 'number', 'unit', 'units', 'contingent', 'column', 'group', 'squad', 'detachment', 'battalion']);
const STOP_TAGS = /^(?:DT|PDT|PRP\$?|IN|CC|TO|CD|WDT|WP\$?|WRB|POS|MD|EX|RB|[^A-Z])/;
const MAX_MODIFIERS = 3;

function tag(t: Token): string {
  return t.xpos ?? '';
}

interface Argument {
  argument: 'subject' | 'object' | null;
  verb: number | null;
}

/**
 * Subject or object of a verb. With a parse: the head's relation, through conjunctions
 * and quantity heads ("hundreds of police"). Without one: a subject starts the sentence,
 * follows "by" or precedes a verb; an object follows a verb or preposition.
 */
function argumentOf(lower: (i: number) => string, tokens: readonly Token[], head: number, first: number, sentenceFirst: number): Argument {
  if (tokens[head]!.deprel !== undefined) {
    const h = argumentHead(tokens, head, lower, QUANTITY_HEADS);
    const rel = tokens[h]!.deprel ?? '';
    if (SUBJECT_RELS.has(rel)) return { argument: 'subject', verb: null };
    if (OBJECT_RELS.has(rel)) return { argument: 'object', verb: tokens[h]!.head !== undefined && tokens[h]!.head! >= 0 ? tokens[h]!.head! : null };
    // A misparse of a headline-like "Police arrested 20 people" (noun root, verb as its
    // modifier): the words say subject when a verb follows at once.
    const next = tokens[head + 1];
    const verbNext = next !== undefined && (/^(?:VBD|VBZ|VBP|MD)$/.test(tag(next)) || (rel === 'root' && tag(next) === 'VBN' && next.head === head));
    if (verbNext) return { argument: 'subject', verb: null };
    return { argument: null, verb: null };
  }
  let before = first - 1;
  while (before >= sentenceFirst && /^(?:DT|CD|PDT)$/.test(tag(tokens[before]!))) before--;
  if (before - 1 >= sentenceFirst && lower(before) === 'of' && QUANTITY_HEADS.has(lower(before - 1))) {
    before -= 2;
    while (before >= sentenceFirst && /^(?:DT|CD|JJ)$/.test(tag(tokens[before]!))) before--;
  }
  const prev = before >= sentenceFirst ? tag(tokens[before]!) : '';
  const next = head + 1 < tokens.length ? tag(tokens[head + 1]!) : '';
  if (prev === '' || (before >= sentenceFirst && lower(before) === 'by') || /^(?:VB|MD)/.test(next)) return { argument: 'subject', verb: null };
  if (/^(?:VB|IN|TO)/.test(prev)) return { argument: 'object', verb: null };
  return { argument: null, verb: null };
}

/**
 * Every state-force phrase in `sentences` (token ranges [first, end)), in text order. A
 * phrase's sentence is parsed (through `parses`) only once the phrase is found.
 */
export function findForcePhrases(
  text: string, tokens: readonly Token[], sentences: ReadonlyArray<readonly [number, number]>, parses: ParseOnDemand | null = null,
): ForcePhrase[] {
  const out: ForcePhrase[] = [];
  const word = (i: number): string => text.slice(tokens[i]!.start, tokens[i]!.end);
  const lower = (i: number): string => word(i).toLowerCase();
  for (const [sFirst, sEnd] of sentences) {
    for (let i = sFirst; i < sEnd; i++) {
      const t = tokens[i]!;
      if (!NOUN_TAGS.has(tag(t))) continue;
      // Head words are short and start with few letters: most nouns are dismissed before any slicing.
      const len = t.end - t.start;
      if (len < 4 || len > 11 || !HEAD_INITIALS.has(text.charCodeAt(t.start) | 32)) continue;
      const head = lower(i);
      if (!FORCE_HEADS.has(head)) continue;
      // The last noun of its phrase: "army officers" is about officers, "police station" about a station.
      if (i + 1 < sEnd && (NOUN_TAGS.has(tag(tokens[i + 1]!)) || tag(tokens[i + 1]!) === 'POS')) continue;
      const mods: number[] = [];
      for (let k = i - 1; k >= sFirst && mods.length < MAX_MODIFIERS; k--) {
        const w = word(k);
        const tg = tag(tokens[k]!);
        // A capitalised word qualifies whatever the tagger says ("Hamas/VBZ"), unless it is a function word ("The").
        if ((!MODIFIER_TAGS.has(tg) && !(/^\p{Lu}/u.test(w) && !STOP_TAGS.test(tg))) || QUANTITY_WORDS.has(w.toLowerCase()) || TIME_WORDS.has(w.toLowerCase())) break;
        mods.unshift(k);
      }
      // A capital says whose the force is ("Kenyan", "UN"), unless it is only the sentence's first letter ("Riot police").
      const qualified = mods.some((k) => /^\p{Lu}/u.test(word(k)) && !(k === sFirst && STATE_MODIFIERS.has(lower(k))));
      const first = mods[0] ?? i;
      const plain = mods.map(lower);
      if (NEEDS_MODIFIER.has(head) && plain.length === 0) continue;
      // The longest reading: "riot police", "security forces", "government troops", else the head.
      // (A plural head is also read in the singular: "police forces" is the "police force" row, not "forces".)
      let reading = null;
      for (let j = 0; j <= plain.length && !reading?.sector; j++) {
        const phrase = [...plain.slice(j), head].join(' ');
        reading = readActor(phrase) ?? (j < plain.length && phrase.endsWith('s') ? readActor(phrase.slice(0, -1)) : null);
      }
      const sector = reading?.sector;
      if (sector !== 'MIL' && sector !== 'COP' && sector !== 'GOV') continue;
      if (NEEDS_MODIFIER.has(head) && !plain.some((m) => FORCE_MODIFIERS.has(m))) continue;
      const canonical = reading!.organisation ?? reading!.role ?? head;
      const before = first > sFirst ? first - 1 : -1;
      const det = before >= 0 ? lower(before) : '';
      const body = !PERSON_HEADS.has(head);
      const excluded =
        (before >= 0 && (tag(tokens[before]!) === 'PRP$' || tag(tokens[before]!) === 'POS' || /^['’]s?$/.test(det))) ||
        NOT_DEFINITE.has(det) ||
        (!qualified && plain.some((m) => !STATE_MODIFIERS.has(m))) ||
        /^\s+loyal\s+to\b/i.test(text.slice(t.end, t.end + 12));
      parses?.ensure(i);
      const arg = argumentOf(lower, tokens, i, first, sFirst);
      out.push({ span: { start: tokens[first]!.start, end: t.end }, head: i, sector, canonical, role: reading!.organisation ? null : reading!.role, body, qualified, excluded, ...arg });
    }
  }
  return out;
}

const LOCATIVE = new Set(['in', 'at', 'near', 'outside', 'across', 'throughout', 'around', 'inside']);
/** Words that may stand between a locative and its place: "in the southern city of Kandahar". */
const GAP_STOP = new Set(['on', 'with', 'to', 'for', 'by', 'from', 'against', 'and', 'or', 'into', 'than', 'as']);

/**
 * The text before `offset` puts what follows as the place where something is or happens:
 * "in Nairobi", "near the town of Samarra", "In the capital Kabul" ("crossed into Lebanon" does not).
 */
export function locativeBefore(text: string, offset: number): boolean {
  const words = text.slice(Math.max(0, offset - 60), offset).split(/\s+/).filter((w) => w !== '');
  // Walk back over "of", up to three lower-case words and "the" to the preposition.
  let k = words.length - 1;
  if (words[k] === 'of') k--;
  for (let gap = 0; gap < 3 && k >= 0 && /^\p{Ll}[\p{Ll}-]*$/u.test(words[k]!) && !LOCATIVE.has(words[k]!) && !GAP_STOP.has(words[k]!); gap++) k--;
  if (k >= 0 && words[k]!.toLowerCase() === 'the') k--;
  return k >= 0 && LOCATIVE.has(words[k]!.toLowerCase());
}

/** The country of a dateline's place ("NAIROBI" → KEN), when the gazetteer is sure of it. */
export function datelineCountry(place: string, context: PlaceContext): string | null {
  const country = countries().byName(place);
  if (country) return country.a3;
  const r = resolvePlace([place], context);
  return r?.confident ? r.place.country : null;
}
