/**
 * The gender news uses a given name for (knowledge/given-names.tsv, built from news text by
 * training/knowledge/build-given-names.ts): "Michael" a man's, "Tessa" a woman's. Only names
 * with clear evidence are listed; any other name says nothing.
 */
import { readKnowledge, tsvRows } from './paths.js';

let table: ReadonlyMap<string, 'm' | 'f'> | undefined;

/** By the name in any case ("Michael", "michael"). */
export function givenNameGender(name: string): 'm' | 'f' | null {
  table ??= new Map(tsvRows(readKnowledge('given-names.tsv')).filter(([, g]) => g === 'm' || g === 'f').map(([n = '', g]) => [n.toLowerCase(), g as 'm' | 'f']));
  return table.get(name.toLowerCase()) ?? null;
}
