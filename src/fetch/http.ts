// One HTTP request (one hop of a redirect chain) with undici. Turns the response into either a
// redirect to follow or a final FetchResult. Network errors are thrown and classified by the caller,
// which knows about the overall deadline.
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { type Dispatcher, request } from 'undici';
import { ACCEPT_ENCODING, decodersFor, readLimited } from './body';
import { parseCacheControlMaxAge } from './cache-control';
import { formatBytes } from './format';
import { parseHttpDate } from './http-date';
import { parseRetryAfter } from './retry-after';
import { isRetryableStatus } from './retryable';
import type { FetchRequest, FetchResult } from './types';

export const DEFAULT_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5';

const REDIRECT_STATUS: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

export interface HopContext {
  readonly dispatcher: Dispatcher;
  readonly userAgent: string;
  readonly maxBodyBytes: number;
  readonly signal: AbortSignal;
  /** Wall clock (epoch ms), for Retry-After dates when the response has no Date header. */
  readonly clock: () => number;
  readonly elapsed: () => number;
}

export type Hop = { kind: 'redirect'; status: number; location: string } | { kind: 'done'; result: FetchResult };

export async function requestOnce(url: string, req: FetchRequest, ctx: HopContext): Promise<Hop> {
  const headers: Record<string, string> = {
    'user-agent': ctx.userAgent,
    accept: req.accept ?? DEFAULT_ACCEPT,
    'accept-encoding': ACCEPT_ENCODING,
  };
  if (req.etag) headers['if-none-match'] = req.etag;
  if (req.lastModified) headers['if-modified-since'] = req.lastModified;

  const res = await request(url, { method: 'GET', headers, dispatcher: ctx.dispatcher, signal: ctx.signal });
  const status = res.statusCode;
  const h = res.headers;
  const done = (result: FetchResult): Hop => ({ kind: 'done', result });
  const failed = (reason: string, retryable: boolean) =>
    done({ kind: 'failed', reason, status, retryable, elapsedMs: ctx.elapsed() });

  if (status < 200 || status >= 300) {
    // Drain a little so the connection can be reused; never read an error page in full.
    await res.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
    const location = header(h, 'location');
    if (REDIRECT_STATUS.has(status) && location !== null) {
      const target = URL.parse(location, url);
      if (!target) return failed(`HTTP ${status} from ${url} with an invalid Location: ${location}`, false);
      return { kind: 'redirect', status, location: target.href };
    }
    if (status === 304) {
      return done({ kind: 'not-modified', minNextPollMs: maxAge(h), elapsedMs: ctx.elapsed() });
    }
    const retryAfter = header(h, 'retry-after');
    if (status === 429 || (status === 503 && retryAfter !== null)) {
      const now = serverNow(h, ctx.clock);
      return done({
        kind: 'rate-limited',
        status,
        retryAfterMs: parseRetryAfter(retryAfter, now),
        elapsedMs: ctx.elapsed(),
      });
    }
    return failed(`HTTP ${status} from ${url}`, isRetryableStatus(status));
  }

  // Content-Length counts encoded bytes; decoding only grows them, so more than the limit is too much.
  const declared = Number(header(h, 'content-length') ?? Number.NaN);
  if (declared > ctx.maxBodyBytes) {
    discard(res.body);
    return failed(`body larger than ${formatBytes(ctx.maxBodyBytes)} from ${url} (Content-Length ${declared})`, false);
  }
  const decoders = decodersFor(header(h, 'content-encoding'));
  if (typeof decoders === 'string') {
    discard(res.body);
    return failed(`unsupported Content-Encoding "${decoders}" from ${url}`, false);
  }
  const read = await readLimited(res.body, decoders, ctx.maxBodyBytes);
  if (read.kind === 'too-large') return failed(`body larger than ${formatBytes(ctx.maxBodyBytes)} from ${url}`, false);
  if (read.kind === 'bad-encoding') return failed(`cannot decode body from ${url}: ${read.what}`, true);

  const contentLocation = header(h, 'content-location');
  return done({
    kind: 'ok',
    url,
    status,
    body: read.body,
    contentType: header(h, 'content-type'),
    etag: header(h, 'etag'),
    lastModified: header(h, 'last-modified'),
    contentLocation: contentLocation === null ? null : (URL.parse(contentLocation, url)?.href ?? null),
    minNextPollMs: maxAge(h),
    elapsedMs: ctx.elapsed(),
  });
}

/** Stops reading a body. undici emits an AbortError on destroy; nobody is listening, so swallow it. */
function discard(body: Readable): void {
  body.on('error', () => undefined);
  body.destroy();
}

/** First value of a header, or null. */
function header(h: IncomingHttpHeaders, name: string): string | null {
  const v = h[name];
  return (Array.isArray(v) ? v[0] : v) ?? null;
}

function maxAge(h: IncomingHttpHeaders): number | null {
  const v = h['cache-control'];
  return parseCacheControlMaxAge(Array.isArray(v) ? v.join(', ') : v);
}

// Retry-After dates are relative to the server's clock (its Date header), which protects us from
// our own clock skew; fall back to ours when the server sends no usable Date.
function serverNow(h: IncomingHttpHeaders, clock: () => number): number {
  const now = clock();
  const date = header(h, 'date');
  return (date && parseHttpDate(date, now)) || now;
}
