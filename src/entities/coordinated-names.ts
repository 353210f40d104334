/**
 * "The Socialist Party, Democratic Renewal Party and Communist Party voted …": the tagger
 * sometimes reads a list of names as one. A span is split into its listed names when each is
 * capitalised and they are of one kind: every one ends in the same designator ("Party",
 * "Corp", "Bank"), or the last ends in one and each before it is a name the organisation
 * tables know ("Sears and Kellwood Co"). A name the tables know whole ("Sears, Roebuck and
 * Co.") is never split, and a leading "Both" or "Either" is no part of any name.
 */
import type { NerSpan } from '../core/doc.js';
import { organisations } from '../knowledge/index.js';

const DESIGNATORS: ReadonlySet<string> = new Set([
  'party', 'co', 'corp', 'inc', 'ltd', 'plc', 'ag', 'bank', 'union', 'group', 'front', 'movement', 'association',
  'federation', 'league', 'council', 'company', 'corporation', 'airlines', 'ministry',
]);
const LIST_SEPARATOR = /,\s+(?:and\s+)?|\s+and\s+/g;
const LEADING_QUANTIFIER = /^(?:Both|Either|Neither)\s+/;

/** The last word of a name, lower-cased, without a final dot: "Co." → "co". */
function designatorOf(name: string): string {
  const words = name.split(/\s+/);
  return (words[words.length - 1] ?? '').replace(/\.$/, '').toLowerCase();
}

export function splitCoordinatedNames(text: string, ner: readonly NerSpan[]): NerSpan[] {
  const out: NerSpan[] = [];
  for (const s of ner) {
    const surface = text.slice(s.start, s.end);
    if (s.label !== 'ORG' || !/\sand\s|,\s/.test(surface) || organisations().lookup(surface).length > 0) {
      out.push(s);
      continue;
    }
    const lead = LEADING_QUANTIFIER.exec(surface)?.[0].length ?? 0;
    const parts: NerSpan[] = [];
    let from = s.start + lead;
    for (const m of surface.slice(lead).matchAll(LIST_SEPARATOR)) {
      parts.push({ start: from, end: s.start + lead + m.index, label: s.label });
      from = s.start + lead + m.index + m[0].length;
    }
    parts.push({ start: from, end: s.end, label: s.label });
    const names = parts.map((p) => text.slice(p.start, p.end));
    const last = designatorOf(names[names.length - 1]!);
    // "Merrill Lynch and Co Inc" is one firm: a part of designators alone names nobody.
    const named = (n: string): boolean => /^\p{Lu}/u.test(n) && n.split(/\s+/).some((w) => !DESIGNATORS.has(w.replace(/\.$/, '').toLowerCase()));
    const oneKind = DESIGNATORS.has(last) && names.every(named)
      && names.slice(0, -1).every((n) => designatorOf(n) === last || organisations().lookup(n).length > 0);
    if (oneKind) out.push(...parts);
    else out.push(s);
  }
  return out;
}
