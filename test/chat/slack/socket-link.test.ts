// Socket Mode's connection state, as /healthz reports it: the real Bolt app and Socket Mode client
// against the Web API and Socket Mode stand-ins, reporting to the real delivery monitor (SQLite
// :memory: with the real migrations). A connection that keeps failing to open is visible, and
// stop() waits for the WebSocket close handshake.
import { afterEach, describe, expect, it } from 'vitest';
import { createDeliveryMonitor } from '../../../src/deliver/monitor';
import { createMetrics } from '../../../src/observe/metrics';
import { openStore } from '../../../src/store/db';
import { waitFor } from '../../helpers/wait';
import { APP_TOKEN, type Harness, startHarness } from './harness';

const MIN = 60_000;
let h: Harness | undefined;
let store: ReturnType<typeof openStore> | undefined;
afterEach(async () => {
  await h?.close();
  store?.close();
  h = undefined;
  store = undefined;
});

function monitor() {
  store = openStore(':memory:');
  const clock = { now: Date.now() };
  const metrics = createMetrics();
  const m = createDeliveryMonitor({
    db: store.db,
    clock: () => clock.now,
    configured: { telegram: false, slack: true },
    staleAfterMs: 15 * MIN,
    secrets: [APP_TOKEN],
    metrics,
  });
  const slack = () => m.report().platforms.slack!;
  return { m, clock, metrics, slack, store };
}

describe('Socket Mode connection state', () => {
  it('connected, reconnecting after Slack’s disconnect, then connected again', async () => {
    const { m, slack, store: s } = monitor();
    h = await startHarness({ socket: { appToken: APP_TOKEN }, store: s, link: m.reporter('slack').link });
    expect(slack()).toMatchObject({ state: 'connected', status: 'ok' });
    h.ws!.disconnect('refresh_requested');
    await waitFor('reconnecting', () => slack().state === 'reconnecting');
    // The client waits clientPingTimeout (5 s) before it reconnects.
    await waitFor('connected again', () => h!.ws!.hellos() === 2 && slack().state === 'connected', 15_000);
    expect(slack().attempts).toBe(0);
  }, 20_000);

  it('an app-level token revoked while connected: failed on the next reconnect, and no unhandled rejection', async () => {
    const { m, slack, store: s } = monitor();
    h = await startHarness({ socket: { appToken: APP_TOKEN }, store: s, link: m.reporter('slack').link });
    h.api.script('apps.connections.open', { error: 'invalid_auth' }, 10);
    h.ws!.disconnect('refresh_requested');
    // The SDK rejects a promise nobody handles on this refusal: vitest fails the run if one escapes.
    await waitFor('failed', () => slack().state === 'failed', 15_000);
    expect(slack()).toMatchObject({
      status: 'degraded',
      reason: 'app-level token refused (invalid_auth): set a valid SLACK_APP_TOKEN and restart',
    });
    expect(h.lines.some((l) => l.level === 'error' && /app-level token refused/.test(l.msg))).toBe(true);
  }, 20_000);

  it('stop() returns once the close handshake has started, and reports no reconnect', async () => {
    const { m, slack, store: s } = monitor();
    h = await startHarness({ socket: { appToken: APP_TOKEN }, store: s, link: m.reporter('slack').link });
    await h.slack.stop();
    // Bolt's own stop() returns before the close frame is even written.
    expect(h.ws!.closes()).toBe(1);
    expect(slack().state).toBe('connected');
  });

  it('a connection that keeps failing to open: starting, with attempts and the reason; degraded after 15 min', async () => {
    const { m, clock, metrics, slack, store: s } = monitor();
    h = await startHarness({
      socket: { appToken: APP_TOKEN },
      store: s,
      link: m.reporter('slack').link,
      background: true,
    });
    // Scripted before start() gets that far: auth.test, an HTTP round trip, comes first.
    h.api.script('apps.connections.open', { status: 503 }, 1000);
    await waitFor('two failed attempts', () => slack().attempts >= 2, 15_000);
    expect(slack()).toMatchObject({ state: 'starting', status: 'ok', reason: 'apps.connections.open: HTTP 503' });
    expect(slack().lastError?.reason).toBe('connect: apps.connections.open: HTTP 503');
    m.collect();
    expect(metrics.render()).toMatch(/rased_chat_connect_failures_total\{platform="slack"\} [2-9]/);
    expect(metrics.render()).toContain('rased_chat_connected{platform="slack"} 0');
    clock.now += 16 * MIN;
    expect(slack()).toMatchObject({
      status: 'degraded',
      problems: ['starting for 16 min: apps.connections.open: HTTP 503'],
    });
    expect(m.report().status).toBe('degraded');
    await h.slack.stop();
    expect(h.ws!.hellos()).toBe(0);
  }, 20_000);
});
