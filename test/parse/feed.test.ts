import { describe, expect, it } from 'vitest';
import { parseFeed, parseFeedBytes } from '../../src/parse/feed';
import type { ParsedFeed } from '../../src/types';

const URL_ = 'https://news.example/feeds/main.xml';

function ok(text: string, contentLocation?: string): ParsedFeed {
  const r = parseFeed(text, { url: URL_, contentLocation });
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const rss = (version: string, items = '<item><title>t</title></item>') =>
  `<?xml version="1.0"?><rss${version ? ` version="${version}"` : ''}><channel><title>Feed</title>${items}</channel></rss>`;

describe('format detection', () => {
  it.each([
    [rss('0.91'), 'rss091'],
    [rss('0.92'), 'rss092'],
    [rss('0.93'), 'rss093'],
    [rss('0.94'), 'rss094'],
    [rss('2.0'), 'rss20'],
    [rss(''), 'rss20'],
    [
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel/></rdf:RDF>',
      'rss10',
    ],
    [
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/"><channel/></rdf:RDF>',
      'rss090',
    ],
    ['<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>', 'atom10'],
    ['<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>x</title></feed>', 'atom03'],
    ['{"version":"https://jsonfeed.org/version/1","title":"x","items":[]}', 'json10'],
    ['{"version":"https://jsonfeed.org/version/1.1","title":"x","items":[]}', 'json11'],
  ])('%s is %s', (text, format) => {
    expect(ok(text).format).toBe(format);
  });
});

describe('failures are values with a reason', () => {
  it.each([
    ['', /empty document/],
    ['   \n ', /empty document/],
    ['<!-- nothing -->', /no XML element/],
    ['<html><head><title>Moved</title></head><body>here</body></html>', /HTML page/],
    ['<note><to>Tove</to></note>', /unknown XML document.*<note>/],
    ['{"version": "1.0"', /invalid JSON/],
    ['{"hello": "world"}', /not a JSON Feed/],
    ['<rss version="2.0"><channel><title>cut off</title><copyright>x</copyright><!-- error', /truncated/],
  ])('%j fails', (text, reason) => {
    const r = parseFeed(text, { url: URL_ });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(reason);
  });

  it('a complete feed with no articles is still a feed', () => {
    expect(ok('<rss version="2.0"><channel><title>Quiet</title></channel></rss>').articles).toEqual([]);
  });

  it('a truncated feed keeps the articles it recovered', () => {
    const feed = ok(
      '<rss version="2.0"><channel><item><title>First</title><link>https://a.example/1</link></item><item><title>Sec',
    );
    expect(feed.articles.map((a) => a.title)).toEqual(['First', 'Sec']);
  });
});

describe('RSS fields', () => {
  const feed = ok(`<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:m="http://search.yahoo.com/mrss/">
<channel><title>Al &amp; Co</title><link>/</link><language>ar</language>
<item>
  <title><![CDATA[<b>عاجل</b>: قصف]]></title>
  <link>/2024/01/story.html</link>
  <guid isPermaLink="false">id-1</guid>
  <pubDate>Mon, 01 Jan 2024 10:00:00 +0300</pubDate>
  <description>&lt;p&gt;Short &amp;hellip; text&lt;/p&gt;</description>
  <content:encoded><![CDATA[<p>Full <a href="../more.html">text</a></p>]]></content:encoded>
  <dc:creator>Reporter</dc:creator>
  <m:content url="https://img.example/a.jpg" medium="image"/>
</item>
<item><description>No title, link or guid</description><author>a@b.example (Named Author)</author></item>
</channel></rss>`);

  it('reads feed title, link and language', () => {
    expect([feed.title, feed.link, feed.lang]).toEqual(['Al & Co', 'https://news.example/', 'ar']);
  });

  it('reads an article: plain title, absolute url, guid, date, summary, HTML content, author, image', () => {
    expect(feed.articles[0]).toEqual({
      title: 'عاجل: قصف',
      url: 'https://news.example/2024/01/story.html',
      guid: 'id-1',
      published: Date.UTC(2024, 0, 1, 7),
      summary: 'Short … text',
      contentHtml: '<p>Full <a href="https://news.example/more.html">text</a></p>',
      author: 'Reporter',
      imageUrl: 'https://img.example/a.jpg',
      lang: 'ar',
    });
  });

  it('leaves guid and url null when the feed gives neither (the pipeline synthesises an id)', () => {
    const a = feed.articles[1]!;
    expect([a.title, a.url, a.guid, a.published, a.author]).toEqual(['', null, null, null, 'Named Author']);
  });

  it('takes a permalink guid as the url, but not one marked isPermaLink="false"', () => {
    const f = ok(
      rss(
        '2.0',
        '<item><guid>https://a.example/p</guid></item><item><guid isPermaLink="false">https://a.example/q</guid></item>',
      ),
    );
    expect(f.articles.map((a) => a.url)).toEqual(['https://a.example/p', null]);
  });

  it('reads content:encoded even when the prefix is undeclared', () => {
    const f = ok(rss('2.0', '<item><content:encoded>&lt;p&gt;x&lt;/p&gt;</content:encoded></item>'));
    expect(f.articles[0]!.contentHtml).toBe('<p>x</p>');
  });
});

describe('xml:base and relative links', () => {
  it('resolves nested, relative xml:base down to the link (Atom)', () => {
    const f = ok(`<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://example.org/root/">
      <link href="index.html"/>
      <entry xml:base="sub/"><link rel="alternate" href="page.html"/><link rel="self" href="/self"/></entry>
      <entry><link rel="edit" href="/e"/><link rel="related" href="rel.html"/></entry></feed>`);
    expect(f.link).toBe('http://example.org/root/index.html');
    expect(f.articles.map((a) => a.url)).toEqual([
      'http://example.org/root/sub/page.html',
      'http://example.org/root/rel.html',
    ]);
  });

  it('a link without rel is the alternate link', () => {
    const f = ok(
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry><link rel="self" href="/s"/><link href="/a"/></entry></feed>',
    );
    expect(f.articles[0]!.url).toBe('https://news.example/a');
  });

  it('Content-Location is the base when given, itself resolved against the feed URL', () => {
    expect(ok(rss('2.0', '<item><link>x.html</link></item>'), '/other/').articles[0]!.url).toBe(
      'https://news.example/other/x.html',
    );
  });
});

describe('Atom text constructs', () => {
  it.each([
    ['text', '<title type="text">a &lt;b&gt; c</title>', 'a <b> c'],
    ['html', '<title type="html">a &lt;b&gt;bold&lt;/b&gt; c</title>', 'a bold c'],
    ['xhtml', '<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">a <b>bold</b></div></title>', 'a bold'],
  ])('%s title is plain text', (_type, title, want) => {
    expect(ok(`<feed xmlns="http://www.w3.org/2005/Atom"><entry>${title}</entry></feed>`).articles[0]!.title).toBe(
      want,
    );
  });

  it('xhtml content drops the wrapping div and keeps the markup', () => {
    const f = ok(
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hi <i>there</i></p></div></content></entry></feed>',
    );
    expect(f.articles[0]!.contentHtml).toBe('<p>Hi <i>there</i></p>');
  });
});

describe('JSON Feed', () => {
  const f = ok(
    JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'J',
      home_page_url: 'https://j.example/',
      language: 'en',
      authors: [{ name: 'Feed Author' }],
      items: [
        {
          id: 1,
          url: '/a',
          title: 'A',
          content_html: '<p>Body</p>',
          date_published: '2024-02-03T04:05:06Z',
          image: 'img.png',
        },
        { id: 'b', content_text: 'Only text', summary: 'Sum', authors: [{ name: 'Item Author' }] },
        'not an object',
        { title: 42, date_published: 'garbage' },
      ],
    }),
  );

  it('reads items, tolerating wrong types', () => {
    expect(f.articles).toHaveLength(3);
    expect(f.articles[0]).toMatchObject({
      title: 'A',
      url: 'https://news.example/a',
      guid: '1',
      published: Date.UTC(2024, 1, 3, 4, 5, 6),
      summary: 'Body',
      contentHtml: '<p>Body</p>',
      author: 'Feed Author',
      imageUrl: 'https://news.example/feeds/img.png',
      lang: 'en',
    });
    expect(f.articles[1]).toMatchObject({ guid: 'b', summary: 'Sum', contentHtml: 'Only text', author: 'Item Author' });
    expect(f.articles[2]).toMatchObject({ title: '', guid: null, published: null });
  });
});

