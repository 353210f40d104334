/**
 * POS tagging (UPOS + Penn Treebank XPOS): the public API of src/nlp/pos.
 * The model is read from models/pos.bin the first time it is needed.
 */
export { POS_MODEL_PATH, loadTagger, posModelAvailable, readTagger, tagTokens } from './load.js';
export { PosTagger } from './tagger.js';
export { POS_VERSION, posStage, taggingForms } from './stage.js';
