/**
 * Where an export goes. To a file it is written beside the target under a temporary name
 * and renamed over it only once complete, so a failure (a store error, a full disk, an
 * interrupt) never leaves a half-written file under the name the user gave. To standard
 * output it goes line by line through the caller's writer.
 */
import { createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { NewsgraphError } from '../core/errors.js';

export interface Sink {
  /** Write one line; `eol` is added (LF, or CRLF for CSV). */
  line(text: string): Promise<void>;
  /** Finish: for a file, flush and move it into place. */
  commit(): Promise<void>;
  /** Give up: for a file, remove the temporary file. */
  abort(): Promise<void>;
}

/** Lines through a line writer that adds "\n" itself (the CLI's `out`). */
export function lineSink(out: (line: string) => void, eol: '\n' | '\r\n'): Sink {
  // The writer ends each line with LF; a CRLF line keeps its CR before it.
  const suffix = eol === '\r\n' ? '\r' : '';
  return {
    line: (text) => {
      out(text + suffix);
      return Promise.resolve();
    },
    commit: () => Promise.resolve(),
    abort: () => Promise.resolve(),
  };
}

function waitFor(stream: WriteStream, event: 'drain' | 'finish'): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error): void => {
      stream.off(event, onDone);
      reject(e);
    };
    const onDone = (): void => {
      stream.off('error', onError);
      resolve();
    };
    stream.once(event, onDone);
    stream.once('error', onError);
  });
}

function writeError(path: string, e: unknown): NewsgraphError {
  const code = (e as NodeJS.ErrnoException).code ?? 'error';
  return new NewsgraphError('E_NOT_FOUND', `cannot write the export (${code})`, { input: path, cause: e });
}

/** A file written under a temporary name in the same folder, renamed into place on commit. */
export async function fileSink(path: string, eol: '\n' | '\r\n'): Promise<Sink> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  const stream = createWriteStream(temp, { flags: 'wx' });
  try {
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', reject);
    });
  } catch (e) {
    throw writeError(path, e);
  }
  let failure: unknown = null;
  stream.on('error', (e) => {
    failure ??= e;
  });
  return {
    async line(text) {
      if (failure !== null) throw writeError(path, failure);
      // Respect back-pressure so a large export does not pile up in memory.
      if (!stream.write(text + eol)) {
        try {
          await waitFor(stream, 'drain');
        } catch (e) {
          throw writeError(path, e);
        }
      }
    },
    async commit() {
      try {
        stream.end();
        await waitFor(stream, 'finish');
        if (failure !== null) throw failure;
        await rename(temp, path);
      } catch (e) {
        await rm(temp, { force: true });
        throw writeError(path, e);
      }
    },
    async abort() {
      stream.destroy();
      await rm(temp, { force: true });
    },
  };
}
