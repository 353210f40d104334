import { existsSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileBench } from '../bench/compiled.js';
import { PARSER_MODEL_PATH, loadParser } from '../src/nlp/parser/index.js';

const OUT = fileURLToPath(new URL('../node_modules/.cache/newsgraph-bench-test/', import.meta.url));
const SOURCE = (rel: string): string => fileURLToPath(new URL(`../${rel}`, import.meta.url));

describe('bench scripts compiled for plain node (bench/compiled.ts)', () => {
  let entry = '';
  beforeAll(async () => {
    entry = await compileBench(SOURCE('bench/nlp-stack.ts'), OUT);
  });
  afterAll(() => rmSync(OUT, { recursive: true, force: true }));

  it('compiles module by module, keeping top-level constants const and each module its source URL', async () => {
    expect(entry).toBe(`${OUT}bench/nlp-stack.js`);
    expect(existsSync(entry)).toBe(true);
    const model = readFileSync(`${OUT}src/nlp/parser/model.js`, 'utf8');
    // A bundler would have made these `var`s, which V8 does not fold into optimised code.
    expect(model).toMatch(/^const ACTION_STRIDE = 16;$/m);
    expect(model).not.toMatch(/^var /m);
    // Paths resolved from import.meta.url (models/, ../shared) stay the source tree's.
    const index = readFileSync(`${OUT}src/nlp/parser/index.js`, 'utf8');
    expect(index).toContain(JSON.stringify(pathToFileURL(SOURCE('src/nlp/parser/index.ts')).href));
    expect(index).not.toContain('import.meta.url');
    // The entry keeps its own, for its "am I the main module" test.
    expect(readFileSync(entry, 'utf8')).toContain('import.meta.url');
    await expect(compileBench('/tmp/elsewhere.ts', OUT)).rejects.toThrow(/not under src, bench, training/);
  });

  it.skipIf(!existsSync(PARSER_MODEL_PATH))('runs as the source does: the compiled parser parses as the source parser', async () => {
    const compiled = (await import(pathToFileURL(`${OUT}src/nlp/parser/index.js`).href)) as { loadParser: typeof loadParser };
    const words = ['Troops', 'fired', 'on', 'protesters', 'in', 'the', 'capital', '.'];
    const upos = ['NOUN', 'VERB', 'ADP', 'NOUN', 'ADP', 'DET', 'NOUN', 'PUNCT'];
    const xpos = ['NNS', 'VBD', 'IN', 'NNS', 'IN', 'DT', 'NN', '.'];
    expect(compiled.loadParser().parse(words, upos, xpos)).toEqual(loadParser().parse(words, upos, xpos));
  });
});
