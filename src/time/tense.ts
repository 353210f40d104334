/**
 * The tense of the clause around a time expression, which decides whether a bare
 * weekday or month points back or forward from publication. With POS tags
 * (xpos) the tags decide; without them a lexical reading of the same cues.
 * The cue nearest to the expression wins, so "said he would visit on Friday"
 * reads "would" (future) and "said on Friday that he would visit" reads "said".
 */
import type { Token } from '../core/doc.js';
import type { Span } from '../core/span.js';
import { firstSpanStartingAt } from '../core/span.js';

export type Tense = 'past' | 'future' | 'present' | null;

/** A word of a clause as the tense rules read it. */
export interface Word {
  start: number;
  end: number;
  lower: string;
  raw: string;
  xpos: string | undefined;
}

const BE_PRESENT = new Set(['is', 'are', 'am', "'s", "'re"]);
const BE_PAST = new Set(['was', 'were']);
const BE_ANY = new Set([...BE_PRESENT, ...BE_PAST, 'be', 'been', 'being']);
const HAVE = new Set(['has', 'have', 'had', "'ve", "'d"]);
const FUTURE_MODALS = new Set(['will', 'shall', "'ll", 'would', 'wo']);
const WEAK_MODALS = new Set(['could', 'may', 'might', 'can', 'should', 'must']);
const DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that', 'its', 'his', 'her', 'their', 'our', 'my', 'your']);
/** Words that point forward when "to" follows: "plans to", "is set to", "hopes to". */
const FUTURE_TO = new Set([
  'plan', 'plans', 'planned', 'planning', 'expect', 'expects', 'expected', 'due', 'set', 'scheduled',
  'slated', 'poised', 'likely', 'hope', 'hopes', 'aim', 'aims', 'intend', 'intends', 'going',
  'seek', 'seeks', 'want', 'wants', 'prepare', 'prepares', 'preparing', 'ready', 'vowed', 'vows',
  'promised', 'promises', 'pledged', 'pledges', 'agreed', 'agree', 'agrees', 'decided', 'is', 'are',
  'forecast', 'forecasts', 'predicted', 'projected', 'tipped',
]);
/** Participles that point forward before "for": "scheduled for March 1". */
const FUTURE_FOR = new Set(['scheduled', 'planned', 'slated', 'set', 'due', 'booked', 'penciled', 'pencilled']);
const NOT_PAST_ED = new Set([
  'need', 'seed', 'speed', 'feed', 'bed', 'red', 'hundred', 'shed', 'bleed', 'breed', 'proceed',
  'exceed', 'succeed', 'indeed', 'embed', 'creed', 'greed', 'weed', 'wed', 'sled', 'bred',
]);
const IRREGULAR_PAST = new Set([
  'said', 'told', 'met', 'held', 'went', 'came', 'took', 'gave', 'made', 'saw', 'began', 'left',
  'spoke', 'fought', 'fell', 'won', 'lost', 'sent', 'led', 'struck', 'wrote', 'became', 'brought',
  'thought', 'found', 'stood', 'rose', 'broke', 'ran', 'sold', 'paid', 'flew', 'drove', 'knew',
  'got', 'kept', 'shot', 'fled', 'bought', 'caught', 'sought', 'built', 'spent', 'felt', 'heard',
  'meant', 'chose', 'drew', 'grew', 'threw', 'withdrew', 'hid', 'ate', 'froze', 'stole', 'swore',
  'tore', 'wore', 'woke', 'understood', 'overtook', 'undertook', 'arose', 'sank', 'rang', 'shook',
  'slid', 'stuck', 'hung', 'dug', 'sat', 'did', 'had', 'ago', 'forgot', 'dealt', 'lit', 'swept',
]);

/** /[A-Za-z']/ over text[start, end), without slicing it out: asked of every token of a clause. */
function hasLetterOrApostrophe(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 39) return true;
  }
  return false;
}

/**
 * Per token index, its Word (null for a token with no letter or apostrophe). The clauses
 * of a text's expressions overlap, so findTimes keeps one for the whole text and each
 * token is read once instead of once per expression.
 */
export type TokenWords = (Word | null | undefined)[];

function tokenWord(text: string, t: Token): Word | null {
  if (!hasLetterOrApostrophe(text, t.start, t.end)) return null;
  const raw = text.slice(t.start, t.end);
  return { start: t.start, end: t.end, raw, lower: raw.toLowerCase().replace('’', "'"), xpos: t.xpos };
}

