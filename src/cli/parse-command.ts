// `rased parse <file-or-url>`: fetch or read one feed and print what was parsed as JSON.
// Exit 0 on success, 1 with a one-line reason on failure, 2 on bad usage.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { USER_AGENT } from '../config';
import { createFetcher } from '../fetch';
import { parseFeedBytes } from '../parse/feed';
import type { ParsedFeed } from '../types';

export interface CommandIO {
  out: (s: string) => void;
  err: (s: string) => void;
}

export function feedToJson(feed: ParsedFeed) {
  return {
    format: feed.format,
    title: feed.title,
    items: feed.articles.map((a) => ({
      title: a.title,
      url: a.url,
      guid: a.guid,
      published: a.published === null ? null : new Date(a.published).toISOString(),
      summary: a.summary,
    })),
  };
}

export async function parseCommand(args: string[], io: CommandIO): Promise<number> {
  const target = args[0];
  if (!target || args.length > 1) {
    io.err('usage: rased parse <file-or-url>');
    return 2;
  }
  let bytes: Uint8Array;
  let contentType: string | null = null;
  let url: string;
  if (/^https?:\/\//i.test(target)) {
    const fetcher = createFetcher({ userAgent: USER_AGENT });
    const res = await fetcher.fetch({ url: target });
    await fetcher.close();
    if (res.kind !== 'ok') {
      io.err(`rased parse: ${res.kind === 'failed' ? res.reason : `${res.kind} fetching ${target}`}`);
      return 1;
    }
    ({ body: bytes, contentType, url } = res);
  } else {
    const path = target.startsWith('file:') ? new URL(target) : resolve(target);
    try {
      bytes = readFileSync(path);
    } catch (err) {
      io.err(`rased parse: cannot read ${target}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      return 1;
    }
    url = typeof path === 'string' ? pathToFileURL(path).href : path.href;
  }
  const parsed = parseFeedBytes(bytes, { contentType, url });
  if (!parsed.ok) {
    io.err(`rased parse: ${target}: ${parsed.error}`);
    return 1;
  }
  io.out(JSON.stringify(feedToJson(parsed.value.feed), null, 2));
  return 0;
}
