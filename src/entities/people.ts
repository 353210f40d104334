/**
 * A person's name as NER tagged it: joined to the person it is a short or full form of
 * ("Pashinyan" and "Nikol Pashinyan"), with the title written before or after it
 * ("Armenian Prime Minister …", "…, the Armenian leader,") as a mention, and the office
 * the knowledge says the person held on the article's date. An honorific is not part of the
 * name ("Mr Blunkett" is David Blunkett); "Sir" and "Dame" go with the given name, as does a
 * given name alone when one person of the article has it ("Walter" after "Walter Smith"). A
 * surname two people of the article share goes to the one the text and the knowledge point to
 * ("Biden" beside Hunter Biden and Joe Biden).
 */
import type { NerSpan } from '../core/doc.js';
import type { Span } from '../core/span.js';
import { givenNameGender, leaderParty, partyLedOn, partySector, roles } from '../knowledge/index.js';
import { Cluster } from './cluster.js';
import type { LinkContext } from './link-context.js';
import { isShortFormOf, nameTokens } from './names.js';
import { appositionAfter, titleBefore } from './titles.js';

/**
 * Honorifics, which the tagger sometimes takes into the name ("Mr Oaten" is the person named
 * Oaten), with the gender they state and whether they go with the given name ("Sir Alan" is
 * Sir Alan Budd; "Lord Coe", "Mr Oaten" take the surname).
 */
const HONORIFICS: Readonly<Record<string, { gender: 'm' | 'f' | null; givenName?: true }>> = {
  Mr: { gender: 'm' }, Mrs: { gender: 'f' }, Ms: { gender: 'f' }, Miss: { gender: 'f' }, Mx: { gender: null },
  Dr: { gender: null }, Prof: { gender: null }, Sir: { gender: 'm', givenName: true }, Dame: { gender: 'f', givenName: true },
  Lord: { gender: 'm' }, Lady: { gender: 'f' }, Rev: { gender: null },
};
const HONORIFIC_WORDS = Object.keys(HONORIFICS).join('|');
/** An honorific opening a tagged name; group 1 is its word. */
const HONORIFIC = new RegExp(`^(${HONORIFIC_WORDS})\\.?\\s+(?=\\p{Lu})`, 'u');
/** An honorific right before a name the tagger left it out of. */
const HONORIFIC_BEFORE = new RegExp(`(?<![\\p{L}])(${HONORIFIC_WORDS})\\.?\\s+$`, 'u');
/**
 * Honorifics that only ever stand before a person's name. "Miss", "Lord" and "Lady" also open
 * the names of contests and places ("Miss World", "Lord's", "Lady Elliot Island").
 */
const PERSONS_ONLY = /^(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sir|Dame|Rev)$/;

/**
 * Whether a tagged name, of whatever label, opens with or follows a person's honorific: "Mr.
 * Trump" is a person even where the tagger, which met few honorifics in its Reuters training
 * text, called it an organisation.
 */
export function afterHonorific(text: string, tagged: Span): boolean {
  const word = honorificOf(text, tagged);
  return word !== undefined && PERSONS_ONLY.test(word);
}

/** The honorific opening a tagged name ("Mr" of "Mr. Trump"), if any, and the name without it. */
function splitHonorific(text: string, tagged: Span): { word: string | undefined; span: Span } {
  const m = HONORIFIC.exec(text.slice(tagged.start, tagged.end));
  return m ? { word: m[1], span: { start: tagged.start + m[0].length, end: tagged.end } } : { word: undefined, span: tagged };
}

/** The honorific inside a tagged name, or just before it when the tagger left it out. */
function honorificOf(text: string, tagged: Span): string | undefined {
  return splitHonorific(text, tagged).word ?? HONORIFIC_BEFORE.exec(text.slice(Math.max(0, tagged.start - 6), tagged.start))?.[1];
}

/**
 * "Walter" after "Walter Smith", "Sir Alan" after "Sir Alan Budd": a given name alone is the one
 * person of the article with that given name; none when two share it ("Hassan" beside Hassan
 * Rouhani and Hassan Nasrallah).
 */
function byGivenName(ctx: LinkContext, given: string): Cluster | undefined {
  const named = ctx.clusters.filter((c) => c.type === 'PERSON' && c.tokens.length >= 2 && c.tokens[0] === given);
  return named.length === 1 ? named[0] : undefined;
}

