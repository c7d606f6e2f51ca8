// SLACK_* configuration and the service built from it: HTTP mode owns PORT and still answers
// /healthz and /metrics through the observe server's handler.
import { afterEach, describe, expect, it } from 'vitest';
import { slackFromConfig, slackOwnsPort } from '../../../src/chat/slack/wiring';
import { loadConfig } from '../../../src/config';
import { createObserveServer } from '../../../src/observe/http';
import { silentLogger } from '../../../src/observe/log';
import { createArticlesRepo } from '../../../src/store/articles-repo';
import { openStore } from '../../../src/store/db';
import { type SlackStandIn, startSlackStandIn } from '../../helpers/slack-api-server';
import { testWorld } from './harness';

describe('SLACK_* configuration', () => {
  it.each([
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, /SLACK_SIGNING_SECRET.*SLACK_APP_TOKEN/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }, /needs PORT/],
  ])('refuses %j', (env, error) => {
    const r = loadConfig(env);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });

  it.each([
    [{}, { appToken: null, signingSecret: null, apiUrl: null, adminIds: [] }],
    [
      { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_ADMIN_IDS: 'U1, U2 U3' },
      { appToken: 'xapp-1', signingSecret: null, apiUrl: null, adminIds: ['U1', 'U2', 'U3'] },
    ],
    [
      { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', PORT: '0', SLACK_API_URL: 'http://127.0.0.1:9/api/' },
      { appToken: null, signingSecret: 's', apiUrl: 'http://127.0.0.1:9/api/', adminIds: [] },
    ],
  ])('reads %j', (env, slack) => {
    const r = loadConfig(env);
    expect(r.ok && r.value.slack).toEqual(slack);
  });
});

let api: SlackStandIn | null = null;
afterEach(async () => {
  await api?.close();
  api = null;
});

/** The app's side of the wiring, on an in-memory store; /metrics answers `metrics`. */
const wiringDeps = (store: ReturnType<typeof openStore>, metrics: string) => ({
  db: store.db,
  articles: createArticlesRepo(store.db),
  matchContext: () => testWorld().ctx,
  sourceName: (id: string) => id,
  sources: () => [],
  log: silentLogger(),
  observe: createObserveServer({ health: () => ({ status: 'ok' }), metrics: () => metrics }),
});

describe('slackFromConfig', () => {
  it('is null without SLACK_BOT_TOKEN', () => {
    const c = loadConfig({});
    if (!c.ok) throw new Error(c.error);
    const store = openStore(':memory:');
    const svc = slackFromConfig(c.value, wiringDeps(store, ''));
    expect(svc).toBeNull();
    store.close();
  });

  it('in HTTP mode serves /slack/events, /healthz and /metrics on one port', async () => {
    api = await startSlackStandIn({});
    const c = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: 's',
      PORT: '0',
      SLACK_API_URL: api.apiUrl,
    });
    if (!c.ok) throw new Error(c.error);
    const store = openStore(':memory:');
    const svc = slackFromConfig(c.value, wiringDeps(store, 'rased_up 1\n'))!;
    const started = await svc.start();
    try {
      expect(slackOwnsPort(started)).toBe(true);
      if (started.kind !== 'started' || started.mode !== 'http') throw new Error('not http');
      const base = `http://127.0.0.1:${started.port}`;
      expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
      expect(await (await fetch(`${base}/metrics`)).text()).toBe('rased_up 1\n');
      expect((await fetch(`${base}/slack/events`, { method: 'POST', body: 'x=1' })).status).toBe(401);
    } finally {
      await svc.stop();
      store.close();
    }
  });
});
