// Golden articles (test/golden/<case>/input.* + expected.json), written by us. Each case
// states what a correct extractor outputs; see test/golden/README.md for the format.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateRecord } from '../src/core/schema.js';
import { extract } from '../src/extract.js';
import { readFileInput } from '../src/ingest/file.js';

interface Expected {
  description: string;
  options?: { charset?: string };
  expect: {
    title?: string | null;
    authors?: Array<{ name: string; role: string | null }>;
    published?: string | null;
    dateline?: string | null;
    language?: string;
    publisher?: string | null;
    textStartsWith?: string;
    textEndsWith?: string;
    paragraphs?: number;
    textContains?: string[];
    textExcludes?: string[];
    removedIncludes?: string[];
  };
}

const ROOT = fileURLToPath(new URL('./golden/', import.meta.url));
const cases = existsSync(ROOT) ? readdirSync(ROOT, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort() : [];

describe('golden articles', () => {
  it('exist', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  describe.each(cases)('%s', (name) => {
    const dir = join(ROOT, name);
    const spec = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
    const input = readdirSync(dir).find((f) => f.startsWith('input.'))!;

    it('matches its expected fields', async () => {
      const raw = await readFileInput(join(dir, input), { charset: spec.options?.charset ?? null });
      const r = extract(raw);
      expect(validateRecord(r)).toEqual({ valid: true, errors: [] });
      const e = spec.expect;
      if (e.title !== undefined) expect(r.title, 'title').toBe(e.title);
      if (e.authors !== undefined) expect(r.authors, 'authors').toEqual(e.authors);
      if (e.published !== undefined) expect(r.published?.value ?? null, 'published').toBe(e.published);
      if (e.dateline !== undefined) expect(r.dateline?.text ?? null, 'dateline').toBe(e.dateline);
      if (e.language !== undefined) expect(r.language, 'language').toBe(e.language);
      if (e.publisher !== undefined) expect(r.source.publisher, 'publisher').toBe(e.publisher);
      if (e.textStartsWith !== undefined) expect(r.text.slice(0, e.textStartsWith.length), 'text start').toBe(e.textStartsWith);
      if (e.textEndsWith !== undefined) expect(r.text.slice(-e.textEndsWith.length), 'text end').toBe(e.textEndsWith);
      if (e.paragraphs !== undefined) expect(r.text.split('\n\n'), 'paragraphs').toHaveLength(e.paragraphs);
      for (const s of e.textContains ?? []) expect(r.text, 'text contains').toContain(s);
      for (const s of e.textExcludes ?? []) expect(r.text, 'text excludes').not.toContain(s);
      const removed = r.removed.map((x) => x.text);
      for (const s of e.removedIncludes ?? []) expect(removed, 'removed').toContain(s);
    });
  });
});
