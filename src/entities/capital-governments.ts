/**
 * A capital named as the one who acts stands for its country's government: wire copy writes
 * "Baghdad said", "Tehran has denied", "Washington warned Moscow", "Baghdad's forces" for the
 * governments seated there (the metonymy event-coding dictionaries have always held). Such a
 * capital takes its government's code and sector, as "the Kremlin" and "Downing Street" do
 * through organisations.tsv, and keeps its type and place: an attack "in Baghdad" is still in
 * Baghdad, and the events stage still reads a city in a place slot as a place.
 *
 * A capital acts when a name mention of it opens a clause (nothing but a conjunction, a comma or
 * a relative word before it: never "officials in Baghdad said"; "items on which Washington has
 * asked Seoul …") and a verb of saying or of state action follows, after auxiliaries, adverbs and
 * "is likely to"; when it is the agent of such a verb in the passive ("blamed by Washington");
 * when it owns with "'s" what a government has ("Baghdad's
 * forces", "Washington's objections"; not "London's Abbey Road studios"); when a word for a
 * government follows it ("the Kabul government", "the Baghdad regime"); when a verb of
 * pressing or blaming addresses it ("accused Washington", "called on Moscow"; never "attacked
 * Baghdad", which is a place); or when talks, relations or a deal are "with" it ("talking with
 * Tokyo"). Verbs are listed rather than any verb taken: "Washington beat Dallas" is a team.
 *
 * A former seat counts while the government sat there: "Bonn said" is West Germany's government
 * in 1987 (OTHER_SEATS).
 *
 * Brussels is left alone: "Brussels said" is the European Union far more often than Belgium.
 * So is a capital that some mention's words read as a sports club ("Madrid know my situation").
 */
import type { Token } from '../core/doc.js';
import { firstSpanStartingAt } from '../core/span.js';
import { countries } from '../knowledge/index.js';
import type { Country } from '../knowledge/index.js';
import { fold } from '../knowledge/normalize.js';
import type { LinkContext } from './link-context.js';

/** Seats of another body than the host state's government. */
const NOT_THE_GOVERNMENT: ReadonlySet<string> = new Set(['brussels']);