describe('hostile input', () => {
  it('a 5 MB single-line feed parses in reasonable time', () => {
    const item =
      '<item><title>Title &amp; more</title><link>https://h.example/x</link><description>&lt;p&gt;text&lt;/p&gt;</description></item>';
    const text = `<rss version="2.0"><channel><title>big</title>${item.repeat(Math.ceil(5_000_000 / item.length))}</channel></rss>`;
    const start = performance.now();
    const f = ok(text);
    expect(f.articles.length).toBeGreaterThan(30_000);
    expect(performance.now() - start).toBeLessThan(15_000);
  });

  it('deeply nested tags do not overflow the stack', () => {
    const depth = 100_000;
    const text = `<rss version="2.0"><channel><item><title>deep</title><description>${'<div>'.repeat(depth)}x${'</div>'.repeat(depth)}</description></item></channel></rss>`;
    const f = ok(text);
    expect(f.articles[0]!.title).toBe('deep');
    expect(f.articles[0]!.summary).toContain('x');
  });

  it('many unclosed tags and stray end tags stay linear (no quadratic open-element stack)', () => {
    const n = 100_000;
    const text = `<rss version="2.0"><channel><item><title>t</title><description>${'<a></zzz>'.repeat(n)}</description></item></channel></rss>`;
    const start = performance.now();
    expect(ok(text).articles).toHaveLength(1);
    expect(performance.now() - start).toBeLessThan(5_000);
  });

  it('billion-laughs entity declarations are never expanded', () => {
    const decls = Array.from({ length: 10 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
    const text = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol0 "lol">${decls}]><rss version="2.0"><channel><title>&lol10;</title></channel></rss>`;
    const f = ok(text);
    expect(f.title).toBe('&lol10;');
  });

  it('control characters and a BOM are removed, never thrown on', () => {
    const bytes = new TextEncoder().encode(
      '\uFEFF<rss version="2.0"><channel><title>a\u0008b\u0000c</title></channel></rss>',
    );
    const r = parseFeedBytes(bytes, { contentType: 'application/rss+xml', url: URL_ });
    expect(r.ok && r.value.feed.title).toBe('abc');
  });

  it('random bytes give a failure, not an exception', () => {
    const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
    expect(() => parseFeedBytes(bytes, { contentType: null, url: URL_ })).not.toThrow();
  });
});
