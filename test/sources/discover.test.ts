// Discovery: candidate order (pure), then sites served from 127.0.0.1 through the real fetcher and
// feed parser, and the printed entry read back by the real config parser.
import { afterEach, describe, expect, it } from 'vitest';
import { discoverCommand } from '../../src/cli/discover-command';
import { createFetcher } from '../../src/fetch/fetcher';
import type { Fetcher } from '../../src/fetch/types';
import { parseFeedBytes } from '../../src/parse/feed';
import { parseSourcesConfig } from '../../src/sources/config';
import {
  alternateFeeds,
  COMMON_FEED_PATHS,
  discoverSource,
  feedCandidates,
  renderSourceEntry,
  sourceEntry,
  sourceIdFor,
} from '../../src/sources/discover';
import { startServer, type TestServer } from '../helpers/http-server';

describe('candidates', () => {
  it('takes rel=alternate feeds in page order, resolved, and ignores other links', () => {
    const html = `<html><head>
      <link rel="stylesheet" href="/s.css">
      <link rel="alternate" type="application/rss+xml" title="Main" href="/feed/">
      <link rel="alternate" hreflang="en" href="/en/">
      <link rel="alternate" type="application/json" href="/wp-json/wp/v2/pages/1">
      <link rel="Alternate" type="application/atom+xml" href="https://cdn.site.example/atom.xml">
      <link rel="alternate" type="application/feed+json" href="feed.json">
    </head></html>`;
    expect(alternateFeeds(html, 'https://site.example/ar/')).toEqual([
      'https://site.example/feed/',
      'https://cdn.site.example/atom.xml',
      'https://site.example/ar/feed.json',
    ]);
  });

  it('then the common paths on the origin, each once, never the page itself', () => {
    const html = '<link rel="alternate" type="application/rss+xml" href="/rss.xml">';
    expect(feedCandidates('https://site.example/feed', html)).toEqual([
      'https://site.example/rss.xml',
      ...COMMON_FEED_PATHS.filter((p) => p !== '/rss.xml' && p !== '/feed').map((p) => `https://site.example${p}`),
    ]);
  });

  it.each([
    ['https://www.enabbaladi.net/', [], 'enabbaladi-net'],
    ['https://syria.tv/', [], 'syria-tv'],
    ['https://syria.tv/x', ['syria-tv'], 'syria-tv-2'],
    ['https://syria.tv/x', ['syria-tv', 'syria-tv-2'], 'syria-tv-3'],
    ['http://127.0.0.1:8080/', [], '127-0-0-1'],
  ])('source id for %s (taken %j) is %s', (url, taken, id) => {
    expect(sourceIdFor(url, new Set(taken))).toBe(id);
  });
});

