/**
 * Matchers for expressions whose value depends on a reference point: relative
 * days, weeks, months and years (anchored on publication), narrative offsets
 * ("two days later", anchored on the previous time), durations and vague words.
 */
import { NUMBER_WORD_RE, UNIT_RE, VAGUE_QUANTITIES, parseQuantity, unitOf } from './lexicon.js';
import type { Candidate, Mention, Shift } from './mention.js';
import { atSentenceStart, scan, wordBefore } from './scan.js';

type RelUnit = 'day' | 'week' | 'month' | 'year';

const VAGUE_Q = VAGUE_QUANTITIES.slice().sort((a, b) => b.length - a.length).map((q) => q.replace(/ /g, '\\s+')).join('|');
// Bounded shapes only: an open `[\\d,]*` rescans long digit runs from every position.
const NUM = `\\d{1,3}(?:,\\d{3}){0,4}(?:\\.\\d{1,3})?|\\d{4,6}`;
const QTY = `((?:${NUM})(?![\\d,])|${VAGUE_Q}|${NUMBER_WORD_RE})`;

// Compiled once: matchers run for every article.
const AGO_RE = new RegExp(`\\b${QTY}\\s+(${UNIT_RE})\\s+ago\\b`, 'gi');
const NARRATIVE_RE = new RegExp(`\\b(?:${QTY}\\s+)?(${UNIT_RE})\\s+(later|earlier|before|after)\\b`, 'gi');
const DURATION_RE = new RegExp(`\\b(the\\s+(?:past|last|previous|next|coming|first)\\s+)?${QTY}\\s+(${UNIT_RE})\\b(?![-‐]|\\s+old\\b)`, 'gi');
const ADJ_DURATION_RE = new RegExp(`(?<![\\w.,])(${NUM}|${NUMBER_WORD_RE})[-‐](second|minute|hour|day|week|month|year|decade)(?![-‐]old)\\b`, 'gi');

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
function dayWords(text: string, out: Candidate[]): void {
  const offsets: Record<string, number> = { today: 0, tonight: 0, yesterday: -1, tomorrow: 1 };
  scan(/\b(?:(?:earlier|later)\s+)?(today|tonight|yesterday|tomorrow)(?![a-z])(?:\s+(?:morning|afternoon|evening|night)\b)?/gi, text, (m) => {
    // Capitalised inside a sentence it is a name ("Radio 4's Today programme").
    if (/^[A-Z]/.test(m[0]) && !atSentenceStart(text, m.index)) return;
    push(out, m, rel('day', offsets[(m[1] ?? '').toLowerCase()] ?? 0, 'published'));
  });
  scan(/\bthe\s+day\s+(before\s+yesterday|after\s+tomorrow)\b/gi, text, (m) => {
    push(out, m, rel('day', /before/i.test(m[1] ?? '') ? -2 : 2, 'published'));
  });
  scan(/\b(?:(?:earlier|later)\s+)?this\s+(?:morning|afternoon|evening)\b/gi, text, (m) => {
    // "ITV1's This Morning" is a programme.
    if (/^This\s+[A-Z]/.test(m[0]) && !atSentenceStart(text, m.index)) return;
    push(out, m, rel('day', 0, 'published'));
  });
  scan(/\blast\s+night\b/gi, text, (m) => push(out, m, rel('day', -1, 'published')));
}

/** this/last/next week|month|year, optionally with earlier/later ("earlier this month"). */
function calendarUnits(text: string, out: Candidate[]): void {
  scan(/\b(?:(?:earlier|later|early|late|mid)[-\s]+)?(this|last|next|past)\s+(week|month|year)\b(?!-)/gi, text, (m) => {
    const which = (m[1] ?? '').toLowerCase();
    // "the past week" is a stretch of time, not a calendar week.
    if (which === 'past') return;
    if (which !== 'this' && wordBefore(text, m.index) === 'the') return;
    const offset = which === 'last' ? -1 : which === 'next' ? 1 : 0;
    push(out, m, rel((m[2] ?? 'week').toLowerCase() as RelUnit, offset, 'published'));
  });
  scan(/\b(?:(this|last|next|the)\s+)weekend\b/gi, text, (m) => {
    const w = (m[1] ?? '').toLowerCase();
    const shift: Shift = w === 'last' ? 'last' : w === 'next' ? 'next' : w === 'this' ? 'this' : null;
    push(out, m, { kind: 'weekend', shift });
  });
}

