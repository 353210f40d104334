/**
 * News articles of a given length for the speed benchmarks and identity checks: BBC
 * News 2004-05 from ../shared/data/news-text (research use; read, never copied into the
 * project), paragraphs joined in order and cut into texts of about `words` words each.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const BBC_FILE = fileURLToPath(new URL('../../../shared/data/news-text/bbc-news-articles.jsonl', import.meta.url));

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
