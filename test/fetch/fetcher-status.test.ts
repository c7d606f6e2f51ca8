import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher } from '../../src/fetch/fetcher';
import type { FetchResult } from '../../src/fetch/types';
import { type Handler, startServer, type TestServer } from '../helpers/http-server';

const UA = 'Rased/0.1 (+https://github.com/rased-news/rased)';
const FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>Test</title></channel></rss>';

let handler: Handler = (_req, res) => res.end();
let server: TestServer;
const fetcher = createFetcher({ userAgent: UA, connectTimeoutMs: 500, totalTimeoutMs: 2000 });

beforeAll(async () => {
  server = await startServer((req, res) => handler(req, res));
});
afterEach(() => {
  server.requests.length = 0;
});
afterAll(async () => {
  await fetcher.close();
  await server.close();
});

function ok(result: FetchResult) {
  if (result.kind !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result;
}

describe('fetcher: statuses', () => {
  it('returns the body, validators and max-age of a 200, and names the product in User-Agent', async () => {
    handler = (_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/rss+xml; charset=utf-8',
        etag: '"v1"',
        'last-modified': 'Sun, 01 Jun 2025 12:00:00 GMT',
        'cache-control': 'public, max-age=300',
        'content-location': '/canonical/feed.xml',
      });
      res.end(FEED);
    };
    const result = ok(await fetcher.fetch({ url: `${server.url}/feed.xml` }));
    expect(result).toMatchObject({
      url: `${server.url}/feed.xml`,
      status: 200,
      contentType: 'application/rss+xml; charset=utf-8',
      etag: '"v1"',
      lastModified: 'Sun, 01 Jun 2025 12:00:00 GMT',
      contentLocation: `${server.url}/canonical/feed.xml`,
      minNextPollMs: 300_000,
    });
    expect(new TextDecoder().decode(result.body)).toBe(FEED);
    expect(result.elapsedMs).toBeGreaterThanOrEqual(0);
    const headers = server.requests[0]?.headers;
    expect(headers?.['user-agent']).toBe(UA);
    expect(headers?.['accept-encoding']).toBe('gzip, deflate, br');
    expect(headers?.['if-none-match']).toBeUndefined();
  });

  it('round-trips the etag and Last-Modified into a conditional GET and reports 304 as not-modified', async () => {
    handler = (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { etag: '"v1"', 'cache-control': 'max-age=60' });
        res.end();
        return;
      }
      res.writeHead(200, { etag: '"v1"', 'last-modified': 'Sun, 01 Jun 2025 12:00:00 GMT' });
      res.end(FEED);
    };
    const first = ok(await fetcher.fetch({ url: `${server.url}/feed` }));
    const second = await fetcher.fetch({
      url: `${server.url}/feed`,
      etag: first.etag,
      lastModified: first.lastModified,
    });
    expect(second).toMatchObject({ kind: 'not-modified', minNextPollMs: 60_000 });
    expect(server.requests[1]?.headers['if-none-match']).toBe('"v1"');
    expect(server.requests[1]?.headers['if-modified-since']).toBe('Sun, 01 Jun 2025 12:00:00 GMT');
  });

  it.each([
    ['429 with Retry-After in seconds', 429, { 'retry-after': '120' }, 120_000],
    [
      '429 with Retry-After as a date (against the server Date)',
      429,
      {
        date: 'Sun, 01 Jun 2025 12:00:00 GMT',
        'retry-after': 'Sun, 01 Jun 2025 12:10:00 GMT',
      },
      600_000,
    ],
    ['429 without Retry-After', 429, {}, null],
    ['503 with Retry-After', 503, { 'retry-after': '30' }, 30_000],
  ] as const)('%s is rate-limited', async (_name, status, headers, retryAfterMs) => {
    handler = (_req, res) => {
      res.writeHead(status, headers);
      res.end('slow down');
    };
    expect(await fetcher.fetch({ url: `${server.url}/feed` })).toMatchObject({
      kind: 'rate-limited',
      status,
      retryAfterMs,
    });
  });

  it.each([
    [500, true],
    [502, true],
    [503, true],
    [504, true],
    [408, true],
    [404, false],
    [410, false],
    [401, false],
    [403, false],
  ])('HTTP %i fails with retryable=%s and says which URL', async (status, retryable) => {
    handler = (_req, res) => {
      res.writeHead(status, { 'content-type': 'text/html' });
      res.end('<h1>error page</h1>');
    };
    const url = `${server.url}/feed`;
    expect(await fetcher.fetch({ url })).toMatchObject({
      kind: 'failed',
      reason: `HTTP ${status} from ${url}`,
      status,
      retryable,
    });
  });

  it('returns the bytes untouched when the charset header is wrong (decoding is the parser’s job)', async () => {
    const windows1256 = Uint8Array.from([0xc7, 0xe1, 0xd3, 0xe1, 0xc7, 0xe3]); // "السلام" in windows-1256
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
      res.end(windows1256);
    };
    const result = ok(await fetcher.fetch({ url: `${server.url}/feed` }));
    expect(result.contentType).toBe('text/xml; charset=utf-8');
    expect([...result.body]).toEqual([...windows1256]);
  });

  it('fails without throwing when nothing listens on the port', async () => {
    const closed = await startServer((_req, res) => res.end());
    await closed.close();
    const result = await fetcher.fetch({ url: `${closed.url}/feed` });
    expect(result).toMatchObject({ kind: 'failed', retryable: true, status: null });
    expect(result.kind === 'failed' && result.reason).toBe(`connection refused fetching ${closed.url}/feed`);
  });

  it('refuses URL schemes other than http, https and file', async () => {
    const result = await fetcher.fetch({ url: 'ftp://example.test/feed' });
    expect(result).toMatchObject({ kind: 'failed', retryable: false });
  });
});
