// feedparser's `Expect:` expressions translated to our fields, miniflux's "decodes" rows, and the
// Arabic encodings corpus. Our text fields are plain text, so feedparser's HTML-valued expectations
// are compared after tag stripping (e.g. 'Example <b>Atom</b>' as a title reads 'Example Atom').
//
// Not translated, and why:
// - title_detail / feed description / content base / links[] / tags / source / georss `where` /
//   itunes / etag / modified / enclosures / title_detail.language: fields we do not keep;
// - sanitize/*_content_*: contentHtml is the feed's HTML as given; sanitizing is the renderer's job;
// - encoding/http_text_*_default, http_text_xml_qs, http_text_xml_bogus_charset, http_text_rss_xml_encoding:
//   RFC 3023's "text/xml means us-ascii" default, dropped by RFC 7303 section 3.2; we use the prolog or UTF-8;
// - illformed/chardet/*: undeclared CJK/Cyrillic/Thai/Hebrew bytes; we only guess Arabic single-byte
//   charsets (they parse, with windows-1252 text); encoding/bozo_*: feedparser's error flag, not a field;
// - double-encoded-html ('â€¦' repaired to '…'): we do not guess at mojibake;
// - feed_link_xml_base_iri: its only link is rel="self", which is not the feed's page link;
// - demoronize-3 ('don&#x2019;t' kept escaped): our plain text decodes entities in HTML once more;
// - euc-kr-attribute, item_description_not_a_doctype: markup-only descriptions, empty as plain text.
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../src/parse/decode';
import { corpusBytes, corpusPresent, readExpectations, simulatedHeaders } from './corpus-files';
import { parsed } from './corpus-parse';

type EntryField = 'title' | 'url' | 'guid' | 'summary' | 'contentHtml' | 'imageUrl';
type Field = 'title' | 'link' | 'lang' | 'format' | 'encoding' | 'published' | `entry.${EntryField}`;

