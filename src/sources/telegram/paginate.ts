// When to read older preview pages (`?before=<id>`). A preview page shows about 20 posts; a busy
// channel can post more than that between two polls, and a first poll may want a backfill. Pure:
// the decision takes the page just read and what was read before, and says where to go or why stop.
// Rules, in order: stop at the channel's start (no cursor); stop when the page reaches a post seen on
// an earlier poll; stop when the page is older than the backfill window; stop at the page limit;
// stop when enough posts are collected; otherwise read the page before the oldest post.
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

export interface PageSeen {
  /** Ids and dates of the posts on the page just read. */
  readonly posts: readonly { readonly postId: number; readonly published: number | null }[];
  readonly before: number | null;
}

export type NextPage = { kind: 'next'; url: string } | { kind: 'stop'; reason: string };

export function nextPage(
  previewUrl: string,
  page: PageSeen,
  progress: { pagesRead: number; postsCollected: number },
  window: PageWindow,
): NextPage {
  if (page.posts.length === 0 || page.before === null) return { kind: 'stop', reason: 'start of channel' };
  const oldestId = Math.min(...page.posts.map((p) => p.postId));
  if (window.seenUpTo !== null && oldestId <= window.seenUpTo) return { kind: 'stop', reason: 'caught up' };
  const dates = page.posts.map((p) => p.published).filter((d): d is number => d !== null);
  if (dates.length && Math.min(...dates) < window.notBefore) return { kind: 'stop', reason: 'backfill window' };
  if (progress.pagesRead >= window.maxPages) return { kind: 'stop', reason: 'page limit' };
  if (window.seenUpTo === null && progress.postsCollected >= window.wantPosts) {
    return { kind: 'stop', reason: 'enough posts' };
  }
  return { kind: 'next', url: pageBefore(previewUrl, Math.min(oldestId, page.before)) };
}
