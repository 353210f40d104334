/**
 * `newsgraph dyad A B [--since DATE] [--until DATE]`: events between two actors month by
 * month, both directions, with the mean PLOVER score and, in the table, a sparkline of
 * that score over the months.
 */
import { NewsgraphError } from '../core/errors.js';
import type { DyadMonth } from '../store/types.js';
import { COMMON_OPTIONS, DB_HELP, parseCommand, parseDate, withStore } from './events.js';
import { parseOutputFormat, printCsv, renderTable, terminalWidth } from './output.js';
import type { Column, Line, OutputFormat } from './output.js';

export const DYAD_HELP = `Usage: newsgraph dyad A B [--since DATE] [--until DATE] [--format table|json|csv]

Events between actors A and B (each a code, code prefix, country or name, as --actor of
newsgraph events) by month: counts each way, mean PLOVER score (−10 conflict … +10
cooperation) and counts by quad class (v. verbal, m. material). The table ends with a
sparkline of the mean score, one mark per month.

  --since DATE         from DATE (YYYY, YYYY-MM or YYYY-MM-DD)
  --until DATE         to DATE
  --format F           table (default), json ({a, b, since, until, months}) or csv
${DB_HELP}`;

const BARS = '▁▂▃▄▅▆▇█';
const SCORE_MIN = -10;
const SCORE_MAX = 10;

/** One mark per value on the fixed −10…+10 scale (so dyads compare); a month without events is a space. */
export function sparkline(values: ReadonlyArray<number | null>): string {
  return values
    .map((v) => {
      if (v === null) return ' ';
      const t = (Math.min(SCORE_MAX, Math.max(SCORE_MIN, v)) - SCORE_MIN) / (SCORE_MAX - SCORE_MIN);
      return BARS[Math.min(BARS.length - 1, Math.floor(t * BARS.length))]!;
    })
    .join('');
}

/** Every month from the first to the last given, so gaps in the dyad show as gaps in the line. */
export function monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

export function trend(months: readonly DyadMonth[]): string {
  const dated = months.filter((m) => /^\d{4}-\d{2}$/.test(m.month)).sort((a, b) => a.month.localeCompare(b.month));
  if (dated.length === 0) return '';
  const score = new Map(dated.map((m) => [m.month, m.meanScore]));
  return sparkline(monthRange(dated[0]!.month, dated.at(-1)!.month).map((m) => score.get(m) ?? null));
}

const fixed = (v: number | null): string | null => (v === null ? null : v.toFixed(2));

function columns(a: string, b: string): Column<DyadMonth>[] {
  return [
    { header: 'month', value: (r) => r.month, keep: true },
    { header: 'events', value: (r) => r.events, align: 'right' },
    { header: `${a}→${b}`, value: (r) => r.aToB, align: 'right' },
    { header: `${b}→${a}`, value: (r) => r.bToA, align: 'right' },
    { header: 'mean_score', value: (r) => fixed(r.meanScore), align: 'right' },
    { header: 'v.coop', value: (r) => r.verbalCooperation, align: 'right' },
    { header: 'm.coop', value: (r) => r.materialCooperation, align: 'right' },
    { header: 'v.conflict', value: (r) => r.verbalConflict, align: 'right' },
    { header: 'm.conflict', value: (r) => r.materialConflict, align: 'right' },
  ];
}

export async function runDyad(argv: readonly string[], out: Line, _err: Line): Promise<number> {
  const { values, positionals } = parseCommand('dyad', argv, { ...COMMON_OPTIONS, since: { type: 'string' }, until: { type: 'string' }, format: { type: 'string' } }, true);
  if (values.help) {
    out(DYAD_HELP);
    return 0;
  }
  const format = parseOutputFormat(values.format) as OutputFormat;
  const [a, b, ...extra] = positionals.map((p) => p.trim());
  if (!a || !b || extra.length > 0) throw new NewsgraphError('E_USAGE', `dyad needs exactly two actors, e.g. newsgraph dyad IRN AZE (got ${positionals.length})`);
  const since = parseDate('since', values.since);
  const until = parseDate('until', values.until);
  const query: { since?: string; until?: string } = {};
  if (since !== undefined) query.since = since;
  if (until !== undefined) query.until = until;
  const months = await withStore(values.db, (store) => store.dyad(a, b, query));
  const cols = columns(a, b);
  if (format === 'json') {
    out(JSON.stringify({ a, b, since: since ?? null, until: until ?? null, months }, null, 2));
  } else if (format === 'csv') {
    printCsv(['month', 'events', 'a_to_b', 'b_to_a', 'mean_score', 'verbal_cooperation', 'material_cooperation', 'verbal_conflict', 'material_conflict'],
      months.map((m) => [m.month, m.events, m.aToB, m.bToA, m.meanScore, m.verbalCooperation, m.materialCooperation, m.verbalConflict, m.materialConflict]), out);
  } else if (months.length === 0) {
    out(`no events between ${a} and ${b}`);
  } else {
    for (const line of renderTable(cols, months, terminalWidth())) out(line);
    const total = months.reduce((n, m) => n + m.events, 0);
    out(`${total} events in ${months.length} months; mean score by month (−10 … +10): ${trend(months)}`);
  }
  return 0;
}
