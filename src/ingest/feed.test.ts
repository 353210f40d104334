import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NewsgraphError } from '../core/errors.js';
import { feedDateToIso, parseFeed, sniffFeed } from './feed.js';
import { expandInputs } from './inputs.js';
import type { RawInput } from './types.js';
import type { InputItem, InputOptions } from './inputs.js';
import { serveRoutes, type LocalServer } from './local-server.test-util.js';
import { fileScratchDir } from '../../test/support/scratch-dir.js';

const dir = fileScratchDir('ng-feed-');
const file = (name: string, content: string | Buffer): string => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

async function collect(specs: string[], options: InputOptions = {}): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const item of expandInputs(specs, options)) out.push(item);
  return out;
}

function ok(item: InputItem | undefined): { name: string; load: () => Promise<RawInput> } {
  if (!item || item instanceof NewsgraphError) throw new Error(`expected an item, got ${String(item)}`);
  return item;
}

async function errorOf(p: Promise<unknown>): Promise<NewsgraphError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof NewsgraphError) return e;
    throw e;
  }
  throw new Error('no error');
}

const RSS_FULL = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Coast Daily</title>
  <link>https://news.example.com/</link>
  <item>
    <title>Floods hit the coast</title>
    <link>/2024/05/floods</link>
    <pubDate>Sun, 05 May 2024 14:30:00 +0200</pubDate>
    <description>Short summary only.</description>
    <content:encoded><![CDATA[<p>Heavy rain flooded coastal towns on Sunday, officials said.</p><p>Roads were closed.</p>]]></content:encoded>
  </item>
  <item>
    <title>Bridge &amp; tunnel reopen</title>
    <guid>https://news.example.com/2024/05/bridge</guid>
    <dc:date>2024-05-06T08:00:00Z</dc:date>
    <content:encoded>&lt;p&gt;The bridge reopened on Monday after repairs.&lt;/p&gt;</content:encoded>
  </item>
</channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://wire.example.org/world/">
  <title type="html">World &lt;b&gt;Wire&lt;/b&gt;</title>
  <link rel="self" href="https://wire.example.org/feed.atom"/>
  <entry>
    <title>Talks resume in Geneva</title>
    <link rel="alternate" type="text/html" href="talks-resume"/>
    <id>tag:wire.example.org,2024:1</id>
    <updated>2024-03-02T10:00:00Z</updated>
    <published>2024-03-01T09:15:00-05:00</published>
    <content type="html">&lt;p&gt;Negotiators met in Geneva on Friday.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Ceasefire <em>holds</em></div></title>
    <link href="/ceasefire"/>
    <id>tag:wire.example.org,2024:2</id>
    <updated>2024-03-03</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The ceasefire held for a <b>third</b> day.</p></div></content>
  </entry>
  <entry>
    <title>Summary only</title>
    <link href="summary-only"/>
    <id>tag:wire.example.org,2024:3</id>
    <summary>Just a teaser.</summary>
  </entry>
</feed>`;

const RDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel rdf:about="https://old.example.net/"><title>Old Site</title><link>https://old.example.net/</link></channel>
  <item rdf:about="https://old.example.net/a1">
    <title>Elections called</title>
    <link>https://old.example.net/a1</link>
    <dc:date>2003-06-10T04:00:00+01:00</dc:date>
    <content:encoded>&lt;p&gt;The prime minister called early elections.&lt;/p&gt;</content:encoded>
  </item>
</rdf:RDF>`;

