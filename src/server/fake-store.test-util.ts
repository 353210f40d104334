/**
 * Test-only: an in-memory Store that records every call and answers with fixed rows,
 * so the server tests can check how parameters reach the store and how store failures
 * reach the client. The real drivers are tested against the same server in
 * sqlite.test.ts.
 */
import type { ArticleRecord } from '../core/record.js';
import type {
  ActorRow, ArticleInput, ArticleSummary, CorpusConflict, EventCluster, EventRow, Page, QuoteRow, Store, StoredArticle,
} from './../store/types.js';

export const SAMPLE_EVENT: EventRow = {
  key: '0123456789abcdef:V1',
  articleKey: '0123456789abcdef',
  eventId: 'V1',
  type: 'ASSAULT',
  mode: null,
  context: [],
  modality: 'asserted',
  actors: [{ entity: 'E1', name: 'Iran', code: 'IRN', country: 'IRN', sector: null }],
  recipients: [{ entity: 'E2', name: 'Azerbaijan', code: 'AZE', country: 'AZE', sector: null }],
  place: { entity: 'E3', name: 'Baku', country: 'AZE', lat: 40.4, lon: 49.9 },
  date: { value: '2024-03-02', grain: 'day', inferred: false },
  source: null,
  dead: { min: 2, max: 2 },
  injured: null,
  arrested: null,
  cameo: '190',
  confidence: 0.8,
  score: -9,
  trigger: 'shelled',
  evidence: { sentence: 0, start: 0, end: 30, text: 'Iran shelled Baku on Saturday.' },
  cluster: null,
  article: { title: 'Shelling', publisher: 'Example News', published: '2024-03-03', duplicateOf: null },
};

export const SAMPLE_QUOTE: QuoteRow = {
  key: '0123456789abcdef:Q1',
  articleKey: '0123456789abcdef',
  quoteId: 'Q1',
  text: 'We will respond',
  direct: true,
  cue: 'said',
  channel: null,
  speaker: { entity: 'E4', name: 'Ilham Aliyev', code: 'AZEGOV', country: 'AZE', sector: 'GOV' },
  start: 40,
  end: 55,
  article: { title: 'Shelling', publisher: 'Example News', published: '2024-03-03' },
};

export const SAMPLE_ACTOR: ActorRow = { id: 'IRN', name: 'Iran', code: 'IRN', country: 'IRN', sector: null, asActor: 3, asRecipient: 1, articles: 2 };

export const SAMPLE_CLUSTER: EventCluster = {
  id: 'c0123456789abcdef', type: 'ASSAULT', actors: ['IRN'], recipients: ['AZE'], firstDate: '2024-03-02', lastDate: '2024-03-02',
  place: 'Baku', mentions: 2, articles: 2, sources: 2, events: ['0123456789abcdef:V1', 'fedcba9876543210:V1'],
};

export const SAMPLE_CONFLICT: CorpusConflict = { cluster: 'c0123456789abcdef', kind: 'count', events: ['0123456789abcdef:V1', 'fedcba9876543210:V1'], note: 'dead: 2 vs 5' };

export interface Call {
  method: string;
  args: unknown[];
}

function page<T>(items: T[], q: { limit?: number; offset?: number } | undefined): Page<T> {
  const limit = q?.limit ?? 50;
  const offset = q?.offset ?? 0;
  return { items: items.slice(offset, offset + limit), total: items.length, limit, offset };
}

export class FakeStore implements Store {
  readonly dialect = 'sqlite' as const;
  readonly location = ':fake:';
  readonly calls: Call[] = [];
  /** When set, every method throws it (E_STORE_BUSY, a bug …). */
  failure: unknown = null;
  readonly articles = new Map<string, StoredArticle>();

  private call(method: string, ...args: unknown[]): void {
    this.calls.push({ method, args });
    if (this.failure !== null) throw this.failure;
  }

  last(method: string): unknown[] {
    const found = [...this.calls].reverse().find((c) => c.method === method);
    if (!found) throw new Error(`FakeStore: ${method} was not called`);
    return found.args;
  }

