// The alert outbox: recorded with the match that caused it, sent by a dispatcher.
// pending → sending (before the API call) → sent (with the message id) | failed | skipped.
// A crash between "sending" and "sent" leaves the alert in sending: on restart it is sent again,
// so a crash costs at most one duplicate and never loses an alert.
import type { Db } from './db';

export type AlertKind = 'alert' | 'follow-up' | 'digest';
export type AlertStatus = 'pending' | 'held' | 'sending' | 'sent' | 'failed' | 'skipped';

export interface Alert {
  readonly id: number;
  readonly subscriberId: number;
  readonly articleId: number;
  readonly storyId: number | null;
  readonly watchId: number | null;
  readonly kind: AlertKind;
  readonly replyTo: number | null;
  readonly threadId: string | null;
  readonly evidence: string | null;
  readonly status: AlertStatus;
  readonly attempts: number;
  readonly nextAttemptAt: number;
  readonly messageId: string | null;
  readonly lastError: string | null;
  readonly createdAt: number;
  readonly sentAt: number | null;
}

export interface NewAlert {
  readonly subscriberId: number;
  readonly articleId: number;
  readonly storyId: number | null;
  readonly watchId: number | null;
  readonly kind: AlertKind;
  readonly replyTo: number | null;
  readonly threadId: string | null;
  readonly evidence: string | null;
  readonly status?: 'pending' | 'held';
  readonly nextAttemptAt?: number;
}

interface Row {
  id: number;
  subscriber_id: number;
  article_id: number;
  story_id: number | null;
  watch_id: number | null;
  kind: AlertKind;
  reply_to: number | null;
  thread_id: string | null;
  evidence: string | null;
  status: AlertStatus;
  attempts: number;
  next_attempt_at: number;
  message_id: string | null;
  last_error: string | null;
  created_at: number;
  sent_at: number | null;
}

const toAlert = (r: Row): Alert => ({
  id: r.id,
  subscriberId: r.subscriber_id,
  articleId: r.article_id,
  storyId: r.story_id,
  watchId: r.watch_id,
  kind: r.kind,
  replyTo: r.reply_to,
  threadId: r.thread_id,
  evidence: r.evidence,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  messageId: r.message_id,
  lastError: r.last_error,
  createdAt: r.created_at,
  sentAt: r.sent_at,
});

export function createAlertsRepo(db: Db) {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO alerts (subscriber_id, article_id, story_id, watch_id, kind, reply_to, thread_id, evidence,
       status, next_attempt_at, created_at)
     VALUES (@subscriberId, @articleId, @storyId, @watchId, @kind, @replyTo, @threadId, @evidence,
       @status, @nextAttemptAt, @now)`,
  );
  const due = db.prepare<[number, number], Row>(
    `SELECT * FROM alerts WHERE status IN ('pending', 'sending') AND next_attempt_at <= ? ORDER BY id LIMIT ?`,
  );
  const get = db.prepare<[number], Row>('SELECT * FROM alerts WHERE id = ?');
  const setSending = db.prepare(`UPDATE alerts SET status = 'sending', attempts = attempts + 1 WHERE id = ?`);
  const setSent = db.prepare(
    `UPDATE alerts SET status = 'sent', message_id = ?, sent_at = ?, last_error = NULL WHERE id = ?`,
  );
  const setRetry = db.prepare(`UPDATE alerts SET status = 'pending', next_attempt_at = ?, last_error = ? WHERE id = ?`);
  const setFinal = db.prepare(`UPDATE alerts SET status = ?, last_error = ? WHERE id = ?`);
  const firstOfStory = db.prepare<[number, number], Row>(
    `SELECT * FROM alerts WHERE subscriber_id = ? AND story_id = ? AND kind = 'alert' ORDER BY id LIMIT 1`,
  );
  const ofStory = db.prepare<[number, number], Row>(
    'SELECT * FROM alerts WHERE subscriber_id = ? AND story_id = ? ORDER BY id',
  );
  const failed = db.prepare<[number], Row>(`SELECT * FROM alerts WHERE status = 'failed' ORDER BY id DESC LIMIT ?`);
  const pendingFor = db.prepare<[number], Row>(
    `SELECT * FROM alerts WHERE subscriber_id = ? AND status IN ('pending', 'held', 'sending') ORDER BY id`,
  );
  const mute = db.prepare('INSERT OR IGNORE INTO muted_stories (subscriber_id, story_id, muted_at) VALUES (?, ?, ?)');
  const isMuted = db.prepare<[number, number], { n: number }>(
    'SELECT count(*) AS n FROM muted_stories WHERE subscriber_id = ? AND story_id = ?',
  );

  return {
    /** Records an alert; a second alert for the same subscriber and article is ignored (returns null). */
    insert(a: NewAlert, now: number): number | null {
      const r = insert.run({ status: 'pending', nextAttemptAt: 0, ...a, now });
      return r.changes ? Number(r.lastInsertRowid) : null;
    },
    get: (id: number) => {
      const r = get.get(id);
      return r ? toAlert(r) : undefined;
    },
    due: (now: number, limit = 500): Alert[] => due.all(now, limit).map(toAlert),
    markSending: (id: number) => setSending.run(id),
    markSent: (id: number, messageId: string, now: number) => setSent.run(messageId, now, id),
    markRetry: (id: number, nextAttemptAt: number, error: string) => setRetry.run(nextAttemptAt, error, id),
    markFailed: (id: number, error: string) => setFinal.run('failed', error, id),
    markSkipped: (id: number, reason: string) => setFinal.run('skipped', reason, id),
    firstOfStory: (subscriberId: number, storyId: number) => {
      const r = firstOfStory.get(subscriberId, storyId);
      return r ? toAlert(r) : undefined;
    },
    ofStory: (subscriberId: number, storyId: number): Alert[] => ofStory.all(subscriberId, storyId).map(toAlert),
    failed: (limit = 50): Alert[] => failed.all(limit).map(toAlert),
    pendingFor: (subscriberId: number): Alert[] => pendingFor.all(subscriberId).map(toAlert),
    mute: (subscriberId: number, storyId: number, now: number) => mute.run(subscriberId, storyId, now),
    isMuted: (subscriberId: number, storyId: number) => isMuted.get(subscriberId, storyId)!.n > 0,
  };
}

export type AlertsRepo = ReturnType<typeof createAlertsRepo>;
