/**
 * RFC 4180 CSV: fields separated by commas, records ended by CRLF, a field quoted when
 * it holds a comma, a double quote, CR or LF, and quotes inside doubled. Spreadsheet
 * programs and csv-parse read it back as written.
 */

export type CsvValue = string | number | boolean | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;

/** One field: null and undefined are empty, numbers in JavaScript's shortest form. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180's record separator. */
export const CSV_EOL = '\r\n';

/** One record, without its line ending (the writer adds CSV_EOL). */
export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvField).join(',');
}
