/**
 * A bench script compiled to JavaScript, so that a child process can run it with plain
 * `node`. Run through tsx, a child carries the TypeScript loader (a thread of its own and
 * the transformed sources: 35–50 MB of RSS here) that the built CLI does not have, and a
 * memory figure measured under it overstates what users run.
 *
 * The sources are compiled module by module, as `tsc` builds the CLI, not bundled into one
 * file: a bundler turns every module's top-level `const` into `var` (esbuild does, with no
 * option against it), and V8 then cannot fold those constants (table strides, class counts,
 * loop bounds) into the code it optimises. Bundled, the parser ran ~25% slower than the
 * built CLI's (docs/decisions/0043).
 *
 * Every module but the entry keeps its own `import.meta.url` (its source file's URL), so
 * paths it resolves from it (models/, ../shared, package.json) are the source tree's
 * wherever the compiled file lies. The entry keeps its compiled file's, so its "am I the
 * main module" test still holds. Packages are imported as they are, resolved from the
 * compiled files' place inside the project (node_modules/.cache).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join, relative, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CACHE_DIR = fileURLToPath(new URL('../node_modules/.cache/newsgraph-bench/', import.meta.url));
/** The folders a bench script may import from. */
const SOURCE_DIRS = ['src', 'bench', 'training'];

/** Every TypeScript module under the source folders, tests left out. */
function sourceFiles(): string[] {
  return SOURCE_DIRS.flatMap((d) =>
    readdirSync(join(ROOT, d), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
      .map((f) => join(ROOT, d, f)),
  );
}

/**
 * Compiles `entry` (a .ts file under src/, bench/ or training/) and the modules beside it,
 * each to a .js file of its own under `outdir` (emptied first; it must lie inside the
 * project, for packages to resolve); returns the path of the entry's.
 */
export async function compileBench(entry: string, outdir = join(CACHE_DIR, 'tree')): Promise<string> {
  const source = resolve(entry);
  const rel = relative(ROOT, source);
  if (rel.startsWith('..') || !SOURCE_DIRS.includes(rel.split(/[\\/]/)[0]!)) {
    throw new Error(`compileBench: ${entry} is not under ${SOURCE_DIRS.join(', ')}`);
  }
  // A module deleted from the sources must not linger among the compiled ones.
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const ownUrls: Plugin = {
    name: 'own-import-meta-url',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        if (args.path === source) return { contents: text, loader: 'ts' };
        return { contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
      });
    },
  };
  await build({
    entryPoints: sourceFiles(),
    outdir,
    outbase: ROOT,
    bundle: false,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    plugins: [ownUrls],
    logLevel: 'error',
  });
  return join(outdir, rel.replace(/\.ts$/, '.js'));
}
