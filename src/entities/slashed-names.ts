/**
 * "North/South Corridor": a one-word name glued by a slash to a longer name shares that
 * name's head (the North and the South Corridor, written once), so the two are one name;
 * the tagger reads two ("North", "South Corridor"). Names of one word on each side
 * ("Israel/Palestine") stay two.
 */
import type { NerSpan } from '../core/doc.js';

export function joinSlashedNames(text: string, ner: readonly NerSpan[]): NerSpan[] {
  const out: NerSpan[] = [];
  for (let i = 0; i < ner.length; i++) {
    const a = ner[i]!;
    const b = ner[i + 1];
    if (b && text[a.end] === '/' && b.start === a.end + 1 && !/\s/.test(text.slice(a.start, a.end)) && /\s/.test(text.slice(b.start, b.end))) {
      out.push({ start: a.start, end: b.end, label: b.label });
      i++;
      continue;
    }
    out.push(a);
  }
  return out;
}
