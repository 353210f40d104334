import { describe, expect, it } from 'vitest';
import { decodeEntities } from './entities.js';

describe('decodeEntities', () => {
  it('decodes named references, case-sensitively', () => {
    expect(decodeEntities('AT&amp;T &lt;CP&gt; said &quot;no&quot;')).toBe('AT&T <CP> said "no"');
    expect(decodeEntities('Jos&eacute; &Eacute;mile M&uuml;ller &AMP; co')).toBe('José Émile Müller & co');
    expect(decodeEntities('1&ndash;2&nbsp;km&hellip; &ldquo;yes&rdquo;')).toBe('1–2\u00a0km… “yes”');
  });

  it('decodes numeric references, reading 0x80–0x9F as Windows-1252', () => {
    expect(decodeEntities('it&#39;s &#x2019;94 &#8364;5')).toBe('it\'s ’94 €5');
    expect(decodeEntities('Reagan&#146;s &#151; dash')).toBe('Reagan’s — dash');
  });

  it('drops control characters and replaces impossible code points', () => {
    expect(decodeEntities('Reuter&#3;')).toBe('Reuter');
    expect(decodeEntities('a&#0;b&#x7f;c&#xD800;d&#9999999;')).toBe('abc\ufffdd\ufffd');
  });

  it('leaves ampersands that are text alone', () => {
    for (const s of ['R&D and Q&A', 'AT&T', 'Fish & Chips', '&c.', 'a &unknown; name', '&amp without semicolon']) {
      expect(decodeEntities(s)).toBe(s);
    }
  });

  it('decodes one level only', () => {
    expect(decodeEntities('&amp;amp; &amp;#39;')).toBe('&amp; &#39;');
  });
});
