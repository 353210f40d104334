/**
 * The tagger's lexicon travels inside models/pos.bin as gzipped text in the
 * clusters.tsv layout ("#clusters" then word, fine, mid, coarse; "#case" then
 * lowercased word, bucket) plus "#amb" (normalised word, ambiguity class), so the weights and the cluster ids they were
 * trained with can never get out of step.
 */
import type { Lexicon } from './features.js';

export function parseLexicon(tsv: string): Lexicon {
  const clusters = new Map<string, readonly [number, number, number]>();
  const caseBucket = new Map<string, number>();
  const ambiguity = new Map<string, string>();
  let section = '';
  for (const line of tsv.split('\n')) {
    // Words may start with "#" too ("#1"); only tab-free lines name a section.
    if (line.startsWith('#') && !line.includes('\t')) {
      section = line;
      continue;
    }
    const cols = line.split('\t');
    if (section === '#clusters' && cols.length === 4) {
      clusters.set(cols[0]!, [Number(cols[1]), Number(cols[2]), Number(cols[3])]);
    } else if (section === '#case' && cols.length === 2) {
      caseBucket.set(cols[0]!, Number(cols[1]));
    } else if (section === '#amb' && cols.length === 2) {
      ambiguity.set(cols[0]!, cols[1]!);
    }
  }
  return { clusters, caseBucket, ambiguity };
}

export function formatLexicon(lex: Lexicon): string {
  const lines = ['#clusters'];
  for (const [w, [f, m, c]] of lex.clusters) lines.push(`${w}\t${f}\t${m}\t${c}`);
  lines.push('#case');
  for (const [w, b] of lex.caseBucket) lines.push(`${w}\t${b}`);
  lines.push('#amb');
  for (const [w, a] of lex.ambiguity) lines.push(`${w}\t${a}`);
  return `${lines.join('\n')}\n`;
}
