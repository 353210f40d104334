/**
 * Scoring the sectors of organisations no table knows against bench/data/org-kinds.jsonl (its
 * header says how the gold was made): for each judged name, the ORG entity of that name (or
 * with a name mention of it) in its article, and the sector the entities stage gave it (knowledge/body-names.tsv, entities/body-context.ts).
 *
 * - precision: of the judged names given a sector, how many got the judged kind (an IGO counts
 *   as right when the entity's code is an IGO's or the UN's);
 * - recall: of the judged names whose kind is a sector of ours, how many got it.
 */
import type { Entity } from '../src/core/record.js';

export interface OrgKindGold {
  set: 'dev' | 'test';
  source: 'bbc' | 'reuters';
  doc: string;
  name: string;
  kind: string;
  country: string;
}

export interface OrgSectorScore {
  judged: number;
  /** Judged names whose kind is a sector the code scheme has. */
  sectorKinds: number;
  assigned: number;
  right: number;
  /** Public bodies the gold gives a country: how many got it, and how many got another. */
  countries: number;
  countryRight: number;
  countryWrong: number;
  misses: string[];
}

/** Kinds of the labelling guide that are sectors of our code scheme. */
const SECTOR_KINDS: ReadonlySet<string> = new Set(['GOV', 'LEG', 'JUD', 'MIL', 'COP', 'BUS', 'MED', 'EDU', 'LAB', 'NGO']);

export function emptyOrgSectorScore(): OrgSectorScore {
  return { judged: 0, sectorKinds: 0, assigned: 0, right: 0, countries: 0, countryRight: 0, countryWrong: 0, misses: [] };
}

/** Adds one judged name, read in its article's entities, to `score`. */
export function scoreOrgSector(entities: readonly Entity[], gold: OrgKindGold, score: OrgSectorScore): void {
  // By its name, or by a name mention: an abbreviation is a mention of the body it abbreviates.
  const e = entities.find((x) => x.type === 'ORG' && x.name === gold.name)
    ?? entities.find((x) => x.type === 'ORG' && x.mentions.some((m) => m.kind === 'name' && m.text === gold.name));
  const sector = e?.sector ?? null;
  score.judged++;
  if (SECTOR_KINDS.has(gold.kind)) score.sectorKinds++;
  if (sector !== null) {
    score.assigned++;
    const igo = gold.kind === 'IGO' && /^(?:IGO|UNO)/.test(e?.code ?? '');
    if (sector === gold.kind || igo) score.right++;
    else score.misses.push(`${gold.source}:${gold.doc} ${gold.name}: ${sector}, judged ${gold.kind}`);
  } else if (SECTOR_KINDS.has(gold.kind)) score.misses.push(`${gold.source}:${gold.doc} ${gold.name}: no sector, judged ${gold.kind}`);
  if (gold.country !== '-') {
    score.countries++;
    if (e?.country === gold.country) score.countryRight++;
    else if (e?.country) score.countryWrong++;
  }
}

export function orgSectorRow(s: OrgSectorScore): string {
  const f = (a: number, b: number): string => (a / Math.max(1, b)).toFixed(3);
  return `precision ${f(s.right, s.assigned)} (${s.right}/${s.assigned}), recall ${f(s.right, s.sectorKinds)} (${s.right}/${s.sectorKinds}); public bodies' country ${s.countryRight} right, ${s.countryWrong} wrong of ${s.countries}`;
}
