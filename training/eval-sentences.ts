/**
 * Sentence-boundary evaluation on UD EWT. Each document's raw text is rebuilt
 * from the `# text` lines (sentences joined by a space, paragraphs by "\n\n"),
 * the splitter runs over it, and predicted sentence ends are compared with the
 * gold ones. Document ends are boundaries for free, so they are not counted.
 *
 * Two settings: `paragraphs` gives the splitter the paragraph breaks (as a Doc
 * does) and counts only boundaries inside paragraphs, the news-like case;
 * `continuous` joins a whole document with spaces, the harder case.
 *
 * Run: npx tsx training/eval-sentences.ts [file.conllu]
 */
import { pathToFileURL } from 'node:url';
import type { Span } from '../src/core/span.js';
import { splitSentences } from '../src/nlp/sentences.js';
import { EWT_DIR, readConllu, type Sentence } from './common/conllu.js';

export { EWT_DIR };

export interface BoundaryScore {
  setting: 'paragraphs' | 'continuous';
  gold: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
  /**
   * Recall over gold boundaries whose sentence ends in . ! ? or … (possibly
   * before a closing quote or bracket): web text often has none, news does.
   */
  punctuatedRecall: number;
}

interface RawDoc {
  text: string;
  paragraphs: Span[];
  /** Gold sentence end offsets, except the document's own end. */
  ends: Set<number>;
  /** Ends that are also paragraph ends (known to the splitter in `paragraphs`). */
  paraEnds: Set<number>;
  /** Ends of sentences that close with terminal punctuation. */
  punctuated: Set<number>;
}

const CLOSERS = new Set(['"', '\'', '”', '’', ')', ']']);

function endsPunctuated(s: Sentence): boolean {
  let i = s.tokens.length - 1;
  while (i > 0 && CLOSERS.has(s.tokens[i]!.form)) i--;
  return /[.!?…]$/.test(s.tokens[i]?.form ?? '');
}

function buildDocs(sents: readonly Sentence[], withParagraphs: boolean): RawDoc[] {
  const docs: RawDoc[] = [];
  let cur: RawDoc | null = null;
  let paraStart = 0;
  const closePara = (d: RawDoc): void => {
    if (d.text.length > paraStart) {
      d.paragraphs.push({ start: paraStart, end: d.text.length });
      d.paraEnds.add(d.text.length);
    }
  };
  for (const s of sents) {
    const text = s.text ?? s.tokens.map((t) => t.form).join(' ');
    if (s.newdoc || !cur) {
      if (cur) closePara(cur);
      cur = { text: '', paragraphs: [], ends: new Set(), paraEnds: new Set(), punctuated: new Set() };
      docs.push(cur);
      paraStart = 0;
    } else if (s.newpar && withParagraphs) {
      closePara(cur);
      cur.text += '\n\n';
      paraStart = cur.text.length;
    } else {
      cur.text += ' ';
    }
    cur.text += text;
    cur.ends.add(cur.text.length);
    if (endsPunctuated(s)) cur.punctuated.add(cur.text.length);
  }
  if (cur) closePara(cur);
  for (const d of docs) {
    d.ends.delete(d.text.length);
    d.paraEnds.delete(d.text.length);
  }
  return docs;
}

export function evalSentences(
  path = `${EWT_DIR}/en_ewt-ud-test.conllu`,
  setting: 'paragraphs' | 'continuous' = 'paragraphs',
): BoundaryScore {
  const withParas = setting === 'paragraphs';
  const docs = buildDocs(readConllu(path), withParas);
  let gold = 0;
  let predicted = 0;
  let correct = 0;
  let punctGold = 0;
  let punctFound = 0;
  for (const d of docs) {
    const spans = splitSentences(d.text, withParas ? d.paragraphs : [{ start: 0, end: d.text.length }]);
    const pred = new Set(spans.map((s) => s.end));
    pred.delete(d.text.length);
    for (const e of d.ends) {
      if (withParas && d.paraEnds.has(e)) continue;
      gold++;
      if (d.punctuated.has(e)) {
        punctGold++;
        if (pred.has(e)) punctFound++;
      }
    }
    for (const e of pred) {
      if (withParas && d.paraEnds.has(e)) continue;
      predicted++;
      if (d.ends.has(e)) correct++;
    }
  }
  const precision = predicted ? correct / predicted : 0;
  const recall = gold ? correct / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { setting, gold, predicted, correct, precision, recall, f1, punctuatedRecall: punctFound / (punctGold || 1) };
}

export function formatScore(s: BoundaryScore): string {
  const pct = (x: number): string => (100 * x).toFixed(2);
  return `sentences[${s.setting}] P=${pct(s.precision)} R=${pct(s.recall)} F1=${pct(s.f1)} `
    + `(gold ${s.gold}, predicted ${s.predicted}, correct ${s.correct}; `
    + `recall at punctuated ends ${pct(s.punctuatedRecall)})`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const path = process.argv[2] ?? `${EWT_DIR}/en_ewt-ud-test.conllu`;
  for (const setting of ['paragraphs', 'continuous'] as const) console.log(formatScore(evalSentences(path, setting)));
}
