/**
 * Mentions of a person named elsewhere in the article, read once every name is linked:
 * a role phrase alone ("the Azeri envoy" → the person with that role and country), a
 * social handle ("@bayramov_jeyhun" → the person whose names it spells), and a pronoun
 * (he/his/she/her → the nearest person before, outside quotations, or the person a
 * sentence-initial "In his statement, …" announces).
 */
import type { Span } from '../core/span.js';
import { readActor } from '../knowledge/index.js';
import type { Cluster } from './cluster.js';
import type { LinkContext } from './link-context.js';
import { handleMatches } from './names.js';
import { sameRole } from './role-family.js';
import { phraseMayHaveRole } from './titles.js';

/** "The Azeri Envoy said …", "the Iranian president": a role phrase standing for a person named elsewhere. */
export function linkTitleMentions(ctx: LinkContext): void {
  const { text } = ctx.input;
  const re = /\b[Tt]he((?:\s+[\p{L}’'-]+){1,4})/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // Longest reading first: "the Iranian foreign minister" before "the Iranian foreign".
    const words = m[1]!.trim().split(/\s+/);
    let reading = null;
    let n = words.length;
    for (; n >= 1; n--) {
      // Only a role counts here; most "the …" phrases cannot have one, and are not read.
      reading = phraseMayHaveRole(words, n - 1, words[n - 1]!) ? readActor(words.slice(0, n).join(' ')) : null;
      if (reading?.role) break;
    }
    // The phrase last read: the role's, or the first word when none has one.
    const phrase = words.slice(0, Math.max(n, 1)).join(' ');
    const start = m.index;
    const end = m.index + m[0].indexOf(phrase) + phrase.length;
    if (!reading?.role || reading.organisation || /s$/.test(phrase)) continue;
    if (ctx.covered({ start, end })) continue;
    // Followed by a name: it is a pre-modifier, already read with the name.
    if (/^\s+\p{Lu}/u.test(text.slice(end, end + 3))) continue;
    const person = latestPerson(ctx, start, (c) => sameRole(c.role, reading.role) && (reading.country === null || c.country === reading.country));
    if (person) person.add(text, { start, end }, 'title');
    re.lastIndex = end;
  }
}

export function linkHandles(ctx: LinkContext): void {
  const { text } = ctx.input;
  for (const m of text.matchAll(/(?<![\w@])@[A-Za-z0-9_]{2,30}/g)) {
    const span = { start: m.index, end: m.index + m[0].length };
    const person = ctx.clusters.find((c) => c.type === 'PERSON' && handleMatches(m[0], c.tokens));
    if (person) person.add(text, span, 'handle');
  }
}

export function linkPronouns(ctx: LinkContext): void {
  const { text, sentences } = ctx.input;
  for (const m of text.matchAll(/\b(?:he|him|his|she|her|hers|himself|herself)\b/gi)) {
    const span = { start: m.index, end: m.index + m[0].length };
    const sentence = ctx.sentenceOf(span.start);
    // "In his statement, Azerbaijani President Ilham Aliyev …": the person after the opening phrase.
    const opening = text.slice(sentence.start, span.start);
    const comma = text.indexOf(',', span.end);
    let target: Cluster | null = null;
    if (/^\s*\p{Lu}[\p{Ll}]*\s+(?:\p{Ll}+\s+)?$/u.test(opening) && comma > 0 && comma < sentence.end) {
      target = firstPersonIn(ctx, { start: comma, end: Math.min(sentence.end, comma + 80) });
    }
    if (!target && !ctx.insideQuote(span)) {
      // Antecedents within three sentences back.
      const si = ctx.sentenceIndexOf(span.start);
      const floor = si >= 3 ? sentences[si - 3]!.start : 0;
      const candidate = latestPerson(ctx, span.start, () => true);
      if (candidate && candidate.mentions.some((x) => x.start >= floor && x.end <= span.start)) target = candidate;
    }
    target?.add(text, span, 'pronoun');
  }
}

/** The person `ok` accepts with the latest mention, outside quotations, that ends before `before`. */
function latestPerson(ctx: LinkContext, before: number, ok: (c: Cluster) => boolean): Cluster | null {
  let best: Cluster | null = null;
  let bestAt = -1;
  for (const c of ctx.clusters) {
    if (c.type !== 'PERSON' || !ok(c)) continue;
    for (const m of c.mentions) {
      if (m.end <= before && m.start > bestAt && !ctx.insideQuote(m)) {
        best = c;
        bestAt = m.start;
      }
    }
  }
  return best;
}

/** The person whose name comes first inside the span. */
function firstPersonIn(ctx: LinkContext, span: Span): Cluster | null {
  let best: Cluster | null = null;
  let at = Infinity;
  for (const c of ctx.clusters) {
    if (c.type !== 'PERSON') continue;
    for (const m of c.mentions) if (m.kind === 'name' && m.start >= span.start && m.end <= span.end && m.start < at) {
      best = c;
      at = m.start;
    }
  }
  return best;
}
