// /healthz and /metrics tell whether alerts get out: the real app (SQLite file, real migrations, the
// pipeline recording an alert from a local feed), the real grammY bot and dispatcher against the Bot
// API stand-in, and the real observe server on 127.0.0.1 port 0. Scenarios: a revoked token (at start,
// and while running), a 429 flood wait, a 502, and the healthy path.
import type { AddressInfo } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSlackService } from '../../src/chat/slack/service';
import { createTelegramService, type TelegramService } from '../../src/chat/telegram/service';
import { createObserveServer, listen } from '../../src/observe/http';
import { silentLogger } from '../../src/observe/log';
import { loadWorld, type World } from '../../src/world';
import { startTestApp, type TestApp } from '../helpers/app';
import { startServer, type TestServer } from '../helpers/http-server';
import { startSlackStandIn } from '../helpers/slack-api-server';
import { startTelegramApi, type TelegramStandIn } from '../helpers/telegram-api-server';

const TOKEN = '123456:TEST-token'; // the one the stand-in accepts
const REVOKED = '123456:REVOKED-token-abcdefghijklmnopqrstuvwxyz';
const MIN = 60_000;

const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>اشتباكات بين قسد وخلايا داعش في ريف دير الزور</title>
<link>https://outlet.example/a/1</link><guid>g1</guid><pubDate>${new Date().toUTCString()}</pubDate>
<description>اندلعت اشتباكات بين قوات سوريا الديمقراطية وخلايا تابعة لتنظيم داعش في ريف دير الزور الشرقي صباح اليوم، وفق مصادر محلية أفادت بسقوط قتلى من الطرفين.</description></item></channel></rss>`;

let world: World;
beforeAll(() => {
  const w = loadWorld('config');
  if (!w.ok) throw new Error(w.error);
  world = w.value;
  void world.ctx;
}, 60_000);

type Health = ReturnType<TestApp['app']['health']>;

interface Base {
  readonly t: TestApp;
  /** The app's clock (alert times, /healthz ages); the dispatchers keep real time. */
  now: number;
  health(): Promise<Health>;
  metrics(): Promise<string>;
}

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f().catch(() => {});
});

/** The app with one alert recorded for `chatId` and waiting in the outbox, and /healthz, /metrics. */
async function base(platform: 'telegram' | 'slack', chatId: string, env: Record<string, string>): Promise<Base> {
  const feed: TestServer = await startServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS),
  );
  cleanup.push(() => feed.close());
  const clock = { now: Date.now() };
  const t = startTestApp(`sources:\n  - { id: s, name: Outlet, url: "${feed.url}/feed", backfill: 5 }\n`, {
    world,
    env,
    clock: () => clock.now,
  });
  cleanup.push(() => t.close());
  const sub = t.app.subscribers.ensure({ platform, chatId, chatType: 'private', uiLang: 'en' }, clock.now);
  t.app.subscribers.addWatch(sub.id, 'place:"Deir ez-Zor" SDF', {}, clock.now);
  await t.app.scheduler.runOnce();
  const observe = createObserveServer({ health: t.app.health, metrics: t.app.renderMetrics });
  await listen(observe, 0, '127.0.0.1');
  cleanup.push(async () => observe.close());
  const url = `http://127.0.0.1:${(observe.address() as AddressInfo).port}`;
  return {
    t,
    get now() {
      return clock.now;
    },
    set now(v) {
      clock.now = v;
    },
    health: async () => (await fetch(`${url}/healthz`)).json() as Promise<Health>,
    metrics: async () => (await fetch(`${url}/metrics`)).text(),
  };
}

/** What both platforms' services take from the app. */
const chatDeps = (t: TestApp) => ({
  db: t.app.store.db,
  articles: t.app.articles,
  matchContext: () => world.ctx,
  sourceName: () => 'Outlet',
  sources: () => [],
  limits: { perChatPerSec: 50, perGroupPerMin: 3000, globalPerSec: 500 },
  clock: Date.now,
  random: () => 0.5,
  log: silentLogger(),
  scanEveryMs: 20,
});

type Rig = Base & { readonly tg: TelegramStandIn; readonly svc: TelegramService };

/** Telegram with `token`, the bot not started yet. */
async function rig(token: string): Promise<Rig> {
  const tg = await startTelegramApi();
  cleanup.push(() => tg.close());
  const b = await base('telegram', '4242', { TELEGRAM_BOT_TOKEN: token });
  const svc = createTelegramService({
    token,
    apiRoot: tg.apiRoot,
    ...chatDeps(b.t),
    ...b.t.app.delivery.reporter('telegram'),
  });
  cleanup.push(() => svc.stop());
  return Object.assign(b, { tg, svc });
}

