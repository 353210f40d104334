/**
 * Silver trees for uptraining the greedy parser (Petrov et al. 2010): unlabelled news
 * from ../shared/data/news-text, split and tagged by our own stages, parsed by the
 * beam-search parser (models/parser-beam.bin, the more accurate teacher). The greedy
 * parser then trains on EWT plus these trees (`train-parser.ts --silver FILE`), so it
 * learns to imitate the beam's decisions without its cost at run time.
 *
 *   npx tsx training/parser-silver.ts --out /tmp/silver.conllu [--words 1200000] [--agree]
 *     [--min 5] [--max 40] [--skip-bbc 300] [--teacher models/parser-beam.bin]
 *
 * The teacher must not have trained on EWT dev when the student's epochs or settings
 * are to be chosen on dev: a teacher that has seen dev passes what it learnt there to
 * the student through its parses of other text, and the student's dev score then
 * flatters it (measured: +2.3 dev UAS but +0.4 test UAS). Choose with a train-only
 * teacher, and use the shipped (train + dev) teacher only for the final train + dev run.
 *
 * --agree keeps only sentences the greedy parser (models/parser.bin) parses exactly
 * as the teacher (tri-training's agreement filter): fewer trees, fewer teacher errors.
 * The first --skip-bbc BBC articles are left out: they are the NLP stack's speed bench.
 * The output is a scratch file: it is derived from the corpora and never committed.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Doc, emptyMeta } from '../src/core/doc.js';
import { sentenceTokenRanges } from '../src/core/span.js';
import { BEAM_PARSER_MODEL_PATH, loadParser, PARSER_MODEL_PATH } from '../src/nlp/parser/index.js';
import type { ParseResult } from '../src/nlp/parser/index.js';
import { posStage } from '../src/nlp/pos/index.js';
import { sentenceStage } from '../src/nlp/sentences.js';

const NEWS = fileURLToPath(new URL('../../shared/data/news-text', import.meta.url));

/** Article texts: BBC (after the first `skipBbc`), then Reuters-21578 bodies. */
function* articles(skipBbc: number): Generator<string> {
  const bbc = readFileSync(join(NEWS, 'bbc-news-articles.jsonl'), 'utf8').split('\n').filter((l) => l.trim());
  for (const line of bbc.slice(skipBbc)) yield (JSON.parse(line) as { text: string }).text;
  const dir = join(NEWS, 'reuters21578');
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    for (const d of JSON.parse(readFileSync(join(dir, f), 'utf8')) as { body?: string }[]) {
      if (d.body && d.body.trim()) yield d.body;
    }
  }
}

/**
 * Sentences worth teaching: running prose of a sensible length. Reuters bodies hold
 * tables ("Shr 34 cts vs 1.19 dlrs Net 807,000 vs 2,858,000"), all-capital headlines
 * and SGML leftovers ("Reuter &#3;"): a sentence without a verb, with few lower-case
 * words, with many numbers or with markup is one of those, and its parse teaches nothing.
 */
export function proseLike(words: readonly string[], upos: readonly string[], min: number, max: number): boolean {
  if (words.length < min || words.length > max) return false;
  let lower = 0;
  let numbers = 0;
  let verb = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (/[&<>]/.test(w)) return false;
    if (/^[a-z]/.test(w)) lower++;
    if (/\d/.test(w)) numbers++;
    if (upos[i] === 'VERB' || upos[i] === 'AUX') verb = true;
  }
  return verb && lower >= 0.4 * words.length && numbers <= 0.2 * words.length;
}

/** One CoNLL-U sentence: our tags in UPOS/XPOS, the parse's heads (1-based, 0 for the root) and labels. */
export function silverConllu(words: readonly string[], upos: readonly string[], xpos: readonly string[], r: ParseResult): string {
  const lines = words.map((w, i) =>
    [i + 1, w, '_', upos[i], xpos[i], '_', r.head[i]! < 0 ? 0 : r.head[i]! + 1, r.deprel[i], '_', '_'].join('\t'));
  return `${lines.join('\n')}\n\n`;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      words: { type: 'string', default: '1200000' },
      teacher: { type: 'string', default: BEAM_PARSER_MODEL_PATH },
      agree: { type: 'boolean', default: false },
      min: { type: 'string', default: '5' },
      max: { type: 'string', default: '40' },
      'skip-bbc': { type: 'string', default: '300' },
    },
  });
  if (!values.out) throw new Error('parser-silver: --out FILE is required');
  const budget = Number(values.words);
  const min = Number(values.min);
  const max = Number(values.max);
  const teacher = loadParser(values.teacher);
  const greedy = values.agree ? loadParser(PARSER_MODEL_PATH) : null;
  const seen = new Set<string>();
  const out: string[] = [];
  let words = 0;
  let candidates = 0;
  let agreed = 0;
  const t0 = Date.now();
  outer: for (const text of articles(Number(values['skip-bbc']))) {
    const doc = new Doc(text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean), emptyMeta({ language: 'en' }));
    sentenceStage.run(doc);
    posStage.run(doc);
    for (const [first, end] of sentenceTokenRanges(doc.sentences, doc.tokens)) {
      const toks = doc.tokens.slice(first, end);
      const w = toks.map((t) => doc.slice(t));
      const upos = toks.map((t) => t.upos ?? 'X');
      if (!proseLike(w, upos, min, max)) continue;
      const key = w.join(' ');
      if (seen.has(key)) continue; // Reuters repeats stories and boilerplate
      seen.add(key);
      candidates++;
      const xpos = toks.map((t) => t.xpos ?? 'XX');
      const r = teacher.parse(w, upos, xpos);
      if (greedy) {
        const g = greedy.parse(w, upos, xpos);
        if (g.head.some((h, i) => h !== r.head[i] || g.deprel[i] !== r.deprel[i])) continue;
        agreed++;
      }
      out.push(silverConllu(w, upos, xpos, r));
      words += w.length;
      if (words >= budget) break outer;
    }
  }
  writeFileSync(values.out, out.join(''));
  console.log(
    `parser-silver: ${out.length} sentences, ${words} words from ${candidates} candidate sentences` +
      `${greedy ? ` (${agreed} where greedy agrees)` : ''}; ${((Date.now() - t0) / 1000).toFixed(0)} s → ${values.out}`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