describe('parseFeed', () => {
  it('reads RSS 2.0 items with content:encoded, resolving links against the channel link', () => {
    const feed = parseFeed(RSS_FULL, 'rss.xml');
    expect(feed).toMatchObject({ format: 'rss', title: 'Coast Daily' });
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0]).toEqual({
      title: 'Floods hit the coast',
      link: 'https://news.example.com/2024/05/floods',
      id: null,
      published: '2024-05-05T14:30:00+02:00',
      content: { kind: 'html', text: '<p>Heavy rain flooded coastal towns on Sunday, officials said.</p><p>Roads were closed.</p>' },
    });
    // A guid is the permalink; escaped HTML is unescaped once.
    expect(feed.items[1]).toMatchObject({
      title: 'Bridge & tunnel reopen',
      link: 'https://news.example.com/2024/05/bridge',
      published: '2024-05-06T08:00:00Z',
      content: { kind: 'html', text: '<p>The bridge reopened on Monday after repairs.</p>' },
    });
  });

  it('reads Atom entries: html and xhtml content, xml:base, published before updated', () => {
    const feed = parseFeed(ATOM, 'wire.atom');
    expect(feed).toMatchObject({ format: 'atom', title: 'World Wire' });
    const [a, b, c] = feed.items;
    expect(a).toEqual({
      title: 'Talks resume in Geneva',
      link: 'https://wire.example.org/world/talks-resume',
      id: 'tag:wire.example.org,2024:1',
      published: '2024-03-01T09:15:00-05:00',
      content: { kind: 'html', text: '<p>Negotiators met in Geneva on Friday.</p>' },
    });
    expect(b).toMatchObject({ title: 'Ceasefire holds', link: 'https://wire.example.org/ceasefire', published: '2024-03-03' });
    expect(b!.content).toEqual({ kind: 'html', text: '<p>The ceasefire held for a <b>third</b> day.</p>' });
    expect(c).toMatchObject({ link: 'https://wire.example.org/world/summary-only', content: null, published: null });
  });

  it('reads RSS 1.0 (RDF) items beside the channel', () => {
    const feed = parseFeed(RDF, 'old.rdf');
    expect(feed.format).toBe('rdf');
    expect(feed.items).toEqual([{
      title: 'Elections called', link: 'https://old.example.net/a1', id: 'https://old.example.net/a1',
      published: '2003-06-10T04:00:00+01:00', content: { kind: 'html', text: '<p>The prime minister called early elections.</p>' },
    }]);
  });

  it('keeps only http(s) links: a feed cannot point us at file: or javascript: URLs', () => {
    const feed = parseFeed('<rss><channel><item><link>file:///etc/passwd</link></item><item><link>javascript:alert(1)</link></item></channel></rss>', 'x.rss');
    expect(feed.items.map((i) => i.link)).toEqual([null, null]);
  });

  it('refuses entity declarations, non-XML and XML that is not a feed with E_FORMAT naming the input', () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss><channel><title>&b;</title></channel></rss>';
    expect(() => parseFeed(bomb, 'bomb.rss')).toThrow(expect.objectContaining({ code: 'E_FORMAT', input: 'bomb.rss', message: 'feed declares XML entities (refused: entity expansion)' }));
    expect(() => parseFeed('<html><body><p>Not a feed<br></body></html>', 'page.rss')).toThrow(expect.objectContaining({ code: 'E_FORMAT', input: 'page.rss', message: expect.stringMatching(/^feed is not well-formed XML at line 1/) }));
    expect(() => parseFeed('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>', 'sitemap.xml')).toThrow(expect.objectContaining({ code: 'E_FORMAT', message: expect.stringMatching(/not an RSS, Atom or RDF feed \(root element <urlset>\)/) }));
  });
});

describe('feedDateToIso', () => {
  it.each([
    ['Tue, 10 Jun 2003 04:00:00 GMT', '2003-06-10T04:00:00Z'],
    ['10 Jun 03 04:00 EDT', '2003-06-10T04:00:00-04:00'],
    ['Sun, 5 May 2024 14:30:00 +0200', '2024-05-05T14:30:00+02:00'],
    ['Sun, 5 May 2024 14:30:00 XYZ', '2024-05-05T14:30:00'],
    ['2024-03-01T09:15:00.123-05:00', '2024-03-01T09:15:00-05:00'],
    ['2024-03-01', '2024-03-01'],
    ['Mon, 31 Feb 2024 10:00:00 GMT', null],
    ['yesterday', null],
    ['', null],
  ])('%s → %s', (text, iso) => expect(feedDateToIso(text)).toBe(iso));
});

describe('sniffFeed', () => {
  it('looks at the first element after the prolog, not at any "<rss" in the text', () => {
    expect(sniffFeed(Buffer.from(RSS_FULL))).toBe('rss');
    expect(sniffFeed(Buffer.from(ATOM))).toBe('atom');
    expect(sniffFeed(Buffer.from(RDF))).toBe('rdf');
    expect(sniffFeed(Buffer.from('<!DOCTYPE lolz [<!ENTITY lol "lol">]>\n<rss/>'))).toBe('rss');
    expect(sniffFeed(Buffer.from('<!DOCTYPE html><html><body><pre>&lt;rss&gt; <rss version="2.0"></pre></body></html>'))).toBeNull();
    expect(sniffFeed(Buffer.from('The word feed, then <feed>'))).toBeNull();
  });
});

let server: LocalServer;
let base = '';
const ARTICLE = '<html><head><title>Port closed | Site</title></head><body><article><p>The port closed on Tuesday because of the storm.</p></article></body></html>';

