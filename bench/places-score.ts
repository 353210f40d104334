/**
 * Scoring place typing against bench/data/places-bbc-gold.jsonl (its header says how the gold
 * was made): per article, each name an entity of type GPE or LOC carries as a name mention is
 * right when the gold lists it as a place; each gold place no such entity carries is a miss.
 */
import type { ArticleRecord } from '../src/core/record.js';

export interface PlaceGold {
  file: string;
  set: string;
  places: string[];
  skip: string[];
}

export interface PlaceScore {
  right: number;
  wrong: number;
  missed: number;
  misses: string[];
}

export function emptyPlaceScore(): PlaceScore {
  return { right: 0, wrong: 0, missed: 0, misses: [] };
}

/** Adds one article to `score`. */
export function scorePlaces(record: ArticleRecord, gold: PlaceGold, score: PlaceScore): void {
  const typed = new Set<string>();
  for (const e of record.entities) {
    if (e.type !== 'GPE' && e.type !== 'LOC') continue;
    for (const m of e.mentions) if (m.kind === 'name' && !gold.skip.includes(m.text)) typed.add(m.text);
  }
  const places = new Set(gold.places);
  for (const name of typed) {
    if (places.has(name)) score.right++;
    else {
      score.wrong++;
      score.misses.push(`${gold.file}: ${name} typed a place`);
    }
  }
  for (const name of places) {
    if (typed.has(name)) continue;
    score.missed++;
    score.misses.push(`${gold.file}: ${name} not typed a place`);
  }
}

/** "P 0.906  R 0.906  (77 right, 8 wrong, 8 missed)". */
export function placeRow(s: PlaceScore): string {
  const p = s.right / Math.max(1, s.right + s.wrong);
  const r = s.right / Math.max(1, s.right + s.missed);
  return `P ${p.toFixed(3)}  R ${r.toFixed(3)}  (${s.right} right, ${s.wrong} wrong, ${s.missed} missed)`;
}
