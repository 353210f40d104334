/** The quotes stage: needs sentences, tagged tokens (a reported clause has a finite verb) and linked entities (speakers are entity ids). */
import type { Doc } from '../core/doc.js';
import type { Stage } from '../core/stage.js';
import { findQuotes } from './find.js';

export const quoteStage: Stage = {
  name: 'quotes',
  version: '2',
  requires: ['sentences', 'pos', 'entities'],
  assigns: ['quotes'],
  englishOnly: true,
  run(doc: Doc): void {
    doc.quotes = findQuotes({ text: doc.text, paragraphs: doc.paragraphs, sentences: doc.sentences, entities: doc.entities, tokens: doc.tokens });
  },
};
