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

/** Every name mention of the cluster is followed by a word for a government ("Trump administration"). */
function namesAGovernment(ctx: LinkContext, c: Cluster): boolean {
  const names = c.mentions.filter((m) => m.kind === 'name');
  return names.length > 0 && names.every((m) => GOVERNMENT_WORD.test(ctx.input.text.slice(m.end, m.end + 20)));
}

export function codeLeaderAdministrations(ctx: LinkContext): void {
  const date = ctx.input.published?.slice(0, 10);
  if (!date) return;
  for (const c of ctx.clusters) {
    if ((c.type !== 'ORG' && c.type !== 'MISC') || c.code !== null || c.tokens.length !== 1) continue;
    if (!namesAGovernment(ctx, c)) continue;
    const country = ledCountry(c.name, date);
    if (!country) continue;
    const first = c.mentions.find((m) => m.kind === 'name')!;
    const word = GOVERNMENT_WORD.exec(ctx.input.text.slice(first.end, first.end + 20))![1]!;
    c.name = `${c.name} ${word}`;
    c.type = 'ORG';
    c.country = country;
    c.sector = 'GOV';
    c.code = `${country}GOV`;
  }
}