/** A full name the tagger found: its name tokens, its text, and where each of its mentions starts. */
type FullName = { tokens: string[]; surface: string; starts: number[] };

/** Full names (two words or more) the tagger found in an article, by their last word: built once per span list. */
const fullNamesBySurname = new WeakMap<readonly NerSpan[], Map<string, FullName[]>>();

function fullNames(ctx: LinkContext, surname: string): readonly FullName[] {
  const { ner, text } = ctx.input;
  let bySurname = fullNamesBySurname.get(ner);
  if (!bySurname) {
    bySurname = new Map();
    for (const s of ner) {
      if (s.label !== 'PER') continue;
      const { start } = splitHonorific(text, s).span;
      const surface = text.slice(start, s.end);
      const tokens = nameTokens(surface);
      if (tokens.length < 2) continue;
      const last = tokens[tokens.length - 1]!;
      const list = bySurname.get(last) ?? [];
      const same = list.find((f) => f.tokens.join(' ') === tokens.join(' '));
      if (same) same.starts.push(start);
      else list.push({ tokens, surface, starts: [start] });
      bySurname.set(last, list);
    }
    fullNamesBySurname.set(ner, bySurname);
  }
  return bySurname.get(surname) ?? [];
}

/**
 * The full names that are different people: not a title the tagger took into the name ("Sen.
 * Karnes", "Chief of Staff Howard Baker" gives "Staff Howard Baker"), and not one person written
 * with and without a middle initial or as a short given name ("Patrick W. Carlineo", "Pat Carlineo").
 */
function distinctPeople(named: readonly FullName[]): FullName[] {
  const people: FullName[] = [];
  for (const f of named) {
    const first = f.surface.split(/\s+/)[0]!;
    if (first.endsWith('.') || roles().lookup(first.toLowerCase()) !== undefined) continue;
    const core = f.tokens.filter((t) => t.length > 1);
    if (core.length < 2) continue;
    const same = people.find((p) => {
      const other = p.tokens.filter((t) => t.length > 1);
      return core.length === other.length && (core[0]!.startsWith(other[0]!) || other[0]!.startsWith(core[0]!)) && core.slice(1).join(' ') === other.slice(1).join(' ');
    });
    if (!same) people.push(f);
  }
  return people;
}

/**
 * "Biden" in an article that names both Hunter Biden and Joe Biden: the one the office table
 * knows on the article's date, when only one is; else the one named last before this mention
 * (else first after it). Where the other full names are only titles or variants of one person's
 * ("Sen. Karnes" beside David Karnes), that person. With one full name, that person, even when
 * the surname comes first ("Howard backs stem cell research" above "Michael Howard has backed …"
 * is Michael Howard, not the office holder the table knows by that surname); but not a surname
 * behind a title (`titled`: "President Reagan" in a story that names only Nancy Reagan in full
 * is the president), nor one such a title made a person of its own before ("Reagan will travel"
 * after it). Undefined when the article writes no full name with this surname.
 */
function namesake(ctx: LinkContext, surname: string, at: number, titled: boolean): Cluster | undefined {
  const written = fullNames(ctx, surname);
  // One full name: the surname is that person, unless a title says otherwise here or made the
  // surname someone of its own before.
  const bare = (): boolean => ctx.clusters.some((c) => c.type === 'PERSON' && c.tokens.length === 1 && c.tokens[0] === surname);
  if (written.length === 0 || (written.length === 1 && (titled || bare()))) return undefined;
  const named = distinctPeople(written);
  if (named.length === 0) return undefined;
  const holders = named.length === 1 ? named : named.filter((f) => ctx.input.offices(f.surface, ctx.input.published) !== null);
  let chosen = holders.length === 1 ? holders[0]! : undefined;
  if (!chosen) {
    const before = (f: FullName): number => f.starts.reduce((last, s) => (s < at && s > last ? s : last), -1);
    chosen = [...named].sort((a, b) => before(b) - before(a) || a.starts[0]! - b.starts[0]!)[0]!;
  }
  const full = chosen;
  return ctx.clusters.find((c) => c.type === 'PERSON' && c.tokens.join(' ') === full.tokens.join(' '))
    ?? ctx.keyed(`PER:${full.tokens.join(' ')}`, () => new Cluster('PERSON', full.surface));
}

