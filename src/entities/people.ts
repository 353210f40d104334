/**
 * A person's name as NER tagged it: joined to the person it is a short or full form of
 * ("Pashinyan" and "Nikol Pashinyan"), with the title written before or after it
 * ("Armenian Prime Minister …", "…, the Armenian leader,") as a mention, and the office
 * the knowledge says the person held on the article's date.
 */
import type { Span } from '../core/span.js';
import { Cluster } from './cluster.js';
import type { LinkContext } from './link-context.js';
import { isShortFormOf, nameTokens } from './names.js';
import { appositionAfter, titleBefore } from './titles.js';

export function linkPerson(ctx: LinkContext, span: Span): void {
  const { text } = ctx.input;
  const surface = text.slice(span.start, span.end);
  const tokens = nameTokens(surface);
  const existing = ctx.clusters.find((c) => c.type === 'PERSON' && (isShortFormOf(tokens, c.tokens) || isShortFormOf(c.tokens, tokens)));
  const cluster = existing ?? ctx.keyed(`PER:${tokens.join(' ')}`, () => new Cluster('PERSON', surface));
  cluster.add(text, span, surface.startsWith('@') ? 'handle' : 'name');
  const sentence = ctx.sentenceOf(span.start);
  const title = titleBefore(text, span, sentence) ?? appositionAfter(text, span, sentence);
  if (title) cluster.add(text, title.span, 'title');
  if (!cluster.linked) {
    const found = ctx.input.offices(cluster.name, ctx.input.published);
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
