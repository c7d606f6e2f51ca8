// What a chat gets next from its outbox, decided from stored facts only (pure):
//   1. an inactive chat (blocked, kicked) gets nothing: its alerts are skipped;
//   2. alerts of a story muted after they were queued are skipped;
//   3. several alerts left "sending" by a crash went out as one digest: they go out again as one;
//   4. digest chats (hourly/daily) get one message per period, when the period ends;
//   5. what waited while the chat was paused goes out as one digest after /resume;
//   6. a backlog (the oldest alert waited longer than catchUpAfterMs and at least catchUpMin wait)
//      becomes ONE catch-up digest, not a flood;
//   7. otherwise the oldest alert goes out alone (per-chat order is outbox order).

export interface PlanConfig {
  /** An alert this old means delivery was paused (outage, bot stopped, /pause). */
  readonly catchUpAfterMs: number;
  /** Fewer waiting alerts than this go out one by one even after an outage. */
  readonly catchUpMin: number;
  /** Hour (UTC) the daily digest goes out. */
  readonly dailyHourUtc: number;
}

export const DEFAULT_PLAN: PlanConfig = { catchUpAfterMs: 15 * 60_000, catchUpMin: 3, dailyHourUtc: 6 };

export interface PlanAlert {
  readonly id: number;
  readonly storyId: number | null;
  readonly status: string;
  readonly createdAt: number;
  /** A digest goes to one forum topic / thread: alerts of other threads wait for the next one. */
  readonly threadId: string | null;
}

export interface PlanChat {
  readonly active: boolean;
  readonly digest: 'off' | 'hourly' | 'daily';
  /** When the chat last resumed after /pause: what waited goes out as one digest. */
  readonly resumedAt?: number | null;
}

export type ChatPlan<A extends PlanAlert = PlanAlert> =
  | { readonly kind: 'none' }
  | { readonly kind: 'skip'; readonly alerts: readonly A[]; readonly reason: string }
  | { readonly kind: 'single'; readonly alert: A }
  | {
      readonly kind: 'digest';
      readonly reason: 'catch-up' | 'resume' | 'hourly' | 'daily';
      readonly alerts: readonly A[];
    }
  | { readonly kind: 'wait'; readonly until: number };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** End of the digest period that contains `at`. */
export function periodEnd(at: number, digest: 'hourly' | 'daily', dailyHourUtc: number): number {
  if (digest === 'hourly') return Math.floor(at / HOUR) * HOUR + HOUR;
  const offset = dailyHourUtc * HOUR;
  return Math.floor((at - offset) / DAY) * DAY + DAY + offset;
}

/** `pending`: the chat's pending and sending alerts, oldest first. */
export function planChat<A extends PlanAlert>(
  chat: PlanChat,
  pending: readonly A[],
  now: number,
  isMuted: (storyId: number) => boolean,
  cfg: PlanConfig = DEFAULT_PLAN,
): ChatPlan<A> {
  if (pending.length === 0) return { kind: 'none' };
  if (!chat.active) return { kind: 'skip', alerts: pending, reason: 'chat inactive' };
  const muted = pending.filter((a) => a.storyId !== null && isMuted(a.storyId));
  if (muted.length > 0) return { kind: 'skip', alerts: muted, reason: 'story muted' };

  const head = pending[0]!;
  const sameThread = (a: A) => a.threadId === head.threadId;
  const sending = pending.filter((a) => a.status === 'sending' && sameThread(a));
  if (sending.length > 1) return { kind: 'digest', reason: 'catch-up', alerts: sending };

  const resumed = chat.resumedAt ?? null;
  if (resumed !== null && head.status !== 'sending' && head.createdAt < resumed) {
    const missed = pending.filter((a) => a.createdAt < resumed && a.status !== 'sending' && sameThread(a));
    if (missed.length > 1) return { kind: 'digest', reason: 'resume', alerts: missed };
  }
  if (chat.digest !== 'off' && head.status !== 'sending') {
    const end = periodEnd(head.createdAt, chat.digest, cfg.dailyHourUtc);
    if (now < end) return { kind: 'wait', until: end };
    const batch = pending.filter((a) => a.createdAt < end && sameThread(a));
    return batch.length === 1
      ? { kind: 'single', alert: head }
      : { kind: 'digest', reason: chat.digest, alerts: batch };
  }
  if (head.status !== 'sending' && now - head.createdAt > cfg.catchUpAfterMs && pending.length >= cfg.catchUpMin) {
    return {
      kind: 'digest',
      reason: 'catch-up',
      alerts: pending.filter((a) => a.status !== 'sending' && sameThread(a)),
    };
  }
  return { kind: 'single', alert: head };
}
