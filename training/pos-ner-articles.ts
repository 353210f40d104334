/**
 * BBC News articles for the POS/NER speed and identity scripts, joined or cut to about
 * 600 words as bench/pipeline.ts does, made into docs the way src/extract.ts's buildDoc
 * does and taken through the language and sentence stages. It does not import
 * src/extract.ts, so these scripts do not load (or depend on the state of) the parser.
 */
import { languageStage } from '../src/article/language.js';
import { readArticle } from '../src/article/read.js';
import { Doc } from '../src/core/doc.js';
import { sentenceStage } from '../src/nlp/sentences.js';
import { newsArticleTexts } from './common/news-articles.js';

export { BBC_FILE } from './common/news-articles.js';

/** The first `n` article texts of about 600 words each. */
export function articleTexts(n: number): string[] {
  return newsArticleTexts(n);
}

/** A doc of one article text, split into sentences, ready for the pos stage. */
export function sentencedDoc(content: string, i: number): Doc {
  const parts = readArticle({ name: `a${i}`, uri: null, kind: 'text', content, published: '2005-01-01' });
  const d = new Doc(parts.paragraphs, {
    source: { uri: null, format: 'text', publisher: parts.publisher },
    title: parts.title,
    authors: parts.authors,
    published: parts.published,
    dateline: parts.dateline,
    removed: parts.removed,
    language: parts.declaredLanguage,
  });
  languageStage.run(d);
  sentenceStage.run(d);
  return d;
}
