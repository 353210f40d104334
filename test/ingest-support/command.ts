/**
 * How tests and the bench start `newsgraph ingest` / `newsgraph worker` as a process:
 * the built bin when it has the command, else the TypeScript entry under tsx.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const SCRIPT = fileURLToPath(new URL('./cli.ts', import.meta.url));

export interface Command {
  /** Arguments for `node` before the subcommand's own. */
  node: string[];
  /** What runs: "dist/cli/main.js" or "tsx test/ingest-support/cli.ts". */
  label: string;
}

const cache = new Map<string, Command>();

export function commandFor(subcommand: 'ingest' | 'worker'): Command {
  const known = cache.get(subcommand);
  if (known) return known;
  let command: Command;
  if (existsSync(MAIN) && spawnSync(process.execPath, [MAIN, subcommand, '--help'], { encoding: 'utf8' }).status === 0) {
    command = { node: [MAIN, subcommand], label: 'dist/cli/main.js' };
  } else {
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    command = { node: ['--import', tsx, SCRIPT, subcommand], label: 'tsx test/ingest-support/cli.ts' };
  }
  cache.set(subcommand, command);
  return command;
}
