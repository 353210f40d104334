/**
 * Evaluation of temporal expressions (src/time) on bench/data/time-eval.jsonl:
 * short articles with a publication date and hand-written expected expressions.
 * Two splits: "dev" was written first, before any code ran on it; "heldout" was
 * written after the rules were done and is never tuned on, so it shows how far
 * the dev figures generalise.
 *
 * A gold expression is found when a predicted span overlaps it (one prediction per
 * gold); value and grain accuracy are over the found ones and, stricter, over all
 * gold. `--errors` lists every miss, wrong value and extra prediction. `--pos`
 * runs the project's sentence splitter and POS tagger first, so tense comes from
 * the tags instead of the lexical heuristic.
 *
 *   npx tsx bench/time-eval.ts [--errors] [--pos]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Token } from '../src/core/doc.js';
import type { TimeExpr } from '../src/core/record.js';
import type { Span } from '../src/core/span.js';
import { tagTokens } from '../src/nlp/pos/index.js';
import { splitSentences } from '../src/nlp/sentences.js';
import { tokenize } from '../src/nlp/tokenize.js';
import { isValidDate } from '../src/time/calendar.js';
import { findTimes } from '../src/time/index.js';

interface GoldTime {
  text: string;
  value: string | null;
  grain: string;
}
interface Case {
  id: string;
  split?: string;
  published: string | null;
  text: string;
  times: GoldTime[];
}
interface Tally {
  articles: number; gold: number; found: number; exact: number; predicted: number;
  matchedPred: number; valueOk: number; grainOk: number; impossible: number;
}

const file = fileURLToPath(new URL('./data/time-eval.jsonl', import.meta.url));
const cases: Case[] = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Case);
const showErrors = process.argv.includes('--errors');
const usePos = process.argv.includes('--pos');

function analyse(text: string): { sentences: Span[]; tokens: Token[] } {
  const sentences = splitSentences(text);
  const tokens: Token[] = [];
  for (const s of sentences) {
    const toks = tokenize(text, s.start, s.end);
    const { xpos } = tagTokens(toks.map((t) => text.slice(t.start, t.end)));
    toks.forEach((t, i) => tokens.push({ ...t, xpos: xpos[i]! }));
  }
  return { sentences, tokens };
}

if (usePos) {
  try {
    tagTokens(['Check', 'the', 'model', '.']);
  } catch (e) {
    console.error(`--pos: the POS tagger cannot run here (${(e as Error).message})`);
    process.exit(2);
  }
}

const prepared = new Map<string, { sentences: Span[]; tokens: Token[] }>();
function run(c: Case): TimeExpr[] {
  if (!usePos) return findTimes(c.text, c.published);
  let a = prepared.get(c.id);
  if (!a) prepared.set(c.id, (a = analyse(c.text)));
  return findTimes(c.text, c.published, a);
}
const errors: string[] = [];

function impossibleValue(t: TimeExpr): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(t.value ?? '');
  return m !== null && !isValidDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

function score(set: readonly Case[]): Tally {
  const t: Tally = { articles: set.length, gold: 0, found: 0, exact: 0, predicted: 0, matchedPred: 0, valueOk: 0, grainOk: 0, impossible: 0 };
  for (const c of set) {
    const preds = run(c);
    t.predicted += preds.length;
    t.impossible += preds.filter(impossibleValue).length;
    const used = new Set<number>();
    let from = 0;
    for (const g of c.times) {
      t.gold++;
      const start = c.text.indexOf(g.text, from);
      from = start + 1;
      const end = start + g.text.length;
      let best = -1;
      let bestOverlap = 0;
      preds.forEach((p, i) => {
        const ov = Math.min(end, p.end) - Math.max(start, p.start);
        if (!used.has(i) && ov > bestOverlap) {
          best = i;
          bestOverlap = ov;
        }
      });
      const p = preds[best];
      if (!p) {
        errors.push(`${c.id} MISS  "${g.text}" want ${g.value} ${g.grain}`);
        continue;
      }
      used.add(best);
      t.found++;
      if (p.start === start && p.end === end) t.exact++;
      if (p.value === g.value) t.valueOk++;
      if (p.grain === g.grain) t.grainOk++;
      if (p.value !== g.value || p.grain !== g.grain || p.start !== start || p.end !== end) {
        errors.push(`${c.id} WRONG "${g.text}" want ${g.value} ${g.grain}, got "${p.text}" ${p.value} ${p.grain} (${p.anchor})`);
      }
    }
    preds.forEach((p, i) => {
      if (!used.has(i)) errors.push(`${c.id} EXTRA "${p.text}" ${p.value} ${p.grain}`);
    });
    t.matchedPred += used.size;
  }
  return t;
}

const splits: [string, Case[]][] = [
  ['dev', cases.filter((c) => (c.split ?? 'dev') === 'dev')],
  ['heldout', cases.filter((c) => c.split === 'heldout')],
  ['all', cases],
];
const tallies = splits.map(([name, set]) => [name, score(set)] as const);

// Speed over the whole set, repeated until at least a second has passed.
let exprs = 0;
let chars = 0;
const t0 = performance.now();
while (performance.now() - t0 < 1000) {
  for (const c of cases) {
    exprs += run(c).length;
    chars += c.text.length;
  }
}
const seconds = (performance.now() - t0) / 1000;

const f = (x: number, n: number): string => (n === 0 ? '-' : (x / n).toFixed(3));
const rows: [string, (t: Tally) => string][] = [
  ['articles', (t) => String(t.articles)],
  ['gold expressions', (t) => String(t.gold)],
  ['found (recall, overlapping span)', (t) => f(t.found, t.gold)],
  ['exact span', (t) => f(t.exact, t.gold)],
  ['precision', (t) => f(t.matchedPred, t.predicted)],
  ['value accuracy (of found)', (t) => f(t.valueOk, t.found)],
  ['grain accuracy (of found)', (t) => f(t.grainOk, t.found)],
  ['value accuracy (of all gold)', (t) => f(t.valueOk, t.gold)],
  ['grain accuracy (of all gold)', (t) => f(t.grainOk, t.gold)],
  ['impossible dates emitted', (t) => String(t.impossible)],
];
const w = Math.max(...rows.map((r) => r[0].length));
console.log(`time-eval: bench/data/time-eval.jsonl (tense from ${usePos ? 'POS tags' : 'lexical cues'})`);
console.log(`  ${''.padEnd(w)}  ${tallies.map(([n]) => n.padStart(8)).join('')}`);
for (const [label, get] of rows) console.log(`  ${label.padEnd(w)}  ${tallies.map(([, t]) => get(t).padStart(8)).join('')}`);
console.log(`  ${'expressions / second'.padEnd(w)}  ${Math.round(exprs / seconds)} (${Math.round(chars / seconds / 1000)}k chars/s)`);
if (showErrors) for (const e of new Set(errors)) console.log(e);
