/**
 * The sector of an organisation that no table knows and whose name tells nothing ("Lenovo",
 * "SBC", "Icstis"), from the words the article puts around it:
 *  - a body noun right before a mention: "US telco SBC", "watchdog Icstis", "trade body Intellect";
 *  - a body noun right after it: "Telegraph newspapers";
 *  - an apposition headed by one: "Lenovo, China's biggest computer maker,";
 *  - what only a firm has, after it or before it: "Sony's shares", "Xstrata shareholders",
 *    "profits at Lenovo", "a stake in Parmalat";
 *  - a stock ticker after it, or the angle brackets wire copy puts round a company's name:
 *    "Shell Canada <SHC>", "IBM (NYSE: IBM)", "<Twin City Barge>";
 *  - an abbreviation in brackets takes the sector and country of the name it abbreviates:
 *    "the U.S. Department of Transportation (DOT)" → DOT is USAGOV.
 * The nouns are knowledge/body-nouns.tsv (knowledge/body-names.ts reads it). Also here, run at
 * the end of linking: a public body of no stated state takes the article's one country
 * (`placePublicBodies`).
 */
import { bodyNoun, PUBLIC_BODY_SECTORS } from '../knowledge/index.js';
import { bracketedAfter } from './abbreviations.js';
import { ArticlePlaces } from './article-places.js';
import type { Cluster } from './cluster.js';
import type { LinkContext } from './link-context.js';

/** The one or two lower-case words right before a mention: "telco" of "US telco SBC", "trade body" of "trade body Intellect". */
const WORDS_BEFORE = /(?:^|[^\p{L}'’-])((?:[\p{Ll}][\p{Ll}-]*\s+)?[\p{Ll}][\p{Ll}-]*)\s+$/u;
/** The lower-case word right after a mention: "newspapers" of "Telegraph newspapers". */
const WORD_AFTER = /^\s+([\p{Ll}]+)/u;
/** ", the UK's premium rate services watchdog," ", a US firm that …": up to six words of an apposition. */
const APPOSITION = /^,\s+(?:the|a|an|[\p{Lu}][\p{L}.]*['’]s)\s+((?:[\p{L}\p{N}'’.-]+\s+){0,5}?)([\p{Ll}-]+)(?=\s*[,;.)]|\s+(?:that|which|who|whose|with|in|based)\b)/u;
/** "<SHC>", "&lt;SHC>", "(NYSE: IBM)", "(IBM.N)" right after the name. */
const TICKER = /^\s*(?:(?:<|&lt;)[A-Z][A-Z0-9.]{0,7}>|\((?:NYSE|NASDAQ|Nasdaq|LSE|AMEX|TSX|ASX|HKEX|OTC)\s*:\s*[A-Z0-9.]+\)|\([A-Z]{1,5}\.[A-Z]{1,2}\))/;
/** What only a firm has, right after its name: "Sony's shares", "Xstrata shareholders", "Fiat's share price". */
const FIRM_AFTER = /^(?:['’]s?)?\s+(?:shares|shareholders|share\s+price|stock\s+price|profits?|pre-tax\s+profits?|net\s+income|earnings|revenues?|turnover)\b/i;
/** …and right before it: "profits at Lenovo", "a stake in Parmalat", "shares in the Fiat". */
const FIRM_BEFORE = /\b(?:shares|stake|stakes|shareholding|holding)\s+(?:in|of)\s+(?:the\s+)?$|\b(?:profits?|earnings|losses)\s+(?:at|of)\s+(?:the\s+)?$/i;
/** A name wire copy marks as a company: "<Twin City Barge>". */
const MARKED_BEFORE = /(?:<|&lt;)$/;
const ABBREVIATION = /^[A-Z][A-Z&]{1,7}$/;

export function codeBodiesByContext(ctx: LinkContext): void {
  const { text } = ctx.input;
  const open = ctx.clusters.filter((c) => c.type === 'ORG' && c.sector === null && !c.linked);
  if (open.length === 0) return;
  for (const c of open) {
    for (const m of c.mentions) {
      if (m.kind !== 'name') continue;
      const sector = sectorAround(text, m.start, m.end);
      if (sector === undefined) continue;
      c.sector = sector;
      break;
    }
  }
  // Abbreviations last, so that the names they abbreviate have their sectors.
  const byEnd = new Map<number, Cluster>();
  for (const c of ctx.clusters) if (c.type === 'ORG') for (const m of c.mentions) byEnd.set(m.end, c);
  for (const c of open) {
    if (c.sector !== null) continue;
    for (const m of c.mentions) {
      if (!ABBREVIATION.test(m.text)) continue;
      const full = bracketedAfter(text, m, byEnd);
      if (!full || full === c || full.sector === null) continue;
      c.sector = full.sector;
      c.country ??= full.country;
      c.code ??= full.code;
      break;
    }
  }
}

/**
 * A public body no table knows and whose name states no country ("the Farm Credit
 * Administration") belongs to the one country the article has named up to its first mention
 * (article-places.ts: by name, adjective, a place in it, or the dateline); with two or more
 * named, to none. Run after every other step, when the article's places are all linked.
 */
export function placePublicBodies(ctx: LinkContext): void {
  let article: ArticlePlaces | undefined;
  for (const c of ctx.clusters) {
    if (c.type !== 'ORG' || c.linked || c.country !== null || c.sector === null || !PUBLIC_BODY_SECTORS.has(c.sector) || c.mentions.length === 0) continue;
    if (!c.mentions.some((m) => m.kind === 'name')) continue;
    article ??= new ArticlePlaces(ctx);
    c.country = article.onlyCountrySoFar(ctx.sentenceIndexOf(c.firstOffset()));
  }
}

/** The sector the words around text[start, end) give it, null for "no sector", undefined when they say nothing. */
function sectorAround(text: string, start: number, end: number): string | null | undefined {
  const after = text.slice(end, end + 80);
  if (TICKER.test(after)) return 'BUS';
  if (FIRM_AFTER.test(after)) return 'BUS';
  const before = text.slice(Math.max(0, start - 40), start);
  if (MARKED_BEFORE.test(before) && after.startsWith('>')) return 'BUS';
  if (FIRM_BEFORE.test(before)) return 'BUS';
  const pre = WORDS_BEFORE.exec(before);
  if (pre && !/\n/.test(pre[0])) {
    const found = bodyNoun(pre[1]!.split(/\s+/));
    if (found !== undefined) return found;
  }
  const post = WORD_AFTER.exec(after);
  if (post && !/\n/.test(post[0])) {
    const found = bodyNoun([post[1]!]);
    // Only nouns that name the body itself: "Telegraph newspapers", not "Arsenal side" (a team's
    // players) or "Sony chain" (one of its shops).
    if (found === 'MED') return found;
  }
  const app = APPOSITION.exec(after);
  if (app) {
    const words = `${app[1]!}${app[2]!}`.toLowerCase().split(/\s+/).filter((w) => w !== '');
    const found = bodyNoun(words);
    if (found !== undefined) return found;
  }
  return undefined;
}
