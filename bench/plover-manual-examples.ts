/**
 * The PLOVER 2.0 manual's own examples as a coverage check for the event coder (src/events).
 *
 * The manual (../shared/data/plover/PLOVER_MANUAL.tex, read at run time, never copied) gives
 * each event type a definition, a mode table and, here and there, quoted examples. Three
 * kinds of example are taken from its "Event Categories" chapter:
 *
 * - sentence: a quoted example starting with a capital ("Pakistan's military rescued …"),
 *   run as it stands. Its type is the category the manual says it "should be coded as"
 *   in the same paragraph, else the section's; "should not … be coded" makes it a negative
 *   example (the type must not be predicted).
 * - quoted phrase: a lower-case quoted keyword or clause ("holding talks", "announced …
 *   would withdraw troops");
 * - definition/mode phrase: the pieces of the section's definition (first sentence of each
 *   paragraph and its bullets) and of each mode table row ("Abduct, kidnap, hijack"), split at
 *   commas, "or", "and/or", semicolons and slashes.
 *
 * A phrase has no actor of its own, so it is framed with a named one: a verb phrase as
 * "Kenya continued to <phrase>." (asserted), an -ing phrase as "Kenya continued <phrase>.", the means named by the ASSAULT and MOBILIZE
 * mode tables as "Kenya attacked Uganda with <phrase>." / "Kenya deployed <phrase> …" (scored by
 * mode), anything else as a noun phrase, "Kenya's <phrase> took place on Monday."
 *
 * Each example runs through `extract` (as bench/events-eval.ts's `run` does, with the coder's
 * trace) and counts as coded when its type is among the predicted events' PLOVER categories
 * (`ploverCategory`, so a future CONSULT counts as AGREE). A sentence without an actor entity
 * may rightly code nothing (an event needs a named actor): such misses are counted apart.
 *
 *   npx tsx bench/plover-manual-examples.ts [--misses] [--all]
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tracingPipeline } from './tracing-pipeline.js';
import type { Doc } from '../src/core/doc.js';
import type { ArticleRecord } from '../src/core/record.js';
import { extract } from '../src/extract.js';
import type { TraceItem } from '../src/events/coder.js';
import { ploverCategory } from '../src/events/plover.js';
import { isActorEntity } from '../src/events/view.js';
import { parserModelAvailable } from '../src/nlp/parser/index.js';

const MANUAL = fileURLToPath(new URL('../../shared/data/plover/PLOVER_MANUAL.tex', import.meta.url));
const SHOW_MISSES = process.argv.includes('--misses');
const SHOW_ALL = process.argv.includes('--all');
const CATEGORIES = new Set(['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT']);
// The manual's text names two categories by shorthand: THREAT for THREATEN, and RESTRICT
// (a COERCE mode) for COERCE in "would be coded as RESTRICT".
const ALIASES: Record<string, string> = { THREAT: 'THREATEN', RESTRICT: 'COERCE' };
const ACTOR = 'Kenya';

type Kind = 'sentence' | 'quoted' | 'definition' | 'mode' | 'instrument';
interface Example { type: string; mode: string | null; kind: Kind; text: string; negative: boolean }

// ------------------------------------------------------------------ reading the LaTeX

/** Comments out: a "%" not escaped ends the line's text. */
function stripComments(tex: string): string {
  return tex.split('\n').map((l) => l.replace(/(^|[^\\])%.*$/, '$1')).join('\n');
}

/** LaTeX markup to plain text: commands that wrap text keep it, the rest go. */
function plain(tex: string): string {
  return tex
    .replace(/\\(?:plcat|plcon|plmod|txt|ti|textit|emph|texttt|textbf)\{([^}]*)\}/g, '$1')
    .replace(/\\(?:ldots|dots)\b\s*/g, '...')
    .replace(/\\([$%&_#])/g, '$1')
    .replace(/\$\+\$/g, '+')
    .replace(/\$([^$]*)\$/g, '$1')
    .replace(/\\[a-zA-Z]+\*?(\[[^\]]*\])?(\{[^}]*\})?/g, ' ')
    .replace(/[{}]/g, '')
    .replace(/---/g, ' - ')
    .replace(/[ \t\n]+/g, ' ')
    .trim();
}

