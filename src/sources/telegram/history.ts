// Reading a channel's recent history: the preview page, then older pages while `nextPage` says so.
// The fetcher is passed in; the decisions are in paginate.ts. Posts come back oldest first, each once.
import type { Fetcher } from '../../fetch/types';
import { decodeBody } from '../../parse/decode';
import type { Result } from '../../types';
import { type NextPage, nextPage, type PageWindow } from './paginate';
import { parseTelegramPreview, type TelegramArticle } from './preview';

export interface ChannelHistory {
  readonly title: string;
  readonly posts: readonly TelegramArticle[];
  readonly pagesRead: number;
  readonly stop: Extract<NextPage, { kind: 'stop' }>['reason'] | 'page failed';
}

export async function readChannelHistory(
  previewUrl: string,
  deps: { fetcher: Pick<Fetcher, 'fetch'>; window: PageWindow },
): Promise<Result<ChannelHistory>> {
  const byId = new Map<number, TelegramArticle>();
  let title = '';
  let url = previewUrl;
  for (let pagesRead = 1; ; pagesRead++) {
    const res = await deps.fetcher.fetch({ url, accept: 'text/html' });
    const page =
      res.kind === 'ok'
        ? parseTelegramPreview(decodeBody(res.body, { contentType: res.contentType, kind: 'html' }).text, res.url)
        : ({ ok: false, error: res.kind === 'failed' ? res.reason : `${res.kind} fetching ${url}` } as const);
    if (!page.ok) {
      // The first page decides the source's health; a failed older page only ends the backfill.
      if (pagesRead === 1) return page;
      return { ok: true, value: done(title, byId, pagesRead - 1, 'page failed') };
    }
    title ||= page.value.title;
    for (const p of page.value.posts) byId.set(p.postId, p);
    const next = nextPage(previewUrl, page.value, { pagesRead, postsCollected: byId.size }, deps.window);
    if (next.kind === 'stop') return { ok: true, value: done(title, byId, pagesRead, next.reason) };
    url = next.url;
  }
}

function done(
  title: string,
  byId: Map<number, TelegramArticle>,
  pagesRead: number,
  stop: ChannelHistory['stop'],
): ChannelHistory {
  return { title, posts: [...byId.values()].sort((a, b) => a.postId - b.postId), pagesRead, stop };
}
