/**
 * Matchers for expressions whose value depends on a reference point: relative
 * days, weeks, months and years (anchored on publication), narrative offsets
 * ("two days later", anchored on the previous time), durations and vague words.
 */
import { NUMBER_WORD_RE, UNIT_RE, VAGUE_QUANTITIES, parseQuantity, unitOf } from './lexicon.js';
import type { Candidate, Mention, Shift } from './mention.js';
import { atSentenceStart, isRegexSpace, wordBefore } from './scan.js';
import { anchored } from './word-anchors.js';
import type { AnchoredText } from './word-anchors.js';

type RelUnit = 'day' | 'week' | 'month' | 'year';

const VAGUE_Q = VAGUE_QUANTITIES.slice().sort((a, b) => b.length - a.length).map((q) => q.replace(/ /g, '\\s+')).join('|');
// Bounded shapes only: an open `[\\d,]*` rescans long digit runs from every position.
const NUM = `\\d{1,3}(?:,\\d{3}){0,4}(?:\\.\\d{1,3})?|\\d{4,6}`;
const QTY = `((?:${NUM})(?![\\d,])|${VAGUE_Q}|${NUMBER_WORD_RE})`;

/**
 * Compiled once: matchers run for every article. Each pattern names the words a match
 * must hold and how many word starts may precede them (word-anchors.ts), so it only runs
 * near those words. A quantity (QTY) spans at most six word starts ("1,000,000,000,000.5").
 */
const QTY_WORDS = 6;

/*
 * Gates for the anchors (word-anchors.ts): what a pattern needs right before its
 * anchor word, read backwards over the spaces. Their word sets are read off the
 * lexicon's patterns so that they cannot fall behind them.
 */
function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Offset where the spaces before `at` begin. */
function spacesStart(text: string, at: number): number {
  let end = at;
  while (end > 0 && isRegexSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

/** The ASCII letters right before offset `end`, lower case. */
function lettersBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && isLetter(text.charCodeAt(start - 1))) start--;
  return text.slice(start, end).toLowerCase();
}

/** Every word of an alternation of words (the lexicon's patterns). */
function wordsOf(pattern: string): string[] {
  return pattern.split(/[^a-z]+/).filter((w) => w.length > 0);
}

/** Each last word of a QTY ("few" of "the past few", "of" of "a couple of", "one" of "twenty-one"): a superset. */
const QUANTITY_ENDS = new Set([...VAGUE_QUANTITIES.flatMap(wordsOf), ...wordsOf(NUMBER_WORD_RE)]);
/** Every UNIT_RE form, singular and plural: a superset. */
const UNIT_FORMS = new Set(wordsOf(UNIT_RE).flatMap((u) => [u, u.replace(/s$/, '')]));

/** The anchor follows a quantity: its digits or its last word. */
function afterQuantity(text: string, at: number): boolean {
  const end = spacesStart(text, at);
  const c = text.charCodeAt(end - 1);
  return (c >= 48 && c <= 57) || QUANTITY_ENDS.has(lettersBefore(text, end));
}

