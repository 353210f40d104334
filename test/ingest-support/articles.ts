/**
 * Small distinct news articles for the ingest tests, written to a directory: each has a
 * title line, a dated dateline and a couple of sentences with actors, a place and a
 * number, so extraction finds entities and events, and no two share their text.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ACTORS = ['Iran', 'France', 'Kenya', 'Brazil', 'Japan', 'Egypt', 'Canada', 'India', 'Turkey', 'Chile'];
const PLACES = ['Geneva', 'Nairobi', 'Lima', 'Oslo', 'Cairo', 'Dakar', 'Hanoi', 'Quito', 'Riga', 'Doha'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function articleText(i: number): string {
  const a = ACTORS[i % ACTORS.length]!;
  const b = ACTORS[(i * 3 + 1) % ACTORS.length]!;
  const place = PLACES[(i * 7) % PLACES.length]!;
  const month = MONTHS[i % MONTHS.length]!;
  const day = (i % 27) + 1;
  const n = 10 + i * 3;
  return [
    `${a} and ${b} hold talks in ${place} (report ${i})`,
    '',
    `${place.toUpperCase()}, ${month} ${day}, 2023 (Reuters) - The foreign minister of ${a} met his counterpart from ${b} in ${place} on Monday, officials said.`,
    '',
    `Police arrested ${n} protesters outside the venue, a spokesman said. "We want a fair agreement," the minister told reporters.`,
    '',
  ].join('\n');
}

/** Write `count` articles as 001.txt, 002.txt, … in `dir`; returns their paths. */
export function writeArticles(dir: string, count: number, from = 0): string[] {
  mkdirSync(dir, { recursive: true });
  const paths: string[] = [];
  for (let i = from; i < from + count; i++) {
    const path = join(dir, `${String(i + 1).padStart(3, '0')}.txt`);
    writeFileSync(path, articleText(i));
    paths.push(path);
  }
  return paths;
}
