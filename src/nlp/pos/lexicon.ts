/**
 * The tagger's lexicon travels inside models/pos.bin as gzipped text in the
 * clusters.tsv layout ("#clusters" then word, fine, mid, coarse; "#case" then
 * lowercased word, bucket) plus "#amb" (normalised word, ambiguity class), so the weights and the cluster ids they were
 * trained with can never get out of step.
 */
import { ownString } from '../../core/own-string.js';
import type { Lexicon } from './features.js';

/**
 * Walks the text with indexOf rather than splitting it into line and column
 * arrays: the model's lexicon is ~73k lines, read on every process start.
 * Lines with the wrong number of columns for their section are skipped.
 */
export function parseLexicon(tsv: string): Lexicon {
  const clusters = new Map<string, readonly [number, number, number]>();
  const caseBucket = new Map<string, number>();
  const ambiguity = new Map<string, string>();
  // Words and classes are kept as copies: a slice of 13+ characters would keep the whole
  // lexicon text alive (see core/own-string.ts). Classes repeat, so each is copied once.
  const word = (from: number, to: number): string => ownString(tsv.slice(from, to));
  const classes = new Map<string, string>();
  const ambClass = (from: number, to: number): string => {
    const c = tsv.slice(from, to);
    let kept = classes.get(c);
    if (kept === undefined) classes.set(c, (kept = ownString(c)));
    return kept;
  };
  let section = 0;
  const end = tsv.length;
  let at = 0;
  while (at < end) {
    let eol = tsv.indexOf('\n', at);
    if (eol < 0) eol = end;
    // Tabs of this line: up to four are told apart, enough to reject any wrong column count.
    const t1 = tabBefore(tsv, at, eol);
    // Words may start with "#" too ("#1"); only tab-free lines name a section.
    if (t1 < 0 && tsv.charCodeAt(at) === 35) {
      section = SECTIONS.get(tsv.slice(at, eol)) ?? 0;
    } else if (t1 >= 0 && section !== 0) {
      const t2 = tabBefore(tsv, t1 + 1, eol);
      if (section === AMB || section === CASE) {
        if (t2 < 0) {
          if (section === CASE) caseBucket.set(word(at, t1), numberAt(tsv, t1 + 1, eol));
          else ambiguity.set(word(at, t1), ambClass(t1 + 1, eol));
        }
      } else if (t2 >= 0) {
        const t3 = tabBefore(tsv, t2 + 1, eol);
        if (t3 >= 0 && tabBefore(tsv, t3 + 1, eol) < 0) {
          clusters.set(word(at, t1),
            [numberAt(tsv, t1 + 1, t2), numberAt(tsv, t2 + 1, t3), numberAt(tsv, t3 + 1, eol)]);
        }
      }
    }
    at = eol + 1;
  }
  return { clusters, caseBucket, ambiguity };
}

const CLUSTERS = 1;
const CASE = 2;
const AMB = 3;
const SECTIONS = new Map([['#clusters', CLUSTERS], ['#case', CASE], ['#amb', AMB]]);

/** Index of the first tab in s[from .. to), or -1. */
function tabBefore(s: string, from: number, to: number): number {
  const t = s.indexOf('\t', from);
  return t >= 0 && t < to ? t : -1;
}

/** Number(s.slice(from, to)), reading plain integers without making the string. */
function numberAt(s: string, from: number, to: number): number {
  let i = from;
  const neg = s.charCodeAt(i) === 45;
  if (neg) i++;
  if (i === to || to - i > 9) return Number(s.slice(from, to));
  let v = 0;
  for (; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number(s.slice(from, to));
    v = v * 10 + d;
  }
  return neg ? -v : v;
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
