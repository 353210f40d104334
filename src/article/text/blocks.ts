/**
 * Split scraped text into blocks (paragraph candidates). In most scrapes every
 * line is one element of the page (a heading, a date, a paragraph), so each line
 * is a block. Hard-wrapped text (e-mail, wire feeds at ~72 columns) is detected
 * by its line-length profile and its wrapped lines are joined back within
 * blank-line-separated paragraphs.
 *
 * Character references a scraper copied from the page's markup ("AT&amp;T") are
 * decoded first, so that no later reader sees them.
 */
import { decodeEntities } from '../entities.js';

function normaliseLine(line: string): string {
  return decodeEntities(line).replace(/[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}

function isHardWrapped(lines: readonly string[]): boolean {
  const long = lines.filter((l) => l.length > 0);
  if (long.length < 8) return false;
  // Wrapped lines cluster just under the wrap width and mostly end mid-sentence.
  const lengths = long.map((l) => l.length).sort((a, b) => a - b);
  const p90 = lengths[Math.floor(lengths.length * 0.9)] ?? 0;
  if (p90 < 50 || p90 > 100) return false;
  const nearWidth = long.filter((l) => l.length >= p90 * 0.75 && l.length <= p90 + 2);
  const midSentence = nearWidth.filter((l) => !/[.!?:"”]$/.test(l));
  return nearWidth.length / long.length > 0.5 && midSentence.length / nearWidth.length > 0.6;
}

export function splitBlocks(content: string): string[] {
  const lines = content.replace(/^\uFEFF/, '').split(/\r\n|\r|\n|\u2028|\u2029/).map(normaliseLine);
  if (!isHardWrapped(lines)) return lines.filter((l) => l.length > 0);
  const blocks: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.length === 0) {
      if (current.length > 0) blocks.push(current.join(' '));
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) blocks.push(current.join(' '));
  return blocks;
}
