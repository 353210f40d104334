/**
 * A real server over a temporary SQLite store for the browser tests: the test corpus
 * extracted by the real pipeline, stored, analysed (clusters, duplicates), and served
 * with the built UI. Also runnable by hand to look at the UI:
 *   npx tsx test/browser/server.ts [port]      (after building web/dist)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyseCorpus } from '../../src/corpus/analyse.js';
import { articleKey } from '../../src/corpus/key.js';
import { simhash } from '../../src/corpus/simhash.js';
import { extract } from '../../src/extract.js';
import type { RawInput } from '../../src/ingest/types.js';
import { startServer } from '../../src/server/server.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/types.js';
import { ARTICLES } from './corpus.js';
import type { TestArticle } from './corpus.js';

export interface UiServer {
  url: string;
  store: Store;
  /** Article key by the test article's name. */
  keys: Map<string, string>;
  close(): Promise<void>;
}

export async function fillStore(store: Store, articles: readonly TestArticle[]): Promise<Map<string, string>> {
  const keys = new Map<string, string>();
  for (const a of articles) {
    const raw: RawInput = { name: a.name, uri: a.uri, kind: 'raw', content: a.content };
    const record = extract(raw);
    const key = articleKey(raw);
    await store.putArticle({ key, record, origin: a.name, simhash: simhash(record.text) });
    keys.set(a.name, key);
  }
  await analyseCorpus(store);
  return keys;
}

export async function startUiServer(webRoot: string, articles: readonly TestArticle[] = ARTICLES, port = 0): Promise<UiServer> {
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-ui-'));
  const store = await openStore(join(dir, 'store.db'));
  try {
    const keys = await fillStore(store, articles);
    const server = await startServer({ store, port, host: '127.0.0.1', webRoot, log: (line) => process.stderr.write(`[server] ${line}\n`) });
    return {
      url: server.url,
      store,
      keys,
      async close() {
        await server.close(1000);
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const webRoot = fileURLToPath(new URL('../../web/dist', import.meta.url));
  const ui = await startUiServer(webRoot, ARTICLES, Number(process.argv[2] ?? 0));
  process.stdout.write(`UI at ${ui.url} (Ctrl-C to stop)\n`);
  const stop = () => void ui.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
