export { eventStage, EVENTS_VERSION } from './stage.js';
export { codeDoc } from './coder.js';
export type { Coded } from './coder.js';
export { lexicon } from './lexicon.js';
export { lemmatize } from './lemma.js';
export { ploverCategory } from './plover.js';
