// `newsgraph analyse` over a store built without the analysis.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalyse } from '../src/cli/analyse.js';
import { openStore } from '../src/store/open.js';
import { fixtureInputs, K } from './store/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'ng-analyse-'));
const db = join(dir, 'store.db');

async function run(args: string[]): Promise<{ code: number; out: string[] }> {
  const out: string[] = [];
  const code = await runAnalyse([...args, '--db', db], (l) => out.push(l), () => {});
  return { code, out };
}

async function stats() {
  const store = await openStore(db);
  try {
    return { ...(await store.stats()), a4: (await store.getArticle(K.a4))!.duplicateOf };
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  const store = await openStore(db);
  try {
    for (const input of fixtureInputs()) await store.putArticle(input);
  } finally {
    await store.close();
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('newsgraph analyse', () => {
  it('analyses a store that was built with --no-analyse, and again to the same result', async () => {
    expect(await stats()).toMatchObject({ clusters: 0, duplicates: 0 });
    const first = await run([]);
    expect(first.code).toBe(0);
    expect(first.out).toHaveLength(1);
    const after = await stats();
    expect(first.out[0]).toMatch(new RegExp(`^analysis: 6 articles, ${after.duplicates} duplicates, ${after.clusters} event clusters \\(\\d+ across articles\\), ${after.conflicts} conflicts, `));
    // The fixtures' short texts are near-duplicates of each other at the default distance.
    expect(after.duplicates).toBeGreaterThan(0);
    expect(after.a4).not.toBeNull();
    expect(after.clusters).toBeGreaterThan(0);

    const again = await run(['--json']);
    const summary = JSON.parse(again.out.join('\n')) as Record<string, unknown>;
    expect(summary).toMatchObject({ store: db, articles: 6, duplicates: after.duplicates, clusters: after.clusters, conflicts: after.conflicts });
    expect(await stats()).toEqual(after);
  });

  it('takes the near-duplicate distance, and replaces the previous analysis', async () => {
    const { out } = await run(['--max-distance', '0', '--json']);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ duplicates: 0 });
    expect(await stats()).toMatchObject({ duplicates: 0, a4: null });
  });

  it('rejects bad options and a missing store, creating nothing', async () => {
    await expect(run(['--max-distance', '64'])).rejects.toMatchObject({ code: 'E_USAGE', message: expect.stringContaining('--max-distance') });
    await expect(run(['stray'])).rejects.toMatchObject({ code: 'E_USAGE' });
    const missing = join(dir, 'missing.db');
    await expect(runAnalyse(['--db', missing], () => {}, () => {})).rejects.toMatchObject({ code: 'E_NOT_FOUND', input: missing });
    expect(existsSync(missing)).toBe(false);
    const help: string[] = [];
    expect(await runAnalyse(['--help'], (l) => help.push(l), () => {})).toBe(0);
    expect(help[0]).toMatch(/^Usage: newsgraph analyse/);
  });
});
