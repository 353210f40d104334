/**
 * Path specs → the files they stand for: a file as itself, a directory as its
 * files (recursively, sorted), a glob ("data/**\/*.html", "*.txt", "?", "[abc]")
 * as the files it matches, sorted. Our own matcher over a directory walk: Node 20
 * has no fs.glob, and the walk rules must be the same for directories and globs:
 *  - dot-files and dot-directories are skipped (a glob segment that itself starts
 *    with "." may match them), as are sockets, FIFOs and devices met in a walk;
 *  - symbolic links are followed, but a directory already visited (by device and
 *    inode) is not entered again, so a link back up the tree cannot loop;
 *  - names sort by UTF-16 code units, not the locale, so the order is the same
 *    on every machine.
 * A 0-byte file is E_EMPTY and an unreadable directory or dangling link
 * E_NOT_FOUND, each naming the path, in the place the file would have had.
 */
import { readdir, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { isAbsolute, join, sep } from 'node:path';
import { NewsgraphError } from '../core/errors.js';

export interface FoundFile {
  path: string;
  /** Size in bytes when the walk saw it (stat, following links). */
  size: number;
  /** False for a FIFO or device named on the command line: it can be read once only, so nothing may peek at it. */
  regular: boolean;
}

export type Found = FoundFile | NewsgraphError;

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function whyNot(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'ELOOP' ? 'too many levels of symbolic links' : `cannot read (${code ?? 'unknown error'})`;
}

/** A regular file as found: E_EMPTY when it has no bytes. */
function fileFound(path: string, st: Stats): Found {
  if (st.size === 0) return new NewsgraphError('E_EMPTY', 'empty input (0 bytes)', { input: path });
  return { path, size: st.size, regular: true };
}

export function hasGlobMagic(spec: string): boolean {
  return /[*?[]/.test(spec);
}

/** One glob path segment → an anchored RegExp over a single file name. */
export function segmentRegExp(segment: string): RegExp {
  let re = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '\\' && i + 1 < segment.length) {
      re += segment[++i]!.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    } else if (c === '*') {
      re += '[^/]*';
    } else if (c === '?') {
      re += '[^/]';
    } else if (c === '[') {
      // "[" opens a class only if a "]" closes it; "]" right after "[" or "[!" is a member.
      let j = i + 1;
      if (segment[j] === '!' || segment[j] === '^') j++;
      if (segment[j] === ']') j++;
      const close = segment.indexOf(']', j);
      if (close === -1) {
        re += '\\[';
        continue;
      }
      let body = segment.slice(i + 1, close);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      re += `[${negate ? '^' : ''}${body.replace(/[\\\]^[]/g, '\\$&')}]`;
      i = close;
    } else {
      re += c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    }
  }
  return new RegExp(`^${re}$`);
}

/** A directory entry with its link resolved, or the error that stands in its place (a dangling link). */
type Entry = { name: string; path: string; st: Stats; error?: undefined } | { name: string; path: string; error: NewsgraphError };

/** A directory's entries, sorted by name. */
async function entries(dir: string): Promise<Entry[] | NewsgraphError> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    return new NewsgraphError('E_NOT_FOUND', `cannot read directory: ${whyNot(e)}`, { input: dir, cause: e });
  }
  const out: Entry[] = [];
  for (const name of names.sort(byCodeUnit)) {
    const path = join(dir, name);
    try {
      out.push({ name, path, st: await stat(path) });
    } catch (e) {
      const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'dangling symbolic link' : whyNot(e);
      out.push({ name, path, error: new NewsgraphError('E_NOT_FOUND', why, { input: path, cause: e }) });
    }
  }
  return out;
}

const dirKey = (st: Stats): string => `${st.dev}:${st.ino}`;

/** Every visible file under `dir`, depth first in sorted order. */
export async function* walkDirectory(dir: string, seen: Set<string> = new Set()): AsyncGenerator<Found> {
  try {
    const st = await stat(dir);
    if (seen.has(dirKey(st))) return;
    seen.add(dirKey(st));
  } catch (e) {
    yield new NewsgraphError('E_NOT_FOUND', whyNot(e), { input: dir, cause: e });
    return;
  }
  const list = await entries(dir);
  if (list instanceof NewsgraphError) {
    yield list;
    return;
  }
  for (const entry of list) {
    if (entry.name.startsWith('.')) continue;
    if (entry.error) yield entry.error;
    else if (entry.st.isDirectory()) yield* walkDirectory(entry.path, seen);
    else if (entry.st.isFile()) yield fileFound(entry.path, entry.st);
  }
}