const FP: Array<[string, Field, string | number | null]> = [
  ['encoding/big5.xml', 'encoding', 'big5'],
  ['encoding/http_application_atom_xml_gb2312_charset.xml', 'encoding', 'gb18030'],
  ['encoding/http_application_rss_xml_charset.xml', 'encoding', 'windows-1252'],
  ['encoding/http_application_xml_charset_overrides_encoding.xml', 'encoding', 'windows-1252'],
  ['encoding/http_application_xml_dtd_charset.xml', 'encoding', 'windows-1252'],
  ['encoding/http_text_xml_charset.xml', 'encoding', 'windows-1252'],
  ['encoding/http_text_xml_charset_overrides_encoding.xml', 'encoding', 'windows-1252'],
  ['encoding/http_application_xml_default.xml', 'encoding', 'utf-8'],
  ['encoding/bozo_http_text_plain_charset.xml', 'encoding', 'utf-8'],
  ['encoding/no_content_type_default.xml', 'encoding', 'utf-8'],
  ['encoding/no_content_type_encoding.xml', 'encoding', 'windows-1252'],
  ['encoding/u16.xml', 'encoding', 'utf-16be'],
  ['encoding/utf16.xml', 'encoding', 'utf-16be'],
  ['encoding/utf_16.xml', 'encoding', 'utf-16be'],
  ['encoding/utf_32.xml', 'encoding', 'utf-32be'],
  ['encoding/utf-16be-autodetect.xml', 'encoding', 'utf-16be'],
  ['encoding/utf-16be-bom.xml', 'encoding', 'utf-16be'],
  ['encoding/utf-16le-autodetect.xml', 'encoding', 'utf-16le'],
  ['encoding/utf-16le-bom.xml', 'encoding', 'utf-16le'],
  ['encoding/utf-32be-autodetect.xml', 'encoding', 'utf-32be'],
  ['encoding/utf-32be-bom.xml', 'encoding', 'utf-32be'],
  ['encoding/utf-32le-autodetect.xml', 'encoding', 'utf-32le'],
  ['encoding/utf-32le-bom.xml', 'encoding', 'utf-32le'],
  ['encoding/utf-8-bom.xml', 'encoding', 'utf-8'],
  ['encoding/demoronize-1.xml', 'entry.summary', 'don\u2019t'],
  ['encoding/demoronize-2.xml', 'entry.summary', 'don\u2019t'],
  ['encoding/euc-kr-item.xml', 'entry.summary', '\ub144'],
  ['encoding/euc-kr.xml', 'title', '\ub144'],
  ['entities/160.xml', 'title', 'testing \xa0 entity'],
  ['entities/8216.xml', 'title', 'testing \u2018 entity'],
  ['entities/attr_amp.xml', 'link', 'http://domain/?a=1&b=2'],
  ['entities/doesnotexist.xml', 'title', 'testing &doesnotexist; entity'],
  ['entities/hellip.xml', 'title', 'testing \u2026 entity'],
  ['entities/hex_entity_x_uppercase.xml', 'entry.title', 'A'],
  ['entities/lrm.xml', 'title', 'testing \u200e entity'],
  ['entities/nbsp.xml', 'title', 'testing \xa0 entity'],
  ['entities/rlm.xml', 'title', 'testing \u200f entity'],
  ['entities/zwnj.xml', 'title', 'testing \u200c entity'],
  ['illformed/always_strip_doctype.xml', 'title', 'found'],
  ['illformed/rss_item_link_corrupted_ampersands.xml', 'entry.url', 'http://link/get?a=1&b=2'],
  ['json/example.json', 'title', 'My Example Feed'],
  ['wellformed/amp/amp01.xml', 'entry.title', '&'],
  ['wellformed/amp/amp02.xml', 'entry.title', '&'],
  ['wellformed/amp/amp05.xml', 'entry.title', '&'],
  ['wellformed/amp/amp08.xml', 'entry.title', '&'],
  ['wellformed/amp/attr01.xml', 'entry.title', '&'],
  ['wellformed/atom10/ampersand_in_attr.xml', 'title', 'Example test'],
  ['wellformed/atom10/missing_quote_in_attr.xml', 'title', 'example'],
  ['wellformed/atom10/atom10_version.xml', 'format', 'atom10'],
  ['wellformed/atom10/entry_content_application_xml.xml', 'entry.contentHtml', 'Example <b>Atom</b>'],
  ['wellformed/atom10/entry_content_base64.xml', 'entry.contentHtml', 'Example <b>Atom</b>'],
  ['wellformed/atom10/entry_content_escaped_markup.xml', 'entry.contentHtml', 'Example <b>Atom</b>'],
  ['wellformed/atom10/entry_content_inline_markup.xml', 'entry.contentHtml', 'Example <b>Atom</b>'],
  ['wellformed/atom10/entry_content_text_plain.xml', 'entry.contentHtml', 'Example Atom'],
  ['wellformed/atom10/entry_content_src.xml', 'entry.contentHtml', null],
  ['wellformed/atom10/entry_id.xml', 'entry.guid', 'http://example.com/'],
  ['wellformed/atom10/entry_link_href.xml', 'entry.url', 'http://www.example.com/'],
  ['wellformed/atom10/entry_link_multiple.xml', 'entry.url', 'http://www.example.com/'],
  ['wellformed/atom10/entry_summary.xml', 'entry.summary', 'Example Atom'],
  ['wellformed/atom10/entry_summary_escaped_markup.xml', 'entry.summary', 'Example Atom'],
  ['wellformed/atom10/entry_summary_inline_markup.xml', 'entry.summary', 'Example Atom'],
  ['wellformed/atom10/entry_summary_text_plain.xml', 'entry.summary', 'Example Atom'],
  ['wellformed/atom10/entry_title.xml', 'entry.title', 'Example Atom'],
  ['wellformed/atom10/entry_title_base64.xml', 'entry.title', 'Example Atom'],
  ['wellformed/atom10/entry_title_escaped_markup.xml', 'entry.title', 'Example Atom'],
  ['wellformed/atom10/entry_title_inline_markup.xml', 'entry.title', 'Example Atom'],
  ['wellformed/atom10/entry_title_text_plain.xml', 'entry.title', 'Example Atom'],
  ['wellformed/atom10/entry_title_type_empty-no-crash.xml', 'entry.title', 'evil'],
  ['wellformed/atom10/feed_title.xml', 'title', 'Example Atom'],
  ['wellformed/base/http_channel_link_base_content_location.xml', 'link', 'http://example.com/relative/uri'],
  [
    'wellformed/base/rel_uri_with_unicode_character.xml',
    'entry.contentHtml',
    '<a href="http://any.test/%C3%80">uri</a>',
  ],
  ['wellformed/cdf/item_title.xml', 'entry.title', 'Example item'],
  ['wellformed/http/headers_content_location-relative.xml', 'link', 'http://127.0.0.1:8097/feed/absolute'],
  ['wellformed/lang/channel_language.xml', 'lang', 'en-us'],
  ['wellformed/lang/feed_language.xml', 'lang', 'en'],
  ['wellformed/lang/feed_not_xml_lang.xml', 'lang', 'en'],
  ['wellformed/media-rss/media_thumbnail.xml', 'entry.imageUrl', 'http://example.com/thumbnail.jpg'],
  ['wellformed/node_precedence/atom10_id.xml', 'entry.guid', 'Correct Value'],
  ['wellformed/node_precedence/atom10_title.xml', 'entry.title', 'Correct Value'],
  ['wellformed/rdf/rdf_channel_link.xml', 'link', 'http://example.com/'],
  ['wellformed/rdf/rdf_channel_title.xml', 'title', 'Example feed'],
  ['wellformed/rdf/rdf_item_description.xml', 'entry.summary', 'Example description'],
  ['wellformed/rdf/rdf_item_link.xml', 'entry.url', 'http://example.com/1'],
  ['wellformed/rdf/rdf_item_rdf_about.xml', 'entry.guid', 'http://example.org/1'],
  ['wellformed/rdf/rdf_item_title.xml', 'entry.title', 'Example title'],
  ['wellformed/rdf/rss090_channel_title.xml', 'title', 'Example title'],
  ['wellformed/rdf/rss090_item_title.xml', 'entry.title', 'Item title'],
  ['wellformed/rdf/rss_version_10.xml', 'format', 'rss10'],
  ['wellformed/rdf/rss_version_10_not_default_ns.xml', 'format', 'rss10'],
  ['wellformed/rss/channel_link.xml', 'link', 'http://example.com/'],
  ['wellformed/rss/channel_title.xml', 'title', 'Example feed'],
  ['wellformed/rss/item_content_encoded.xml', 'entry.contentHtml', '<p>Example content</p>'],
  ['wellformed/rss/item_dc_date.xml', 'published', Date.UTC(2003, 11, 31, 10, 14, 55)],
  ['wellformed/rss/item_description.xml', 'entry.summary', 'Example description'],
  ['wellformed/rss/item_description_br.xml', 'entry.summary', 'article title article byline text of article'],
  ['wellformed/rss/item_description_escaped_markup.xml', 'entry.summary', 'Example description'],
  ['wellformed/rss/item_description_naked_markup.xml', 'entry.summary', 'Example description'],
  ['wellformed/rss/item_fullitem.xml', 'entry.contentHtml', '<p>Example content</p>'],
  ['wellformed/rss/item_guid.xml', 'entry.guid', 'http://guid.example.com/'],
  ['wellformed/rss/item_guid_not_permalink.xml', 'entry.url', null],
  ['wellformed/rss/item_link.xml', 'entry.url', 'http://example.com/'],
  ['wellformed/rss/item_pubDate.xml', 'published', Date.UTC(2004, 0, 1, 19, 48, 21)],
  ['wellformed/rss/item_pubDate_map_updated_parsed.xml', 'published', Date.UTC(2004, 0, 1, 19, 48, 21)],
  ['wellformed/rss/item_title.xml', 'entry.title', 'Item 1 title'],
  ['wellformed/rss/item_xhtml_body.xml', 'entry.contentHtml', '<p>Example content</p>'],
  ['wellformed/rss/rss_version_090.xml', 'format', 'rss090'],
  ['wellformed/rss/rss_version_091_netscape.xml', 'format', 'rss091'],
  ['wellformed/rss/rss_version_091_userland.xml', 'format', 'rss091'],
  ['wellformed/rss/rss_version_092.xml', 'format', 'rss092'],
  ['wellformed/rss/rss_version_093.xml', 'format', 'rss093'],
  ['wellformed/rss/rss_version_094.xml', 'format', 'rss094'],
  ['wellformed/rss/rss_version_20.xml', 'format', 'rss20'],
  ['wellformed/rss/rss_version_201.xml', 'format', 'rss20'],
  ['wellformed/rss/rss_version_21.xml', 'format', 'rss20'],
  ['wellformed/rss/rss_version_missing.xml', 'format', 'rss20'],
  ['wellformed/sanitize/entry_title_script.xml', 'entry.title', 'safe description'],
  ['wellformed/sanitize/entry_summary_iframe.xml', 'entry.summary', 'safe description'],
  ['wellformed/xml/empty_xmlns_uri.xml', 'title', 'empty'],
  ['wellformed/xml/escaped_apos.xml', 'title', "it's correct"],
  ['wellformed/xml/xlink_ns_no_prefix.xml', 'title', 'xlink'],
];

