/**
 * Builds the NER gazetteer, models/gazetteer.tsv.gz: `TYPE<TAB>lowercased tokens`.
 * Sources: GeoNames cities15000, countryInfo and regionInfo (CC BY 4.0, geonames.org);
 * Schrodt's CountryInfo (nationality adjectives, leaders and cabinet names); the
 * Wikidata foreign-minister snapshot (CC0); and the facts in ner-facts.ts.
 * Usage: npx tsx training/ner-gazetteer.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as facts from './ner-facts.js';
import { SHARED } from './ner-text.js';

const TOKEN = /(?:\p{L}\.){2,}|[\p{L}\p{Nd}]+(?:[-'’&.][\p{L}\p{Nd}]+)*|\S/gu;
const entries = new Map<string, Set<string>>();

function add(type: string, name: string): void {
  const toks = [...name.matchAll(TOKEN)].map((m) => m[0].toLowerCase());
  if (toks.length === 0 || toks.length > 6) return;
  const key = toks.join(' ');
  if (key.length < 2) return;
  let set = entries.get(type);
  if (!set) entries.set(type, (set = new Set()));
  set.add(key);
}

const LATIN = /^[\p{Script=Latin}\p{M} '’.-]+$/u;

// Cities: the primary and ASCII names, plus Latin-script alternates of larger places.
for (const line of readFileSync(join(SHARED, 'geonames', 'cities15000.txt'), 'utf8').split('\n')) {
  const c = line.split('\t');
  if (c.length < 15) continue;
  add('CITY', c[1]!);
  add('CITY', c[2]!);
  if (Number(c[14]) >= 100000) {
    for (const alt of (c[3] ?? '').split(',')) {
      if (LATIN.test(alt) && /^\p{Lu}/u.test(alt)) add('CITY', alt);
    }
  }
}

for (const line of readFileSync(join(SHARED, 'geonames', 'countryInfo.tsv'), 'utf8').split('\n')) {
  if (line.startsWith('#')) continue;
  const c = line.split('\t');
  if (c[4]) add('COUNTRY', c[4]);
  if (c[5]) add('CITY', c[5]);
}
for (const n of facts.COUNTRY_EXTRA) add('COUNTRY', n);

for (const line of readFileSync(join(SHARED, 'geonames', 'regionInfo.tsv'), 'utf8').split('\n')) {
  if (line.startsWith('#')) continue;
  const c = line.split('\t');
  if (c[1]) add('REGION', c[1]);
  if (c[2]) add('REGION', c[2]);
}
for (const n of facts.REGION_EXTRA) add('REGION', n);

// CountryInfo: first nationality adjective of each country, and people's names.
const STOP = new Set(['al', 'el', 'bin', 'ibn', 'de', 'da', 'van', 'von', 'la', 'le', 'abu', 'abd', 'abdul', 'del', 'di', 'du', 'ben', 'and', 'the']);
const countryInfo = readFileSync(join(SHARED, 'leaders', 'CountryInfo.140728.txt'), 'utf8');
let block = '';
let firstNationality = false;
const titleCase = (s: string): string => s.toLowerCase().replace(/(^|[\s-])\p{L}/gu, (m) => m.toUpperCase());
function addPerson(raw: string): void {
  const toks = raw.split('_').filter((t) => t.length > 0 && !t.includes('.'));
  if (toks.length < 2 || toks.length > 5) return;
  add('PERSON', toks.join(' '));
  const first = toks[0]!.toLowerCase();
  const last = toks[toks.length - 1]!.toLowerCase();
  if (!STOP.has(first) && first.length > 2) add('FIRST', first);
  if (!STOP.has(last) && last.length > 2) add('LAST', last);
}
for (const raw of countryInfo.split('\n')) {
  const line = raw.replace(/#.*$/, '').trim();
  const open = /^<([A-Za-z][^>]*)>$/.exec(line);
  if (open) {
    if (['Nationality', 'Leaders', 'Government'].includes(open[1]!)) block = open[1]!;
    firstNationality = open[1] === 'Nationality';
    continue;
  }
  if (/^<\/(Nationality|Leaders|Government)>$/.test(line)) {
    block = '';
    continue;
  }
  if (block === 'Nationality' && firstNationality && line) {
    add('DEMONYM', titleCase(line.replace(/_+$/, '').replace(/_/g, ' ')));
    firstNationality = false;
  } else if ((block === 'Leaders' || block === 'Government') && line && !line.startsWith('<')) {
    const names = line.startsWith('{') ? [...line.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!) : [line.split(/\s/)[0]!];
    for (const n of names) addPerson(n);
  }
}
for (const line of readFileSync(join(SHARED, 'leaders', 'current_foreign_ministers_wikidata_2022.csv'), 'utf8').split('\n').slice(1)) {
  const name = line.split(',')[1];
  if (name) addPerson(name.replace(/ /g, '_'));
}

for (const n of facts.DEMONYMS) add('DEMONYM', n);
for (const n of facts.TITLES) add('TITLE', n);
for (const n of facts.ORG_WORDS) add('ORGWORD', n);
for (const n of facts.ORG_NAMES) add('ORG', n);
for (const n of facts.MISC_NAMES) add('MISC', n);

const lines: string[] = [];
for (const [type, set] of [...entries].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  for (const e of [...set].sort()) lines.push(`${type}\t${e}`);
  console.log(`${type}: ${set.size}`);
}
const out = join(import.meta.dirname, '..', 'models', 'gazetteer.tsv.gz');
const gz = gzipSync(`${lines.join('\n')}\n`, { level: 9 });
writeFileSync(out, gz);
console.log(`wrote ${out} (${gz.length} bytes)`);
