/**
 * Do speed changes to the non-NLP stages leave records unchanged? Runs `extract` over
 * ~200 BBC articles (built as bench/pipeline.ts builds them), the golden inputs,
 * examples/, the seed article and the article-extraction-benchmark HTML pages, then:
 *
 *  - always prints two sha256 digests: of whole records, and of only the fields the
 *    reader and the language, sentence, entity, geo and time stages produce. Other
 *    stages (POS, NER, parser) change under other hands and move the first digest,
 *    and through their outputs the second one too, so the digests only compare runs
 *    made on the same NLP code.
 *  - with BASELINE=<dir>, where <dir> is a copy of an older src/ (its imports must
 *    resolve, e.g. with node_modules and knowledge/ linked beside it), also runs the
 *    old reader, tokenizer and those stages on exactly the Doc the new ones see, in this
 *    process, and reports every difference. This comparison holds whatever the NLP
 *    stages do. The other stages are then also the baseline's, so that the digests stay
 *    comparable between runs while others change the NLP code. Exit code 1 on any difference.
 *  - IDENTITY_STAGES=quotes,events (say) checks those stages instead of the default list.
 *    Listing `parser` compares the parser stage's code, not its model: a copy is taken
 *    after the original is parsed whole (cloneDoc), so the old stages after it read this
 *    tree's parses. To compare parser models, compare records or the events evaluation
 *    with NEWSGRAPH_PARSER_MODEL set to each model.
 *  - with BASELINE and TIME=<reps>, times old against new on the BBC articles (CPU
 *    time, alternating, median of the reps) and prints ms/article per part.
 *
 * ../shared is not in a fresh clone: inputs under it are then skipped with a message.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Doc, Token } from '../src/core/doc.js';
import { Pipeline } from '../src/core/pipeline.js';
import type { ArticleRecord } from '../src/core/record.js';
import { docToRecord } from '../src/core/serialize.js';
import type { Stage } from '../src/core/stage.js';
import { buildDoc, DEFAULT_STAGES } from '../src/extract.js';
import type { RawInput } from '../src/ingest/types.js';
import { tokenize } from '../src/nlp/tokenize.js';
import { identityInputs } from './identity-inputs.js';
import { median } from '../training/common/stats.js';

/** The stages whose speed this check guards; the rest run as they are. */
// IDENTITY_STAGES=a,b,… names others (quotes, events …) for a check of their code.
const OWN = process.env.IDENTITY_STAGES?.split(',').map((x) => x.trim()).filter(Boolean) ?? ['language', 'sentences', 'entities', 'geo', 'time'];

function own(r: ArticleRecord): unknown {
  return {
    id: r.id, source: r.source, language: r.language, title: r.title, authors: r.authors, published: r.published,
    dateline: r.dateline, text: r.text, removed: r.removed, sentences: r.sentences, entities: r.entities, times: r.times,
  };
}

interface Old {
  buildDoc: (raw: RawInput) => Doc;
  tokenize: (text: string, start?: number, end?: number) => Token[];
  stages: Map<string, Stage>;
}

async function loadOld(dir: string): Promise<Old> {
  const url = (p: string): string => pathToFileURL(join(dir, p)).href;
  const ex = await import(url('extract.ts')) as { buildDoc: typeof buildDoc; DEFAULT_STAGES: typeof DEFAULT_STAGES };
  const tk = await import(url('nlp/tokenize.ts')) as { tokenize: typeof tokenize };
  return { buildDoc: ex.buildDoc, tokenize: tk.tokenize, stages: new Map(ex.DEFAULT_STAGES.map((s) => [s.name, s])) };
}

function cloneDoc(doc: Doc): Doc {
  // Parses on demand parse the original's tokens and cannot be cloned: the original is
  // parsed whole first (records do not change by it: bench/parse-on-demand.ts), and the
  // clone reads the parses its tokens then carry.
  doc.parses?.ensureAll();
  const c = Object.create(Object.getPrototypeOf(doc) as object) as Record<string, unknown>;
  for (const [k, v] of Object.entries(doc)) c[k] = k === 'parses' ? null : structuredClone(v);
  return c as unknown as Doc;
}

/** Everything a stage may assign; compared whole so a stray write shows too. */
function state(doc: Doc): string {
  return JSON.stringify({ ...doc, parses: undefined });
}

