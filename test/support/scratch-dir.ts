// Scratch directories for tests, removed when their test or test file ends. Each `npm test`
// used to leave about ten directories in the system temp folder, the CLI suite's ~50 MB of
// stores among them, so a machine running CI often filled its disk with them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, onTestFinished } from 'vitest';

function make(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

function remove(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** A new temp directory, removed after the file's last test. Call it at a file's top level. */
export function fileScratchDir(prefix: string): string {
  const dir = make(prefix);
  afterAll(() => remove(dir));
  return dir;
}

/** A new temp directory, removed when the running test finishes. Call it inside a test. */
export function testScratchDir(prefix: string): string {
  const dir = make(prefix);
  onTestFinished(() => remove(dir));
  return dir;
}
