/**
 * The PLOVER trigger lexicon (knowledge/events/lexicon.tsv), the mode refinements
 * (knowledge/events/modes.tsv) and the other senses of trigger words
 * (knowledge/events/senses.tsv): loaded once, indexed by the anchor lemma so
 * matching a token is one map lookup per lemma candidate.
 */
import { readKnowledge, tsvRows } from '../knowledge/paths.js';
import type { SenseRule } from './senses.js';
import { parseSenses } from './senses.js';
import { PLOVER_TYPES } from '../core/record.js';
import type { PloverType } from '../core/record.js';

export type TriggerPos = 'verb' | 'noun' | 'phrase' | 'nphrase';

export interface LexEntry {
  pattern: string;
  /** Lemmas; words[0] is the anchor. */
  words: readonly string[];
  pos: TriggerPos;
  type: PloverType;
  mode: string | null;
  context: readonly string[];
  cameo: string | null;
  /** Recipient slots ("obj", "with", "between", …); empty = none; null = the type's default. */
  recipient: readonly string[] | null;
  /** The object is the PLOVER actor and the subject the recipient ("host"). */
  swap: boolean;
  /** The actor the row is for (lexicon.tsv `when`); null for any. */
  when: ActorCondition | null;
  notes: string;
}

/** A state (a country or its government), anything else, or any party coded by country or sector. */
export type ActorCondition = 'state' | 'nonstate' | 'coded';

export interface ModeRule {
  type: PloverType;
  word: string;
  mode: string;
  scope: 'clause' | 'object';
}

export interface Lexicon {
  readonly entries: readonly LexEntry[];
  /**
   * Noun classes a phrase row may name after its anchor ("send @aid-goods"): the manual's
   * kinds of object (goods, forces, captives, restrictions …) rather than single nouns.
   */
  readonly classes: ReadonlyMap<string, ReadonlySet<string>>;
  /** "V:agree", "N:talk", "*:armed" (nphrase anchors match any tag) → entries, longest first. */
  readonly byAnchor: ReadonlyMap<string, readonly LexEntry[]>;
  readonly modes: readonly ModeRule[];
  readonly senses: readonly SenseRule[];
}

/** Where the recipient usually is, by type, when the lexicon row leaves it empty. */
export const DEFAULT_RECIPIENT: Record<PloverType, readonly string[]> = {
  AGREE: ['with'], CONSULT: ['with'], SUPPORT: ['obj'], CONCEDE: ['to'], COOPERATE: ['with'],
  AID: ['obj', 'to'], RETREAT: ['from'], REQUEST: ['obj', 'from'], ACCUSE: ['obj'], REJECT: ['obj'],
  THREATEN: ['obj'], PROTEST: ['against'], SANCTION: ['obj', 'on', 'against'], MOBILIZE: [],
  COERCE: ['obj'], ASSAULT: ['obj', 'against', 'on'],
};

/** Where a row's recipient is: its own slots, else its type's default. */
export function recipientSlots(e: Pick<LexEntry, 'recipient' | 'type'>): readonly string[] {
  return e.recipient ?? DEFAULT_RECIPIENT[e.type];
}

const TYPES: ReadonlySet<string> = new Set(PLOVER_TYPES);
const POSES: ReadonlySet<string> = new Set(['verb', 'noun', 'phrase', 'nphrase']);

export function anchorKey(e: Pick<LexEntry, 'pos' | 'words'>): string {
  const cls = e.pos === 'nphrase' ? '*' : e.pos === 'noun' ? 'N' : 'V';
  return `${cls}:${e.words[0]}`;
}

