/**
 * PLOVER events on real newswire (bench/data/events-news-gold.jsonl: Reuters-21578 stories of
 * ../shared/data/news-text, labelled before the system had been run on them; its header says
 * how they were drawn and what was coded). Each story runs through the pipeline as a scraped
 * text file holding its title, a blank line and its body, as the corpus has them (hard-wrapped,
 * with the "Reuter" trailer), with the story's date as publication date.
 *
 * A gold event sits at its trigger word, found after its sentence's opening words. A coded
 * event matches it when it comes from the sentence holding that word, has its type (or one
 * of its `alt` types) and names every gold actor: a three-letter country code matches an
 * entity of that country, any other word an entity whose name or a mention holds it. Each
 * coded event matches at most one gold event. Recall counts the required gold events (not
 * optional, actor named in the sentence); precision counts every coded event of the stories,
 * and a coded event is right when it matches any gold event, optional and implicit ones too.
 * The gold holds no hypothetical act, so a coded one counts as wrong; precision is also given
 * without the coded events marked hypothetical, as a user who filters them would see it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleRecord, Entity, EventRecord } from '../src/core/record.js';

interface GoldEvent {
  sentence: string;
  trigger: string;
  type: string;
  actor: string[];
  recipient: string[];
  alt?: string[];
  implicit?: boolean;
  optional?: boolean;
  modality?: string;
}

export const NEWS_HALVES = ['dev', 'dev2', 'dev3', 'held', 'held2', 'held3'] as const;
export type NewsHalf = (typeof NEWS_HALVES)[number];
/** The halves whose errors are never printed. */
export const isHeldHalf = (h: NewsHalf): boolean => h.startsWith('held');

interface GoldStory {
  newid: string;
  /** dev, dev2 and dev3 (later draws): errors may be read; held, held2 and held3: scored only. */
  half: NewsHalf;
  events: GoldEvent[];
}

interface Story {
  newid: string;
  title: string;
  body: string;
  published: string | null;
}

export interface NewsEventHalf {
  stories: number;
  /** Required gold events (explicit actor, not optional), and those coded with type and actors. */
  required: number;
  typeFound: number;
  found: number;
  /** Found events whose gold names a recipient, and those whose coded recipients hold it. */
  recipientGold: number;
  recipientOk: number;
  /** Gold events whose actor is named only outside the sentence, and those coded anyway. */
  implicit: number;
  implicitFound: number;
  coded: number;
  codedRight: number;
  /** The same, of the coded events not marked hypothetical (what a user who filters them keeps). */
  codedFirm: number;
  codedFirmRight: number;
  /** One line per miss and per wrong coded event (printed for the dev half only). */
  errors: string[];
}

const MONTHS: Record<string, string> = { JAN: '01', FEB: '02', MAR: '03', APR: '04', MAY: '05', JUN: '06', JUL: '07', AUG: '08', SEP: '09', OCT: '10', NOV: '11', DEC: '12' };

/** "26-FEB-1987 15:14:36.41" → "1987-02-26". */
function isoDate(d: string | undefined): string | null {
  const m = /^(\d{1,2})-([A-Z]{3})-(\d{4})/.exec(d?.trim() ?? '');
  const month = m ? MONTHS[m[2]!] : undefined;
  return m && month ? `${m[3]}-${month}-${m[1]!.padStart(2, '0')}` : null;
}

function stories(dir: string, ids: ReadonlySet<string>): Map<string, Story> {
  const out = new Map<string, Story>();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    for (const d of JSON.parse(readFileSync(join(dir, f), 'utf8')) as Array<{ title?: string; body?: string; date?: string; attrs?: { newid?: string } }>) {
      const id = d.attrs?.newid ?? '';
      if (ids.has(id)) out.set(id, { newid: id, title: d.title ?? '', body: d.body ?? '', published: isoDate(d.date) });
    }
  }
  return out;
}

/** Where `words` sit in `text` at or after `from`, spaces matching any run of white space. */
function find(text: string, words: string, from: number): number {
  const re = new RegExp(words.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'g');
  re.lastIndex = from;
  return re.exec(text)?.index ?? -1;
}

function matchesSpec(e: Entity | undefined, spec: string): boolean {
  if (!e) return false;
  if (/^[A-Z]{3}$/.test(spec)) return e.country === spec || (e.code?.startsWith(spec) ?? false);
  const w = spec.toLowerCase();
  return e.name.toLowerCase().includes(w) || e.mentions.some((m) => m.text.toLowerCase().includes(w));
}

function holdsAll(r: ArticleRecord, ids: readonly string[], specs: readonly string[]): boolean {
  const ents = ids.map((id) => r.entities.find((e) => e.id === id));
  return specs.every((s) => ents.some((e) => matchesSpec(e, s)));
}

/**
 * A meeting or a clash with several gold actors: the manual codes all parties as actors where
 * no side hosts or starts it; the coder gives "X met Y" as actor X, recipient Y. Either counts.
 */
function reciprocal(ge: GoldEvent): boolean {
  return ge.actor.length > 1 && (ge.type === 'CONSULT' || ge.type === 'ASSAULT');
}

