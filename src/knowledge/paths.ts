import { readFileSync } from 'node:fs';
import { gunzipWhole } from '../core/inflate.js';

/**
 * Resolved against this module's own URL: src/knowledge/ (tsx, vitest) and
 * dist/knowledge/ (built) both sit two levels below the package root.
 */
export function knowledgeFile(name: string): URL {
  return new URL(`../../knowledge/${name}`, import.meta.url);
}

export function readKnowledge(name: string): string {
  return readKnowledgeBytes(name).toString('utf8');
}

/** The table's bytes, decompressed when it is gzipped. */
export function readKnowledgeBytes(name: string): Buffer {
  const bytes = readFileSync(knowledgeFile(name));
  return name.endsWith('.gz') ? gunzipWhole(bytes) : bytes;
}

/** Rows of a tab-separated knowledge table, without its `#` comment lines and header. */
export function tsvRows(text: string, header = true): string[][] {
  const rows: string[][] = [];
  let seenHeader = !header;
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    if (!seenHeader) {
      seenHeader = true;
      continue;
    }
    rows.push(line.split('\t'));
  }
  return rows;
}