describe.skipIf(!corpusPresent)('feedparser expectations, in our fields', () => {
  const headers = new Map(
    corpusPresent ? readExpectations('feedparser').map((r) => [r['file']!, r['simulated_http_headers'] ?? '']) : [],
  );
  it.each(FP)('%s: %s is %j', (file, field, want) => {
    if (field === 'encoding') {
      const contentType = simulatedHeaders(headers.get(file))['content-type'] ?? null;
      const bytes = corpusBytes(`feeds/feedparser/${file}`);
      expect(decodeBody(bytes, { contentType, kind: 'xml' }).encoding).toBe(want);
      return;
    }
    const feed = parsed('feedparser', file, headers.get(file));
    const first = feed.articles[0];
    if (field === 'published') expect(first?.published).toBe(want);
    else if (field.startsWith('entry.')) expect(first?.[field.slice(6) as EntryField]).toBe(want);
    else expect(feed[field as 'title' | 'link' | 'lang' | 'format']).toBe(want);
  });

  it('json/example.json has two articles; node_precedence picks the entry child in both entries', () => {
    expect(parsed('feedparser', 'json/example.json').articles).toHaveLength(2);
    const titles = parsed('feedparser', 'wellformed/node_precedence/atom10_title.xml').articles.map((a) => a.title);
    expect(titles).toEqual(['Correct Value', 'Correct Value']);
  });
});

