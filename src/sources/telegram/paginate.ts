// When to read older preview pages (`?before=<id>`). A preview page shows about 20 posts; a busy
// channel can post more than that between two polls, and a first poll may want a backfill. Pure:
// the decision takes the page just read and what was read before, and says where to go or why stop.
// Rules, in order: stop at the channel's start (no cursor); stop when the page reaches a post seen on
// an earlier poll; stop when the page is older than the backfill window; stop at the page limit;
// stop when enough posts are collected; otherwise read the page before the oldest post.
import type { PageCursor } from '../../types';
import { pageBefore } from './channel-url';

export interface PageWindow {
  /** Highest post id stored by earlier polls (null on the first poll). */
  readonly seenUpTo: number | null;
  /** Epoch ms: never read pages whose posts are all older than this. */
  readonly notBefore: number;
  /** Stop once this many posts are collected (the first poll's backfill). */
  readonly wantPosts: number;
  /** Hard limit on pages per poll, the first included. */
  readonly maxPages: number;
}

/** Ids and dates of the posts on the page just read, and its older-posts cursor. */
export type PageSeen = PageCursor;

export type NextPage = { kind: 'next'; url: string } | { kind: 'stop'; reason: string };

export function nextPage(
  previewUrl: string,
  page: PageSeen,
  progress: { pagesRead: number; postsCollected: number },
  window: PageWindow,
): NextPage {
  if (page.posts.length === 0 || page.before === null) return { kind: 'stop', reason: 'start of channel' };
  const oldestId = Math.min(...page.posts.map((p) => p.postId));
  // Ids only grow: a page reaching the mark (or the post right after it) leaves nothing unread.
  if (window.seenUpTo !== null && Math.min(oldestId, page.before) <= window.seenUpTo + 1) {
    return { kind: 'stop', reason: 'caught up' };
  }
  const dates = page.posts.map((p) => p.published).filter((d): d is number => d !== null);
  if (dates.length && Math.min(...dates) < window.notBefore) return { kind: 'stop', reason: 'backfill window' };
  if (progress.pagesRead >= window.maxPages) return { kind: 'stop', reason: 'page limit' };
  if (window.seenUpTo === null && progress.postsCollected >= window.wantPosts) {
    return { kind: 'stop', reason: 'enough posts' };
  }
  return { kind: 'next', url: pageBefore(previewUrl, Math.min(oldestId, page.before)) };
}

/** Older pages a poll may read, the first page included. */
export const POLL_MAX_PAGES = 5;
/** Never page back past posts older than this: the backfill window (the story window, 72 h). */
export const BACKFILL_WINDOW_MS = 72 * 3_600_000;

/**
 * The window of one poll. A first poll wants `backfill` posts (0: the first page only, stored
 * silently); a later poll reads back until it reaches `seenUpTo` (a busy channel posts more than a
 * page between two polls), within the backfill window and the page limit.
 */
export function pollWindow(o: {
  firstPoll: boolean;
  backfill: number;
  now: number;
  seenUpTo: number | null;
}): PageWindow {
  return {
    seenUpTo: o.firstPoll ? null : o.seenUpTo,
    notBefore: o.now - BACKFILL_WINDOW_MS,
    // No mark on a later poll (a database from before paging): the first page only, as before, rather
    // than announcing older posts that were never read.
    wantPosts: o.firstPoll ? o.backfill : o.seenUpTo === null ? 0 : Number.POSITIVE_INFINITY,
    maxPages: POLL_MAX_PAGES,
  };
}

/**
 * What the next poll may take as read: the newest post seen, unless reading older pages failed
 * before reaching the earlier mark — then the earlier mark stays, so the next poll reads the gap
 * again (posts already stored are skipped). A first poll's backfill is best effort.
 */
export function nextSeenUpTo(o: {
  firstPoll: boolean;
  previous: number | null;
  newest: number | null;
  stop: string;
}): number | null {
  if (o.stop === 'page failed' && !o.firstPoll && o.previous !== null) return o.previous;
  if (o.newest === null) return o.previous;
  return o.previous === null ? o.newest : Math.max(o.previous, o.newest);
}
