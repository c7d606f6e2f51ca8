// The Telegram preview as the pipeline's ParseFeed port: bytes in, a ParsedFeed of posts out.
import { decodeBody } from '../../parse/decode';
import type { FeedFormat, ParsedFeed, Result } from '../../types';
import { parseTelegramPreview, type TelegramPage } from './preview';

const FORMAT: FeedFormat = 'telegram';

export interface ParsedPage {
  readonly feed: ParsedFeed;
  readonly encoding: string;
  readonly warnings: readonly string[];
}

/** Fits the pipeline's ParseFeed port; `opts.url` is the final URL after redirects. */
export function parseTelegramBytes(
  bytes: Uint8Array,
  opts: { contentType: string | null; url: string },
): Result<ParsedPage> {
  const decoded = decodeBody(bytes, { contentType: opts.contentType, kind: 'html' });
  const page = parseTelegramPreview(decoded.text, opts.url);
  if (!page.ok) return page;
  return {
    ok: true,
    value: { feed: pageToFeed(page.value, opts.url), encoding: decoded.encoding, warnings: decoded.warnings },
  };
}

export function pageToFeed(page: TelegramPage, url: string): ParsedFeed {
  return {
    format: FORMAT,
    title: page.title,
    link: url,
    lang: null,
    articles: page.posts,
    older: {
      posts: page.posts.map((p) => ({ postId: p.postId, published: p.published, guid: p.guid })),
      before: page.before,
    },
  };
}
