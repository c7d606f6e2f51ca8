// What a send result does to the outbox and the chat. One row per result kind (rules as data):
//   sent          → alerts sent with the message id; go on with the chat's next alert
//   rate-limited  → 429: the chat is blocked until retry_after has elapsed, exactly; alerts wait
//   retryable     → 5xx / network: retry after exponential backoff with jitter; alerts wait
//   failed        → 400: not retried blindly; failed with the reason (log + `rased alerts --failed`)
//   gone          → 403 / deactivated: the chat is deactivated, its waiting alerts skipped
//   migrated      → the chat moved (group → supergroup): watches and history follow; resend now
import type { Subscriber } from '../store/subscribers-repo';
import { type BackoffConfig, retryDelayMs } from './backoff';
import type { OutboxStore } from './outbox-store';
import type { Pacer } from './pacer';
import type { SendResult } from './sender';

export interface DeliverLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export type DeliveryEvent =
  | { kind: 'sending'; chatId: string; alertIds: readonly number[]; at: number }
  | { kind: 'result'; chatId: string; alertIds: readonly number[]; result: SendResult; at: number };

export interface OutcomeContext {
  readonly store: OutboxStore;
  readonly pacer: Pacer;
  readonly log: DeliverLog;
  readonly random: () => number;
  readonly backoff: BackoffConfig;
  readonly platform: Subscriber['platform'];
  readonly emit: (e: DeliveryEvent) => void;
}

export interface Sent {
  readonly sub: Subscriber;
  readonly ids: readonly number[];
  /** Attempts so far, this one included. */
  readonly attempts: number;
}

/** Records the result; returns whether the chat's next alert may go now. */
export function applyResult(ctx: OutcomeContext, s: Sent, result: SendResult, now: number): boolean {
  const { store, log } = ctx;
  const fields = { chat_id: s.sub.chatId, subscriber_id: s.sub.id, alert_ids: s.ids, platform: ctx.platform };
  ctx.emit({ kind: 'result', chatId: s.sub.chatId, alertIds: s.ids, result, at: now });
  switch (result.kind) {
    case 'sent':
      store.markSent(s.ids, result.messageRef, now);
      return true;
    case 'rate-limited': {
      const until = now + result.retryAfterMs;
      ctx.pacer.block(s.sub.chatId, until);
      store.markRetry(s.ids, until, result.reason);
      log.warn({ ...fields, retry_after_ms: result.retryAfterMs }, 'rate limited: waiting retry_after');
      return false;
    }
    case 'retryable': {
      const delay = retryDelayMs(s.attempts, ctx.random, ctx.backoff);
      store.markRetry(s.ids, now + delay, result.reason);
      log.warn(
        { ...fields, attempt: s.attempts, retry_in_ms: delay, reason: result.reason },
        'send failed; will retry',
      );
      return false;
    }
    case 'failed':
      store.markFailed(s.ids, result.reason);
      log.warn({ ...fields, reason: result.reason }, 'alert not deliverable: marked failed (rased alerts --failed)');
      return true;
    case 'gone':
      store.subscribers.deactivate(s.sub.id, result.reason);
      store.markSkipped(s.ids, `chat inactive: ${result.reason}`);
      store.skipPending(s.sub.id, `chat inactive: ${result.reason}`);
      log.info({ ...fields, reason: result.reason }, 'chat deactivated');
      return false;
    case 'migrated':
      store.migrate(ctx.platform, s.sub.chatId, result.newChatId);
      store.markRetry(s.ids, now, `chat migrated to ${result.newChatId}`);
      log.info({ ...fields, new_chat_id: result.newChatId }, 'chat migrated: watches and history moved');
      return false;
  }
}