const rss = (title: string, n = 2) =>
  `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${title}</title><language>ar</language>${Array.from(
    { length: n },
    (_, i) => `<item><title>خبر ${i}</title><link>https://site.example/a/${i}</link></item>`,
  ).join('')}</channel></rss>`;
const listingPage = `<!DOCTYPE html><html lang="en"><head><title>Monitor</title></head><body>
${[1, 2, 3, 4].map((i) => `<article><h2><a href="/news/${i}">Story ${i}</a></h2></article>`).join('\n')}</body></html>`;

describe('discoverSource on 127.0.0.1', () => {
  let server: TestServer | null = null;
  let fetcher: Fetcher | null = null;
  afterEach(async () => {
    await fetcher?.close();
    await server?.close();
    server = fetcher = null;
  });

  /** A site: path → [content type, body]; anything else 404. */
  async function site(routes: Record<string, [string, string]>) {
    server = await startServer((req, res) => {
      const route = routes[req.url!];
      if (!route) return res.writeHead(404).end('not found');
      return res.writeHead(200, { 'content-type': route[0] }).end(route[1]);
    });
    fetcher = createFetcher({ userAgent: 'RasedTest' });
    return {
      server,
      discover: (path: string) =>
        discoverSource(`${server!.url}${path}`, { fetcher: fetcher!, parseFeed: parseFeedBytes }),
    };
  }

  it('uses the feed the page announces', async () => {
    const { server, discover } = await site({
      '/': [
        'text/html',
        '<html><head><link rel="alternate" type="application/rss+xml" href="/news/rss"></head></html>',
      ],
      '/news/rss': ['application/rss+xml', rss('عنب بلدي')],
    });
    const r = await discover('/');
    expect(r.ok && r.value.found).toEqual({
      kind: 'feed',
      url: `${server.url}/news/rss`,
      title: 'عنب بلدي',
      lang: 'ar',
      articles: 2,
    });
    expect(r.ok && r.value.tried.map((t) => t.url)).toEqual([`${server.url}/`, `${server.url}/news/rss`]);
  });

  it('tries the common paths in order and skips one that is HTML', async () => {
    const { server, discover } = await site({
      '/': ['text/html', '<html><body>no links</body></html>'],
      '/rss': ['text/html', '<html><body>Not a feed</body></html>'],
      '/rss.xml': ['application/xml', rss('Site', 5)],
    });
    const r = await discover('/');
    expect(r.ok && r.value.found).toMatchObject({ kind: 'feed', url: `${server.url}/rss.xml`, articles: 5 });
    expect(r.ok && r.value.tried.map((t) => [new URL(t.url).pathname, t.outcome.slice(0, 12)])).toEqual([
      ['/', 'an HTML page'],
      ['/feed', 'HTTP 404 fro'],
      ['/rss', 'an HTML page'],
      ['/rss.xml', 'feed'],
    ]);
  });

  it('takes the URL itself when it is a feed', async () => {
    const { server, discover } = await site({ '/atom': ['application/rss+xml', rss('Direct')] });
    const r = await discover('/atom');
    expect(r.ok && r.value.found).toMatchObject({ kind: 'feed', url: `${server.url}/atom`, title: 'Direct' });
    expect(r.ok && r.value.tried).toHaveLength(1);
  });

  it('falls back to a listing source, and the printed entry passes the config parser', async () => {
    const { server, discover } = await site({ '/news/': ['text/html; charset=utf-8', listingPage] });
    const r = await discover('/news/');
    expect(r.ok && r.value.found).toEqual({
      kind: 'html',
      url: `${server.url}/news/`,
      title: 'Monitor',
      lang: 'en',
      articles: 4,
      linkSelector: expect.stringContaining('article a[href]'),
    });
    expect(r.ok && r.value.tried).toHaveLength(1 + COMMON_FEED_PATHS.length);
    const yaml = renderSourceEntry(sourceEntry(r.ok ? r.value.found! : (null as never), 'monitor'));
    const parsed = parseSourcesConfig(`sources:\n${yaml}`, 'pasted.yaml');
    expect(parsed.ok && parsed.value[0]).toMatchObject({
      id: 'monitor',
      kind: 'html',
      lang: 'en',
      url: `${server.url}/news/`,
    });
  });

  it('finds nothing on a page without feeds or article links', async () => {
    const { discover } = await site({ '/': ['text/html', '<html><body><p>Hello</p></body></html>'] });
    const r = await discover('/');
    expect(r.ok && r.value.found).toBeNull();
  });

  it('fails when the page itself cannot be fetched', async () => {
    const { server, discover } = await site({});
    expect(await discover('/missing')).toEqual({ ok: false, error: `HTTP 404 from ${server.url}/missing` });
  });
});

describe('rased sources discover', () => {
  let server: TestServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) } };
  };

  it('prints a ready-to-paste feed entry', async () => {
    server = await startServer((req, res) =>
      req.url === '/feed'
        ? res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss('الفرات بوست'))
        : res.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>'),
    );
    const o = io();
    const code = await discoverCommand([`${server.url}/`], { ALLOW_PRIVATE_SOURCES: 'true' }, o.io);
    expect(code).toBe(0);
    const text = o.out.join('\n');
    expect(text).toContain('# a working feed with 2 articles');
    expect(text).toContain(
      `  - id: 127-0-0-1\n    name: الفرات بوست\n    url: ${server.url}/feed\n    kind: feed\n    lang: ar\n    every: 10m`,
    );
  });

  it('refuses an internal address unless ALLOW_PRIVATE_SOURCES=true', async () => {
    server = await startServer((_req, res) => res.end('x'));
    const o = io();
    expect(await discoverCommand([`${server.url}/`], {}, o.io)).toBe(1);
    expect(o.err.join('\n')).toContain('127.0.0.1 is an internal address (loopback)');
    expect(server.requests).toHaveLength(0);
  });

  it.each([[[]], [['a', 'b']], [['--json']]])('usage error for %j', async (args) => {
    const o = io();
    expect(await discoverCommand(args, {}, o.io)).toBe(2);
    expect(o.err[0]).toBe('usage: rased sources discover <url>');
  });
});
