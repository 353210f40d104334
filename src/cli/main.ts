#!/usr/bin/env node
/** The `newsgraph` command: dispatch to one file per subcommand. */
import { NewsgraphError, toNewsgraphError } from '../core/errors.js';
import { VERSION } from '../core/version.js';
import { formatError } from './errors.js';
import { runActors } from './actors.js';
import { runArticle } from './article.js';
import { runClusters } from './clusters.js';
import { runDyad } from './dyad.js';
import { runEvents } from './events.js';
import { runExport } from './export.js';
import { runExtract } from './extract.js';
import { runIngest } from './ingest.js';
import { runQuotes } from './quotes.js';
import { runSchema } from './schema.js';
import { runSearch } from './search.js';
import { runServe } from './serve.js';
import { runTag } from './tag.js';
import { runWorker } from './worker.js';

const HELP = `newsgraph ${VERSION} — news articles to structured event data

Usage: newsgraph <command> [options]

Commands:
  extract <input...>   extract article records (JSON) from files, URLs or - (stdin)
  schema               print the JSON Schema of the article record
  tag --ner|--conllu F run the NER or tagger+parser on CoNLL / CoNLL-U data with its own tokens

Building a store (--db PATH|URL, default ./newsgraph.db; postgres://… for PostgreSQL):
  ingest <input...>    extract and store files, directories, globs, feeds, WARC, JSONL, URLs (--workers, --enqueue)
  worker --db URL      process inputs queued in PostgreSQL by ingest --enqueue

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

const COMMANDS: Record<string, Runner> = {
  extract: (args) => runExtract(args, out, err),
  schema: () => runSchema(out),
  tag: (args) => runTag(args, (text) => process.stdout.write(text)),
  ingest: (args) => runIngest(args, out, err),
  worker: (args) => runWorker(args, out, err),
  events: (args) => runEvents(args, out, err),
  actors: (args) => runActors(args, out, err),
  quotes: (args) => runQuotes(args, out, err),
  dyad: (args) => runDyad(args, out, err),
  search: (args) => runSearch(args, out, err),
  article: (args) => runArticle(args, out, err),
  clusters: (args) => runClusters(args, out, err),
  export: (args) => runExport(args, out, err),
  serve: (args) => runServe(args, out, err),
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