/** "three days ago", "a month ago". */
function ago(text: string, out: Candidate[]): void {
  scan(AGO_RE, text, (m) => {
    const n = parseQuantity(m[1] ?? '');
    const unit = relUnit(m[2] ?? '');
    if (unit === null) return;
    if (n === null || !Number.isInteger(n)) push(out, m, { kind: 'vague', anchor: 'published' });
    else push(out, m, rel(unit, -n * (unitOf(m[2] ?? '')?.factor ?? 1), 'published'));
  });
}

/** Offsets from the previous time in the narrative: "two days later", "the next day". */
function narrative(text: string, out: Candidate[]): void {
  scan(NARRATIVE_RE, text, (m) => {
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
  scan(/\bthe\s+(next|following|previous|same|preceding)\s+(day|morning|afternoon|evening|night|week|month|year)\b/gi, text, (m) => {
    const w = (m[1] ?? '').toLowerCase();
    const offset = w === 'same' ? 0 : w === 'previous' || w === 'preceding' ? -1 : 1;
    const u = (m[2] ?? '').toLowerCase();
    push(out, m, rel(u === 'week' || u === 'month' || u === 'year' ? u : 'day', offset, 'context'));
  });
  scan(/\bthe\s+(day|week|month|year)\s+(before|after|earlier|later)(?=\s*[,.;!?)]|\s*$)/gi, text, (m) => {
    const dir = (m[2] ?? '').toLowerCase();
    push(out, m, rel((m[1] ?? 'day').toLowerCase() as RelUnit, dir === 'before' || dir === 'earlier' ? -1 : 1, 'context'));
  });
  scan(/\b(?:(?:later|earlier)\s+)?that\s+(day|morning|afternoon|evening|night|week|month|year)\b/gi, text, (m) => {
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
function durations(text: string, out: Candidate[]): void {
  scan(DURATION_RE, text, (m) => {
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
  scan(/\bthe\s+(?:past|coming)\s+(day|week|fortnight|month|year|decade)\b/gi, text, (m) => {
    const u = unitOf(m[1] ?? '');
    if (u) push(out, m, { kind: 'duration', amount: u.factor, unit: u.unit, anchored: true, afterIn: false });
  });
  scan(ADJ_DURATION_RE, text, (m) => {
    const n = parseQuantity(m[1] ?? '');
    const u = unitOf(m[2] ?? '');
    if (n === null || !u) return;
    push(out, m, { kind: 'duration', amount: n * u.factor, unit: u.unit, anchored: false, afterIn: false });
  });
  scan(/\b(seconds|minutes|hours|days|weeks|months|years|decades|centuries)\b(?!\s+(?:ago|later|earlier|old)\b)/gi, text, (m) => {
    if (!STRETCH_VERBS.has(wordBefore(text, m.index))) return;
    const u = unitOf(m[1] ?? '');
    if (u) push(out, m, { kind: 'duration', amount: null, unit: u.unit, anchored: false, afterIn: false });
  });
}

/** Words that place an event in time without saying when: "recently", "earlier". */
function vague(text: string, out: Candidate[]): void {
  scan(/\b(recently|lately|previously|soon)\b/gi, text, (m) => {
    const w = (m[1] ?? '').toLowerCase();
    if (w === 'soon' && /^as$/i.test(wordBefore(text, m.index))) return;
    push(out, m, { kind: 'vague', anchor: 'published' });
  });
  scan(/\b(?:recent|the\s+coming)\s+(days|weeks|months|years|decades)\b/gi, text, (m) => {
    push(out, m, { kind: 'vague', anchor: 'published' });
  });
  scan(/\b(?<=in\s)the\s+(past|future)(?=\s*[,.;!?)]|\s*$)/gi, text, (m) => push(out, m, { kind: 'vague', anchor: 'published' }));
  scan(/(?<![-‐])\b(earlier|later)\b/gi, text, (m) => {
    const end = m.index + m[0].length;
    const after = text.slice(end, end + 6);
    // Adverbial use only: "Earlier, …", "… said earlier." — not "an earlier report".
    const adverbial = atSentenceStart(text, m.index) ? /^\s*[,\s]/.test(after) : /^\s*([,.;!?)]|$|that\b)/.test(after);
    if (adverbial) push(out, m, { kind: 'vague', anchor: 'context' });
  });
}

export function relativeCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  dayWords(text, out);
  calendarUnits(text, out);
  ago(text, out);
  narrative(text, out);
  durations(text, out);
  vague(text, out);
  return out;
}
