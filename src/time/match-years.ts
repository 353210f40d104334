/**
 * Matchers for years and longer periods: bare years (only where the words around
 * them say "year"), modified years and year spans, decades and seasons.
 */
import type { Candidate } from './mention.js';
import { atSentenceStart, scan, shiftOf, wordAfter, wordBefore } from './scan.js';
import { anchored } from './word-anchors.js';
import type { AnchoredText } from './word-anchors.js';


const YEAR_PREPS = new Set([
  'in', 'since', 'by', 'until', 'till', 'through', 'throughout', 'from', 'during', 'before',
  'after', 'of', 'early', 'late', 'mid', 'year', 'circa', 'between', 'fiscal', 'spring', 'summer',
  'autumn', 'fall', 'winter', 'the', 'a', 'its', 'his', 'her', 'their',
]);
const QUANTITY_WORDS = new Set([
  'about', 'around', 'nearly', 'almost', 'some', 'over', 'under', 'than', 'least', 'most',
  'only', 'just', 'roughly', 'approximately', 'estimated', 'another', 'additional', 'total',
]);
const EVENT_NOUNS = new Set([
  'elections', 'olympics', 'games', 'talks', 'protests', 'riots', 'accords', 'polls', 'floods',
  'clashes', 'hostilities', 'negotiations', 'midterms', 'finals', 'attacks', 'bombings',
]);
const COUNT_NOUNS = new Set([
  'people', 'men', 'women', 'children', 'police', 'personnel', 'staff', 'sheep', 'cattle',
  'feet', 'metres', 'meters', 'km', 'kg', 'tonnes', 'tons', 'percent', 'per', 'more', 'other',
  'x', '×', 'million', 'billion', 'thousand', 'hundred',
]);
/** Words ending in "s" that are not counted plurals. */
const NOT_PLURAL = new Set(['does', 'this', 'thus', 'plus', 'unless', 'across', 'towards', 'afterwards', 'always', 'whereas', 'perhaps', 'news', 'less', 'was', 'has', 'its', 'his']);
const YEAR_VERBS = new Set(['was', 'is', 'saw', 'has', 'had', 'will', 'marked', 'brought', 'began', 'ended', 'became', 'proved']);

/**
 * A bare four-digit number is a year only where the words around it say so: a
 * preposition or determiner before it ("in 1990", "the 1990 war") and no counted
 * noun after it ("2000 troops"), or a sentence that opens with it as a subject.
 */
