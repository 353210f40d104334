/**
 * Readers for the unlabelled news text and the CoNLL training words, shared by the
 * cluster script. The tokeniser only approximates CoNLL's (punctuation split off,
 * dotted abbreviations kept whole) because clusters are looked up by CoNLL tokens.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConll } from '../src/nlp/ner/conll.js';

// ../shared/data beside the project; NEWSGRAPH_SHARED overrides.
export const SHARED = process.env.NEWSGRAPH_SHARED ?? fileURLToPath(new URL('../../shared/data/', import.meta.url));

const TOKEN = /(?:\p{L}\.){2,}|[\p{L}\p{Nd}]+(?:[-'’&.][\p{L}\p{Nd}]+)*|\S/gu;

/** Sentences (approximate) of one text: split after . ! ? and at paragraph breaks. */
export function tokeniseText(text: string): string[][] {
  const out: string[][] = [];
  for (const para of text.split(/\n\s*\n|\n {3,}/)) {
    let cur: string[] = [];
    for (const m of para.matchAll(TOKEN)) {
      const t = m[0];
      cur.push(t);
      if (t === '.' || t === '!' || t === '?') {
        out.push(cur);
        cur = [];
      }
    }
    if (cur.length > 0) out.push(cur);
  }
  return out;
}

interface ReutersDoc {
  body?: string;
}

interface BbcDoc {
  title: string;
  text: string;
}

/** Yields sentences of every unlabelled document; Reuters titles are skipped (all capitals). */
export function* newsSentences(): Generator<string[]> {
  const dir = join(SHARED, 'news-text', 'reuters21578');
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const docs = JSON.parse(readFileSync(join(dir, f), 'utf8')) as ReutersDoc[];
    for (const d of docs) {
      const body = (d.body ?? '').replace(/\s*Reuter\s*&#3;\s*$/, '');
      if (body) yield* tokeniseText(body);
    }
  }
  const bbc = readFileSync(join(SHARED, 'news-text', 'bbc-news-articles.jsonl'), 'utf8');
  for (const line of bbc.split('\n')) {
    if (!line.trim()) continue;
    const d = JSON.parse(line) as BbcDoc;
    yield* tokeniseText(`${d.title}\n\n${d.text}`);
  }
}

export function* conllSentences(file: string): Generator<string[]> {
  for (const doc of parseConll(readFileSync(file, 'utf8'))) {
    for (const s of doc.sentences) yield s.words;
  }
}