/** Split "data/2024/**\/*.html" into the literal directory to start from and the segments to match. */
function splitGlob(pattern: string): { base: string; segments: string[] } {
  const parts = pattern.split(sep === '\\' ? /[\\/]/ : '/');
  const absolute = isAbsolute(pattern);
  const literal: string[] = [];
  let i = absolute ? 1 : 0;
  for (; i < parts.length - 1 && !hasGlobMagic(parts[i]!); i++) literal.push(parts[i]!);
  const base = absolute ? join(sep, ...literal) : literal.length > 0 ? join(...literal) : '.';
  const segments = parts.slice(i).filter((s) => s !== '');
  // A trailing "**" means every file below: the same as "**/*".
  if (segments.at(-1) === '**') segments.push('*');
  return { base, segments };
}

async function globFrom(dir: string, segments: readonly string[], at: number, seen: Set<string>, out: Map<string, Found>): Promise<void> {
  const segment = segments[at];
  if (segment === undefined) return;
  const last = at === segments.length - 1;
  if (segment === '**') {
    // "**" matches zero or more directories: try the rest here, then in every subdirectory.
    await globFrom(dir, segments, at + 1, seen, out);
    const list = await entries(dir);
    if (list instanceof NewsgraphError) return;
    for (const e of list) {
      if (e.error || e.name.startsWith('.') || !e.st.isDirectory() || seen.has(dirKey(e.st))) continue;
      await globFrom(e.path, segments, at, new Set([...seen, dirKey(e.st)]), out);
    }
    return;
  }
  if (!hasGlobMagic(segment)) {
    const path = join(dir, segment);
    let st: Stats;
    try {
      st = await stat(path);
    } catch {
      return; // a literal segment that does not exist matches nothing
    }
    if (last && st.isFile()) out.set(path, fileFound(path, st));
    else if (!last && st.isDirectory() && !seen.has(dirKey(st))) await globFrom(path, segments, at + 1, new Set([...seen, dirKey(st)]), out);
    return;
  }
  const re = segmentRegExp(segment);
  const list = await entries(dir);
  if (list instanceof NewsgraphError) {
    out.set(`\0${list.input}`, list);
    return;
  }
  for (const e of list) {
    if (!re.test(e.name) || (e.name.startsWith('.') && !segment.startsWith('.'))) continue;
    if (e.error) {
      if (last) out.set(`\0${e.path}`, e.error);
    } else if (last && e.st.isFile()) out.set(e.path, fileFound(e.path, e.st));
    else if (!last && e.st.isDirectory() && !seen.has(dirKey(e.st))) await globFrom(e.path, segments, at + 1, new Set([...seen, dirKey(e.st)]), out);
  }
}

/** The files a glob matches, sorted by path; E_NOT_FOUND naming the pattern when none do. */
export async function* expandGlob(pattern: string): AsyncGenerator<Found> {
  const { base, segments } = splitGlob(pattern);
  const out = new Map<string, Found>();
  let seen: Set<string>;
  try {
    seen = new Set([dirKey(await stat(base))]);
  } catch {
    seen = new Set();
  }
  if (seen.size > 0) await globFrom(base, segments, 0, seen, out);
  if (out.size === 0) {
    yield new NewsgraphError('E_NOT_FOUND', 'no files match this pattern', { input: pattern });
    return;
  }
  const keyOf = (k: string): string => (k.startsWith('\0') ? k.slice(1) : k);
  for (const key of [...out.keys()].sort((a, b) => byCodeUnit(keyOf(a), keyOf(b)))) yield out.get(key)!;
}

/**
 * A path spec → its files. An existing path is taken literally even if it
 * contains glob characters; a missing one is a glob if it has any, else E_NOT_FOUND.
 * Explicit files other than regular ones (a FIFO such as <(cmd)) are passed on
 * as they are, since the user named them.
 */
export async function* expandPath(spec: string): AsyncGenerator<Found> {
  let st: Stats;
  try {
    st = await stat(spec);
  } catch (e) {
    if (hasGlobMagic(spec)) yield* expandGlob(spec);
    else yield new NewsgraphError('E_NOT_FOUND', whyNot(e), { input: spec, cause: e });
    return;
  }
  if (st.isDirectory()) yield* walkDirectory(spec);
  else if (st.isFile()) yield fileFound(spec, st);
  else yield { path: spec, size: st.size, regular: false };
}
