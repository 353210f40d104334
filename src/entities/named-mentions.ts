/**
 * Step 1 of the linker: each NER mention to its entity — people (people.ts), countries
 * by name or demonym, organisations the knowledge knows, other places and names. Where
 * the tagger's label and the knowledge disagree the knowledge wins ("Kremlin" or "Sony"
 * tagged a place is the organisation); where the tagger says place or organisation and the
 * knowledge does not know the name, the words around its mentions decide (place-evidence.ts:
 * "in Lyon" is the city, "Halifax said" the bank, "shelled Kok-Tash" a village).
 */
import type { NerSpan } from '../core/doc.js';
import type { Span } from '../core/span.js';
import { bodyName, countries, organisations, partySectorOn, places, readActor, type OrgMatch } from '../knowledge/index.js';
import { fold } from '../knowledge/normalize.js';
import { Cluster } from './cluster.js';
import type { LinkContext } from './link-context.js';
import { isShortFormOf, nameTokens } from './names.js';
import { prefixCountry } from './prefix-country.js';
import { afterHonorific, linkPerson } from './people.js';
import { endsInPlaceWord, inTitleCase } from './place-evidence.js';

const PLACE_NOT_ORG_POPULATION = 50_000;
const ACRONYM = /^[\p{Lu}\d&.-]+$/u;
const SETTLEMENTS = new Set(['city', 'town', 'village']);
const COMMERCIAL = new Set(['company', 'media']);
const MAJOR_KINDS = new Set(['country', 'admin1', 'city', 'continent', 'region', 'sea']);
/**
 * Kinds of organisation whose name, tagged a person, is the organisation: firms, media and
 * bodies ("Dell", "Oxfam"). Not armed groups, whose names are often people's too ("Wagner").
 */
const NOT_PERSONS = new Set(['company', 'media', 'ngo', 'igo', 'un']);
/**
 * Kinds whose names are never a person's: a longer name of one tagged a person is the body
 * ("Downing Street", "White House"), even beside a person who shares a word of it.
 */
const NEVER_PERSONS = new Set([...NOT_PERSONS, 'government', 'ministry', 'legislature', 'intelligence', 'regulator', 'military', 'police', 'court', 'prosecutor', 'mission']);

/** Links a tagged name by its NER label; a name after "Mr" or "Dr" is a person's, whatever the label. */
export function linkName(ctx: LinkContext, span: NerSpan): void {
  if (span.label !== 'PER' && opensTitle(ctx.input.text, span)) return;
  if (span.label === 'PER' || afterHonorific(ctx.input.text, span) || personsName(ctx, span)) linkTaggedPerson(ctx, span);
  else if (span.label === 'LOC') linkPlace(ctx, span);
  else if (span.label === 'MISC') linkMisc(ctx, span);
  else linkOrganisation(ctx, span);
}

// A person's name with a generational suffix: "Patrick W. Carlineo Jr.", "Martin Luther King Jr".
const SUFFIXED_NAME = /^\p{Lu}[\p{L}'’-]+(?: \p{Lu}\.)*(?: \p{Lu}[\p{L}'’-]+)+,? (?:Jr|Sr)\.?$/u;

/**
 * A name tagged as a body or a thing that is a person's: one with a generational suffix, or one
 * of two or more words that a longer person's name of the article holds, surname last ("Van Der
 * Beek" beside "James Van Der Beek"), unless the knowledge knows it as a body.
 */
function personsName(ctx: LinkContext, span: NerSpan): boolean {
  const { text, ner } = ctx.input;
  const surface = text.slice(span.start, span.end);
  if (SUFFIXED_NAME.test(surface)) return true;
  const tokens = nameTokens(surface);
  if (tokens.length < 2 || knownAs(surface)) return false;
  return personNames(text, ner).some((full) => full.length > tokens.length && isShortFormOf(tokens, full));
}

// The person-tagged names of an article, as tokens: read once per article, not once per name.
const personNamesOf = new WeakMap<readonly NerSpan[], string[][]>();
function personNames(text: string, ner: readonly NerSpan[]): string[][] {
  let names = personNamesOf.get(ner);
  if (!names) {
    names = ner.filter((s) => s.label === 'PER').map((s) => nameTokens(text.slice(s.start, s.end)));
    personNamesOf.set(ner, names);
  }
  return names;
}

/**
 * The tagged words open a title that the next, capitalised word ends: "UK Home" of "the UK Home
 * Secretary, Sajid Javid". Such words name no body; the title is read with the person it names.
 * A body the knowledge knows keeps its name ("State Department Spokesman Ned Price").
 */
function opensTitle(text: string, span: Span): boolean {
  const next = /^ (\p{Lu}[\p{L}-]*)/u.exec(text.slice(span.end, span.end + 40))?.[1];
  if (next === undefined) return false;
  const surface = text.slice(span.start, span.end);
  // A country or its people stay themselves ("U.S. Banker", "West German President"): only a
  // name of a country and another word ("UK Home") can be a title's first half.
  if (!/\s/.test(surface) || countries().byName(surface) || countries().byDemonym(surface)) return false;
  const alone = readActor(surface);
  if (alone?.organisation || alone?.role) return false;
  return readActor(`${surface} ${next}`)?.role != null;
}

