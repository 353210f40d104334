import { describe, expect, it } from 'vitest';
import { XmlError, attr, childElements, innerHtml, parseXml, textOf } from './xml.js';

function failure(text: string): XmlError {
  try {
    parseXml(text);
  } catch (e) {
    if (e instanceof XmlError) return e;
    throw e;
  }
  throw new Error('parsed without error');
}

describe('parseXml', () => {
  it('reads elements, attributes, text, CDATA and character references', () => {
    const root = parseXml(`\uFEFF<?xml version="1.0" encoding="utf-8"?>
<!-- a comment --><root a="1 &amp; 2" b='x&#x20AC;'><p>Tom &amp; Jerry &lt;3 &#8212; <![CDATA[<b>raw & kept</b>]]></p><empty/></root>
`);
    expect(root.name).toBe('root');
    expect(attr(root, 'a')).toBe('1 & 2');
    expect(attr(root, 'b')).toBe('x€');
    const [p, empty] = childElements(root);
    expect(p!.children).toEqual(['Tom & Jerry <3 — <b>raw & kept</b>']);
    expect(empty!.children).toEqual([]);
  });

  it('resolves namespaces by URI, whatever the prefix', () => {
    const root = parseXml('<rss xmlns:c="http://purl.org/rss/1.0/modules/content/"><item><c:encoded>x</c:encoded><x:unbound>y</x:unbound></item></rss>');
    const item = childElements(root, 'item')[0]!;
    expect(childElements(item, 'encoded', 'http://purl.org/rss/1.0/modules/content/')).toHaveLength(1);
    expect(childElements(item, 'unbound')[0]!.ns).toBeNull();
    const atom = parseXml('<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://a/"><entry/></feed>');
    expect(atom.ns).toBe('http://www.w3.org/2005/Atom');
    expect(childElements(atom, 'entry')[0]!.ns).toBe('http://www.w3.org/2005/Atom');
    expect(attr(atom, 'base', 'http://www.w3.org/XML/1998/namespace')).toBe('http://a/');
  });

  it('refuses entity declarations (billion laughs) before expanding anything', () => {
    const lol = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<lolz>&lol3;</lolz>`;
    const e = failure(lol);
    expect(e.reason).toBe('entities');
    expect(e.message).toMatch(/declares XML entities/);
    // External entities need a declaration too.
    expect(failure('<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><r>&xxe;</r>').reason).toBe('entities');
  });

  it('accepts a DOCTYPE without entity declarations and never fetches its DTD', () => {
    const root = parseXml('<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"/>');
    expect(root.name).toBe('rss');
    expect(failure('<!DOCTYPE r SYSTEM "http://example.com/x.dtd"><r>&nbsp;</r>').message).toMatch(/undefined entity &nbsp;/);
  });

  it.each([
    ['<a><b></a>', /does not match <b>/],
    ['<a>', /never closed/],
    ['<a>AT&T</a>', /"&" must start a reference/],
    ['<a x=1/>', /must be quoted/],
    ['<a x="1" x="2"/>', /duplicate attribute/],
    ['<a/><b/>', /second root/],
    ['<a/>trailing', /text after the root/],
    ['{"not": "xml"}', /text before the root/],
    ['<html><body><p>unclosed<br></body></html>', /does not match/],
    ['<a>&#0;</a>', /not a valid XML character/],
    ['', /no root element/],
  ])('refuses malformed XML: %s', (text, message) => {
    const e = failure(text);
    expect(e.reason).toBe('syntax');
    expect(e.message).toMatch(/^not well-formed XML at line \d+, column \d+/);
    expect(e.message).toMatch(message);
  });

  it('reports the line and column of the problem', () => {
    const e = failure('<a>\n  <b>\n</a>');
    expect([e.line, e.column]).toEqual([3, 1]);
  });

  it('caps nesting depth without recursion', () => {
    expect(failure('<a>'.repeat(2000) + '</a>'.repeat(2000)).message).toMatch(/nested deeper than 1000/);
    const deep = parseXml('<a>'.repeat(900) + 'x' + '</a>'.repeat(900));
    expect(textOf(deep)).toBe('x');
  });

  it('serialises XHTML content back to HTML', () => {
    const root = parseXml('<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p class="a">One &amp; <em>two</em><br/></p></div></content>');
    expect(innerHtml(childElements(root, 'div')[0]!)).toBe('<p class="a">One &amp; <em>two</em><br></p>');
  });
});
