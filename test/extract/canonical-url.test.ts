import { describe, expect, it } from 'vitest';
import { canonicalUrlKey, pickCanonical } from '../../src/extract/canonical-url';

// An Arabic slug ("attack on Hasakah prison") written three ways: raw, uppercase escapes, lowercase escapes.
const SLUG_RAW = 'هجوم-على-سجن-الحسكة';
const SLUG_UPPER = encodeURI(SLUG_RAW);
const SLUG_LOWER = SLUG_UPPER.toLowerCase();
const HASAKAH_UPPER = encodeURIComponent('الحسكة');

const KEY_ROWS: [name: string, input: string, key: string | null][] = [
  // what gets no key
  ['rejects a relative URL', '/news/1', null],
  ['rejects an empty string', '', null],
  ['rejects garbage', 'http://', null],
  ['rejects mailto', 'mailto:desk@example.com', null],
  ['rejects ftp', 'ftp://example.com/file', null],
  ['rejects javascript:', 'javascript:alert(1)', null],
  // scheme, host, port, fragment, credentials
  ['keeps a plain https URL', 'https://example.com/news/1', 'https://example.com/news/1'],
  ['folds http into https', 'http://example.com/news/1', 'https://example.com/news/1'],
  ['lowercases scheme and host', 'HTTPS://News.Example.COM/World/1', 'https://news.example.com/World/1'],
  ['keeps path case', 'https://example.com/News/ABC', 'https://example.com/News/ABC'],
  ['drops the default https port', 'https://example.com:443/a', 'https://example.com/a'],
  ['drops the default http port', 'http://example.com:80/a', 'https://example.com/a'],
  ['keeps a non-default port', 'https://example.com:8443/a', 'https://example.com:8443/a'],
  ['drops the fragment', 'https://example.com/a#comments', 'https://example.com/a'],
  ['drops credentials', 'https://user:pw@example.com/a', 'https://example.com/a'],
  ['drops a trailing dot on the host', 'https://example.com./a', 'https://example.com/a'],
  ['trims surrounding whitespace', '  https://example.com/a \n', 'https://example.com/a'],
  ['keeps www. (documented choice)', 'https://www.example.com/a', 'https://www.example.com/a'],
  ['converts an IDN host to punycode', 'https://مثال.إختبار/a', 'https://xn--mgbh0fb.xn--kgbechtv/a'],
  // trailing slash
  ['keeps the root slash', 'https://example.com', 'https://example.com/'],
  ['keeps the root slash when given', 'https://example.com/', 'https://example.com/'],
  ['strips a trailing slash', 'https://example.com/news/1/', 'https://example.com/news/1'],
  ['strips repeated trailing slashes', 'https://example.com/news/1//', 'https://example.com/news/1'],
  ['resolves dot segments', 'https://example.com/a/../b/./c', 'https://example.com/b/c'],
  // percent-encoding
  ['uppercases escape hex', 'https://example.com/a%2fb', 'https://example.com/a%2Fb'],
  ['decodes escaped unreserved characters', 'https://example.com/%7Euser/%41%2D%5F', 'https://example.com/~user/A-_'],
  ['keeps an escaped space', 'https://example.com/a%20b', 'https://example.com/a%20b'],
  ['keeps a stray percent sign', 'https://example.com/100%zz', 'https://example.com/100%zz'],
  [
    'Arabic slug with uppercase escapes',
    `https://example.com/news/${SLUG_UPPER}`,
    `https://example.com/news/${SLUG_UPPER}`,
  ],
  [
    'Arabic slug with lowercase escapes',
    `https://example.com/news/${SLUG_LOWER}`,
    `https://example.com/news/${SLUG_UPPER}`,
  ],
  ['Arabic slug typed raw', `https://example.com/news/${SLUG_RAW}`, `https://example.com/news/${SLUG_UPPER}`],
  [
    'Arabic slug raw with trailing slash',
    `https://example.com/news/${SLUG_RAW}/`,
    `https://example.com/news/${SLUG_UPPER}`,
  ],
  ['Arabic query value raw', 'https://example.com/search?q=الحسكة', `https://example.com/search?q=${HASAKAH_UPPER}`],
  [
    'Arabic query value lowercase',
    `https://example.com/search?q=${HASAKAH_UPPER.toLowerCase()}`,
    `https://example.com/search?q=${HASAKAH_UPPER}`,
  ],
  // query parameters
  [
    'drops utm_* parameters',
    'https://example.com/a?utm_source=tw&utm_medium=social&utm_campaign=x',
    'https://example.com/a',
  ],
  ['drops fbclid and keeps id', 'https://example.com/a?id=5&fbclid=IwAR0abc', 'https://example.com/a?id=5'],
  ['drops gclid, dclid, msclkid', 'https://example.com/a?gclid=1&dclid=2&msclkid=3', 'https://example.com/a'],
  ['drops mailchimp ids', 'https://example.com/a?mc_cid=1&mc_eid=2', 'https://example.com/a'],
  ['drops ref and ref_src', 'https://example.com/a?ref=homepage&ref_src=twsrc', 'https://example.com/a'],
  [
    'drops igshid, _ga, yclid, spm, share',
    'https://example.com/a?igshid=1&_ga=2&yclid=3&spm=4&share=5',
    'https://example.com/a',
  ],
  ['drops tracking names in any case', 'https://example.com/a?UTM_Source=x&FBCLID=y', 'https://example.com/a'],
  ['sorts the remaining parameters', 'https://example.com/a?z=1&b=2&a=3', 'https://example.com/a?a=3&b=2&z=1'],
  ['sorts repeated names by value', 'https://example.com/a?tag=b&tag=a', 'https://example.com/a?tag=a&tag=b'],
  ['drops an empty query', 'https://example.com/a?', 'https://example.com/a'],
  ['drops empty pairs', 'https://example.com/a?&&id=1&', 'https://example.com/a?id=1'],
  ['keeps a valueless parameter', 'https://example.com/a?print', 'https://example.com/a?print'],
  [
    'keeps the site id parameter of a query-routed CMS',
    'https://example.com/index.php?p=123',
    'https://example.com/index.php?p=123',
  ],
  // AMP
  ['folds an /amp/ path segment', 'https://example.com/amp/news/1', 'https://example.com/news/1'],
  ['folds an /amp suffix', 'https://example.com/news/1/amp', 'https://example.com/news/1'],
  ['folds an /amp/ suffix', 'https://example.com/news/1/amp/', 'https://example.com/news/1'],
  ['folds a .amp suffix', 'https://www.example.co.uk/news/world-1.amp', 'https://www.example.co.uk/news/world-1'],
  ['folds a .amp.html suffix', 'https://example.com/news/1.amp.html', 'https://example.com/news/1.html'],
  ['folds ?amp=1', 'https://example.com/news/1?amp=1', 'https://example.com/news/1'],
  ['folds a bare ?amp', 'https://example.com/news/1?amp', 'https://example.com/news/1'],
  ['folds outputType=amp', 'https://example.com/news/1?outputType=amp&id=2', 'https://example.com/news/1?id=2'],
  [
    'keeps outputType with another value',
    'https://example.com/news/1?outputType=print',
    'https://example.com/news/1?outputType=print',
  ],
  ['folds an amp. subdomain', 'https://amp.example.com/news/1', 'https://example.com/news/1'],
  ['keeps a host that is just amp.tld', 'https://amp.dev/about', 'https://amp.dev/about'],
  ['keeps a word merely starting with amp', 'https://example.com/ampere/1', 'https://example.com/ampere/1'],
  [
    'unwraps the Google AMP cache (https)',
    'https://www-example-com.cdn.ampproject.org/c/s/www.example.com/news/1/amp',
    'https://www.example.com/news/1',
  ],
  [
    'unwraps the Google AMP cache (http) and its params',
    'https://example-com.cdn.ampproject.org/c/example.com/news/1?amp_js_v=0.1&usqp=mq331AQ',
    'https://example.com/news/1',
  ],
  [
    'unwraps the AMP cache around an Arabic slug',
    `https://www-example-com.cdn.ampproject.org/c/s/www.example.com/${SLUG_LOWER}/amp/`,
    `https://www.example.com/${SLUG_UPPER}`,
  ],
  [
    'unwraps the Google AMP viewer',
    'https://www.google.com/amp/s/example.com/news/1.amp',
    'https://example.com/news/1',
  ],
  ['keeps other google.com pages', 'https://www.google.com/search?q=x', 'https://www.google.com/search?q=x'],
];

