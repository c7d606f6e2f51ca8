import { describe, expect, it } from 'vitest';
import {
  deliveryReport,
  type LinkStateName,
  type PlatformFacts,
  platformHealth,
  redact,
} from '../../src/deliver/health';

const NOW = Date.UTC(2025, 0, 15, 12);
const MIN = 60_000;
const STALE = 15 * MIN;

const facts = (
  state: LinkStateName,
  o: { sinceMin?: number; reason?: string; oldestMin?: number; pending?: number } = {},
): PlatformFacts => ({
  link: { state, since: NOW - (o.sinceMin ?? 1) * MIN, reason: o.reason ?? null, attempts: 0 },
  pending: o.pending ?? (o.oldestMin === undefined ? 0 : 1),
  oldestPendingAt: o.oldestMin === undefined ? null : NOW - o.oldestMin * MIN,
  lastSentAt: null,
  lastError: null,
});

describe('platform health from its state, its outbox and the clock', () => {
  it.each([
    ['connected, empty outbox', facts('connected'), 'ok', []],
    ['connected, a fresh backlog', facts('connected', { oldestMin: 14, pending: 40 }), 'ok', []],
    [
      'connected, an alert pending 16 min',
      facts('connected', { oldestMin: 16 }),
      'degraded',
      ['oldest pending alert waited 16 min (limit 15 min)'],
    ],
    ['starting for 2 min', facts('starting', { sinceMin: 2 }), 'ok', []],
    [
      'starting for 20 min (Socket Mode that keeps failing to open)',
      facts('starting', { sinceMin: 20, reason: 'network: ECONNREFUSED' }),
      'degraded',
      ['starting for 20 min: network: ECONNREFUSED'],
    ],
    ['reconnecting for 1 min', facts('reconnecting', { sinceMin: 1 }), 'ok', []],
    ['reconnecting for 30 min', facts('reconnecting', { sinceMin: 30 }), 'degraded', ['reconnecting for 30 min']],
    [
      'failed a second ago',
      facts('failed', { sinceMin: 0, reason: 'token refused (401 Unauthorized)' }),
      'degraded',
      ['failed: token refused (401 Unauthorized)'],
    ],
    ['stopped on its own', facts('stopped'), 'degraded', ['stopped']],
    [
      'failed with an old backlog: both reasons',
      facts('failed', { reason: 'invalid_auth', oldestMin: 60 }),
      'degraded',
      ['failed: invalid_auth', 'oldest pending alert waited 60 min (limit 15 min)'],
    ],
    ['off (no token), even with alerts waiting', facts('off', { sinceMin: 600, oldestMin: 600 }), 'ok', []],
    ['an alert stamped in the future (clock skew)', facts('connected', { oldestMin: -5 }), 'ok', []],
  ] as const)('%s → %s', (_name, f, status, problems) => {
    const h = platformHealth(f, NOW, STALE);
    expect(h.status).toBe(status);
    expect(h.problems).toEqual(problems);
  });

  it('reports the ages in seconds and keeps the facts', () => {
    const h = platformHealth(facts('connected', { oldestMin: 2, pending: 3 }), NOW, STALE);
    expect(h).toMatchObject({ state: 'connected', pending: 3, oldestPendingSeconds: 120, lastSentAt: null });
    expect(platformHealth(facts('connected'), NOW, STALE).oldestPendingSeconds).toBeNull();
  });
});

describe('the delivery report', () => {
  it.each([
    [{}, 'ok'],
    [{ telegram: facts('connected'), slack: facts('off') }, 'ok'],
    [{ telegram: facts('connected'), slack: facts('failed', { reason: 'invalid_auth' }) }, 'degraded'],
    [{ telegram: facts('connected', { oldestMin: 20 }) }, 'degraded'],
  ] as const)('%j → %s', (all, status) => {
    expect(deliveryReport(all, NOW, STALE).status).toBe(status);
  });
});

describe('redact', () => {
  it.each([
    [
      'Network request for sendMessage failed: https://api.telegram.org/bot123456:AAE-abcdefghijklmnopqrstuvwxyz012/x',
      'bot[redacted]/x',
    ],
    ['invalid_auth for xoxb-1234-5678-abcDEF', 'invalid_auth for [redacted]'],
    ['app token xapp-1-A1-2-abc refused', 'app token [redacted] refused'],
    ['the secret is hunter2-signing', 'the secret is [redacted]'],
    ['plain reason', 'plain reason'],
  ])('%j', (text, expected) => {
    expect(redact(text, ['hunter2-signing'])).toContain(expected);
    expect(redact(text, ['hunter2-signing'])).not.toMatch(/hunter2|AAE-abc|xoxb-1234|xapp-1-A1/);
  });

  it('shortens a long reason', () => {
    expect(redact('x'.repeat(1000), [])).toHaveLength(300);
  });
});
