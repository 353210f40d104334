/**
 * The stage contract. A stage is a small typed unit that declares which parts of
 * the Doc it needs (`requires`) and which it fills (`assigns`); the pipeline
 * builder checks the declarations at construction, so a missing producer is an
 * error when the pipeline is built, never a silent empty field at run time.
 */
import type { Doc } from './doc.js';

/** Parts of a Doc a stage can need or fill. `text` and `meta` exist from the start. */
export type DocFeature =
  | 'text' | 'meta' | 'language' | 'sentences' | 'tokens' | 'pos' | 'deps' | 'ner'
  | 'entities' | 'coref' | 'times' | 'geo' | 'quotes' | 'events' | 'conflicts';

export const INITIAL_FEATURES: readonly DocFeature[] = ['text', 'meta'];

export interface Stage {
  readonly name: string;
  readonly version: string;
  readonly requires: readonly DocFeature[];
  readonly assigns: readonly DocFeature[];
  /**
   * The stage reads English only (its models were trained on English, or its rules name English
   * words): the pipeline does not run it on a Doc whose `readAsEnglish` is false, and says so in
   * the provenance, so that an article in German gets no English reading ("Die Auswahl" as an
   * organisation) but a record that says why it has no entities.
   */
  readonly englishOnly?: true;
  run(doc: Doc): void;
}
