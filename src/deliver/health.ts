// Delivery health, derived from facts (pure): per platform, the state its chat client reports, the
// outbox backlog, the last send and the last error → ok or degraded, with the reasons. A platform
// degrades /healthz when
//   1. its client failed (token refused, another instance polling): nothing goes out until fixed;
//   2. it has been starting or reconnecting for longer than staleAfterMs (e.g. a Socket Mode
//      connection that keeps failing to open);
//   3. it stopped on its own (the process is running but this platform is not);
//   4. its oldest pending alert is older than staleAfterMs (DELIVERY_CATCH_UP_AFTER_MIN, the age at
//      which the dispatcher itself treats a backlog as an outage).
// A platform without a token is `off` and never degrades the report.

export type Platform = 'telegram' | 'slack';
export type LinkStateName = 'off' | 'starting' | 'connected' | 'reconnecting' | 'failed' | 'stopped';

export interface LinkState {
  readonly state: LinkStateName;
  /** When this state began (epoch ms). */
  readonly since: number;
  /** Why (failed, or the last failed attempt while starting or reconnecting); already redacted. */
  readonly reason: string | null;
  /** Failed attempts to connect since the last success. */
  readonly attempts: number;
}

export interface PlatformFacts {
  readonly link: LinkState;
  /** Alerts pending or being sent. */
  readonly pending: number;
  /** created_at of the oldest pending alert of a chat that gets alerts as they come (not paused, no digest). */
  readonly oldestPendingAt: number | null;
  readonly lastSentAt: number | null;
  readonly lastError: { readonly at: number; readonly reason: string } | null;
}

export interface PlatformHealth {
  readonly status: 'ok' | 'degraded';
  readonly state: LinkStateName;
  readonly since: number;
  readonly reason: string | null;
  readonly attempts: number;
  readonly pending: number;
  readonly oldestPendingSeconds: number | null;
  readonly lastSentAt: number | null;
  readonly lastError: { readonly at: number; readonly reason: string } | null;
  /** Why the platform is degraded, one line each (empty when ok). */
  readonly problems: readonly string[];
}

const minutes = (ms: number) => `${Math.round(ms / 60_000)} min`;

export function platformHealth(f: PlatformFacts, now: number, staleAfterMs: number): PlatformHealth {
  const { link } = f;
  const problems: string[] = [];
  const down = Math.max(0, now - link.since);
  const why = link.reason ? `: ${link.reason}` : '';
  if (link.state === 'failed') problems.push(`failed${why}`);
  if (link.state === 'stopped') problems.push(`stopped${why}`);
  if ((link.state === 'starting' || link.state === 'reconnecting') && down > staleAfterMs)
    problems.push(`${link.state} for ${minutes(down)}${why}`);
  const oldestMs = f.oldestPendingAt === null ? null : Math.max(0, now - f.oldestPendingAt);
  if (link.state !== 'off' && oldestMs !== null && oldestMs > staleAfterMs)
    problems.push(`oldest pending alert waited ${minutes(oldestMs)} (limit ${minutes(staleAfterMs)})`);
  return {
    status: problems.length ? 'degraded' : 'ok',
    state: link.state,
    since: link.since,
    reason: link.reason,
    attempts: link.attempts,
    pending: f.pending,
    oldestPendingSeconds: oldestMs === null ? null : Math.round(oldestMs / 1000),
    lastSentAt: f.lastSentAt,
    lastError: f.lastError,
    problems,
  };
}

export function deliveryReport(
  facts: Readonly<Partial<Record<Platform, PlatformFacts>>>,
  now: number,
  staleAfterMs: number,
) {
  const platforms: Partial<Record<Platform, PlatformHealth>> = {};
  for (const [name, f] of Object.entries(facts) as [Platform, PlatformFacts][])
    platforms[name] = platformHealth(f, now, staleAfterMs);
  const degraded = Object.values(platforms).some((p) => p.status === 'degraded');
  return { status: degraded ? ('degraded' as const) : ('ok' as const), platforms };
}

// Token shapes, in case one reaches an error message without being one of the configured secrets:
// Telegram bot tokens (123456:ABC…), Slack xoxb-/xoxp-/xapp- tokens.
const TOKEN_SHAPES = [/\d{6,}:[A-Za-z0-9_-]{30,}/g, /\bx(?:ox[a-z]|app)-[A-Za-z0-9-]+/g];
const MAX_REASON = 300;

/** An error message fit for /healthz and /metrics: secrets and token-shaped strings removed, short. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join('[redacted]');
  for (const shape of TOKEN_SHAPES) out = out.replace(shape, '[redacted]');
  return out.length > MAX_REASON ? `${out.slice(0, MAX_REASON - 1)}…` : out;
}
