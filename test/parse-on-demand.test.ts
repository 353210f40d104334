// The default pipeline parses a sentence only when a later stage reads its parse
// (docs/decisions/0006). Its records must be those of parsing every sentence: checked
// here on the bundled example articles, the event gold's texts and the seed (skipped
// when ../shared is absent). bench/parse-on-demand.ts runs the same check on ~560 inputs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Pipeline } from '../src/core/pipeline.js';
import { docToRecord } from '../src/core/serialize.js';
import type { Stage } from '../src/core/stage.js';
import { buildDoc, DEFAULT_STAGES } from '../src/extract.js';
import type { RawInput } from '../src/ingest/types.js';
import { parserModelAvailable } from '../src/nlp/parser/index.js';
import { parserOnDemandStage, parserStage } from '../src/nlp/parser/stage.js';

const EXAMPLES = fileURLToPath(new URL('../examples/articles/', import.meta.url));
const EVENTS_GOLD = fileURLToPath(new URL('../bench/data/events-gold.jsonl', import.meta.url));
const SEED = fileURLToPath(new URL('../../shared/seeds/000_436aaab28d82e5a0.txt', import.meta.url));
if (!existsSync(SEED)) console.warn(`parse-on-demand test: the seed is skipped, ${SEED} is absent (../shared is not beside the project)`);

function inputs(): RawInput[] {
  const out: RawInput[] = readdirSync(EXAMPLES).sort().map((f) => ({ name: f, uri: null, kind: 'raw', content: readFileSync(join(EXAMPLES, f), 'utf8') }));
  for (const line of readFileSync(EVENTS_GOLD, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const a = JSON.parse(line) as { id?: string; text?: string; published?: string };
    if (typeof a.text === 'string') out.push({ name: a.id ?? '?', uri: null, kind: 'text', content: a.text, published: a.published ?? null });
  }
  if (existsSync(SEED)) out.push({ name: 'seed', uri: null, kind: 'raw', content: readFileSync(SEED, 'utf8') });
  return out;
}

describe.skipIf(!parserModelAvailable())('parsing on demand', () => {
  const withParser = (parser: Stage): Stage[] => DEFAULT_STAGES.map((s) => (s.name === 'parser' ? parser : s));

  it('is what the default pipeline does', () => {
    expect(DEFAULT_STAGES).toContain(parserOnDemandStage);
  });

  it('gives the records that parsing every sentence gives, parsing fewer sentences', () => {
    const eager = Pipeline.build(withParser(parserStage));
    const lazy = Pipeline.build(withParser(parserOnDemandStage));
    let parsed = 0;
    let sentences = 0;
    for (const raw of inputs()) {
      const a = docToRecord(eager.run(buildDoc(raw)), 'test');
      const doc = lazy.run(buildDoc(raw));
      const b = docToRecord(doc, 'test');
      delete a.provenance.stages.parser;
      delete b.provenance.stages.parser;
      expect(b, raw.name).toEqual(a);
      parsed += doc.parses!.parsed;
      sentences += doc.parses!.sentences;
    }
    expect(parsed).toBeGreaterThan(0);
    expect(parsed).toBeLessThan(sentences);
  });
});
