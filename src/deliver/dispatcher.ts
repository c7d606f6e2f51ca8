// The dispatcher: sends what is in the outbox, one platform per dispatcher. Steps, per chat:
//   1. the chat's waiting alerts, oldest first (per-chat order is outbox order);
//   2. the plan (./plan): one alert, one digest, wait for the digest period, or skip;
//   3. the message view (./view) — built before a send slot is booked, so slow summaries never
//      bunch sends together;
//   4. a send slot from the pacer (./pacer): per-chat, per-group and overall limits, 429 blocks;
//   5. mark "sending" (committed) → the API call → mark "sent" with the message id. A crash between
//      the two leaves "sending": on restart the alert is sent again. So kill -9 loses no alert and
//      costs at most one duplicate message per crash (the one in flight; a digest counts as one);
//   6. the result decides (./outcome): sent, retry after retry_after or backoff, failed (400, with
//      the reason, `rased alerts --failed`), chat deactivated (403), chat migrated.

import { setMaxListeners } from 'node:events';
import type { AlertPolicy } from '../dedup/policy';
import type { Alert } from '../store/alerts-repo';
import type { Subscriber } from '../store/subscribers-repo';
import { type BackoffConfig, DEFAULT_BACKOFF } from './backoff';
import { type StoryStep, storyStep } from './follow-up';
import { createGate } from './gate';
import type { OutboxStore } from './outbox-store';
import { applyResult, type DeliverLog, type DeliveryEvent } from './outcome';
import { createPacer, type Limits } from './pacer';
import { type ChatPlan, DEFAULT_PLAN, type PlanConfig, planChat } from './plan';
import type { ChatKind, OutgoingMessage, Sender } from './sender';
import { sleep } from './sleep';
import { uiLangOf, type ViewBuilder } from './view';

export interface DispatcherDeps {
  readonly store: OutboxStore;
  readonly views: ViewBuilder;
  readonly sender: Sender;
  readonly limits: Limits;
  readonly plan?: PlanConfig;
  /** Follow-ups per story (src/dedup/policy); default 3 an hour, one per outlet. */
  readonly policy?: AlertPolicy;
  readonly backoff?: BackoffConfig;
  readonly clock: () => number;
  readonly random: () => number;
  readonly log: DeliverLog;
  /** How often the outbox is scanned for due chats (default 500 ms; wake() scans at once). */
  readonly scanEveryMs?: number;
  /** Chats served at the same time (each waits for its own send slots). */
  readonly concurrency?: number;
  /**
   * Sends on the wire at once (default 1). A crash can catch each of them between the API call and
   * "sent": the duplicates per crash are at most this many (1 = at most one, at the cost of
   * throughput bounded by the API's latency).
   */
  readonly maxInFlight?: number;
  readonly chatKind?: (s: Subscriber) => ChatKind;
  readonly onEvent?: (e: DeliveryEvent) => void;
}

type SendStep = Extract<StoryStep, { kind: 'send' }>;
type SendPlan = Extract<ChatPlan<Alert>, { kind: 'single' | 'digest' }>;
const PLAIN_STEP = { kind: 'send', replyTo: null, folded: [], note: '', dropped: [] } as const;

const GROUP_TYPES = new Set(['group', 'supergroup', 'channel']);
export const defaultChatKind = (s: Subscriber): ChatKind => (GROUP_TYPES.has(s.chatType ?? '') ? 'group' : 'private');