function wordsOf(text: string, clause: Span, tokens: readonly Token[] | undefined, known: TokenWords = []): Word[] {
  let tagged: Word[] | undefined;
  if (tokens) {
    tagged = [];
    for (let i = firstSpanStartingAt(tokens, clause.start); i < tokens.length && tokens[i]!.end <= clause.end; i++) {
      let w = known[i];
      if (w === undefined) known[i] = w = tokenWord(text, tokens[i]!);
      if (w !== null) tagged.push(w);
    }
  }
  if (tagged && tagged.length > 0 && tagged.some((t) => t.xpos !== undefined)) return tagged;
  const out: Word[] = [];
  const re = /[A-Za-z]+(?:['’][A-Za-z]+)?/g;
  re.lastIndex = clause.start;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && m.index < clause.end) {
    const raw = m[0];
    let lower = raw.toLowerCase().replace('’', "'");
    if (lower.endsWith("'ll")) lower = "'ll";
    out.push({ start: m.index, end: m.index + raw.length, raw, lower, xpos: undefined });
  }
  return out;
}

function classify(words: readonly Word[], i: number): Tense {
  const w = words[i]!;
  const next = words[i + 1]?.lower ?? '';
  const back = [words[i - 1]?.lower ?? '', words[i - 2]?.lower ?? ''];
  if (FUTURE_MODALS.has(w.lower) || w.xpos === 'MD' && FUTURE_MODALS.has(w.lower)) return 'future';
  if (WEAK_MODALS.has(w.lower) && (w.xpos === undefined || w.xpos === 'MD')) return next === 'have' ? 'past' : 'future';
  if (FUTURE_TO.has(w.lower) && next === 'to') return 'future';
  if (FUTURE_FOR.has(w.lower) && next === 'for') return 'future';
  if (BE_PAST.has(w.lower)) return 'past';
  if (BE_PRESENT.has(w.lower)) return 'present';
  if (HAVE.has(w.lower)) return 'past';
  if (w.xpos !== undefined) {
    if (w.xpos === 'VBD') return 'past';
    // A participle takes its tense from the auxiliary before it, which has its own cue.
    return null;
  }
  if (IRREGULAR_PAST.has(w.lower)) return 'past';
  if (/ed$/.test(w.lower) && w.lower.length > 3 && !NOT_PAST_ED.has(w.lower)) {
    if (/^[A-Z]/.test(w.raw) && i > 0) return null;
    if (back.some((b) => BE_ANY.has(b) || FUTURE_MODALS.has(b) || WEAK_MODALS.has(b) || b === 'to' || b === 'get' || b === 'got')) return null;
    if (DETERMINERS.has(back[0] ?? '')) return null;
    return 'past';
  }
  return null;
}

/**
 * Clause breaks: strong punctuation, contrastive conjunctions, and "and"/"or" when a
 * new verb follows at once ("cut rates in March and will review them"), which starts
 * a second verb phrase with its own tense.
 */
const WINDOW = 300;
const BOUNDARY = /[;:—–]|,\s+(?:but|while|whereas|although|though)\b|\bbut\b|\b(?:and|or)\s+(?=(?:then\s+|also\s+|later\s+|now\s+)?(?:will|would|shall|is|are|was|were|has|have|had|did|[a-z]+ed)\b)/g;

/** The part of the sentence between clause breaks that holds the expression. */
export function clauseAround(text: string, sentence: Span, expr: Span): Span {
  // Cues further than this are never the nearest; the bound keeps run-on "sentences" linear.
  const start0 = Math.max(sentence.start, expr.start - WINDOW);
  const end0 = Math.min(sentence.end, expr.end + WINDOW);
  sentence = { start: start0, end: end0 };
  let start = sentence.start;
  let end = sentence.end;
  const slice = text.slice(sentence.start, sentence.end);
  BOUNDARY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BOUNDARY.exec(slice)) !== null) {
    const bStart = sentence.start + m.index;
    const bEnd = bStart + m[0].length;
    if (bEnd <= expr.start) start = bEnd;
    else if (bStart >= expr.end) {
      end = bStart;
      break;
    }
  }
  return { start, end };
}

export function clauseTense(text: string, sentence: Span, expr: Span, tokens?: readonly Token[], known?: TokenWords): Tense {
  const clause = clauseAround(text, sentence, expr);
  const words = wordsOf(text, clause, tokens, known);
  const cues: { index: number; tense: Tense }[] = [];
  words.forEach((w, i) => {
    if (w.start >= expr.start && w.end <= expr.end) return;
    const t = classify(words, i);
    if (t !== null) cues.push({ index: i, tense: t });
  });
  // "is expected to", "are set to": the auxiliary is not a present-tense cue of its own.
  const kept = cues.filter((c) => !(c.tense === 'present' && cues.some((o) => o.tense === 'future' && o.index > c.index && o.index - c.index <= 2)));
  let firstIn = words.findIndex((w) => w.end > expr.start);
  if (firstIn < 0) firstIn = words.length;
  let lastIn = firstIn;
  while (lastIn + 1 < words.length && words[lastIn + 1]!.start < expr.end) lastIn++;
  let best: { d: number; tense: Tense } | null = null;
  for (const c of kept) {
    const before = c.index < firstIn;
    const d = before ? firstIn - c.index : c.index - lastIn;
    // Ties go to the cue before the expression: the verb usually precedes its adjunct.
    // A verb beyond a comma is usually another clause (", officials said").
    const between = before ? text.slice(words[c.index]!.end, expr.start) : text.slice(expr.end, words[c.index]!.start);
    const score = d * 2 + (before ? 0 : 1) + (between.includes(',') ? 8 : 0);
    if (best === null || score < best.d) best = { d: score, tense: c.tense };
  }
  return best?.tense ?? null;
}
