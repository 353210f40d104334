/** How the CLI reports failures: one line, the input, the reason, the code; a stack only with --debug. */
import type { NewsgraphError } from '../core/errors.js';

export function formatError(e: NewsgraphError, debug: boolean): string {
  const where = e.input === null ? '' : `${e.input}: `;
  const line = `newsgraph: ${where}${e.message} [${e.code}]`;
  if (!debug) return line;
  const cause = e.cause instanceof Error ? `\ncaused by: ${e.cause.stack ?? e.cause.message}` : '';
  return `${line}\n${e.stack ?? ''}${cause}`;
}

export function errorLine(e: NewsgraphError): string {
  return JSON.stringify({ error: e.toJSON() });
}