// ---- miniflux "decodes" rows ----

const MINIFLUX: Array<[string, string | null, 'xml' | 'html', string]> = [
  ['encoding/invalid-prolog.xml', null, 'xml', 'Café'],
  ['encoding/iso-8859-1-meta-after-1024.html', 'text/html', 'html', 'Café'],
  ['encoding/iso-8859-1.html', null, 'html', 'Café'],
  ['encoding/iso-8859-1.xml', null, 'xml', 'Café'],
  ['encoding/iso-8859-1.xml', 'text/html; charset=ISO-8859-1', 'xml', 'Café'],
  ['encoding/koi8r.xml', null, 'xml', 'Привет мир'],
  ['encoding/koi8r.xml', 'application/xml; charset=KOI8-R', 'xml', 'Привет мир'],
  ['encoding/utf8-incorrect-prolog.xml', null, 'xml', 'Café'],
  ['encoding/utf8-meta-after-1024.html', null, 'html', 'Café'],
  ['encoding/utf8.html', 'text/html; charset=UTF-8', 'html', 'Café'],
  ['encoding/utf8.html', 'text/html', 'html', 'Café'],
  ['encoding/utf8.xml', null, 'xml', 'Café'],
  ['encoding/windows-1252-incorrect-prolog.xml', null, 'xml', 'Euro €'],
  ['encoding/windows-1252.xml', null, 'xml', 'Euro €'],
  ['xml/iso88591.xml', null, 'xml', 'Anaïs'],
  ['xml/iso88591.xml', null, 'xml', 'Jürgen'],
  ['xml/koi8r.xml', null, 'xml', 'Привет'],
];

