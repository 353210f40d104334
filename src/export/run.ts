/** One export run: read the selected events (or articles) from the store and write one format to a sink. */
import type { EventQuery, Store } from '../store/types.js';
import { ACLED_COLUMNS, toAcled } from './acled.js';
import { csvRow } from './csv.js';
import { EVENT_CSV_COLUMNS, eventCsvValues } from './events-csv.js';
import { gdeltHeader, gdeltLine } from './gdelt.js';
import { ploverLine } from './plover.js';
import type { Sink } from './sink.js';
import { eventRows, exportArticles, exportEvents } from './source.js';

export const EXPORT_FORMATS = ['records', 'plover', 'gdelt', 'acled', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Line ending of each format: RFC 4180 CSV ends records with CRLF, the rest with LF. */
export function formatEol(format: ExportFormat): '\n' | '\r\n' {
  return format === 'acled' || format === 'csv' ? '\r\n' : '\n';
}

export interface ExportCounts {
  /** Lines of data written (events, or articles for records). */
  written: number;
  /** Events left out because the format has no counterpart for them (ACLED). */
  skipped: number;
  /** Skipped events by PLOVER type, for the summary. */
  skippedByType: Record<string, number>;
}

export interface ExportOptions {
  /** GDELT only: write the column names first (GDELT's own files have none). */
  header?: boolean;
}

export async function writeExport(store: Store, format: ExportFormat, query: EventQuery, sink: Sink, options: ExportOptions = {}): Promise<ExportCounts> {
  const counts: ExportCounts = { written: 0, skipped: 0, skippedByType: {} };
  switch (format) {
    case 'records':
      for await (const stored of exportArticles(store, query)) {
        await sink.line(JSON.stringify(stored.record));
        counts.written++;
      }
      break;
    case 'plover':
      for await (const e of exportEvents(store, query)) {
        await sink.line(ploverLine(e));
        counts.written++;
      }
      break;
    case 'gdelt':
      if (options.header) await sink.line(gdeltHeader());
      for await (const e of exportEvents(store, query)) {
        await sink.line(gdeltLine(e));
        counts.written++;
      }
      break;
    case 'acled':
      await sink.line(csvRow(ACLED_COLUMNS));
      for await (const e of exportEvents(store, query)) {
        const row = toAcled(e);
        if (row === null) {
          counts.skipped++;
          counts.skippedByType[e.row.type] = (counts.skippedByType[e.row.type] ?? 0) + 1;
          continue;
        }
        await sink.line(csvRow(row.values));
        counts.written++;
      }
      break;
    case 'csv':
      // Every field is on the row itself: no article or cluster look-ups needed.
      await sink.line(csvRow(EVENT_CSV_COLUMNS));
      for await (const row of eventRows(store, query)) {
        await sink.line(csvRow(eventCsvValues(row)));
        counts.written++;
      }
      break;
  }
  return counts;
}
