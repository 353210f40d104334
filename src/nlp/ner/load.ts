/**
 * Finds and loads the model files once per process. Paths are resolved from this
 * file's own location: src/nlp/ner/ under tsx and vitest, dist/nlp/ner/ after tsc,
 * both three levels below the package root that holds models/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipWhole } from '../../core/inflate.js';
import { FEATURE_VERSION } from './features.js';
import { deserialiseBundle, type NerModel } from './model.js';
import { Clusters, Gazetteer, type NerResources } from './resources.js';

export const MODELS_DIR = fileURLToPath(new URL('../../../models/', import.meta.url));
export const MODEL_FILE = `${MODELS_DIR}ner.bin`;
export const CLUSTERS_FILE = `${MODELS_DIR}clusters.tsv.gz`;
export const GAZETTEER_FILE = `${MODELS_DIR}gazetteer.tsv.gz`;

export interface LoadedNer {
  /** Pass 1, then optionally pass 2 (which also reads pass 1's predictions). */
  models: NerModel[];
  resources: NerResources;
}

export function loadResources(use: { clusters: boolean; gazetteer: boolean } = { clusters: true, gazetteer: true }): NerResources {
  const read = (f: string): string => gunzipWhole(readFileSync(f)).toString('utf8');
  return {
    clusters: use.clusters ? Clusters.parse(read(CLUSTERS_FILE)) : null,
    gazetteer: use.gazetteer ? Gazetteer.parse(read(GAZETTEER_FILE)) : null,
  };
}

export function modelAvailable(): boolean {
  return existsSync(MODEL_FILE);
}

let cached: LoadedNer | null = null;

export function loadNer(): LoadedNer {
  if (cached) return cached;
  if (!modelAvailable()) {
    throw new Error(`NER model missing at ${MODEL_FILE}; run: npx tsx training/train-ner.ts`);
  }
  const models = deserialiseBundle(readFileSync(MODEL_FILE));
  const first = models[0]!.header;
  if (first.featureVersion !== FEATURE_VERSION) {
    throw new Error(`NER model has feature version ${first.featureVersion}, code expects ${FEATURE_VERSION}; retrain`);
  }
  const r = first.resources;
  const resources = loadResources({ clusters: r.includes('clusters'), gazetteer: r.includes('gazetteer') });
  resources.version = first.featureVersion;
  cached = { models, resources };
  return cached;
}

let profile: ((lowerWord: string) => number | undefined) | null | undefined;

/**
 * How often news writes a lower-case word with a capital mid-sentence (0: under 5% … 4: over
 * 95%; models/clusters.tsv.gz), from the NER's own resources; null without the model.
 */
export function caseProfile(): ((lowerWord: string) => number | undefined) | null {
  // Asked for once per document: the model file is looked for once per process.
  if (profile === undefined) {
    const clusters = modelAvailable() ? loadNer().resources.clusters : null;
    profile = clusters ? (w) => clusters.caseBucket(w) : null;
  }
  return profile;
}
