/**
 * CoNLL-style column files: one token per line (first column), blank lines between
 * sentences, `-DOCSTART-` lines as document breaks. Kept free of the model so the
 * reader can be tested and reused by the training scripts.
 */

export interface ConllSentence {
  /** First column of each line. */
  words: string[];
  /** All columns of each line (the last one is the gold tag in CoNLL-2003 files). */
  columns: string[][];
}

export interface ConllDocument {
  /** The `-DOCSTART-` line that opened the document, or null for text before any. */
  docstart: string | null;
  sentences: ConllSentence[];
}

const DOCSTART = '-DOCSTART-';

export function parseConll(input: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let doc: ConllDocument | null = null;
  let sent: ConllSentence | null = null;
  const closeSentence = (): void => {
    if (sent && sent.words.length > 0) {
      if (!doc) {
        doc = { docstart: null, sentences: [] };
        docs.push(doc);
      }
      doc.sentences.push(sent);
    }
    sent = null;
  };
  for (const raw of input.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.length === 0) {
      closeSentence();
      continue;
    }
    const columns = line.split(/[ \t]+/);
    if (columns[0] === DOCSTART) {
      closeSentence();
      doc = { docstart: line, sentences: [] };
      docs.push(doc);
      continue;
    }
    sent ??= { words: [], columns: [] };
    sent.words.push(columns[0] ?? '');
    sent.columns.push(columns);
  }
  closeSentence();
  return docs;
}

/**
 * Writes `token<TAB>tag` lines, a blank line after each sentence, and echoes each
 * document's `-DOCSTART-` line (followed by a blank line, as in the CoNLL files).
 */
export function writeConll(docs: readonly ConllDocument[], tags: readonly (readonly (readonly string[])[])[]): string {
  const out: string[] = [];
  docs.forEach((doc, d) => {
    if (doc.docstart !== null) out.push(doc.docstart, '');
    doc.sentences.forEach((s, i) => {
      const t = tags[d]?.[i] ?? [];
      s.words.forEach((w, j) => out.push(`${w}\t${t[j] ?? 'O'}`));
      out.push('');
    });
  });
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}
