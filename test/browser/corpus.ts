/**
 * The small corpus the browser tests (and a developer looking at the UI) run on:
 * short wire-style articles about two dyads over several months, so that every view
 * has something to draw, plus one article whose text is an XSS attempt that must show
 * as text. Written here, extracted by the real pipeline.
 */

export interface TestArticle {
  name: string;
  uri: string | null;
  content: string;
}

const story = (title: string, dateline: string, ...paragraphs: string[]): string => [title, '', `${dateline} (Reuters) - ${paragraphs[0] ?? ''}`, ...paragraphs.slice(1).flatMap((p) => ['', p]), ''].join('\n');

export const ARTICLES: readonly TestArticle[] = [
  {
    name: 'iran-aze-talks.txt',
    uri: 'https://example.org/news/iran-azerbaijan-talks',
    content: story('Iran and Azerbaijan hold border talks in Baku',
      'BAKU, January 12, 2023',
      'The foreign minister of Iran met his counterpart from Azerbaijan in Baku on Thursday to discuss the reopening of border crossings, officials said.',
      '"We want good relations with all our neighbours," the Iranian minister told reporters after the meeting.',
      'Azerbaijan agreed to restore a direct flight between Baku and Tehran, the ministry said.'),
  },
  {
    name: 'iran-aze-embassy.txt',
    uri: 'https://example.org/news/embassy-attack',
    content: story('Azerbaijan accuses Iran after embassy attack',
      'BAKU, February 3, 2023',
      'Azerbaijan accused Iran of failing to protect its embassy in Tehran after a gunman attacked the building on Friday, killing a security guard.',
      'President Ilham Aliyev condemned the attack and said Azerbaijan would evacuate its diplomats.',
      'Iran rejected the accusation and said the attacker had personal motives.'),
  },
  {
    name: 'iran-aze-sanctions.txt',
    uri: 'https://example.org/news/expulsions',
    content: story('Azerbaijan expels Iranian diplomats',
      'BAKU, April 6, 2023',
      'Azerbaijan expelled four Iranian diplomats on Thursday, accusing them of provocative acts, the foreign ministry said.',
      'Iran threatened to respond and summoned the Azerbaijani ambassador in Tehran.'),
  },
  {
    name: 'iran-aze-thaw.txt',
    uri: 'https://example.org/news/thaw',
    content: story('Iran and Azerbaijan agree to reopen embassy',
      'TEHRAN, July 10, 2023',
      'Iran and Azerbaijan agreed on Monday to reopen the embassy in Tehran after months of tension, officials said.',
      'The Iranian president praised the decision and called for closer trade ties with Azerbaijan.'),
  },
  {
    name: 'georgia-armenia.txt',
    uri: 'https://example.org/news/upper-lars',
    content: story('Georgia and Armenia agree to reopen freight route',
      'TBILISI, March 14, 2023',
      'Armenian Foreign Minister Ararat Mirzoyan held talks in Tbilisi on Tuesday with his Georgian counterpart Ilia Darchiashvili on transit through the South Caucasus.',
      'Darchiashvili said the two governments had agreed to reopen a freight route that was closed after a landslide.',
      '"Our trucks have waited too long at the border," Mirzoyan told reporters.'),
  },
  {
    name: 'kenya-protest.txt',
    uri: 'https://example.org/news/nairobi-protest',
    content: story('Kenyan police arrest protesters in Nairobi',
      'NAIROBI, March 20, 2023',
      'Kenyan police arrested 40 protesters in Nairobi on Monday after demonstrators blocked roads to protest against rising prices, a police spokesman said.',
      'The opposition leader Raila Odinga called for more protests and accused the government of repression.'),
  },
  {
    name: 'xss.html.txt',
    // A javascript: source URI must never become a clickable link.
    uri: 'javascript:window.__pwned=1',
    content: story('Markup in a wire story <script>window.__pwned=1</script>',
      'GENEVA, May 2, 2023',
      'The ministry of France said on Tuesday that it would send aid to Egypt <script>window.__pwned=1</script> after the floods.',
      'A reader wrote <img src=x onerror="window.__pwned=1"> and <a href="javascript:window.__pwned=1">click here</a> in the comments, officials said.',
      'France agreed to fund the reconstruction of roads in Egypt, the embassy said.'),
  },
];