function category(name: string): string | null {
  const n = ALIASES[name] ?? name;
  return CATEGORIES.has(n) ? n : null;
}

/** The mode rows of the section's tables: [mode, content] (a row with an empty name continues the last). */
function modeRows(body: string): [string, string][] {
  const out: [string, string][] = [];
  for (const m of body.matchAll(/\\begin\{tabular\}(?:\{(?:[^{}]|\{[^{}]*\})*\})([\s\S]*?)\\end\{tabular\}/g)) {
    for (const row of m[1]!.replace(/\\hline/g, '').split('\\\\')) {
      const cells = row.split(/(?<!\\)&/).map((c) => plain(c));
      if (cells.length < 2) continue;
      const [name, content] = [cells[0]!, cells.slice(1).join(' ')];
      if (name === 'Name' || content === '') continue;
      if (name === '' && out.length > 0) out[out.length - 1]![1] += ` ${content}`;
      else if (name !== '') out.push([name, content]);
    }
  }
  return out;
}

/**
 * A definition or mode text cut into phrases: at sentence ends, semicolons, colons, commas,
 * slashes, " or " / " and/or " / " as well as ", and at bracketed asides (their own phrase).
 */
function pieces(text: string): string[] {
  const noEg = text.replace(/\((?:e\.g\.|for example|i\.e\.),?\s*/gi, '(').replace(/\b(?:e\.g\.|i\.e\.),?/gi, ',');
  return noEg
    .split(/[.;:,()/]|\s(?:or|and\/or|as well as|including|such as|etc)\s|\s-\s/i)
    .map((p) => p.replace(/``|''/g, '').replace(/^(?:and|or|all|any|also|both|otherwise|including|such as)\s+/i, '').replace(/\s+(?:etc|and)$/i, '').trim())
    .filter((p) => p.length > 2 && /[a-z]/i.test(p))
    // Connective fragments and the manual's own vocabulary (actor, recipient, event …) are not examples.
    .filter((p) => !/^(?:this|these|that|it|they|which|the coder|see|note|of|by|with|from|to|in|on|for|but|not|if|can|typically|whose|both)\b/i.test(p))
    .filter((p) => !/\b(?:actor|actors|recipient|entity|entities|event|events|category|context|mode|modes|[A-Z]{4,})\b/.test(p));
}

function examplesOf(tex: string): Example[] {
  const src = stripComments(tex);
  const from = src.indexOf('\\chapter{Event Categories}');
  const to = src.indexOf('\\chapter{', from + 1);
  if (from < 0) throw new Error(`plover-manual-examples: no "Event Categories" chapter in ${MANUAL}`);
  const chapter = src.slice(from, to < 0 ? undefined : to);
  const out: Example[] = [];
  const seen = new Set<string>();
  const add = (e: Example): void => {
    const key = `${e.type}|${e.kind === 'sentence' ? 's' : 'p'}|${e.text.toLowerCase()}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(e);
  };
  for (const sec of chapter.split(/\\section\{/).slice(1)) {
    const type = sec.slice(0, sec.indexOf('}'));
    if (!CATEGORIES.has(type)) continue;
    const body = sec.slice(sec.indexOf('}') + 1);
    const modes = modeRows(body);
    const modeNames = new Set(modes.map(([m]) => m.toLowerCase()));
    // Definition: everything before the first subsection; a paragraph's first sentence and each bullet.
    const def = body.split('\\subsection')[0]!;
    for (const para of def.split(/\n\s*\n|\\item/)) {
      const text = plain(para.replace(/\\begin\{itemize\}|\\end\{itemize\}/g, ''));
      if (text === '') continue;
      const first = text.split(/(?<=[a-z)])\.\s/)[0]!;
      // Sentences about the category rather than examples of it say so by naming it.
      if (/\b(?:category|code|coded|CAMEO|WEIS|PLOVER|event data|keywords)\b/.test(first)) continue;
      for (const p of pieces(first)) add({ type, mode: null, kind: 'definition', text: p, negative: false });
    }
    for (const [mode, content] of modes) {
      for (const p of pieces(content.replace(/\(will also[^)]*\)/, ''))) add({ type, mode, kind: 'mode', text: p, negative: false });
    }
    // Quoted examples, typed by what their paragraph says they are coded as.
    for (const m of body.matchAll(/``([\s\S]*?)(?:''|")/g)) {
      const text = plain(m[1]!).replace(/^\.\.\.|\.\.\.$/g, '').replace(/,\s*$/, '').trim();
      if (text === '' || text.includes('/')) continue;
      const rest = body.slice(m.index! + m[0].length).split(/\\item|\n\s*\n/)[0]!;
      const said = /coded\s+as\s+\\plcat\{(\w+)\}/.exec(rest);
      const negative = /should not/.test(rest) && !said;
      const t = said ? category(said[1]!) : type;
      if (t === null) continue;
      const lower = text.toLowerCase();
      // A quoted mode or context name, or the category's own name, is a label, not an example.
      if (modeNames.has(lower) || CATEGORIES.has(text.toUpperCase()) || /\bcontext\b/.test(body.slice(Math.max(0, m.index! - 40), m.index!))) continue;
      const sentence = /^[A-Z]/.test(text) && text.split(' ').length >= 4;
      add({ type: t, mode: null, kind: sentence ? 'sentence' : 'quoted', text: sentence ? text : text.replace(/\.\.\./g, ' it '), negative });
    }
  }
  return out;
}

// ------------------------------------------------------------------ running the coder

const { pipeline, seen } = tracingPipeline({ parser: parserModelAvailable() });

function run(text: string): { r: ArticleRecord; doc: Doc; trace: TraceItem[] } {
  const r = extract({ name: 'plover-manual', uri: null, kind: 'text', content: text, published: null }, pipeline);
  return { r, doc: seen.doc!, trace: seen.trace };
}

// The ASSAULT and MOBILIZE mode tables name the means (weapons, forces), not acts; the
// REQUEST, REJECT and THREATEN tables name what is asked, refused or threatened ("the mode is
// the content of the threat"). A phrase from them is run inside a plain act of its type and
// scored by the mode that act gets: [noun-phrase frame, verb-phrase frame].
const MEANS_FRAME: Record<string, [(np: string) => string, ((vp: string) => string) | null]> = {
  ASSAULT: [(np) => `Kenya attacked Uganda with ${np}.`, null],
  MOBILIZE: [(np) => `Kenya deployed ${np} near the border.`, null],
  REQUEST: [(np) => `Kenya demanded ${np}.`, (vp) => `Kenya urged Uganda to ${vp}.`],
  REJECT: [(np) => `Kenya rejected ${np}.`, (vp) => `Kenya refused to ${vp}.`],
  THREATEN: [(np) => `Kenya threatened ${np}.`, (vp) => `Kenya threatened to ${vp}.`],
};

/**
 * The sentence an example is run as: sentences as they stand, phrases in a frame with a named
 * actor. A verb phrase goes after "Kenya continued to" (asserted, and a catenative whose subject
 * the complement shares); whether the phrase starts with a verb is the pipeline's own tag there.
 */
function framed(e: Example): { text: string; out: ReturnType<typeof run>; kind: Kind } {
  if (e.kind === 'sentence') return { text: e.text, out: run(e.text.endsWith('.') ? e.text : `${e.text}.`), kind: e.kind };
  const phrase = /^[A-Z][a-z]/.test(e.text) ? e.text.charAt(0).toLowerCase() + e.text.slice(1) : e.text;
  const frame = (text: string, kind: Kind = e.kind): { text: string; out: ReturnType<typeof run>; kind: Kind } => ({ text, out: run(text), kind });
  const prefix = `${ACTOR} continued to `;
  const verb = frame(`${prefix}${phrase}.`);
  const tag = verb.out.doc.tokens.find((t) => t.start === prefix.length)?.xpos ?? '';
  const means = e.kind === 'mode' ? MEANS_FRAME[e.type] : undefined;
  const isVerb = tag === 'VB' || tag === 'VBP';
  if (means && isVerb && means[1]) return frame(means[1](phrase), 'instrument');
  if (means && !isVerb && tag !== 'VBG') return frame(means[0](phrase), 'instrument');
  if (isVerb) return verb;
  if (tag === 'VBG') return frame(`${ACTOR} continued ${phrase}.`);
  return frame(`${ACTOR}'s ${phrase} took place on Monday.`);
}

interface Tally { n: number; coded: number; noActor: number; missesWithActor: number }

function main(): void {
  if (!existsSync(MANUAL)) {
    console.log(`plover-manual-examples: skipped, the PLOVER manual is not at ${MANUAL}`);
    return;
  }
  const examples = examplesOf(readFileSync(MANUAL, 'utf8'));
  const byType = new Map<string, Tally>();
  const byKind = new Map<string, Tally>();
  const tally = (m: Map<string, Tally>, k: string): Tally => {
    let t = m.get(k);
    if (!t) m.set(k, (t = { n: 0, coded: 0, noActor: 0, missesWithActor: 0 }));
    return t;
  };
  for (const e of examples) {
    const { text, out, kind } = framed(e);
    const types = new Set(out.r.events.map(ploverCategory));
    // A means is scored by the mode it gives its act; everything else by its type.
    const ok = kind === 'instrument'
      ? out.r.events.some((x) => x.type === e.type && x.mode === e.mode)
      : e.negative ? !types.has(e.type as never) : types.has(e.type as never);
    const hasActor = out.doc.entities.some(isActorEntity);
    const rows = kind === 'instrument' ? [tally(byKind, `${e.type} means/content → mode`)] : [tally(byType, e.type), tally(byType, 'ALL'), tally(byKind, kind)];
    for (const t of rows) {
      t.n++;
      if (ok) t.coded++;
      else if (!hasActor) t.noActor++;
      else t.missesWithActor++;
    }
    if ((SHOW_MISSES && !ok) || SHOW_ALL) {
      const why = out.trace.map((t) => `${out.doc.text.slice(out.doc.tokens[t.trigger.first]!.start, out.doc.tokens[t.trigger.last]!.end)}:${t.outcome}`).join(' ') || 'no trigger';
      const label = `${e.negative ? 'not ' : ''}${e.type}${e.mode ? `/${e.mode}` : ''}`;
      console.log(`${ok ? 'ok  ' : 'MISS'} ${label.padEnd(26)} ${kind.padEnd(10)} got=[${out.r.events.map((x) => `${ploverCategory(x)}${x.mode ? `/${x.mode}` : ''}`).join(',')}]${hasActor ? '' : ' (no actor entity)'} | ${why} | ${text}`);
    }
  }
  const row = (k: string, t: Tally): string => {
    const withActor = t.n - t.noActor;
    const share = (a: number, b: number): string => (b === 0 ? '   -' : (a / b).toFixed(2));
    return `${k.padEnd(11)} ${share(t.coded, t.n)}  ${String(t.coded).padStart(3)}/${String(t.n).padEnd(3)}  with an actor entity ${share(t.coded, withActor)} ${t.coded}/${withActor}  (no actor entity in the example: ${t.noActor})`;
  };
  console.log(`PLOVER manual examples: ${examples.length} (coded = the example's type among the predicted PLOVER categories; means rows: an event of the type with the row's mode)`);
  for (const [k, t] of [...byType].filter(([k]) => k !== 'ALL').sort(([a], [b]) => a.localeCompare(b))) console.log(row(k, t));
  console.log(row('ALL', byType.get('ALL')!));
  for (const [k, t] of byKind) console.log(row(`  ${k}`, t));
}

main();
