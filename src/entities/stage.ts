/** The entities stage: linking, actor codes and coreference over the NER mentions. */
import type { Doc } from '../core/doc.js';
import type { Stage } from '../core/stage.js';
import { caseProfile } from '../nlp/ner/load.js';
import { linkEntities } from './link.js';
import { lookupOffice } from './offices.js';

export const entityStage: Stage = {
  name: 'entities',
  version: '5',
  requires: ['sentences', 'ner'],
  assigns: ['entities', 'coref'],
  englishOnly: true,
  run(doc: Doc): void {
    doc.entities = linkEntities({
      text: doc.text,
      paragraphs: doc.paragraphs,
      sentences: doc.sentences,
      ner: doc.ner,
      published: doc.meta.published?.value ?? null,
      offices: lookupOffice,
      tokens: doc.tokens,
      parses: doc.parses,
      dateline: doc.meta.dateline?.text ?? null,
      caseOf: caseProfile(),
    });
  },
};
