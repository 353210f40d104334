#!/usr/bin/env node
/** The `newsgraph` command: dispatch to one file per subcommand. */
import { NewsgraphError, toNewsgraphError } from '../core/errors.js';
import { VERSION } from '../core/version.js';
import { formatError } from './errors.js';
import { runExtract } from './extract.js';
import { runSchema } from './schema.js';
import { runTag } from './tag.js';

const HELP = `newsgraph ${VERSION} — news articles to structured event data

Usage: newsgraph <command> [options]

Commands:
  extract <input...>   extract article records (JSON) from files, URLs or - (stdin)
  schema               print the JSON Schema of the article record
  tag --ner|--conllu F run the NER or tagger+parser on CoNLL / CoNLL-U data with its own tokens

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
