/**
 * A bench script compiled to one JavaScript file, so that a child process can run it
 * with plain `node`. Run through tsx, a child carries the TypeScript loader (a thread of
 * its own and the transformed sources: 35–50 MB of RSS here) that the built CLI does not
 * have, and a memory figure measured under it overstates what users run.
 *
 * Every module but the entry keeps its own `import.meta.url` (its source file's URL),
 * so paths it resolves from it (models/, ../shared, package.json) are the source tree's
 * wherever the bundle lies. The entry keeps the bundle's, so its "am I the main module"
 * test still holds. Packages stay imports, resolved from the bundle's place inside the
 * project (node_modules/.cache).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { basename, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';

const CACHE_DIR = fileURLToPath(new URL('../node_modules/.cache/newsgraph-bench/', import.meta.url));

/** Compiles `entry` (a .ts file) with what it imports; returns the path of the .mjs file. */
export async function compileBench(entry: string): Promise<string> {
  const source = resolve(entry);
  mkdirSync(CACHE_DIR, { recursive: true });
  const out = `${CACHE_DIR}${basename(source, '.ts')}.mjs`;
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
    entryPoints: [source],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    plugins: [ownUrls],
    logLevel: 'error',
  });
  return out;
}
