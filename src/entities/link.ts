/**
 * From NER mentions to the article's entities: linking to the knowledge tables,
 * actor coding, and in-article coreference (short names, handles, titles,
 * pronouns). One entity per real-world thing; every surface form a mention of it.
 *
 * Order of work (each step may use what the earlier ones built):
 *  1. names: people (with pre-modifying titles and appositions, office holders on
 *     the article's date), countries and demonyms, organisations, other places;
 *  2. group actors named by a qualifier and a body: "the Armenian army", "Iranian officials";
 *  3. title-only mentions: "the Azeri envoy" → the person with that role and country;
 *  4. social handles: "@bayramov_jeyhun" → the person whose names it spells;
 *  5. pronouns: he/his/she/her → the nearest person before, outside quotations,
 *     or the person a sentence-initial "In his statement, …" announces.
 */
import type { NerSpan } from '../core/doc.js';
import { findQuoteMarks } from '../core/quote-marks.js';
import type { Entity } from '../core/record.js';
import type { Span } from '../core/span.js';
import { findSpanAt } from '../core/span.js';
import { countries, organisations, places, readActor, roles } from '../knowledge/index.js';
import { Cluster } from './cluster.js';
import { handleMatches, isShortFormOf, nameTokens } from './names.js';
import { appositionAfter, titleBefore } from './titles.js';
import { sameRole } from './role-family.js';

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
}

const PLACE_NOT_ORG_POPULATION = 50_000;
const PERSON_ROLE_SECTORS = new Set(['GOV', 'DIP', 'LEG', 'JUD', 'MIL', 'COP', 'MED', 'BUS', 'OPP', 'REB', 'EDU', 'REL']);

/** Words that end a noun phrase rather than modify its head: verbs, function words. */
const NOT_MODIFIER = new Set(['and', 'or', 'of', 'to', 'in', 'on', 'at', 'for', 'from', 'by', 'with', 'as', 'than', 'who', 'which', 'that', 'have', 'has', 'had', 'were', 'was', 'are', 'is', 'be', 'been', 'will', 'would', 'could', 'should', 'may', 'might', 'can', 'must', 'did', 'do', 'does', 'said', 'says', 'say', 'told', 'also', 'not', 'now', 'then', 'today', 'yesterday']);

/** A lower-case word that can stand between a qualifier and a role head ("nationalist", "paper", "border"). */
function isModifierWord(w: string): boolean {
  return !NOT_MODIFIER.has(w) && !/(?:ed|ing|ly)$/.test(w) && !roles().lookup(w);
}

export class Linker {
  private readonly clusters: Cluster[] = [];
  private readonly byKey = new Map<string, Cluster>();
  private readonly quoted: Span[];

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
    for (const span of ner) {
      if (span.label === 'PER') this.person(span);
      else if (span.label === 'LOC') this.place(span);
      else if (span.label === 'MISC') this.misc(span);
      else this.organisation(span);
    }
    this.groups();
    this.titleMentions();
    this.handles();
    this.pronouns();
    // A country named only by its people's adjective is a nationality, not a place.
    for (const c of this.clusters) {
      if (c.type === 'GPE' && c.code === c.country && c.mentions.every((m) => countries().byName(m.text) === undefined)) c.type = 'NORP';
    }
    return this.clusters
      .filter((c) => c.mentions.length > 0)
      .sort((a, b) => a.firstOffset() - b.firstOffset())
      .map((c, i) => c.toEntity(`E${i + 1}`));
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
        const start = /\bthe\s+$/i.test(text.slice(Math.max(0, m.start - 4), m.start)) ? m.start - 4 : m.start;
        const canonical = reading.organisation ?? reading.role ?? body;
        const personal = reading.role !== null && !reading.organisation && PERSON_ROLE_SECTORS.has(reading.sector) && !/s$/.test(body);
        if (personal) break; // "the Azeri envoy" is a person: step 3 resolves it
        const cluster = this.keyed(`GRP:${reading.country}:${reading.sector}:${canonical}`, () => {
          const k = new Cluster('ORG', `${m.text} ${body}`);
          k.country = reading.country;
          k.sector = reading.sector;
          k.role = reading.role;
          k.linked = true;
          return k;
        });
        cluster.add(text, { start, end }, 'nominal');
        break;
      }
    }
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
      let phrase = '';
      let reading = null;
      for (let n = words.length; n >= 1 && !reading?.role; n--) {
        phrase = words.slice(0, n).join(' ');
        reading = readActor(phrase);
      }
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