function afterUnit(text: string, at: number): boolean {
  return UNIT_FORMS.has(lettersBefore(text, spacesStart(text, at)));
}
const UNIT_WORDS = ['second', 'minute', 'hour', 'day', 'night', 'week', 'fortnight', 'month', 'year', 'decade', 'centur'];
const AGO = anchored(new RegExp(`\\b${QTY}\\s+(${UNIT_RE})\\s+ago\\b`, 'gi'), { words: ['ago'], before: QTY_WORDS + 1, after: /\s/, gate: afterUnit });
const NARRATIVE = anchored(
  new RegExp(`\\b(?:${QTY}\\s+)?(${UNIT_RE})\\s+(later|earlier|before|after)\\b`, 'gi'),
  { words: ['later', 'earlier', 'before', 'after'], before: QTY_WORDS + 1, after: /\s/, gate: afterUnit },
);
const DURATION = anchored(
  new RegExp(`\\b(the\\s+(?:past|last|previous|next|coming|first)\\s+)?${QTY}\\s+(${UNIT_RE})\\b(?![-‐]|\\s+old\\b)`, 'gi'),
  { words: UNIT_WORDS, before: 2 + QTY_WORDS, after: /\s/, gate: afterQuantity },
);
const ADJ_DURATION = anchored(
  new RegExp(`(?<![\\w.,])(${NUM}|${NUMBER_WORD_RE})[-‐](second|minute|hour|day|week|month|year|decade)(?![-‐]old)\\b`, 'gi'),
  { words: ['second', 'minute', 'hour', 'day', 'week', 'month', 'year', 'decade'], before: QTY_WORDS, after: /[-‐]/ },
);
const DAY_WORD = anchored(
  /\b(?:(?:earlier|later)\s+)?(today|tonight|yesterday|tomorrow)(?![a-z])(?:\s+(?:morning|afternoon|evening|night)\b)?/gi,
  { words: ['today', 'tonight', 'yesterday', 'tomorrow'], before: 1 },
);
const DAY_BEFORE_AFTER = anchored(/\bthe\s+day\s+(before\s+yesterday|after\s+tomorrow)\b/gi, { words: ['yesterday', 'tomorrow'], before: 3 });
const THIS_MORNING = anchored(/\b(?:(?:earlier|later)\s+)?this\s+(?:morning|afternoon|evening)\b/gi, { words: ['morning', 'afternoon', 'evening'], before: 2 });
const LAST_NIGHT = anchored(/\blast\s+night\b/gi, { words: ['night'], before: 1 });
const CALENDAR_UNIT = anchored(
  /\b(?:(?:earlier|later|early|late|mid)[-\s]+)?(this|last|next|past)\s+(week|month|year)\b(?!-)/gi,
  { words: ['week', 'month', 'year'], before: 2, after: /\s/ },
);
const WEEKEND = anchored(/\b(?:(this|last|next|the)\s+)weekend\b/gi, { words: ['weekend'], before: 1 });
const THE_NEXT_DAY = anchored(
  /\bthe\s+(next|following|previous|same|preceding)\s+(day|morning|afternoon|evening|night|week|month|year)\b/gi,
  { words: ['next', 'following', 'previous', 'same', 'preceding'], before: 1 },
);
const THE_DAY_BEFORE = anchored(
  /\bthe\s+(day|week|month|year)\s+(before|after|earlier|later)(?=\s*[,.;!?)]|\s*$)/gi,
  { words: ['before', 'after', 'earlier', 'later'], before: 2, after: /\s/ },
);
const THAT_DAY = anchored(
  /\b(?:(?:later|earlier)\s+)?that\s+(day|morning|afternoon|evening|night|week|month|year)\b/gi,
  { words: ['that'], before: 1 },
);
const THE_PAST_UNIT = anchored(/\bthe\s+(?:past|coming)\s+(day|week|fortnight|month|year|decade)\b/gi, { words: ['past', 'coming'], before: 1 });
const BARE_UNITS = anchored(
  /\b(seconds|minutes|hours|days|weeks|months|years|decades|centuries)\b(?!\s+(?:ago|later|earlier|old)\b)/gi,
  { words: ['seconds', 'minutes', 'hours', 'days', 'weeks', 'months', 'years', 'decades', 'centuries'], before: 0 },
);
const VAGUE_WORD = anchored(/\b(recently|lately|previously|soon)\b/gi, { words: ['recently', 'lately', 'previously', 'soon'], before: 0 });
const RECENT_UNITS = anchored(/\b(?:recent|the\s+coming)\s+(days|weeks|months|years|decades)\b/gi, { words: ['recent', 'coming'], before: 1 });
const IN_THE_PAST = anchored(/\b(?<=in\s)the\s+(past|future)(?=\s*[,.;!?)]|\s*$)/gi, { words: ['past', 'future'], before: 1 });
const EARLIER_LATER = anchored(/(?<![-‐])\b(earlier|later)\b/gi, { words: ['earlier', 'later'], before: 0 });

function rel(unit: RelUnit, offset: number, anchor: 'published' | 'context', exact = false): Mention {
  return { kind: 'relative', unit, offset, anchor, exact, time: null };
}

function relUnit(word: string): RelUnit | null {
  const u = unitOf(word);
  if (!u) return null;
  return u.unit === 'day' || u.unit === 'week' || u.unit === 'month' || u.unit === 'year' ? u.unit : null;
}

function push(out: Candidate[], m: RegExpExecArray, mention: Mention): void {
  out.push({ start: m.index, end: m.index + m[0].length, mention });
}

