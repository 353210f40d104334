/**
 * From NER mentions to the article's entities: linking to the knowledge tables,
 * actor coding, and in-article coreference (short names, handles, titles,
 * pronouns). One entity per real-world thing; every surface form a mention of it.
 *
 * Order of work (each step may use what the earlier ones built; `linkEntities` below
 * runs them in this order, sharing one LinkContext, link-context.ts):
 *  1. names (named-mentions.ts, people.ts): people (with pre-modifying titles and
 *     appositions, office holders on the article's date), countries and demonyms,
 *     organisations, other places; a NER span opening with a hyphenated qualifier has
 *     its named part linked first (compound-qualifier-entities.ts `afterCompound`), and
 *     a one-word name slashed onto a longer one is one name ("North/South Corridor",
 *     slashed-names.ts), and a list the tagger read as one name is its names ("the Socialist
 *     Party, Democratic Renewal Party and Communist Party", coordinated-names.ts); then organisations no table knows are given a sector by the form
 *     of their names (knowledge/body-names.ts) or, failing that, by the words around them
 *     ("US telco SBC", "Shell Canada <SHC>"; body-context.ts);
 *  2. groups:
 *     a. hyphenated qualifiers naming a leader or backer: "US-led forces", "Iran-backed
 *        militias" (compound-qualifier-entities.ts);
 *     b. group actors named by a qualifier and a body: "the Armenian army", "Iranian
 *        officials" (qualified-groups.ts);
 *     c. unnamed groups named by a common noun: "demonstrators", "a human rights group"
 *        (group-nominal-entities.ts);
 *     d. state forces named without their state, when the text says whose they are:
 *        "police in Nairobi", "the troops" after "Russian troops" (state-force-entities.ts);
 *  3. title-only mentions: "the Azeri envoy" → the person with that role and country;
 *  4. social handles: "@bayramov_jeyhun" → the person whose names it spells;
 *  5. pronouns: he/his/she/her → the latest person before in the sentence, else the
 *     first person of the nearest sentence before that names one, outside quotations;
 *     or the person a fronted "In his statement, …" announces (3–5: person-references.ts);
 *  6. a country named only by its people's adjective becomes a nationality (NORP);
 *  7. a capital that acts is its government (capital-governments.ts), and so is a leader's
 *     surname before "administration" (leader-administrations.ts);
 *  8. an abbreviation introduced in brackets after a name is a mention of that name's body
 *     (abbreviations.ts), and a public body of no stated state takes the one country the
 *     article has named so far (body-context.ts);
 *  9. a person the text places in an organisation ("Barclays chief executive John Varley",
 *     "…, an analyst at Jupiter Research") takes its sector and country (person-bodies.ts);
 *     the entities are numbered in the order of their first mention.
 */
import type { NerSpan, Token } from '../core/doc.js';
import type { ParseOnDemand } from '../core/parses.js';
import type { Entity } from '../core/record.js';
import type { Span } from '../core/span.js';
import { countries } from '../knowledge/index.js';
import { mergeAbbreviations } from './abbreviations.js';
import { codeBodiesByContext, placePublicBodies } from './body-context.js';
import { codePeopleByTheirBodies } from './person-bodies.js';
import { afterCompound, linkCompounds } from './compound-qualifier-entities.js';
import { linkGroupNominals } from './group-nominal-entities.js';
import { LinkContext } from './link-context.js';
import { linkName } from './named-mentions.js';
import { linkHandles, linkPronouns, linkTitleMentions } from './person-references.js';
import { linkQualifiedGroups } from './qualified-groups.js';
import { joinSlashedNames } from './slashed-names.js';
import { splitCoordinatedNames } from './coordinated-names.js';
import { cutCapitalisedCommonWords } from './capitalised-after-country.js';
import { splitDyadNames } from './dyad-names.js';
import { codeCapitalGovernments } from './capital-governments.js';
import { codeLeaderAdministrations } from './leader-administrations.js';
import { linkStateForces } from './state-force-entities.js';

export interface OfficeInfo {
  name: string;
  country: string;
  /** The office as news names it ("former foreign minister"); null for one held only after the date. */
  role: string | null;
  /**
   * Other countries where the person held the same office over the same term (a monarch of
   * several realms), for the linker to choose by the countries the article names; the
   * country where the holder resides comes first, in `country`.
   */
  alsoIn: readonly string[];
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
  /** How often news capitalises a lower-case word (nlp/ner `caseProfile`); without it, "U.S. Leaders" stays a name. */
  caseOf?: ((lowerWord: string) => number | undefined) | null;
}

export function linkEntities(input: LinkInput): Entity[] {
  const ctx = new LinkContext(input);
  // 1. names
  const ner = cutCapitalisedCommonWords(input.text, input.ner, input.caseOf ?? null);
  for (const whole of joinSlashedNames(input.text, splitCoordinatedNames(input.text, splitDyadNames(input.text, ner)))) {
    const span = afterCompound(ctx, whole);
    if (span) linkName(ctx, span);
  }
  // An organisation no table knows may say what it is in the words around it.
  codeBodiesByContext(ctx);
  // 2. groups
  linkCompounds(ctx);
  linkQualifiedGroups(ctx);
  linkGroupNominals(ctx);
  linkStateForces(ctx);
  // 3–5. people named elsewhere
  linkTitleMentions(ctx);
  linkHandles(ctx);
  linkPronouns(ctx);
  // 6. A country named only by its people's adjective is a nationality, not a place.
  for (const c of ctx.clusters) {
    if (c.type === 'GPE' && c.code === c.country && c.mentions.every((m) => countries().byName(m.text) === undefined)) c.type = 'NORP';
  }
  // 7. A capital that acts is its government ("Baghdad said", "Washington warned Moscow"); so is
  // a leader's surname before "administration" ("the Trump administration").
  codeCapitalGovernments(ctx);
  codeLeaderAdministrations(ctx);
  // 8. "the Farm Credit Administration (FCA)": one body; a public body of no stated state is
  // the article's one state so far.
  mergeAbbreviations(ctx);
  placePublicBodies(ctx);
  // 9. "Barclays chief executive John Varley": a person placed in a body acts for it.
  codePeopleByTheirBodies(ctx);
  // Each cluster's first offset once, not at every comparison of the sort.
  return ctx.clusters
    .filter((c) => c.mentions.length > 0)
    .map((c) => ({ c, at: c.firstOffset() }))
    .sort((a, b) => a.at - b.at)
    .map(({ c }, i) => c.toEntity(`E${i + 1}`));
}