// Stems of the verbs a government does in the news: saying, deciding, pressing, fighting.
const ACTS = /^(?:say|said|tell|told|announc|declar|den(?:y|ies|ied)|accus|charg|warn|reject|urg|call|demand|agree|sign|threat|refus|insist|claim|respond|repl|protest|hail|welcom|condemn|expel|recall|summon|deploy|launch|order|approv|ban|impos|lift|offer|propos|seek|sought|ask|want|plan|hope|fear|blam|critici|dismiss|vow|pledg|promis|support|back|recogni|suspend|halt|resum|negotiat|host|invit|send|sent|retaliat|attack|raid|strik|struck|bomb|shell|fir|invad|occup|releas|free|arrest|detain|sanction|boycott|oppos|maintain|confirm|acknowledg|admit|complain|appeal|press|pressur|veto|withdr|pull|cut|sever|break|broke|restor|renew|extend|approach|rul|decid|refrain|stop|allow|permit|block|prevent)/;
const AUX = /^(?:has|have|had|is|are|was|were|will|would|could|can|may|might|must|should|shall|does|did|do|also|not|n't|already|again|repeatedly|quickly|swiftly|strongly|firmly|publicly|officially|flatly|formally|reportedly|then|now|still|yet|never|always|immediately|been|being|today|yesterday|tonight|likely|unlikely|expected|due|set|poised|about|going|to)$/;
// Verbs whose object is a party, never a place: "accused Washington", "urged Tehran", "called on Moscow".
const ADDRESSES = /^(?:accus|ask|told|tell|warn|urg|press|pressur|critici|condemn|blam|threat|sanction|recogni|invit|reassur|rebuk|snub|lobb|implor|persuad)/;
// Words of dealing with a party, before "with": "talks with Tokyo", "relations with Moscow".
const DEALINGS = /^(?:talk|negotiat|meet|met|consult|confer|discuss|deal|agreement|accord|relations|ties|dispute|row|trade|contacts?|cooperat|dialogue)/;
// What a government has, after "Baghdad's": "Baghdad's forces", "Washington's objections";
// not "London's Abbey Road studios" or "Berlin's top prize".
const HOLDINGS = /^(?:forces|troops|army|military|navy|warplanes|jets|missiles|government|regime|decision|position|policy|policies|stance|objections?|refusal|offer|proposals?|pacts?|accords?|treat(?:y|ies)|demands?|response|reaction|support|backing|allies|ally|envoys?|ambassadors?|negotiators?|diplomats?|claims?|threats?|warnings?|plans?|request|insistence|intentions?|attempts?|efforts?|strategy|concerns?|opposition|rejection|acceptance|approval|veto|moves?|measures|sanctions|pressure|accusations?|charges?|denials?|retaliation|ultimatum|terms|conditions|line)$/i;
// A government named after its seat: "the Kabul government", "the Baghdad regime".
const GOVERNS = /^(?:government|regime|authorities|administration|junta|cabinet|leadership)$/i;
const OPENERS: ReadonlySet<string> = new Set([',', 'and', 'but', 'while', 'whereas', 'as', 'that', 'because', 'although', 'though', 'if', 'unless', 'when', 'after', 'before', 'since', 'until', 'once', 'whether', 'which', 'whom', ';', ':', '(', '"', '“', '`', '``']);

/**
 * Seats of a government under another name than the countries table's capital: an old spelling,
 * or a seat the government has since left (until: the last day it sat there). Wire copy of 1987
 * writes "Bonn said" for West Germany's government; in 2020 Bonn is a city.
 */
const OTHER_SEATS: ReadonlyArray<{ name: string; a3: string; until?: string }> = [
  { name: 'Peking', a3: 'CHN' },
  { name: 'Bonn', a3: 'DEU', until: '1999-08-31' },
  { name: 'Rangoon', a3: 'MMR', until: '2005-11-06' },
  { name: 'Lagos', a3: 'NGA', until: '1991-12-12' },
  { name: 'Alma-Ata', a3: 'KAZ', until: '1997-12-10' },
  { name: 'Almaty', a3: 'KAZ', until: '1997-12-10' },
  { name: 'Rio de Janeiro', a3: 'BRA', until: '1960-04-21' },
];

/** Capitals by folded name ("Washington D.C." also as "Washington"), built once from the countries table. */
let capitals: Map<string, Country[]> | undefined;

function capitalsNamed(key: string): readonly Country[] {
  if (!capitals) {
    capitals = new Map();
    for (const c of countries().all) {
      const name = c.capital?.name;
      if (!name) continue;
      const short = name.replace(/\s+D\.?\s?C\.?$/, '');
      for (const n of new Set([fold(name), fold(short)])) {
        let list = capitals.get(n);
        if (!list) capitals.set(n, (list = []));
        list.push(c);
      }
    }
  }
  return capitals.get(key) ?? [];
}

/** The government a former or other seat stands for on the article's date (none when the date is unknown or later). */
function otherSeat(key: string, published: string | null): Country | undefined {
  const seat = OTHER_SEATS.find((x) => fold(x.name) === key);
  if (!seat || (seat.until !== undefined && (published === null || published.slice(0, 10) > seat.until))) return undefined;
  return countries().byCode(seat.a3);
}

/** The country whose capital the name is, when it names one: its own country when known, else the only one. */
function capitalOf(name: string, country: string | null, published: string | null): Country | undefined {
  const key = fold(name);
  if (NOT_THE_GOVERNMENT.has(key)) return undefined;
  const seat = otherSeat(key, published);
  if (seat) return country === null || country === seat.a3 ? seat : undefined;
  const named = capitalsNamed(key);
  if (country !== null) return named.find((c) => c.a3 === country);
  const independent = named.filter((c) => c.independent);
  return independent.length === 1 ? independent[0] : undefined;
}

function acts(ctx: LinkContext, tokens: readonly Token[], start: number, end: number): boolean {
  const { text } = ctx.input;
  const word = (k: number): string => (tokens[k] ? text.slice(tokens[k]!.start, tokens[k]!.end) : '');
  const first = firstSpanStartingAt(tokens, start);
  const after = firstSpanStartingAt(tokens, end);
  if (tokens[first]?.start !== start || after >= tokens.length) return false;
  // "Baghdad's forces": the owner of something no city part.
  if (word(after) === "'s" || word(after) === '\u2019s') {
    let k = after + 1;
    while (k < tokens.length && (tokens[k]!.xpos === 'JJ' || tokens[k]!.xpos === 'NN') && !HOLDINGS.test(word(k))) k++;
    return HOLDINGS.test(word(k));
  }
  // "The Kabul government accused …", "the Baghdad regime", "Tehran authorities": the government
  // seated there, named by its capital.
  if (GOVERNS.test(word(after))) return true;
  const before = first - 1;
  // The capital is a whole noun phrase, not a modifier of one ("urged London mayor Ken Livingstone").
  const whole = !(tokens[after]?.xpos ?? '').startsWith('NN');
  // A party dealt with: "talking with Tokyo", "relations with Moscow", "a deal with Beijing".
  if (whole && before >= 1 && word(before).toLowerCase() === 'with' && DEALINGS.test(word(before - 1).toLowerCase())) return true;
  // The party addressed: the object of a verb of pressing or blaming, or of "called on", "appealed to".
  const verbAt = before >= 0 && (word(before).toLowerCase() === 'on' || word(before).toLowerCase() === 'to') ? before - 1 : before;
  if (whole && verbAt >= 0 && (tokens[verbAt]!.xpos ?? '').startsWith('VB')) {
    const v = word(verbAt).toLowerCase();
    if (verbAt === before ? ADDRESSES.test(v) : /^(?:call|appeal)/.test(v)) return true;
  }
  // The agent of a passive verb of state action: "blamed by Washington", "criticised by Tokyo".
  if (whole && before >= 1 && word(before).toLowerCase() === 'by' && tokens[before - 1]!.xpos === 'VBN' && ACTS.test(word(before - 1).toLowerCase())) return true;
  // The subject of a clause: the sentence's first word, or nothing but an opener before it.
  if (before >= 0 && tokens[before]!.start >= ctx.sentenceOf(start).start && !OPENERS.has(word(before).toLowerCase())) return false;
  let k = after;
  // Auxiliaries and adverbs: "Washington has recently asked".
  for (let n = 0; n < 5 && k < tokens.length && (AUX.test(word(k).toLowerCase()) || tokens[k]!.xpos === 'RB'); n++) k++;
  const t = tokens[k];
  return t !== undefined && (t.xpos ?? '').startsWith('VB') && ACTS.test(word(k).toLowerCase());
}

export function codeCapitalGovernments(ctx: LinkContext): void {
  const { tokens } = ctx.input;
  if (!tokens || tokens.length === 0 || !tokens.some((t) => t.xpos !== undefined)) return;
  for (const c of ctx.clusters) {
    // Linking leaves a city LOC; the geo stage makes it GPE.
    if ((c.type !== 'GPE' && c.type !== 'LOC') || c.code !== null) continue;
    const state = capitalOf(c.name, c.country, ctx.input.published);
    if (!state || ctx.namesOfClubs().has(c.tokens.join(' '))) continue;
    if (!c.mentions.some((m) => m.kind === 'name' && acts(ctx, tokens, m.start, m.end))) continue;
    c.country = state.a3;
    c.sector = 'GOV';
    c.code = `${state.a3}GOV`;
  }
}
