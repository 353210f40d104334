/**
 * Full-text search in PostgreSQL, matching the SQLite store's FTS5: the words of the
 * input (src/store/sql/search-words.ts, so no input is query syntax), all required,
 * stemmed, diacritics folded; title words weigh more; the snippet marks matched words
 * «like this».
 */
import { searchWords } from '../sql/search-words.js';

/** The text search configuration the migration creates (English stemming, no stop words). */
export const SEARCH_CONFIG = 'ng_search';

/**
 * Strip combining marks after canonical decomposition: "Kyïv" → "Kyiv", "São" → "Sao",
 * as FTS5's remove_diacritics does. Done in JavaScript for both the indexed text and the
 * query because PostgreSQL's unaccent is an extension a user may not be allowed to add.
 */
export function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
}

/** SQL for the article's search vector from two parameters: the folded title and text. */
export function searchVectorSql(title: string, text: string): string {
  return `setweight(to_tsvector('${SEARCH_CONFIG}', ${title}), 'A') || setweight(to_tsvector('${SEARCH_CONFIG}', ${text}), 'B')`;
}

/** The words of a search folded and space-joined for plainto_tsquery (which ANDs them), or null when there are none. */
export function searchQueryText(input: string): string | null {
  const words = searchWords(foldDiacritics(input));
  return words.length ? words.join(' ') : null;
}

/** ts_headline options: about 16 words around the best match, as the SQLite snippet. */
export const HEADLINE_OPTIONS = 'StartSel=«, StopSel=», MaxWords=16, MinWords=8, ShortWord=0, MaxFragments=1, FragmentDelimiter=…';
