export { tagConllNer } from './conll-tag.js';
export { parseConll, writeConll, type ConllDocument, type ConllSentence } from './conll.js';
export { nerStage, NER_VERSION } from './stage.js';
export { tagNer, tagDocumentSpans } from './tagger.js';
export { modelAvailable } from './load.js';
