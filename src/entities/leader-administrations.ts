/**
 * "The Trump administration imposed sanctions", "the Obama administration declined to send arms":
 * a head of state's or government's surname before "administration" (or "government", "regime",
 * "cabinet") names that country's government, in office or past. The tagger reads such a surname
 * as a body or a thing ("Trump" MISC, "Obama" ORG), which no table codes, so the government's
 * acts went to an uncoded actor.
 *
 * A name the article also gives to a person stays that person's (linking already joined them).
 * The head is the one whose term lies nearest the article's date, past terms included: "the Bush
 * administration" in 2019 is George W. Bush's; without a date there is no choosing, and nothing
 * is coded.
 */
import { findPerson } from '../knowledge/index.js';
import type { Cluster } from './cluster.js';
import type { LinkContext } from './link-context.js';

const GOVERNMENT_WORD = /^\s+(administration|government|regime|cabinet)\b/;
const HEADS: ReadonlySet<string> = new Set(['head_of_state', 'head_of_government']);

/** The country whose head of state or government bore this surname nearest the date, if any. */
function ledCountry(surname: string, date: string): string | null {
  const head = findPerson(surname, date).find((t) => HEADS.has(t.office));
  return head && head.country.length === 3 ? head.country : null;
}

/**
 * The word for a government that follows the cluster's first name mention ("Trump administration"),
 * when every name mention is followed by one; else null.
 */
function governmentWord(ctx: LinkContext, c: Cluster): string | null {
  const words = c.mentions.filter((m) => m.kind === 'name').map((m) => GOVERNMENT_WORD.exec(ctx.input.text.slice(m.end, m.end + 20))?.[1]);
  return words.length > 0 && words.every((w) => w !== undefined) ? words[0]! : null;
}

export function codeLeaderAdministrations(ctx: LinkContext): void {
  const date = ctx.input.published?.slice(0, 10);
  if (!date) return;
  for (const c of ctx.clusters) {
    if ((c.type !== 'ORG' && c.type !== 'MISC') || c.code !== null || c.tokens.length !== 1) continue;
    const word = governmentWord(ctx, c);
    if (word === null) continue;
    const country = ledCountry(c.name, date);
    if (!country) continue;
    c.name = `${c.name} ${word}`;
    c.type = 'ORG';
    c.country = country;
    c.sector = 'GOV';
    c.code = `${country}GOV`;
  }
}
