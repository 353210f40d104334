// The query commands against a temporary SQLite store filled with the store fixtures.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runActors } from '../src/cli/actors.js';
import { runArticle } from '../src/cli/article.js';
import { runClusters } from '../src/cli/clusters.js';
import { monthRange, runDyad, sparkline } from '../src/cli/dyad.js';
import { runEvents } from '../src/cli/events.js';
import { columnWidths, pageFooter, renderTable } from '../src/cli/output.js';
import { runQuotes } from '../src/cli/quotes.js';
import { runSearch } from '../src/cli/search.js';
import type { ArticleRecord } from '../src/core/record.js';
import { EVENT_CSV_COLUMNS } from '../src/export/events-csv.js';
import { openStore } from '../src/store/open.js';
import type { ActorRow, EventCluster, EventRow, Page, QuoteRow, SearchHit } from '../src/store/types.js';
import { K, fixtureInputs } from './store/fixtures.js';

type Runner = (argv: readonly string[], out: (l: string) => void, err: (l: string) => void) => Promise<number>;

const dir = mkdtempSync(join(tmpdir(), 'ng-query-'));
const db = join(dir, 'store.db');
const inputs = fixtureInputs();
const EVENTS = inputs.reduce((n, i) => n + i.record.events.length, 0);
const savedColumns = process.env['COLUMNS'];

async function run(cmd: Runner, args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await cmd([...args, '--db', db], (l) => out.push(l), (l) => err.push(l));
  return { code, out, err };
}

const json = <T>(out: string[]): T => JSON.parse(out.join('\n')) as T;

beforeAll(async () => {
  process.env['COLUMNS'] = '100';
  const store = await openStore(db);
  try {
    for (const input of inputs) await store.putArticle(input);
    await store.writeAnalysis({
      duplicates: new Map([[K.a4, K.a1]]),
      clusters: [{
        id: 'C1', type: 'AGREE', actors: ['IRNGOV'], recipients: ['IRQGOV'], firstDate: '2024-03-02', lastDate: '2024-03-02', place: 'Baghdad',
        mentions: 2, articles: 1, sources: 2, events: [`${K.a1}:V1`, `${K.a4}:V1`],
      }],
      conflicts: [],
    });
  } finally {
    await store.close();
  }
});

afterAll(() => {
  if (savedColumns === undefined) delete process.env['COLUMNS'];
  else process.env['COLUMNS'] = savedColumns;
  rmSync(dir, { recursive: true, force: true });
});

