/** The quotes stage: needs sentences and linked entities (speakers are entity ids). */
import type { Doc } from '../core/doc.js';
import type { Stage } from '../core/stage.js';
import { findQuotes } from './find.js';

export const quoteStage: Stage = {
  name: 'quotes',
  version: '1',
  requires: ['sentences', 'entities'],
  assigns: ['quotes'],
  run(doc: Doc): void {
    doc.quotes = findQuotes({ text: doc.text, paragraphs: doc.paragraphs, sentences: doc.sentences, entities: doc.entities });
  },
};
