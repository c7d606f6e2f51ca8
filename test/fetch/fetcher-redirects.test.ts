import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher } from '../../src/fetch/fetcher';
import { type Handler, startServer, type TestServer } from '../helpers/http-server';

const FEED = '<rss version="2.0"><channel><title>أخبار — news</title></channel></rss>'.repeat(20);

let handler: Handler = (_req, res) => res.end();
let server: TestServer;
const checked: [string, number][] = [];
const fetcher = createFetcher({
  userAgent: 'Rased/0.1 (+test)',
  totalTimeoutMs: 2000,
  checkUrl: async (url, hop) => {
    checked.push([url, hop]);
    return new URL(url).pathname.startsWith('/private') ? 'private address' : null;
  },
});

beforeAll(async () => {
  server = await startServer((req, res) => handler(req, res));
});
afterAll(async () => {
  await fetcher.close();
  await server.close();
});

// /hop/N redirects to /hop/N-1 ... /hop/0 serves the feed.
const chain: Handler = (req, res) => {
  const n = Number(req.url?.split('/')[2]);
  if (n > 0) {
    res.writeHead(n % 2 ? 301 : 307, { location: `/hop/${n - 1}` });
    res.end();
    return;
  }
  res.end(FEED);
};

describe('fetcher: Content-Encoding', () => {
  it.each([
    ['gzip', gzipSync],
    ['x-gzip', gzipSync],
    ['deflate', deflateSync],
    ['deflate', deflateRawSync], // raw deflate mislabelled as deflate: browsers accept it, so do we
    ['br', brotliCompressSync],
  ] as const)('decodes %s (%o)', async (coding, compress) => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-encoding': coding, 'content-type': 'application/rss+xml' });
      res.end(compress(Buffer.from(FEED)));
    };
    const result = await fetcher.fetch({ url: `${server.url}/feed` });
    expect(result.kind === 'ok' && new TextDecoder().decode(result.body)).toBe(FEED);
  });

  it('undoes stacked codings last to first', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-encoding': 'deflate, gzip' });
      res.end(gzipSync(deflateSync(Buffer.from(FEED))));
    };
    const result = await fetcher.fetch({ url: `${server.url}/feed` });
    expect(result.kind === 'ok' && new TextDecoder().decode(result.body)).toBe(FEED);
  });

  it.each([
    ['an unknown coding', 'zstd', Buffer.from('whatever'), /unsupported Content-Encoding "zstd"/],
    ['corrupt gzip', 'gzip', Buffer.from('this is not gzip'), /^cannot decode body from /],
  ])('fails on %s', async (_name, coding, body, reason) => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-encoding': coding });
      res.end(body);
    };
    const result = await fetcher.fetch({ url: `${server.url}/feed` });
    expect(result.kind).toBe('failed');
    expect(result.kind === 'failed' && result.reason).toMatch(reason);
  });
});

describe('fetcher: redirects', () => {
  it('follows 5 redirects, reports the final URL and checks every hop', async () => {
    handler = chain;
    checked.length = 0;
    const result = await fetcher.fetch({ url: `${server.url}/hop/5` });
    expect(result).toMatchObject({ kind: 'ok', url: `${server.url}/hop/0`, status: 200 });
    expect(checked.map(([url, hop]) => [new URL(url).pathname, hop])).toEqual([
      ['/hop/5', 0],
      ['/hop/4', 1],
      ['/hop/3', 2],
      ['/hop/2', 3],
      ['/hop/1', 4],
      ['/hop/0', 5],
    ]);
  });

  it('refuses a sixth redirect', async () => {
    handler = chain;
    const result = await fetcher.fetch({ url: `${server.url}/hop/6` });
    expect(result).toMatchObject({
      kind: 'failed',
      reason: `more than 5 redirects from ${server.url}/hop/6`,
      retryable: false,
    });
  });

  it('refuses a redirect that checkUrl refuses, without requesting it', async () => {
    handler = (_req, res) => {
      res.writeHead(302, { location: '/private/admin' });
      res.end();
    };
    const before = server.requests.length;
    const result = await fetcher.fetch({ url: `${server.url}/feed` });
    expect(result).toMatchObject({
      kind: 'failed',
      reason: `refused redirect to ${server.url}/private/admin: private address`,
      retryable: false,
    });
    expect(server.requests.slice(before).map((r) => r.url)).toEqual(['/feed']);
  });

  it('asks checkUrl about the requested URL too (hop 0)', async () => {
    const before = server.requests.length;
    const result = await fetcher.fetch({ url: `${server.url}/private/feed` });
    expect(result).toMatchObject({ kind: 'failed', reason: `refused ${server.url}/private/feed: private address` });
    expect(server.requests.length).toBe(before);
  });

  it('refuses a redirect from http to a file: URL', async () => {
    handler = (_req, res) => {
      res.writeHead(301, { location: 'file:///etc/passwd' });
      res.end();
    };
    const result = await fetcher.fetch({ url: `${server.url}/feed` });
    expect(result).toMatchObject({ kind: 'failed', retryable: false });
    expect(result.kind === 'failed' && result.reason).toMatch(/^refused redirect to file:\/\/\/etc\/passwd/);
  });

  it('sends the validators again after a redirect, so a moved feed still answers 304', async () => {
    handler = (req, res) => {
      if (req.url === '/old') res.writeHead(301, { location: '/new' });
      else res.writeHead(req.headers['if-none-match'] === '"v2"' ? 304 : 200);
      res.end();
    };
    const result = await fetcher.fetch({ url: `${server.url}/old`, etag: '"v2"' });
    expect(result.kind).toBe('not-modified');
  });
});
