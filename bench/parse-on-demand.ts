/**
 * Parsing on demand (docs/decisions/0006): does `extract` give the same records when
 * the parser parses only the sentences later stages read, and how much parsing does it
 * save? Runs every input twice in this process, with the parser stage that parses every
 * sentence and with the on-demand one, and compares the records whole (only the
 * parser's provenance line differs by design). Inputs: those of bench/records-identity.ts
 * plus the texts of bench/data's event and quote gold, which are dense in events.
 * With TIME=<reps>, also times both pipelines on the BBC inputs, alternating article by
 * article in this one process (so that other jobs on a shared machine slow both alike),
 * and prints the median over reps of CPU ms per article.
 * Prints one table; exit code 1 on any difference.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Pipeline } from '../src/core/pipeline.js';
import { docToRecord } from '../src/core/serialize.js';
import type { Stage } from '../src/core/stage.js';
import { buildDoc, DEFAULT_STAGES } from '../src/extract.js';
import type { RawInput } from '../src/ingest/types.js';
import { parserOnDemandStage, parserStage } from '../src/nlp/parser/stage.js';
import { identityInputs } from './identity-inputs.js';
import { median } from '../training/common/stats.js';

const GOLD = ['events-gold.jsonl', 'quotes-gold.jsonl'].map((f) => fileURLToPath(new URL(`data/${f}`, import.meta.url)));

function goldInputs(): RawInput[] {
  const out: RawInput[] = [];
  for (const file of GOLD) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const a = JSON.parse(line) as { id?: string; text?: string; published?: string };
      if (typeof a.text !== 'string') continue;
      out.push({ name: `${file}#${a.id ?? '?'}`, uri: null, kind: 'text', content: a.text, published: a.published ?? null });
    }
  }
  return out;
}

const withParser = (parser: Stage): Stage[] => DEFAULT_STAGES.map((s) => (s.name === 'parser' ? parser : s));
const eager = Pipeline.build(withParser(parserStage));
const lazy = Pipeline.build(withParser(parserOnDemandStage));

function record(p: Pipeline, raw: RawInput): { json: string; sentences: number; parsed: number; tokens: number; parsedTokens: number } {
  const doc = p.run(buildDoc(raw));
  const r = docToRecord(doc, 'parse-on-demand');
  delete r.provenance.stages.parser;
  return {
    json: JSON.stringify(r),
    sentences: doc.parses?.sentences ?? 0,
    parsed: doc.parses?.parsed ?? 0,
    tokens: doc.tokens.length,
    parsedTokens: doc.tokens.filter((t) => t.deprel !== undefined).length,
  };
}

const { bbc, all } = await identityInputs();
const inputs = [...all, ...goldInputs()];
const diffs: string[] = [];
let sentences = 0;
let parsed = 0;
let tokens = 0;
let parsedTokens = 0;
for (const raw of inputs) {
  const a = record(eager, raw);
  const b = record(lazy, raw);
  if (a.json !== b.json) {
    let i = 0;
    while (i < a.json.length && a.json[i] === b.json[i]) i++;
    diffs.push(`${raw.name} at ${i}:\n  all parsed …${a.json.slice(Math.max(0, i - 100), i + 100)}…\n  on demand  …${b.json.slice(Math.max(0, i - 100), i + 100)}…`);
  }
  sentences += b.sentences;
  parsed += b.parsed;
  tokens += b.tokens;
  parsedTokens += b.parsedTokens;
}

for (const d of diffs.slice(0, 10)) console.log(d);
const pct = (a: number, b: number): string => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
console.log('parsing on demand versus parsing every sentence');
console.log(`inputs                   ${inputs.length}`);
console.log(`records that differ      ${diffs.length}`);
console.log(`sentences parsed         ${parsed} of ${sentences} (${pct(parsed, sentences)})`);
console.log(`tokens parsed            ${parsedTokens} of ${tokens} (${pct(parsedTokens, tokens)})`);

const reps = Number(process.env.TIME ?? 0);
if (reps > 0) {
  const cpu = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const runs: { eager: number; lazy: number }[] = [];
  for (let r = 0; r < reps; r++) {
    let e = 0;
    let l = 0;
    for (const [i, raw] of bbc.entries()) {
      // Alternate which goes first, so neither always runs on a cache the other warmed.
      for (const which of i % 2 === 0 ? ['eager', 'lazy'] : ['lazy', 'eager']) {
        const t = cpu();
        (which === 'eager' ? eager : lazy).run(buildDoc(raw));
        if (which === 'eager') e += cpu() - t;
        else l += cpu() - t;
      }
    }
    runs.push({ eager: e / bbc.length, lazy: l / bbc.length });
  }
  const e = median(runs.map((x) => x.eager));
  const l = median(runs.map((x) => x.lazy));
  console.log(`CPU ms/article, BBC      every sentence ${e.toFixed(2)}, on demand ${l.toFixed(2)} (${(l / e).toFixed(3)}; median of ${reps})`);
}
process.exitCode = diffs.length > 0 ? 1 : 0;
