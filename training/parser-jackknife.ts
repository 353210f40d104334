/**
 * Jackknifed POS tags for the parser's training data. A tagger tagging its own
 * training sentences is nearly perfect, so a parser trained on those tags (or on
 * gold tags) never sees the tagging errors it meets at run time. Instead the
 * train file is cut into K folds, the project's tagger (training/train-pos.ts,
 * run unchanged as a subprocess) is trained on K-1 of them, and tags the
 * held-out fold. Fold files live in a temp directory, never in the project.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeModel } from '../src/nlp/pos/model.js';
import { PosTagger } from '../src/nlp/pos/tagger.js';
import { EWT_DIR as SHARED_EWT_DIR, mergeHyphenated, parseConllu } from './common/conllu.js';

export interface Tags {
  upos: string[];
  xpos: string[];
}

/** Per training sentence: tags of the sentence and of its hyphen-merged copy, if any. */
export interface JackknifeTags {
  orig: Tags;
  merged: Tags | null;
}

const ROOT_DIR = fileURLToPath(new URL('..', import.meta.url));

function tagWith(t: PosTagger, words: string[]): Tags {
  const ids = t.predict(words);
  return { upos: ids.map((c) => t.upos[c]!), xpos: ids.map((c) => t.xpos[c]!) };
}

export function jackknifeTags(ewtDir: string, k: number, seed: number): JackknifeTags[] {
  const work = join(tmpdir(), `newsgraph-parser-jk-${k}-${seed}`);
  const cache = join(work, 'tags.json');
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8')) as JackknifeTags[];
  const text = readFileSync(join(ewtDir, 'en_ewt-ud-train.conllu'), 'utf8');
  // Blocks with a word line are exactly the sentences readConllu returns, in order.
  const blocks = text.split(/\n\s*\n/).filter((b) => /^\d+\t/m.test(b));
  const out: JackknifeTags[] = new Array<JackknifeTags>(blocks.length);
  for (let f = 0; f < k; f++) {
    const lo = Math.floor((f * blocks.length) / k);
    const hi = Math.floor(((f + 1) * blocks.length) / k);
    const dir = join(work, `fold${f}`);
    mkdirSync(dir, { recursive: true });
    const rest = [...blocks.slice(0, lo), ...blocks.slice(hi)];
    writeFileSync(join(dir, 'en_ewt-ud-train.conllu'), rest.join('\n\n') + '\n\n');
    for (const name of ['en_ewt-ud-dev.conllu', 'en_ewt-ud-test.conllu']) {
      if (!existsSync(join(dir, name))) symlinkSync(join(ewtDir, name), join(dir, name));
    }
    const model = join(dir, 'pos.bin');
    if (!existsSync(model)) {
      console.log(`jackknife: training tagger for fold ${f + 1}/${k}`);
      const r = spawnSync('npx', ['tsx', 'training/train-pos.ts', '--data', dir, '--out', model, '--seed', String(seed)], {
        cwd: ROOT_DIR,
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      if (r.status !== 0) throw new Error(`jackknife: tagger training failed on fold ${f}`);
    }
    const tagger = new PosTagger(decodeModel(readFileSync(model)));
    const held = parseConllu(blocks.slice(lo, hi).join('\n\n') + '\n\n');
    if (held.length !== hi - lo) throw new Error('jackknife: fold split does not match the sentence count');
    held.forEach((s, j) => {
      const m = mergeHyphenated(s);
      out[lo + j] = {
        orig: tagWith(tagger, s.tokens.map((t) => t.form)),
        merged: m ? tagWith(tagger, m.tokens.map((t) => t.form)) : null,
      };
    });
  }
  writeFileSync(cache, JSON.stringify(out));
  return out;
}

// npx tsx training/parser-jackknife.ts [K] [seed]: fill the cache ahead of training.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const ewt = process.env.NEWSGRAPH_EWT ?? SHARED_EWT_DIR;
  const k = Number(process.argv[2] ?? 4);
  const tags = jackknifeTags(ewt, k, Number(process.argv[3] ?? 1));
  console.log(`jackknife: ${tags.length} sentences tagged`);
}