const KIN_BEFORE = /\b(?:wife|husband|son|daughter|mother|father|brother|sister|partner|girlfriend|boyfriend|fianc[ée]e?|widow|widower|niece|nephew|cousin|aunt|uncle|grandson|granddaughter|stepson|stepdaughter)\s*,?\s*$/i;

export function linkPerson(ctx: LinkContext, tagged: Span): void {
  const { text } = ctx.input;
  const { word: honorific, span } = splitHonorific(text, tagged);
  const surface = text.slice(span.start, span.end);
  const tokens = nameTokens(surface);
  const sentence = ctx.sentenceOf(tagged.start);
  const title = titleBefore(text, tagged, sentence, (at) => ctx.verbAt(at)) ?? appositionAfter(text, tagged, sentence);
  const existing = (tokens.length === 1 ? namesake(ctx, tokens[0]!, span.start, title !== null) : undefined)
    ?? ctx.clusters.find((c) => c.type === 'PERSON' && (isShortFormOf(tokens, c.tokens) || isShortFormOf(c.tokens, tokens)))
    ?? (tokens.length === 1 && (!honorific || HONORIFICS[honorific]?.givenName) ? byGivenName(ctx, tokens[0]!) : undefined);
  const cluster = existing ?? ctx.keyed(`PER:${tokens.join(' ')}`, () => new Cluster('PERSON', surface));
  cluster.add(text, span, surface.startsWith('@') ? 'handle' : 'name');
  const marked = honorificOf(text, tagged);
  if (marked !== undefined) cluster.gender ??= HONORIFICS[marked]?.gender ?? null;
  // Else a full name's given name, where news uses it for one gender only ("Michael Howard").
  if (tokens.length >= 2) cluster.gender ??= givenNameGender(tokens[0]!);
  if (title) cluster.add(text, title.span, 'title');
  // "His wife Sharon", "her son Jordan": a one-word name after a word of kin is a given name,
  // never the office holder of that surname (Ariel Sharon).
  if (!cluster.linked && !(tokens.length === 1 && KIN_BEFORE.test(text.slice(Math.max(sentence.start, span.start - 40), span.start)))) {
    const found = ctx.input.offices(cluster.name, ctx.input.published);
    // The text outranks a namesake in the table: "Venezuelan opposition leader Maria Lopez" is no Spanish minister.
    const office = found && title?.reading.country && title.reading.country !== found.country ? null : found;
    if (office) {
      // Of the realms one monarch reigns in, the one the article names.
      const country = ctx.ofNamedCountry([office.country, ...office.alsoIn], (c) => c) ?? office.country;
      // International offices carry a CAMEO IGO code ("IGOUNO") instead of a country.
      if (country.length === 3) cluster.country = country;
      else cluster.code = `${country}GOV`.slice(0, 9);
      cluster.role = office.role;
      cluster.sector = office.role === null || office.role.startsWith('former ') ? null : 'GOV';
      if (country.length === 3) cluster.party ??= leaderParty(country, office.name);
      cluster.linked = true;
    }
  }
  // A party's leader out of office ("Michael Howard" in 2004, a former home secretary then), where
  // the article names the party's country: a namesake abroad is not him. An office held on the
  // day outranks it.
  const published = ctx.input.published;
  if (cluster.sector === null && tokens.length >= 2 && published) {
    const led = partyLedOn(tokens.join(' '), published);
    if (led && (!title?.reading.country || title.reading.country === led.country) && ctx.countriesNamed().has(led.country)) {
      cluster.party ??= led.party;
      cluster.role = 'party leader';
      cluster.fill({ country: led.country, sector: partySector(led.party, published) });
    }
  }
  if (title) {
    // "Labour leader X", "Tory co-chairman Y": a role of no sector of its own serves the party, as of the
    // article's date; of parties sharing a name ("Conservative"), the one of a country the article names.
    const party = ctx.ofNamedCountry(title.reading.parties, (p) => p.country);
    if (party) cluster.party ??= party.name;
    const sector = title.reading.sector ?? (party ? partySector(party.name, ctx.input.published) : null);
    // A country the table gave from an office held only at another time yields to the one the text
    // gives now: "Soviet Foreign Minister Eduard Shevardnadze" in 1987, Georgia's president later.
    const country = party?.country ?? title.reading.country;
    if (country && cluster.country !== country && cluster.sector === null && (cluster.role === null || cluster.role.startsWith('former '))) {
      cluster.country = country;
    }
    cluster.fill({ country, role: title.reading.role, sector });
  }
}
