/**
 * The events stage: PLOVER events with modality, source, sizes and the
 * article's internal contradictions. Uses the dependency parse when a parser
 * stage has run ('deps'), else the POS-only fallback (see args.ts).
 */
import type { Doc } from '../core/doc.js';
import type { Stage } from '../core/stage.js';
import { codeDoc } from './coder.js';

export const EVENTS_VERSION = '1';

export const eventStage: Stage = {
  name: 'events',
  version: EVENTS_VERSION,
  requires: ['sentences', 'tokens', 'pos', 'entities', 'times', 'quotes'],
  assigns: ['events', 'conflicts'],
  englishOnly: true,
  run(doc: Doc): void {
    const { events, conflicts } = codeDoc(doc);
    doc.events = events;
    doc.conflicts = conflicts;
    const parsed = doc.parses !== null || doc.tokens.some((t) => t.deprel !== undefined);
    doc.provenance.events = `events@${EVENTS_VERSION} (lexicon; ${parsed ? 'dependency parse' : 'POS fallback'})`;
  },
};
