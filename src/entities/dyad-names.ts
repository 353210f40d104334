/**
 * "U.S.-Japanese talks", "the Iran-Iraq war", "Israeli-Egyptian cooperation": two states joined
 * by a hyphen name both parties of what follows. The tokenizer keeps such a word whole and the
 * tagger calls it one MISC name, which no country table knows; split, each part is the country
 * (or its people's adjective) it names, and an event noun after it has both as its parties.
 * Only two parts that are both countries or demonyms: "Austro-Hungarian", "US-led", "Afro-
 * Caribbean" and "Coca-Cola" stay whole (compound-qualifiers.ts reads "US-led").
 */
import type { NerSpan } from '../core/doc.js';
import { countries } from '../knowledge/index.js';
import { HYPHEN } from './compound-qualifiers.js';

function isState(part: string): boolean {
  return countries().byName(part) !== undefined || countries().byDemonym(part) !== undefined;
}

/** The spans, with each two-state compound replaced by its two parts (labelled LOC or MISC as a name or an adjective). */
export function splitDyadNames(text: string, ner: readonly NerSpan[]): NerSpan[] {
  const out: NerSpan[] = [];
  for (const s of ner) {
    const surface = text.slice(s.start, s.end);
    const parts = surface.split(HYPHEN);
    if (parts.length !== 2 || /\s/.test(surface) || !parts.every((p) => p.length > 1 && isState(p))) {
      out.push(s);
      continue;
    }
    const cut = s.start + parts[0]!.length;
    for (const [start, end] of [[s.start, cut], [cut + 1, s.end]] as const) {
      const part = text.slice(start, end);
      out.push({ start, end, label: countries().byName(part) !== undefined ? 'LOC' : 'MISC' });
    }
  }
  return out;
}