describe('canonicalUrlKey', () => {
  it.each(KEY_ROWS)('%s', (_name, input, key) => {
    expect(canonicalUrlKey(input)).toBe(key);
  });

  it('gives one key to every decorated form of the same Arabic article', () => {
    const forms = [
      `http://example.com/news/${SLUG_RAW}`,
      `https://example.com/news/${SLUG_LOWER}/?utm_source=telegram`,
      `https://example.com/news/${SLUG_UPPER}/amp#top`,
      `https://amp.example.com/news/${SLUG_RAW}?amp=1&fbclid=x`,
      `https://example-com.cdn.ampproject.org/c/s/example.com/news/${SLUG_UPPER}`,
    ];
    expect(new Set(forms.map(canonicalUrlKey)).size).toBe(1);
  });

  it('is idempotent', () => {
    for (const [, input] of KEY_ROWS) {
      const key = canonicalUrlKey(input);
      if (key) expect(canonicalUrlKey(key)).toBe(key);
    }
  });
});

const PAGE = 'https://example.com/news/2022/01/20/prison-attack';
const PICK_ROWS: [name: string, page: string, linkCanonical: string | null, ogUrl: string | null, picked: string][] = [
  [
    'prefers link rel=canonical',
    PAGE,
    'https://example.com/news/1',
    'https://example.com/og/1',
    'https://example.com/news/1',
  ],
  ['falls back to og:url', PAGE, null, 'https://example.com/og/1', 'https://example.com/og/1'],
  ['falls back to the page URL', PAGE, null, null, PAGE],
  [
    'skips a canonical that points to the site root',
    PAGE,
    'https://example.com/',
    'https://example.com/og/1',
    'https://example.com/og/1',
  ],
  ['skips a canonical to another site home page', PAGE, 'https://other.example.org', null, PAGE],
  [
    'keeps a root canonical for a root page',
    'https://example.com/',
    'https://example.com/',
    null,
    'https://example.com/',
  ],
  [
    'accepts a cross-site canonical to an article (syndication)',
    PAGE,
    'https://wire.example.org/story/9',
    null,
    'https://wire.example.org/story/9',
  ],
  ['resolves a relative canonical like a browser', PAGE, '/news/1', null, 'https://example.com/news/1'],
  ['skips a non-http canonical', PAGE, 'ftp://example.com/news/1', null, PAGE],
  ['skips an unrendered template placeholder', PAGE, 'https://example.com/{{slug}}', null, PAGE],
  ['skips an empty canonical', PAGE, '  ', 'https://example.com/og/1', 'https://example.com/og/1'],
  ['skips a canonical on localhost', PAGE, 'http://localhost/news/1', null, PAGE],
  [
    'keeps a localhost canonical when the page is local too',
    'http://localhost:8080/a',
    '/b',
    null,
    'http://localhost:8080/b',
  ],
  ['returns an unparseable page URL unchanged', 'not a url', null, null, 'not a url'],
];

describe('pickCanonical', () => {
  it.each(PICK_ROWS)('%s', (_name, page, linkCanonical, ogUrl, picked) => {
    expect(pickCanonical(page, { linkCanonical, ogUrl })).toBe(picked);
  });
});