/** today, yesterday, this morning, last night, the day before yesterday. */
function dayWords(at: AnchoredText, out: Candidate[]): void {
  const text = at.text;
  const offsets: Record<string, number> = { today: 0, tonight: 0, yesterday: -1, tomorrow: 1 };
  at.scan(DAY_WORD, (m) => {
    // Capitalised inside a sentence it is a name ("Radio 4's Today programme").
    if (/^[A-Z]/.test(m[0]) && !atSentenceStart(text, m.index)) return;
    push(out, m, rel('day', offsets[(m[1] ?? '').toLowerCase()] ?? 0, 'published'));
  });
  at.scan(DAY_BEFORE_AFTER, (m) => {
    push(out, m, rel('day', /before/i.test(m[1] ?? '') ? -2 : 2, 'published'));
  });
  at.scan(THIS_MORNING, (m) => {
    // "ITV1's This Morning" is a programme.
    if (/^This\s+[A-Z]/.test(m[0]) && !atSentenceStart(text, m.index)) return;
    push(out, m, rel('day', 0, 'published'));
  });
  at.scan(LAST_NIGHT, (m) => push(out, m, rel('day', -1, 'published')));
}

/** this/last/next week|month|year, optionally with earlier/later ("earlier this month"). */
function calendarUnits(at: AnchoredText, out: Candidate[]): void {
  const text = at.text;
  at.scan(CALENDAR_UNIT, (m) => {
    const which = (m[1] ?? '').toLowerCase();
    // "the past week" is a stretch of time, not a calendar week.
    if (which === 'past') return;
    if (which !== 'this' && wordBefore(text, m.index) === 'the') return;
    const offset = which === 'last' ? -1 : which === 'next' ? 1 : 0;
    push(out, m, rel((m[2] ?? 'week').toLowerCase() as RelUnit, offset, 'published'));
  });
  at.scan(WEEKEND, (m) => {
    const w = (m[1] ?? '').toLowerCase();
    const shift: Shift = w === 'last' ? 'last' : w === 'next' ? 'next' : w === 'this' ? 'this' : null;
    push(out, m, { kind: 'weekend', shift });
  });
}

/** "three days ago", "a month ago". */
function ago(at: AnchoredText, out: Candidate[]): void {
  at.scan(AGO, (m) => {
    const n = parseQuantity(m[1] ?? '');
    const unit = relUnit(m[2] ?? '');
    if (unit === null) return;
    if (n === null || !Number.isInteger(n)) push(out, m, { kind: 'vague', anchor: 'published' });
    else push(out, m, rel(unit, -n * (unitOf(m[2] ?? '')?.factor ?? 1), 'published'));
  });
}

/** Offsets from the previous time in the narrative: "two days later", "the next day". */
function narrative(at: AnchoredText, out: Candidate[]): void {
  const text = at.text;
  at.scan(NARRATIVE, (m) => {
    const dir = (m[3] ?? '').toLowerCase();
    const end = m.index + m[0].length;
    // "two days after the attack" points at an event we cannot date here; leave the duration.
    if ((dir === 'before' || dir === 'after') && !/^\s*([,.;!?)]|$)/.test(text.slice(end, end + 2))) return;
    const unit = relUnit(m[2] ?? '');
    const n = m[1] !== undefined ? parseQuantity(m[1]) : null;
    if (m[1] === undefined && /s$/i.test(m[2] ?? '')) {
      push(out, m, { kind: 'vague', anchor: 'context' });
      return;
    }
    if (m[1] === undefined) return;
    if (unit === null || n === null || !Number.isInteger(n)) {
      push(out, m, { kind: 'vague', anchor: 'context' });
      return;
    }
    const sign = dir === 'later' || dir === 'after' ? 1 : -1;
    push(out, m, rel(unit, sign * n * (unitOf(m[2] ?? '')?.factor ?? 1), 'context', true));
  });
  at.scan(THE_NEXT_DAY, (m) => {
    const w = (m[1] ?? '').toLowerCase();
    const offset = w === 'same' ? 0 : w === 'previous' || w === 'preceding' ? -1 : 1;
    const u = (m[2] ?? '').toLowerCase();
    push(out, m, rel(u === 'week' || u === 'month' || u === 'year' ? u : 'day', offset, 'context'));
  });
  at.scan(THE_DAY_BEFORE, (m) => {
    const dir = (m[2] ?? '').toLowerCase();
    push(out, m, rel((m[1] ?? 'day').toLowerCase() as RelUnit, dir === 'before' || dir === 'earlier' ? -1 : 1, 'context'));
  });
  at.scan(THAT_DAY, (m) => {
    const u = (m[1] ?? '').toLowerCase();
    push(out, m, rel(u === 'week' || u === 'month' || u === 'year' ? u : 'day', 0, 'context'));
  });
}

