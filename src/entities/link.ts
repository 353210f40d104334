/**
 * From NER mentions to the article's entities: linking to the knowledge tables,
 * actor coding, and in-article coreference (short names, handles, titles,
 * pronouns). One entity per real-world thing; every surface form a mention of it.
 *
 * Order of work (each step may use what the earlier ones built):
 *  1. names: people (with pre-modifying titles and appositions, office holders on
 *     the article's date), countries and demonyms, organisations, other places;
 *  2. hyphenated qualifiers naming a leader or backer: "US-led forces", "Iran-backed militias";
 *     group actors named by a qualifier and a body: "the Armenian army", "Iranian officials";
 *     then unnamed groups named by a common noun: "demonstrators", "a human rights group";
 *  3. title-only mentions: "the Azeri envoy" → the person with that role and country;
 *  4. social handles: "@bayramov_jeyhun" → the person whose names it spells;
 *  5. pronouns: he/his/she/her → the nearest person before, outside quotations,
 *     or the person a sentence-initial "In his statement, …" announces.
 */
import type { NerSpan, Token } from '../core/doc.js';
import type { ParseOnDemand } from '../core/parses.js';
import { findQuoteMarks } from '../core/quote-marks.js';
import type { Entity } from '../core/record.js';
import type { Span } from '../core/span.js';
import { findSpanAt } from '../core/span.js';
import { countries, organisations, places, readActor, roles } from '../knowledge/index.js';
import { Cluster } from './cluster.js';
import { LED_BODIES, readCompound } from './compound-qualifiers.js';
import type { CompoundQualifier } from './compound-qualifiers.js';
import { bareCollectiveAt, findGroupPhrases } from './group-nominals.js';
import type { GroupPhrase } from './group-nominals.js';
import { handleMatches, isShortFormOf, nameTokens } from './names.js';
import { appositionAfter, phraseMayHaveRole, titleBefore } from './titles.js';
import { sameRole } from './role-family.js';
import { datelineCountry, findForcePhrases, locativeBefore } from './state-forces.js';
import { resolvePlace } from '../geo/resolve.js';
import type { PlaceContext } from '../geo/resolve.js';

export interface OfficeInfo {
  name: string;
  country: string;
  role: string;
}

/** Who held an office under this name on this date (ISO), if the knowledge knows. */
export type OfficeLookup = (name: string, date: string | null) => OfficeInfo | null;

export interface LinkInput {
  text: string;
  paragraphs: readonly Span[];
  sentences: readonly Span[];
  ner: readonly NerSpan[];
  published: string | null;
  offices: OfficeLookup;
  /** Tagged (and, when parsed, dependency-labelled) tokens; without them no unnamed groups are read. */
  tokens?: readonly Token[];
  /** Parses the sentence of a token on demand (Doc.parses); without it, tokens are read as they are. */
  parses?: ParseOnDemand | null;
  /** The dateline's place as written ("NAIROBI"): where a story's unattributed state forces are. */
  dateline?: string | null;
}

const PLACE_NOT_ORG_POPULATION = 50_000;
const PERSON_ROLE_SECTORS = new Set(['GOV', 'DIP', 'LEG', 'JUD', 'MIL', 'COP', 'MED', 'BUS', 'OPP', 'REB', 'EDU', 'REL']);

/** Sectors of state forces and bodies (state-forces.ts), and of all state actors. */
const FORCE_SECTORS: ReadonlySet<string> = new Set(['MIL', 'COP', 'GOV']);
const STATE_SECTORS: ReadonlySet<string> = new Set(['GOV', 'MIL', 'COP', 'DIP', 'JUD', 'LEG', 'SPY']);

/** Countries the article names so far, by mention count: the context a place name is read in. */
function placeContext(clusters: readonly Cluster[]): PlaceContext {
  const counts = new Map<string, number>();
  for (const c of clusters) if ((c.type === 'GPE' || c.type === 'NORP') && c.country !== null && c.code === c.country) counts.set(c.country, (counts.get(c.country) ?? 0) + c.mentions.length);
  return { countries: counts, regions: new Set() };
}

/** Words that end a noun phrase rather than modify its head: verbs, function words. */
const NOT_MODIFIER = new Set(['and', 'or', 'of', 'to', 'in', 'on', 'at', 'for', 'from', 'by', 'with', 'as', 'than', 'who', 'which', 'that', 'have', 'has', 'had', 'were', 'was', 'are', 'is', 'be', 'been', 'will', 'would', 'could', 'should', 'may', 'might', 'can', 'must', 'did', 'do', 'does', 'said', 'says', 'say', 'told', 'also', 'not', 'now', 'then', 'today', 'yesterday']);

/** "Palestinians", "Britons", "Iraqis": a national demonym in the plural names people, not their state. */
function pluralPeople(surface: string): boolean {
  return /s$/.test(surface) && countries().byName(surface) === undefined && countries().byDemonym(surface) !== undefined;
}

/** A hyphen (or Unicode hyphen, en dash) inside the span, not at either end. */
function hasInnerHyphen(text: string, span: Span): boolean {
  for (let j = span.start + 1; j < span.end - 1; j++) {
    const c = text.charCodeAt(j);
    if (c === 45 || c === 0x2010 || c === 0x2011 || c === 0x2013) return true;
  }
  return false;
}

