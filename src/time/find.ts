/**
 * findTimes: every temporal expression in a text, resolved against the
 * publication date. Matching is rule-based (match-*.ts), then overlapping
 * matches are reduced to the longest, clock times join their dates, and each
 * expression is resolved in text order so narrative offsets ("two days later")
 * can count from the time before them. Rules: docs/time.md.
 */
import type { Token } from '../core/doc.js';
import type { TimeExpr } from '../core/record.js';
import { findSpanAt } from '../core/span.js';
import type { Span } from '../core/span.js';
import { parseIsoDay } from './calendar.js';
import { calendarCandidates, clockTimes } from './match-calendar.js';
import type { NumericOrder } from './match-calendar.js';
import { relativeCandidates } from './match-relative.js';
import type { Candidate, Mention } from './mention.js';
import { referenceOf, resolveMention } from './resolve.js';
import type { Reference } from './resolve.js';
import { joinClockTimes, selectLongest } from './select.js';
import { AnchoredText } from './word-anchors.js';
import { clauseTense } from './tense.js';
import type { Tense, TokenWords } from './tense.js';

export interface FindTimesOptions {
  /** Sentence spans (sorted); without them a simple splitter is used. */
  sentences?: readonly Span[];
  /** Tokens with Penn tags (xpos) let the tagger decide tense. */
  tokens?: readonly Token[];
  /** Order for all-ambiguous slash dates like 03/05/2022; default day first. */
  numericOrder?: NumericOrder;
}

/** Fallback sentence split on terminal punctuation before a capital, and on blank lines. */
export function roughSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const re = /[.!?]["”’)]?\s+(?=["“‘(]?[A-Z])|\n\s*\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    // Abbreviated months and "a.m." do not end sentences.
    const before = text.slice(Math.max(0, m.index - 5), m.index + 1);
    if (/\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|[ap]\.m|Mr|Mrs|Dr|St|Gen|Lt|Col)\.$/.test(before)) continue;
    spans.push({ start, end: m.index + 1 });
    start = m.index + m[0].length;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}

const IN_UNITS = new Set(['day', 'week', 'month', 'year', 'decade']);

/** "will be repeated in four years" names a point in time, not a stretch. */
function futurePoint(text: string, c: Candidate, tense: () => Tense): Candidate | null {
  const m = c.mention;
  if (m.kind !== 'duration' || !m.afterIn || m.amount === null || !Number.isInteger(m.amount)) return null;
  if (!IN_UNITS.has(m.unit) || text.slice(c.start - 3, c.start).toLowerCase() !== 'in ') return null;
  if (tense() !== 'future') return null;
  const unit = m.unit === 'decade' ? 'year' : (m.unit as 'day' | 'week' | 'month' | 'year');
  const offset = m.unit === 'decade' ? m.amount * 10 : m.amount;
  const mention: Mention = { kind: 'relative', unit, offset, anchor: 'published', exact: false, time: null };
  return { start: c.start - 3, end: c.end, mention };
}

export function findTimes(text: string, published: string | null, opts: FindTimesOptions = {}): TimeExpr[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const pub = parseIsoDay(published);
  const refYear = pub?.y ?? new Date().getUTCFullYear();
  const at = new AnchoredText(text);
  const candidates = [
    ...calendarCandidates(at, opts.numericOrder ?? 'dmy', refYear),
    ...relativeCandidates(at),
    ...clockTimes(text),
  ];
  const chosen = joinClockTimes(text, selectLongest(candidates));
  const sentences = opts.sentences && opts.sentences.length > 0 ? opts.sentences : roughSentences(text);
  const tokens = opts.tokens && opts.tokens.length > 0 ? opts.tokens : undefined;
  const out: TimeExpr[] = [];
  const known: TokenWords = [];
  let previous: Reference | null = null;
  for (const original of chosen) {
    const si = findSpanAt(sentences, original.start);
    const sentence = sentences[si] ?? { start: 0, end: text.length };
    let tenseMemo: Tense | undefined;
    const tense = (): Tense => (tenseMemo === undefined ? (tenseMemo = clauseTense(text, sentence, original, tokens, known)) : tenseMemo);
    const c = futurePoint(text, original, tense) ?? original;
    const r = resolveMention(c.mention, { published: pub, tense, previous });
    if (r === null) continue;
    out.push({ start: c.start, end: c.end, text: text.slice(c.start, c.end), value: r.value, grain: r.grain, anchor: r.anchor });
    if (r.grain !== 'duration' && r.grain !== 'vague') previous = referenceOf(r) ?? previous;
  }
  return out;
}
