/**
 * PLOVER type → quad class and cooperation/conflict score
 * (knowledge/events/plover-scores.tsv; the scale is documented there).
 */
import { PLOVER_TYPES } from '../core/record.js';
import type { PloverType } from '../core/record.js';
import { readKnowledge, tsvRows } from './paths.js';

export type QuadClass = 'verbal-cooperation' | 'material-cooperation' | 'verbal-conflict' | 'material-conflict';
const QUADS: readonly QuadClass[] = ['verbal-cooperation', 'material-cooperation', 'verbal-conflict', 'material-conflict'];

export interface PloverScore {
  quad: QuadClass;
  score: number;
}

let table: Map<PloverType, PloverScore> | undefined;

function load(): Map<PloverType, PloverScore> {
  const map = new Map<PloverType, PloverScore>();
  for (const [type, quad, score] of tsvRows(readKnowledge('events/plover-scores.tsv'))) {
    const n = Number(score);
    if (!PLOVER_TYPES.includes(type as PloverType) || !QUADS.includes(quad as QuadClass) || !Number.isFinite(n)) {
      throw new Error(`knowledge/events/plover-scores.tsv: bad row ${JSON.stringify([type, quad, score])}`);
    }
    map.set(type as PloverType, { quad: quad as QuadClass, score: n });
  }
  for (const type of PLOVER_TYPES) if (!map.has(type)) throw new Error(`knowledge/events/plover-scores.tsv: no row for ${type}`);
  return map;
}

export function ploverScore(type: PloverType): PloverScore {
  table ??= load();
  // load() guarantees a row for every type.
  return table.get(type) as PloverScore;
}
