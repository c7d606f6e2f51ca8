// What the pipeline needs from its adapters, as interfaces: the wiring in src/main.ts passes the
// real fetcher, parser and extractor; tests pass the same real parts pointed at local servers.
import type { ArticleText, ParsedFeed, Result } from '../types';

export type FetchResult =
  | {
      kind: 'ok';
      url: string;
      status: number;
      body: Uint8Array;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
      contentLocation: string | null;
      minNextPollMs: number | null;
      elapsedMs: number;
    }
  | { kind: 'not-modified'; minNextPollMs: number | null; elapsedMs: number }
  | { kind: 'rate-limited'; status: number; retryAfterMs: number | null; elapsedMs: number }
  | { kind: 'failed'; reason: string; status: number | null; retryable: boolean; elapsedMs: number };

export interface Fetcher {
  get(url: string, conditional?: { etag?: string | null; lastModified?: string | null }): Promise<FetchResult>;
}

export type ParseFeed = (
  bytes: Uint8Array,
  opts: { contentType: string | null; url: string; contentLocation?: string | null },
) => Result<ParsedFeed, string>;

/** Fetches an article page and extracts its text. */
export type LoadPage = (url: string) => Promise<Result<ArticleText, string>>;