export function createDispatcher(deps: DispatcherDeps) {
  const { store, views, sender, clock, log } = deps;
  const pacer = createPacer(deps.limits);
  const chatKind = deps.chatKind ?? defaultChatKind;
  const scanEvery = deps.scanEveryMs ?? 500;
  const concurrency = deps.concurrency ?? 1000;
  const wire = createGate(deps.maxInFlight ?? 1);
  const waitUntil = new Map<number, number>();
  const active = new Map<number, Promise<void>>();
  const stopper = new AbortController();
  // Every waiting chat listens to the stop signal: hundreds of listeners are expected here.
  setMaxListeners(0, stopper.signal);
  let wakeUp = new AbortController();
  let loop: Promise<void> | null = null;
  const ctx = {
    store,
    pacer,
    log,
    random: deps.random,
    backoff: deps.backoff ?? DEFAULT_BACKOFF,
    platform: sender.platform,
    emit: (e: DeliveryEvent) => deps.onEvent?.(e),
  };

  async function alertMessage(step: SendStep, sub: Subscriber): Promise<OutgoingMessage | null> {
    const { alert } = step;
    const view = await views.alert(alert, sub);
    if (!view) return null;
    const stored = alert.replyTo !== null ? (store.alerts.get(alert.replyTo)?.messageId ?? null) : null;
    const replyTo = step.asFollowUp ? (step.replyTo ?? stored) : null;
    return {
      chatId: sub.chatId,
      threadId: alert.threadId,
      replyTo,
      view: {
        type: 'alert',
        ...view,
        kind: step.asFollowUp ? 'follow-up' : 'alert',
        ...(step.note ? { note: step.note } : {}),
      },
    };
  }

  /** The message for a plan, and the alerts it carries; null when there is nothing to send now. */
  async function compose(plan: SendPlan, sub: Subscriber, pending: readonly Alert[], now: number) {
    if (plan.kind === 'digest') {
      const view = views.digest(plan.alerts, sub, plan.reason);
      const msg: OutgoingMessage = {
        chatId: sub.chatId,
        threadId: plan.alerts[0]!.threadId,
        replyTo: null,
        view: { type: 'digest', ...view },
      };
      return { msg, ids: plan.alerts.map((a) => a.id) };
    }
    const step = storyStep(
      store.alerts,
      views.outletOf,
      plan.alert,
      pending,
      uiLangOf(sub, store.langHint(sub.id)),
      now,
      deps.policy,
    );
    if (step.kind === 'skip' && step.alerts.length > 0) {
      store.markSkipped(
        step.alerts.map((a) => a.id),
        step.reason,
      );
      return null;
    }
    if (step.kind === 'hold') {
      store.markSkipped(
        step.dropped.map((a) => a.id),
        'outlet already reported',
      );
      store.markHeld(
        step.alerts.map((a) => a.id),
        step.until,
        'follow-up window full',
      );
      return null;
    }
    const send: SendStep =
      step.kind === 'send' ? step : { ...PLAIN_STEP, alert: plan.alert, asFollowUp: plan.alert.kind === 'follow-up' };
    store.markSkipped(
      send.dropped.map((a) => a.id),
      'outlet already reported',
    );
    const msg = await alertMessage(send, sub);
    const ids = [send.alert.id, ...send.folded.map((a) => a.id)];
    if (!msg) store.markSkipped(ids, 'article no longer stored');
    return msg ? { msg, ids } : null;
  }

  /** Serves one chat until its due alerts are out, it must wait, or the dispatcher stops. */
  async function serveChat(subId: number): Promise<void> {
    while (!stopper.signal.aborted) {
      const sub = store.subscribers.get(subId);
      const pending = store.pendingOf(subId);
      const now = clock();
      if (!sub || pending.length === 0 || pending[0]!.nextAttemptAt > now) return;
      if (sub.active && sub.pausedAt !== null) return;
      const plan = planChat(
        { ...sub, resumedAt: store.resumedAt(subId) },
        pending,
        now,
        (story) => store.alerts.isMuted(subId, story),
        deps.plan ?? DEFAULT_PLAN,
      );
      if (plan.kind === 'none') return;
      if (plan.kind === 'wait') {
        waitUntil.set(subId, plan.until);
        return;
      }
      if (plan.kind === 'skip') {
        store.markSkipped(
          plan.alerts.map((a) => a.id),
          plan.reason,
        );
        continue;
      }
      const composed = await compose(plan, sub, pending, now);
      if (!composed) continue;
      const { msg, ids } = composed;
      const at = pacer.book(sub.chatId, chatKind(sub), clock());
      await sleep(at - clock(), stopper.signal);
      if (stopper.signal.aborted) return;
      await wire.enter();
      for (let wait = pacer.overallWaitMs(clock()); wait > 0; wait = pacer.overallWaitMs(clock()))
        await sleep(wait, stopper.signal);
      if (stopper.signal.aborted) {
        wire.leave();
        return;
      }
      pacer.fired(sub.chatId, chatKind(sub), clock());
      store.markSending(ids);
      ctx.emit({ kind: 'sending', chatId: sub.chatId, alertIds: ids, at: clock() });
      const result = await sender
        .send(msg)
        .catch((err: unknown) => ({ kind: 'retryable' as const, reason: `sender threw: ${(err as Error).message}` }))
        .finally(() => wire.leave());
      const goOn = applyResult(
        ctx,
        { sub, ids, attempts: Math.max(...pending.map((a) => a.attempts)) + 1 },
        result,
        clock(),
      );
      if (!goOn) return;
    }
  }

  function scan() {
    const now = clock();
    store.releaseHeld(now);
    for (const subId of store.readyChats(sender.platform, now)) {
      if (active.size >= concurrency) break;
      if (active.has(subId) || (waitUntil.get(subId) ?? 0) > now) continue;
      waitUntil.delete(subId);
      const task = serveChat(subId)
        .catch((err: unknown) => log.error({ subscriber_id: subId, err }, 'delivery to a chat failed unexpectedly'))
        .finally(() => {
          active.delete(subId);
          wake();
        });
      active.set(subId, task);
    }
  }

  function wake() {
    wakeUp.abort();
  }

  async function run() {
    while (!stopper.signal.aborted) {
      wakeUp = new AbortController();
      try {
        scan();
      } catch (err) {
        log.error({ err }, 'outbox scan failed; retrying');
      }
      await sleep(scanEvery, AbortSignal.any([wakeUp.signal, stopper.signal]));
    }
  }

  return {
    /** Starts the loop (idempotent). */
    start() {
      loop ??= run();
    },
    /** New alerts were queued: scan now instead of at the next interval. */
    wake,
    /** Serves every chat that is due once, then waits for those sends (tests, `run --once`). */
    async drain(): Promise<void> {
      for (let round = 0; round < 10_000; round++) {
        scan();
        if (active.size === 0) return;
        while (active.size > 0) await Promise.all([...active.values()]);
      }
    },
    /** Stops booking sends; sends already on the wire finish and are recorded. */
    async stop(): Promise<void> {
      stopper.abort();
      await loop;
      await Promise.all([...active.values()]);
    },
    get activeChats() {
      return active.size;
    },
  };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;
