/**
 * `newsgraph extract <input...>`: one record per input, in input order. A failed
 * input prints {"error": …} in its place (and a one-line message on stderr), the
 * others go on, and the exit code is 1 at the end.
 */
import { parseArgs } from 'node:util';
import { NewsgraphError, isNewsgraphError, toNewsgraphError } from '../core/errors.js';
import { extract } from '../extract.js';
import { readJsonl } from '../ingest/jsonl.js';
import { readSource } from '../ingest/source.js';
import type { SourceOptions } from '../ingest/source.js';
import type { InputKind, RawInput } from '../ingest/types.js';
import { errorLine, formatError } from './errors.js';

export const EXTRACT_HELP = `Usage: newsgraph extract [options] <input...>

Inputs: file paths, http(s) URLs, or - for standard input.

Options:
  --pretty             indent the JSON (single input only)
  --jsonl              one record per line (default when there are several inputs)
  --jsonl-in FILE      read inputs from JSON lines {"id", "text"|"raw"|"html", "published"?, "title"?, "url"?}
  --format KIND        force the reader: html | raw (scraped text) | text (clean body)
  --charset NAME       decode input bytes with this charset (e.g. windows-1252)
  --allow-private      allow URLs that resolve to loopback or private addresses
  --debug              print stack traces with errors
`;

const KINDS: readonly InputKind[] = ['html', 'raw', 'text'];

async function* inputs(specs: readonly string[], jsonlIn: string | undefined, options: SourceOptions): AsyncGenerator<{ name: string; load: () => Promise<RawInput> } | NewsgraphError> {
  for (const spec of specs) yield { name: spec, load: () => readSource(spec, options) };
  if (jsonlIn !== undefined) {
    for await (const item of readJsonl(jsonlIn)) {
      if (isNewsgraphError(item)) yield item;
      else yield { name: item.name, load: () => Promise.resolve(item) };
    }
  }
}

export async function runExtract(argv: readonly string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      pretty: { type: 'boolean', default: false },
      jsonl: { type: 'boolean', default: false },
      'jsonl-in': { type: 'string' },
      format: { type: 'string' },
      charset: { type: 'string' },
      'allow-private': { type: 'boolean', default: false },
      debug: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    out(EXTRACT_HELP.trimEnd());
    return 0;
  }
  const jsonlIn = values['jsonl-in'];
  if (positionals.length === 0 && jsonlIn === undefined) {
    throw new NewsgraphError('E_USAGE', 'extract needs at least one input (a file, a URL, - for stdin) or --jsonl-in FILE');
  }
  if (values.format !== undefined && !KINDS.includes(values.format as InputKind)) {
    throw new NewsgraphError('E_USAGE', `--format must be one of ${KINDS.join(', ')}`);
  }
  const options: SourceOptions = {
    kind: values.format as InputKind | undefined,
    charset: values.charset ?? null,
    allowPrivate: values['allow-private'],
  };
  const many = values.jsonl || jsonlIn !== undefined || positionals.length > 1;
  let failed = false;
  for await (const item of inputs(positionals, jsonlIn, options)) {
    let line: string;
    try {
      if (isNewsgraphError(item)) throw item;
      const record = extract(await item.load());
      line = values.pretty && !many ? JSON.stringify(record, null, 2) : JSON.stringify(record);
    } catch (e) {
      const error = toNewsgraphError(e, isNewsgraphError(item) ? undefined : item.name);
      failed = true;
      err(formatError(error, values.debug));
      line = errorLine(error);
    }
    out(line);
  }
  return failed ? 1 : 0;
}
