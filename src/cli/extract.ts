/**
 * `newsgraph extract <input...>`: one record per input, in input order. A failed
 * input prints {"error": …} in its place (and a one-line message on stderr), the
 * others go on, and the exit code is 1 at the end.
 */
import { parseArgs } from 'node:util';
import { NewsgraphError, isNewsgraphError, toNewsgraphError } from '../core/errors.js';
import { extract } from '../extract.js';
import { expandInputs } from '../ingest/inputs.js';
import type { InputItem, InputOptions } from '../ingest/inputs.js';
import type { InputKind } from '../ingest/types.js';
import { errorLine, formatError } from './errors.js';

export const EXTRACT_HELP = `Usage: newsgraph extract [options] <input...>

Inputs: files, directories (read recursively, dot-files skipped), quoted globs
("data/**/*.html"), http(s) URLs, - for standard input. RSS/Atom/RDF feeds (file
or URL) give one record per item; WARC files (.warc, .warc.gz) one per archived
HTML or text page; JSON lines files (.jsonl, .jsonl.gz) one per line.

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
  const options: InputOptions = {
    kind: values.format as InputKind | undefined,
    charset: values.charset ?? null,
    allowPrivate: values['allow-private'],
    jsonlIn,
  };
  // A directory, glob, feed or archive can stand for many inputs: look one item
  // ahead to know whether the output is one record (--pretty allowed) or lines.
  const items = expandInputs(positionals, options)[Symbol.asyncIterator]();
  let next = await items.next();
  let failed = false;
  let first = true;
  while (!next.done) {
    const item: InputItem = next.value;
    let line = '';
    let record: unknown = null;
    try {
      if (isNewsgraphError(item)) throw item;
      record = extract(await item.load());
    } catch (e) {
      const error = toNewsgraphError(e, isNewsgraphError(item) ? undefined : item.name);
      failed = true;
      err(formatError(error, values.debug));
      line = errorLine(error);
    }
    next = await items.next();
    if (record !== null) {
      const many = values.jsonl || jsonlIn !== undefined || positionals.length > 1 || !first || !next.done;
      line = values.pretty && !many ? JSON.stringify(record, null, 2) : JSON.stringify(record);
    }
    first = false;
    out(line);
  }
  return failed ? 1 : 0;
}