export function looksLikeYear(text: string, start: number, end: number, previousYearEnd: number): boolean {
  const next = wordAfter(text, end);
  if (COUNT_NOUNS.has(next)) return false;
  if (/s$/.test(next) && next.length > 3 && !EVENT_NOUNS.has(next) && !NOT_PLURAL.has(next) && !/['’]s$/.test(next)) return false;
  const prev = wordBefore(text, start);
  if (QUANTITY_WORDS.has(prev)) return false;
  if (YEAR_PREPS.has(prev)) return true;
  if (['and', 'to', 'or', '-', '–', 'and/or'].includes(prev) && previousYearEnd >= 0 && start - previousYearEnd <= 8) return true;
  if (atSentenceStart(text, start) && (YEAR_VERBS.has(next) || next === ',')) return true;
  return false;
}

function year(text: string, out: (Candidate | null)[]): void {
  let lastEnd = -1;
  scan(/(?<![\d,.$£€#:/'’-])(1\d{3}|20\d{2})(?!\d|[,.]\d|[:/%-]|\s*(?:%|per\s?cent\b))/g, text, (m) => {
    const y = Number(m[1]);
    const end = m.index + m[0].length;
    const prev = wordBefore(text, m.index);
    if (y < 1800 && !['in', 'since', 'of', 'from', 'until', 'by', 'circa', 'before', 'after', 'to', 'and'].includes(prev)) return;
    if (!looksLikeYear(text, m.index, end, lastEnd)) return;
    lastEnd = end;
    out.push({ start: m.index, end, mention: { kind: 'year', y } });
  });
}

/**
 * "mid-2019", "early 2020": the modifier belongs to the span. "1990-91", "2019/20",
 * "1914–1918": a span of years, given as its first year (the grain says year).
 */
function modifiedYear(text: string, out: (Candidate | null)[]): void {
  scan(/\b(?:[Ee]arly|[Mm]id|[Ll]ate)[-\s](1\d{3}|20\d{2})(?![\d%]|[,.]\d|[-–/]\d)/g, text, (m) => {
    out.push({ start: m.index, end: m.index + m[0].length, mention: { kind: 'year', y: Number(m[1]) } });
  });
  scan(/(?<![\d,.$£€#:/'’-])(1[89]\d{2}|20\d{2})[-–/](\d{4}|\d{2})(?![\d%]|[-–/.,]\d)/g, text, (m) => {
    const first = Number(m[1]);
    const second = m[2]!.length === 2 ? Math.floor(first / 100) * 100 + Number(m[2]) : Number(m[2]);
    const consecutive = m[2]!.length === 2 ? second === first + 1 || (first % 100 === 99 && Number(m[2]) === 0) : second > first && second - first <= 100;
    if (!consecutive) return;
    out.push({ start: m.index, end: m.index + m[0].length, mention: { kind: 'year', y: first } });
  });
}

const DECADE = /(?:\b([Ee]arly|[Mm]id|[Ll]ate)[-\s]+)?(?:\b(1\d|20)(\d)0s\b|['’](\d)0s\b)/g;

/** "1990s", "early 1980s", "'90s": the decade is given as its first year. */
function decade(text: string, out: (Candidate | null)[], refYear: number): void {
  // Every match holds "0s"; a match can start at its quote mark, no word start, so this
  // pattern is not anchored (word-anchors.ts), only skipped when it cannot match.
  if (!text.includes('0s')) return;
  scan(DECADE, text, (m) => {
    let y: number;
    if (m[2] !== undefined) y = Number(m[2]) * 100 + Number(m[3]) * 10;
    else {
      const d = Number(m[4]) * 10;
      y = 2000 + d <= refYear ? 2000 + d : 1900 + d;
    }
    out.push({ start: m.index, end: m.index + m[0].length, mention: { kind: 'decade', y } });
  });
}

/** Runs only near a season's name (word-anchors.ts). */
const SEASON = anchored(
  /\b(?:([Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Ll]ate)\s+)?([Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)(?![a-z])(?:\s+(?:of\s+)?(\d{4})(?!\d))?/g,
  { words: ['spring', 'summer', 'autumn', 'fall', 'winter'], before: 1 },
);

function season(at: AnchoredText, out: (Candidate | null)[]): void {
  const text = at.text;
  at.scan(SEASON, (m) => {
    const word = (m[2] ?? '').toLowerCase();
    const prev = wordBefore(text, m.index);
    // "the fall in prices" is no season: ask for "in the fall", "fall 2019", "last fall".
    if (word === 'fall' && !m[1] && !m[3] && !(prev === 'the' && ['in', 'by', 'during', 'until', 'since', 'through', 'over'].includes(wordBefore(text, m.index, 1)))) return;
    // "the Arab Spring" and similar names: a capitalised season after a capitalised word.
    if (/^[A-Z]/.test(m[2] ?? '') && !m[1] && !atSentenceStart(text, m.index) && /^[A-Z]/.test(text.slice(0, m.index).trimEnd().split(/\s+/).pop() ?? '')) return;
    if (!m[1] && !m[3] && !['in', 'the', 'by', 'until', 'since', 'during', 'this', 'last', 'next', 'early', 'late', 'through', 'before', 'after'].includes(prev)) return;
    const name = word === 'fall' ? 'autumn' : (word as 'spring' | 'summer' | 'autumn' | 'winter');
    const mod = (m[1] ?? '').toLowerCase();
    const shift = mod === 'early' || mod === 'late' ? null : shiftOf(mod);
    out.push({ start: m.index, end: m.index + m[0].length, mention: { kind: 'season', season: name, y: m[3] ? Number(m[3]) : null, shift } });
  });
}

export function yearCandidates(at: AnchoredText, refYear: number, out: (Candidate | null)[]): void {
  year(at.text, out);
  modifiedYear(at.text, out);
  decade(at.text, out, refYear);
  season(at, out);
}