describe('table output', () => {
  it('aligns columns and cuts the widest ones with … to fit', () => {
    const rows = [{ a: 'short', b: 'a rather long cell that will not fit', n: 7 }, { a: 'x', b: 'tiny', n: 1234 }];
    const cols = [{ header: 'a', value: (r: (typeof rows)[0]) => r.a }, { header: 'text', value: (r: (typeof rows)[0]) => r.b }, { header: 'n', value: (r: (typeof rows)[0]) => r.n, align: 'right' as const }];
    const wide = renderTable(cols, rows, 200);
    expect(wide[0]).toBe('a      text                                     n');
    expect(wide[2]).toBe('short  a rather long cell that will not fit     7');
    expect(wide[3]).toBe('x      tiny                                  1234');
    const narrow = renderTable(cols, rows, 30);
    for (const line of narrow) expect(Array.from(line).length).toBeLessThanOrEqual(30);
    expect(narrow[2]).toContain('…');
    expect(narrow[2]).toMatch(/^short {2}a rather long.*… {2} {3}7$/);
  });

  it('puts line breaks in cells on one line and narrows no column below 4', () => {
    const [, , row] = renderTable([{ header: 'header', value: (r: string) => r }], ['two\nlines'], 3);
    expect(row).toBe('two…');
    expect(columnWidths([10, 10], [4, 4], 12)).toEqual([5, 5]);
    expect(columnWidths([10, 3], [4, 3], 5)).toEqual([4, 3]);
  });

  it('says which rows are shown and how to get the next ones', () => {
    expect(pageFooter({ items: [1, 2], total: 5, limit: 2, offset: 0 })).toBe('1–2 of 5 (next: --offset 2)');
    expect(pageFooter({ items: [5], total: 5, limit: 2, offset: 4 })).toBe('5–5 of 5');
    expect(pageFooter({ items: [], total: 0, limit: 2, offset: 0 })).toBe('no matches');
  });

  it('draws the dyad sparkline on a fixed scale with gaps for empty months', () => {
    expect(sparkline([-10, 0, 10, null, -2.5])).toBe('▁▅█ ▄');
    expect(monthRange('2023-11', '2024-02')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
  });
});

describe('newsgraph events', () => {
  it('prints a table that fits the width, with a footer', async () => {
    process.env['COLUMNS'] = '80';
    const { code, out } = await run(runEvents, []);
    process.env['COLUMNS'] = '100';
    expect(code).toBe(0);
    expect(out[0]).toMatch(/^event\s+date\s+type\s+act/);
    expect(out).toHaveLength(EVENTS + 3);
    for (const line of out) expect(Array.from(line).length).toBeLessThanOrEqual(80);
    expect(out.at(-1)).toBe(`1–${EVENTS} of ${EVENTS}`);
    expect(out.some((l) => l.includes('…'))).toBe(true);
  });

  it('prints the page as one JSON document and filters', async () => {
    const all = json<Page<EventRow>>((await run(runEvents, ['--format', 'json'])).out);
    expect(all.total).toBe(EVENTS);
    const protests = json<Page<EventRow>>((await run(runEvents, ['--type', 'protest', '--format', 'json'])).out);
    expect(protests.items.map((e) => e.key)).toEqual([`${K.a3}:V1`]);
    const asserted = json<Page<EventRow>>((await run(runEvents, ['--modality', 'future', '--format', 'json'])).out);
    expect(asserted.items.map((e) => e.key)).toEqual([`${K.a2}:V2`]);
    const page = json<Page<EventRow>>((await run(runEvents, ['--limit', '3', '--offset', '2', '--format', 'json'])).out);
    expect([page.items.length, page.limit, page.offset, page.total]).toEqual([3, 3, 2, EVENTS]);
    const unique = json<Page<EventRow>>((await run(runEvents, ['--unique', '--format', 'json'])).out);
    expect(unique.items.map((e) => e.articleKey)).not.toContain(K.a4);
    const cluster = json<Page<EventRow>>((await run(runEvents, ['--cluster', 'C1', '--format', 'json'])).out);
    expect(cluster.items.map((e) => e.key).sort()).toEqual([`${K.a1}:V1`, `${K.a4}:V1`]);
    const place = json<Page<EventRow>>((await run(runEvents, ['--place', 'tehran', '--article', K.a3, '--format', 'json'])).out);
    expect(place.total).toBe(2);
    const rebels = json<Page<EventRow>>((await run(runEvents, ['--actor-sector', 'reb,uaf', '--format', 'json'])).out);
    expect(rebels.items.map((e) => e.key)).toEqual([`${K.a5}:V2`]);
    const confident = json<Page<EventRow>>((await run(runEvents, ['--min-confidence', '0.5', '--format', 'json'])).out);
    expect(confident.total).toBe(EVENTS - 1);
    expect(confident.items.map((e) => e.key)).not.toContain(`${K.a5}:V2`);
  });

  it('prints CSV with every event field', async () => {
    const { out } = await run(runEvents, ['--format', 'csv', '--recipient', 'IRQ']);
    const rows = parse(out.map((l) => l + '\n').join(''), { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0]!)).toEqual([...EVENT_CSV_COLUMNS]);
    expect(rows.map((r) => r['key']).sort()).toEqual([`${K.a1}:V1`, `${K.a1}:V2`, `${K.a4}:V1`]);
  });

  it('rejects bad options with a message naming the option and what it allows', async () => {
    await expect(run(runEvents, ['--type', 'HUG'])).rejects.toMatchObject({ code: 'E_USAGE', message: expect.stringMatching(/--type.*AGREE, CONSULT.*ASSAULT.*"HUG"/) });
    await expect(run(runEvents, ['--modality', 'maybe'])).rejects.toMatchObject({ code: 'E_USAGE', message: expect.stringContaining('asserted, negated, hypothetical, future, alleged, historical') });
    await expect(run(runEvents, ['--since', '2024-02-30'])).rejects.toMatchObject({ code: 'E_USAGE', message: expect.stringContaining('--since must be a date') });
    await expect(run(runEvents, ['--until', 'yesterday'])).rejects.toMatchObject({ code: 'E_USAGE', message: expect.stringContaining('--until') });
    await expect(run(runEvents, ['--since', '2024-05-01', '--until', '2024-04'])).rejects.toMatchObject({ code: 'E_USAGE' });
    await expect(run(runEvents, ['--limit', 'ten'])).rejects.toMatchObject({ code: 'E_USAGE', message: expect.stringContaining('--limit must be a whole number, 1 to 1000') });
    await expect(run(runEvents, ['--limit', '0'])).rejects.toMatchObject({ code: 'E_USAGE' });
    await expect(run(runEvents, ['--limit', '5000'])).rejects.toMatchObject({ code: 'E_USAGE' });
    await expect(run(runEvents, ['--offset', '-1'])).rejects.toMatchObject({ code: 'E_USAGE' });
    await expect(run(runEvents, ['--min-confidence', '70'])).rejects.toMatchObject({ code: 'E_USAGE', message: expect.stringContaining('--min-confidence must be a number from 0 to 1') });
    await expect(run(runEvents, ['--min-confidence', 'high'])).rejects.toMatchObject({ code: 'E_USAGE' });
    await expect(run(runEvents, ['--actor-sector', 'GOV,rebels'])).rejects.toMatchObject({ code: 'E_USAGE', message: expect.stringContaining('--actor-sector: "REBELS" is not a sector') });
    await expect(run(runEvents, ['--format', 'xml'])).rejects.toMatchObject({ code: 'E_USAGE', message: expect.stringContaining('table, json, csv') });
    await expect(run(runEvents, ['--colour'])).rejects.toMatchObject({ code: 'E_USAGE', message: expect.stringContaining('--colour') });
    await expect(run(runEvents, ['stray'])).rejects.toMatchObject({ code: 'E_USAGE' });
  });

  it('does not create a store where there is none', async () => {
    const missing = join(dir, 'missing.db');
    await expect(runEvents(['--db', missing], () => {}, () => {})).rejects.toMatchObject({ code: 'E_NOT_FOUND', input: missing });
    expect(existsSync(missing)).toBe(false);
  });
});

