/**
 * `ingest` and `worker` as a standalone command, for tests and the bench to spawn while
 * dist/cli/main.js does not (yet) have them: node --import tsx test/ingest-support/cli.ts ingest …
 */
import { runIngest } from '../../src/cli/ingest.js';
import { formatError } from '../../src/cli/errors.js';
import { runWorker } from '../../src/cli/worker.js';
import { toNewsgraphError } from '../../src/core/errors.js';

const out = (line: string): void => void process.stdout.write(line + '\n');
const err = (line: string): void => void process.stderr.write(line + '\n');
const [command, ...args] = process.argv.slice(2);
try {
  if (command === 'ingest') process.exitCode = await runIngest(args, out, err);
  else if (command === 'worker') process.exitCode = await runWorker(args, out, err);
  else throw new Error(`usage: cli.ts ingest|worker …, not ${command ?? '(nothing)'}`);
} catch (e) {
  const error = toNewsgraphError(e);
  err(formatError(error, false));
  process.exitCode = error.code === 'E_USAGE' ? 2 : 1;
}