function firstDiff(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: old …${a.slice(Math.max(0, i - 80), i + 80)}…\n      new …${b.slice(Math.max(0, i - 80), i + 80)}…`;
}

const { bbc, all } = await identityInputs();
const base = process.env.BASELINE;
const old = base ? await loadOld(base) : undefined;
const diffs: string[] = [];
const note = (what: string, name: string, a: string, b: string): void => {
  if (a !== b) diffs.push(`${what} ${name} ${firstDiff(a, b)}`);
};

// Stages wrapped so that, given a baseline, the old stage runs on a copy of the very Doc
// the new one receives; with TIME set, those inputs are also kept for timing.
const snapshots = new Map<string, Doc[]>(OWN.map((n) => [n, []]));
let current = '';
let keep = false;
// Given a baseline, the other stages are the baseline's too: records then do not move
// while others change the NLP stages, and the digests compare across runs.
const stages = DEFAULT_STAGES.map((s): Stage => (!old ? s : !OWN.includes(s.name) ? old.stages.get(s.name)! : {
  ...s,
  run(doc) {
    const copy = cloneDoc(doc);
    if (keep) snapshots.get(s.name)!.push(cloneDoc(doc));
    old.stages.get(s.name)!.run(copy);
    s.run(doc);
    note(`stage ${s.name}`, current, state(copy), state(doc));
  },
}));
const pipeline = Pipeline.build(stages);

const whole = createHash('sha256');
const mine = createHash('sha256');
const bbcNames = new Set(bbc.map((r) => r.name));
for (const raw of all) {
  current = raw.name;
  keep = !!process.env.TIME && bbcNames.has(raw.name);
  let doc: Doc;
  try {
    doc = buildDoc(raw);
  } catch (e) {
    const msg = `error ${(e as Error).message}`;
    whole.update(msg);
    mine.update(msg);
    if (old) {
      let oldMsg = 'no error';
      try { old.buildDoc(raw); } catch (f) { oldMsg = `error ${(f as Error).message}`; }
      note('buildDoc', raw.name, oldMsg, msg);
    }
    continue;
  }
  if (old) {
    note('buildDoc', raw.name, state(old.buildDoc(raw)), state(doc));
    for (const p of doc.paragraphs) {
      note('tokenize', raw.name, JSON.stringify(old.tokenize(doc.text, p.start, p.end)), JSON.stringify(tokenize(doc.text, p.start, p.end)));
    }
  }
  const r = docToRecord(pipeline.run(doc), 'newsgraph');
  whole.update(JSON.stringify(r));
  mine.update(JSON.stringify(own(r)));
}

console.log(`inputs               ${all.length} (${bbc.length} BBC)`);
if (old && OWN.includes('parser')) console.log('note                 parses come from this tree\'s parser model on both sides (see the header)');
console.log(`records sha256       ${whole.digest('hex')}`);
console.log(`own fields sha256    ${mine.digest('hex')}`);
if (old) {
  console.log(`old vs new (${base})  ${diffs.length === 0 ? 'identical' : `${diffs.length} differences`}`);
  for (const d of diffs.slice(0, 20)) console.log(`  ${d}`);
}

if (old && process.env.TIME) {
  const reps = Math.max(1, Number(process.env.TIME));
  const cpu = (f: () => void): number => {
    const t = process.cpuUsage();
    f();
    const d = process.cpuUsage(t);
    return (d.user + d.system) / 1000;
  };
  const parts: Array<[string, (impl: 'old' | 'new') => () => void]> = [
    ['reader', (impl) => {
      const f = impl === 'old' ? old.buildDoc : buildDoc;
      return () => { for (const raw of bbc) f(raw); };
    }],
    ...OWN.map((name): [string, (impl: 'old' | 'new') => () => void] => [name, (impl) => {
      const stage = impl === 'old' ? old.stages.get(name)! : DEFAULT_STAGES.find((s) => s.name === name)!;
      const docs = snapshots.get(name)!.map(cloneDoc);
      return () => { for (const d of docs) stage.run(d); };
    }]),
  ];
  const times = new Map<string, { old: number[]; new: number[] }>(parts.map(([n]) => [n, { old: [], new: [] }]));
  for (let rep = 0; rep < reps; rep++) {
    for (const [name, make] of parts) {
      for (const impl of rep % 2 === 0 ? ['old', 'new'] as const : ['new', 'old'] as const) {
        const run = make(impl);
        times.get(name)![impl].push(cpu(run) / bbc.length);
      }
    }
  }
  console.log(`CPU ms/article, median of ${reps} (${bbc.length} BBC articles)`);
  let so = 0;
  let sn = 0;
  for (const [name, t] of times) {
    so += median(t.old);
    sn += median(t.new);
    console.log(`  ${name.padEnd(10)} old ${median(t.old).toFixed(3).padStart(7)}  new ${median(t.new).toFixed(3).padStart(7)}`);
  }
  console.log(`  ${'total'.padEnd(10)} old ${so.toFixed(3).padStart(7)}  new ${sn.toFixed(3).padStart(7)}`);
}
process.exitCode = diffs.length > 0 ? 1 : 0;
