// What /healthz and /metrics know about delivery, per chat platform: the state its client reports
// (link: starting, connected, reconnecting, failed, stopped), what the dispatcher reports of each
// send (onEvent: counters by outcome, last send, last error) and the outbox backlog, read from
// SQLite when asked. Every reason is redacted before it is kept (./health redact).
import type { Db } from '../store/db';
import {
  deliveryReport,
  type LinkState,
  type LinkStateName,
  type Platform,
  type PlatformFacts,
  redact,
} from './health';
import type { DeliveryEvent } from './outcome';
import type { SendResult } from './sender';

export interface MetricsSink {
  inc(name: string, help: string, labels?: Record<string, string>, by?: number): void;
  set(name: string, help: string, labels: Record<string, string>, value: number): void;
}

/** What a chat client says about its connection. */
export interface LinkReport {
  set(state: Exclude<LinkStateName, 'off'>, reason?: string): void;
  /** A connect attempt failed; the client keeps trying (state and since unchanged). */
  attemptFailed(reason: string): void;
}

export interface DeliveryMonitorDeps {
  readonly db: Db;
  readonly clock: () => number;
  /** Platforms with a token; the others are reported `off`. */
  readonly configured: Readonly<Record<Platform, boolean>>;
  /** An alert pending longer than this (or a platform not connected for longer) degrades health. */
  readonly staleAfterMs: number;
  /** Configured secrets, never shown (tokens, signing and webhook secrets, provider keys). */
  readonly secrets: readonly string[];
  readonly metrics: MetricsSink;
}

const PLATFORMS: readonly Platform[] = ['telegram', 'slack'];
const OUTCOME: Record<SendResult['kind'], string> = {
  sent: 'sent',
  'rate-limited': 'rate_limited',
  retryable: 'retried',
  failed: 'failed',
  gone: 'gone',
  migrated: 'migrated',
};
const DELIVERIES = [
  'rased_deliveries_total',
  'Messages handed to a chat platform, by outcome (a digest is one)',
] as const;
const CONNECT_FAILURES = [
  'rased_chat_connect_failures_total',
  'Failed attempts to connect to a chat platform',
] as const;

/** The error a result leaves on the platform; null for sent and for a chat's own end (gone, migrated). */
function errorOf(r: SendResult): string | null {
  if (r.kind === 'rate-limited') return `rate limited for ${Math.ceil(r.retryAfterMs / 1000)} s: ${r.reason}`;
  if (r.kind === 'retryable') return `will retry: ${r.reason}`;
  if (r.kind === 'failed') return `failed: ${r.reason}`;
  return null;
}

export function createDeliveryMonitor(deps: DeliveryMonitorDeps) {
  const { db, clock, metrics } = deps;
  const started = clock();
  const hide = (s: string) => redact(s, deps.secrets);
  const state = new Map<
    Platform,
    { link: LinkState; lastSentAt: number | null; lastError: PlatformFacts['lastError'] }
  >();
  for (const p of PLATFORMS) {
    const initial = deps.configured[p] ? 'starting' : 'off';
    state.set(p, {
      link: { state: initial, since: started, reason: null, attempts: 0 },
      lastSentAt: null,
      lastError: null,
    });
    if (!deps.configured[p]) continue;
    // Every series exists from the start, so rate() and absence alerts work before the first send.
    for (const outcome of Object.values(OUTCOME)) metrics.inc(...DELIVERIES, { platform: p, outcome }, 0);
    metrics.inc(...CONNECT_FAILURES, { platform: p }, 0);
  }
  const outbox = db.prepare<[], { platform: string; pending: number; oldest: number | null }>(
    `SELECT s.platform AS platform, count(*) AS pending,
       min(CASE WHEN s.active = 1 AND s.paused_at IS NULL AND s.digest = 'off' THEN a.created_at END) AS oldest
     FROM alerts a JOIN subscribers s ON s.id = a.subscriber_id
     WHERE a.status IN ('pending', 'sending') GROUP BY s.platform`,
  );

  function link(p: Platform): LinkReport {
    const s = state.get(p)!;
    return {
      set(next, reason) {
        const cur = s.link;
        // A platform that failed and was then stopped stays failed: the failure is the news.
        if (next === 'stopped' && cur.state === 'failed') return;
        const why = reason ? hide(reason) : null;
        if (next === cur.state && why === cur.reason) return;
        if (next === 'failed') {
          metrics.inc(...CONNECT_FAILURES, { platform: p });
          s.lastError = { at: clock(), reason: `connect: ${why ?? 'failed'}` };
        }
        const same = next === cur.state;
        s.link = { state: next, since: same ? cur.since : clock(), reason: why, attempts: same ? cur.attempts : 0 };
      },
      attemptFailed(reason) {
        metrics.inc(...CONNECT_FAILURES, { platform: p });
        s.link = { ...s.link, reason: hide(reason), attempts: s.link.attempts + 1 };
        s.lastError = { at: clock(), reason: hide(`connect: ${reason}`) };
      },
    };
  }

  function onEvent(p: Platform) {
    const s = state.get(p)!;
    return (e: DeliveryEvent) => {
      if (e.kind !== 'result') return;
      metrics.inc(...DELIVERIES, { platform: p, outcome: OUTCOME[e.result.kind] });
      if (e.result.kind === 'sent') s.lastSentAt = e.at;
      const error = errorOf(e.result);
      if (error) s.lastError = { at: e.at, reason: hide(error) };
    };
  }

  function facts(): Record<Platform, PlatformFacts> {
    const rows = new Map(outbox.all().map((r) => [r.platform, r]));
    const out = {} as Record<Platform, PlatformFacts>;
    for (const p of PLATFORMS) {
      const s = state.get(p)!;
      const row = rows.get(p);
      out[p] = { ...s, pending: row?.pending ?? 0, oldestPendingAt: row?.oldest ?? null };
    }
    return out;
  }

  return {
    /** What the platform's service reports to: its client's state and the dispatcher's events. */
    reporter: (p: Platform) => ({ link: link(p), onEvent: onEvent(p) }),
    /** The `delivery` part of /healthz. */
    report: (now = clock()) => deliveryReport(facts(), now, deps.staleAfterMs),
    /** Sets the delivery gauges before /metrics is rendered. */
    collect(now = clock()) {
      const all = facts();
      for (const p of PLATFORMS) {
        if (!deps.configured[p]) continue;
        const f = all[p];
        const labels = { platform: p };
        metrics.set('rased_outbox_pending', 'Alerts waiting to be sent (pending or sending)', labels, f.pending);
        metrics.set(
          'rased_outbox_oldest_pending_seconds',
          'Age of the oldest alert waiting for a chat that gets alerts as they come (0: none)',
          labels,
          f.oldestPendingAt === null ? 0 : Math.max(0, Math.round((now - f.oldestPendingAt) / 1000)),
        );
        metrics.set(
          'rased_chat_connected',
          'Whether the chat platform client is connected (1) or not (0)',
          labels,
          f.link.state === 'connected' ? 1 : 0,
        );
        if (f.lastSentAt !== null)
          metrics.set(
            'rased_delivery_last_sent_timestamp_seconds',
            'When a message last reached the chat platform (Unix time)',
            labels,
            Math.floor(f.lastSentAt / 1000),
          );
      }
    },
  };
}

export type DeliveryMonitor = ReturnType<typeof createDeliveryMonitor>;