/** A lower-case word that can stand between a qualifier and a role head ("nationalist", "paper", "border"). */
function isModifierWord(w: string): boolean {
  return !NOT_MODIFIER.has(w) && !/(?:ed|ing|ly)$/.test(w) && !roles().lookup(w);
}

export class Linker {
  private readonly clusters: Cluster[] = [];
  private readonly byKey = new Map<string, Cluster>();
  private readonly quoted: Span[];
  /** Named parts of backer compounds ("Iran" of "Iran-backed"): a backer, never the owner or country of what follows. */
  private readonly backerParts: Span[] = [];

  constructor(private readonly input: LinkInput) {
    this.quoted = findQuoteMarks(input.text, input.paragraphs).map((q) => q.inner);
  }

  private sentenceOf(offset: number): Span {
    const i = findSpanAt(this.input.sentences, offset);
    return i >= 0 ? this.input.sentences[i]! : { start: 0, end: this.input.text.length };
  }

  private keyed(key: string, make: () => Cluster): Cluster {
    let c = this.byKey.get(key);
    if (!c) {
      c = make();
      this.byKey.set(key, c);
      this.clusters.push(c);
    }
    return c;
  }

  private covered(span: Span): boolean {
    return this.clusters.some((c) => c.mentions.some((m) => m.start <= span.start && span.end <= m.end));
  }

  private insideQuote(span: Span): boolean {
    return this.quoted.some((q) => q.start <= span.start && span.end <= q.end);
  }

  run(): Entity[] {
    const { ner } = this.input;
    for (const whole of ner) {
      const span = this.afterCompound(whole);
      if (!span) continue;
      if (span.label === 'PER') this.person(span);
      else if (span.label === 'LOC') this.place(span);
      else if (span.label === 'MISC') this.misc(span);
      else this.organisation(span);
    }
    this.compounds();
    this.groups();
    this.groupNominals();
    this.stateForces();
    this.titleMentions();
    this.handles();
    this.pronouns();
    // A country named only by its people's adjective is a nationality, not a place.
    for (const c of this.clusters) {
      if (c.type === 'GPE' && c.code === c.country && c.mentions.every((m) => countries().byName(m.text) === undefined)) c.type = 'NORP';
    }
    // Each cluster's first offset once, not at every comparison of the sort.
    return this.clusters
      .filter((c) => c.mentions.length > 0)
      .map((c) => ({ c, at: c.firstOffset() }))
      .sort((a, b) => a.at - b.at)
      .map(({ c }, i) => c.toEntity(`E${i + 1}`));
  }

  private person(span: Span): void {
    const { text } = this.input;
    const surface = text.slice(span.start, span.end);
    const tokens = nameTokens(surface);
    const existing = this.clusters.find((c) => c.type === 'PERSON' && (isShortFormOf(tokens, c.tokens) || isShortFormOf(c.tokens, tokens)));
    const cluster = existing ?? this.keyed(`PER:${tokens.join(' ')}`, () => new Cluster('PERSON', surface));
    cluster.add(text, span, surface.startsWith('@') ? 'handle' : 'name');
    const sentence = this.sentenceOf(span.start);
    const title = titleBefore(text, span, sentence) ?? appositionAfter(text, span, sentence);
    if (title) cluster.add(text, title.span, 'title');
    if (!cluster.linked) {
      const found = this.input.offices(cluster.name, this.input.published);
      // The text outranks a namesake in the table: "Venezuelan opposition leader Maria Lopez" is no Spanish minister.
      const office = found && title?.reading.country && title.reading.country !== found.country ? null : found;
      if (office) {
        // International offices carry a CAMEO IGO code ("IGOUNO") instead of a country.
        if (office.country.length === 3) cluster.country = office.country;
        else cluster.code = `${office.country}GOV`.slice(0, 9);
        cluster.role = office.role;
        cluster.sector = office.role.startsWith('former ') || office.role.startsWith('future ') ? null : 'GOV';
        cluster.linked = true;
      }
    }
    if (title) cluster.fill({ country: title.reading.country, role: title.reading.role, sector: title.reading.sector });
  }

  private countryCluster(a3: string): Cluster | null {
    const c = countries().byCode(a3);
    if (!c) return null;
    return this.keyed(`GPE:${a3}`, () => {
      const k = new Cluster('GPE', c.name);
      k.country = a3;
      k.code = a3;
      k.geo = { lat: c.lat, lon: c.lon, precision: 'country' };
      if (c.geonames !== null) k.ids = { geonames: c.geonames };
      k.linked = true;
      return k;
    });
  }

  /** A name the organisation table knows by name ("Kremlin", "Taliban"), whatever the tagger called it. */
  private knownOrganisation(span: Span): boolean {
    const surface = this.input.text.slice(span.start, span.end);
    const match = organisations().lookup(surface)[0];
    if (!match || match.org.root === '*') return false;
    this.organisation(span);
    return true;
  }

  private place(span: Span): void {
    const { text } = this.input;
    const surface = text.slice(span.start, span.end);
    if (this.knownOrganisation(span)) return;
    const country = countries().byName(surface);
    if (country) {
      const c = this.countryCluster(country.a3);
      if (c) {
        c.add(text, span, 'name');
        return;
      }
    }
    const cluster = this.keyed(`LOC:${nameTokens(surface).join(' ')}`, () => new Cluster('LOC', surface));
    cluster.add(text, span, 'name');
  }

