// Each export format written from a temporary SQLite store (the store fixtures plus one
// record with commas, quotes and line breaks in its fields) and read back.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExport } from '../src/cli/export.js';
import type { ArticleRecord } from '../src/core/record.js';
import { ACLED_COLUMNS } from '../src/export/acled.js';
import { EVENT_CSV_COLUMNS } from '../src/export/events-csv.js';
import { GDELT_COLUMNS, globalEventId } from '../src/export/gdelt.js';
import { writeExport } from '../src/export/run.js';
import { fileSink } from '../src/export/sink.js';
import { openStore } from '../src/store/open.js';
import type { ArticleInput, Store } from '../src/store/types.js';
import { K, buildRecord, fakeSimhash, fixtureInputs } from './store/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'ng-export-'));
const db = join(dir, 'store.db');
const ODD_KEY = 'c000000000000001';
const ODD_PUBLISHER = 'Daily, "Example"\nNews';

/** An article whose fields carry the characters that break naive CSV and TSV writers. */
function oddInput(): ArticleInput {
  const record: ArticleRecord = buildRecord({
    key: ODD_KEY, title: 'Militia attack, "again"', publisher: ODD_PUBLISHER, published: '2024-05-07T09:00:00Z',
    sentences: ['Kataib Hezbollah, "armed with rifles", attacked protesters in Erbil on Monday, killing 2.'],
    entities: ['kataib', 'protesters', 'erbil'],
    events: [{ type: 'ASSAULT', actor: ['kataib'], recipient: ['protesters'], sentence: 0, trigger: 'attacked', location: 'erbil', date: ['2024-05-06', 'day'], dead: { min: 2, max: 2 } }],
  });
  record.events[0]!.mode = 'firearms';
  return { key: ODD_KEY, record, origin: 'fixtures/odd.txt', simhash: fakeSimhash(ODD_KEY) };
}

const inputs = [...fixtureInputs(), oddInput()];
const EVENTS = inputs.reduce((n, i) => n + i.record.events.length, 0);

async function run(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runExport([...args, '--db', db], (l) => out.push(l), (l) => err.push(l));
  return { code, out, err };
}

function lines(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text.slice(0, -1).split('\n');
}

