/**
 * `newsgraph export --format records|plover|gdelt|acled|csv [--out FILE] [filters]`:
 * the selected events (or their articles) in an exchange format, read from the store a
 * page at a time. With --out the file appears only when complete.
 */
import { NewsgraphError } from '../core/errors.js';
import { EXPORT_FORMATS, formatEol, writeExport } from '../export/run.js';
import type { ExportFormat } from '../export/run.js';
import { fileSink, lineSink } from '../export/sink.js';
import type { Sink } from '../export/sink.js';
import { COMMON_OPTIONS, DB_HELP, EVENT_FILTER_HELP, EVENT_FILTER_OPTIONS, eventQueryFrom, parseCommand, withStore } from './events.js';
import type { Line } from './output.js';

export const EXPORT_HELP = `Usage: newsgraph export --format FORMAT [--out FILE] [filters]

Write the events the filters select (all by default) in an exchange format
(docs/exports.md describes each):

  --format records     the article records, one JSON per line (articles with a selected event)
           plover      PLOVER JSONL: one event per line, PLOVER manual field names
           gdelt       GDELT 2.0 event table: 61 tab-separated columns, no header
           acled       ACLED-style CSV; events ACLED has no type for are left out (counted on stderr)
           csv         one CSV row per event with every field
  --out FILE           write FILE (complete or not at all) instead of standard output
  --header             gdelt: write the column names as a first line
${EVENT_FILTER_HELP}
  --limit N            at most N events (articles for records)
  --offset N           skip the first N
${DB_HELP}`;

export async function runExport(argv: readonly string[], out: Line, err: Line): Promise<number> {
  const { values } = parseCommand('export', argv, {
    ...COMMON_OPTIONS, ...EVENT_FILTER_OPTIONS,
    format: { type: 'string' }, out: { type: 'string' }, header: { type: 'boolean', default: false },
  });
  if (values.help) {
    out(EXPORT_HELP);
    return 0;
  }
  if (values.format === undefined || !(EXPORT_FORMATS as readonly string[]).includes(values.format)) {
    const got = values.format === undefined ? 'none given' : `got "${values.format}"`;
    throw new NewsgraphError('E_USAGE', `export --format must be one of ${EXPORT_FORMATS.join(', ')} (${got})`);
  }
  const format = values.format as ExportFormat;
  if (values.header && format !== 'gdelt') throw new NewsgraphError('E_USAGE', '--header applies to --format gdelt only (the CSV formats always have one)');
  const target = values.out?.trim();
  if (values.out !== undefined && !target) throw new NewsgraphError('E_USAGE', '--out needs a file name');
  const query = eventQueryFrom(values, Number.MAX_SAFE_INTEGER);
  return withStore(values.db, async (store) => {
    const sink: Sink = target ? await fileSink(target, formatEol(format)) : lineSink(out, formatEol(format));
    let counts;
    try {
      counts = await writeExport(store, format, query, sink, { header: values.header });
      await sink.commit();
    } catch (e) {
      await sink.abort();
      throw e;
    }
    const what = format === 'records' ? 'articles' : 'events';
    if (target) err(`newsgraph: wrote ${counts.written} ${what} to ${target}`);
    if (counts.skipped > 0) {
      const byType = Object.entries(counts.skippedByType).sort((a, b) => b[1] - a[1]).map(([t, n]) => `${t} ${n}`).join(', ');
      err(`newsgraph: left out ${counts.skipped} events with no ACLED counterpart (${byType})`);
    }
    return 0;
  });
}
