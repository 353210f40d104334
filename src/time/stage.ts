/** The time stage: fills doc.times from the text, the publication date and any POS tags. */
import type { Doc } from '../core/doc.js';
import type { Stage } from '../core/stage.js';
import { findTimes } from './find.js';

export const timeStage: Stage = {
  name: 'time',
  version: '1',
  requires: ['sentences'],
  assigns: ['times'],
  englishOnly: true,
  run(doc: Doc): void {
    doc.times = findTimes(doc.text, doc.meta.published?.value ?? null, {
      sentences: doc.sentences,
      tokens: doc.tokens.length > 0 ? doc.tokens : undefined,
    });
    doc.provenance.time = 'time@1 (rules)';
  },
};
