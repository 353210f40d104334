/**
 * News articles of a given length for the speed benchmarks and identity checks: BBC
 * News 2004-05 from ../shared/data/news-text (research use; read, never copied into the
 * project), paragraphs joined in order and cut into texts of about `words` words each.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BBC_FILE = fileURLToPath(new URL('../../../shared/data/news-text/bbc-news-articles.jsonl', import.meta.url));
export const REUTERS_DIR = fileURLToPath(new URL('../../../shared/data/news-text/reuters21578/', import.meta.url));

/**
 * The Reuters-21578 bodies, one file at a time, as article texts: the "Reuter &#3;"
 * trailer dropped, hard-wrapped lines joined, indented paragraphs set apart by blank lines.
 */
export function* reutersTexts(dir = REUTERS_DIR): Generator<string> {
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    for (const d of JSON.parse(readFileSync(join(dir, f), 'utf8')) as Array<{ body?: string }>) {
      const body = (d.body ?? '').replace(/\s*Reuter\s*&#3;\s*$/, '');
      if (body) yield body.split(/\n\s{2,}/).map((p) => p.replace(/\s+/g, ' ')).join('\n\n');
    }
  }
}

/**
 * The BBC articles named in `files` (their `file` field), each as its title, a blank line and
 * its text: the input the evaluations' gold sets on BBC articles were labelled on.
 */
export function* bbcArticles(files: ReadonlySet<string>, file = BBC_FILE): Generator<{ file: string; text: string }> {
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const a = JSON.parse(line) as { file: string; title: string; text: string };
    if (files.has(a.file)) yield { file: a.file, text: `${a.title}\n\n${a.text}` };
  }
}

/** The first `n` texts of about `words` words (paragraphs kept whole, blank lines between). */
export function newsArticleTexts(n: number, words = 600, file = BBC_FILE): string[] {
  const texts: string[] = [];
  let buffer: string[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const { text } = JSON.parse(line) as { text: string };
    for (const p of text.split(/\n\s*\n/)) {
      buffer.push(p.trim());
      if (buffer.join(' ').split(/\s+/).length >= words) {
        texts.push(buffer.join('\n\n'));
        buffer = [];
      }
    }
    if (texts.length >= n) break;
  }
  return texts.slice(0, n);
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

interface ReutersStory {
  title?: string;
  body?: string;
  date?: string;
  attrs: { newid: string | number };
}

function* reutersStories(): Generator<ReutersStory> {
  for (const f of readdirSync(REUTERS_DIR).filter((n) => n.endsWith('.json')).sort()) {
    yield* JSON.parse(readFileSync(join(REUTERS_DIR, f), 'utf8')) as ReutersStory[];
  }
}

/** A story as an input line: title, blank line, raw body; published on the story's day. */
function reutersLine(d: ReutersStory, key: string): string {
  const title = d.title ?? '';
  const m = /^\s*(\d+)-([A-Z]+)-(\d+)/.exec(d.date ?? '');
  const month = m ? MONTHS.indexOf(m[2]!) + 1 : 0;
  const year = m ? (m[3]!.length === 4 ? m[3]! : `19${m[3]!}`) : '';
  const published = m && month > 0 ? `${year}-${String(month).padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : undefined;
  return JSON.stringify({ id: key, text: `${title}\n\n${d.body ?? ''}`, title, ...(published ? { published } : {}) });
}

/**
 * JSONL input lines (as `extract --jsonl-in` reads them) of the articles named in `wanted`:
 * `bbc:<file field>` (title, blank line, text; published 2005-01-01) and `reuters:<newid>`
 * (title, blank line, raw body; published on the story's date). The hand-labelled sets on
 * these corpora (bench/data/event-validity*.jsonl, org-kinds.jsonl) were drawn from runs on
 * exactly these inputs.
 */
export function newsArticleLines(wanted: ReadonlySet<string>): Map<string, string> {
  const lines = new Map<string, string>();
  for (const line of readFileSync(BBC_FILE, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const a = JSON.parse(line) as { file: string; title: string; text: string };
    const key = `bbc:${a.file}`;
    if (wanted.has(key)) lines.set(key, JSON.stringify({ id: key, text: `${a.title}\n\n${a.text}`, title: a.title, published: '2005-01-01' }));
  }
  for (const d of reutersStories()) {
    const key = `reuters:${String(d.attrs.newid)}`;
    if (wanted.has(key)) lines.set(key, reutersLine(d, key));
  }
  return lines;
}

/**
 * Every Reuters-21578 story whose body has at least `minBody` characters, as input lines
 * like newsArticleLines', in file order: the corpus a store of 1987 wires is built from.
 */
export function* reutersArticleLines(minBody = 200): Generator<string> {
  for (const d of reutersStories()) {
    if ((d.body ?? '').trim().length >= minBody) yield reutersLine(d, `reuters:${String(d.attrs.newid)}`);
  }
}
