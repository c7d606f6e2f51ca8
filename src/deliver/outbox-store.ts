// The dispatcher's view of the outbox and of the chats (SQLite adapter). Status changes of a message
// that carries several alerts (a digest) happen in one transaction.
import { type Alert, createAlertsRepo } from '../store/alerts-repo';
import type { Db } from '../store/db';
import { createSubscribersRepo, type Subscriber } from '../store/subscribers-repo';

export interface StoryInfo {
  readonly title: string;
  readonly articleCount: number;
  readonly outlets: readonly string[];
  readonly places: readonly string[];
}

const parseList = (s: string | null | undefined): string[] => {
  try {
    const v = JSON.parse(s ?? '[]');
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
};

export function createOutboxStore(db: Db) {
  const alerts = createAlertsRepo(db);
  const subscribers = createSubscribersRepo(db);
  const ready = db.prepare<[string, number], { subscriber_id: number }>(
    `SELECT h.subscriber_id FROM
       (SELECT subscriber_id, min(id) AS id FROM alerts WHERE status IN ('pending', 'sending') GROUP BY subscriber_id) h
     JOIN alerts a ON a.id = h.id JOIN subscribers s ON s.id = h.subscriber_id
     WHERE s.platform = ? AND a.next_attempt_at <= ? AND (s.paused_at IS NULL OR s.active = 0) ORDER BY h.id`,
  );
  const pendingOf = db.prepare<[number], { id: number }>(
    `SELECT id FROM alerts WHERE subscriber_id = ? AND status IN ('pending', 'sending') ORDER BY id`,
  );
  const story = db.prepare<[number], { title: string; article_count: number; outlets: string; places: string }>(
    'SELECT title, article_count, outlets, places FROM stories WHERE id = ?',
  );
  const byMessage = db.prepare<[number, string], { id: number }>(
    'SELECT id FROM alerts WHERE subscriber_id = ? AND message_id = ? ORDER BY id LIMIT 1',
  );
  const backlog = db.prepare<[number], { alerts: number; stories: number }>(
    `SELECT count(*) AS alerts, count(DISTINCT coalesce(story_id, -id)) AS stories FROM alerts
     WHERE subscriber_id = ? AND status IN ('pending', 'sending')`,
  );
  const release = db.prepare(
    `UPDATE alerts SET status = 'pending', next_attempt_at = 0 WHERE status = 'held' AND next_attempt_at <= ?
       AND subscriber_id IN (SELECT id FROM subscribers WHERE paused_at IS NULL)`,
  );
  const hold = db.prepare(`UPDATE alerts SET status = 'held', next_attempt_at = ?, last_error = ? WHERE id = ?`);
  const resumedAt = db.prepare<[number], { resumed_at: number | null }>(
    'SELECT resumed_at FROM subscribers WHERE id = ?',
  );
  const langHint = db.prepare<[number], { lang_hint: 'ar' | 'en' | null }>(
    'SELECT lang_hint FROM subscribers WHERE id = ?',
  );
  const setLangHint = db.prepare('UPDATE subscribers SET lang_hint = ? WHERE id = ?');
  const setResumed = db.prepare('UPDATE subscribers SET resumed_at = ? WHERE id = ?');
  const addAlias = db.prepare(
    'INSERT INTO chat_aliases (subscriber_id, alias, canonical, created_at) VALUES (?, ?, ?, ?)',
  );
  const skipPending = db.prepare(
    `UPDATE alerts SET status = 'skipped', last_error = ?
     WHERE subscriber_id = ? AND status IN ('pending', 'held') AND created_at < ?`,
  );
  const moveRows = {
    watches: db.prepare('UPDATE watches SET subscriber_id = ? WHERE subscriber_id = ?'),
    alerts: db.prepare('UPDATE OR IGNORE alerts SET subscriber_id = ? WHERE subscriber_id = ?'),
    muted: db.prepare('UPDATE OR IGNORE muted_stories SET subscriber_id = ? WHERE subscriber_id = ?'),
    aliases: db.prepare('UPDATE chat_aliases SET subscriber_id = ? WHERE subscriber_id = ?'),
    drop: db.prepare('DELETE FROM subscribers WHERE id = ?'),
  };
  const many = <T extends unknown[]>(fn: (id: number, ...rest: T) => unknown) =>
    db.transaction((ids: readonly number[], ...rest: T) => {
      for (const id of ids) fn(id, ...rest);
    });
  const markSending = many((id) => alerts.markSending(id));
  const markSent = many((id, ref: string, now: number) => alerts.markSent(id, ref, now));
  const markRetry = many((id, at: number, error: string) => alerts.markRetry(id, at, error));
  const markFailed = many((id, error: string) => alerts.markFailed(id, error));
  const markSkipped = many((id, reason: string) => alerts.markSkipped(id, reason));
  const markHeld = many((id, until: number, reason: string) => hold.run(until, reason, id));

  /**
   * Group → supergroup migration: the chat's watches and history follow it to the new id. If the new
   * id already has a subscriber (the bot heard from the supergroup first), the old one merges into it.
   */
  const migrate = db.transaction((platform: Subscriber['platform'], oldChatId: string, newChatId: string) => {
    const old = subscribers.find(platform, oldChatId);
    if (!old) return;
    const existing = subscribers.find(platform, newChatId);
    if (!existing) {
      subscribers.moveChat(old.id, newChatId, 'supergroup');
      return;
    }
    for (const stmt of [moveRows.watches, moveRows.alerts, moveRows.muted, moveRows.aliases])
      stmt.run(existing.id, old.id);
    moveRows.drop.run(old.id);
  });

  return {
    alerts,
    subscribers,
    /** Chats whose oldest waiting alert is due (paused chats wait; inactive ones are cleaned up). */
    readyChats: (platform: Subscriber['platform'], now: number): number[] =>
      ready.all(platform, now).map((r) => r.subscriber_id),
    pendingOf: (subscriberId: number): Alert[] => pendingOf.all(subscriberId).map((r) => alerts.get(r.id)!),
    story(storyId: number): StoryInfo | undefined {
      const r = story.get(storyId);
      if (!r) return undefined;
      return {
        title: r.title,
        articleCount: r.article_count,
        outlets: parseList(r.outlets),
        places: parseList(r.places),
      };
    },
    alertByMessage: (subscriberId: number, messageRef: string): Alert | undefined => {
      const r = byMessage.get(subscriberId, messageRef);
      return r ? alerts.get(r.id) : undefined;
    },
    backlog: (subscriberId: number) => backlog.get(subscriberId)!,
    /** Skips the chat's waiting alerts (those created before `before`, default all). */
    skipPending: (subscriberId: number, reason: string, before = Number.MAX_SAFE_INTEGER) =>
      skipPending.run(reason, subscriberId, before).changes,
    markSending: (ids: readonly number[]) => markSending(ids),
    markSent: (ids: readonly number[], ref: string, now: number) => markSent(ids, ref, now),
    markRetry: (ids: readonly number[], at: number, error: string) => markRetry(ids, at, error),
    markFailed: (ids: readonly number[], error: string) => markFailed(ids, error),
    markSkipped: (ids: readonly number[], reason: string) => markSkipped(ids, reason),
    /** Held alerts (paused chat, follow-up window) wait outside the chat's queue until `until`. */
    markHeld: (ids: readonly number[], until: number, reason: string) => markHeld(ids, until, reason),
    /** Held alerts whose time came, of chats not paused, rejoin the queue (in their original order). */
    releaseHeld: (now: number) => release.run(now).changes,
    /** /alias: subscriberId null = a global alias (deployment admins). */
    addAlias: (subscriberId: number | null, alias: string, canonical: string, now: number) =>
      Number(addAlias.run(subscriberId, alias, canonical, now).lastInsertRowid),
    langHint: (subscriberId: number): 'ar' | 'en' | null => langHint.get(subscriberId)?.lang_hint ?? null,
    setLangHint: (subscriberId: number, lang: 'ar' | 'en') => setLangHint.run(lang, subscriberId),
    resumedAt: (subscriberId: number): number | null => resumedAt.get(subscriberId)?.resumed_at ?? null,
    setResumed: (subscriberId: number, at: number | null) => setResumed.run(at, subscriberId),
    migrate: (platform: Subscriber['platform'], oldChatId: string, newChatId: string) =>
      migrate(platform, oldChatId, newChatId),
  };
}

export type OutboxStore = ReturnType<typeof createOutboxStore>;
