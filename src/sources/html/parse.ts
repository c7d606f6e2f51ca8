// A listing page as the pipeline's ParseFeed port: one parser per source, its rules compiled in.
import { decodeBody } from '../../parse/decode';
import type { ParsedFeed, Result } from '../../types';
import { parseListing } from './listing';
import type { HtmlRules } from './rules';

export interface ParsedListing {
  readonly feed: ParsedFeed;
  readonly encoding: string;
  readonly warnings: readonly string[];
}

export function createListingParser(rules: HtmlRules) {
  return (bytes: Uint8Array, opts: { contentType: string | null; url: string }): Result<ParsedListing> => {
    const decoded = decodeBody(bytes, { contentType: opts.contentType, kind: 'html' });
    const feed = parseListing(decoded.text, opts.url, rules);
    if (!feed.ok) return feed;
    return { ok: true, value: { feed: feed.value, encoding: decoded.encoding, warnings: decoded.warnings } };
  };
}
