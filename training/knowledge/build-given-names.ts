/**
 * Builds knowledge/given-names.tsv: given names that news uses for men or for women, so that a
 * pronoun of the other gender is not read as a person of that name ("she often criticised her
 * husband" is not Michael Howard's act). src/knowledge/given-names.ts reads it.
 *
 *   npx tsx training/knowledge/build-given-names.ts
 *
 * Source: the unlabelled news of ../shared/data/news-text (BBC 2004–05 and Reuters-21578 bodies).
 * Within one article, a full name ("Michael Howard") and an honorific with its surname ("Mr
 * Howard") are one vote for that given name's gender, when the article gives the surname one
 * given name and one kind of honorific (Mr; Mrs, Ms, Miss). A name is kept with at least
 * MIN_VOTES votes of which at least AGREEMENT are for one gender. Deterministic (counts only).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUT as KNOWLEDGE, SHARED } from './sources.js';

const NEWS = join(SHARED, 'news-text');
const OUT = join(KNOWLEDGE, 'given-names.tsv');
const MIN_VOTES = 2;
const AGREEMENT = 0.9;

const HONORIFIC: Readonly<Record<string, 'm' | 'f'>> = { Mr: 'm', Mrs: 'f', Ms: 'f', Miss: 'f' };

function texts(): string[] {
  const out: string[] = [];
  const bbc = join(NEWS, 'bbc-news-articles.jsonl');
  for (const line of readFileSync(bbc, 'utf8').split('\n')) if (line.trim() !== '') out.push((JSON.parse(line) as { text: string }).text);
  const reuters = join(NEWS, 'reuters21578');
  for (const f of readdirSync(reuters).filter((x) => x.endsWith('.json')).sort()) {
    for (const d of JSON.parse(readFileSync(join(reuters, f), 'utf8')) as { body?: string }[]) out.push(d.body ?? '');
  }
  return out;
}

if (!existsSync(NEWS)) throw new Error(`build-given-names: no news text at ${NEWS} (set NEWSGRAPH_SHARED to the shared data folder)`);
const votes = new Map<string, { m: number; f: number }>();
const FULL = /\b([A-Z][a-z]{2,})\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b/g;
const TITLED = /\b(Mr|Mrs|Ms|Miss)\.?\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b/g;
for (const text of texts()) {
  const given = new Map<string, Set<string>>();
  for (const m of text.matchAll(FULL)) {
    if (HONORIFIC[m[1]!] !== undefined) continue;
    const set = given.get(m[2]!) ?? new Set<string>();
    set.add(m[1]!);
    given.set(m[2]!, set);
  }
  const titled = new Map<string, Set<'m' | 'f'>>();
  for (const m of text.matchAll(TITLED)) {
    const set = titled.get(m[2]!) ?? new Set<'m' | 'f'>();
    set.add(HONORIFIC[m[1]!]!);
    titled.set(m[2]!, set);
  }
  for (const [surname, genders] of titled) {
    const names = given.get(surname);
    if (genders.size !== 1 || names?.size !== 1) continue;
    const name = [...names][0]!;
    const v = votes.get(name) ?? { m: 0, f: 0 };
    v[[...genders][0]!]++;
    votes.set(name, v);
  }
}
const rows = [...votes].filter(([, v]) => v.m + v.f >= MIN_VOTES && Math.max(v.m, v.f) / (v.m + v.f) >= AGREEMENT)
  .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  .map(([name, v]) => `${name}\t${v.m > v.f ? 'm' : 'f'}\t${v.m + v.f}`);
writeFileSync(OUT, [
  '# Given names news uses for men (m) or women (f), with the votes behind each. Built by training/knowledge/build-given-names.ts:',
  '# do not edit. Source: ../shared/data/news-text (BBC 2004-05, Reuters-21578), a full name and "Mr"/"Mrs"/"Ms"/"Miss" with its',
  `# surname in one article being one vote; kept with at least ${MIN_VOTES} votes, ${AGREEMENT * 100}% for one gender. Facts of usage, no text.`,
  'name\tgender\tvotes',
  ...rows,
].join('\n') + '\n');
console.log(`wrote ${OUT}: ${rows.length} names (${rows.filter((r) => r.includes('\tf\t')).length} women's)`);
