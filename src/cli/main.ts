#!/usr/bin/env node
/** The `newsgraph` command: dispatch to one file per subcommand. */
import { NewsgraphError, toNewsgraphError } from '../core/errors.js';
import { VERSION } from '../core/version.js';
import { formatError } from './errors.js';

const HELP = `newsgraph ${VERSION} — news articles to structured event data

Usage: newsgraph <command> [options]

Commands:
  extract <input...>   extract article records (JSON) from files, URLs or - (stdin)
  schema               print the JSON Schema of the article record
  tag --ner|--conllu F run the NER or tagger+parser on CoNLL / CoNLL-U data with its own tokens
  tag --text F         the whole NLP stack on plain text, as CoNLL-U (tokens, tags, trees, names)

Building a store (--db PATH|URL, default ./newsgraph.db; postgres://… for PostgreSQL):
  ingest <input...>    extract and store files, directories, globs, feeds, WARC, JSONL, URLs (--workers, --enqueue)
  worker --db URL      process inputs queued in PostgreSQL by ingest --enqueue
  analyse              near-duplicates, event clusters and conflicts over the whole store (ingest runs it unless --no-analyse)

Querying a store:
  events               list coded events (filters, table/json/csv)
  actors               actors with event counts
  quotes               quotations with speakers
  dyad A B             events between two actors by month, with the score trend
  search TEXT          full-text search over the stored articles
  article KEY          one stored article with its events and quotes
  clusters             cross-article event clusters
  export --format F    records, plover, gdelt, acled or csv
  serve                serve the HTTP API and the web UI over a store (--db, --port, --host)

Run "newsgraph <command> --help" for a command's options.`;

type Runner = (args: string[]) => Promise<number> | number;

const out = (line: string): void => {
  process.stdout.write(line + '\n');
};
const err = (line: string): void => {
  process.stderr.write(line + '\n');
};

// Each command's module is imported when it runs: loading all of them (the store's drivers,
// the server, the HTML reader's dependencies) cost every command about 0.15 s of start-up.
const COMMANDS: Record<string, Runner> = {
  extract: async (args) => (await import('./extract.js')).runExtract(args, out, err),
  schema: async () => (await import('./schema.js')).runSchema(out),
  tag: async (args) => (await import('./tag.js')).runTag(args, (text) => process.stdout.write(text)),
  ingest: async (args) => (await import('./ingest.js')).runIngest(args, out, err),
  worker: async (args) => (await import('./worker.js')).runWorker(args, out, err),
  analyse: async (args) => (await import('./analyse.js')).runAnalyse(args, out, err),
  events: async (args) => (await import('./events.js')).runEvents(args, out, err),
  actors: async (args) => (await import('./actors.js')).runActors(args, out, err),
  quotes: async (args) => (await import('./quotes.js')).runQuotes(args, out, err),
  dyad: async (args) => (await import('./dyad.js')).runDyad(args, out, err),
  search: async (args) => (await import('./search.js')).runSearch(args, out, err),
  article: async (args) => (await import('./article.js')).runArticle(args, out, err),
  clusters: async (args) => (await import('./clusters.js')).runClusters(args, out, err),
  export: async (args) => (await import('./export.js')).runExport(args, out, err),
  serve: async (args) => (await import('./serve.js')).runServe(args, out, err),
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    out(HELP);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    out(VERSION);
    return 0;
  }
  const run = COMMANDS[command];
  if (!run) throw new NewsgraphError('E_USAGE', `unknown command "${command}" (see newsgraph --help)`);
  return run(rest);
}

// `newsgraph events | head`: once the reader has gone, the rest of the output is not
// wanted. Node ignores SIGPIPE, so the next write fails with EPIPE; end quietly then,
// rather than with an unhandled error and a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(0);
});

const debug = process.argv.includes('--debug');
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // parseArgs reports unknown options as TypeErrors with a code; they are usage errors.
    const code = (e as { code?: string }).code;
    const error = code?.startsWith('ERR_PARSE_ARGS') ? new NewsgraphError('E_USAGE', (e as Error).message) : toNewsgraphError(e);
    err(formatError(error, debug));
    process.exitCode = error.code === 'E_USAGE' ? 2 : 1;
  },
);