  private misc(span: Span): void {
    const { text } = this.input;
    const surface = text.slice(span.start, span.end);
    const country = countries().byDemonym(surface);
    if (country) {
      const c = this.countryCluster(country.a3);
      if (c) {
        c.add(text, span, 'name');
        return;
      }
    }
    if (this.knownOrganisation(span)) return;
    // The tagger sometimes calls a village MISC; a gazetteer name is a place.
    if (/^\p{Lu}/u.test(surface) && places().lookup(surface).length > 0) return this.place(span);
    const group = countries().group(surface);
    const cluster = this.keyed(`MISC:${nameTokens(surface).join(' ')}`, () => new Cluster(group ? 'NORP' : 'MISC', surface));
    cluster.add(text, span, 'name');
  }

  private organisation(span: Span): void {
    const { text } = this.input;
    const surface = text.slice(span.start, span.end);
    const match = organisations().lookup(surface)[0];
    // Trained on sports pages, the tagger calls "Lyon" or "El Paso" an organisation; a sizeable
    // place that no organisation is named after is read as the place.
    if (!match && places().lookup(surface).some((c) => c.population >= PLACE_NOT_ORG_POPULATION || c.kind === 'country' || c.kind === 'admin1')) {
      const cluster = this.keyed(`LOC:${nameTokens(surface).join(' ')}`, () => new Cluster('LOC', surface));
      cluster.add(text, span, 'name');
      return;
    }
    const key = match ? `ORG:${match.org.name}:${match.country ?? ''}` : `ORG:${nameTokens(surface).join(' ')}`;
    const cluster = this.keyed(key, () => {
      const k = new Cluster('ORG', surface);
      if (match) {
        k.country = match.country;
        k.sector = match.sector;
        k.code = match.code;
        k.linked = true;
      }
      return k;
    });
    cluster.add(text, span, 'name');
  }

  /**
   * A NER span opening with a hyphenated qualifier ("US-led", "Saudi-led Coalition"): its
   * named part is linked here, and the rest, if any, is returned to be read as tagged —
   * except a bare body word, which the compound's own reading (compounds()) covers.
   */
  private afterCompound(span: NerSpan): NerSpan | null {
    const { text } = this.input;
    const space = text.slice(span.start, span.end).search(/\s/);
    const firstEnd = space < 0 ? span.end : span.start + space;
    const q = readCompound(text, { start: span.start, end: firstEnd });
    if (!q) return span;
    this.compoundPart(q, span.label);
    const rest = /\S/.exec(text.slice(firstEnd, span.end));
    if (!rest) return null;
    const start = firstEnd + rest.index;
    if (LED_BODIES.has(text.slice(start, span.end).toLowerCase())) return null;
    return { start, end: span.end, label: span.label };
  }

  /**
   * Links the named part of a compound ("US", "NATO", "Kurdish") to its country,
   * organisation or people, else, when NER labelled the compound, reads it as that label
   * ("Trump-backed" PER); the entity, or null.
   */
  private compoundPart(q: CompoundQualifier, label: NerSpan['label'] | null = null): Cluster | null {
    const { text } = this.input;
    if (q.relation === 'backer' && !this.backerParts.some((b) => b.start === q.part.start)) this.backerParts.push(q.part);
    const found = this.clusters.find((c) => c.mentions.some((m) => m.start === q.part.start && m.end === q.part.end));
    if (found) return found;
    const surface = text.slice(q.part.start, q.part.end);
    const country = countries().byName(surface) ?? countries().byDemonym(surface);
    if (country) {
      const c = this.countryCluster(country.a3);
      c?.add(text, q.part, 'name');
      return c;
    }
    if (organisations().lookup(surface)[0]) this.organisation(q.part);
    else if (countries().group(surface)) this.misc(q.part);
    else if (label === 'PER') this.person(q.part);
    else if (label === 'LOC') this.place(q.part);
    else if (label === 'ORG') this.organisation(q.part);
    else return null;
    return this.clusters.find((c) => c.mentions.some((m) => m.start === q.part.start && m.end === q.part.end)) ?? null;
  }

