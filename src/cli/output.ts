/**
 * How the query commands print rows: an aligned table that fits the terminal (long
 * cells cut with …), one JSON document, or RFC 4180 CSV.
 */
import { NewsgraphError } from '../core/errors.js';
import { CSV_EOL, csvRow } from '../export/csv.js';
import type { CsvValue } from '../export/csv.js';
import type { Page } from '../store/types.js';

export const OUTPUT_FORMATS = ['table', 'json', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export type Line = (line: string) => void;

export interface Column<T> {
  header: string;
  value: (row: T) => string | number | null;
  /** Numbers read better right-aligned. */
  align?: 'left' | 'right';
  /** Cut only when cutting the other columns is not enough (keys and dates someone will copy). */
  keep?: boolean;
}

export function parseOutputFormat(value: string | undefined, allowed: readonly string[] = OUTPUT_FORMATS): string {
  if (value === undefined) return allowed[0]!;
  if (!allowed.includes(value)) throw new NewsgraphError('E_USAGE', `--format must be one of ${allowed.join(', ')} (got "${value}")`);
  return value;
}

/** Width to fit: the terminal's, else $COLUMNS, else 120 (output to a file or pipe). */
export function terminalWidth(): number {
  const tty = process.stdout.isTTY ? process.stdout.columns : undefined;
  const env = Number(process.env['COLUMNS']);
  return tty ?? (Number.isInteger(env) && env > 20 ? env : 120);
}

const chars = (s: string): string[] => Array.from(s);

/** A cell on one line: runs of white space (incl. line breaks) become one space. */
function cellText(v: string | number | null): string {
  if (v === null) return '';
  return String(v).replace(/\s+/g, ' ').trim();
}

function fit(text: string, width: number, align: 'left' | 'right'): string {
  const cs = chars(text);
  const cut = cs.length > width ? cs.slice(0, Math.max(0, width - 1)).join('') + '…' : text;
  const pad = ' '.repeat(Math.max(0, width - Math.min(cs.length, width)));
  return align === 'right' ? pad + cut : cut + pad;
}

const GAP = '  ';
const MIN_WIDTH = 4;

/**
 * Column widths that fit `width`: each column as wide as its widest cell, then the
 * widest column narrowed, one character at a time, until the row fits or every column
 * is at its minimum. Cutting the widest first keeps short columns (dates, codes) whole.
 */
export function columnWidths(natural: readonly number[], minimum: readonly number[], width: number): number[] {
  const widths = [...natural];
  let total = widths.reduce((a, b) => a + b, 0) + GAP.length * Math.max(0, widths.length - 1);
  while (total > width) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++) {
      if (widths[i]! > minimum[i]! && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
    }
    if (widest < 0) break;
    widths[widest]!--;
    total--;
  }
  return widths;
}

export function renderTable<T>(columns: readonly Column<T>[], rows: readonly T[], width: number): string[] {
  const cells = rows.map((r) => columns.map((c) => cellText(c.value(r))));
  const natural = columns.map((c, i) => Math.max(chars(c.header).length, ...cells.map((row) => chars(row[i]!).length)));
  const minimum = natural.map((n) => Math.min(n, MIN_WIDTH));
  const kept = columns.map((c, i) => (c.keep ? natural[i]! : minimum[i]!));
  const widths = columnWidths(columnWidths(natural, kept, width), minimum, width);
  const line = (values: readonly string[]): string =>
    values.map((v, i) => fit(v, widths[i]!, columns[i]!.align ?? 'left')).join(GAP).trimEnd();
  return [line(columns.map((c) => c.header)), line(widths.map((w) => '─'.repeat(w))), ...cells.map(line)];
}

/** "1–50 of 120" with the option that shows the next page. */
export function pageFooter(page: Page<unknown>): string {
  if (page.total === 0) return 'no matches';
  const first = page.items.length === 0 ? page.offset : page.offset + 1;
  const last = page.offset + page.items.length;
  const more = last < page.total ? ` (next: --offset ${last})` : '';
  return `${first}–${last} of ${page.total}${more}`;
}

export function printCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>, out: Line): void {
  // `out` ends each line with LF; RFC 4180 wants CRLF, so the CR goes before it.
  const cr = CSV_EOL.slice(0, -1);
  out(csvRow(header) + cr);
  for (const r of rows) out(csvRow(r) + cr);
}

export interface PrintOptions<T> {
  /** CSV columns when they differ from the table's (e.g. every field of an event). */
  csv?: { header: readonly string[]; values: (row: T) => CsvValue[] };
  width?: number;
}

/** Print a page of rows in the chosen format: a table with a footer, the Page as JSON, or CSV. */
export function printPage<T>(format: OutputFormat, page: Page<T>, columns: readonly Column<T>[], out: Line, options: PrintOptions<T> = {}): void {
  if (format === 'json') {
    out(JSON.stringify(page, null, 2));
    return;
  }
  if (format === 'csv') {
    const csv = options.csv ?? { header: columns.map((c) => c.header), values: (r: T) => columns.map((c) => c.value(r)) };
    printCsv(csv.header, page.items.map(csv.values), out);
    return;
  }
  if (page.items.length > 0) for (const l of renderTable(columns, page.items, options.width ?? terminalWidth())) out(l);
  out(pageFooter(page));
}
