/**
 * `newsgraph tag --conllu FILE`: annotate CoNLL-U text with the project's own
 * tagger and parser, keeping the given tokenisation. UPOS, XPOS, HEAD and DEPREL
 * are replaced on every word line; comments, multiword-token ranges, empty nodes
 * and the other columns pass through untouched, so the output can be scored
 * against the input with the standard CoNLL 2018 evaluation script.
 */
import { parse } from './parser/index.js';
import { tagTokens } from './pos/index.js';

export interface ConlluAnnotators {
  tag(words: string[]): { upos: string[]; xpos: string[] };
  parse(words: string[], upos: string[], xpos: string[]): { head: number[]; deprel: string[] };
}

const DEFAULT: ConlluAnnotators = { tag: tagTokens, parse };

/** True for a basic-tree word line (integer ID), not a range "3-4" or empty node "8.1". */
function isWordLine(line: string): boolean {
  return /^\d+\t/.test(line);
}

function annotateBlock(lines: string[], a: ConlluAnnotators): void {
  const idx: number[] = [];
  const cols: string[][] = [];
  lines.forEach((l, i) => {
    if (!isWordLine(l)) return;
    const c = l.split('\t');
    if (c.length < 10) throw new Error(`CoNLL-U: expected 10 columns: ${l}`);
    idx.push(i);
    cols.push(c);
  });
  if (cols.length === 0) return;
  const words = cols.map((c) => c[1]!);
  const tags = a.tag(words);
  const tree = a.parse(words, tags.upos, tags.xpos);
  cols.forEach((c, j) => {
    c[3] = tags.upos[j] ?? 'X';
    c[4] = tags.xpos[j] ?? '_';
    const h = tree.head[j] ?? -1;
    c[6] = String(h + 1);
    c[7] = tree.deprel[j] ?? 'dep';
    lines[idx[j]!] = c.join('\t');
  });
}

export function tagConllu(input: string, annotators: ConlluAnnotators = DEFAULT): string {
  const crlf = input.includes('\r\n');
  const lines = input.split(/\r?\n/);
  let start = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i === lines.length || lines[i] === '') {
      if (i > start) {
        const block = lines.slice(start, i);
        annotateBlock(block, annotators);
        lines.splice(start, i - start, ...block);
      }
      start = i + 1;
    }
  }
  return lines.join(crlf ? '\r\n' : '\n');
}
