// The App Home's data: the Slack channels a user made watches in, with all their watches; and a
// channel's fingerprint (settings, watches, aliases) to tell whether a command changed it.
import type { Db } from '../../store/db';
import { createSubscribersRepo } from '../../store/subscribers-repo';
import type { HomeChannel } from './home';

export function createHomeStore(db: Db) {
  const subscribers = createSubscribersRepo(db);
  const channelsOf = db.prepare<[string], { id: number }>(
    `SELECT DISTINCT s.id FROM subscribers s JOIN watches w ON w.subscriber_id = s.id
     WHERE s.platform = 'slack' AND s.active = 1 AND w.created_by = ? ORDER BY s.id`,
  );
  const aliases = db.prepare<[number], { n: number; last: number | null }>(
    'SELECT count(*) AS n, max(id) AS last FROM chat_aliases WHERE subscriber_id = ?',
  );
  return {
    fingerprint(channelId: string): string {
      const sub = subscribers.find('slack', channelId);
      if (!sub) return '';
      const { uiLang, summaryLang, digest, pausedAt, active } = sub;
      return JSON.stringify([
        uiLang,
        summaryLang,
        digest,
        pausedAt,
        active,
        subscribers.watches(sub.id).map((w) => [w.id, w.query]),
        aliases.get(sub.id),
      ]);
    },
    channelsOf(userId: string): HomeChannel[] {
      return channelsOf.all(userId).flatMap(({ id }) => {
        const sub = subscribers.get(id);
        if (!sub) return [];
        const watches = subscribers.watches(id).map((w) => ({ id: w.id, query: w.query }));
        return [{ channelId: sub.chatId, paused: sub.pausedAt !== null, watches }];
      });
    },
  };
}

export type HomeStore = ReturnType<typeof createHomeStore>;
