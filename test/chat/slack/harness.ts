// A running Slack app for tests: real SQLite (:memory:, real migrations), the Web API stand-in, and
// the real Bolt App with its HTTP receiver on 127.0.0.1 port 0.
import { createSlackApp, type SlackApp } from '../../../src/chat/slack/app';
import { createHomeStore } from '../../../src/chat/slack/home-store';
import type { LogSink } from '../../../src/chat/slack/logger';
import type { RunCommand } from '../../../src/chat/slack/port';
import { createAlertsRepo } from '../../../src/store/alerts-repo';
import { openStore } from '../../../src/store/db';
import { createSubscribersRepo } from '../../../src/store/subscribers-repo';
import { type SlackStandIn, startSlackStandIn } from '../../helpers/slack-api-server';

export const SECRET = 'test-signing-secret-0123456789';

export function recordingLog() {
  const lines: { level: string; obj: object; msg: string }[] = [];
  const at = (level: string) => (obj: object, msg: string) => void lines.push({ level, obj, msg });
  const log: LogSink = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { log, lines };
}

export interface Harness {
  readonly api: SlackStandIn;
  readonly slack: SlackApp;
  readonly url: string;
  readonly store: ReturnType<typeof openStore>;
  readonly subscribers: ReturnType<typeof createSubscribersRepo>;
  readonly alerts: ReturnType<typeof createAlertsRepo>;
  readonly lines: ReturnType<typeof recordingLog>['lines'];
  readonly started: Awaited<ReturnType<SlackApp['start']>>;
  close(): Promise<void>;
}

export async function startHarness(o: {
  run: (h: Pick<Harness, 'subscribers'>) => RunCommand;
  adminIds?: string[];
  token?: string;
  routes?: Parameters<typeof createSlackApp>[0]['routes'];
}): Promise<Harness> {
  const api = await startSlackStandIn({
    channels: { C1: { name: 'newsroom' } },
    users: { U1: { name: 'editor' }, U2: { name: 'intern' } },
  });
  const store = openStore(':memory:');
  const subscribers = createSubscribersRepo(store.db);
  const alerts = createAlertsRepo(store.db);
  const { log, lines } = recordingLog();
  const slack = createSlackApp(
    {
      botToken: o.token ?? 'xoxb-test-token',
      appToken: null,
      signingSecret: SECRET,
      apiUrl: api.apiUrl,
      port: 0,
      routes: o.routes,
      log,
    },
    {
      run: o.run({ subscribers }),
      subscribers,
      alerts,
      home: createHomeStore(store.db),
      adminIds: o.adminIds ?? [],
      clock: () => Date.UTC(2025, 0, 15, 12),
    },
  );
  const started = await slack.start();
  const url = started.kind === 'started' && started.mode === 'http' ? `http://127.0.0.1:${started.port}` : '';
  return {
    api,
    slack,
    url,
    store,
    subscribers,
    alerts,
    lines,
    started,
    async close() {
      if (started.kind === 'started') await slack.stop();
      await api.close();
      store.close();
    },
  };
}