/** The article's entity for a country (ISO alpha-3), made linked on first use; null for a code the table lacks. */
export function countryCluster(ctx: LinkContext, a3: string): Cluster | null {
  const c = countries().byCode(a3);
  if (!c) return null;
  return ctx.keyed(`GPE:${a3}`, () => {
    const k = new Cluster('GPE', c.name);
    k.country = a3;
    k.code = a3;
    k.geo = { lat: c.lat, lon: c.lon, precision: 'country' };
    if (c.geonames !== null) k.ids = { geonames: c.geonames };
    k.linked = true;
    return k;
  });
}

/**
 * A name the organisation table knows by name ("Kremlin", "Taliban"), whatever the tagger
 * called it (of `kinds`, when given); but a company that shares a place's name is the place
 * where the article puts something there ("deforestation in the Amazon").
 */
function knownOrganisation(ctx: LinkContext, span: Span, kinds?: ReadonlySet<string>): boolean {
  const surface = ctx.input.text.slice(span.start, span.end);
  const match = knownAs(surface, kinds);
  if (!match) return false;
  if (COMMERCIAL.has(match.org.kind) && ctx.namesReadAsPlaces().has(nameTokens(surface).join(' '))) return false;
  linkOrganisation(ctx, span);
  return true;
}

/** The organisation the table knows by this name, of `kinds` when given; none for a generic institution word. */
function knownAs(surface: string, kinds?: ReadonlySet<string>): OrgMatch | null {
  const match = organisations().lookup(surface)[0];
  return !match || match.org.root === '*' || (kinds && !kinds.has(match.org.kind)) ? null : match;
}

/**
 * A name the tagger calls a person. A longer one is the body when the knowledge knows the whole
 * name as one whose names are never a person's ("Downing Street", "Morgan Stanley"). A one-word
 * name is a person for certain when a longer person's name of the article holds it ("Michael Dell"
 * beside "Dell"); it is the body when only such a body's name holds it ("Drexel" beside "Drexel
 * Burnham"); else an organisation the knowledge knows by that name wins ("technology firms like
 * Dell, LG and Samsung").
 */
function linkTaggedPerson(ctx: LinkContext, span: NerSpan): void {
  const { text, ner } = ctx.input;
  const tokens = nameTokens(text.slice(span.start, span.end));
  if (tokens.length > 1) {
    if (!knownOrganisation(ctx, span, NEVER_PERSONS)) linkPerson(ctx, span);
    return;
  }
  const holders = ner.filter((s) => s.label === 'PER' && s !== span && nameTokens(text.slice(s.start, s.end)).includes(tokens[0]!) && s.end - s.start > span.end - span.start);
  const bodies = holders.filter((s) => knownAs(text.slice(s.start, s.end), NEVER_PERSONS));
  if (holders.length > 0 && bodies.length === holders.length) linkOrganisation(ctx, span);
  else if (holders.length === 0 && isBrandCompound(text.slice(span.start, span.end).trim())) linkOrganisation(ctx, span);
  else if (holders.length > 0 || !knownOrganisation(ctx, span, NOT_PERSONS)) linkPerson(ctx, span);
}

/**
 * Name particles a capital follows inside one surname or given name ("McConnell", "DeSantis",
 * "LeBron", "DiCaprio", "O'Neill" has its own mark).
 */
const NAME_PARTICLES = new Set(['Mc', 'Mac', 'De', 'Di', 'Da', 'Du', 'Del', 'Della', 'La', 'Le', 'Lo', 'Van', 'Von', 'Vander', 'Fitz', 'St', 'Ja', 'Ke', 'Ta', 'Sha']);

/**
 * One word of two capitalised parts, the first no name particle: a brand ("WeWork", "YouTube",
 * "PayPal", "BlackRock"), which the tagger, trained on 1996 news, reads as a person.
 */
export function isBrandCompound(word: string): boolean {
  const m = /^(\p{Lu}\p{Ll}+)\p{Lu}\p{Ll}+$/u.exec(word);
  return m !== null && !NAME_PARTICLES.has(m[1]!);
}

/** Adds the span as a name of the country's entity; false when the country has none. */
function addToCountry(ctx: LinkContext, a3: string, span: Span): boolean {
  const c = countryCluster(ctx, a3);
  if (!c) return false;
  c.add(ctx.input.text, span, 'name');
  return true;
}

