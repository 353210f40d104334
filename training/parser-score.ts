/**
 * Attachment scores of a parser on treebank sentences. Punctuation counts, as in
 * the CoNLL 2018 shared task; `las` compares full labels (with subtypes such as
 * nsubj:pass), `lasUniversal` only the part before the colon, as that task did.
 */
import type { SentenceParser } from '../src/nlp/parser/index.js';
import type { GoldSentence } from './parser-data.js';

export interface ParserScores {
  uas: number;
  las: number;
  lasUniversal: number;
  tokens: number;
  /** Wall-clock speed of parsing alone (tags precomputed). */
  tokensPerSec: number;
  /** The same per second of this process's CPU time: steadier on a shared machine. */
  tokensPerCpuSec: number;
}

export type Tagger = (words: string[]) => { upos: string[]; xpos: string[] };

export function scoreParser(parser: SentenceParser, sents: readonly GoldSentence[], tagger?: Tagger): ParserScores {
  const tags = sents.map((s) => (tagger ? tagger(s.words) : { upos: s.upos, xpos: s.xpos }));
  let total = 0;
  let ua = 0;
  let la = 0;
  let lu = 0;
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  const results = sents.map((s, i) => parser.parse(s.words, tags[i]!.upos, tags[i]!.xpos));
  const cpu = process.cpuUsage(c0);
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpuSecs = (cpu.user + cpu.system) / 1e6;
  sents.forEach((s, i) => {
    const r = results[i]!;
    const n = s.words.length;
    for (let j = 0; j < n; j++) {
      total++;
      const gold = s.head[j] === n ? -1 : s.head[j];
      if (r.head[j] !== gold) continue;
      ua++;
      const g = s.deprel[j]!;
      const p = r.deprel[j]!;
      if (g === p) la++;
      if (g.split(':')[0] === p.split(':')[0]) lu++;
    }
  });
  const pct = (x: number): number => Math.round((10000 * x) / Math.max(total, 1)) / 100;
  return {
    uas: pct(ua),
    las: pct(la),
    lasUniversal: pct(lu),
    tokens: total,
    tokensPerSec: Math.round(total / secs),
    tokensPerCpuSec: Math.round(total / cpuSecs),
  };
}