/** Polls `fn` until it returns something truthy (and returns it), or fails naming what it waited for. */
async function waitFor<T>(what: string, fn: () => Promise<T | null | false>, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The value of one series in Prometheus text, or undefined. */
const series = (text: string, name: string, labels: string) =>
  text
    .split('\n')
    .find((l) => l.startsWith(`${name}{${labels}} `))
    ?.split(' ')[1];
const count = (text: string, outcome: string) =>
  Number(series(text, 'rased_deliveries_total', `outcome="${outcome}",platform="telegram"`));

describe('delivery on /healthz and /metrics', () => {
  it('a revoked token at start: telegram failed, degraded, the alert pending, no token shown', async () => {
    const r = await rig(REVOKED);
    await expect(r.svc.start()).rejects.toThrow();
    const h = await r.health();
    expect(h.status).toBe('degraded');
    expect(h.sources_failing).toBe(0);
    expect(h.delivery.telegram!).toMatchObject({
      status: 'degraded',
      state: 'failed',
      reason: expect.stringMatching(/^token refused \(401 Unauthorized\)/),
      pending: 1,
      lastSentAt: null,
    });
    expect(h.delivery.slack).toMatchObject({ status: 'ok', state: 'off', pending: 0 });
    const m = await r.metrics();
    expect(series(m, 'rased_chat_connected', 'platform="telegram"')).toBe('0');
    expect(series(m, 'rased_outbox_pending', 'platform="telegram"')).toBe('1');
    expect(Number(series(m, 'rased_chat_connect_failures_total', 'platform="telegram"'))).toBeGreaterThan(0);
    expect(series(m, 'rased_chat_connected', 'platform="slack"')).toBeUndefined();
    expect(JSON.stringify(h) + m).not.toContain('REVOKED');
  });

  it('healthy: the alert goes out, sent counted, connected, nothing pending, ok', async () => {
    const r = await rig(TOKEN);
    await r.svc.start();
    await waitFor('the alert to be sent', async () => r.tg.sentTo(4242).length === 1);
    const m = await waitFor('sent on /metrics', async () => {
      const text = await r.metrics();
      return count(text, 'sent') === 1 ? text : null;
    });
    expect(series(m, 'rased_chat_connected', 'platform="telegram"')).toBe('1');
    expect(series(m, 'rased_outbox_pending', 'platform="telegram"')).toBe('0');
    expect(series(m, 'rased_outbox_oldest_pending_seconds', 'platform="telegram"')).toBe('0');
    expect(Number(series(m, 'rased_delivery_last_sent_timestamp_seconds', 'platform="telegram"'))).toBeGreaterThan(0);
    for (const o of ['rate_limited', 'retried', 'failed', 'gone', 'migrated']) expect(count(m, o)).toBe(0);
    expect(m).toContain('# TYPE rased_deliveries_total counter');
    expect(m).toContain('# TYPE rased_outbox_pending gauge');
    const h = await r.health();
    expect(h.status).toBe('ok');
    expect(h.delivery.telegram!).toMatchObject({ status: 'ok', state: 'connected', pending: 0, lastError: null });
    expect(h.delivery.telegram!.lastSentAt).toBeGreaterThan(0);
  });

  it('a 429 flood wait: counted, the alert pending, degraded once it waited past the catch-up age', async () => {
    const r = await rig(TOKEN);
    r.tg.storm(10 * MIN, 600);
    await r.svc.start();
    const m = await waitFor('the 429 on /metrics', async () => {
      const text = await r.metrics();
      return count(text, 'rate_limited') === 1 ? text : null;
    });
    expect(count(m, 'sent')).toBe(0);
    expect(series(m, 'rased_outbox_pending', 'platform="telegram"')).toBe('1');
    let h = await r.health();
    expect(h.status).toBe('ok');
    expect(h.delivery.telegram!).toMatchObject({ state: 'connected', pending: 1 });
    expect(h.delivery.telegram!.lastError?.reason).toMatch(/^rate limited for 600 s/);
    // DELIVERY_CATCH_UP_AFTER_MIN (15) later, the alert still waits: an outage.
    r.now += 16 * MIN;
    h = await r.health();
    expect(h.status).toBe('degraded');
    expect(h.delivery.telegram!.problems).toEqual(['oldest pending alert waited 16 min (limit 15 min)']);
    expect(Number(series(await r.metrics(), 'rased_outbox_oldest_pending_seconds', 'platform="telegram"'))).toBe(
      16 * 60,
    );
  });

  it('a 502: counted as retried, then sent', async () => {
    const r = await rig(TOKEN);
    r.tg.inject('sendMessage', 502, 'Bad Gateway');
    await r.svc.start();
    const m = await waitFor(
      'the retry to succeed',
      async () => {
        const text = await r.metrics();
        return count(text, 'sent') === 1 ? text : null;
      },
      15_000,
    );
    expect(count(m, 'retried')).toBe(1);
    expect((await r.health()).delivery.telegram!.lastError?.reason).toBe('will retry: 502 Bad Gateway');
  });

  it('long polling answered 502: reconnecting with the reason, then connected again', async () => {
    const r = await rig(TOKEN);
    await r.svc.start();
    await waitFor('connected', async () => (await r.health()).delivery.telegram!.state === 'connected');
    r.tg.inject('getUpdates', 502, 'Bad Gateway');
    // An update ends the long poll that is waiting, so the next getUpdates gets the 502.
    r.tg.pushUpdate({ my_chat_member: undefined });
    const h = await waitFor('reconnecting', async () => {
      const body = await r.health();
      return body.delivery.telegram!.state === 'reconnecting' ? body : null;
    });
    expect(h.delivery.telegram).toMatchObject({ status: 'ok', reason: '502 Bad Gateway', attempts: 1 });
    // grammY waits 3 s before it polls again; an update waiting makes that poll answer at once.
    r.tg.pushUpdate({ my_chat_member: undefined });
    await waitFor('connected again', async () => (await r.health()).delivery.telegram!.state === 'connected');
    expect((await r.health()).delivery.telegram!.attempts).toBe(0);
  });

  it('a token revoked while running: the next send fails with 401 and telegram shows failed', async () => {
    const r = await rig(TOKEN);
    r.tg.inject('sendMessage', 401, 'Unauthorized');
    await r.svc.start();
    const h = await waitFor('telegram failed', async () => {
      const body = await r.health();
      return body.delivery.telegram!.state === 'failed' ? body : null;
    });
    expect(h.status).toBe('degraded');
    expect(h.delivery.telegram!.reason).toMatch(/^token refused \(401 Unauthorized\)/);
    expect(count(await r.metrics(), 'retried')).toBeGreaterThanOrEqual(1);
  });
});

describe('Slack delivery on /healthz and /metrics', () => {
  async function slackRig() {
    const api = await startSlackStandIn({ channels: { C1: { name: 'newsroom', member: true } } });
    cleanup.push(() => api.close());
    const b = await base('slack', 'C1', { SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_APP_TOKEN: 'xapp-1-A1-test' });
    const svc = createSlackService({
      botToken: 'xoxb-test-token',
      appToken: null,
      signingSecret: null,
      apiUrl: api.apiUrl,
      port: 0,
      adminIds: [],
      listen: false,
      ...chatDeps(b.t),
      ...b.t.app.delivery.reporter('slack'),
    });
    cleanup.push(() => svc.stop());
    return Object.assign(b, { api, svc });
  }
  const slackCount = (text: string, outcome: string) =>
    Number(series(text, 'rased_deliveries_total', `outcome="${outcome}",platform="slack"`));

  it('healthy: sent counted, connected', async () => {
    const r = await slackRig();
    await r.svc.start();
    const m = await waitFor('sent on /metrics', async () => {
      const text = await r.metrics();
      return slackCount(text, 'sent') === 1 ? text : null;
    });
    expect(series(m, 'rased_chat_connected', 'platform="slack"')).toBe('1');
    expect(series(m, 'rased_chat_connected', 'platform="telegram"')).toBeUndefined();
    const h = await r.health();
    expect(h.status).toBe('ok');
    expect(h.delivery.slack).toMatchObject({ state: 'connected', pending: 0 });
    expect(h.delivery.telegram).toMatchObject({ state: 'off' });
  });

  it('a bot token refused on a send: failed with what to do, the alert kept, degraded', async () => {
    const r = await slackRig();
    r.api.script('chat.postMessage', { error: 'invalid_auth' });
    await r.svc.start();
    const h = await waitFor('slack failed', async () => {
      const body = await r.health();
      return body.delivery.slack!.state === 'failed' ? body : null;
    });
    expect(h.status).toBe('degraded');
    expect(h.delivery.slack).toMatchObject({
      reason: 'token refused (invalid_auth): set a valid SLACK_BOT_TOKEN and restart',
      pending: 1,
    });
    const m = await r.metrics();
    expect(slackCount(m, 'retried')).toBe(1);
    expect(series(m, 'rased_chat_connected', 'platform="slack"')).toBe('0');
    expect(JSON.stringify(h) + m).not.toContain('xoxb-test-token');
  });
});