beforeAll(async () => {
  const store = await openStore(db);
  try {
    for (const input of inputs) expect(await store.putArticle(input)).toBe(true);
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

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('export readback', () => {
  it('records: the stored article records as JSONL, whole', async () => {
    const path = join(dir, 'records.jsonl');
    const { code, err } = await run(['--format', 'records', '--out', path]);
    expect(code).toBe(0);
    expect(err).toEqual([`newsgraph: wrote ${inputs.length} articles to ${path}`]);
    const got = lines(path).map((l) => JSON.parse(l) as ArticleRecord);
    expect(got).toHaveLength(inputs.length);
    const byId = new Map(got.map((r) => [r.id, r]));
    for (const input of inputs) expect(byId.get(input.record.id)).toEqual(input.record);
  });

  it('records: with event filters, the articles that have a selected event', async () => {
    const { out } = await run(['--format', 'records', '--type', 'PROTEST']);
    expect(out.map((l) => (JSON.parse(l) as ArticleRecord).id)).toEqual([`fixture-${K.a3}`]);
    const unique = await run(['--format', 'records', '--unique']);
    expect(unique.out.map((l) => (JSON.parse(l) as ArticleRecord).id)).not.toContain(`fixture-${K.a4}`);
    expect(unique.out).toHaveLength(inputs.length - 1);
  });

  it('plover: one event per line with the manual field names', async () => {
    const path = join(dir, 'events.plover.jsonl');
    expect((await run(['--format', 'plover', '--out', path])).code).toBe(0);
    const events = lines(path).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(events).toHaveLength(EVENTS);
    const byId = new Map(events.map((e) => [e['id'] as string, e]));
    for (const e of events) {
      for (const field of ['id', 'date', 'actor', 'recipient', 'event', 'event_loc', 'event_text', 'quad_code', 'event_scale', 'mode', 'context', 'link', 'cite_info']) {
        expect(e).toHaveProperty(field);
      }
    }
    expect(byId.get(`${K.a3}:V2`)).toMatchObject({
      event: ['ASSAULT'], quad_code: 4, event_scale: -10, date: '2024-04-15', size: { dead: 3, arrested: 12 },
      actor: [{ entity_text: 'Iranian police', code: 'IRN', sector: 'COP', actor_code: 'IRNCOP' }],
      recipient: [{ entity_text: 'protesters', code: 'IRN', sector: 'CVL' }],
      event_loc: { resolved_place: 'Tehran', country: 'Iran', country_code: 'IRN', resolution: 4, lat: 35.6892, lon: 51.389 },
      event_text: ['Iranian police fired on the crowd, killing three people and arresting 12.'],
      cite_info: { url: `https://example.org/${K.a3}`, publication: 'BBC', title: 'Police clash with protesters in Tehran' },
      date_inferred: true,
    });
    expect(byId.get(`${K.a2}:V2`)).toMatchObject({ event: ['SANCTION'], context: ['future'], modality: 'future', date: '2024-05-01', enddate: '2024-05-31' });
    expect(byId.get(`${K.a1}:V1`)).toMatchObject({ link: 'C1', cameo: '057' });
    expect(byId.get(`${K.a6}:V1`)).toMatchObject({ date: null, event_loc: null, actor: [{ code: 'IGO', sector: 'WBK' }] });
  });

  it('gdelt: 61 tab-separated fields per line, values in the codebook columns', async () => {
    const path = join(dir, 'events.gdelt.tsv');
    expect((await run(['--format', 'gdelt', '--out', path])).code).toBe(0);
    const rows = lines(path).map((l) => l.split('\t'));
    expect(rows).toHaveLength(EVENTS);
    for (const r of rows) expect(r).toHaveLength(61);
    const named = rows.map((r) => Object.fromEntries(GDELT_COLUMNS.map((c, i) => [c, r[i]!])));
    const byId = new Map(named.map((r) => [r['GLOBALEVENTID']!, r]));
    expect(byId.size).toBe(EVENTS);
    expect(byId.get(globalEventId(K.a1, 'V1'))).toMatchObject({
      SQLDATE: '20240302', MonthYear: '202403', Year: '2024', Actor1Code: 'IRNGOV', Actor1CountryCode: 'IRN', Actor1Type1Code: 'GOV',
      Actor2Code: 'IRQGOV', EventCode: '057', EventBaseCode: '057', EventRootCode: '05', QuadClass: '1', GoldsteinScale: '4',
      NumMentions: '2', NumSources: '2', NumArticles: '1', IsRootEvent: '1', AvgTone: '',
      ActionGeo_Type: '4', ActionGeo_FullName: 'Baghdad, Iraq', ActionGeo_Lat: '33.3152', ActionGeo_Long: '44.3661',
      SOURCEURL: `https://example.org/${K.a1}`,
    });
    expect(byId.get(globalEventId(K.a1, 'V1'))!['DATEADDED']).toMatch(/^\d{14}$/);
    expect(byId.get(globalEventId(K.a6, 'V1'))).toMatchObject({ SQLDATE: '', NumMentions: '1', ActionGeo_Type: '', SOURCEURL: '' });
    const header = await run(['--format', 'gdelt', '--header', '--limit', '1']);
    expect(header.out[0]!.split('\t')).toEqual(GDELT_COLUMNS);
    expect(header.out).toHaveLength(2);
  });

  it('acled: ACLED columns, mapped events only, left-out count on stderr', async () => {
    const path = join(dir, 'events.acled.csv');
    const { err } = await run(['--format', 'acled', '--out', path]);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('\r\n');
    const [header, ...rest] = parse(text) as string[][];
    expect(header).toEqual(ACLED_COLUMNS);
    const rows = parse(text, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(rest.length);
    const byId = new Map(rows.map((r) => [r['event_id_cnty']!, r]));
    expect([...byId.keys()].sort()).toEqual([`${K.a3}:V1`, `${K.a3}:V2`, `${ODD_KEY}:V1`].sort());
    expect(byId.get(`${K.a3}:V1`)).toMatchObject({ event_type: 'Protests', sub_event_type: 'Peaceful protest', inter1: '6', interaction: '16', time_precision: '3', country: 'Iran', iso: '364' });
    expect(byId.get(`${K.a3}:V2`)).toMatchObject({ event_type: 'Violence against civilians', actor1: 'Iranian police', inter1: '1', inter2: '7', fatalities: '3', civilian_targeting: 'Civilian targeting' });
    expect(byId.get(`${ODD_KEY}:V1`)).toMatchObject({
      event_date: '2024-05-06', year: '2024', time_precision: '1', disorder_type: 'Political violence', event_type: 'Violence against civilians',
      actor1: 'Kataib Hezbollah', inter1: '2', actor2: 'protesters', inter2: '7', interaction: '27',
      country: 'Iraq', location: 'Erbil', latitude: '36.1911', longitude: '44.0092', geo_precision: '1',
      source: ODD_PUBLISHER, notes: 'Kataib Hezbollah, "armed with rifles", attacked protesters in Erbil on Monday, killing 2.', fatalities: '2',
      tags: 'newsgraph:ASSAULT/firearms',
    });
    const left = EVENTS - rows.length;
    expect(err).toContain(`newsgraph: wrote ${rows.length} events to ${path}`);
    expect(err.find((l) => l.startsWith('newsgraph: left out'))).toMatch(new RegExp(`^newsgraph: left out ${left} events with no ACLED counterpart \\(AGREE 2, `));
  });

  it('csv: every event field, with commas, quotes and line breaks kept', async () => {
    const { code, out } = await run(['--format', 'csv']);
    expect(code).toBe(0);
    const text = out.map((l) => l + '\n').join('');
    const [header] = parse(text, { to_line: 1 }) as string[][];
    expect(header).toEqual(EVENT_CSV_COLUMNS);
    const rows = parse(text, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(EVENTS);
    const odd = rows.find((r) => r['key'] === `${ODD_KEY}:V1`);
    expect(odd).toMatchObject({
      type: 'ASSAULT', mode: 'firearms', article_publisher: ODD_PUBLISHER, article_title: 'Militia attack, "again"',
      evidence_text: 'Kataib Hezbollah, "armed with rifles", attacked protesters in Erbil on Monday, killing 2.',
      actor_names: 'Kataib Hezbollah', actor_sectors: 'REB', recipient_countries: 'IRN', place: 'Erbil', dead_min: '2', dead_max: '2', date: '2024-05-06',
    });
    expect(rows.find((r) => r['key'] === `${K.a1}:V1`)!['cluster']).toBe('C1');
    expect(rows.find((r) => r['key'] === `${K.a4}:V1`)!['article_duplicate_of']).toBe(K.a1);
  });

  it('applies the event filters and paging to exports', async () => {
    const { out } = await run(['--format', 'plover', '--actor', 'IRN', '--since', '2024-04-01']);
    // IRN matches the police by code prefix and the protesters by country.
    expect(out.map((l) => (JSON.parse(l) as { id: string }).id).sort()).toEqual([`${K.a3}:V1`, `${K.a3}:V2`]);
    const paged = await run(['--format', 'csv', '--limit', '2', '--offset', '1']);
    expect(paged.out).toHaveLength(3);
  });

  it('leaves no file, and no temporary file, when the export fails', async () => {
    const target = join(dir, 'failed.jsonl');
    writeFileSync(target, 'previous contents\n');
    const store = await openStore(db);
    try {
      const failing = Object.create(store) as Store;
      let pages = 0;
      failing.events = async (q) => {
        if (pages++ > 0) throw new Error('disk gone');
        const page = await store.events(q);
        // Pretend there is more to read so the exporter asks for a second page.
        return { ...page, items: Array.from({ length: q?.limit ?? 0 }, (_, i) => page.items[i % page.items.length]!), next: 'more' };
      };
      const sink = await fileSink(target, '\n');
      await expect(writeExport(failing, 'csv', {}, sink)).rejects.toThrow('disk gone');
      await sink.abort();
    } finally {
      await store.close();
    }
    expect(readFileSync(target, 'utf8')).toBe('previous contents\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const fresh = join(dir, 'fresh.jsonl');
    const sink = await fileSink(fresh, '\n');
    await sink.line('x');
    await sink.abort();
    expect(existsSync(fresh)).toBe(false);
  });

  it('rejects a bad format, --header outside gdelt, and an unwritable --out', async () => {
    await expect(run(['--format', 'xml'])).rejects.toMatchObject({ code: 'E_USAGE', message: expect.stringContaining('records, plover, gdelt, acled, csv') });
    await expect(run([])).rejects.toMatchObject({ code: 'E_USAGE' });
    await expect(run(['--format', 'csv', '--header'])).rejects.toMatchObject({ code: 'E_USAGE', message: expect.stringContaining('--header') });
    await expect(run(['--format', 'csv', '--out', join(dir, 'no', 'such', 'dir.csv')])).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
    await expect(run(['--format', 'csv', '--limit', 'ten'])).rejects.toMatchObject({ code: 'E_USAGE', message: expect.stringContaining('--limit') });
  });
});