const half = (): NewsEventHalf => ({ stories: 0, required: 0, typeFound: 0, found: 0, recipientGold: 0, recipientOk: 0, implicit: 0, implicitFound: 0, coded: 0, codedRight: 0, codedFirm: 0, codedFirmRight: 0, errors: [] });

/** Null when the stories are absent (../shared is not beside the project). */
export function scoreNewsEvents(goldText: string, reutersDir: string, run: (id: string, text: string, published: string | null) => ArticleRecord): Record<NewsHalf, NewsEventHalf> | null {
  if (!existsSync(reutersDir)) return null;
  const gold = goldText.split('\n').filter((l) => l.trim() && !l.includes('"note"')).map((l) => JSON.parse(l) as GoldStory);
  const texts = stories(reutersDir, new Set(gold.map((g) => g.newid)));
  const score = Object.fromEntries(NEWS_HALVES.map((h) => [h, half()])) as Record<NewsHalf, NewsEventHalf>;
  for (const g of gold) {
    const s = texts.get(g.newid);
    if (!s) throw new Error(`events-news-gold: story ${g.newid} is not in ${reutersDir}`);
    const h = score[g.half];
    h.stories++;
    const text = `${s.title}\n\n${s.body}`;
    const r = run(g.newid, text, s.published);
    const sentenceOf = (at: number): number => r.sentences.findIndex(([a, b]) => at >= a && at < b);
    const taken = new Set<EventRecord>();
    const typeOk = (e: EventRecord, ge: GoldEvent): boolean => e.type === ge.type || (ge.alt ?? []).includes(e.type);
    // Each gold event's sentence and trigger position, then two rounds of matching: coded events
    // of a gold event's own type first, so that an `alt` type never takes another's event.
    const placed = g.events.map((ge) => {
      const anchor = find(r.text, ge.sentence, 0);
      const at = anchor < 0 ? -1 : find(r.text, ge.trigger, anchor);
      if (at < 0) throw new Error(`events-news-gold: story ${g.newid}: "${ge.trigger}" after "${ge.sentence}" is not in the text`);
      return { ge, at, si: sentenceOf(at), hit: undefined as EventRecord | undefined };
    });
    for (const exact of [true, false]) {
      for (const p of placed) {
        if (p.hit) continue;
        const { ge, at, si } = p;
        p.hit = r.events
          .filter((e) => e.evidence.sentence === si && !taken.has(e) && (exact ? e.type === ge.type : typeOk(e, ge)))
          .sort((a, b) => Math.abs(a.trigger.start - at) - Math.abs(b.trigger.start - at))
          .find((e) => holdsAll(r, reciprocal(ge) ? [...e.actor, ...e.recipient] : e.actor, ge.actor));
        if (p.hit) taken.add(p.hit);
      }
    }
    for (const { ge, si, hit } of placed) {
      const here = r.events.filter((e) => e.evidence.sentence === si && typeOk(e, ge));
      const required = !ge.optional && !ge.implicit;
      if (ge.implicit && !ge.optional) {
        h.implicit++;
        if (hit) h.implicitFound++;
      }
      if (!required) continue;
      h.required++;
      if (here.length > 0) h.typeFound++;
      if (!hit) {
        h.errors.push(`${g.newid} missed ${ge.type} "${ge.trigger}" ${ge.actor.join('+')}→${ge.recipient.join('+')}${here.length > 0 ? ` (coded with actors ${here.map((e) => names(r, e.actor)).join('; ')})` : ''}`);
        continue;
      }
      h.found++;
      if (ge.recipient.length > 0) {
        h.recipientGold++;
        if (holdsAll(r, hit.recipient, ge.recipient)) h.recipientOk++;
        else h.errors.push(`${g.newid} recipient of ${ge.type} "${ge.trigger}": ${names(r, hit.recipient) || 'none'}, expected ${ge.recipient.join('+')}`);
      }
    }
    for (const e of r.events) {
      h.coded++;
      if (taken.has(e)) h.codedRight++;
      if (e.modality !== 'hypothetical') {
        h.codedFirm++;
        if (taken.has(e)) h.codedFirmRight++;
      }
      else h.errors.push(`${g.newid} wrong ${e.type}/${e.modality} "${e.trigger.text}" ${names(r, e.actor)}→${names(r, e.recipient)} | ${r.text.slice(r.sentences[e.evidence.sentence]?.[0] ?? 0, r.sentences[e.evidence.sentence]?.[1] ?? 0).replace(/\s+/g, ' ').slice(0, 140)}`);
    }
  }
  return score;
}

function names(r: ArticleRecord, ids: readonly string[]): string {
  return ids.map((id) => r.entities.find((e) => e.id === id)?.name ?? id).join('+');
}

/** Several halves counted as one (the held halves together are the figure to quote). */
export function sumHalves(xs: readonly NewsEventHalf[]): NewsEventHalf {
  const out = half();
  for (const x of xs) {
    for (const k of Object.keys(out) as Array<keyof NewsEventHalf>) {
      if (k !== 'errors') out[k] += x[k];
    }
    out.errors.push(...x.errors);
  }
  return out;
}