describe.skipIf(!corpusPresent)('miniflux decoding rows', () => {
  it.each(MINIFLUX)('%s (Content-Type %s) as %s contains "%s"', (file, contentType, kind, want) => {
    const decoded = decodeBody(corpusBytes(`feeds/miniflux/${file}`), { contentType, kind });
    expect(decoded.text).toContain(want);
  });

  it('iso88591_utf8_mismatch.xml (lossy) decodes without throwing', () => {
    const decoded = decodeBody(corpusBytes('feeds/miniflux/xml/iso88591_utf8_mismatch.xml'), {
      contentType: null,
      kind: 'xml',
    });
    expect(decoded.text).toMatch(/Ana.*s/);
  });
});

// ---- the same Arabic text in windows-1256, ISO-8859-6 and UTF-8 ----

function bodyText(file: string, kind: 'xml' | 'html'): { text: string; encoding: string } {
  const decoded = decodeBody(corpusBytes(`arabic/encodings/${file}`), { contentType: null, kind });
  const at = decoded.text.indexOf('<body');
  return {
    text: (at === -1 ? decoded.text : decoded.text.slice(at)).replace(/\s+/g, ' ').trim(),
    encoding: decoded.encoding,
  };
}

describe.skipIf(!corpusPresent)('Arabic encodings decode to the same text', () => {
  it('uchardet samples: windows-1256, ISO-8859-6 and UTF-8 (no declaration: guessed)', () => {
    const utf8 = bodyText('uchardet_ar_utf-8.txt', 'html');
    const cp1256 = bodyText('uchardet_ar_windows-1256.txt', 'html');
    const iso = bodyText('uchardet_ar_iso-8859-6.txt', 'html');
    expect([utf8.encoding, cp1256.encoding, iso.encoding]).toEqual(['utf-8', 'windows-1256', 'iso-8859-6']);
    expect(cp1256.text).toBe(utf8.text);
    expect(iso.text).toBe(utf8.text);
    expect(utf8.text).toContain('صفحة كود');
  });

  it('chardet pages without a charset: windows-1256 and ISO-8859-6 bodies are the same Arabic text', () => {
    const cp1256 = bodyText('chardet_windows-1256_no-charset.html', 'html');
    const iso = bodyText('chardet_iso-8859-6_no-charset.html', 'html');
    expect([cp1256.encoding, iso.encoding]).toEqual(['windows-1256', 'iso-8859-6']);
    expect(iso.text).toBe(cp1256.text);
    expect(iso.text).toContain('كتائب الشهيد');
  });

  it('charset_normalizer sample: cp1256 text is the start of the UTF-8 text', () => {
    const cp1256 = bodyText('charset_normalizer_sample-arabic-1_cp1256.txt', 'html');
    const utf8 = bodyText('charset_normalizer_sample-arabic_utf8.txt', 'html');
    expect(cp1256.encoding).toBe('windows-1256');
    expect(utf8.text.startsWith(cp1256.text.slice(0, 200))).toBe(true);
  });
});