beforeAll(async () => {
  server = await serveRoutes({
    '/feed': (res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      res.end(`<rss version="2.0"><channel><title>Links</title><link>https://elsewhere.example/</link>
        <item><title>Port closed</title><link>/articles/port</link><pubDate>Tue, 07 May 2024 09:00:00 GMT</pubDate></item>
        <item><title>Gone</title><link>/articles/missing</link></item>
        <item><title>No link at all</title><description>teaser</description></item>
      </channel></rss>`);
    },
    '/articles/port': (res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(ARTICLE);
    },
    '/not-xml': (res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end('{"items": []}');
    },
    '/atom-as-text': (res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(ATOM);
    },
  });
  base = server.base;
});

afterAll(() => {
  server.close();
});

describe('feeds through expandInputs', () => {
  it('turns a feed file into items carrying their content, named FEED#link', async () => {
    const path = file('coast.rss', RSS_FULL);
    const items = await collect([path]);
    expect(items.map((i) => (i instanceof NewsgraphError ? i.code : i.name))).toEqual([
      `${path}#https://news.example.com/2024/05/floods`,
      `${path}#https://news.example.com/2024/05/bridge`,
    ]);
    const raw = await ok(items[0]).load();
    expect(raw).toMatchObject({ kind: 'html', uri: 'https://news.example.com/2024/05/floods', title: 'Floods hit the coast', published: '2024-05-05T14:30:00+02:00' });
    expect(raw.content).toContain('<article><p>Heavy rain flooded coastal towns');
    expect(raw.content).toContain('<title>Floods hit the coast</title>');
  });

  it('sniffs a feed by content whatever its name, and decodes by the XML declaration', async () => {
    const latin = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><item><title>Caf', 'latin1'),
      Buffer.from([0xe9, 0x93]),
      Buffer.from('</title><link>https://x.example/c</link><content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/">&lt;p&gt;Text.&lt;/p&gt;</content:encoded></item></channel></rss>', 'latin1'),
    ]);
    const path = file('feed-without-extension', latin);
    const [item] = await collect([path]);
    expect((await ok(item).load()).title).toBe('Café“');
  });

  it('fetches a feed URL, resolves links against it, and load() fetches each linked article', async () => {
    const items = await collect([`${base}/feed`], { allowPrivate: true });
    expect(items).toHaveLength(3);
    const first = ok(items[0]);
    expect(first.name).toBe(`${base}/feed#${base}/articles/port`);
    const raw = await first.load();
    expect(raw).toMatchObject({ name: first.name, kind: 'html', uri: `${base}/articles/port`, title: 'Port closed', published: '2024-05-07T09:00:00Z' });
    expect(raw.content).toContain('The port closed on Tuesday');
    expect(await errorOf(ok(items[1]).load())).toMatchObject({ code: 'E_HTTP', input: `${base}/feed#${base}/articles/missing` });
    expect(items[2]).toMatchObject({ code: 'E_FORMAT', input: `${base}/feed#item-3` });
  });

  it('keeps the private-address guard for the feed and for the links in it', async () => {
    const [refused] = await collect([`${base}/feed`]);
    expect(refused).toMatchObject({ code: 'E_PRIVATE_ADDRESS', input: `${base}/feed` });
    const hostile = file('hostile.rss', `<rss><channel><item><title>Metadata</title><link>http://169.254.169.254/latest/meta-data/</link></item></channel></rss>`);
    const [item] = await collect([hostile]);
    expect(await errorOf(ok(item).load())).toMatchObject({ code: 'E_PRIVATE_ADDRESS', input: `${hostile}#http://169.254.169.254/latest/meta-data/` });
  });

  it('reads a feed served as text/plain, and refuses a "feed" that is not XML', async () => {
    const items = await collect([`${base}/atom-as-text`, `${base}/not-xml`], { allowPrivate: true });
    expect(items.map((i) => (i instanceof NewsgraphError ? i.code : 'item'))).toEqual(['item', 'item', 'item', 'E_FORMAT']);
    expect(items[3]).toMatchObject({ input: `${base}/not-xml`, message: expect.stringMatching(/not well-formed XML/) });
  });

  it('refuses a billion-laughs feed and a non-XML .rss file as a whole, then goes on', async () => {
    const lol = file('lol.rss', `<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title></channel></rss>`);
    const junk = file('junk.rss', 'Just some words, no markup at all.');
    const after = file('after.rss', RDF);
    const items = await collect([lol, junk, after]);
    expect(items[0]).toMatchObject({ code: 'E_FORMAT', input: lol, message: 'feed declares XML entities (refused: entity expansion)' });
    expect(items[1]).toMatchObject({ code: 'E_FORMAT', input: junk, message: expect.stringMatching(/text before the root element/) });
    expect(ok(items[2]).name).toBe(`${after}#https://old.example.net/a1`);
  });
});
