/**
 * Speech cues (the verbs that report speech) and channels (where it was said).
 * Written as data so that adding a verb or a channel is a one-line change.
 */

export const CUE_VERBS = [
  'said', 'says', 'say', 'added', 'adds', 'wrote', 'writes', 'tweeted', 'tweets', 'posted', 'told',
  'tells', 'stated', 'states', 'declared', 'declares', 'noted', 'notes', 'warned', 'warns', 'insisted',
  'insists', 'explained', 'explains', 'asked', 'asks', 'replied', 'replies', 'announced', 'announces',
  'claimed', 'claims', 'stressed', 'stresses', 'emphasised', 'emphasized', 'emphasises', 'emphasizes',
  'argued', 'argues', 'urged', 'urges', 'confirmed', 'confirms', 'denied', 'denies', 'admitted',
  'admits', 'acknowledged', 'acknowledges', 'vowed', 'vows', 'pledged', 'pledges', 'promised',
  'promises', 'recalled', 'recalls', 'remarked', 'commented', 'continued', 'concluded', 'reiterated',
  'reported', 'alleged', 'alleges', 'accused', 'accuses', 'predicted', 'suggested', 'suggests',
  'believes', 'believed', 'thinks', 'thought', 'estimated', 'estimates', 'underlined', 'underscored',
  'highlighted', 'maintained', 'maintains', 'assured', 'demanded', 'demands', 'expressed',
  // Replies and retorts: the verbs of an exchange.
  'retorted', 'retorts', 'countered', 'counters', 'responded', 'responds', 'answered', 'rejoined', 'snapped',
  'quipped', 'quips', 'joked', 'jokes', 'conceded', 'concedes', 'objected', 'protested', 'interjected',
  // Manner of speaking.
  'shouted', 'yelled', 'screamed', 'exclaimed', 'whispered', 'murmured', 'sighed', 'pleaded', 'begged',
  'cautioned', 'cautions', 'complained', 'complains', 'lamented', 'laments', 'boasted', 'boasts',
  'mused', 'wondered', 'observed', 'testified', 'testifies', 'recounted', 'recounts', 'reflected', 'scoffed',
  // Phrasal cues, one space between their words: "“…,” she shot back".
  'hit back', 'hits back', 'shot back', 'fired back', 'pointed out', 'points out', 'went on',
] as const;

/** Cues that may introduce indirect speech ("X said that …"); mental verbs excluded for direct quotes too. */
export const CUE_SET: ReadonlySet<string> = new Set(CUE_VERBS);

export interface Channel {
  name: string;
  pattern: RegExp;
}

// Checked against the cue's clause; the first match wins, so specific before general.
export const CHANNELS: readonly Channel[] = [
  // "on X" only with a capital X: the letter alone is too common a word otherwise.
  { name: 'Twitter', pattern: /\b(?:on|to|via) (?:[Tt]witter|X \(formerly [Tt]witter\))\b|\b[Tt]weet(?:ed|s)?\b|\b(?:on|via) X(?![\p{L}\p{N}-])/u },
  { name: 'Facebook', pattern: /\b(?:on|to|via) facebook\b/i },
  { name: 'Telegram', pattern: /\b(?:on|to|via) (?:his |her |their |its )?telegram(?: channel)?\b/i },
  { name: 'Instagram', pattern: /\b(?:on|to|via) instagram\b/i },
  { name: 'state television', pattern: /\bstate(?:-run)? (?:television|tv|broadcaster|media)\b/i },
  { name: 'television', pattern: /\b(?:on|to) (?:national |local )?(?:television|tv)\b|\btelevised\b/i },
  // "on state radio", "told a local radio station", "on Cape Talk radio", "speaking on Radio Fórmula".
  { name: 'radio', pattern: /\bradio\b/i },
  { name: 'press conference', pattern: /\b(?:news|press) (?:conference|briefing)\b/i },
  { name: 'interview', pattern: /\bin an interview\b|\binterview with\b/i },
  { name: 'statement', pattern: /\b(?:in|through|via) a (?:written |joint |brief )?statement\b|\bstatement (?:said|read|released)\b/i },
  { name: 'speech', pattern: /\b(?:in|during) (?:a|an|his|her|their|its|the) (?:[\p{L}-]+ ){0,2}speech\b|\baddressing\b/iu },
  { name: 'reporters', pattern: /\btold (?:reporters|journalists|the press)\b/i },
  { name: 'letter', pattern: /\bin a letter\b/i },
];

export function findChannel(clause: string): string | null {
  for (const c of CHANNELS) if (c.pattern.test(clause)) return c.name;
  return null;
}
