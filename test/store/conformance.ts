/**
 * The store conformance suite: what every driver must do, stated against the
 * hand-built fixtures (test/store/fixtures.ts) with answers worked out by hand. A
 * driver's test file calls describeStoreConformance with a way to open a store and a
 * way to empty it. Nothing here depends on one database's habits: every ordering
 * asserted is one the contract or the drivers' ORDER BY fixes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PloverType } from '../../src/core/record.js';
import { ploverScore } from '../../src/knowledge/plover-scores.js';
import { MAX_LIMIT, type CorpusAnalysis, type CorpusConflict, type EventCluster, type Page, type Store } from '../../src/store/types.js';
import { E, K, buildRecord, fixtureInputs, realInput, SPECS } from './fixtures.js';

const ev = (article: string, id: string): string => `${article}:${id}`;
const keys = <T extends { key: string }>(page: Page<T> | T[]): string[] => (Array.isArray(page) ? page : page.items).map((x) => x.key);
const score = (t: PloverType): number => ploverScore(t).score;

/** All events, newest sort date first, ties by key, undated last. */
const ALL_EVENTS = [
  ev(K.a2, 'V2'), // 2024-05 (month)
  ev(K.a3, 'V2'), // 2024-04-15 (publication date)
  ev(K.a2, 'V1'), // 2024-04-09
  ev(K.a3, 'V1'), // 2024-04 (month)
  ev(K.a1, 'V2'), // 2024-03-03 (publication date)
  ev(K.a1, 'V1'), // 2024-03-02
  ev(K.a4, 'V1'), // 2024-03-02
  ev(K.a5, 'V2'), // 2023-11-20 (publication date)
  ev(K.a5, 'V1'), // 2023-11-19
  ev(K.a6, 'V1'), // no date at all
];

/** `expected` in ALL_EVENTS order. */
const inOrder = (...expected: string[]): string[] => ALL_EVENTS.filter((k) => expected.includes(k));

async function expectStoreError(p: Promise<unknown>, code: string): Promise<void> {
  await expect(p).rejects.toMatchObject({ code });
}

function cluster(id: string, type: PloverType, events: string[], articles: number, mentions: number): EventCluster {
  return { id, type, actors: ['IRNGOV'], recipients: ['IRQGOV'], firstDate: '2024-03-02', lastDate: '2024-03-03', place: 'Baghdad', mentions, articles, sources: articles, events };
}

