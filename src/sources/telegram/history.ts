// Reading a channel's recent history: the preview page, then older pages while `nextPage` says so.
// The fetcher is passed in; the decisions are in paginate.ts. Posts come back oldest first, each once.
// The poll reads the first page itself (conditional GET, health) and calls `readOlderPages` with what
// that page showed; `readChannelHistory` does both in one call (a whole read, as the tests use it).
import type { Fetcher } from '../../fetch/types';
import { decodeBody } from '../../parse/decode';
import type { PageCursor, Result } from '../../types';
import { type NextPage, nextPage, nextSeenUpTo, type PageWindow, pollWindow } from './paginate';
import { parseTelegramPreview, type TelegramArticle, type TelegramPage } from './preview';

export type HistoryStop = Extract<NextPage, { kind: 'stop' }>['reason'] | 'page failed';

export interface ChannelHistory {
  readonly title: string;
  readonly posts: readonly TelegramArticle[];
  readonly pagesRead: number;
  readonly stop: HistoryStop;
}

export interface OlderPages {
  /** Posts from the pages before the first (none of the first page's), oldest first. */
  readonly posts: readonly TelegramArticle[];
  /** Pages read, the first one included. */
  readonly pagesRead: number;
  readonly stop: HistoryStop;
  /** Why an older page failed, when `stop` is 'page failed'. */
  readonly error?: string;
}

export interface HistoryDeps {
  fetcher: Pick<Fetcher, 'fetch'>;
  window: PageWindow;
}

export async function readChannelHistory(previewUrl: string, deps: HistoryDeps): Promise<Result<ChannelHistory>> {
  const first = await fetchPage(previewUrl, deps.fetcher);
  if (!first.ok) return first;
  const older = await readOlderPages(previewUrl, cursorOf(first.value), deps);
  const posts = new Map<number, TelegramArticle>();
  for (const p of [...older.posts, ...first.value.posts]) posts.set(p.postId, p);
  return {
    ok: true,
    value: {
      title: first.value.title,
      posts: [...posts.values()].sort((a, b) => a.postId - b.postId),
      pagesRead: older.pagesRead,
      stop: older.stop,
    },
  };
}

/**
 * Reads the pages before the first one while the window allows. A failed older page ends the
 * reading with what was collected (the first page decides the source's health, not these).
 */
export async function readOlderPages(previewUrl: string, cursor: PageCursor, deps: HistoryDeps): Promise<OlderPages> {
  const byId = new Map<number, TelegramArticle>();
  const onFirst = new Set(cursor.posts.map((p) => p.postId));
  let collected = onFirst.size;
  let page: PageCursor = cursor;
  for (let pagesRead = 1; ; pagesRead++) {
    const next = nextPage(previewUrl, page, { pagesRead, postsCollected: collected }, deps.window);
    if (next.kind === 'stop') return done(byId, pagesRead, next.reason);
    const res = await fetchPage(next.url, deps.fetcher);
    if (!res.ok) return { ...done(byId, pagesRead, 'page failed'), error: res.error };
    for (const p of res.value.posts) {
      if (onFirst.has(p.postId) || byId.has(p.postId)) continue;
      collected++;
      byId.set(p.postId, p);
    }
    page = cursorOf(res.value);
  }
}

/** One poll's older pages (the pipeline's ReadOlder port), and the mark the next poll starts from. */
export async function readPollPages(
  previewUrl: string,
  cursor: PageCursor,
  o: Parameters<typeof pollWindow>[0],
  fetcher: Pick<Fetcher, 'fetch'>,
): Promise<OlderPages & { seenUpTo: number | null }> {
  const r = await readOlderPages(previewUrl, cursor, { fetcher, window: pollWindow(o) });
  const newest = cursor.posts.length ? Math.max(...cursor.posts.map((p) => p.postId)) : null;
  return { ...r, seenUpTo: nextSeenUpTo({ ...o, previous: o.seenUpTo, newest, stop: r.stop }) };
}

async function fetchPage(url: string, fetcher: Pick<Fetcher, 'fetch'>): Promise<Result<TelegramPage>> {
  const res = await fetcher.fetch({ url, accept: 'text/html' });
  if (res.kind !== 'ok')
    return { ok: false, error: res.kind === 'failed' ? res.reason : `${res.kind} fetching ${url}` };
  return parseTelegramPreview(decodeBody(res.body, { contentType: res.contentType, kind: 'html' }).text, res.url);
}

const cursorOf = (page: TelegramPage): PageCursor => ({
  posts: page.posts.map((p) => ({ postId: p.postId, published: p.published, guid: p.guid })),
  before: page.before,
});

function done(byId: Map<number, TelegramArticle>, pagesRead: number, stop: HistoryStop): OlderPages {
  return { posts: [...byId.values()].sort((a, b) => a.postId - b.postId), pagesRead, stop };
}
