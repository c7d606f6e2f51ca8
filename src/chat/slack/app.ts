// The Slack app (Bolt): Socket Mode when an app-level token is set (no public URL needed), else the
// HTTP receiver on PORT at /slack/events. Bolt's HTTP receiver checks every request's signature
// (v0 HMAC-SHA256 over `v0:timestamp:body` with the signing secret, timestamps older than 5 minutes
// refused) and answers 401 before any listener runs. Other routes on the same port (/healthz,
// /metrics) are passed in as custom routes. The token is checked once at start (auth.test), and in
// Socket Mode the app-level token by apps.connections.open: a refused token is a value, so the
// caller can say so and carry on without Slack.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { App, HTTPReceiver } from '@slack/bolt';
import type { LinkReport } from '../../deliver/monitor';
import { classifySlackError } from './errors';
import { type HandlerDeps, registerHandlers } from './handlers';
import { boltLogger, type LogSink } from './logger';
import { createSocketReceiver } from './socket';

export interface SlackAppOptions {
  readonly botToken: string;
  /** SLACK_APP_TOKEN (xapp-…): Socket Mode. */
  readonly appToken: string | null;
  /** SLACK_SIGNING_SECRET: required for the HTTP receiver. */
  readonly signingSecret: string | null;
  readonly apiUrl: string | null;
  /** PORT for the HTTP receiver (0: any free port). */
  readonly port: number;
  /** Extra GET routes served on the same port (the observe server's /healthz and /metrics). */
  readonly routes?: Record<string, (req: IncomingMessage, res: ServerResponse) => void>;
  readonly log: LogSink;
  /** Socket Mode reports its connection state here (./socket). */
  readonly link?: LinkReport;
}

export type SlackStart =
  | { readonly kind: 'started'; readonly mode: 'http'; readonly port: number }
  | { readonly kind: 'started'; readonly mode: 'socket' }
  | { readonly kind: 'failed'; readonly reason: string };

// What start() checks, and what to fix when Slack says no.
const STEP = {
  bot: { call: 'auth.test', token: 'token', env: 'SLACK_BOT_TOKEN' },
  socket: {
    call: 'apps.connections.open',
    token: 'app-level token',
    env: 'SLACK_APP_TOKEN (an xapp-… token with connections:write)',
  },
} as const;

/** Slack's error code when the Web API said no (api.slack.com/web#responses), else the message. */
function refusal(err: unknown): { reason: string; refused: boolean } {
  const code = (err as { data?: { error?: string } }).data?.error;
  return { reason: code ?? (err as Error).message, refused: !!code && classifySlackError(code) === 'auth' };
}

export function createSlackApp(opts: SlackAppOptions, deps: Omit<HandlerDeps, 'log'>) {
  const logger = boltLogger(opts.log);
  const clientOptions = opts.apiUrl ? { slackApiUrl: opts.apiUrl } : {};
  const socket = opts.appToken !== null;
  if (!socket && !opts.signingSecret) {
    throw new Error('SLACK_SIGNING_SECRET is required for Slack over HTTP (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  const sockets = socket
    ? createSocketReceiver({
        appToken: opts.appToken!,
        // Its own copy: the Socket Mode client writes its retry policy into the options it gets.
        clientOptions: { ...clientOptions },
        logger,
        ...(opts.link ? { link: opts.link } : {}),
      })
    : null;
  const receiver = socket
    ? sockets!.receiver
    : new HTTPReceiver({
        signingSecret: opts.signingSecret!,
        endpoints: '/slack/events',
        logger,
        customRoutes: Object.entries(opts.routes ?? {}).map(([path, handler]) => ({
          path,
          method: ['GET', 'HEAD'],
          handler,
        })),
        // Unknown paths get a plain 404 instead of Bolt's thrown "unhandled request".
        dispatchErrorHandler: async ({ response }) => {
          if (!response.headersSent) response.writeHead(404, { 'content-type': 'text/plain' });
          response.end('not found: try /healthz, /metrics or POST /slack/events\n');
        },
      });
  const app = new App({
    token: opts.botToken,
    logger,
    clientOptions,
    deferInitialization: true,
    receiver,
  });
  app.error(async (err) => {
    opts.log.error({ err: err.message, code: (err as { code?: string }).code }, 'slack listener failed');
  });
  registerHandlers(app, { ...deps, log: opts.log });

  function failed(step: keyof typeof STEP, { reason, refused }: { reason: string; refused: boolean }): SlackStart {
    const { call, token, env } = STEP[step];
    const what = refused ? `${token} refused` : `${call} failed`;
    opts.log.error(
      { platform: 'slack', reason },
      `slack: ${what} (${reason}); Slack is off. Check ${env} (and SLACK_API_URL if set).`,
    );
    return { kind: 'failed', reason };
  }

  return {
    app,
    async start(): Promise<SlackStart> {
      // Slack refuses other token types with not_allowed_token_type, which the Socket Mode client
      // does not count as fatal: it would retry for ever and start() would never return.
      if (socket && !opts.appToken!.startsWith('xapp-'))
        return failed('socket', { reason: 'not an app-level token (xapp-…)', refused: true });
      try {
        await app.init();
      } catch (err) {
        return failed('bot', refusal(err));
      }
      if (socket) {
        try {
          await app.start();
        } catch (err) {
          return failed('socket', refusal(err));
        }
        return { kind: 'started', mode: 'socket' };
      }
      const server = (await app.start(opts.port)) as Server;
      const addr = server.address();
      return { kind: 'started', mode: 'http', port: typeof addr === 'object' && addr ? addr.port : opts.port };
    },
    async stop(): Promise<void> {
      // Socket Mode: Bolt's stop() does not wait for the close handshake; ./socket does.
      if (sockets) await sockets.stop();
      else await app.stop().catch(() => {});
    },
  };
}

export type SlackApp = ReturnType<typeof createSlackApp>;
