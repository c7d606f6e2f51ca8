// The fetcher's contract. Only src/fetch speaks HTTP; everything else sees these values.
import type { LookupFunction } from 'node:net';

/** What one fetch produced. Expected failures are values, never exceptions. */
export type FetchResult =
  | {
      kind: 'ok';
      /** Final URL after redirects. */
      url: string;
      status: number;
      /** The bytes as served after Content-Encoding is undone; charset decoding is src/parse's job. */
      body: Uint8Array;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
      /** Content-Location resolved against the final URL, or null. */
      contentLocation: string | null;
      /** Cache-Control max-age in ms: do not poll again sooner. */
      minNextPollMs: number | null;
      elapsedMs: number;
    }
  | { kind: 'not-modified'; minNextPollMs: number | null; elapsedMs: number }
  | { kind: 'rate-limited'; status: 429 | 503; retryAfterMs: number | null; elapsedMs: number }
  | {
      kind: 'failed';
      /** One line: what failed and how, e.g. "HTTP 500 from https://x/feed". */
      reason: string;
      status: number | null;
      retryable: boolean;
      elapsedMs: number;
    };

export interface FetchRequest {
  /** http:, https: or file: URL. */
  readonly url: string;
  /** Validators from the previous successful fetch, sent as If-None-Match / If-Modified-Since. */
  readonly etag?: string | null;
  readonly lastModified?: string | null;
  /** Accept header (default: feeds first, then HTML, then anything). */
  readonly accept?: string;
}

/**
 * Decides whether a URL may be requested: null = allowed, a string = why not. Called for the
 * requested URL (hop 0) and for every redirect target (hop 1..maxRedirects), only for http(s).
 * It should resolve, not reject: a rejection is treated as a bug and propagates out of fetch().
 */
export type CheckUrl = (url: string, hop: number) => Promise<string | null>;

export interface FetcherDeps {
  /** e.g. "Rased/0.1 (+https://github.com/rased-news/rased)". */
  readonly userAgent: string;
  readonly checkUrl?: CheckUrl;
  /**
   * DNS lookup used for connections (default: the system's). A guard can pin what checkUrl checked
   * here: fail with an error whose code is ADDRESS_REFUSED_CODE to refuse the address for good.
   */
  readonly lookup?: LookupFunction;
  /** Monotonic clock in ms for elapsedMs (default performance.now). */
  readonly now?: () => number;
  readonly connectTimeoutMs?: number;
  /** Whole fetch, redirects and body included. */
  readonly totalTimeoutMs?: number;
  /** Limit on the decoded body, enforced while streaming. */
  readonly maxBodyBytes?: number;
  readonly maxRedirects?: number;
  readonly perHostLimit?: number;
  readonly globalLimit?: number;
}

export interface Fetcher {
  fetch(request: FetchRequest): Promise<FetchResult>;
  /** Closes pooled connections; pending fetches finish first. */
  close(): Promise<void>;
}

/** Error code a `lookup` uses to refuse an address; the fetch fails as not retryable, with its message. */
export const ADDRESS_REFUSED_CODE = 'ERR_ADDRESS_REFUSED';

export const FETCH_DEFAULTS = {
  connectTimeoutMs: 10_000,
  totalTimeoutMs: 30_000,
  maxBodyBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
  perHostLimit: 2,
  globalLimit: 16,
} as const;