const STRETCH_VERBS = new Set([
  'for', 'take', 'takes', 'took', 'taken', 'taking', 'last', 'lasts', 'lasted', 'lasting',
  'within', 'spent', 'spend', 'spends', 'spending',
]);

const A_UNIT_INTRO = new Set([
  'for', 'within', 'in', 'about', 'nearly', 'almost', 'over', 'under', 'than', 'take', 'takes',
  'took', 'taken', 'taking', 'last', 'lasts', 'lasted', 'lasting', 'spent', 'spend', 'spends',
  'least', 'to', 'just', 'only', 'barely', 'around', 'roughly', 'some', 'half', 'full',
  'whole', 'entire', 'another', 'extra', 'additional', 'of', 'by', 'during', 'throughout',
]);

/** "six weeks", "several days", "the past 24 hours", "a three-day ceasefire", "for months". */
function durations(at: AnchoredText, out: Candidate[]): void {
  const text = at.text;
  at.scan(DURATION, (m) => {
    const q = (m[2] ?? '').toLowerCase().replace(/\s+/g, ' ');
    const u = unitOf(m[3] ?? '');
    if (!u) return;
    const prev = wordBefore(text, m.index);
    // "twice a day", "£1bn a year", "two hours of sport a week" are rates: a bare
    // "a week" is a stretch of time only after words that introduce one.
    if ((q === 'a' || q === 'an') && !m[1] && !A_UNIT_INTRO.has(prev)) return;
    const n = parseQuantity(q);
    const amount = n === null ? null : n * u.factor;
    push(out, m, { kind: 'duration', amount, unit: u.unit, anchored: m[1] !== undefined, afterIn: prev === 'in' && m[1] === undefined });
  });
  at.scan(THE_PAST_UNIT, (m) => {
    const u = unitOf(m[1] ?? '');
    if (u) push(out, m, { kind: 'duration', amount: u.factor, unit: u.unit, anchored: true, afterIn: false });
  });
  at.scan(ADJ_DURATION, (m) => {
    const n = parseQuantity(m[1] ?? '');
    const u = unitOf(m[2] ?? '');
    if (n === null || !u) return;
    push(out, m, { kind: 'duration', amount: n * u.factor, unit: u.unit, anchored: false, afterIn: false });
  });
  at.scan(BARE_UNITS, (m) => {
    if (!STRETCH_VERBS.has(wordBefore(text, m.index))) return;
    const u = unitOf(m[1] ?? '');
    if (u) push(out, m, { kind: 'duration', amount: null, unit: u.unit, anchored: false, afterIn: false });
  });
}

/** Words that place an event in time without saying when: "recently", "earlier". */
function vague(at: AnchoredText, out: Candidate[]): void {
  const text = at.text;
  at.scan(VAGUE_WORD, (m) => {
    const w = (m[1] ?? '').toLowerCase();
    if (w === 'soon' && /^as$/i.test(wordBefore(text, m.index))) return;
    push(out, m, { kind: 'vague', anchor: 'published' });
  });
  at.scan(RECENT_UNITS, (m) => {
    push(out, m, { kind: 'vague', anchor: 'published' });
  });
  at.scan(IN_THE_PAST, (m) => push(out, m, { kind: 'vague', anchor: 'published' }));
  at.scan(EARLIER_LATER, (m) => {
    const end = m.index + m[0].length;
    const after = text.slice(end, end + 6);
    // Adverbial use only: "Earlier, …", "… said earlier." — not "an earlier report".
    const adverbial = atSentenceStart(text, m.index) ? /^\s*[,\s]/.test(after) : /^\s*([,.;!?)]|$|that\b)/.test(after);
    if (adverbial) push(out, m, { kind: 'vague', anchor: 'context' });
  });
}

export function relativeCandidates(at: AnchoredText): Candidate[] {
  const out: Candidate[] = [];
  dayWords(at, out);
  calendarUnits(at, out);
  ago(at, out);
  narrative(at, out);
  durations(at, out);
  vague(at, out);
  return out;
}
