/** Tagging API over pre-tokenised text; the model loads lazily on first use. */
import { DocumentDecoder } from './document-decoder.js';
import { documentFeatures } from './features.js';
import type { NerResources } from './resources.js';
import { addHistoryFeatures } from './history.js';
import { loadNer } from './load.js';
import type { NerModel } from './model.js';
import { spansFromBilou, spansToIob2, type TokenSpan } from './tags.js';

const decoders = new WeakMap<readonly NerModel[], DocumentDecoder | null>();

/** Entity spans for each sentence of one document (document features see all its sentences). */
export function tagDocumentSpans(sentences: readonly (readonly string[])[]): TokenSpan[][] {
  const { models, resources } = loadNer();
  let decoder = decoders.get(models);
  if (decoder === undefined) {
    // The fast path needs the passes' models to share a hash size; any other bundle decodes by reference.
    const sameBits = models.every((m) => m.header.hashBits === models[0]!.header.hashBits);
    decoder = models.length <= 2 && sameBits ? new DocumentDecoder(models) : null;
    decoders.set(models, decoder);
  }
  return decoder ? decoder.tag(sentences, resources) : tagByReference(sentences, models, resources);
}

/**
 * The same spans from the full feature lists the models were trained on, one sentence
 * and one model at a time: the definition the fast decoder must match.
 */
export function tagByReference(
  sentences: readonly (readonly string[])[],
  models: readonly NerModel[],
  resources: NerResources,
): TokenSpan[][] {
  const feats = documentFeatures(sentences, resources);
  let spans = feats.map((f) => spansFromBilou(models[0]!.decode(f)));
  const second = models[1];
  if (second) spans = addHistoryFeatures(sentences, feats, spans).map((f) => spansFromBilou(second.decode(f)));
  return spans;
}

/** IOB2 tags for each sentence; the sentences are taken to be one document. */
export function tagNer(sentences: string[][]): string[][] {
  const spans = tagDocumentSpans(sentences);
  return sentences.map((s, i) => spansToIob2(spans[i] ?? [], s.length));
}
