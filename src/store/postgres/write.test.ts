/**
 * putArticle derives an article's actor-network rows in JavaScript (write.ts) where the
 * migration and the SQLite driver run deriveNetworkSql: both must give the same rows,
 * self-loops, repeated actors and events without a counterpart included. Needs
 * NEWSGRAPH_TEST_PG (a database the test may create a schema in).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureInputs, realInput } from '../../../test/store/fixtures.js';
import { deriveNetworkSql } from '../sql/network.js';
import type { ArticleInput } from '../types.js';
import { openPostgresStore } from './index.js';

const PG_URL = process.env.NEWSGRAPH_TEST_PG;
const schema = `ng_test_write_${randomBytes(6).toString('hex')}`;

/** A fixture article with events whose sides repeat a group and pair a group with itself. */
function trickyInput(): ArticleInput {
  const base = fixtureInputs()[0]!;
  const record = structuredClone(base.record);
  const [first, second] = record.entities;
  const template = record.events[0]!;
  if (!first || !second) throw new Error('fixture a1 needs two entities');
  record.events.push(
    { ...template, id: 'v90', actor: [first.id, second.id, first.id], recipient: [first.id, second.id] },
    { ...template, id: 'v91', actor: [first.id], recipient: [first.id] },
    { ...template, id: 'v92', actor: [first.id], recipient: [] },
  );
  return { ...base, key: 'c000000000000001', record };
}

describe.skipIf(!PG_URL)('PostgreSQL putArticle network rows', () => {
  afterAll(async () => {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await c.end();
  });

  it('match what deriveNetworkSql derives from the stored participants', async () => {
    const url = new URL(PG_URL!);
    url.searchParams.set('schema', schema);
    const store = await openPostgresStore(url.href);
    await store.migrate();
    await store.close();
    for (const input of [...fixtureInputs(), trickyInput(), realInput()]) {
      const s = await openPostgresStore(url.href);
      try {
        expect(await s.putArticle(input)).toBe(true);
        expect(await s.putArticle(input)).toBe(false);
      } finally {
        await s.close();
      }
    }
    const c = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${schema}` });
    await c.connect();
    try {
      const read = async (): Promise<unknown[]> => [
        (await c.query('SELECT event_key, source, target, type, score FROM event_pairs ORDER BY 1, 2, 3')).rows,
        (await c.query('SELECT event_key, actor_id, on_edge FROM event_sides ORDER BY 1, 2')).rows,
      ];
      const written = await read();
      expect((written[0] as unknown[]).length).toBeGreaterThan(3);
      await c.query('DELETE FROM event_pairs');
      await c.query('DELETE FROM event_sides');
      for (const text of deriveNetworkSql(null)) await c.query(text);
      expect(await read()).toEqual(written);
    } finally {
      await c.end();
    }
  }, 60_000);
});
