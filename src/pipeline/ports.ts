// What the pipeline needs from its adapters, as interfaces: the wiring in src/main.ts passes the
// real fetcher, parser and extractor; tests pass the same real parts pointed at local servers.
import type { ArticleText, ParsedFeed, Result } from '../types';

export type { Fetcher, FetchResult } from '../fetch/types';

export type ParseFeed = (
  bytes: Uint8Array,
  opts: { contentType: string | null; url: string; contentLocation?: string | null },
) => Result<{ feed: ParsedFeed; encoding: string; warnings: readonly string[] }, string>;

/** Fetches an article page and extracts its text. */
export type LoadPage = (url: string) => Promise<Result<ArticleText, string>>;
