/**
 * The hand-judged events of bench/data/event-validity*.jsonl, found again by running the
 * pipeline on their articles (../shared/data/news-text and the article-extraction benchmark's
 * pages, read, never copied), with each one's feature vector (src/events/confidence.ts) taken
 * before the confidence model rescores it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Doc } from '../src/core/doc.js';
import { Pipeline } from '../src/core/pipeline.js';
import type { EventRecord } from '../src/core/record.js';
import type { Stage } from '../src/core/stage.js';
import { eventFeatures } from '../src/events/confidence.js';
import { eventWords } from '../src/events/confidence-words.js';
import { codeDoc } from '../src/events/coder.js';
import { lexicon } from '../src/events/lexicon.js';
import { eventStage } from '../src/events/stage.js';
import { buildDoc, DEFAULT_STAGES } from '../src/extract.js';
import { parseJsonlLine } from '../src/ingest/jsonl.js';
import type { RawInput } from '../src/ingest/types.js';
import { benchmarkPages } from './common/benchmark-pages.js';
import { newsArticleLines } from './common/news-articles.js';

export const VALIDITY_FILE = fileURLToPath(new URL('../bench/data/event-validity.jsonl', import.meta.url));
/** A second round, drawn from later output on other articles, judged by the same guide. */
export const VALIDITY_ROUND2_FILE = fileURLToPath(new URL('../bench/data/event-validity-2.jsonl', import.meta.url));
/** A third round, mostly Reuters (few BBC articles with events were left unjudged). */
export const VALIDITY_ROUND3_FILE = fileURLToPath(new URL('../bench/data/event-validity-3.jsonl', import.meta.url));
/** A fourth round, all Reuters (no BBC article was left unjudged). */
export const VALIDITY_ROUND4_FILE = fileURLToPath(new URL('../bench/data/event-validity-4.jsonl', import.meta.url));
/** The judged events the model trains on. */
export const VALIDITY_TRAIN_FILES: readonly string[] = [VALIDITY_FILE, VALIDITY_ROUND2_FILE, VALIDITY_ROUND3_FILE, VALIDITY_ROUND4_FILE];
/** The held test set: judged after the confidence model was trained, never trained on. */
export const VALIDITY_TEST_FILE = fileURLToPath(new URL('../bench/data/event-validity-test.jsonl', import.meta.url));

/**
 * Events judged on the article-extraction benchmark's web pages of November 2019 (round five):
 * training/common/benchmark-pages.ts's splitOf halves them into development, which the confidence
 * model trains on, and held, which it never does.
 */
export const VALIDITY_WEB_FILE = fileURLToPath(new URL('../bench/data/event-validity-web.jsonl', import.meta.url));

export interface ValidityLabel {
  /** bbc and reuters: ../shared/data/news-text; web: the article-extraction benchmark's pages. */
  set: 'bbc' | 'reuters' | 'web';
  doc: string;
  start: number;
  trigger: string;
  type: string;
  event: 0 | 1;
  actor: 0 | 1 | null;
}

export interface Example {
  /** The article, for grouping folds by article. */
  doc: string;
  x: Float64Array;
  /** Its word features (confidence-words.ts). */
  words: string[];
  /** 1: a real event with the right actor. */
  y: number;
  /** The coder's own score. */
  coderScore: number;
}

export function readValidityLabels(file = VALIDITY_FILE): ValidityLabel[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as ValidityLabel | { note: string })
    .filter((r): r is ValidityLabel => !('note' in r));
}

interface Found {
  events: EventRecord[];
  features: (ev: EventRecord) => Float64Array;
  words: (ev: EventRecord) => string[];
}

/** The article a label is of, as newsArticleLines keys it ("reuters:1234"). */
export function labelArticle(l: ValidityLabel): string {
  return `${l.set}:${l.doc}`;
}

/**
 * The pipeline input of each wanted article (keyed as labelArticle keys them), made when asked:
 * news-text articles as JSONL lines, benchmark pages as the CLI reads a fetched page.
 */
export function labelledInputs(wanted: ReadonlySet<string>): Map<string, () => RawInput> {
  const inputs = new Map<string, () => RawInput>([...newsArticleLines(wanted)].map(([key, line]) => [key, () => parseJsonlLine(line, key)]));
  if ([...wanted].some((key) => key.startsWith('web:'))) {
    for (const page of benchmarkPages()) if (wanted.has(`web:${page.id}`)) inputs.set(`web:${page.id}`, () => page.input());
  }
  return inputs;
}

/** The labels grouped by their article, in first-seen order. */
export function labelsByArticle(labels: readonly ValidityLabel[]): Map<string, ValidityLabel[]> {
  const byDoc = new Map<string, ValidityLabel[]>();
  for (const l of labels) {
    const key = labelArticle(l);
    const rows = byDoc.get(key);
    if (rows) rows.push(l);
    else byDoc.set(key, [l]);
  }
  return byDoc;
}

/** Runs the pipeline on every labelled article; returns the examples and the labels not found again. */
export function codeLabelled(labels: readonly ValidityLabel[]): { examples: Example[]; lost: ValidityLabel[] } {
  const byDoc = labelsByArticle(labels);
  const seen: { last: Found | null } = { last: null };
  const unscored: Stage = {
    ...eventStage,
    run(doc: Doc): void {
      const coded = codeDoc(doc, lexicon(), undefined, null);
      doc.events = coded.events;
      doc.conflicts = coded.conflicts;
      const byId = new Map(doc.entities.map((e) => [e.id, e]));
      seen.last = { events: coded.events, features: (ev) => eventFeatures(ev, byId, coded.page), words: (ev) => eventWords(ev, doc) };
    },
  };
  const pipeline = Pipeline.build(DEFAULT_STAGES.map((s) => (s.name === eventStage.name ? unscored : s)));
  const inputs = labelledInputs(new Set(byDoc.keys()));
  const examples: Example[] = [];
  const lost: ValidityLabel[] = [];
  for (const [key, rows] of byDoc) {
    const input = inputs.get(key);
    if (input === undefined) {
      lost.push(...rows);
      continue;
    }
    seen.last = null;
    pipeline.run(buildDoc(input()));
    // The stage above set it during run(); TypeScript cannot see that through the call.
    const coded = seen.last as Found | null;
    for (const r of rows) {
      const ev = coded?.events.find((e) => e.trigger.start === r.start && e.type === r.type);
      if (!coded || !ev) {
        lost.push(r);
        continue;
      }
      examples.push({ doc: key, x: coded.features(ev), words: coded.words(ev), y: r.event === 1 && r.actor === 1 ? 1 : 0, coderScore: ev.confidence });
    }
  }
  return { examples, lost };
}
