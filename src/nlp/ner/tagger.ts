/** Tagging API over pre-tokenised text; the model loads lazily on first use. */
import { documentFeatures } from './features.js';
import { addHistoryFeatures } from './history.js';
import { loadNer } from './load.js';
import { spansFromBilou, spansToIob2, type TokenSpan } from './tags.js';

/** Entity spans for each sentence of one document (document features see all its sentences). */
export function tagDocumentSpans(sentences: readonly (readonly string[])[]): TokenSpan[][] {
  const { models, resources } = loadNer();
  const feats = documentFeatures(sentences, resources, true);
  let spans = feats.map((f) => spansFromBilou(models[0]!.decode(f)));
  const second = models[1];
  if (second) {
    spans = addHistoryFeatures(sentences, feats, spans).map((f) => spansFromBilou(second.decode(f)));
  }
  return spans;
}

/** IOB2 tags for each sentence; the sentences are taken to be one document. */
export function tagNer(sentences: string[][]): string[][] {
  const spans = tagDocumentSpans(sentences);
  return sentences.map((s, i) => spansToIob2(spans[i] ?? [], s.length));
}
