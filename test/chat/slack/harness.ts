// A running Slack app for tests: real SQLite (:memory:, real migrations), the real command core with
// the real gazetteer and aliases, the Web API stand-in, and the real Bolt App with its HTTP receiver
// on 127.0.0.1 port 0 or, with `socket`, in Socket Mode against the Socket Mode stand-in.

import { createCommandCore } from '../../../src/chat/commands/core';
import { createSlackApp, type SlackApp } from '../../../src/chat/slack/app';
import { createHomeStore } from '../../../src/chat/slack/home-store';
import type { LogSink } from '../../../src/chat/slack/logger';
import type { LinkReport } from '../../../src/deliver/monitor';
import { createOutboxStore } from '../../../src/deliver/outbox-store';
import { createArticlesRepo } from '../../../src/store/articles-repo';
import { openStore } from '../../../src/store/db';
import { loadWorld, type World } from '../../../src/world';
import { type SlackStandIn, startSlackStandIn } from '../../helpers/slack-api-server';
import { type SlackSocketServer, startSlackSocketServer } from '../../helpers/slack-socket-server';

export const SECRET = 'test-signing-secret-0123456789';
/** The app-level token the stand-in accepts for apps.connections.open. */
export const APP_TOKEN = 'xapp-1-A1-test-token';

let world: World | undefined;
export function testWorld(): World {
  if (!world) {
    const w = loadWorld('config');
    if (!w.ok) throw new Error(w.error);
    world = w.value;
  }
  return world;
}

export function recordingLog() {
  const lines: { level: string; obj: object; msg: string }[] = [];
  const at = (level: string) => (obj: object, msg: string) => void lines.push({ level, obj, msg });
  const log: LogSink = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { log, lines };
}

export interface Harness {
  readonly api: SlackStandIn;
  readonly slack: SlackApp;
  /** The HTTP receiver's origin ('' in Socket Mode). */
  readonly url: string;
  /** The Socket Mode stand-in (null over HTTP). */
  readonly ws: SlackSocketServer | null;
  readonly store: ReturnType<typeof openStore>;
  readonly outbox: ReturnType<typeof createOutboxStore>;
  readonly lines: ReturnType<typeof recordingLog>['lines'];
  /** What start() answered (null: still starting, with `background`). */
  readonly started: Awaited<ReturnType<SlackApp['start']>> | null;
  /** The clock every part reads; tests move it. */
  now: number;
  close(): Promise<void>;
}

export async function startHarness(o: {
  adminIds?: string[];
  token?: string;
  routes?: Parameters<typeof createSlackApp>[0]['routes'];
  store?: ReturnType<typeof openStore>;
  now?: number;
  /** Socket Mode with this app-level token (APP_TOKEN is the one the stand-in accepts). */
  socket?: { appToken: string };
  /** Where Socket Mode reports its connection state. */
  link?: LinkReport;
  /** Do not wait for start() (a connection that keeps failing to open never finishes starting). */
  background?: boolean;
}): Promise<Harness> {
  const ws = o.socket ? await startSlackSocketServer() : null;
  const api = await startSlackStandIn({
    channels: { C1: { name: 'newsroom' } },
    users: { U1: { name: 'editor' }, U2: { name: 'intern' } },
    appToken: APP_TOKEN,
    ...(ws ? { socketUrl: ws.connectUrl } : {}),
  });
  const store = o.store ?? openStore(':memory:');
  const outbox = createOutboxStore(store.db);
  const { log, lines } = recordingLog();
  const state = { now: o.now ?? Date.UTC(2025, 0, 15, 12) };
  const clock = () => state.now;
  const core = createCommandCore({
    store: outbox,
    articles: createArticlesRepo(store.db),
    matchContext: () => testWorld().ctx,
    sources: () => [
      { name: 'Enab Baladi', ok: true, error: null },
      { name: 'Rudaw', ok: false, error: 'HTTP 503' },
    ],
    clock,
  });
  const home = createHomeStore(store.db);
  const slack = createSlackApp(
    {
      botToken: o.token ?? 'xoxb-test-token',
      appToken: o.socket?.appToken ?? null,
      signingSecret: o.socket ? null : SECRET,
      apiUrl: api.apiUrl,
      port: 0,
      routes: o.routes,
      log,
      ...(o.link ? { link: o.link } : {}),
    },
    { core, home, fingerprint: home.fingerprint, adminIds: o.adminIds ?? [] },
  );
  const starting = slack.start();
  const started = o.background ? null : await starting;
  const url = started?.kind === 'started' && started.mode === 'http' ? `http://127.0.0.1:${started.port}` : '';
  const h: Harness = {
    api,
    slack,
    url,
    ws,
    store,
    outbox,
    lines,
    started,
    get now() {
      return state.now;
    },
    set now(v: number) {
      state.now = v;
    },
    async close() {
      if (started?.kind !== 'failed' || ws) await slack.stop();
      await ws?.close();
      await api.close();
      if (!o.store) store.close();
    },
  };
  return h;
}

/** An alert of story `storyId` in a channel: what the buttons under an alert refer to. */
export function seedAlert(h: Harness, chatId: string, storyId: number) {
  const sub = h.outbox.subscribers.ensure({ platform: 'slack', chatId }, h.now);
  h.outbox.alerts.insert(
    {
      subscriberId: sub.id,
      articleId: 1,
      storyId,
      watchId: null,
      kind: 'alert',
      replyTo: null,
      threadId: null,
      evidence: null,
    },
    h.now,
  );
  return sub;
}