export function linkPlace(ctx: LinkContext, span: Span): void {
  const { text } = ctx.input;
  const surface = text.slice(span.start, span.end);
  if (knownOrganisation(ctx, span)) return;
  const key = nameTokens(surface).join(' ');
  // "Georgia On My Mind": a work's title, whatever place it names.
  if (inTitleCase(text, span, ctx.sentenceOf(span.start))) {
    ctx.keyed(`MISC:${key}`, () => new Cluster('MISC', surface)).add(text, span, 'name');
    return;
  }
  // A people's adjective the tagger calls a place ("the Philippine government") is its country, as in linkMisc.
  const country = countries().byName(surface) ?? countries().byDemonym(surface);
  if (country && addToCountry(ctx, country.a3, span)) return;
  const found = places().lookup(surface);
  // "Leicester duo Ollie Smith": a town's sports club, which the organisation step keeps apart
  // from the town unless the article also puts something in it. A nation or region that
  // fields a team ("England captain") stays the place, as a country does.
  if (ctx.namesOfClubs().has(key) && !found.some((c) => !SETTLEMENTS.has(c.kind))) return linkOrganisation(ctx, span);
  if (found.length > 0 || endsInPlaceWord(surface) || ctx.namesReadAsPlaces().has(key)) {
    ctx.keyed(`LOC:${key}`, () => new Cluster('LOC', surface)).add(text, span, 'name');
    return;
  }
  // No sign of a place (place-evidence.ts): the organisation of that name when the tagger
  // called another mention so ("Sony's robot" beside "from Sony"), else a name of no known type.
  const cluster = ctx.lookup(`ORG:${key}`) ?? ctx.keyed(`MISC:${key}`, () => new Cluster('MISC', surface));
  cluster.add(text, span, 'name');
}

export function linkMisc(ctx: LinkContext, span: Span): void {
  const { text } = ctx.input;
  const surface = text.slice(span.start, span.end);
  const country = countries().byDemonym(surface);
  if (country && addToCountry(ctx, country.a3, span)) return;
  if (knownOrganisation(ctx, span)) return;
  // The tagger sometimes calls a village MISC: a name that is shelled or captured, or "the
  // village of", is a place ("Tajik forces shelled Kok-Tash"); so is a gazetteer name the words
  // around it place, or a major one. A lesser namesake is not enough: "Olympic champion" is no
  // Hong Kong neighbourhood.
  const key = nameTokens(surface).join(' ');
  if (/^\p{Lu}/u.test(surface)) {
    if (ctx.namesOfSettlements().has(key)) return linkPlace(ctx, span);
    const found = places().lookup(surface);
    if (found.length > 0 && (ctx.namesReadAsPlaces().has(key) || found.some((c) => MAJOR_KINDS.has(c.kind)))) return linkPlace(ctx, span);
  }
  const group = countries().group(surface);
  const cluster = ctx.keyed(`MISC:${key}`, () => {
    const k = new Cluster(group ? 'NORP' : 'MISC', surface);
    if (!group) k.country = prefixCountry(surface);
    return k;
  });
  cluster.add(text, span, 'name');
}

export function linkOrganisation(ctx: LinkContext, span: Span): void {
  const { text } = ctx.input;
  const surface = text.slice(span.start, span.end);
  // Of organisations sharing a name in different countries ("Peoples' Democratic Party" of Turkey
  // and of Nigeria), the one of a country the article names.
  const match = ctx.ofNamedCountry(organisations().lookup(surface), (m) => m.country);
  // Trained on sports pages, the tagger calls "Lyon" or "El Paso" an organisation even where it
  // is the city; a sizeable place that no organisation is named after is read as the place when
  // the article puts something in it ("in Lyon", or "at Davos" where Davos is no club).
  // Elsewhere the tagger is mostly right: clubs ("against Blackburn"), companies ("Halifax
  // said"), and acronyms that spell a town ("ILO").
  const key = nameTokens(surface).join(' ');
  const country = match ? undefined : countries().byName(surface);
  if (country && addToCountry(ctx, country.a3, span)) return;
  // Cheapest tests first: most organisations share no sizeable place's name.
  const readAsPlace = (): boolean => ctx.namesAtPlaces().has(key) || (ctx.namesReadAsPlaces().has(key) && !ctx.namesOfClubs().has(key));
  if (!match && !ACRONYM.test(surface)
    && places().lookup(surface).some((c) => fold(c.name) === fold(surface) && (c.population >= PLACE_NOT_ORG_POPULATION || c.kind === 'admin1'))
    && readAsPlace()) {
    ctx.keyed(`LOC:${key}`, () => new Cluster('LOC', surface)).add(text, span, 'name');
    return;
  }
  const orgKey = match ? `ORG:${match.org.name}:${match.country ?? ''}` : `ORG:${key}`;
  const cluster = ctx.keyed(orgKey, () => {
    const k = new Cluster('ORG', surface);
    if (match) {
      // A party governs or opposes on the article's date, not on the table's.
      const dated = ctx.input.published ? partySectorOn(match.org, ctx.input.published) : null;
      k.country = match.country;
      k.sector = dated ?? match.sector;
      k.code = dated && match.country ? match.country + dated : match.code;
      k.linked = true;
    } else {
      // A body no table knows may still say what it is: "… Inc", "… Commission", "… Court".
      const body = bodyName(surface);
      k.country = prefixCountry(surface) ?? body?.country ?? null;
      k.sector = body?.sector ?? null;
    }
    return k;
  });
  cluster.add(text, span, 'name');
}