  async migrate(): Promise<void> {
    this.call('migrate');
  }
  async schemaVersion(): Promise<number> {
    this.call('schemaVersion');
    return 1;
  }
  async existingKeys(keys: readonly string[]): Promise<Set<string>> {
    this.call('existingKeys', keys);
    return new Set(keys.filter((k) => this.articles.has(k)));
  }
  async putArticle(input: ArticleInput): Promise<boolean> {
    this.call('putArticle', input);
    if (this.articles.has(input.key)) return false;
    this.articles.set(input.key, summaryOf(input));
    return true;
  }
  async getArticle(key: string): Promise<StoredArticle | null> {
    this.call('getArticle', key);
    return this.articles.get(key) ?? null;
  }
  async listArticles(query?: object): Promise<Page<ArticleSummary>> {
    this.call('listArticles', query);
    return page([...this.articles.values()].map(({ record: _r, simhash: _s, ...summary }) => summary), query);
  }
  async articleFingerprints(): Promise<[]> {
    this.call('articleFingerprints');
    return [];
  }
  async events(query?: object): Promise<Page<EventRow>> {
    this.call('events', query);
    return page([SAMPLE_EVENT], query);
  }
  async getEvent(key: string): Promise<EventRow | null> {
    this.call('getEvent', key);
    return key === SAMPLE_EVENT.key ? SAMPLE_EVENT : null;
  }
  async quotes(query?: object): Promise<Page<QuoteRow>> {
    this.call('quotes', query);
    return page([SAMPLE_QUOTE], query);
  }
  async actors(query?: object): Promise<Page<ActorRow>> {
    this.call('actors', query);
    return page([SAMPLE_ACTOR], query);
  }
  async dyad(a: string, b: string, query?: object): Promise<never[]> {
    this.call('dyad', a, b, query);
    return [];
  }
  async network(query?: object) {
    this.call('network', query);
    return {
      nodes: [{ id: 'IRN', name: 'Iran', code: 'IRN', country: 'IRN', events: 1 }, { id: 'AZE', name: 'Azerbaijan', code: 'AZE', country: 'AZE', events: 1 }],
      edges: [{ source: 'IRN', target: 'AZE', count: 1, score: -9, types: { ASSAULT: 1 } }],
    };
  }
  async timeline(query?: object) {
    this.call('timeline', query);
    return [{ period: '2024-03', events: 1, types: { ASSAULT: 1 }, meanScore: -9 }];
  }
  async places(query?: object) {
    this.call('places', query);
    return [{ name: 'Baku', country: 'AZE', lat: 40.4, lon: 49.9, events: 1, types: { ASSAULT: 1 } }];
  }
  async search(text: string, query?: object) {
    this.call('search', text, query);
    return page<never>([], query);
  }
  async clusterTypes(): Promise<[]> {
    this.call('clusterTypes');
    return [];
  }
  async clusterInput(type?: string): Promise<[]> {
    this.call('clusterInput', type);
    return [];
  }
  async writeAnalysis(): Promise<void> {
    this.call('writeAnalysis');
  }
  async clusters(query?: object): Promise<Page<EventCluster>> {
    this.call('clusters', query);
    return page([SAMPLE_CLUSTER], query);
  }
  async corpusConflicts(query?: object): Promise<Page<CorpusConflict>> {
    this.call('corpusConflicts', query);
    return page([SAMPLE_CONFLICT], query);
  }
  async stats() {
    this.call('stats');
    return { articles: this.articles.size, duplicates: 0, events: 1, quotes: 1, entities: 3, clusters: 1, conflicts: 1, unanalysed: 0, schemaVersion: 1 };
  }
  async close(): Promise<void> {
    this.call('close');
  }
}

function summaryOf(input: ArticleInput): StoredArticle {
  const r: ArticleRecord = input.record;
  return {
    key: input.key,
    recordId: r.id,
    title: r.title,
    publisher: r.source.publisher,
    uri: r.source.uri,
    origin: input.origin,
    published: r.published?.value ?? null,
    language: r.language,
    duplicateOf: null,
    events: r.events.length,
    quotes: r.quotes.length,
    ingestedAt: new Date(0).toISOString(),
    record: r,
    simhash: input.simhash,
  };
}
