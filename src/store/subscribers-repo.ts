// Subscribers (a chat, a channel) and their watches. Prepared statements only.
import type { Db } from './db';

export type Platform = 'telegram' | 'slack' | 'console';
export type SummaryLang = 'ar' | 'en' | 'both';
export type Digest = 'off' | 'hourly' | 'daily';

export interface Subscriber {
  readonly id: number;
  readonly platform: Platform;
  readonly chatId: string;
  readonly title: string | null;
  readonly chatType: string | null;
  readonly uiLang: 'ar' | 'en' | null;
  readonly summaryLang: SummaryLang;
  readonly digest: Digest;
  readonly pausedAt: number | null;
  readonly active: boolean;
  readonly inactiveReason: string | null;
  readonly createdAt: number;
}

export interface Watch {
  readonly id: number;
  readonly subscriberId: number;
  readonly query: string;
  readonly threadId: string | null;
  readonly createdBy: string | null;
  readonly createdAt: number;
}

interface SubRow {
  id: number;
  platform: Platform;
  chat_id: string;
  title: string | null;
  chat_type: string | null;
  ui_lang: 'ar' | 'en' | null;
  summary_lang: SummaryLang;
  digest: Digest;
  paused_at: number | null;
  active: number;
  inactive_reason: string | null;
  created_at: number;
}
interface WatchRow {
  id: number;
  subscriber_id: number;
  query: string;
  thread_id: string | null;
  created_by: string | null;
  created_at: number;
}

const toSub = (r: SubRow): Subscriber => ({
  id: r.id,
  platform: r.platform,
  chatId: r.chat_id,
  title: r.title,
  chatType: r.chat_type,
  uiLang: r.ui_lang,
  summaryLang: r.summary_lang,
  digest: r.digest,
  pausedAt: r.paused_at,
  active: r.active === 1,
  inactiveReason: r.inactive_reason,
  createdAt: r.created_at,
});
const toWatch = (r: WatchRow): Watch => ({
  id: r.id,
  subscriberId: r.subscriber_id,
  query: r.query,
  threadId: r.thread_id,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

export function createSubscribersRepo(db: Db) {
  const upsert = db.prepare(
    `INSERT INTO subscribers (platform, chat_id, title, chat_type, ui_lang, created_at)
     VALUES (@platform, @chatId, @title, @chatType, @uiLang, @now)
     ON CONFLICT (platform, chat_id) DO UPDATE SET
       title = coalesce(excluded.title, title), chat_type = coalesce(excluded.chat_type, chat_type),
       active = 1, inactive_reason = NULL`,
  );
  const byChat = db.prepare<[string, string], SubRow>('SELECT * FROM subscribers WHERE platform = ? AND chat_id = ?');
  const byId = db.prepare<[number], SubRow>('SELECT * FROM subscribers WHERE id = ?');
  const setField = {
    ui_lang: db.prepare('UPDATE subscribers SET ui_lang = ? WHERE id = ?'),
    summary_lang: db.prepare('UPDATE subscribers SET summary_lang = ? WHERE id = ?'),
    digest: db.prepare('UPDATE subscribers SET digest = ? WHERE id = ?'),
    paused_at: db.prepare('UPDATE subscribers SET paused_at = ? WHERE id = ?'),
  };
  const deactivate = db.prepare('UPDATE subscribers SET active = 0, inactive_reason = ? WHERE id = ?');
  const moveChat = db.prepare('UPDATE subscribers SET chat_id = ?, chat_type = ? WHERE id = ?');
  const insertWatch = db.prepare(
    'INSERT INTO watches (subscriber_id, query, thread_id, created_by, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const deleteWatch = db.prepare('DELETE FROM watches WHERE id = ? AND subscriber_id = ?');
  const watchesOf = db.prepare<[number], WatchRow>('SELECT * FROM watches WHERE subscriber_id = ? ORDER BY id');
  const activeWatches = db.prepare<[], WatchRow>(
    `SELECT w.* FROM watches w JOIN subscribers s ON s.id = w.subscriber_id WHERE s.active = 1 ORDER BY w.id`,
  );
  const watchById = db.prepare<[number], WatchRow>('SELECT * FROM watches WHERE id = ?');

  return {
    /** Subscribes a chat (or reactivates it) and returns it. */
    ensure(
      s: {
        platform: Platform;
        chatId: string;
        title?: string | null;
        chatType?: string | null;
        uiLang?: 'ar' | 'en' | null;
      },
      now: number,
    ): Subscriber {
      upsert.run({ title: null, chatType: null, uiLang: null, ...s, now });
      return toSub(byChat.get(s.platform, s.chatId)!);
    },
    find(platform: Platform, chatId: string): Subscriber | undefined {
      const r = byChat.get(platform, chatId);
      return r ? toSub(r) : undefined;
    },
    get(id: number): Subscriber | undefined {
      const r = byId.get(id);
      return r ? toSub(r) : undefined;
    },
    setUiLang: (id: number, v: 'ar' | 'en' | null) => setField.ui_lang.run(v, id),
    setSummaryLang: (id: number, v: SummaryLang) => setField.summary_lang.run(v, id),
    setDigest: (id: number, v: Digest) => setField.digest.run(v, id),
    setPaused: (id: number, at: number | null) => setField.paused_at.run(at, id),
    deactivate: (id: number, reason: string) => deactivate.run(reason, id),
    /** Group → supergroup migration: the same subscriber (watches, history) under the new chat id. */
    moveChat: (id: number, newChatId: string, chatType: string | null) => moveChat.run(newChatId, chatType, id),
    addWatch(
      subscriberId: number,
      query: string,
      opts: { threadId?: string | null; createdBy?: string | null },
      now: number,
    ): Watch {
      const id = Number(
        insertWatch.run(subscriberId, query, opts.threadId ?? null, opts.createdBy ?? null, now).lastInsertRowid,
      );
      return toWatch(watchById.get(id)!);
    },
    removeWatch: (subscriberId: number, watchId: number): boolean => deleteWatch.run(watchId, subscriberId).changes > 0,
    watches: (subscriberId: number): Watch[] => watchesOf.all(subscriberId).map(toWatch),
    activeWatches: (): Watch[] => activeWatches.all().map(toWatch),
    watch: (id: number): Watch | undefined => {
      const r = watchById.get(id);
      return r ? toWatch(r) : undefined;
    },
  };
}

export type SubscribersRepo = ReturnType<typeof createSubscribersRepo>;
