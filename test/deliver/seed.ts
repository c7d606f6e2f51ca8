// Queues alerts straight into the outbox (articles, subscribers, alerts through the real repos), for
// dispatcher tests and the delivery benchmark.
import { createAlertsRepo } from '../../src/store/alerts-repo';
import { createArticlesRepo } from '../../src/store/articles-repo';
import type { Db } from '../../src/store/db';
import { createSubscribersRepo, type Subscriber } from '../../src/store/subscribers-repo';

export interface SeedChat {
  readonly chatId: string;
  readonly chatType: 'private' | 'group' | 'supergroup' | 'channel';
}

let n = 0;

/** `perChat` alerts for each chat, each on its own story; returns alert ids in queue order. */
export function seedAlerts(
  db: Db,
  chats: readonly SeedChat[],
  perChat: number,
  opts: {
    createdAt: number;
    /** The chats' platform (default telegram). */
    platform?: Subscriber['platform'];
    storyOf?: (chatIndex: number, i: number) => number | null;
    title?: (c: number, i: number) => string;
    /** The article's source id (default 'one'): another outlet's report on a story is a follow-up. */
    sourceOf?: (c: number, i: number) => string;
  },
): number[] {
  const subs = createSubscribersRepo(db);
  const articles = createArticlesRepo(db);
  const alerts = createAlertsRepo(db);
  const ids: number[] = [];
  db.transaction(() => {
    const platform = opts.platform ?? 'telegram';
    const subIds = chats.map(
      (c) => subs.ensure({ platform, chatId: c.chatId, chatType: c.chatType }, opts.createdAt).id,
    );
    for (let i = 0; i < perChat; i++) {
      chats.forEach((_c, ci) => {
        const k = ++n;
        const title = opts.title?.(ci, i) ?? `Report ${k}: clashes near the prison in Hasakah`;
        const articleId = articles.insert({
          sourceId: opts.sourceOf?.(ci, i) ?? 'one',
          url: `https://outlet.example/${k}`,
          urlKey: `outlet.example/${k}`,
          guid: null,
          title,
          text: `Local sources said clashes broke out near the prison. Report number ${k}.`,
          summary: '',
          author: null,
          lang: 'en',
          imageUrl: null,
          publishedAt: opts.createdAt,
          fetchedAt: opts.createdAt,
          contentHash: `h${k}`,
          announce: 0,
        });
        const storyId = opts.storyOf ? opts.storyOf(ci, i) : 1_000_000 + k;
        const id = alerts.insert(
          {
            subscriberId: subIds[ci]!,
            articleId,
            storyId,
            watchId: null,
            kind: 'alert',
            replyTo: null,
            threadId: null,
            evidence: null,
          },
          opts.createdAt,
        );
        ids.push(id!);
      });
    }
  })();
  return ids;
}