export function describeStoreConformance(name: string, open: () => Promise<Store>, reset: (s: Store) => Promise<void> | void): void {
  describe(`store conformance: ${name}`, () => {
    let store: Store;
    const inputs = fixtureInputs();

    async function fresh(): Promise<void> {
      await reset(store);
      for (const input of inputs) expect(await store.putArticle(input)).toBe(true);
    }

    beforeAll(async () => {
      store = await open();
      await store.migrate();
      await fresh();
    });
    afterAll(async () => {
      await store?.close();
    });

    describe('articles', () => {
      it('reports a schema version and migrates idempotently', async () => {
        const v = await store.schemaVersion();
        expect(Number.isInteger(v) && v >= 1).toBe(true);
        await store.migrate();
        expect(await store.schemaVersion()).toBe(v);
        expect((await store.stats()).schemaVersion).toBe(v);
      });

      it('returns the stored record unchanged, with its summary', async () => {
        const a = await store.getArticle(K.a1);
        expect(a).not.toBeNull();
        expect(a!.record).toEqual(inputs[0]!.record);
        expect(JSON.stringify(a!.record)).toBe(JSON.stringify(inputs[0]!.record));
        expect(a).toMatchObject({
          key: K.a1, recordId: `fixture-${K.a1}`, title: 'Iran and Iraq sign border security pact', publisher: 'Reuters',
          uri: `https://example.org/${K.a1}`, origin: `fixtures/${K.a1}.txt`, published: '2024-03-03T10:00:00Z', language: 'en',
          duplicateOf: null, events: 2, quotes: 1, simhash: inputs[0]!.simhash,
        });
        expect(new Date(a!.ingestedAt).toISOString()).toBe(a!.ingestedAt);
        expect(await store.getArticle('ffffffffffffffff')).toBeNull();
      });

      it('keeps the first copy when a key is put again, and changes nothing', async () => {
        const before = await store.stats();
        const again = { ...inputs[0]!, origin: 'elsewhere.txt', record: buildRecord({ ...SPECS[1]!, key: K.a1 }) };
        expect(await store.putArticle(again)).toBe(false);
        expect(await store.stats()).toEqual(before);
        const a = await store.getArticle(K.a1);
        expect(a!.origin).toBe(`fixtures/${K.a1}.txt`);
        expect(a!.record).toEqual(inputs[0]!.record);
      });

      it('writes an article whole or not at all', async () => {
        const before = await store.stats();
        const bad = buildRecord({ ...SPECS[0]!, key: 'c000000000000001' });
        // Two events with one id: the second event row collides inside the transaction.
        bad.events = [bad.events[0]!, { ...bad.events[1]!, id: bad.events[0]!.id }];
        await expect(store.putArticle({ key: 'c000000000000001', record: bad, origin: 'bad.txt', simhash: '0000000000000000' })).rejects.toThrow();
        expect(await store.getArticle('c000000000000001')).toBeNull();
        expect(await store.stats()).toEqual(before);
        expect((await store.existingKeys(['c000000000000001'])).size).toBe(0);
      });

      it('finds which keys exist, in any number', async () => {
        expect(await store.existingKeys([K.a1, 'ffffffffffffffff', K.a3, K.a1])).toEqual(new Set([K.a1, K.a3]));
        expect(await store.existingKeys([])).toEqual(new Set());
        const many = Array.from({ length: 1200 }, (_, i) => `d${String(i).padStart(15, '0')}`);
        expect(await store.existingKeys([...many, K.a6])).toEqual(new Set([K.a6]));
      });

      it('lists articles newest first, undated last, with filters and paging', async () => {
        const all = await store.listArticles();
        expect(all.total).toBe(6);
        expect(all.limit).toBe(50);
        expect(all.offset).toBe(0);
        expect(keys(all)).toEqual([K.a3, K.a2, K.a4, K.a1, K.a5, K.a6]);
        expect(all.items[0]).toMatchObject({ key: K.a3, events: 2, quotes: 1, publisher: 'BBC' });
        expect(keys(await store.listArticles({ publisher: 'reuters' }))).toEqual([K.a1]);
        expect(keys(await store.listArticles({ since: '2024-04-01' }))).toEqual([K.a3, K.a2]);
        expect(keys(await store.listArticles({ until: '2023-12-31' }))).toEqual([K.a5]);
        expect(keys(await store.listArticles({ since: '2024-03', until: '2024-03' }))).toEqual([K.a4, K.a1]);
        const page = await store.listArticles({ limit: 2, offset: 4 });
        expect(keys(page)).toEqual([K.a5, K.a6]);
        expect(page.total).toBe(6);
      });

      it('gives every article fingerprint', async () => {
        const fp = await store.articleFingerprints();
        expect(fp.map((f) => f.key).sort()).toEqual([K.a1, K.a2, K.a3, K.a4, K.a5, K.a6]);
        expect(fp.find((f) => f.key === K.a2)).toMatchObject({ simhash: inputs[1]!.simhash, publisher: 'AP', published: '2024-04-10' });
        expect(fp.find((f) => f.key === K.a6)).toMatchObject({ publisher: null, published: null });
      });

      it('counts what it holds', async () => {
        const entities = inputs.reduce((n, i) => n + i.record.entities.length, 0);
        expect(await store.stats()).toMatchObject({ articles: 6, duplicates: 0, events: 10, quotes: 4, entities, clusters: 0, conflicts: 0, unanalysed: 10 });
      });
    });

    describe('events', () => {
      it('lists all events by sort date, newest first, ties by key, undated last', async () => {
        const page = await store.events();
        expect(keys(page)).toEqual(ALL_EVENTS);
        expect(page.total).toBe(10);
      });

      it('resolves an event fully', async () => {
        const e = await store.getEvent(ev(K.a3, 'V2'));
        expect(e).toEqual({
          key: ev(K.a3, 'V2'), articleKey: K.a3, eventId: 'V2', type: 'ASSAULT', mode: null, context: [], modality: 'asserted',
          actors: [{ entity: 'E4', name: 'Iranian police', code: 'IRNCOP', country: 'IRN', sector: 'COP' }],
          recipients: [{ entity: 'E1', name: 'protesters', code: null, country: 'IRN', sector: 'CVL' }],
          place: { entity: 'E3', name: 'Tehran', country: 'IRN', lat: E.tehran.geo[0], lon: E.tehran.geo[1] },
          date: null, source: null, dead: { min: 3, max: 3 }, injured: null, arrested: { min: 12, max: 12 }, cameo: null,
          confidence: 0.8, score: score('ASSAULT'), trigger: 'fired',
          evidence: { sentence: 1, start: inputs[2]!.record.sentences[1]![0], end: inputs[2]!.record.sentences[1]![1], text: SPECS[2]!.sentences[1] },
          cluster: null, article: { title: 'Police clash with protesters in Tehran', publisher: 'BBC', published: '2024-04-15T08:30', duplicateOf: null },
        });
        const s = await store.getEvent(ev(K.a2, 'V2'));
        expect(s).toMatchObject({
          type: 'SANCTION', modality: 'future', date: { value: '2024-05', grain: 'month', inferred: false },
          source: { entity: 'E1', name: 'United States government', code: 'USAGOV', country: 'USA', sector: 'GOV' },
          recipients: [{ entity: 'E4', code: 'IRNGOV' }],
        });
        expect((await store.getEvent(ev(K.a1, 'V2')))!.context).toEqual(['diplomatic']);
        expect((await store.getEvent(ev(K.a6, 'V1')))!.place).toBeNull();
        expect(await store.getEvent(ev(K.a1, 'V9'))).toBeNull();
      });

      it('filters by actor: code prefix, country, or name ignoring case', async () => {
        // IRNGOV and IRNCOP by code prefix, the protesters by their country.
        expect(keys(await store.events({ actor: 'IRN' }))).toEqual(inOrder(ev(K.a1, 'V1'), ev(K.a1, 'V2'), ev(K.a3, 'V1'), ev(K.a3, 'V2'), ev(K.a4, 'V1')));
        expect(keys(await store.events({ actor: 'IRNGOV' }))).toEqual(inOrder(ev(K.a1, 'V1'), ev(K.a1, 'V2'), ev(K.a4, 'V1')));
        // Codes ignore case too: IRQGOV by prefix, Kataib Hezbollah by country.
        expect(keys(await store.events({ actor: 'irq' }))).toEqual(inOrder(ev(K.a5, 'V1'), ev(K.a5, 'V2')));
        expect(keys(await store.events({ actor: 'kataib HEZBOLLAH' }))).toEqual([ev(K.a5, 'V2')]);
        // Names match whole, not in part; "Iran" is only ever a recipient.
        expect((await store.events({ actor: 'kataib' })).total).toBe(0);
        expect((await store.events({ actor: 'Iran' })).total).toBe(0);
        expect(keys(await store.events({ recipient: 'iran' }))).toEqual(inOrder(ev(K.a2, 'V1'), ev(K.a5, 'V1')));
        expect(keys(await store.events({ recipient: 'IRN' }))).toEqual(inOrder(ev(K.a2, 'V1'), ev(K.a2, 'V2'), ev(K.a3, 'V1'), ev(K.a3, 'V2'), ev(K.a5, 'V1')));
        expect(keys(await store.events({ actor: 'USA', recipient: 'IRNGOV' }))).toEqual([ev(K.a2, 'V2')]);
        // The source is not an actor.
        expect(keys(await store.events({ actor: 'USAGOV' }))).toEqual(inOrder(ev(K.a2, 'V1'), ev(K.a2, 'V2')));
        // Wildcards in the value are plain characters.
        expect((await store.events({ actor: '%' })).total).toBe(0);
        expect((await store.events({ actor: 'IR_' })).total).toBe(0);
      });

      it('filters by type, modality, place, article', async () => {
        expect(keys(await store.events({ type: 'AGREE' }))).toEqual([ev(K.a1, 'V1'), ev(K.a4, 'V1')]);
        expect(keys(await store.events({ type: 'AGREE', actor: 'IRQ' }))).toEqual([]);
        expect(keys(await store.events({ modality: 'future' }))).toEqual([ev(K.a2, 'V2')]);
        expect(keys(await store.events({ modality: 'hypothetical' }))).toEqual([ev(K.a5, 'V2')]);
        expect(keys(await store.events({ place: 'TEHRAN' }))).toEqual(inOrder(ev(K.a3, 'V1'), ev(K.a3, 'V2')));
        expect(keys(await store.events({ place: 'irq' }))).toEqual(inOrder(ev(K.a1, 'V1'), ev(K.a4, 'V1'), ev(K.a5, 'V2')));
        expect(keys(await store.events({ article: K.a2 }))).toEqual([ev(K.a2, 'V2'), ev(K.a2, 'V1')]);
        expect((await store.events({ article: 'ffffffffffffffff' })).total).toBe(0);
      });

      it('filters by the sector of an actor or a recipient', async () => {
        expect(keys(await store.events({ actorSector: ['REB'] }))).toEqual([ev(K.a5, 'V2')]);
        expect(keys(await store.events({ actorSector: ['COP', 'CVL'] }))).toEqual(inOrder(ev(K.a3, 'V1'), ev(K.a3, 'V2')));
        expect(keys(await store.events({ recipientSector: ['CVL'] }))).toEqual([ev(K.a3, 'V2')]);
        // Both sides at once: a state acting on a state ("Iran", the country, has no sector).
        expect(keys(await store.events({ actorSector: ['GOV'], recipientSector: ['GOV'] }))).toEqual(inOrder(ev(K.a1, 'V1'), ev(K.a1, 'V2'), ev(K.a2, 'V2'), ev(K.a4, 'V1')));
        expect((await store.events({ actorSector: ['BUS'] })).total).toBe(0);
        expect((await store.events({ actorSector: [] })).total).toBe((await store.events({})).total);
        await expect(store.events({ actorSector: ['XYZ'] })).rejects.toThrow(/not a sector/);
      });

      it('filters by confidence, the bound included', async () => {
        const all = (await store.events({})).total;
        expect(keys(await store.events({ minConfidence: 0.5 }))).not.toContain(ev(K.a5, 'V2'));
        expect((await store.events({ minConfidence: 0.5 })).total).toBe(all - 1);
        expect(keys(await store.events({ minConfidence: 0.34 }))).toContain(ev(K.a5, 'V2'));
        expect((await store.events({ minConfidence: 0.8 })).total).toBe(all - 1);
        expect((await store.events({ minConfidence: 0.81 })).total).toBe(0);
        expect((await store.events({ minConfidence: 0 })).total).toBe(all);
        await expect(store.events({ minConfidence: 1.5 })).rejects.toThrow(/from 0 to 1/);
        await expect(store.events({ minConfidence: Number.NaN })).rejects.toThrow(/from 0 to 1/);
      });

      it('filters by date: event date, else publication date, by the days each covers', async () => {
        expect(keys(await store.events({ since: '2024-04-01' }))).toEqual(inOrder(ev(K.a2, 'V2'), ev(K.a3, 'V2'), ev(K.a2, 'V1'), ev(K.a3, 'V1')));
        expect(keys(await store.events({ since: '2024-04' }))).toEqual(keys(await store.events({ since: '2024-04-01' })));
        expect(keys(await store.events({ until: '2024-03-31' }))).toEqual(inOrder(ev(K.a1, 'V1'), ev(K.a1, 'V2'), ev(K.a4, 'V1'), ev(K.a5, 'V1'), ev(K.a5, 'V2')));
        expect(keys(await store.events({ until: '2024-03' }))).toEqual(keys(await store.events({ until: '2024-03-31' })));
        // The April protest (month grain) overlaps 10–20 April; the 9 April accusation does not.
        expect(keys(await store.events({ since: '2024-04-10', until: '2024-04-20' }))).toEqual([ev(K.a3, 'V2'), ev(K.a3, 'V1')]);
        expect(keys(await store.events({ since: '2023-11-20', until: '2023-11-20' }))).toEqual([ev(K.a5, 'V2')]);
        expect(keys(await store.events({ actor: 'IRN', type: 'AGREE', since: '2024-03-02' }))).toEqual([ev(K.a1, 'V1'), ev(K.a4, 'V1')]);
        await expectStoreError(store.events({ since: 'last week' }), 'E_USAGE');
      });

      it('pages with a total, a default limit and a ceiling', async () => {
        const first = await store.events({ limit: 3 });
        const second = await store.events({ limit: 3, offset: 3 });
        expect(keys(first)).toEqual(ALL_EVENTS.slice(0, 3));
        expect(keys(second)).toEqual(ALL_EVENTS.slice(3, 6));
        expect([first.total, second.total]).toEqual([10, 10]);
        expect(second).toMatchObject({ limit: 3, offset: 3 });
        const past = await store.events({ offset: 100 });
        expect(past.items).toEqual([]);
        expect(past.total).toBe(10);
        expect((await store.events({ limit: 100_000 })).limit).toBe(MAX_LIMIT);
        expect((await store.events({ actor: 'IRN', limit: 2, offset: 2 })).items.map((e) => e.key)).toEqual(inOrder(ev(K.a1, 'V1'), ev(K.a1, 'V2'), ev(K.a3, 'V1'), ev(K.a3, 'V2'), ev(K.a4, 'V1')).slice(2, 4));
      });
    });

    describe('keyset paging (cursor)', () => {
      /** Every row of a list read page by page through `next`, and the totals the pages reported. */
      async function walk<T extends { key: string }>(read: (after?: string) => Promise<Page<T>>): Promise<{ keys: string[]; totals: number[] }> {
        const out: string[] = [];
        const totals: number[] = [];
        let after: string | undefined;
        for (let guard = 0; guard < 100; guard++) {
          const page = await read(after);
          out.push(...keys(page));
          totals.push(page.total);
          if (!page.next) return { keys: out, totals };
          after = page.next;
        }
        throw new Error('the cursor never ended');
      }

      it('reads every event once, in list order, whatever the page size', async () => {
        for (let size = 1; size <= ALL_EVENTS.length + 1; size++) {
          const { keys: got, totals } = await walk((after) => store.events({ limit: size, after }));
          expect(got, `page size ${size}`).toEqual(ALL_EVENTS);
          // The first page counts; the pages read by cursor do not count again.
          expect(totals[0]).toBe(10);
          expect(totals.slice(1).every((t) => t === -1)).toBe(true);
        }
        const irn = inOrder(ev(K.a1, 'V1'), ev(K.a1, 'V2'), ev(K.a3, 'V1'), ev(K.a3, 'V2'), ev(K.a4, 'V1'));
        expect((await walk((after) => store.events({ actor: 'IRN', limit: 2, after }))).keys).toEqual(irn);
        expect((await walk((after) => store.events({ uniqueArticles: true, limit: 3, after }))).keys).toEqual(ALL_EVENTS);
        const first = await store.events({ limit: 3 });
        expect(keys(await store.events({ limit: 2, offset: 1, after: first.next! }))).toEqual(ALL_EVENTS.slice(4, 6));
        expect((await store.events({ limit: 20 })).next).toBeNull();
        await expectStoreError(store.events({ after: 'not-a-cursor' }), 'E_USAGE');
      });

      it('reads every article once, in list order, whatever the page size', async () => {
        const order = [K.a3, K.a2, K.a4, K.a1, K.a5, K.a6];
        for (let size = 1; size <= order.length + 1; size++) {
          expect((await walk((after) => store.listArticles({ limit: size, after }))).keys, `page size ${size}`).toEqual(order);
        }
        expect((await walk((after) => store.listArticles({ since: '2024-03', limit: 1, after }))).keys).toEqual([K.a3, K.a2, K.a4, K.a1]);
        await expectStoreError(store.listArticles({ after: 'bm90IGEgY3Vyc29y' }), 'E_USAGE');
      });

      it('is not shifted by articles stored between two pages', async () => {
        // Before the position: a newer event, and one with the position's date and a smaller
        // key; after it: one with that date and a larger key, and one undated.
        const early = 'a000000000000000';
        const late = 'a000000000000009';
        const put = (key: string, events: Parameters<typeof buildRecord>[0]['events']): Promise<boolean> => store.putArticle({
          key, origin: `fixtures/${key}.txt`, simhash: key,
          record: buildRecord({ key, title: `Article ${key}`, publisher: null, published: null, sentences: ['Iran met Iraq.', 'Iran met Iraq again.', 'They met once more.'], entities: ['iranGov', 'iraqGov'], events }),
        });
        try {
          const first = await store.events({ limit: 4 });
          const articles = await store.listArticles({ limit: 2 });
          expect(keys(first)).toEqual(ALL_EVENTS.slice(0, 4));
          expect(await put(early, [
            { type: 'CONSULT', actor: ['iranGov'], recipient: ['iraqGov'], sentence: 0, trigger: 'met', date: ['2024-04', 'month'] },
            { type: 'CONSULT', actor: ['iranGov'], recipient: ['iraqGov'], sentence: 1, trigger: 'met', date: ['2025-01-01', 'day'] },
            { type: 'CONSULT', actor: ['iranGov'], recipient: ['iraqGov'], sentence: 2, trigger: 'met' },
          ])).toBe(true);
          expect(await put(late, [{ type: 'CONSULT', actor: ['iranGov'], recipient: ['iraqGov'], sentence: 0, trigger: 'met', date: ['2024-04', 'month'] }])).toBe(true);
          // Paging on by offset would read the 4th event again: two new ones sort before it.
          expect(keys(await store.events({ limit: 2, offset: 4 }))).toEqual([ev(early, 'V1'), ALL_EVENTS[3]]);
          const rest = await walk((after) => store.events({ limit: 3, after: after ?? first.next! }));
          expect(rest.keys).toEqual([ev(late, 'V1'), ...ALL_EVENTS.slice(4, 9), ev(early, 'V3'), ev(K.a6, 'V1')]);
          // Both new articles are undated, so they list among the undated by key, after the position.
          const restArticles = await walk((after) => store.listArticles({ limit: 2, after: after ?? articles.next! }));
          expect(restArticles.keys).toEqual([K.a4, K.a1, K.a5, early, K.a6, late]);
        } finally {
          await fresh();
        }
      });
    });

    describe('quotes and actors', () => {
      it('lists quotes by publication date with speaker, article and direct filters', async () => {
        const all = await store.quotes();
        expect(keys(all)).toEqual([ev(K.a3, 'Q1'), ev(K.a2, 'Q1'), ev(K.a1, 'Q1'), ev(K.a5, 'Q1')]);
        expect(all.total).toBe(4);
        const q = all.items[2]!;
        expect(q).toEqual({
          key: ev(K.a1, 'Q1'), articleKey: K.a1, quoteId: 'Q1', text: 'We will protect the border together', direct: true, cue: 'said', channel: null,
          speaker: { entity: 'E4', name: 'Abbas Araghchi', code: 'IRNGOV', country: 'IRN', sector: 'GOV' },
          start: inputs[0]!.record.quotes[0]!.start, end: inputs[0]!.record.quotes[0]!.end,
          article: { title: 'Iran and Iraq sign border security pact', publisher: 'Reuters', published: '2024-03-03T10:00:00Z' },
        });
        expect(all.items[1]!.speaker).toBeNull();
        // Speakers match as actors do: code prefix, country, name.
        expect(keys(await store.quotes({ speaker: 'IRN' }))).toEqual([ev(K.a3, 'Q1'), ev(K.a1, 'Q1')]);
        expect(keys(await store.quotes({ speaker: 'abbas araghchi' }))).toEqual([ev(K.a1, 'Q1')]);
        expect(keys(await store.quotes({ direct: false }))).toEqual([ev(K.a2, 'Q1')]);
        expect(keys(await store.quotes({ article: K.a5 }))).toEqual([ev(K.a5, 'Q1')]);
        expect(keys(await store.quotes({ limit: 1, offset: 1 }))).toEqual([ev(K.a2, 'Q1')]);
      });

      it('groups actors by code, else by name, busiest first', async () => {
        const page = await store.actors();
        expect(page.items.map((a) => [a.id, a.asActor, a.asRecipient])).toEqual([
          ['IRNGOV', 3, 2],
          ['IRQGOV', 1, 3],
          ['USAGOV', 2, 1],
          ['IRN', 0, 2],
          ['name:protesters', 1, 1],
          ['IGOWBK', 1, 0],
          ['IRNCOP', 1, 0],
          ['KEN', 0, 1],
          ['name:kataib hezbollah', 1, 0],
        ]);
        expect(page.total).toBe(9);
        // IRNGOV is named after its participants; Araghchi (also IRNGOV) adds his article a1, already counted.
        expect(page.items[0]).toEqual({ id: 'IRNGOV', name: 'Iranian government', code: 'IRNGOV', country: 'IRN', sector: 'GOV', asActor: 3, asRecipient: 2, articles: 4 });
        expect(page.items[4]).toEqual({ id: 'name:protesters', name: 'protesters', code: null, country: 'IRN', sector: 'CVL', asActor: 1, asRecipient: 1, articles: 1 });
        expect(page.items[3]).toMatchObject({ name: 'Iran', code: 'IRN', articles: 2 });
        expect(page.items[5]).toMatchObject({ id: 'IGOWBK', country: null, sector: null });
      });

      it('matches actors by name or code substring and pages them', async () => {
        expect((await store.actors({ match: 'iran' })).items.map((a) => a.id)).toEqual(['IRNGOV', 'IRN', 'IRNCOP']);
        expect((await store.actors({ match: 'gov' })).items.map((a) => a.id)).toEqual(['IRNGOV', 'IRQGOV', 'USAGOV']);
        expect((await store.actors({ match: 'HEZB' })).items.map((a) => a.id)).toEqual(['name:kataib hezbollah']);
        expect((await store.actors({ match: '%' })).total).toBe(0);
        const page = await store.actors({ limit: 2, offset: 2 });
        expect(page.items.map((a) => a.id)).toEqual(['USAGOV', 'IRN']);
        expect(page.total).toBe(9);
      });
    });

    describe('aggregates', () => {
      it('counts a dyad by month in both directions', async () => {
        const months = await store.dyad('IRN', 'IRQ');
        expect(months).toEqual([
          { month: '2023-11', events: 1, aToB: 0, bToA: 1, meanScore: score('REQUEST'), verbalCooperation: 0, materialCooperation: 0, verbalConflict: 1, materialConflict: 0 },
          {
            month: '2024-03', events: 3, aToB: 3, bToA: 0, meanScore: (2 * score('AGREE') + score('CONSULT')) / 3,
            verbalCooperation: 3, materialCooperation: 0, verbalConflict: 0, materialConflict: 0,
          },
        ]);
        const swapped = await store.dyad('irq', 'irn');
        expect(swapped.map((m) => [m.month, m.aToB, m.bToA])).toEqual([['2023-11', 1, 0], ['2024-03', 0, 3]]);
        expect((await store.dyad('IRN', 'IRQ', { since: '2024-01-01' })).map((m) => m.month)).toEqual(['2024-03']);
        expect((await store.dyad('IRN', 'IRQ', { until: '2023-12' })).map((m) => m.month)).toEqual(['2023-11']);
        // A month-grain event falls in its month.
        expect((await store.dyad('USA', 'IRN')).map((m) => [m.month, m.events, m.materialConflict, m.verbalConflict])).toEqual([['2024-04', 1, 0, 1], ['2024-05', 1, 1, 0]]);
        expect(await store.dyad('KEN', 'IRN')).toEqual([]);
      });

      it('builds the actor network', async () => {
        const net = await store.network();
        expect(net.nodes.map((n) => [n.id, n.events])).toEqual([
          ['IRNGOV', 5], ['IRQGOV', 4], ['USAGOV', 3], ['IRN', 2], ['name:protesters', 2],
          ['IGOWBK', 1], ['IRNCOP', 1], ['KEN', 1], ['name:kataib hezbollah', 1],
        ]);
        expect(net.nodes[0]).toEqual({ id: 'IRNGOV', name: 'Iranian government', code: 'IRNGOV', country: 'IRN', events: 5 });
        expect(net.edges.map((e) => [e.source, e.target, e.count])).toEqual([
          ['IRNGOV', 'IRQGOV', 3],
          ['IGOWBK', 'KEN', 1],
          ['IRNCOP', 'name:protesters', 1],
          ['IRQGOV', 'IRN', 1],
          ['USAGOV', 'IRN', 1],
          ['USAGOV', 'IRNGOV', 1],
          ['name:kataib hezbollah', 'USAGOV', 1],
          ['name:protesters', 'IRNGOV', 1],
        ]);
        expect(net.edges[0]).toEqual({ source: 'IRNGOV', target: 'IRQGOV', count: 3, score: (2 * score('AGREE') + score('CONSULT')) / 3, types: { AGREE: 2, CONSULT: 1 } });
        const top = await store.network({ limit: 3 });
        expect(top.nodes.map((n) => n.id)).toEqual(['IRNGOV', 'IRQGOV', 'USAGOV']);
        expect(top.edges.map((e) => `${e.source}>${e.target}`)).toEqual(['IRNGOV>IRQGOV', 'USAGOV>IRNGOV']);
        const agree = await store.network({ type: 'AGREE' });
        expect(agree.nodes.map((n) => [n.id, n.events])).toEqual([['IRNGOV', 2], ['IRQGOV', 2]]);
        expect(agree.edges).toEqual([{ source: 'IRNGOV', target: 'IRQGOV', count: 2, score: score('AGREE'), types: { AGREE: 2 } }]);
      });

      it('buckets the timeline by month and by day', async () => {
        const months = await store.timeline();
        expect(months.map((b) => [b.period, b.events])).toEqual([['2023-11', 2], ['2024-03', 3], ['2024-04', 3], ['2024-05', 1]]);
        expect(months[2]).toEqual({
          period: '2024-04', events: 3, types: { ACCUSE: 1, PROTEST: 1, ASSAULT: 1 },
          meanScore: (score('ACCUSE') + score('PROTEST') + score('ASSAULT')) / 3,
        });
        const days = await store.timeline({ bucket: 'day' });
        expect(days.map((b) => [b.period, b.events])).toEqual([
          ['2023-11-19', 1], ['2023-11-20', 1], ['2024-03-02', 2], ['2024-03-03', 1], ['2024-04-09', 1], ['2024-04-15', 1],
        ]);
        expect(days[2]!.types).toEqual({ AGREE: 2 });
        expect((await store.timeline({ actor: 'USA' })).map((b) => [b.period, b.events])).toEqual([['2024-04', 1], ['2024-05', 1]]);
      });

      it('counts events by place with coordinates', async () => {
        const places = await store.places();
        expect(places.map((p) => [p.name, p.events])).toEqual([['Baghdad', 2], ['Tehran', 2], ['Washington', 2], ['Erbil', 1]]);
        expect(places[0]).toEqual({ name: 'Baghdad', country: 'IRQ', lat: E.baghdad.geo[0], lon: E.baghdad.geo[1], events: 2, types: { AGREE: 2 } });
        expect(places[2]!.types).toEqual({ ACCUSE: 1, SANCTION: 1 });
        expect((await store.places({ actor: 'USA' })).map((p) => p.name)).toEqual(['Washington']);
        expect(await store.places({ type: 'COOPERATE' })).toEqual([]);
      });
    });

    describe('search', () => {
      it('finds articles by words in title and text, with a marked snippet', async () => {
        const hits = await store.search('border');
        expect(hits.items.map((h) => h.article.key).sort()).toEqual([K.a1, K.a4]);
        expect(hits.total).toBe(2);
        for (const h of hits.items) expect(h.snippet).toMatch(/«border»/i);
        expect(hits.items[0]!.rank).toBeGreaterThanOrEqual(hits.items[1]!.rank);
        expect(hits.items[0]!.article).toMatchObject({ events: expect.any(Number), duplicateOf: null });
        // Every word must match.
        expect((await store.search('drones Russia')).items.map((h) => h.article.key)).toEqual([K.a2]);
        expect((await store.search('drones Kenya')).total).toBe(0);
        // Stemmed: "sanction" finds "sanctions".
        expect((await store.search('sanction')).items.map((h) => h.article.key)).toEqual([K.a2]);
        // Title only.
        expect((await store.search('militias rein')).items.map((h) => h.article.key)).toEqual([K.a5]);
      });

      it('pages search hits', async () => {
        const all = await store.search('government');
        expect(all.total).toBe(5);
        const page = await store.search('government', { limit: 2, offset: 1 });
        expect(page.total).toBe(5);
        expect(page.items.map((h) => h.article.key)).toEqual(all.items.slice(1, 3).map((h) => h.article.key));
      });

      it('treats query syntax in the input as plain words', async () => {
        for (const hostile of ['"AND OR NEAR( *', 'NEAR(', '*', '"', "'; DROP TABLE articles; --", 'title:iran', 'iran*', '-iran', '^border', 'border)', '(', 'AND', 'a OR', '\\', '!@#$%^&*()']) {
          const r = await store.search(hostile);
          expect(r.items.length).toBeLessThanOrEqual(r.total);
        }
        expect((await store.search('')).total).toBe(0);
        expect((await store.search('   ')).items).toEqual([]);
        expect((await store.search('border)')).total).toBe(2);
        expect((await store.search('"drones"')).items.map((h) => h.article.key)).toEqual([K.a2]);
        expect((await store.stats()).articles).toBe(6);
      });
    });

    describe('corpus analysis', () => {
      const first: CorpusAnalysis & { clusters: EventCluster[]; conflicts: CorpusConflict[] } = {
        duplicates: new Map([[K.a4, K.a1]]),
        clusters: [
          cluster('C1', 'AGREE', [ev(K.a1, 'V1'), ev(K.a4, 'V1')], 1, 2),
          cluster('C2', 'PROTEST', [ev(K.a3, 'V1')], 1, 1),
          cluster('C3', 'ACCUSE', [ev(K.a2, 'V1')], 3, 3),
        ],
        conflicts: [
          { cluster: 'C1', kind: 'date', events: [ev(K.a1, 'V1'), ev(K.a4, 'V1')], note: 'dates differ by a day' },
          { cluster: 'C3', kind: 'place', events: [ev(K.a2, 'V1')], note: 'places differ' },
        ],
      };

      beforeAll(fresh);

      it('gives the events the analysis needs', async () => {
        const input = await store.clusterInput();
        expect(input.map((e) => e.key).sort()).toEqual([...ALL_EVENTS].sort());
        const a = input.find((e) => e.key === ev(K.a3, 'V2'))!;
        expect(a).toEqual({
          key: ev(K.a3, 'V2'), articleKey: K.a3, type: 'ASSAULT', mode: null, modality: 'asserted', actors: ['IRNCOP'], recipients: ['name:protesters'],
          date: null, dateGrain: null, place: { name: 'Tehran', lat: E.tehran.geo[0], lon: E.tehran.geo[1] }, publisher: 'BBC', published: '2024-04-15T08:30',
          dead: { min: 3, max: 3 }, injured: null, arrested: { min: 12, max: 12 },
          // Actors' names first, then recipients', with the entity's type (cluster-anchors.ts reads them).
          names: [
            { name: 'Iranian police', type: 'ORG', country: 'IRN', sector: 'COP' },
            { name: 'protesters', type: 'NORP', country: 'IRN', sector: 'CVL' },
          ],
          evidence: 'Iranian police fired on the crowd, killing three people and arresting 12.',
        });
        expect(input.find((e) => e.key === ev(K.a2, 'V2'))).toMatchObject({ date: '2024-05', dateGrain: 'month', actors: ['USAGOV'], recipients: ['IRNGOV'] });
      });

      it('gives the analysis its input a type at a time', async () => {
        const all = await store.clusterInput();
        const types = await store.clusterTypes();
        expect([...types].sort()).toEqual([...new Set(all.map((e) => e.type))].sort());
        const typed = [];
        for (const t of types) {
          const part = await store.clusterInput(t);
          expect(part.length).toBeGreaterThan(0);
          expect(part.every((e) => e.type === t)).toBe(true);
          expect(part.map((e) => e.key)).toEqual(part.map((e) => e.key).sort());
          typed.push(...part);
        }
        // The same events, sides and fields as the whole read, partitioned by type.
        expect(typed.sort((a, b) => (a.key < b.key ? -1 : 1))).toEqual(all);
        expect(await store.clusterInput('RETREAT')).toEqual([]);
      });

      it('writes duplicates, clusters and conflicts, and the queries see them', async () => {
        await store.writeAnalysis(first);
        expect((await store.getArticle(K.a4))!.duplicateOf).toBe(K.a1);
        expect((await store.getArticle(K.a1))!.duplicateOf).toBeNull();
        expect((await store.listArticles()).items.find((a) => a.key === K.a4)!.duplicateOf).toBe(K.a1);
        expect((await store.getEvent(ev(K.a1, 'V1')))!.cluster).toBe('C1');
        expect((await store.getEvent(ev(K.a4, 'V1')))!.article.duplicateOf).toBe(K.a1);
        expect(keys(await store.events({ cluster: 'C1' }))).toEqual([ev(K.a1, 'V1'), ev(K.a4, 'V1')]);
        const unique = await store.events({ uniqueArticles: true });
        expect(keys(unique)).toEqual(ALL_EVENTS.filter((k) => !k.startsWith(K.a4)));
        expect(unique.total).toBe(9);
        expect(keys(await store.events({ uniqueArticles: true, type: 'AGREE' }))).toEqual([ev(K.a1, 'V1')]);
        expect((await store.timeline({ uniqueArticles: true }))[1]).toMatchObject({ period: '2024-03', events: 2 });
        // The analysis put 4 of the 10 events in clusters; the other 6 count as not yet analysed.
        expect(await store.stats()).toMatchObject({ articles: 6, duplicates: 1, clusters: 3, conflicts: 2, unanalysed: 6 });

        const clusters = await store.clusters();
        expect(clusters.items.map((c) => c.id)).toEqual(['C3', 'C1', 'C2']);
        expect(clusters.total).toBe(3);
        expect(clusters.items[1]).toEqual(first.clusters[0]);
        expect((await store.clusters({ type: 'AGREE' })).items.map((c) => c.id)).toEqual(['C1']);
        expect((await store.clusters({ minArticles: 2 })).items.map((c) => c.id)).toEqual(['C3']);
        expect((await store.clusters({ limit: 1, offset: 1 })).items.map((c) => c.id)).toEqual(['C1']);
        const conflicts = await store.corpusConflicts();
        expect(conflicts.items).toEqual(first.conflicts);
        expect(conflicts.total).toBe(2);
        expect((await store.corpusConflicts({ limit: 1, offset: 1 })).items).toEqual([first.conflicts[1]]);
      });

      it('writes clusters handed over in batches, and conflicts read after them', async () => {
        await store.writeAnalysis({ duplicates: new Map(), clusters: [], conflicts: [] });
        let batchesRead = 0;
        async function* batches(): AsyncGenerator<EventCluster[]> {
          for (const ids of [['C1'], [], ['C3', 'C2']]) {
            batchesRead++;
            yield first.clusters.filter((c) => ids.includes(c.id));
          }
        }
        await store.writeAnalysis({
          duplicates: first.duplicates,
          clusters: batches(),
          conflicts: () => {
            expect(batchesRead).toBe(3);
            return first.conflicts;
          },
        });
        expect((await store.clusters()).items.map((c) => c.id)).toEqual(['C3', 'C1', 'C2']);
        expect((await store.clusters()).items[1]).toEqual(first.clusters[0]);
        expect((await store.corpusConflicts()).items).toEqual(first.conflicts);
        expect((await store.getEvent(ev(K.a4, 'V1')))!.cluster).toBe('C1');
        expect(await store.stats()).toMatchObject({ duplicates: 1, clusters: 3, conflicts: 2 });
      });

      it('keeps the previous analysis when writing a new one fails midway', async () => {
        await store.writeAnalysis(first);
        async function* failing(): AsyncGenerator<EventCluster[]> {
          yield [cluster('C9', 'ASSAULT', [ev(K.a3, 'V2')], 1, 1)];
          throw new Error('the analysis broke');
        }
        await expect(store.writeAnalysis({ duplicates: new Map(), clusters: failing(), conflicts: [] })).rejects.toThrow('the analysis broke');
        expect(await store.stats()).toMatchObject({ duplicates: 1, clusters: 3, conflicts: 2 });
        expect((await store.getEvent(ev(K.a3, 'V2')))!.cluster).toBeNull();
        expect((await store.getEvent(ev(K.a1, 'V1')))!.cluster).toBe('C1');
        expect((await store.clusters()).items.map((c) => c.id)).toEqual(['C3', 'C1', 'C2']);
        expect((await store.corpusConflicts()).items).toEqual(first.conflicts);
        // The store is usable afterwards: nothing was left open.
        await store.writeAnalysis(first);
        expect(await store.stats()).toMatchObject({ duplicates: 1, clusters: 3, conflicts: 2 });
      });

      it('rewrites what changed and gives what a write over an empty analysis gives', async () => {
        // Every event ends in one cluster, as analyseCorpus gives them.
        const all = (ids: string[][]): EventCluster[] => ids.map((events, i) => cluster(`K${i}`, 'AGREE', events, 1, events.length));
        const state = async () => ({
          stats: await store.stats(),
          clusters: (await store.clusters({ limit: MAX_LIMIT })).items,
          of: await Promise.all(ALL_EVENTS.map(async (k) => (await store.getEvent(k))!.cluster)),
          dups: await Promise.all([K.a1, K.a4].map(async (k) => (await store.getArticle(k))!.duplicateOf)),
          conflicts: (await store.corpusConflicts()).items,
        });
        const before = all([[ALL_EVENTS[0]!, ALL_EVENTS[1]!], [ALL_EVENTS[2]!], ALL_EVENTS.slice(3, 6), ALL_EVENTS.slice(6)]);
        const after: EventCluster[] = [
          before[0]!, // unchanged
          { ...before[1]!, events: [ALL_EVENTS[2]!, ALL_EVENTS[3]!], mentions: 2 }, // same id, one more member
          cluster('K9', 'AGREE', ALL_EVENTS.slice(4, 6), 1, 2), // the rest of K2 under a new id; K2 is gone
          { ...before[3]!, place: 'Basra' }, // same members, another field
        ];
        const next = { duplicates: new Map([[K.a4, K.a1]]), clusters: after, conflicts: [{ cluster: 'K9', kind: 'count' as const, events: ALL_EVENTS.slice(4, 6), note: 'dead: 1 vs 2' }] };
        await store.writeAnalysis({ duplicates: new Map(), clusters: before, conflicts: [] });
        await store.writeAnalysis(next);
        const diffed = await state();
        expect(diffed.clusters.map((c) => c.id).sort()).toEqual(['K0', 'K1', 'K3', 'K9']);
        expect(diffed.of).toEqual(['K0', 'K0', 'K1', 'K1', 'K9', 'K9', ...ALL_EVENTS.slice(6).map(() => 'K3')]);
        expect(diffed.clusters.find((c) => c.id === 'K3')!.place).toBe('Basra');
        await store.writeAnalysis({ duplicates: new Map(), clusters: [], conflicts: [] });
        expect((await state()).of.every((c) => c === null)).toBe(true);
        await store.writeAnalysis(next);
        expect(await state()).toEqual(diffed);
      });

      it('replaces the previous analysis as a whole', async () => {
        await store.writeAnalysis(first);
        await store.writeAnalysis({ duplicates: new Map(), clusters: [cluster('C9', 'ASSAULT', [ev(K.a3, 'V2')], 1, 1)], conflicts: [] });
        expect((await store.getArticle(K.a4))!.duplicateOf).toBeNull();
        expect((await store.getEvent(ev(K.a1, 'V1')))!.cluster).toBeNull();
        expect((await store.getEvent(ev(K.a3, 'V2')))!.cluster).toBe('C9');
        expect((await store.events({ cluster: 'C1' })).total).toBe(0);
        expect((await store.events({ uniqueArticles: true })).total).toBe(10);
        expect((await store.clusters()).items.map((c) => c.id)).toEqual(['C9']);
        expect((await store.corpusConflicts()).total).toBe(0);
        expect(await store.stats()).toMatchObject({ duplicates: 0, clusters: 1, conflicts: 0, events: 10 });
      });
    });

    describe('a record made by extract()', () => {
      beforeAll(async () => {
        await reset(store);
      });

      it('stores and returns it identical, with its rows derived', async () => {
        const input = realInput();
        const { record } = input;
        expect(record.events.length).toBeGreaterThan(0);
        expect(await store.putArticle(input)).toBe(true);
        const back = await store.getArticle(K.real);
        expect(JSON.stringify(back!.record)).toBe(JSON.stringify(record));
        const events = await store.events({ article: K.real, limit: MAX_LIMIT });
        expect(events.total).toBe(record.events.length);
        for (const e of events.items) {
          const src = record.events.find((x) => x.id === e.eventId)!;
          const [start, end] = record.sentences[src.evidence.sentence]!;
          expect(e.evidence.text).toBe(record.text.slice(start, end));
          expect(e.type).toBe(src.type);
          expect(e.actors.map((a) => a.entity)).toEqual(src.actor.filter((id) => record.entities.some((x) => x.id === id)));
          expect(e.score).toBe(score(src.type));
        }
        expect((await store.quotes({ article: K.real })).total).toBe(record.quotes.length);
        expect(await store.stats()).toMatchObject({ articles: 1, events: record.events.length, quotes: record.quotes.length, entities: record.entities.length });
        expect((await store.search('border agreement')).items.map((h) => h.article.key)).toEqual([K.real]);
      });
    });
  });
}