export function parseLexicon(tsv: string): LexEntry[] {
  const out: LexEntry[] = [];
  for (const row of tsvRows(tsv)) {
    const [pattern = '', pos = '', type = '', mode = '', context = '', cameo = '', recipient = '', when = '', notes = ''] = row;
    if (!POSES.has(pos)) throw new Error(`events lexicon: bad pos "${pos}" for "${pattern}"`);
    if (!TYPES.has(type)) throw new Error(`events lexicon: bad type "${type}" for "${pattern}"`);
    const slots = recipient === '' ? null : recipient === '-' ? [] : recipient.split('|').filter((s) => s !== 'swap');
    out.push({
      pattern,
      words: pattern.split(' '),
      pos: pos as TriggerPos,
      type: type as PloverType,
      mode: mode === '' ? null : mode,
      context: context === '' ? [] : context.split(';'),
      cameo: cameo === '' ? null : cameo,
      recipient: slots,
      swap: recipient.split('|').includes('swap'),
      when: actorCondition(when, pattern),
      notes,
    });
  }
  return out;
}

function actorCondition(when: string, pattern: string): ActorCondition | null {
  if (when === '') return null;
  const m = /^actor=(state|nonstate|coded)$/.exec(when);
  if (!m) throw new Error(`events lexicon: bad condition "${when}" for "${pattern}" (want actor=state, actor=nonstate or actor=coded)`);
  return m[1] as ActorCondition;
}

export function parseModes(tsv: string): ModeRule[] {
  return tsvRows(tsv).map(([type = '', word = '', mode = '', scope = '']) => {
    if (!TYPES.has(type)) throw new Error(`events modes: bad type "${type}"`);
    return { type: type as PloverType, word, mode, scope: scope === 'object' ? 'object' : 'clause' };
  });
}

/** knowledge/events/noun-classes.tsv: `class<TAB>lemma` rows. */
export function parseClasses(tsv: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [name = '', lemma = ''] of tsvRows(tsv)) {
    if (!/^@[a-z-]+$/.test(name) || lemma === '') throw new Error(`events noun classes: bad row "${name}\t${lemma}" (want "@class<TAB>lemma")`);
    let set = out.get(name);
    if (!set) out.set(name, (set = new Set()));
    set.add(lemma);
  }
  return out;
}

export function buildLexicon(entries: LexEntry[], modes: ModeRule[], classes: Map<string, Set<string>> = new Map(), senses: SenseRule[] = []): Lexicon {
  const byAnchor = new Map<string, LexEntry[]>();
  for (const e of entries) {
    if (e.words[0]!.startsWith('@')) throw new Error(`events lexicon: "${e.pattern}" starts with a noun class; the anchor must be a word`);
    for (const w of e.words) if (w.startsWith('@') && !classes.has(w)) throw new Error(`events lexicon: "${e.pattern}" names the unknown noun class ${w} (see noun-classes.tsv)`);
    const key = anchorKey(e);
    let list = byAnchor.get(key);
    if (!list) byAnchor.set(key, (list = []));
    list.push(e);
  }
  // Longest pattern first, then conditional rows before the unconditional fallback.
  for (const list of byAnchor.values()) {
    list.sort((a, b) => b.words.length - a.words.length || (a.when === null ? 1 : 0) - (b.when === null ? 1 : 0));
  }
  return { entries, byAnchor, modes, classes, senses };
}

let cached: Lexicon | undefined;

export function lexicon(): Lexicon {
  if (!cached) {
    const classes = parseClasses(readKnowledge('events/noun-classes.tsv'));
    cached = buildLexicon(
      parseLexicon(readKnowledge('events/lexicon.tsv')),
      parseModes(readKnowledge('events/modes.tsv')),
      classes,
      parseSenses(readKnowledge('events/senses.tsv'), classes),
    );
  }
  return cached;
}

export interface CameoRow {
  code: string;
  type: PloverType;
  mode: string | null;
}

/** The compact CAMEO→PLOVER table; a code without a row takes its nearest shorter prefix. */
export function cameoTable(): (code: string) => CameoRow | null {
  const rows = new Map<string, CameoRow>();
  for (const [code = '', type = '', mode = ''] of tsvRows(readKnowledge('events/cameo2plover.tsv'))) {
    if (TYPES.has(type)) rows.set(code, { code, type: type as PloverType, mode: mode === '' ? null : mode });
  }
  return (code) => {
    for (let n = code.length; n >= 2; n--) {
      const r = rows.get(code.slice(0, n));
      if (r) return r;
    }
    return null;
  };
}