  /**
   * Hyphenated qualifiers in the tagged text: each named part is linked (NER may have
   * missed "Iran-backed"), and a body led by a state is that state's military: "the
   * Saudi-led coalition" → SAUMIL, as CAMEO codes a coalition by its leader; led by an
   * organisation ("NATO-led troops") it is a mention of the organisation, as "Hamas
   * militants" are Hamas. What a backer backs is read with the other groups
   * (group-nominals.ts): a proxy of its own, whose country the backer is not.
   */
  private compounds(): void {
    const { text, tokens } = this.input;
    if (!tokens) return;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      // Only words with an inner hyphen can be compounds: most tokens are dismissed unsliced.
      if (t.end - t.start < 5 || !hasInnerHyphen(text, t)) continue;
      const q = readCompound(text, t);
      if (!q) continue;
      const leader = this.compoundPart(q);
      if (q.relation !== 'leader' || !leader) continue;
      const head = this.bodyAfter(i);
      if (head < 0) continue;
      const span = { start: t.start, end: tokens[head]!.end };
      const word = text.slice(tokens[head]!.start, tokens[head]!.end).toLowerCase();
      if (leader.type === 'ORG') {
        leader.add(text, span, 'nominal');
        continue;
      }
      if (leader.type !== 'GPE' && leader.type !== 'NORP') continue;
      const country = leader.country;
      if (country === null || leader.code !== country) continue;
      const reading = readActor(`${text.slice(q.part.start, q.part.end)} ${word}`);
      const canonical = reading?.sector === 'MIL' ? (reading.organisation ?? reading.role ?? word) : word;
      const cluster = this.keyed(`GRP:${country}:MIL:${canonical}`, () => {
        const k = new Cluster('ORG', text.slice(span.start, span.end));
        k.country = country;
        k.sector = 'MIL';
        k.role = reading?.sector === 'MIL' ? reading.role : null;
        k.linked = true;
        return k;
      });
      cluster.add(text, span, 'nominal');
    }
  }

  /** The head of a body word phrase right after token `i` ("coalition", "international coalition forces"), or -1. */
  private bodyAfter(i: number): number {
    const { text } = this.input;
    const tokens = this.input.tokens!;
    let head = -1;
    for (let k = i + 1; k < tokens.length && k <= i + 3; k++) {
      if (!/^(?:JJ|NN|NNS|NNP|NNPS)$/.test(tokens[k]!.xpos ?? '')) break;
      if (/^NN/.test(tokens[k]!.xpos ?? '')) head = k;
    }
    if (head < 0) return -1;
    return LED_BODIES.has(text.slice(tokens[head]!.start, tokens[head]!.end).toLowerCase()) ? head : -1;
  }

  /** The backer compound word right before `offset` ("Iran-backed" before "Iraqi militias"), as a span, or null. */
  private backerBefore(offset: number): Span | null {
    const m = /(\S+)\s+$/.exec(this.input.text.slice(Math.max(0, offset - 40), offset));
    if (!m) return null;
    const start = offset - m[0].length;
    const span = { start, end: start + m[1]!.length };
    return readCompound(this.input.text, span)?.relation === 'backer' ? span : null;
  }

  /** A mention lying in the named part of a backer compound: "Iran" of "Iran-backed". */
  private inBackerPart(m: Span): boolean {
    return this.backerParts.some((b) => b.start <= m.start && m.end <= b.end);
  }

  /** "the Armenian army", "Iranian officials", "Azerbaijan's foreign ministry". */
  private groups(): void {
    const { text } = this.input;
    const anchors = this.clusters.filter((c) => c.type === 'GPE' || c.type === 'NORP').flatMap((c) => c.mentions.filter((m) => m.kind === 'name'));
    for (const m of anchors) {
      const after = /^(?:['’]s)?((?:\s+[\p{Ll}][\p{Ll}-]*){1,3})/u.exec(text.slice(m.end, m.end + 60));
      if (!after?.[1]) continue;
      const words = after[1].trim().split(/\s+/);
      // Longest body first: "armed forces" before "armed".
      for (let n = words.length; n >= 1; n--) {
        const body = words.slice(0, n).join(' ');
        const phrase = `${m.text} ${body}`;
        // "Irish nationalist guerrillas", "French paper workers": modifiers between the
        // qualifier and a role head keep the head's reading.
        const reading = readActor(phrase) ?? (n >= 2 && words.slice(0, n - 1).every(isModifierWord) ? readActor(`${m.text} ${words[n - 1]!}`) : null);
        if (!reading?.sector || !reading.country) continue;
        const end = m.end + (after[0].indexOf(body) + body.length);
        // A title before a name belongs to that person ("Azerbaijani ambassador … Ali Alizada").
        if (this.covered({ start: m.start, end }) || this.personStartsNear(end)) break;
        if (reading.role && !reading.organisation && /^\s+(?:to\s+\p{Lu}[\p{L}-]*\s+)?\p{Lu}/u.test(text.slice(end, end + 40))) break;
        // "Iran-backed Iraqi militias": a named backer makes armed men of unstated allegiance a proxy group (REB).
        const backer = this.backerBefore(m.start);
        const from = backer?.start ?? m.start;
        const sector = backer && reading.sector === 'UAF' ? 'REB' : reading.sector;
        const start = /\bthe\s+$/i.test(text.slice(Math.max(0, from - 4), from)) ? from - 4 : from;
        const canonical = reading.organisation ?? reading.role ?? body;
        const personal = reading.role !== null && !reading.organisation && PERSON_ROLE_SECTORS.has(reading.sector) && !/s$/.test(body);
        if (personal) break; // "the Azeri envoy" is a person: step 3 resolves it
        const cluster = this.keyed(`GRP:${reading.country}:${sector}:${canonical}`, () => {
          const k = new Cluster('ORG', text.slice(from, end));
          k.country = reading.country;
          k.sector = sector;
          k.role = reading.role;
          k.linked = true;
          return k;
        });
        cluster.add(text, { start, end }, 'nominal');
        break;
      }
    }
  }

  /** Each sentence's token range [first, end). */
  private sentenceTokens(tokens: readonly Token[]): [number, number][] {
    const out: [number, number][] = [];
    let t = 0;
    for (const s of this.input.sentences) {
      while (t < tokens.length && tokens[t]!.start < s.start) t++;
      const first = t;
      while (t < tokens.length && tokens[t]!.start < s.end) t++;
      out.push([first, t]);
    }
    return out;
  }

  /**
   * Unnamed groups ("demonstrators", "Ibo traditional elders", "a human rights group"):
   * one entity per group an argument of a verb names; later mentions of the same role
   * ("the protesters") and "the group" join it. A country comes only from a national
   * adjective inside the phrase, and only when it names one country; otherwise the
   * entity has its sector and no code (docs/knowledge.md "Code scheme").
   */
  private groupNominals(): void {
    const { text, tokens } = this.input;
    if (!tokens || tokens.length === 0 || !tokens.some((t) => t.xpos !== undefined)) return;
    const phrases = findGroupPhrases(text, tokens, this.sentenceTokens(tokens), this.input.parses ?? null);
    interface Placed { phrase: GroupPhrase; country: string | null; qualifier: string }
    const placed: Placed[] = [];
    const made: { cluster: Cluster; role: string; sector: string | null; at: number; collective: boolean }[] = [];
    for (const phrase of phrases) {
      const read = this.qualifierOf(phrase);
      if (read && 'owner' in read) {
        // "Hamas militants" are Hamas, and so are "the militants" after them.
        read.owner.add(text, phrase.span, 'nominal');
        if (!made.some((m) => m.cluster === read.owner && m.role === phrase.role)) made.push({ cluster: read.owner, role: phrase.role, sector: phrase.sector, at: phrase.span.start, collective: phrase.collective });
      } else if (read) {
        const after = this.postModifier(phrase.span.end);
        if (after === 'member') continue;
        if (after && (read.country === null || read.country === after.country)) placed.push({ phrase: { ...phrase, span: { start: phrase.span.start, end: after.end } }, country: after.country, qualifier: read.qualifier });
        else placed.push({ phrase, ...read });
      }
    }
    const keyOf = (p: Placed): string => `NOM:${p.phrase.kind}:${p.country ?? ''}:${p.phrase.sector ?? ''}:${p.phrase.role}:${p.qualifier}`;
    // Arguments make entities; every other mention may only join one.
    for (const p of placed) {
      if (!p.phrase.argument) continue;
      const bare = p.country === null && p.qualifier === '';
      const earlier = bare ? this.latestGroup(made, p.phrase.role, p.phrase.sector, p.phrase.span.start) : null;
      const cluster = earlier ?? this.keyed(keyOf(p), () => {
        const k = new Cluster(p.phrase.kind === 'ethnic' ? 'NORP' : 'ORG', text.slice(p.phrase.span.start, p.phrase.span.end));
        k.country = p.country;
        k.sector = p.phrase.sector;
        k.role = p.phrase.kind === 'ethnic' ? null : p.phrase.role;
        return k;
      });
      if (!made.some((m) => m.cluster === cluster)) made.push({ cluster, role: p.phrase.role, sector: p.phrase.sector, at: p.phrase.span.start, collective: p.phrase.collective });
      cluster.add(text, p.phrase.span, 'nominal');
    }
    if (made.length === 0) return;
    for (const p of placed) {
      if (p.phrase.argument) continue;
      const own = this.byKey.get(keyOf(p));
      const target = own ?? (p.country === null && p.qualifier === '' ? this.latestGroup(made, p.phrase.role, p.phrase.sector, p.phrase.span.start) ?? made.find((m) => m.role === p.phrase.role && m.sector === p.phrase.sector)?.cluster ?? null : null);
      target?.add(text, p.phrase.span, 'nominal');
    }
    // "the group" refers back to the latest collective group before it.
    for (let i = 1; i < tokens.length; i++) {
      if (!bareCollectiveAt(text, tokens, i)) continue;
      const span = { start: tokens[i]!.start, end: tokens[i]!.end };
      if (this.covered(span)) continue;
      let best: { cluster: Cluster; at: number } | null = null;
      for (const m of made) {
        if (!m.collective) continue;
        for (const x of m.cluster.mentions) if (x.end <= span.start && (!best || x.start > best.at)) best = { cluster: m.cluster, at: x.start };
      }
      best?.cluster.add(text, { start: tokens[i - 1]!.start, end: span.end }, 'nominal');
    }
  }

  /**
   * What follows a group phrase and says whose it is: "rebels in the Ivory Coast",
   * "students throughout Indonesia" (the country, and the phrase's new end), or
   * "activists from the Fatah Party", "workers of the United Bus Company" ('member': the
   * named body stands for them, as before this rule existed).
   */
  private postModifier(end: number): { country: string; end: number } | 'member' | null {
    const { text } = this.input;
    // "from the defeated Fatah Party": one lower-case word may stand before the name.
    const m = /^\s+(in|from|throughout|across|of)\s+(?:the\s+)?(\p{Ll}[\p{Ll}-]*\s+)?/iu.exec(text.slice(end, end + 40));
    if (!m) return null;
    const starts = [end + m[0].length, end + m[0].length - (m[2]?.length ?? 0)];
    for (const c of this.clusters) {
      const name = c.mentions.find((x) => starts.includes(x.start) && x.kind === 'name');
      if (!name) continue;
      if (c.type === 'ORG' || c.type === 'PERSON') return m[1]!.toLowerCase() === 'of' || m[1]!.toLowerCase() === 'from' ? 'member' : null;
      // Only the country itself: "rebels in Kivu" says where, not whose.
      if (c.type === 'GPE' && c.country !== null && c.code === c.country && m[1]!.toLowerCase() !== 'of') return { country: c.country, end: name.end };
    }
    return null;
  }

  /** The latest group entity of this role mentioned before `offset`. */
  private latestGroup(made: readonly { cluster: Cluster; role: string; sector: string | null }[], role: string, sector: string | null, offset: number): Cluster | null {
    let best: Cluster | null = null;
    let at = -1;
    for (const m of made) {
      if (m.role !== role || m.sector !== sector) continue;
      for (const x of m.cluster.mentions) if (x.start < offset && x.start > at) {
        best = m.cluster;
        at = x.start;
      }
    }
    return best;
  }

  /**
   * What the modifiers of a group phrase say about whom it belongs to: a country (one
   * national adjective or name, no other), and its proper-adjective qualifier ("ibo",
   * "shia") that keeps differently qualified groups apart. Null when the phrase is
   * already an entity's or names a person, organisation or place as its owner
   * ("Hamas militants" are Hamas).
   */
  private qualifierOf(phrase: GroupPhrase): { country: string | null; qualifier: string } | { owner: Cluster } | null {
    const { text } = this.input;
    const tokens = this.input.tokens!;
    const head = tokens[phrase.head]!;
    let owner: Cluster | null = null;
    for (const c of this.clusters) {
      for (const m of c.mentions) {
        if (m.end <= phrase.span.start || m.start >= phrase.span.end || this.inBackerPart(m)) continue;
        const onHead = m.start < head.end && m.end > head.start;
        // "ethnic Turks" tagged as a nationality stays a people; anything else on the head is its own entity.
        if (onHead && !(phrase.kind === 'ethnic' && (c.type === 'NORP' || c.type === 'MISC'))) return null;
        if (onHead || c.type === 'GPE' || c.type === 'NORP' || c.type === 'MISC') continue;
        // "Hamas gunmen" are Hamas too: an armed group's armed men are the group.
        if (c.type === 'ORG' && c.sector !== null && (c.sector === phrase.sector || (c.sector === 'REB' && phrase.sector === 'UAF')) && m.kind === 'name') owner = c;
        else return null;
      }
    }
    if (owner) return { owner };
    const found = new Set<string>();
    const qualifier: string[] = [];
    for (const k of phrase.modifiers) {
      const w = text.slice(tokens[k]!.start, tokens[k]!.end);
      if (!/^\p{Lu}/u.test(w)) continue;
      const covering = this.clusters.find((c) => c.mentions.some((m) => m.start <= tokens[k]!.start && tokens[k]!.end <= m.end));
      const country = covering?.country ?? (countries().byDemonym(w) ?? countries().byName(w))?.a3 ?? null;
      if (country) found.add(country);
      else qualifier.push(w.toLowerCase());
    }
    return { country: found.size === 1 ? [...found][0]! : null, qualifier: qualifier.join(' ') };
  }

  /**
   * State forces named without their state ("police arrested …", "the army shelled …";
   * state-forces.ts). Whose a force is, first found: a place right after it ("police in
   * Nairobi"); the latest force of the same sector before it whose owner is stated ("Russian
   * troops … the troops", and "UN troops … the troops" are nobody's state); the one country
   * of the places the sentence puts it in ("in Nairobi"); the dateline; the one country the
   * article has named so far. Places, the dateline and the article speak only for a
   * subject, a force that acts; an object or other mention takes
   * a country only from an earlier force, and an object of a verb whose subject is a state
   * ("Germany deployed troops to Lithuania") or a pronoun is left alone. Nothing said, no
   * entity: an unattributed state is no actor code.
   */
  private stateForces(): void {
    const { text, tokens } = this.input;
    if (!tokens || tokens.length === 0 || !tokens.some((t) => t.xpos !== undefined)) return;
    const phrases = findForcePhrases(text, tokens, this.sentenceTokens(tokens), this.input.parses ?? null);
    if (phrases.length === 0) return;
    // Forces the qualifier rule already gave a country ("the Armenian army", "Kenyan police").
    const anchors: { at: number; sector: string; country: string | null }[] = [];
    for (const c of this.clusters) {
      if (c.type !== 'ORG' || c.country === null || !FORCE_SECTORS.has(c.sector ?? '')) continue;
      for (const m of c.mentions) anchors.push({ at: m.start, sector: c.sector!, country: c.country });
    }
    const context = placeContext(this.clusters);
    let sentence = -1;
    let places: { start: number; end: number; country: string }[] = [];
    for (const p of phrases) {
      if (p.qualified) {
        anchors.push({ at: p.span.start, sector: p.sector, country: this.statedCountry(p.span) });
        continue;
      }
      if (p.excluded || !p.body || this.covered(p.span)) continue;
      if (p.argument === 'object' && this.ownedBySubject(p.verb)) continue;
      const si = findSpanAt(this.input.sentences, p.span.start);
      if (si !== sentence) {
        sentence = si;
        places = si >= 0 ? this.placesIn(this.input.sentences[si]!, context) : [];
      }
      // Where a force is says whose it is only for its actions ("police in Nairobi fired …"):
      // a force acted upon or spoken of there is as often a foreign one ("dedicated to soldiers in Iraq").
      const acting = p.argument === 'subject';
      const after = acting ? places.find((x) => /^\s+(?:in|from|across|throughout)\s+(?:the\s+)?$/i.test(text.slice(p.span.end, x.start))) : undefined;
      // "police in London and Brussels": two places, nobody's in particular.
      const also = after && places.find((x) => x.country !== after.country && x.start > after.end && /^\s*(?:,|and|or)\s+(?:the\s+)?$/.test(text.slice(after.end, x.start)));
      let country: string | null | undefined = also ? null : after?.country;
      if (country === undefined) {
        let best: { at: number; country: string | null } | null = null;
        for (const a of anchors) if (a.sector === p.sector && a.at < p.span.start && (!best || a.at > best.at)) best = a;
        if (best) country = best.country;
      }
      if (country === undefined && acting) {
        const found = new Set(places.map((x) => x.country));
        // A country named in this sentence or the one before that is not where the sentence
        // happens may own the force ("Israel struck Gaza. Troops shelled … in Gaza").
        const named = this.countriesNamed(si);
        if (found.size === 1 && [...named].every((c) => found.has(c))) country = [...found][0]!;
        // "the authorities" after a country named nearby is that country's, for the event coder to find.
        else if (found.size === 0 && named.size === 0 && this.input.dateline) country = datelineCountry(this.input.dateline, context);
        // The article so far names one country, and only one: "Security forces fired on
        // protesters in Tahrir Square, Egyptian officials said." Two countries say nothing.
        if (country === undefined) country = this.onlyCountrySoFar(si, context) ?? undefined;
      }
      if (!country) continue;
      const cluster = this.keyed(`GRP:${country}:${p.sector}:${p.canonical}`, () => {
        const k = new Cluster('ORG', text.slice(p.span.start, p.span.end));
        k.country = country;
        k.sector = p.sector;
        k.role = readActor(p.canonical)?.role ?? null;
        return k;
      });
      cluster.add(text, p.span, 'nominal');
      anchors.push({ at: p.span.start, sector: p.sector, country });
    }
  }

  /** The one country a force's own qualifiers name ("Kenyan police"), else null (also for "UN troops"). */
  private statedCountry(span: Span): string | null {
    const found = new Set<string>();
    for (const c of this.clusters) {
      if (c.country === null || (c.type !== 'GPE' && c.type !== 'NORP')) continue;
      if (c.mentions.some((m) => m.start >= span.start && m.end <= span.end && !this.inBackerPart(m))) found.add(c.country);
    }
    for (const w of this.input.text.slice(span.start, span.end).split(/\s+/)) {
      const c = countries().byDemonym(w) ?? countries().byName(w);
      if (c) found.add(c.a3);
    }
    return found.size === 1 ? [...found][0]! : null;
  }

  /** The subject of `verb` is a state or state body, or a pronoun that may stand for one: the verb's object is its. */
  private ownedBySubject(verb: number | null): boolean {
    const { text } = this.input;
    const tokens = this.input.tokens!;
    // Without a parse the subject is not known: an object is left alone.
    if (verb === null) return true;
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k]!;
      if (t.head !== verb || (t.deprel !== 'nsubj' && t.deprel !== 'nsubj:pass')) continue;
      // "it", "they", "which", "that": whoever it stands for may own the object.
      if (/^(?:PRP|WDT|WP|DT|EX)/.test(t.xpos ?? '')) return true;
      const owner = this.clusters.find((c) => c.mentions.some((m) => m.start <= t.start && t.end <= m.end));
      if (owner) return owner.type === 'GPE' || owner.type === 'NORP' || FORCE_SECTORS.has(owner.sector ?? '') || owner.sector === 'DIP';
      const sector = readActor(text.slice(t.start, t.end).toLowerCase())?.sector;
      return sector !== undefined && sector !== null && STATE_SECTORS.has(sector);
    }
    return false;
  }

  /** Places the sentence puts something in ("in Nairobi", "near the town of Samarra"), each with its one country. */
  private placesIn(sentence: Span, context: PlaceContext): { start: number; end: number; country: string }[] {
    const { text } = this.input;
    const named: { start: number; end: number; cluster: Cluster }[] = [];
    for (const c of this.clusters) {
      if (c.type !== 'GPE' && c.type !== 'LOC') continue;
      for (const m of c.mentions) if (m.kind === 'name' && m.start >= sentence.start && m.end <= sentence.end) named.push({ start: m.start, end: m.end, cluster: c });
    }
    named.sort((a, b) => a.start - b.start);
    const out: { start: number; end: number; country: string }[] = [];
    let previous: { end: number } | null = null;
    for (const m of named) {
      // "in London and Paris": a place coordinated with a located one is located too.
      const located: boolean = locativeBefore(text, m.start) || (previous !== null && /^\s*(?:,|and|or)\s+(?:the\s+)?$/.test(text.slice(previous.end, m.start)));
      previous = located ? m : null;
      if (!located) continue;
      const country = this.countryOfPlace(m.cluster, context);
      if (country) out.push({ start: m.start, end: m.end, country });
    }
    return out;
  }

  private readonly placeCountries = new Map<Cluster, string | null>();

  private countryOfPlace(c: Cluster, context: PlaceContext): string | null {
    if (c.country !== null) return c.country;
    let country = this.placeCountries.get(c);
    if (country === undefined) {
      const r = resolvePlace([...new Set([c.name, ...c.mentions.filter((m) => m.kind === 'name').map((m) => m.text)])], context);
      country = r?.confident ? r.place.country : null;
      this.placeCountries.set(c, country);
    }
    return country;
  }

  /**
   * The one country the article has named up to the end of sentence `si` — by name, by a
   * national adjective ("Egyptian officials"), through a place in it, or by the dateline —
   * else null. A people named by its plural ("Palestinians", "Britons") does not count:
   * it names people a force acts on as often as the force's own state. Neither does a
   * backer ("Iran" of "Iran-backed").
   */
  private onlyCountrySoFar(si: number, context: PlaceContext): string | null {
    if (si < 0) return null;
    const end = this.input.sentences[si]!.end;
    const found = new Set<string>();
    if (this.input.dateline) {
      const d = datelineCountry(this.input.dateline, context);
      if (d) found.add(d);
    }
    for (const c of this.clusters) {
      if (c.type !== 'GPE' && c.type !== 'NORP' && c.type !== 'LOC') continue;
      const named = c.mentions.some((m) => m.kind === 'name' && m.end <= end && !this.inBackerPart(m) && !pluralPeople(m.text));
      if (!named) continue;
      const country = c.type === 'LOC' || c.code !== c.country ? this.countryOfPlace(c, context) : c.country;
      // A place the gazetteer cannot put in one country names none.
      if (country === null) continue;
      found.add(country);
      if (found.size > 1) return null;
    }
    return found.size === 1 ? [...found][0]! : null;
  }

  /** Countries named by name (not by demonym) in sentence `si` or the one before. */
  private countriesNamed(si: number): Set<string> {
    const out = new Set<string>();
    if (si < 0) return out;
    const from = this.input.sentences[Math.max(0, si - 1)]!.start;
    const to = this.input.sentences[si]!.end;
    for (const c of this.clusters) {
      if (c.type !== 'GPE' || c.country === null || c.code !== c.country) continue;
      if (c.mentions.some((m) => m.kind === 'name' && m.start >= from && m.end <= to && countries().byName(m.text) !== undefined)) out.add(c.country);
    }
    return out;
  }

  /** A person's name begins within a few title words after `offset` ("army general Murat Yildiz"). */
  private personStartsNear(offset: number): boolean {
    const gap = /^(?:\s+[\p{L}-]+){0,3}?\s+/u;
    return this.clusters.some((c) => c.type === 'PERSON' && c.mentions.some((m) => m.kind === 'name' && m.start > offset && m.start - offset <= 40 && gap.test(this.input.text.slice(offset, m.start)) && !/[,.;]/.test(this.input.text.slice(offset, m.start))));
  }

  /** "The Azeri Envoy said …", "the Iranian president": a role phrase standing for a person named elsewhere. */
  private titleMentions(): void {
    const { text } = this.input;
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
      if (this.covered({ start, end })) continue;
      // Followed by a name: it is a pre-modifier, already read with the name.
      if (/^\s+\p{Lu}/u.test(text.slice(end, end + 3))) continue;
      const person = this.latestPerson(start, (c) => sameRole(c.role, reading.role) && (reading.country === null || c.country === reading.country));
      if (person) person.add(text, { start, end }, 'title');
      re.lastIndex = end;
    }
  }

  private latestPerson(before: number, ok: (c: Cluster) => boolean): Cluster | null {
    let best: Cluster | null = null;
    let bestAt = -1;
    for (const c of this.clusters) {
      if (c.type !== 'PERSON' || !ok(c)) continue;
      for (const m of c.mentions) {
        if (m.end <= before && m.start > bestAt && !this.insideQuote(m)) {
          best = c;
          bestAt = m.start;
        }
      }
    }
    return best;
  }

  private handles(): void {
    const { text } = this.input;
    for (const m of text.matchAll(/(?<![\w@])@[A-Za-z0-9_]{2,30}/g)) {
      const span = { start: m.index, end: m.index + m[0].length };
      const person = this.clusters.find((c) => c.type === 'PERSON' && handleMatches(m[0], c.tokens));
      if (person) person.add(text, span, 'handle');
    }
  }

  private pronouns(): void {
    const { text } = this.input;
    for (const m of text.matchAll(/\b(?:he|him|his|she|her|hers|himself|herself)\b/gi)) {
      const span = { start: m.index, end: m.index + m[0].length };
      const sentence = this.sentenceOf(span.start);
      // "In his statement, Azerbaijani President Ilham Aliyev …": the person after the opening phrase.
      const opening = text.slice(sentence.start, span.start);
      const comma = text.indexOf(',', span.end);
      let target: Cluster | null = null;
      if (/^\s*\p{Lu}[\p{Ll}]*\s+(?:\p{Ll}+\s+)?$/u.test(opening) && comma > 0 && comma < sentence.end) {
        target = this.firstPersonIn({ start: comma, end: Math.min(sentence.end, comma + 80) });
      }
      if (!target && !this.insideQuote(span)) {
        // Antecedents within three sentences back.
        const si = findSpanAt(this.input.sentences, span.start);
        const floor = si >= 3 ? this.input.sentences[si - 3]!.start : 0;
        const candidate = this.latestPerson(span.start, () => true);
        if (candidate && candidate.mentions.some((x) => x.start >= floor && x.end <= span.start)) target = candidate;
      }
      target?.add(text, span, 'pronoun');
    }
  }

  private firstPersonIn(span: Span): Cluster | null {
    let best: Cluster | null = null;
    let at = Infinity;
    for (const c of this.clusters) {
      if (c.type !== 'PERSON') continue;
      for (const m of c.mentions) if (m.kind === 'name' && m.start >= span.start && m.end <= span.end && m.start < at) {
        best = c;
        at = m.start;
      }
    }
    return best;
  }
}

export function linkEntities(input: LinkInput): Entity[] {
  return new Linker(input).run();
}
