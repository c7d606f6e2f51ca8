// What the pipeline needs from its adapters, as interfaces: the wiring in src/main.ts passes the
// real fetcher, parser and extractor; tests pass the same real parts pointed at local servers.
import type { ArticleText, PageCursor, ParsedArticle, ParsedFeed, Result } from '../types';

export type { Fetcher, FetchResult } from '../fetch/types';

export type ParseFeed = (
  bytes: Uint8Array,
  opts: { contentType: string | null; url: string; contentLocation?: string | null },
) => Result<{ feed: ParsedFeed; encoding: string; warnings: readonly string[] }, string>;

/** Fetches an article page and extracts its text. */
export type LoadPage = (url: string) => Promise<Result<ArticleText, string>>;

/**
 * Reads the pages before a paged source's first page (a Telegram channel preview shows ~20 posts):
 * a busy channel posts more than that between two polls, and a first poll may want a backfill.
 * A failed older page ends the reading with what was read (`error` says why).
 */
export type ReadOlder = (
  url: string,
  cursor: PageCursor,
  opts: {
    firstPoll: boolean;
    backfill: number;
    now: number;
    /** Highest post id read by earlier polls with no gap below it (null: unknown). */
    seenUpTo: number | null;
  },
) => Promise<{
  posts: readonly ParsedArticle[];
  pagesRead: number;
  stop: string;
  error?: string;
  /** What the next poll may take as read (`opts.seenUpTo` for the next poll). */
  seenUpTo: number | null;
}>;
