/**
 * The countries an article's places and names point to, as state-force attribution
 * (state-force-entities.ts) asks for them: the places a sentence puts something in, the
 * countries named near a sentence, and the one country the article has named so far.
 * Made once per article when those questions start; a place's country is resolved once.
 */
import type { PlaceContext } from '../geo/resolve.js';
import { resolvePlace } from '../geo/resolve.js';
import type { Span } from '../core/span.js';
import { countries } from '../knowledge/index.js';
import type { Cluster } from './cluster.js';
import type { LinkContext } from './link-context.js';
import { datelineCountry, locativeBefore } from './state-forces.js';

/** A place name the sentence puts something in, with its one country. */
export interface LocatedPlace { start: number; end: number; country: string }

/** Countries the article names so far, by mention count: the context a place name is read in. */
function placeContext(clusters: readonly Cluster[]): PlaceContext {
  const counts = new Map<string, number>();
  for (const c of clusters) if ((c.type === 'GPE' || c.type === 'NORP') && c.country !== null && c.code === c.country) counts.set(c.country, (counts.get(c.country) ?? 0) + c.mentions.length);
  return { countries: counts, regions: new Set() };
}

/** "Palestinians", "Britons", "Iraqis": a national demonym in the plural names people, not their state. */
function pluralPeople(surface: string): boolean {
  return /s$/.test(surface) && countries().byName(surface) === undefined && countries().byDemonym(surface) !== undefined;
}

export class ArticlePlaces {
  /** The countries named before these questions are asked: how an ambiguous place name is read. */
  readonly context: PlaceContext;
  private readonly placeCountries = new Map<Cluster, string | null>();

  constructor(private readonly ctx: LinkContext) {
    this.context = placeContext(ctx.clusters);
  }

  /** The dateline's country, if the story has a dateline the gazetteer places. */
  datelineCountry(): string | null {
    return this.ctx.input.dateline ? datelineCountry(this.ctx.input.dateline, this.context) : null;
  }

  /** Places the sentence puts something in ("in Nairobi", "near the town of Samarra"), each with its one country. */
  placesIn(sentence: Span): LocatedPlace[] {
    const { text } = this.ctx.input;
    const named: { start: number; end: number; cluster: Cluster }[] = [];
    for (const { cluster: c, mention: m } of this.ctx.mentionsAround(sentence)) {
      if (c.type !== 'GPE' && c.type !== 'LOC') continue;
      if (m.kind === 'name' && m.start >= sentence.start && m.end <= sentence.end) named.push({ start: m.start, end: m.end, cluster: c });
    }
    named.sort((a, b) => a.start - b.start);
    const out: LocatedPlace[] = [];
    let previous: { end: number } | null = null;
    for (const m of named) {
      // "in London and Paris": a place coordinated with a located one is located too.
      const located: boolean = locativeBefore(text, m.start) || (previous !== null && /^\s*(?:,|and|or)\s+(?:the\s+)?$/.test(text.slice(previous.end, m.start)));
      previous = located ? m : null;
      if (!located) continue;
      const country = this.countryOfPlace(m.cluster);
      if (country) out.push({ start: m.start, end: m.end, country });
    }
    return out;
  }

  /**
   * The one country the article has named up to the end of sentence `si` — by name, by a
   * national adjective ("Egyptian officials"), through a place in it, or by the dateline —
   * else null. A people named by its plural ("Palestinians", "Britons") does not count:
   * it names people a force acts on as often as the force's own state. Neither does a
   * backer ("Iran" of "Iran-backed").
   */
  onlyCountrySoFar(si: number): string | null {
    if (si < 0) return null;
    const end = this.ctx.input.sentences[si]!.end;
    const found = new Set<string>();
    const d = this.datelineCountry();
    if (d) found.add(d);
    for (const c of this.ctx.clusters) {
      if (c.type !== 'GPE' && c.type !== 'NORP' && c.type !== 'LOC') continue;
      const named = c.mentions.some((m) => m.kind === 'name' && m.end <= end && !this.ctx.inBackerPart(m) && !pluralPeople(m.text));
      if (!named) continue;
      const country = c.type === 'LOC' || c.code !== c.country ? this.countryOfPlace(c) : c.country;
      // A place the gazetteer cannot put in one country names none.
      if (country === null) continue;
      found.add(country);
      if (found.size > 1) return null;
    }
    return found.size === 1 ? [...found][0]! : null;
  }

  /** Countries named by name (not by demonym) in sentence `si` or the one before. */
  countriesNamedNear(si: number): Set<string> {
    const out = new Set<string>();
    if (si < 0) return out;
    const { sentences } = this.ctx.input;
    const from = sentences[Math.max(0, si - 1)]!.start;
    const to = sentences[si]!.end;
    for (const c of this.ctx.clusters) {
      if (c.type !== 'GPE' || c.country === null || c.code !== c.country) continue;
      if (c.mentions.some((m) => m.kind === 'name' && m.start >= from && m.end <= to && countries().byName(m.text) !== undefined)) out.add(c.country);
    }
    return out;
  }

  private countryOfPlace(c: Cluster): string | null {
    if (c.country !== null) return c.country;
    let country = this.placeCountries.get(c);
    if (country === undefined) {
      const r = resolvePlace([...new Set([c.name, ...c.mentions.filter((m) => m.kind === 'name').map((m) => m.text)])], this.context);
      country = r?.confident ? r.place.country : null;
      this.placeCountries.set(c, country);
    }
    return country;
  }
}
