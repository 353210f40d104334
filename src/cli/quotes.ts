/** `newsgraph quotes [--speaker NAME] [--article KEY]`: quotations with their speakers. */
import { NewsgraphError } from '../core/errors.js';
import { MAX_LIMIT } from '../store/types.js';
import type { QuoteQuery, QuoteRow } from '../store/types.js';
import { COMMON_OPTIONS, DB_HELP, PAGE_OPTIONS, parseCommand, parseCount, withStore } from './events.js';
import { parseOutputFormat, printPage } from './output.js';
import type { Column, Line, OutputFormat } from './output.js';

export const QUOTES_HELP = `Usage: newsgraph quotes [--speaker NAME] [--article KEY] [--direct|--indirect] [--format table|json|csv]

Quotations in the store with who said them.

  --speaker NAME|CODE  speaker matched as event actors are (code, code prefix, country or name)
  --article KEY        quotes of one article
  --direct             only direct quotes (in quotation marks); --indirect: only reported speech
  --limit N            quotes per page (1 to ${MAX_LIMIT}, default 50)
  --offset N           skip the first N
  --format F           table (default), json (the page) or csv
${DB_HELP}`;

export const QUOTE_COLUMNS: readonly Column<QuoteRow>[] = [
  { header: 'quote', value: (r) => r.key, keep: true },
  { header: 'published', value: (r) => r.article.published?.slice(0, 10) ?? null },
  { header: 'speaker', value: (r) => (r.speaker === null ? null : r.speaker.code === null ? r.speaker.name : `${r.speaker.name} (${r.speaker.code})`) },
  { header: 'cue', value: (r) => r.cue },
  { header: 'direct', value: (r) => (r.direct ? 'yes' : 'no') },
  { header: 'text', value: (r) => r.text },
];

const QUOTE_CSV_HEADER = ['key', 'article_key', 'quote_id', 'text', 'direct', 'cue', 'channel', 'speaker_name', 'speaker_code', 'speaker_country', 'speaker_sector', 'speaker_entity', 'start', 'end', 'article_title', 'article_publisher', 'article_published'];

function quoteCsv(r: QuoteRow): Array<string | number | boolean | null> {
  return [r.key, r.articleKey, r.quoteId, r.text, r.direct, r.cue, r.channel, r.speaker?.name ?? null, r.speaker?.code ?? null, r.speaker?.country ?? null, r.speaker?.sector ?? null, r.speaker?.entity ?? null, r.start, r.end, r.article.title, r.article.publisher, r.article.published];
}

export async function runQuotes(argv: readonly string[], out: Line, _err: Line): Promise<number> {
  const { values } = parseCommand('quotes', argv, {
    ...COMMON_OPTIONS, ...PAGE_OPTIONS,
    speaker: { type: 'string' }, article: { type: 'string' }, direct: { type: 'boolean', default: false }, indirect: { type: 'boolean', default: false }, format: { type: 'string' },
  });
  if (values.help) {
    out(QUOTES_HELP);
    return 0;
  }
  const format = parseOutputFormat(values.format) as OutputFormat;
  if (values.direct && values.indirect) throw new NewsgraphError('E_USAGE', 'quotes: give --direct or --indirect, not both');
  const query: QuoteQuery = {};
  const speaker = values.speaker?.trim();
  const article = values.article?.trim();
  if (speaker) query.speaker = speaker;
  if (article) query.article = article;
  if (values.direct) query.direct = true;
  if (values.indirect) query.direct = false;
  const limit = parseCount('limit', values.limit, 1, MAX_LIMIT);
  const offset = parseCount('offset', values.offset, 0);
  if (limit !== undefined) query.limit = limit;
  if (offset !== undefined) query.offset = offset;
  const page = await withStore(values.db, (store) => store.quotes(query));
  printPage(format, page, QUOTE_COLUMNS, out, { csv: { header: QUOTE_CSV_HEADER, values: quoteCsv } });
  return 0;
}
