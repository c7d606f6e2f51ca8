// Slack end to end, wired from its parts: the command core, the Bolt app (HTTP receiver or Socket
// Mode) and the outbox dispatcher with the Slack sender, paced at Slack's limits. app.ts starts it
// when SLACK_BOT_TOKEN is set; tests point it at the Web API stand-in with apiUrl. A refused token
// (at start, or later as invalid_auth on a send) stops the Slack side with one clear log line; alerts
// stay in the outbox for when a valid token is configured.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createDispatcher, type Dispatcher } from '../../deliver/dispatcher';
import type { Limits } from '../../deliver/pacer';
import { type ChatPlatformDeps, createPlatformParts } from '../platform';
import { createSlackApp, type SlackStart } from './app';
import { createSlackClient } from './client';
import { createHomeStore } from './home-store';
import { SLACK_LIMITS } from './limits';
import { createSlackSender } from './sender';

export interface SlackServiceDeps extends ChatPlatformDeps {
  readonly botToken: string;
  readonly appToken: string | null;
  readonly signingSecret: string | null;
  readonly apiUrl: string | null;
  readonly port: number;
  readonly adminIds: readonly string[];
  /** Served on the same port as /slack/events (the observe server's /healthz and /metrics). */
  readonly routes?: Record<string, (req: IncomingMessage, res: ServerResponse) => void>;
  readonly limits?: Limits;
  /** Bolt's listener; false = delivery only (tests of the dispatcher path). */
  readonly listen?: boolean;
}

export function createSlackService(deps: SlackServiceDeps) {
  const { store, views, core } = createPlatformParts(deps);
  const home = createHomeStore(deps.db);
  const slack =
    deps.listen === false
      ? null
      : createSlackApp(
          {
            botToken: deps.botToken,
            appToken: deps.appToken,
            signingSecret: deps.signingSecret,
            apiUrl: deps.apiUrl,
            port: deps.port,
            log: deps.log,
            ...(deps.routes ? { routes: deps.routes } : {}),
            ...(deps.link ? { link: deps.link } : {}),
          },
          { core, home, fingerprint: home.fingerprint, adminIds: deps.adminIds },
        );
  let stopped = false;
  const sender = createSlackSender({
    client: createSlackClient({ token: deps.botToken, apiUrl: deps.apiUrl }),
    onAuthFailure: (reason) => {
      deps.link?.set('failed', `token refused (${reason}): set a valid SLACK_BOT_TOKEN and restart`);
      deps.log.error(
        { platform: 'slack', reason },
        `slack: token refused (${reason}) while sending; stopping Slack. Alerts wait in the outbox: set a valid SLACK_BOT_TOKEN and restart.`,
      );
      void service.stop();
    },
  });
  const dispatcher: Dispatcher = createDispatcher({
    store,
    views,
    sender,
    limits: deps.limits ?? SLACK_LIMITS,
    ...(deps.plan ? { plan: deps.plan } : {}),
    clock: deps.clock,
    random: deps.random,
    log: deps.log,
    ...(deps.scanEveryMs ? { scanEveryMs: deps.scanEveryMs } : {}),
    ...(deps.onEvent ? { onEvent: deps.onEvent } : {}),
  });

  const service = {
    store,
    core,
    app: slack?.app ?? null,
    dispatcher,
    /** Starts the listener (a refused token is a value: Slack stays off) and the dispatcher. */
    async start(): Promise<SlackStart | { kind: 'started'; mode: 'delivery-only' }> {
      deps.link?.set('starting');
      const started = slack ? await slack.start() : ({ kind: 'started', mode: 'delivery-only' } as const);
      if (started.kind === 'failed') deps.link?.set('failed', started.reason);
      else {
        deps.link?.set('connected');
        dispatcher.start();
      }
      return started;
    },
    async stop(): Promise<void> {
      if (stopped) return;
      stopped = true;
      await dispatcher.stop();
      await slack?.stop();
      deps.link?.set('stopped');
    },
  };
  return service;
}

export type SlackService = ReturnType<typeof createSlackService>;