describe('the other query commands', () => {
  it('actors: grouped actors with counts, filtered by --match', async () => {
    const page = json<Page<ActorRow>>((await run(runActors, ['--match', 'irn', '--format', 'json'])).out);
    const gov = page.items.find((a) => a.id === 'IRNGOV');
    expect(gov).toMatchObject({ code: 'IRNGOV', country: 'IRN' });
    expect(gov!.asActor).toBeGreaterThanOrEqual(3);
    const table = await run(runActors, []);
    expect(table.out[0]).toMatch(/^id\s+name\s+code\s+country\s+sector\s+as_actor\s+as_recipient\s+articles$/);
  });

  it('quotes: by speaker or article, direct or reported', async () => {
    const speaker = json<Page<QuoteRow>>((await run(runQuotes, ['--speaker', 'Abbas Araghchi', '--format', 'json'])).out);
    expect(speaker.items.map((q) => q.text)).toEqual(['We will protect the border together']);
    const article = json<Page<QuoteRow>>((await run(runQuotes, ['--article', K.a2, '--indirect', '--format', 'json'])).out);
    expect(article.items.map((q) => q.direct)).toEqual([false]);
    const csv = await run(runQuotes, ['--format', 'csv', '--direct']);
    const rows = parse(csv.out.map((l) => l + '\n').join(''), { columns: true }) as Array<Record<string, string>>;
    expect(rows.every((r) => r['direct'] === 'true')).toBe(true);
    await expect(run(runQuotes, ['--direct', '--indirect'])).rejects.toMatchObject({ code: 'E_USAGE' });
  });

  it('dyad: months both ways with a sparkline', async () => {
    const { out } = await run(runDyad, ['IRN', 'IRQ']);
    expect(out[0]).toMatch(/^month\s+events\s+IRN→IRQ\s+IRQ→IRN\s+mean_score/);
    expect(out.some((l) => l.startsWith('2024-03'))).toBe(true);
    expect(out.at(-1)).toMatch(/events in \d+ months; mean score by month \(−10 … \+10\): [▁▂▃▄▅▆▇█ ]+$/);
    const data = json<{ a: string; b: string; months: Array<{ month: string; aToB: number; bToA: number }> }>((await run(runDyad, ['IRN', 'IRQ', '--format', 'json'])).out);
    expect(data.a).toBe('IRN');
    const march = data.months.find((m) => m.month === '2024-03');
    expect(march).toMatchObject({ aToB: 3 });
    const nov = data.months.find((m) => m.month === '2023-11');
    expect(nov).toMatchObject({ bToA: 1 });
    const none = await run(runDyad, ['KEN', 'IRQ']);
    expect(none.out).toEqual(['no events between KEN and IRQ']);
    await expect(run(runDyad, ['IRN'])).rejects.toMatchObject({ code: 'E_USAGE', message: expect.stringContaining('two actors') });
    await expect(run(runDyad, ['IRN', 'IRQ', '--since', '03/2024'])).rejects.toMatchObject({ code: 'E_USAGE' });
  });

  it('search: articles matching the words, with snippets', async () => {
    const page = json<Page<SearchHit>>((await run(runSearch, ['border', 'security', '--format', 'json'])).out);
    expect(page.items.map((h) => h.article.key)).toContain(K.a1);
    expect(page.items[0]!.snippet).toContain('«');
    const table = await run(runSearch, ['drones']);
    expect(table.out[0]).toMatch(/^article\s+published\s+publisher\s+title\s+snippet/);
    expect(table.out[2]).toContain(K.a2);
    await expect(run(runSearch, [])).rejects.toMatchObject({ code: 'E_USAGE' });
  });

  it('article: the record as JSON, or a readable view with evidence and speakers', async () => {
    const record = json<ArticleRecord>((await run(runArticle, [K.a3, '--format', 'json'])).out);
    expect(record).toEqual(inputs.find((i) => i.key === K.a3)!.record);
    const { out } = await run(runArticle, [K.a3]);
    const text = out.join('\n');
    expect(out[0]).toBe('Police clash with protesters in Tehran');
    expect(text).toContain('publisher: BBC');
    expect(text).toContain('Events (2)');
    expect(text).toContain('V2 ASSAULT — Iranian police (IRNCOP) → protesters @ Tehran');
    expect(text).toContain('dead 3; arrested 12');
    expect(text).toContain('“Iranian police fired on the crowd, killing three people and arresting 12.”');
    expect(text).toContain('Q1 protesters (told): “The people want change”');
    await expect(run(runArticle, ['ffffffffffffffff'])).rejects.toMatchObject({ code: 'E_NOT_FOUND', input: 'ffffffffffffffff' });
    await expect(run(runArticle, [K.a3, '--format', 'csv'])).rejects.toMatchObject({ code: 'E_USAGE', message: expect.stringContaining('text, json') });
    await expect(run(runArticle, [])).rejects.toMatchObject({ code: 'E_USAGE' });
  });

  it('clusters: filtered by --min-articles and --type', async () => {
    const page = json<Page<EventCluster>>((await run(runClusters, ['--min-articles', '1', '--format', 'json'])).out);
    expect(page.items.map((c) => c.id)).toEqual(['C1']);
    const none = json<Page<EventCluster>>((await run(runClusters, ['--min-articles', '2', '--format', 'json'])).out);
    expect(none.total).toBe(0);
    const table = await run(runClusters, ['--type', 'agree']);
    expect(table.out[2]).toMatch(/^C1\s+AGREE\s+2024-03-02/);
    await expect(run(runClusters, ['--min-articles', '0'])).rejects.toMatchObject({ code: 'E_USAGE', message: expect.stringContaining('--min-articles') });
  });

  it('every command answers --help', async () => {
    for (const cmd of [runEvents, runActors, runQuotes, runDyad, runSearch, runArticle, runClusters]) {
      const { code, out } = await run(cmd, ['--help']);
      expect(code).toBe(0);
      expect(out[0]).toMatch(/^Usage: newsgraph \w+/);
      expect(out.join('\n')).toContain('--db PATH|URL');
    }
  });
});
