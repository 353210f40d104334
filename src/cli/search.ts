/** `newsgraph search "text"`: full-text search over the stored articles' titles and text. */
import { NewsgraphError } from '../core/errors.js';
import { MAX_LIMIT } from '../store/types.js';
import type { PageQuery, SearchHit } from '../store/types.js';
import { COMMON_OPTIONS, DB_HELP, PAGE_OPTIONS, parseCommand, parseCount, withStore } from './events.js';
import { parseOutputFormat, printPage } from './output.js';
import type { Column, Line, OutputFormat } from './output.js';

export const SEARCH_HELP = `Usage: newsgraph search TEXT [--format table|json|csv]

Articles whose title or text match TEXT (all of its words), best first, with a snippet
where the matched words are marked «like this».

  --limit N            hits per page (1 to ${MAX_LIMIT}, default 50)
  --offset N           skip the first N
  --format F           table (default), json (the page) or csv
${DB_HELP}`;

export const SEARCH_COLUMNS: readonly Column<SearchHit>[] = [
  { header: 'article', value: (h) => h.article.key, keep: true },
  { header: 'published', value: (h) => h.article.published?.slice(0, 10) ?? null },
  { header: 'publisher', value: (h) => h.article.publisher },
  { header: 'title', value: (h) => h.article.title },
  { header: 'snippet', value: (h) => h.snippet },
];

const SEARCH_CSV_HEADER = ['article_key', 'rank', 'title', 'publisher', 'published', 'uri', 'duplicate_of', 'events', 'quotes', 'snippet'];

export async function runSearch(argv: readonly string[], out: Line, _err: Line): Promise<number> {
  const { values, positionals } = parseCommand('search', argv, { ...COMMON_OPTIONS, ...PAGE_OPTIONS, format: { type: 'string' } }, true);
  if (values.help) {
    out(SEARCH_HELP);
    return 0;
  }
  const format = parseOutputFormat(values.format) as OutputFormat;
  const text = positionals.join(' ').trim();
  if (text === '') throw new NewsgraphError('E_USAGE', 'search needs the text to look for, e.g. newsgraph search "ceasefire talks"');
  const query: PageQuery = {};
  const limit = parseCount('limit', values.limit, 1, MAX_LIMIT);
  const offset = parseCount('offset', values.offset, 0);
  if (limit !== undefined) query.limit = limit;
  if (offset !== undefined) query.offset = offset;
  const page = await withStore(values.db, (store) => store.search(text, query));
  printPage(format, page, SEARCH_COLUMNS, out, {
    csv: {
      header: SEARCH_CSV_HEADER,
      values: (h) => [h.article.key, h.rank, h.article.title, h.article.publisher, h.article.published, h.article.uri, h.article.duplicateOf, h.article.events, h.article.quotes, h.snippet],
    },
  });
  return 0;
}
